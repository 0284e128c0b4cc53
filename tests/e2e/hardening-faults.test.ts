/**
 * Reliability under faults, in Chromium (the MV3 service worker is what can be killed;
 * Firefox's MV2 background page is not): the worker killed between a submit and its recording and
 * during an import, the browser restarted with a deadline pending, two tabs confirming one case.
 *
 * Every check reads the outcome through the extension's own messages from an extension page
 * (listCases / attentionList / counts), never through timing assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, findChromium, MAP_SITE_HOST, NETWORK_QUIET_CHROMIUM } from '../../scripts/browsers';
import { applyAction, createCase, observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { defaultRules } from '../../lib/rules/defaults';
import { clickInPanel, E2E, inPanel, SEED } from './harness';
import { sendFromPage as send, sendRetrying } from './messages';
import { startSite, type SiteServer } from '../merchant-site/server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HOUR = 3_600_000;

async function casesOf(page: Page, orderId: string): Promise<RefundCase[]> {
  const r = await sendRetrying<{ items: RefundCase[]; total: number }>(page, 'listCases', { query: orderId, limit: 50 });
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.data!.items.filter((c) => c.orderId === orderId);
}

/** Polls until `check` passes (or the timeout), then returns the last value. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await sleep(200);
    v = await read();
  }
  return v;
}

/** Fills the refund form through the panel (refund only, reason changed-mind: a remark with no instruction to replace) and clicks the page's submit. */
async function fillAndSubmit(b: E2E, orderId: string): Promise<Page> {
  const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
  await b.panel(page, { kind: 'refund-form' });
  await (await page.waitForSelector(inPanel('[data-rh="refund-type"]')))!.select('refund-only');
  await (await page.waitForSelector(inPanel('[data-rh="reason"]')))!.select('changed-mind');
  await clickInPanel(page, '[data-rh="fill-form"]');
  await page.waitForFunction(() => ((document.querySelector('#refundForm textarea') as HTMLTextAreaElement | null)?.value ?? '').trim().length > 0, {
    timeout: 10_000,
  });
  return page;
}

function historyProblems(c: RefundCase): string[] {
  const out: string[] = [];
  c.history.forEach((h, i) => {
    const prev = i === 0 ? null : c.history[i - 1].to;
    if (h.from !== prev) out.push(`history[${i}].from is ${h.from}, the previous entry went to ${prev}`);
    if (i > 0 && h.at < c.history[i - 1].at) out.push(`history[${i}] goes back in time`);
  });
  if (c.history.length && c.history[c.history.length - 1].to !== c.status)
    out.push(`last history entry is ${c.history[c.history.length - 1].to}, status is ${c.status}`);
  return out;
}

describe('faults: the service worker killed (Chromium)', () => {
  const b = new E2E('chromium');
  let ctl: Page;

  beforeAll(async () => {
    await b.start();
    ctl = await b.ext.openExtensionPage('options.html');
  });
  afterEach(() => b.closePages());
  afterAll(async () => {
    await ctl?.close().catch(() => {});
    await b.close();
  });

  it('a submit with the worker stopped wakes it and records the case once', async () => {
    const orderId = SEED.orders.shipped;
    const page = await fillAndSubmit(b, orderId);
    await b.ext.killServiceWorker();
    await page.click('#refundForm button[type="submit"]');
    await page.waitForFunction(() => location.pathname.startsWith('/zone/refund/detail'), { timeout: 15_000 });
    const cases = await eventually(
      () => casesOf(ctl, orderId),
      (cs) => cs.length > 0,
    );
    expect(cases.map((c) => c.status)).toEqual(['reviewing']);
  });

  it('the worker killed again and again while the submit is being recorded: the case is still recorded, once', async () => {
    const orderId = SEED.orders.delivered;
    const page = await fillAndSubmit(b, orderId);
    // Wait for the page's success message (that is when the panel records), then keep killing
    // the worker for a while: a recordSubmit in flight is interrupted; an idempotent retry with
    // the same submitId must still record exactly one case.
    const success = page.waitForSelector('.ant-message-success', { timeout: 15_000 });
    await page.click('#refundForm button[type="submit"]');
    await success;
    const until = Date.now() + 1_500;
    let kills = 0;
    while (Date.now() < until) {
      await b.ext.killServiceWorker().catch(() => {});
      kills++;
      await sleep(10);
    }
    const cases = await eventually(
      () => casesOf(ctl, orderId),
      (cs) => cs.length > 0,
      20_000,
    );
    expect(cases.length, `cases of ${orderId} after ${kills} kills`).toBe(1);
    expect(cases[0].status).toBe('reviewing');
    expect(historyProblems(cases[0])).toEqual([]);
  });

  it('the worker killed during an import: all of the file or none of it, and the store still works', async () => {
    const rules = defaultRules();
    const now = Date.now();
    const file = Array.from({ length: 3000 }, (_, i) =>
      createCase(
        { orderId: `77${String(i).padStart(14, '0')}`, refundType: 'refund-only', reasonId: 'quality', paidAmount: 990 },
        rules,
        now - i,
        'import',
        `import-kill-${i}`,
      ),
    );
    const before = (await sendRetrying<{ total: number }>(ctl, 'counts')).data!.total;
    // Fire the import and kill the worker while it parses/writes.
    const importing = send(ctl, 'importCases', { content: JSON.stringify(file) }).catch((e: Error) => ({ ok: false, error: e.message }));
    await sleep(60);
    await b.ext.killServiceWorker();
    const outcome = await importing;
    const after = (await sendRetrying<{ total: number }>(ctl, 'counts')).data!.total;
    expect([before, before + file.length], `import outcome ${JSON.stringify(outcome).slice(0, 200)}`).toContain(after);
    // The store opens and takes the same file again, all of it (import is idempotent per case id).
    const again = await sendRetrying<{ imported: number }>(ctl, 'importCases', { content: JSON.stringify(file) }, 30_000);
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    expect((await sendRetrying<{ total: number }>(ctl, 'counts')).data!.total).toBe(before + file.length);
    await sendRetrying(ctl, 'deleteAll');
  });
});

describe('faults: two tabs confirm one case at once (Chromium)', () => {
  const b = new E2E('chromium');
  let ctl: Page;
  beforeAll(async () => {
    await b.start();
    ctl = await b.ext.openExtensionPage('options.html');
  });
  afterEach(() => b.closePages());
  afterAll(async () => {
    await ctl?.close().catch(() => {});
    await b.close();
  });

  it('two confirm messages at once: one confirmed case, one history entry for it', async () => {
    const rules = defaultRules();
    const t0 = Date.now() - 2 * HOUR;
    let c = createCase({ orderId: '2499000000000001', refundType: 'refund-only', reasonId: 'quality', paidAmount: 1200 }, rules, t0, 'panel', 'two-tabs-1');
    c = observe(c, 'approved', rules, t0 + HOUR, 'page').case;
    expect((await sendRetrying(ctl, 'importCases', { content: JSON.stringify([c]) })).ok).toBe(true);
    const other = await b.ext.openExtensionPage('options.html');
    try {
      const [r1, r2] = await Promise.all([
        send<RefundCase>(ctl, 'caseAction', { caseId: c.id, action: 'confirm', source: 'popup' }),
        send<RefundCase>(other, 'caseAction', { caseId: c.id, action: 'confirm', source: 'popup' }),
      ]);
      // One applies; the other either sees the already-confirmed case (refused: confirmed has no
      // confirm) or is told of the conflict. Never two confirmations.
      expect([r1.ok, r2.ok].filter(Boolean).length).toBe(1);
    } finally {
      await other.close();
    }
    const [stored] = await casesOf(ctl, c.orderId);
    expect(stored.status).toBe('confirmed');
    expect(stored.history.filter((h) => h.to === 'confirmed')).toHaveLength(1);
    expect(historyProblems(stored)).toEqual([]);
  });

  it('two back-office tabs click 确认退款 on the same approved refund: one confirmed case, no duplicate', async () => {
    const orderId = SEED.orders.refundingApproved;
    const afterSaleId = SEED.refunds.approved;
    const rules = defaultRules();
    // The case as the panel would have recorded it at submit (still reviewing for us).
    const c = createCase(
      { orderId, afterSaleId, refundType: 'refund-only', reasonId: 'quality', paidAmount: 5980 },
      rules,
      Date.now() - 3 * HOUR,
      'panel',
      'two-tabs-2',
    );
    expect((await sendRetrying(ctl, 'importCases', { content: JSON.stringify([c]) })).ok).toBe(true);
    const tabs = [await b.openBackOffice(`/zone/refund/detail?id=${afterSaleId}`), await b.openBackOffice(`/zone/refund/detail?id=${afterSaleId}`)];
    for (const t of tabs) await b.panel(t, { kind: 'refund-detail' });
    // The page shows 审核通过: the panel moves the case to approved first.
    await eventually(
      () => casesOf(ctl, orderId),
      (cs) => cs[0]?.status === 'approved',
    );
    // Both tabs at once. DOM clicks: puppeteer's mouse clicks wait for a background tab to paint,
    // which a headless background tab never does.
    const clickConfirm = `(() => {
      const btn = [...document.querySelectorAll('button')].find((x) => x.textContent.replace(/\\s/g, '') === '确认退款' && !x.closest('.ant-modal-wrap'));
      if (!btn) return false;
      btn.click();
      return true;
    })()`;
    for (const t of tabs) await t.waitForFunction(clickConfirm.replace('btn.click();', ''), { timeout: 10_000 });
    expect(await Promise.all(tabs.map((t) => t.evaluate(clickConfirm)))).toEqual([true, true]);
    // The page asks again in a modal: OK in both tabs at once.
    const clickOk = `(() => { const ok = document.querySelector('.ant-modal-wrap .ant-btn-primary'); if (ok) ok.click(); return !!ok; })()`;
    for (const t of tabs) await t.waitForFunction(`!!document.querySelector('.ant-modal-wrap .ant-btn-primary')`, { timeout: 10_000 });
    expect(await Promise.all(tabs.map((t) => t.evaluate(clickOk)))).toEqual([true, true]);
    const cases = await eventually(
      () => casesOf(ctl, orderId),
      (cs) => cs.some((x) => x.status === 'confirmed'),
    );
    expect(cases.length, 'cases for the order').toBe(1);
    expect(cases[0].status).toBe('confirmed');
    expect(cases[0].history.filter((h) => h.to === 'confirmed')).toHaveLength(1);
    expect(historyProblems(cases[0])).toEqual([]);
    await sendRetrying(ctl, 'deleteAll');
  });
});

/**
 * A restart needs the same profile twice; scripts/browsers.ts `launchChromium` makes a fresh
 * temporary profile each time, so this launches Chromium itself with the same flags (browsers.ts's
 * NETWORK_QUIET_CHROMIUM) and a kept userDataDir.
 */
async function launchKeptProfile(userDataDir: string): Promise<{ browser: Browser; base: string }> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    enableExtensions: true,
    userDataDir,
    handleSIGINT: false,
    args: [...NETWORK_QUIET_CHROMIUM, MAP_SITE_HOST, `--disable-extensions-except=${CHROME_BUILD}`, `--load-extension=${CHROME_BUILD}`],
  });
  const t = await browser.waitForTarget((x) => x.type() === 'service_worker' && x.url().endsWith('/background.js'), { timeout: 30_000 });
  return { browser, base: `chrome-extension://${new URL(t.url()).host}/` };
}

describe('faults: the browser restarted with a deadline pending (Chromium)', () => {
  let site: SiteServer;
  let dir: string;
  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(join(tmpdir(), 'refund-helper-restart-'));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  });

  it('a confirmed case whose arrival window ends while the browser is closed is flagged overdue after the restart', async () => {
    const rules = defaultRules();
    const windowMs = rules.deadlines.arrivalWindowHours * HOUR;
    const dueIn = 6_000;
    const now = Date.now();
    // Confirmed by the merchant so that the arrival window (from the confirmation) ends `dueIn` from now.
    const approvedAt = now - windowMs + dueIn - 60_000;
    let c = createCase(
      { orderId: '2498000000000001', refundType: 'refund-only', reasonId: 'quality', paidAmount: 2500 },
      rules,
      approvedAt - HOUR,
      'panel',
      'restart-1',
    );
    c = observe(c, 'approved', rules, approvedAt, 'page').case;
    const confirmed = applyAction(c, 'confirm', rules, approvedAt + 60_000, 'panel');
    if (!confirmed.ok) throw new Error('confirm refused');
    c = confirmed.case;
    expect(c.deadlines.arrivalDueAt).toBe(approvedAt + 60_000 + windowMs);

    let { browser, base } = await launchKeptProfile(dir);
    let ctl = await browser.newPage();
    await ctl.goto(base + 'options.html');
    expect((await sendRetrying(ctl, 'importCases', { content: JSON.stringify([c]) })).ok).toBe(true);
    const beforeList = await sendRetrying<{ items: Array<{ case: RefundCase; kind: string }> }>(ctl, 'attentionList');
    expect(beforeList.data!.items.find((i) => i.case.orderId === c.orderId)?.kind ?? 'none', 'not overdue yet').not.toBe('overdue');
    await browser.close();

    // Closed past the deadline: no worker, no alarm can fire.
    await sleep(Math.max(0, c.deadlines.arrivalDueAt! - Date.now()) + 1_500);

    ({ browser, base } = await launchKeptProfile(dir));
    try {
      ctl = await browser.newPage();
      await ctl.goto(base + 'options.html');
      const flagged = await eventually(
        () => sendRetrying<{ items: Array<{ case: RefundCase; kind: string }> }>(ctl, 'attentionList'),
        (r) => r.data?.items.some((i) => i.case.orderId === c.orderId && i.kind === 'overdue') ?? false,
      );
      const item = flagged.data!.items.find((i) => i.case.orderId === c.orderId);
      expect(item?.kind).toBe('overdue');
      // The badge says so without anyone opening the popup: red.
      const badge = (await ctl.evaluate(
        `(async () => ({ text: await chrome.action.getBadgeText({}), color: await chrome.action.getBadgeBackgroundColor({}) }))()`,
      )) as { text: string; color: number[] };
      expect(badge.text).not.toBe('');
      expect(badge.color[0]).toBeGreaterThan(150); // red channel
      expect(badge.color[1]).toBeLessThan(100);
    } finally {
      await browser.close();
    }
  });
});
