/**
 * The popup and the options page against the production build, in Chromium and Firefox.
 * Cases are made the way the panel and the refund pages make them: `recordSubmit` and
 * `reportPage` messages to the background, sent from an extension page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserHandle } from '../../scripts/browsers';
import { forEachBrowser, SEED } from './harness';
import { mustSend as must } from './messages';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function submit(page: Page, orderId: string, amount = 5000, productTitle?: string) {
  await must(page, 'recordSubmit', {
    submitId: `e2e-${orderId}`,
    input: { orderId, refundType: 'refund-only', reasonId: 'quality', refundAmount: amount, paidAmount: amount, ...(productTitle ? { productTitle } : {}) },
  });
}

async function observe(page: Page, orderId: string, status: string) {
  await must(page, 'reportPage', { observations: [{ orderId, status }] });
}

async function listed(page: Page, sel = '[data-rh="attention-list"]') {
  return page.$$eval(`${sel} [data-rh-case]`, (els) =>
    els.map((el) => ({ order: el.getAttribute('data-rh-case'), status: el.getAttribute('data-status'), attention: el.getAttribute('data-attention') })),
  );
}

/** Records what `<a download>` clicks the page makes, instead of saving files. */
async function catchDownloads(page: Page) {
  await page.evaluate(() => {
    const g = window as any;
    g.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) g.__downloads.push({ name: this.download, href: this.href });
    };
  });
}

async function lastDownload(page: Page): Promise<{ name: string; text: string }> {
  await page.waitForFunction(() => (window as any).__downloads.length > 0);
  return page.evaluate(async () => {
    const d = (window as any).__downloads.pop();
    return { name: d.name, text: await (await fetch(d.href)).text() };
  });
}

async function fileInput(page: Page, selector: string): Promise<ElementHandle<HTMLInputElement>> {
  return (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
}

async function setNumber(page: Page, selector: string, value: string) {
  await page.waitForSelector(selector);
  await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(selector, value);
}

/** Opens an extension page once `waitFor` shows. */
function openPage(h: BrowserHandle, path: string, waitFor: string, timeout = 20_000): Promise<Page> {
  return h.openExtensionPage(path, { waitFor, timeout });
}

forEachBrowser((b, kind) => {
  let h: BrowserHandle;
  let driver: Page;
  let tmp: string;
  // Distinct per run and browser: the case store outlives nothing, but the ids stay readable.
  const id = (n: number) => `${kind === 'chromium' ? 71 : 72}${String(Date.now()).slice(-8)}${String(n).padStart(2, '0')}`;
  const ids = { reviewing: id(1), approvedA: id(2), rejected: id(3), approvedB: id(4), refunded: id(5), late: id(6) };

  const openPopup = () => openPage(h, 'popup.html', '[data-rh="attention-count"][data-value]');
  const openOptions = () => openPage(h, 'options.html', '[data-rh="rules-export"]');

  beforeAll(async () => {
    h = b.ext;
    tmp = mkdtempSync(join(tmpdir(), 'rh-popup-options-'));
    driver = await openPage(h, 'popup.html', '[data-rh="popup"]');
    await must(driver, 'deleteAll');
  });

  afterAll(async () => {
    await driver?.close().catch(() => {});
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('lists recorded cases with the right counts, most urgent first; tiles filter; search and stop tracking work', async () => {
    for (const o of Object.values(ids).slice(0, 5)) await submit(driver, o, 5000, o === ids.approvedA ? 'Cotton T-shirt, white, XL' : undefined);
    await observe(driver, ids.approvedA, 'approved');
    await sleep(20); // approvedB's arrival deadline comes strictly later
    await observe(driver, ids.rejected, 'rejected');
    await observe(driver, ids.approvedB, 'approved');
    await observe(driver, ids.refunded, 'refunded');

    const popup = await openPopup();
    expect(await popup.$eval('[data-rh="attention-count"]', (el) => el.getAttribute('data-value'))).toBe('3');
    const counts = await popup.$$eval('[data-rh-count]', (els) =>
      Object.fromEntries(els.map((el) => [el.getAttribute('data-rh-count'), Number(el.getAttribute('data-value'))])),
    );
    expect(counts).toMatchObject({ reviewing: 1, approved: 2, rejected: 1, refunded: 1, confirmed: 0, closed: 0 });
    expect(await listed(popup)).toEqual([
      { order: ids.rejected, status: 'rejected', attention: 'rejected' },
      { order: ids.approvedA, status: 'approved', attention: 'approved' },
      { order: ids.approvedB, status: 'approved', attention: 'approved' },
    ]);

    // One status per card; the product's title when the page showed it, else the order number.
    const card = async (o: string) =>
      popup.$eval(`[data-rh="attention-list"] [data-rh-case="${o}"]`, (el) => ({
        title: el.querySelector('[data-rh="case-title"]')!.textContent,
        status: el.querySelectorAll('[data-rh="case-status"]').length,
        stop: el.querySelector('[data-rh="case-stop"]')?.textContent,
      }));
    expect(await card(ids.approvedA)).toEqual({ title: 'Cotton T-shirt, white, XL', status: 1, stop: 'Stop tracking' });
    expect((await card(ids.rejected)).title).toBe(`Order ${ids.rejected}`);
    // The way to the back office and to every case.
    expect(await popup.$eval('[data-rh="open-order-list"]', (el) => [el.textContent, el.getAttribute('data-href')])).toEqual([
      'Orders',
      'https://s.kwaixiaodian.com/zone/order/list',
    ]);
    expect(await popup.$eval('[data-rh="open-refund-list"]', (el) => [el.textContent, el.getAttribute('data-href')])).toEqual([
      'After-sales',
      'https://s.kwaixiaodian.com/zone/refund/list',
    ]);
    expect(await popup.$('[data-rh="open-cases"]')).not.toBeNull();

    // A tile is a filter: its status only, finished ones included; the same tile again: all.
    await popup.click('[data-rh-count="refunded"]');
    await popup.waitForSelector(`[data-rh="status-list"] [data-rh-case="${ids.refunded}"]`);
    expect((await listed(popup, '[data-rh="status-list"]')).map((c) => c.order)).toEqual([ids.refunded]);
    expect(await popup.$eval('[data-rh-count="refunded"]', (el) => el.getAttribute('aria-pressed'))).toBe('true');
    await popup.click('[data-rh-count="approved"]');
    await popup.waitForFunction(
      (a: string, b2: string) =>
        [...document.querySelectorAll('[data-rh="status-list"] [data-rh-case]')].map((e) => e.getAttribute('data-rh-case')).join() === [a, b2].join(),
      {},
      ids.approvedA,
      ids.approvedB,
    );
    await popup.click('[data-rh-count="approved"]');
    await popup.waitForSelector('[data-rh="attention-list"]');
    expect(await popup.$('[data-rh="status-list"]')).toBeNull();

    // Search by order number: terminal cases are found too.
    await popup.type('[data-rh="search"]', ids.refunded);
    await popup.waitForSelector(`[data-rh="search-results"] [data-rh-case="${ids.refunded}"][data-status="refunded"]`);
    await popup.$eval('[data-rh="search"]', (el) => (el as HTMLInputElement).focus());
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('[data-rh="attention-list"]');

    // Stop tracking closes the case: it leaves the list and the count.
    await popup.click(`[data-rh-case="${ids.rejected}"] [data-rh="case-stop"]`);
    await popup.waitForSelector('[data-rh="attention-count"][data-value="2"]');
    expect((await listed(popup)).map((c) => c.order)).toEqual([ids.approvedA, ids.approvedB]);
    await popup.close();
  });

  it('the deadlines set in options decide which cases are late; the late ones come first, whatever their kind, then the least time left', async () => {
    await submit(driver, ids.late);
    await observe(driver, ids.late, 'confirmed'); // 退款执行中: its arrival window runs
    let popup = await openPopup();
    expect((await listed(popup)).map((c) => c.attention)).toEqual(['approved', 'approved']);
    await popup.close();

    const options = await openOptions();
    await setNumber(options, '#f-deadlines_arrivalWindowHours', '0.001'); // 3.6 s
    await setNumber(options, '#f-deadlines_reviewReminderHours', '0.001');
    await options.click('[data-rh="rules-save"]');
    await options.waitForSelector('[data-rh="rules-saved"]');
    expect((await must(driver, 'getRules')).rules.deadlines.arrivalWindowHours).toBe(0.001);
    await options.close();
    await sleep(4_000);

    // Cases follow the new deadlines: the review (submitted first) and the confirmed case are
    // late now, and come before the approvals due in about a day. Approved ones are never
    // overdue (the arrival window starts at the confirmation).
    popup = await openPopup();
    expect(await listed(popup)).toEqual([
      { order: ids.reviewing, status: 'reviewing', attention: 'review-slow' },
      { order: ids.late, status: 'confirmed', attention: 'overdue' },
      { order: ids.approvedA, status: 'approved', attention: 'approved' },
      { order: ids.approvedB, status: 'approved', attention: 'approved' },
    ]);
    const due = await popup.$$eval('[data-rh="attention-list"] [data-rh="due"]', (els) => els.map((el) => el.textContent ?? ''));
    expect(due[0]).toMatch(/^Review \d+ (min|h) overdue$/);
    expect(due[1]).toMatch(/^Money \d+ (min|h) overdue$/);
    expect(due[2]).toMatch(/^Confirm the refund within \d+ h$/);
    await popup.close();

    // Back to the guide's 24 h: none is overdue any more.
    await must(driver, 'resetRules');
    popup = await openPopup();
    expect((await listed(popup)).map((c) => c.attention)).toEqual(['approved', 'approved']);
    await popup.close();
  });

  it('a malformed rules import lists each problem in words and leaves the rules unchanged', async () => {
    await must(driver, 'setRules', { rules: { ...(await must(driver, 'resetRules')).rules, submit: { onMissingEvidence: 'block' } } });
    const before = (await must(driver, 'getRules')).rules;

    const bad = structuredClone(before);
    bad.deadlines.arrivalWindowHours = -3;
    bad.evidence[2].satisfiedBy.pattern = '[0-9';
    bad.reasons[1].id = bad.reasons[0].id;
    const file = join(tmp, `bad-rules-${kind}.json`);
    writeFileSync(file, JSON.stringify(bad));

    const options = await openOptions();
    await fileInput(options, '[data-rh="rules-import"]').then((input) => input.uploadFile(file));
    await options.waitForSelector('[data-rh="rules-error"] li');
    const paths = await options.$$eval('[data-rh="rules-error"] li', (els) => els.map((el) => el.getAttribute('data-path')));
    expect(paths.sort()).toEqual(['deadlines.arrivalWindowHours', 'evidence[2].satisfiedBy.pattern', 'reasons[1].id']);
    const lines = await options.$$eval('[data-rh="rules-error"] li', (els) => els.map((el) => el.textContent ?? ''));
    expect(lines.sort()).toEqual([
      'The arrival window of the deadlines: must be greater than 0, not -3',
      expect.stringMatching(/^The internal id of reason “.+”: the same as the internal id "quality" of reason “Quality problem”$/),
      expect.stringMatching(/^The pattern \(regular expression\) of evidence “.+”: "\[0-9" is not a valid regular expression/),
    ]);
    for (const line of lines) expect(line).not.toMatch(/[a-z]\[\d+\]|deadlines\./);

    expect((await must(driver, 'getRules')).rules).toEqual(before);
    await options.close();
  });

  it('every section shows as a card; ids are not shown; page texts wait under a collapsed Advanced', async () => {
    const options = await openOptions();
    const sections = await options.$$eval('[data-rh-section]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-rh-section'),
        bg: getComputedStyle(el).backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      })),
    );
    expect(sections.map((s) => s.id)).toEqual(['reasons', 'evidence', 'shipping', 'timing', 'express', 'notifications', 'data', 'sites']);
    for (const s of sections) {
      expect(s.bg).toBe('rgb(255, 255, 255)');
      expect(s.bg).not.toBe(s.page);
    }
    await options.click('[data-rh-reason="quality"] [data-rh="card-toggle"]');
    await options.waitForSelector('#f-reasons_0_label_en');
    expect(await options.$('[id$="_id"]')).toBeNull();
    // biome-ignore lint/performance/useDomNodeTextContent: what the merchant sees: innerText leaves out what is hidden
    const body = await options.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(body).not.toContain('purchase-proof');
    expect(body).toContain('When the seller or the courier is at fault, the seller pays return shipping');
    expect(body).not.toContain('→');
    // Advanced: collapsed, its fields out of sight until opened.
    expect(await options.$eval('[data-rh="advanced"]', (el) => (el as HTMLDetailsElement).open)).toBe(false);
    const shown = () => options.$eval('#f-sites_kuaishou_labels_paidAmount', (el) => el.checkVisibility() && el.getClientRects().length > 0);
    expect(await shown()).toBe(false);
    await options.click('[data-rh="advanced"] summary');
    await options.waitForFunction(() => {
      const el = document.querySelector('#f-sites_kuaishou_labels_paidAmount')!;
      return el.checkVisibility() && el.getClientRects().length > 0;
    });
    await options.close();
  });

  it('export → reset → import brings the rules back exactly', async () => {
    const custom = (await must(driver, 'resetRules')).rules;
    custom.deadlines.reviewReminderHours = 36;
    custom.reasons[0].label = { 'zh-CN': '质量不合格', en: 'Poor quality' };
    custom.sites.kuaishou.labels.paidAmount.push('付款金额');
    custom.notifications.approved = false;
    await must(driver, 'setRules', { rules: custom });
    const saved = (await must(driver, 'getRules')).rules;

    const options = await openOptions();
    await catchDownloads(options);
    await options.click('[data-rh="rules-export"]');
    const exported = await lastDownload(options);
    expect(exported.name).toMatch(/\.json$/);
    expect(JSON.parse(exported.text)).toEqual(saved);

    await options.click('[data-rh="rules-reset"]');
    await options.click('[data-rh="rules-reset-confirm"]');
    await options.waitForSelector('[data-rh="rules-status"][data-ok="true"]');
    expect((await must(driver, 'getRules')).rules.deadlines.reviewReminderHours).toBe(48);

    const file = join(tmp, `rules-${kind}.json`);
    writeFileSync(file, exported.text);
    await options.$eval('[data-rh="rules-status"]', (el) => el.remove());
    await fileInput(options, '[data-rh="rules-import"]').then((input) => input.uploadFile(file));
    await options.waitForSelector('[data-rh="rules-status"][data-ok="true"]');
    expect(await options.$('[data-rh="rules-error"]')).toBeNull();
    const back = (await must(driver, 'getRules')).rules;
    expect(JSON.stringify(back, null, 2)).toBe(JSON.stringify(saved, null, 2));
    // The editor shows the imported rules. A number field takes an outside change in an effect,
    // after the render that showed the status (a frame later): wait for it, within a bound.
    await options
      .waitForFunction(() => (document.querySelector('#f-deadlines_reviewReminderHours') as HTMLInputElement | null)?.value === '36', {
        timeout: 5_000,
        polling: 50,
      })
      .catch(async () => {
        const shown = await options.$eval('#f-deadlines_reviewReminderHours', (el) => (el as HTMLInputElement).value);
        throw new Error(`the editor shows ${shown} review-reminder hours after the import, not the file's 36`);
      });
    await options.close();
    await must(driver, 'resetRules');
  });

  it('a review seen on the refund list shows in the popup', async () => {
    const orderId = SEED.orders.refunding;
    const afterSaleId = SEED.refunds.reviewing;
    await must(driver, 'recordSubmit', {
      submitId: `e2e-site-${kind}`,
      input: { orderId, afterSaleId, refundType: 'return-refund', reasonId: 'quality', orderUrl: b.url(`/zone/order/detail?id=${orderId}`) },
    });
    await b.review(afterSaleId, 'approve');
    const list = await b.openBackOffice('/zone/refund/list', { settle: true });
    const popup = await openPopup();
    await popup.waitForSelector(`[data-rh="attention-list"] [data-rh-case="${orderId}"][data-status="approved"][data-attention="approved"]`, {
      timeout: 15_000,
    });
    await popup.close();
    await list.close();
    await b.resetSite();
  });

  it('exports the cases as CSV and JSON', async () => {
    const options = await openOptions();
    await catchDownloads(options);
    await options.click('[data-rh="cases-export-csv"]');
    const csv = await lastDownload(options);
    expect(csv.name).toMatch(/\.csv$/);
    for (const o of Object.values(ids)) expect(csv.text).toContain(o);

    await options.click('[data-rh="cases-export-json"]');
    const json = await lastDownload(options);
    const orders = (JSON.parse(json.text).cases as Array<{ orderId: string }>).map((c) => c.orderId);
    expect(orders.sort()).toEqual([...Object.values(ids), SEED.orders.refunding].sort());
    await options.close();
  });
});
