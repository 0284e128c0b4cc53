/**
 * Hostile pages ("never shows a wrong value silently", "page text is rendered as
 * text"): after the order detail page has rendered, its text is rewritten in place (textContent
 * assignments, as a compromised or odd page could) and the panel re-reads it:
 * markup and script in every field, 1 MB strings, RTL and zero-width characters, missing fields,
 * duplicated labels. A `window.__pwned` trap in the page catches any script that runs; the panel
 * must either show the right value or say the field cannot be read; the page must keep working.
 */
import type { Page } from 'puppeteer';
import { expect, it } from 'vitest';
import { forEachBrowser, inPanel, SEED, type E2E } from './harness';

const ORDER = SEED.orders.shipped; // ¥249.00 paid, 顺丰速运 SF1234567890123
const PAID_FEN = '24900';
const TRAP = 'window.__pwned=true';
const MARKUP = `<img src=x onerror="${TRAP}"><script>${TRAP}</script><svg onload="${TRAP}"></svg><iframe src="javascript:${TRAP}"></iframe>`;

/** Rewrites the value next to each label (descriptions items, hashed label/content pairs, dt/dd). */
const REWRITE = `(values) => {
  const byLabel = (label) => {
    const out = [];
    for (const l of document.querySelectorAll('.ant-descriptions-item-label, [class*="label__"], dt, th')) {
      if (l.closest('refund-helper')) continue;
      if (l.textContent.replace(/[\\s:：]/g, '') !== label) continue;
      const v = l.nextElementSibling ?? l.parentElement.querySelector('.ant-descriptions-item-content');
      if (v) out.push(v);
    }
    return out;
  };
  const touched = {};
  for (const [label, text] of Object.entries(values)) {
    const els = byLabel(label);
    touched[label] = els.length;
    for (const el of els) {
      if (text === null) { el.previousElementSibling?.remove(); el.remove(); }
      else el.textContent = text;
    }
  }
  // The order number in the page head ("订单号：…") too.
  for (const m of document.querySelectorAll('[class*="metaLine__"]')) {
    if (m.textContent.startsWith('订单号') && '订单编号' in values) m.textContent = values['订单编号'] === null ? '' : '订单号：' + values['订单编号'];
  }
  return touched;
}`;

async function trap(page: Page): Promise<void> {
  await page.evaluate(`window.__pwned = false`);
}

async function rewrite(page: Page, values: Record<string, string | null>): Promise<Record<string, number>> {
  return (await page.evaluate(`(${REWRITE})(${JSON.stringify(values)})`)) as Record<string, number>;
}

interface FieldState {
  value: string | null;
  missing: boolean;
  text: string;
  /** The field carries a visible note (e.g. "computed as …", "two values on the page"). */
  note: string | null;
}

async function fieldState(page: Page, name: string): Promise<FieldState> {
  const el = await page.$(inPanel(`[data-rh-field="${name}"]`));
  const missing = !!(await page.$(inPanel(`[data-rh-missing="${name}"]`)));
  if (!el) return { value: null, missing, text: '', note: null };
  const [value, text, note] = await el.evaluate(
    (n) => [n.getAttribute('data-value'), n.textContent ?? '', n.querySelector('small, [data-rh-note], [role="note"]')?.textContent ?? null] as const,
  );
  return { value: value === '' || value === 'undefined' || value === 'null' ? null : value, missing, text, note };
}

/** The value is one of `allowed`, or the panel has no value and says the field is missing. */
function expectRightOrFlagged(name: string, s: FieldState, allowed: string[]): void {
  if (s.value !== null) expect(allowed, `${name} shows ${JSON.stringify(s.value.slice(0, 80))}`).toContain(s.value);
  else expect(s.missing, `${name} has no value and is not flagged as unreadable`).toBe(true);
}

/** Nothing executable or loading ended up in the panel's shadow root, and no script ran. */
async function expectInert(page: Page): Promise<void> {
  await new Promise((r) => setTimeout(r, 300)); // an onerror fires asynchronously
  expect(await page.evaluate(`window.__pwned`)).toBe(false);
  const bad = await page.evaluate(`(() => {
    const host = document.querySelector('refund-helper');
    const root = host && host.shadowRoot;
    if (!root) return ['no shadow root'];
    const out = [];
    for (const el of root.querySelectorAll('img, script, svg, iframe, object, embed, link, style:not(:first-of-type)')) {
      if (el.tagName === 'svg' && !el.getAttributeNames().some((a) => a.startsWith('on'))) continue;
      if (el.tagName === 'STYLE') continue;
      out.push(el.outerHTML.slice(0, 120));
    }
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (a.startsWith('on')) out.push(el.tagName + ' ' + a);
    }
    return out;
  })()`);
  expect(bad).toEqual([]);
}

/** The page still works: its own client-side navigation to the order list renders the list. */
async function expectPageWorks(page: Page): Promise<void> {
  await page.evaluate(`(() => { const a = [...document.querySelectorAll('a')].find((x) => x.getAttribute('href') === '/zone/order/list'); a.click(); })()`);
  await page.waitForFunction(`location.pathname === '/zone/order/list' && !!document.querySelector('.ant-table-tbody tr')`, { timeout: 15_000 });
}

async function openDetail(b: E2E): Promise<Page> {
  const page = await b.openBackOffice(`/zone/order/detail?id=${ORDER}`);
  const p = await b.panel(page, { kind: 'order-detail' });
  await p.waitForField('orderId', ORDER);
  await trap(page);
  return page;
}

forEachBrowser((b) => {
  it('markup and script in every field: nothing runs, nothing is parsed as HTML, no value is made up', async () => {
    const page = await openDetail(b);
    const touched = await rewrite(page, {
      订单编号: MARKUP,
      订单状态: MARKUP,
      实付款: `¥${MARKUP}`,
      物流单号: MARKUP,
      快递公司: MARKUP,
      支付方式: MARKUP,
    });
    expect(touched.订单编号).toBeGreaterThan(0);
    await b.settle(page);
    await expectInert(page);
    // The order number is also in the URL (?id=): the right one may come from there.
    expectRightOrFlagged('orderId', await fieldState(page, 'orderId'), [ORDER]);
    expectRightOrFlagged('paidAmount', await fieldState(page, 'paidAmount'), []);
    // A text field may show the page's text, as text.
    for (const name of ['trackingNo', 'courier']) {
      const s = await fieldState(page, name);
      if (s.value === null || ['SF1234567890123', '顺丰速运'].includes(s.value)) continue;
      // Shown as the page's text (possibly squashed or cut to the field's length): fine, it is text.
      const squash = (x: string) => x.replace(/\s+/g, ' ').replace(/[…]+$/, '').trim();
      expect(squash(MARKUP).includes(squash(s.value)), `${name}: ${s.value.slice(0, 60)}`).toBe(true);
    }
    await expectInert(page);
    await expectPageWorks(page);
  });

  it('1 MB strings: the panel stays bounded and the page keeps working', async () => {
    const page = await openDetail(b);
    const mb = 'A'.repeat(1 << 20);
    await rewrite(page, { 订单编号: ORDER + mb, 物流单号: mb, 快递公司: `顺丰速运${mb}`, 实付款: `¥249.00${mb}` });
    await b.settle(page, { timeout: 30_000 });
    await expectInert(page);
    for (const name of ['orderId', 'trackingNo', 'courier', 'paidAmount']) {
      const s = await fieldState(page, name);
      expect((s.value ?? '').length, `${name} data-value length`).toBeLessThanOrEqual(200);
      expect(s.text.length, `${name} text length`).toBeLessThanOrEqual(2000);
    }
    expectRightOrFlagged('orderId', await fieldState(page, 'orderId'), [ORDER]);
    expectRightOrFlagged('paidAmount', await fieldState(page, 'paidAmount'), [PAID_FEN]);
    const total = await page.evaluate(`document.querySelector('refund-helper').shadowRoot.textContent.length`);
    expect(total as number).toBeLessThan(100_000);
    await expectPageWorks(page);
  });

  it('RTL overrides and zero-width characters: the right number or none, never a look-alike', async () => {
    const page = await openDetail(b);
    const zw = (s: string) => s.split('').join('\u200b');
    await rewrite(page, {
      订单编号: `\u202e${zw(ORDER)}\u202c`,
      物流单号: `\u2067SF\u200d1234567890123\u2069`,
      实付款: `\u200f¥2\u200b49.00`,
    });
    await b.settle(page);
    await expectInert(page);
    const controls = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
    for (const name of ['orderId', 'trackingNo', 'paidAmount']) {
      const s = await fieldState(page, name);
      expect(controls.test(s.value ?? ''), `${name} data-value ${JSON.stringify(s.value)} keeps invisible/bidi characters`).toBe(false);
    }
    expectRightOrFlagged('orderId', await fieldState(page, 'orderId'), [ORDER]);
    expectRightOrFlagged('trackingNo', await fieldState(page, 'trackingNo'), ['SF1234567890123']);
    expectRightOrFlagged('paidAmount', await fieldState(page, 'paidAmount'), [PAID_FEN]);
    await expectPageWorks(page);
  });

  it('a page without 实付款 and 物流单号: each field is flagged unreadable or carries a note saying where its value comes from', async () => {
    // The fields never reach the page: a main-world observer removes them as the app renders them.
    const page = await b.newPage();
    await page.evaluateOnNewDocument(`(() => {
      const drop = () => {
        for (const l of document.querySelectorAll('[class*="label__"], dt')) {
          const t = l.textContent.replace(/[\\s:：]/g, '');
          if (t === '实付款' || t === '物流单号') { l.nextElementSibling?.remove(); l.remove(); }
        }
      };
      new MutationObserver(drop).observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(b.url(`/zone/order/detail?id=${ORDER}`), { waitUntil: 'load' });
    const p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('orderId', ORDER);
    await b.settle(page);
    expect(await page.evaluate(`[...document.querySelectorAll('[class*="label__"]')].some((l) => l.textContent.includes('实付款'))`)).toBe(false);
    const paid = await fieldState(page, 'paidAmount');
    // Unreadable and said so; or worked out from other figures (goods − discount + shipping) and
    // said so next to the value. Never a bare value the page does not show.
    if (paid.value === null) expect(paid.missing, 'paidAmount flagged as unreadable').toBe(true);
    else {
      expect(paid.value).toBe(PAID_FEN);
      expect(paid.note, 'a paidAmount the page does not show carries a note saying where it comes from').toBeTruthy();
    }
    expect((await fieldState(page, 'trackingNo')).value, 'trackingNo without 物流单号 on the page').toBeNull();
    await expectPageWorks(page);
  });

  it('fields removed after the panel read them: no made-up value replaces them', async () => {
    const page = await openDetail(b);
    expect((await fieldState(page, 'paidAmount')).value).toBe(PAID_FEN);
    const touched = await rewrite(page, { 实付款: null, 物流单号: null });
    expect(touched.实付款).toBeGreaterThan(0);
    await b.settle(page);
    // Keeping the value read a moment ago (same order) is allowed; showing another one is not.
    const paid = await fieldState(page, 'paidAmount');
    expect([PAID_FEN, null], 'paidAmount after 实付款 was removed').toContain(paid.value);
    expect(['SF1234567890123', null], 'trackingNo after 物流单号 was removed').toContain((await fieldState(page, 'trackingNo')).value);
    await expectPageWorks(page);
  });

  it('duplicated labels with different values: never the wrong one silently', async () => {
    const page = await openDetail(b);
    const fakeId = '2400000000000009';
    // A second 订单编号 / 实付款 pair placed BEFORE the real one, with other values.
    await page.evaluate(`(() => {
      for (const l of [...document.querySelectorAll('.ant-descriptions-item-label, [class*="label__"]')]) {
        const label = l.textContent.replace(/[\\s:：]/g, '');
        if (label !== '订单编号' && label !== '实付款') continue;
        const item = l.closest('.ant-descriptions-item') ?? l;
        const value = item === l ? l.nextElementSibling : null;
        const copy = item.cloneNode(true);
        const copyValue = item === l ? value.cloneNode(true) : null;
        const target = copyValue ?? copy.querySelector('.ant-descriptions-item-content');
        target.textContent = label === '订单编号' ? '${fakeId}' : '¥1.00';
        item.parentElement.insertBefore(copy, item);
        if (copyValue) item.parentElement.insertBefore(copyValue, item);
      }
    })()`);
    await b.settle(page);
    await expectInert(page);
    // The page contradicts itself (and the URL says ?id=${ORDER}): picking the first value without
    // a word is the silent wrong value the panel must never show. Right value, unreadable, or a visible note.
    const id = await fieldState(page, 'orderId');
    if (id.value === fakeId) expect(id.note, `orderId shows the decoy ${fakeId} without a note`).toBeTruthy();
    else expectRightOrFlagged('orderId', id, [ORDER]);
    const paid = await fieldState(page, 'paidAmount');
    if (paid.value === '100') expect(paid.note, 'paidAmount shows the decoy ¥1.00 without a note').toBeTruthy();
    else expectRightOrFlagged('paidAmount', paid, [PAID_FEN]);
    await expectPageWorks(page);
  });
});
