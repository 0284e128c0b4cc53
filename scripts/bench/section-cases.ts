// The `cases` section: N stored cases (popup first render, badge recount, search, the case list page).
import type { BrowserHandle } from '../browsers';
import { generateCases } from './cases-gen';
import { measureCasesPage, type CasesPageSample } from './cases-page';
import { clearCasesDirect, putCasesDirect, send } from './ext';
import { N_CASES, PAIRS } from './options';
import { log, results, type Row, row, spread } from './report';
import { summarize } from './stats';

export async function sectionCases(ext: BrowserHandle, extPage: import('puppeteer').Page): Promise<void> {
  log(`cases: generating ${N_CASES}…`);
  const cases = generateCases({ count: N_CASES });
  const t = Date.now();
  await clearCasesDirect(extPage);
  await putCasesDirect(extPage, cases);
  log(`cases: ${N_CASES} stored in ${Date.now() - t} ms`);
  // Let the background see them (a recount), and check it counts them all.
  const c0 = await send<{ total: number; badge: unknown }>(extPage, 'counts');
  if (!c0.result.ok || c0.result.data!.total !== N_CASES) throw new Error(`counts after seeding: ${JSON.stringify(c0.result).slice(0, 300)}`);
  results.casesSeeded = { total: c0.result.data!.total, badge: c0.result.data!.badge };

  // Popup first render: navigation start → attention count in the DOM, then painted (next frame).
  const popupUrl = ext.extensionBaseUrl + 'popup.html';
  const firstRender: number[] = [];
  const popupFailures: string[] = [];
  const inDom: number[] = [];
  const fcp: number[] = [];
  for (let i = 0; i < PAIRS + 1; i++) {
    const page = await ext.browser.newPage();
    try {
      await page.evaluateOnNewDocument(`(() => {
        const r = (window.__rhBench = { inDom: null, painted: null });
        const check = () => {
          if (r.inDom !== null) return;
          const el = document.querySelector('[data-rh="attention-count"]');
          // Not the placeholder ("–") the popup shows before its data arrives: the number.
          if (!el || !/[0-9]/.test(el.textContent || '')) return;
          r.inDom = performance.now();
          requestAnimationFrame(() => setTimeout(() => { r.painted = performance.now(); }, 0));
          mo.disconnect();
        };
        const mo = new MutationObserver(check);
        const start = () => mo.observe(document.documentElement || document, { subtree: true, childList: true, characterData: true });
        if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
      })();`);
      await page.goto(popupUrl, { waitUntil: 'load' });
      const shown = await page
        .waitForFunction(() => (window as any).__rhBench?.painted !== null, { timeout: 10_000, polling: 20 })
        .then(
          () => true,
          () => false,
        );
      if (!shown) {
        const what = await page.evaluate(() => {
          const el = document.querySelector('[data-rh="attention-count"]');
          const err = document.querySelector('[data-rh="popup-error"]');
          return `count "${el?.textContent ?? '(none)'}", error "${err?.textContent ?? ''}"`;
        });
        log(`popup #${i}: no number within 10 s (${what})`);
        popupFailures.push(what);
        continue;
      }
      const r = await page.evaluate(() => {
        const b = (window as any).__rhBench;
        const p = performance.getEntriesByName('first-contentful-paint')[0];
        const el = document.querySelector('[data-rh="attention-count"]');
        return { ...b, fcp: p ? p.startTime : null, text: el?.textContent ?? '', value: el?.getAttribute('data-value') };
      });
      if (i > 0) {
        // the first one warms the extension process
        firstRender.push(r.painted);
        inDom.push(r.inDom);
        if (r.fcp !== null) fcp.push(r.fcp);
      } else log(`popup: attention count shows "${r.text}" (data-value ${r.value})`);
    } finally {
      await page.close();
    }
  }
  const section = `${N_CASES} cases`;
  /** One row of milliseconds: the samples' median and spread. */
  const msRow = (metric: string, samples: number[], extra: Pick<Row, 'budget' | 'note'> = {}) => {
    const s = summarize(samples);
    row({ section, metric, unit: 'ms', value: s.median, spread: spread(s), ...extra });
    return s;
  };
  /** `n` round trips of one message from the extension page, in ms. */
  const roundTrips = async (n: number, type: string, payload?: (i: number) => unknown) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) ms.push((await send(extPage, type, payload?.(i))).ms);
    return ms;
  };
  const fr = msRow('popup: navigation start → attention count (the number) painted', firstRender, {
    budget: 150,
    note: popupFailures.length ? `no number within 10 s in ${popupFailures.length} of ${PAIRS + 1} opens: ${popupFailures[0]}` : undefined,
  });
  const dom = msRow('popup: navigation start → attention count (the number) in DOM', inDom);
  if (fcp.length) msRow('popup: first contentful paint', fcp);

  // Badge recount: the `counts` message does what the badge refresh does (status counts + badge
  // summary over the attention index), timed as a round trip from an extension page.
  const cm = msRow('badge recount: `counts` round trip', await roundTrips(2 * PAIRS, 'counts'), { budget: 30 });
  const attn = msRow('`attentionList` (limit 50) round trip (popup’s list)', await roundTrips(PAIRS, 'attentionList', () => ({ limit: 50 })));

  // Search by order number prefix (what the popup's search box sends).
  const queries = [cases[Math.floor(N_CASES / 2)].orderId, cases[7].orderId.slice(0, 12), '9390000000001', '0000'];
  const searchMs: number[] = [];
  const hits: Record<string, number> = {};
  for (let i = 0; i < 2 * PAIRS; i++) {
    const q = queries[i % queries.length];
    const r = await send<{ items: unknown[]; total: number }>(extPage, 'listCases', { query: q, limit: 50 });
    searchMs.push(r.ms);
    hits[q] = r.result.data?.total ?? -1;
  }
  const search = msRow('search `listCases {query}` round trip', searchMs, { note: `queries → totals ${JSON.stringify(hits)}` });
  const list = msRow('`listCases` newest 50 round trip', await roundTrips(PAIRS, 'listCases', () => ({ limit: 50 })));

  // The case list page: every case's row read, then filters and statistics in the page.
  const casesPage: CasesPageSample[] = [];
  for (let i = 0; i < Math.min(PAIRS, 5); i++) casesPage.push(await measureCasesPage(ext.browser, ext.extensionBaseUrl + 'cases.html'));
  const cpRow = (metric: string, k: keyof CasesPageSample, budget: number) =>
    msRow(
      metric,
      casesPage.map((s) => s[k]),
      { budget },
    );
  cpRow('case list: navigation start → first rows', 'firstRows', 300);
  cpRow('case list: navigation start → every row read (count shown)', 'allRows', 1_000);
  cpRow('case list: a status filter re-rendered', 'filter', 100);
  cpRow('case list: statistics tab rendered', 'stats', 500);
  results.cases = {
    firstRender: fr,
    inDom: dom,
    fcp: summarize(fcp),
    counts: cm,
    attention: attn,
    search,
    list,
    hits,
    casesPage,
  };
}
