/**
 * `npm run site:fixtures`: saves the rendered HTML of each page (and variant) of the demo back
 * office as unit-test fixtures, tests/unit/fixtures/antd/NAME.html, so unit tests read real
 * Ant Design DOM (React 18 + antd 5, and the antd 3 page) without a browser. Run it after
 * changing the demo back office and check the files in. Chromium only, without the extension.
 *
 * Each file is the page's <body> as rendered (scripts and Ant Design's CSS-in-JS <style> tags left
 * out), with the URL it was taken at in the first line's comment.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import puppeteer from 'puppeteer';
import { SEED, startSite } from '../tests/merchant-site/server';
import { findChromium, MAP_SITE_HOST, NETWORK_QUIET_CHROMIUM, ROOT } from './browsers';

const OUT = join(ROOT, 'tests/unit/fixtures/antd');
const O = SEED.orders;
const R = SEED.refunds;
const V = SEED.variants;

/** name → path, and what to do on the page before saving it. */
const PAGES: Array<{ name: string; path: string; after?: 'open-modal' | 'submit-empty' }> = [
  { name: 'order-list', path: '/zone/order/list' },
  { name: 'order-detail-shipped-discounted', path: `/zone/order/detail?id=${O.shippedDiscounted}` },
  { name: 'order-detail-coupon-label', path: `/zone/order/detail?id=${V.orders.couponLabel}` },
  { name: 'order-detail-two-after-sales', path: `/zone/order/detail?id=${V.orders.twoAfterSales}` },
  { name: 'order-detail-apply-modal', path: `/zone/order/detail?id=${O.delivered}&apply=modal`, after: 'open-modal' },
  { name: 'refund-apply', path: `/zone/refund/apply?orderId=${O.shipped}` },
  { name: 'refund-apply-errors', path: `/zone/refund/apply?orderId=${O.shipped}`, after: 'submit-empty' },
  { name: 'refund-apply-antd3', path: `/zone/refund/apply?orderId=${O.shipped}&antd=3` },
  { name: 'refund-list', path: '/zone/refund/list' },
  { name: 'refund-detail-approved', path: `/zone/refund/detail?id=${R.approved}` },
  { name: 'refund-detail-intervening', path: `/zone/refund/detail?id=${V.refunds.intervening}` },
  { name: 'refund-detail-rejected', path: `/zone/refund/detail?id=${V.refunds.firstRejected}` },
  { name: 'refund-detail-closed', path: `/zone/refund/detail?id=${V.refunds.closed}` },
  { name: 'shop-settings', path: '/zone/shop/settings' },
];

const site = await startSite({ port: 0, apiDelay: [0, 0], seed: { variants: true } });
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: [...NETWORK_QUIET_CHROMIUM, MAP_SITE_HOST],
});
mkdirSync(OUT, { recursive: true });
try {
  for (const p of PAGES) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(site.origin + p.path, { waitUntil: 'load' });
    await page.waitForFunction(() => !!document.querySelector('#root > *') && !document.querySelector('.page-loading, .ant-spin-spinning'), {
      timeout: 15_000,
    });
    if (p.after === 'open-modal') {
      await page.evaluate(() =>
        ([...document.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s/g, '') === '申请退款') as HTMLElement).click(),
      );
      await page.waitForSelector('.ant-modal #refundForm');
    }
    if (p.after === 'submit-empty') {
      await page.click('#refundForm button[type=submit]');
      await page.waitForSelector('.ant-form-item-explain-error');
    }
    // Let animations (modal, tabs ink bar) end.
    await new Promise((r) => setTimeout(r, 600));
    const html = await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('script, style, noscript')) el.remove();
      return body.innerHTML;
    });
    const file = join(OUT, `${p.name}.html`);
    writeFileSync(file, `<!-- ${p.path} (demo back office, captured by scripts/site-fixtures.ts) -->\n${html}\n`);
    console.log(`${relative(ROOT, file)}  ${(html.length / 1024).toFixed(1)} KB`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
