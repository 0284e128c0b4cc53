// The panel's runtime is built once per UI locale and the background injects the one of the
// browser's language: a Chinese browser gets the Chinese panel, an English one the English panel,
// each complete (title, field names, advice), with no text of the other language in its place.
import { expect, it } from 'vitest';
import { forEachBrowser, SEED } from './harness';

const LOCALES = [
  { lang: 'zh-CN', words: ['退款助手', '订单编号', '建议', '已发货'], other: ['Refund Helper'] },
  // The order's status in English too (the page prints 已发货).
  { lang: 'en-US', words: ['Refund Helper', 'Order no.', 'Advice', 'Shipped'], other: ['退款助手', '已发货'] },
];

for (const { lang, words, other } of LOCALES) {
  forEachBrowser(
    (b) => {
      it(`shows the panel in ${lang}`, async () => {
        const orderId = SEED.orders.shippedDiscounted;
        const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
        const p = await b.panel(page, { kind: 'order-detail' });
        await p.waitForField('orderId', orderId);
        const text = await page.$eval('refund-helper >>> [data-rh="panel"]', (n) => n.textContent ?? '');
        for (const w of words) expect(text).toContain(w);
        for (const w of other) expect(text).not.toContain(w);
      });
    },
    { title: lang, lang },
  );
}
