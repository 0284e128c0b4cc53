/**
 * `npm run bench [-- --pairs N] [--no-build] [--only a,b] [--cases N] [--json PATH]`
 *
 * The extension's performance bars, measured on the PRODUCTION build in Chromium against the demo back
 * office (served under its real host name). Prints a table and writes bench-output/results.json.
 * Method and latest figures: BENCHMARKS.md. Sections (`--only`):
 *   bundle   bundle sizes (raw, gzip -9) of .output/chrome-mv3
 *   detail   order detail page, A/B with and without the extension: script/task time, long tasks,
 *            heap, DOMContentLoaded → panel ready
 *   other    a back-office page the extension does not serve (/zone/shop/settings), A/B
 *   list     refund list with 1,000 rows: A/B page cost, and rows in DOM → background synced
 *   cases    50,000 stored cases: popup first render, badge recount (`counts`), search, the case
 *            list page (first rows, every row, a filter, the statistics)
 *   pagedata the page's own JSON: cost per response (scripts/bench/page-data.ts)
 *   data     200,000 cases (`--data-cases N`) through the options page: import, backup, CSV and JSON
 *            export, restore (scripts/bench/data.ts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'puppeteer';
import { CHROME_BUILD, findChromium, ROOT, type BrowserHandle } from './browsers';
import { ensureBrowsers } from './setup';
import { BUDGETS } from './size';
import { report as analyzeReport } from './bench/analyze';
import { bundleReport, type BundleReport } from './bench/bundle';
import { attribute, formatAttributed, startProfile, stopProfile } from './bench/profile';
import { launchWith, launchWithout, type Plain } from './bench/browsers';
import { generateCases } from './bench/cases-gen';
import { measureCasesPage, type CasesPageSample } from './bench/cases-page';
import { measureData } from './bench/data';
import { measurePageData } from './bench/page-data';
import { clearCasesDirect, putCasesDirect, send } from './bench/ext';
import { machineInfo, type MachineInfo } from './bench/machine';
import { measureLoad, type LoadOptions, type LoadSample } from './bench/pageload';
import { instrumentContentWorld, readMessages, rowsProbe, waitForReply, type MsgRecord } from './bench/refundlist';
import { pairedDeltas, round, summarize, type Summary } from './bench/stats';
import { startSite, SEED, type SiteServer } from '../tests/merchant-site/server';
import { createCase } from '../lib/cases/model';
import { defaultRules } from '../lib/rules/defaults';

const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '15' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    cases: { type: 'string', default: '50000' },
    'data-cases': { type: 'string', default: '200000' },
    json: { type: 'string', default: join(ROOT, 'bench-output/results.json') },
    settle: { type: 'string', default: '800' },
    /** Build with `wxt build --analyze` and print what the content script is made of. */
    analyze: { type: 'boolean', default: false },
    /** Also build with source maps and print CPU profiles attributed to modules (see scripts/bench/profile.ts). */
    profile: { type: 'boolean', default: false },
  },
});
const PAIRS = Math.max(1, Number(args.pairs));
const N_CASES = Math.max(1, Number(args.cases));
const SETTLE = Math.max(0, Number(args.settle));
const SECTIONS = new Set((args.only ?? 'bundle,pagedata,detail,other,list,cases,data').split(',').map((s) => s.trim()));
const N_DATA = Math.max(1, Number(args['data-cases']));
const LIST_ROWS = 1000;

// ---- budgets ---------------------------------------------------------------------------------

export interface Row {
  section: string;
  metric: string;
  unit: string;
  /** The figure the budget is judged on (a median unless said). */
  value: number;
  spread?: string;
  budget?: number;
  /** value / budget, for budgets of the "≤" kind. */
  ratio?: number;
  pass?: boolean;
  note?: string;
}

const rows: Row[] = [];
function row(r: Omit<Row, 'ratio' | 'pass'>): void {
  const out: Row = { ...r, value: round(r.value, 2) };
  if (r.budget !== undefined && Number.isFinite(r.value)) {
    if (r.budget !== 0) out.ratio = round(r.value / r.budget, 2);
    out.pass = r.value <= r.budget;
  } else if (r.budget !== undefined) {
    out.pass = false;
  }
  rows.push(out);
}
const spread = (s: Summary, digits = 1) =>
  `p25–p75 ${round(s.p25, digits)}–${round(s.p75, digits)}; min–max ${round(s.min, digits)}–${round(s.max, digits)}; n=${s.n}`;

const results: Record<string, unknown> = {};

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

// ---- A/B page loads ------------------------------------------------------------------------------

interface AB {
  withExt: LoadSample[];
  without: LoadSample[];
}

/** Alternates the order inside each pair (with-without, without-with, …) so drift and warm-up cancel. */
async function abLoads(label: string, ext: Browser, plain: Browser, make: (withExt: boolean) => LoadOptions, pairs = PAIRS): Promise<AB> {
  // Warm-up (discarded): the first load of a browser pays for disk caches and JIT of the browser itself.
  await measureLoad(ext, make(true));
  await measureLoad(plain, make(false));
  const out: AB = { withExt: [], without: [] };
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const w of order) {
      const s = await measureLoad(w ? ext : plain, make(w));
      (w ? out.withExt : out.without).push(s);
      if (s.errors.length) log(`${label} ${w ? 'with' : 'without'} #${i}: ${s.errors.join(' | ')}`);
    }
  }
  log(`${label}: ${pairs} pairs done`);
  return out;
}

const ms = (x: number) => x * 1000; // CDP durations are in seconds
const metric = (s: LoadSample, name: string) => s.metrics[name] ?? NaN;

function abRows(section: string, ab: AB, opts: { budgetScript?: boolean; zeroWork?: boolean } = {}): void {
  const scriptW = ab.withExt.map((s) => ms(metric(s, 'ScriptDuration')));
  const scriptO = ab.without.map((s) => ms(metric(s, 'ScriptDuration')));
  const taskW = ab.withExt.map((s) => ms(metric(s, 'TaskDuration')));
  const taskO = ab.without.map((s) => ms(metric(s, 'TaskDuration')));
  const layoutW = ab.withExt.map((s) => ms(metric(s, 'LayoutDuration') + metric(s, 'RecalcStyleDuration')));
  const layoutO = ab.without.map((s) => ms(metric(s, 'LayoutDuration') + metric(s, 'RecalcStyleDuration')));
  const heapW = ab.withExt.map((s) => metric(s, 'JSHeapUsedSize') / 1024);
  const heapO = ab.without.map((s) => metric(s, 'JSHeapUsedSize') / 1024);
  const ltW = ab.withExt.map((s) => s.probe.longTasks.length);
  const ltO = ab.without.map((s) => s.probe.longTasks.length);
  const ltDurW = ab.withExt.map((s) => s.probe.longTasks.reduce((a, t) => a + t.duration, 0));
  const ltDurO = ab.without.map((s) => s.probe.longTasks.reduce((a, t) => a + t.duration, 0));

  const dScript = summarize(pairedDeltas(scriptW, scriptO));
  const own = summarize(scriptO);
  const dTask = summarize(pairedDeltas(taskW, taskO));
  const ownTask = summarize(taskO);
  const share = summarize(pairedDeltas(scriptW, scriptO).map((d, i) => (100 * d) / scriptO[i]));

  row({ section, metric: 'page own script time (without extension)', unit: 'ms', value: own.median, spread: spread(own) });
  row({
    section,
    metric: 'script time added by the extension (with − without, paired)',
    unit: 'ms',
    value: dScript.median,
    spread: spread(dScript),
    budget: opts.budgetScript || opts.zeroWork ? 15 : undefined,
    note: opts.zeroWork ? 'expected ≈ 0 (noise only)' : undefined,
  });
  row({
    section,
    metric: 'script time added as % of the page’s own',
    unit: '%',
    value: share.median,
    spread: spread(share),
    budget: opts.budgetScript || opts.zeroWork ? 5 : undefined,
  });
  row({
    section,
    metric: 'task time (all main-thread work) added',
    unit: 'ms',
    value: dTask.median,
    spread: `${spread(dTask)}; page own median ${round(ownTask.median)}`,
  });
  const dLayout = summarize(pairedDeltas(layoutW, layoutO));
  row({ section, metric: 'style + layout time added', unit: 'ms', value: dLayout.median, spread: spread(dLayout) });
  const dHeap = summarize(pairedDeltas(heapW, heapO));
  row({
    section,
    metric: 'JS heap added (renderer isolate: page + content-script world)',
    unit: 'KB',
    value: dHeap.median,
    spread: spread(dHeap, 0),
  });
  const lt = summarize(pairedDeltas(ltW, ltO));
  const ltd = summarize(pairedDeltas(ltDurW, ltDurO));
  row({
    section,
    metric: 'long tasks (>50 ms) added',
    unit: 'count',
    value: lt.median,
    spread: `duration added median ${round(ltd.median)} ms; with: ${summarize(ltW).median}, without: ${summarize(ltO).median} (median count)`,
  });
  results[section] = {
    scriptWith: summarize(scriptW),
    scriptWithout: own,
    scriptAdded: dScript,
    scriptAddedPct: share,
    taskWith: summarize(taskW),
    taskWithout: ownTask,
    taskAdded: dTask,
    layoutAdded: dLayout,
    heapAddedKB: dHeap,
    longTasksAdded: lt,
    longTaskMsAdded: ltd,
    errors: [...ab.withExt, ...ab.without].flatMap((s) => s.errors),
    raw: { withExt: ab.withExt.map(slim), without: ab.without.map(slim) },
  };
}

function slim(s: LoadSample) {
  const pick = ['ScriptDuration', 'TaskDuration', 'LayoutDuration', 'RecalcStyleDuration', 'JSHeapUsedSize', 'Nodes', 'JSEventListeners'];
  return {
    metrics: Object.fromEntries(pick.map((k) => [k, s.metrics[k]])),
    probe: { ...s.probe, longTasks: s.probe.longTasks.length },
  };
}

// ---- sections ------------------------------------------------------------------------------------

function sectionBundle(): BundleReport {
  const b = bundleReport(BUILD);
  // The bootstrap every back-office page parses, and the panel's runtime a served page gets.
  const budgeted = BUDGETS.map((budget) => ({ budget, fs: [budget.file, ...(budget.with ?? [])].map((p) => b.files.find((f) => f.path === p)) }));
  for (const { budget, fs } of budgeted) {
    if (fs.some((f) => !f)) continue;
    const sum = (k: 'gzip' | 'raw') => fs.reduce((a, f) => a + f![k], 0);
    const names = fs.map((f) => f!.path).join(' + ');
    row({
      section: 'bundle',
      metric: `${budget.name} ${names} (gzip -9)`,
      unit: 'KB',
      value: sum('gzip') / 1024,
      budget: budget.maxGzip / 1024,
      spread: `raw ${round(sum('raw') / 1024)} KB`,
    });
  }
  for (const f of b.files.filter((f) => !budgeted.some((x) => x.fs.includes(f)) && /\.(js|css|html)$/.test(f.path))) {
    row({ section: 'bundle', metric: `${f.path} (gzip -9)`, unit: 'KB', value: f.gzip / 1024, spread: `raw ${round(f.raw / 1024)} KB` });
  }
  row({ section: 'bundle', metric: 'all JS (gzip -9)', unit: 'KB', value: b.totalJs.gzip / 1024, spread: `raw ${round(b.totalJs.raw / 1024)} KB` });
  results.bundle = b;
  return b;
}

async function sectionDetail(ext: BrowserHandle, plain: Plain, site: SiteServer): Promise<void> {
  const url = `${site.origin}/zone/order/detail?id=${SEED.orders.shipped}`;
  const ab = await abLoads('detail', ext.browser, plain.browser, (w) => ({
    url,
    contentSelector: DETAIL_CONTENT,
    waitPanel: w,
    settleMs: SETTLE,
  }));
  abRows('order detail', ab, { budgetScript: true });
  const W = ab.withExt.map((s) => s.probe);
  const dclToField = summarize(W.map((p) => (p.fieldAt ?? NaN) - p.dcl));
  const dclToReady = summarize(W.map((p) => (p.readyAt ?? NaN) - p.dcl));
  const contentToField = summarize(W.map((p) => (p.fieldAt ?? NaN) - (p.contentAt ?? NaN)));
  const dclToContent = summarize(ab.without.map((s) => (s.probe.contentAt ?? NaN) - s.probe.dcl));
  const dclToHost = summarize(W.map((p) => (p.hostAt ?? NaN) - p.dcl));
  row({
    section: 'order detail',
    metric: 'DOMContentLoaded → panel ready ([data-rh-field=orderId] filled)',
    unit: 'ms',
    value: dclToField.median,
    spread: spread(dclToField),
    budget: 100,
    note: dclToField.n < W.length ? `panel not ready in ${W.length - dclToField.n} of ${W.length} runs` : undefined,
  });
  if (dclToReady.n)
    row({
      section: 'order detail',
      metric: 'DOMContentLoaded → [data-rh=panel][data-ready]',
      unit: 'ms',
      value: dclToReady.median,
      spread: spread(dclToReady),
    });
  row({ section: 'order detail', metric: 'DOMContentLoaded → <refund-helper> attached', unit: 'ms', value: dclToHost.median, spread: spread(dclToHost) });
  row({
    section: 'order detail',
    metric: 'page’s own content rendered → panel ready',
    unit: 'ms',
    value: contentToField.median,
    spread: spread(contentToField),
  });
  row({
    section: 'order detail',
    metric: 'DOMContentLoaded → page’s own content (without extension)',
    unit: 'ms',
    value: dclToContent.median,
    spread: spread(dclToContent),
  });
  Object.assign(results['order detail'] as object, { dclToField, dclToReady, dclToHost, contentToField, dclToContent });
}

async function sectionOther(ext: BrowserHandle, plain: Plain, site: SiteServer): Promise<void> {
  const url = `${site.origin}/zone/shop/settings`;
  const ab = await abLoads('other', ext.browser, plain.browser, (_w) => ({ url, contentSelector: OTHER_CONTENT, waitPanel: false, settleMs: SETTLE }));
  abRows('unserved page', ab, { zeroWork: true });
  const withHost = ab.withExt.filter((s) => s.probe.hasHost || s.probe.hostAt !== null).length;
  row({ section: 'unserved page', metric: 'runs where <refund-helper> was attached', unit: 'count', value: withHost, budget: 0 });
  // Messages and storage reads the content script makes there (each message wakes the worker).
  const sent: string[][] = [];
  for (let i = 0; i < 3; i++) {
    let ctx: { contextId: () => number | undefined } | undefined;
    let msgs: MsgRecord[] = [];
    await measureLoad(ext.browser, {
      url,
      contentSelector: OTHER_CONTENT,
      waitPanel: false,
      settleMs: SETTLE,
      before: async (_p, cdp) => void (ctx = await instrumentContentWorld(cdp, ext.extensionBaseUrl)),
      after: async (_p, cdp) => void (msgs = await readMessages(cdp, ctx!.contextId())),
    });
    sent.push(msgs.map((m) => m.type));
  }
  row({
    section: 'unserved page',
    metric: 'runtime messages sent by the content script per load',
    unit: 'count',
    value: summarize(sent.map((x) => x.length)).median,
    budget: 0,
    note: sent[0]?.length ? `types: ${[...new Set(sent.flat())].join(', ')}` : undefined,
  });
  // Listeners and nodes the content script may leave behind (observers do not show in any metric).
  const lW = summarize(ab.withExt.map((s) => metric(s, 'JSEventListeners')));
  const lO = summarize(ab.without.map((s) => metric(s, 'JSEventListeners')));
  const nW = summarize(ab.withExt.map((s) => metric(s, 'Nodes')));
  const nO = summarize(ab.without.map((s) => metric(s, 'Nodes')));
  row({ section: 'unserved page', metric: 'JS event listeners with − without (medians)', unit: 'count', value: lW.median - lO.median });
  row({ section: 'unserved page', metric: 'DOM nodes with − without (medians)', unit: 'count', value: nW.median - nO.median });
}

async function sectionList(ext: BrowserHandle, plain: Plain, site: SiteServer, extPage: import('puppeteer').Page): Promise<void> {
  const url = `${site.origin}/zone/refund/list?pageSize=${LIST_ROWS}`;
  // The cases behind the rows: every listed refund is a tracked case still `reviewing`, the
  // worst first visit (every row matched, most rows change status).
  const api = (await (await fetch(`http://127.0.0.1:${site.port}/api/refunds?pageSize=${LIST_ROWS}`)).json()) as {
    items: Array<{ id: string; orderId: string; status: string }>;
  };
  const rules = defaultRules();
  const t0 = Date.now() - 3 * 3_600_000;
  const tracked = api.items.map((r, i) =>
    createCase(
      { orderId: r.orderId, refundType: 'refund-only', reasonId: 'quality', paidAmount: 1000, refundAmount: 1000 },
      rules,
      t0 + i,
      'panel',
      `bench-list-${r.orderId}`,
    ),
  );
  const byStatus: Record<string, number> = {};
  for (const r of api.items) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  log(`list: ${api.items.length} rows, statuses ${JSON.stringify(byStatus)}`);
  const resetCases = async () => {
    await clearCasesDirect(extPage);
    const r = await send(extPage, 'importCases', { content: JSON.stringify(tracked) });
    if (!r.result.ok) throw new Error(`importCases refused: ${JSON.stringify(r.result).slice(0, 500)}`);
  };

  // (1) A/B page cost, with the cases in place for every "with" run.
  await resetCases();
  const ab = await abLoads('list', ext.browser, plain.browser, (w) => ({
    url,
    contentSelector: 'tbody.ant-table-tbody > tr:nth-child(1000)',
    waitPanel: false,
    settleMs: SETTLE + 700,
    before: w ? async () => resetCases() : undefined,
  }));
  abRows('refund list 1000', ab);

  // (2) Rows in the DOM → background synced, with the content script's messages instrumented.
  const syncs: number[] = [];
  const reads: number[] = [];
  const trips: number[] = [];
  const detail: Array<{ rowsAt: number | null; msgs: MsgRecord[] }> = [];
  const origin = ext.extensionBaseUrl;
  for (let i = 0; i < PAIRS; i++) {
    await resetCases();
    let ctx: { contextId: () => number | undefined } | undefined;
    let msgs: MsgRecord[] = [];
    const s = await measureLoad(ext.browser, {
      url,
      contentSelector: 'tbody.ant-table-tbody > tr:nth-child(1000)',
      waitPanel: false,
      settleMs: 200,
      extraProbe: rowsProbe(LIST_ROWS),
      before: async (_page, cdp) => {
        ctx = await instrumentContentWorld(cdp, origin);
      },
      after: async (page, cdp) => {
        msgs = await waitForReply(page, cdp, ctx!.contextId, 'reportPage');
        await new Promise((r) => setTimeout(r, 300));
        msgs = await readMessages(cdp, ctx!.contextId());
      },
    });
    const rowsAt = s.probe.marks.rows ?? s.probe.contentAt;
    const reports = msgs.filter((m) => m.type === 'reportPage');
    detail.push({ rowsAt, msgs });
    if (!reports.length || rowsAt == null) {
      log(`list sync #${i}: ${reports.length} reportPage messages, rowsAt ${rowsAt}; messages: ${JSON.stringify(msgs).slice(0, 300)}`);
      continue;
    }
    const last = reports.reduce((a, b) => ((b.repliedAt ?? Infinity) > (a.repliedAt ?? Infinity) ? b : a));
    const first = reports[0];
    syncs.push((last.repliedAt ?? NaN) - rowsAt);
    reads.push(first.sentAt - rowsAt);
    trips.push(reports.reduce((a, m) => a + ((m.repliedAt ?? NaN) - m.sentAt), 0));
  }
  const sync = summarize(syncs);
  const read = summarize(reads);
  const trip = summarize(trips);
  const sample = detail.find((d) => d.msgs.some((m) => m.type === 'reportPage'));
  const rp = sample?.msgs.filter((m) => m.type === 'reportPage') ?? [];
  row({
    section: 'refund list 1000',
    metric: `rows in DOM → background applied reportPage (reply received)`,
    unit: 'ms',
    value: sync.median,
    spread: spread(sync),
    budget: 150,
    note: rp.length
      ? `${rp.length} reportPage message(s), ${rp.reduce((a, m) => a + (m.observations ?? 0), 0)} observations, ${rp.reduce((a, m) => a + (m.changes ?? 0), 0)} changes, ${rp.reduce((a, m) => a + m.size, 0)} bytes`
      : 'no reportPage seen',
  });
  row({ section: 'refund list 1000', metric: '… of which: rows in DOM → reportPage sent (read)', unit: 'ms', value: read.median, spread: spread(read) });
  row({ section: 'refund list 1000', metric: '… of which: reportPage round trip(s) (background)', unit: 'ms', value: trip.median, spread: spread(trip) });
  Object.assign(results['refund list 1000'] as object, { sync, read, trip, messages: detail.slice(0, 3) });
}

/** Import, backup, CSV and JSON export and restore of N_DATA cases in the options page (no budget of its own: the goal is well under a minute for 200,000). */
async function sectionData(ext: BrowserHandle): Promise<void> {
  const f = await measureData(ext, N_DATA, log);
  const section = `data ${N_DATA}`;
  const n = N_DATA.toLocaleString('en');
  row({ section, metric: `import of ${n} cases (file chosen → result shown)`, unit: 'ms', value: f.importMs, note: JSON.stringify(f.phases.import) });
  row({ section, metric: `backup of ${n} cases (click → file built)`, unit: 'ms', value: f.backupMs, note: `${(f.backupBytes / 1024 / 1024).toFixed(1)} MB` });
  row({ section, metric: `CSV export of ${n} cases`, unit: 'ms', value: f.csvMs });
  row({ section, metric: `JSON export of ${n} cases`, unit: 'ms', value: f.jsonMs });
  row({ section, metric: `restore of ${n} cases (file chosen → result shown)`, unit: 'ms', value: f.restoreMs, note: JSON.stringify(f.phases.restore) });
  results[section] = f;
}

async function sectionCases(ext: BrowserHandle, extPage: import('puppeteer').Page): Promise<void> {
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
  const fr = summarize(firstRender);
  row({
    section: `${N_CASES} cases`,
    metric: 'popup: navigation start → attention count (the number) painted',
    unit: 'ms',
    value: fr.median,
    spread: spread(fr),
    budget: 150,
    note: popupFailures.length ? `no number within 10 s in ${popupFailures.length} of ${PAIRS + 1} opens: ${popupFailures[0]}` : undefined,
  });
  row({
    section: `${N_CASES} cases`,
    metric: 'popup: navigation start → attention count (the number) in DOM',
    unit: 'ms',
    value: summarize(inDom).median,
    spread: spread(summarize(inDom)),
  });
  if (fcp.length)
    row({ section: `${N_CASES} cases`, metric: 'popup: first contentful paint', unit: 'ms', value: summarize(fcp).median, spread: spread(summarize(fcp)) });

  // Badge recount: the `counts` message does what the badge refresh does (status counts + badge
  // summary over the attention index), timed as a round trip from an extension page.
  const countsMs: number[] = [];
  for (let i = 0; i < 2 * PAIRS; i++) countsMs.push((await send(extPage, 'counts')).ms);
  const cm = summarize(countsMs);
  row({ section: `${N_CASES} cases`, metric: 'badge recount: `counts` round trip', unit: 'ms', value: cm.median, spread: spread(cm), budget: 30 });

  const attn: number[] = [];
  for (let i = 0; i < PAIRS; i++) attn.push((await send(extPage, 'attentionList', { limit: 50 })).ms);
  row({
    section: `${N_CASES} cases`,
    metric: '`attentionList` (limit 50) round trip (popup’s list)',
    unit: 'ms',
    value: summarize(attn).median,
    spread: spread(summarize(attn)),
  });

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
  row({
    section: `${N_CASES} cases`,
    metric: 'search `listCases {query}` round trip',
    unit: 'ms',
    value: summarize(searchMs).median,
    spread: spread(summarize(searchMs)),
    note: `queries → totals ${JSON.stringify(hits)}`,
  });
  const listMs: number[] = [];
  for (let i = 0; i < PAIRS; i++) listMs.push((await send(extPage, 'listCases', { limit: 50 })).ms);
  row({
    section: `${N_CASES} cases`,
    metric: '`listCases` newest 50 round trip',
    unit: 'ms',
    value: summarize(listMs).median,
    spread: spread(summarize(listMs)),
  });

  // The case list page: every case's row read, then filters and statistics in the page.
  const casesPage: CasesPageSample[] = [];
  for (let i = 0; i < Math.min(PAIRS, 5); i++) casesPage.push(await measureCasesPage(ext.browser, ext.extensionBaseUrl + 'cases.html'));
  const cp = (k: keyof CasesPageSample) => summarize(casesPage.map((s) => s[k]));
  const cpRow = (metric: string, k: keyof CasesPageSample, budget: number) =>
    row({ section: `${N_CASES} cases`, metric, unit: 'ms', value: cp(k).median, spread: spread(cp(k)), budget });
  cpRow('case list: navigation start → first rows', 'firstRows', 300);
  cpRow('case list: navigation start → every row read (count shown)', 'allRows', 1_000);
  cpRow('case list: a status filter re-rendered', 'filter', 100);
  cpRow('case list: statistics tab rendered', 'stats', 500);
  results.cases = {
    firstRender: fr,
    inDom: summarize(inDom),
    fcp: summarize(fcp),
    counts: cm,
    attention: summarize(attn),
    search: summarize(searchMs),
    list: summarize(listMs),
    hits,
    casesPage,
  };
}

// ---- profiles (--profile) ---------------------------------------------------------------------------

const PROFILE_BUILD = join(ROOT, 'bench-output/profile-build/chrome-mv3');
/** What `npm run bench` builds and measures (falls back to .output/chrome-mv3 with --no-build). */
const BENCH_BUILD = join(ROOT, 'bench-output/build/chrome-mv3');
let BUILD = CHROME_BUILD;

async function sectionProfile(): Promise<void> {
  if (!args['no-build'] || !existsSync(join(PROFILE_BUILD, 'manifest.json'))) {
    log('building the profiling variant (source maps) into bench-output/profile-build…');
    execFileSync('npx', ['wxt', 'build', '-c', 'scripts/bench/wxt.profile.config.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_SOURCEMAP: '1' },
    });
  }
  const ext = await launchWith(PROFILE_BUILD);
  const site = await startSite({ apiDelay: [0, 0] });
  const big = await startSite({ apiDelay: [150, 150], seed: { extraRefunds: LIST_ROWS } });
  const texts: string[] = [];
  const extOrigin = ext.extensionBaseUrl.replace(/\/$/, '');
  try {
    const extPage = await ext.openExtensionPage('options.html');
    // Page loads: the page target's isolate runs the page and our content script's world.
    for (const [title, url, sel] of [
      ['order detail load', `${site.origin}/zone/order/detail?id=${SEED.orders.shipped}`, DETAIL_CONTENT],
      ['unserved page load', `${site.origin}/zone/shop/settings`, OTHER_CONTENT],
    ] as const) {
      const profiles: Awaited<ReturnType<typeof stopProfile>>[] = [];
      for (let i = 0; i < 4; i++) {
        await measureLoad(ext.browser, {
          url,
          contentSelector: sel,
          waitPanel: title.startsWith('order'),
          settleMs: SETTLE,
          before: async (_p, cdp) => startProfile(cdp),
          after: async (_p, cdp) => void profiles.push(await stopProfile(cdp)),
        });
      }
      const merged = profiles.slice(1).map((p) => attribute(p, PROFILE_BUILD, extOrigin));
      const avg = mergeAttributed(merged);
      texts.push(formatAttributed(`${title} (mean of ${merged.length} runs)`, avg));
      console.log(texts[texts.length - 1] + '\n');
    }
    // The service worker during a 1,000-row reportPage and during `counts` with 50,000 cases.
    const sw = await ext.serviceWorker();
    const swTarget = ext.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(extOrigin))!;
    const swCdp = await swTarget.createCDPSession();
    void sw;
    const api = (await (await fetch(`http://127.0.0.1:${big.port}/api/refunds?pageSize=${LIST_ROWS}`)).json()) as { items: Array<{ orderId: string }> };
    const rules = defaultRules();
    const t0 = Date.now() - 3 * 3_600_000;
    const tracked = api.items.map((r, i) =>
      createCase({ orderId: r.orderId, refundType: 'refund-only', reasonId: 'quality' }, rules, t0 + i, 'panel', `bench-list-${r.orderId}`),
    );
    await clearCasesDirect(extPage);
    await send(extPage, 'importCases', { content: JSON.stringify(tracked) });
    await startProfile(swCdp, 200);
    await measureLoad(ext.browser, {
      url: `${big.origin}/zone/refund/list?pageSize=${LIST_ROWS}`,
      contentSelector: 'tbody.ant-table-tbody > tr:nth-child(1000)',
      waitPanel: false,
      settleMs: 8000,
    });
    texts.push(formatAttributed('service worker during a 1,000-row refund list visit', attribute(await stopProfile(swCdp), PROFILE_BUILD, extOrigin), 15));
    console.log(texts[texts.length - 1] + '\n');

    await clearCasesDirect(extPage);
    await putCasesDirect(extPage, generateCases({ count: N_CASES }));
    await send(extPage, 'counts');
    await startProfile(swCdp, 200);
    for (let i = 0; i < 5; i++) await send(extPage, 'counts');
    texts.push(formatAttributed(`service worker during 5 × counts with ${N_CASES} cases`, attribute(await stopProfile(swCdp), PROFILE_BUILD, extOrigin), 15));
    // The IndexedDB primitives the recount is made of, timed alone in the worker.
    texts.push(await idbPrimitives(sw));
    await swCdp.detach().catch(() => {});
  } finally {
    await ext.close();
    await site.close();
    await big.close();
  }
  results.profiles = texts;
  console.log(texts.slice(3).join('\n\n') + '\n');
}

function mergeAttributed(list: ReturnType<typeof attribute>[]): ReturnType<typeof attribute> {
  const add = (key: 'byModule' | 'byFunction') => {
    const m = new Map<string, number>();
    for (const a of list) for (const [k, v] of a[key]) m.set(k, (m.get(k) ?? 0) + v / list.length);
    return [...m].sort((a, b) => b[1] - a[1]) as Array<[string, number]>;
  };
  const mean = (k: 'totalMs' | 'extensionMs') => list.reduce((a, x) => a + x[k], 0) / list.length;
  return { byModule: add('byModule'), byFunction: add('byFunction'), totalMs: mean('totalMs'), extensionMs: mean('extensionMs') };
}

/** Times, inside the service worker, the raw IndexedDB reads `counts` is made of. */
async function idbPrimitives(sw: import('puppeteer').WebWorker): Promise<string> {
  // A string, not a function: tsx's keep-names helper (__name) does not exist in the worker.
  const r = (await sw.evaluate(`(async () => {
    const db = await new Promise((res, rej) => {
      const q = indexedDB.open('refund-helper');
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
    const req = (f) => new Promise((res, rej) => { const q = f(); q.onsuccess = () => res(q.result); q.onerror = () => rej(q.error); });
    const time = async (f) => { const t = performance.now(); const v = await f(); return [performance.now() - t, v]; };
    const store = () => db.transaction('cases').objectStore('cases');
    const now = Date.now();
    const out = {};
    const statuses = ['draft', 'reviewing', 'approved', 'confirmed', 'refunded', 'rejected', 'failed', 'escalated', 'cancelled', 'closed'];
    let [ms, v] = await time(() => Promise.all(statuses.map((s) => req(() => store().index('by-status').count(s)))));
    out['10 × by-status count (countByStatus)'] = ms.toFixed(1) + ' ms';
    [ms, v] = await time(() => req(() => store().count()));
    out['store count()'] = ms.toFixed(1) + ' ms (' + v + ')';
    [ms, v] = await time(() => req(() => store().index('by-attention').count(IDBKeyRange.upperBound(now))));
    out['by-attention count(≤ now)'] = ms.toFixed(1) + ' ms (' + v + ')';
    [ms, v] = await time(() => req(() => store().index('by-attention').getAllKeys(IDBKeyRange.upperBound(now))));
    out['by-attention getAllKeys(≤ now)'] = ms.toFixed(1) + ' ms';
    [ms, v] = await time(() => req(() => store().index('by-attention').getAll(IDBKeyRange.upperBound(now))));
    out['by-attention getAll(≤ now) (full records: what badge() reads)'] = ms.toFixed(1) + ' ms (' + v.length + ' records)';
    db.close();
    return out;
  })()`)) as Record<string, string>;
  return ['IndexedDB primitives in the service worker:', ...Object.entries(r).map(([k, v]) => `    ${v.padStart(24)}  ${k}`)].join('\n');
}

/** A failing section is reported (a row and the error) and the bench goes on with the next. */
async function guarded(name: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    log(`${name} failed: ${msg}`);
    row({ section: name, metric: 'SECTION FAILED', unit: '', value: NaN, note: msg.slice(0, 300) });
  }
}

// ---- page markers of the demo back office ---------------------------------------------------------

/** The order detail's own content: its Ant descriptions block is rendered from the API data. */
const DETAIL_CONTENT = '.ant-descriptions';
/** Any rendered content of the app's page. */
const OTHER_CONTENT = '#root .ant-layout-content *';

// ---- report ------------------------------------------------------------------------------------------

function table(): string {
  const head = ['section', 'metric', 'value', 'budget', 'ratio', 'pass', 'spread / note'];
  const lines = rows.map((r) => [
    r.section,
    r.metric,
    `${r.value} ${r.unit}`,
    r.budget !== undefined ? `≤ ${r.budget} ${r.unit}` : '',
    r.ratio !== undefined ? String(r.ratio) : '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
    [r.spread, r.note].filter(Boolean).join(' · '),
  ]);
  const widths = head.map((h, i) => Math.min(i === 6 ? 200 : 70, Math.max(h.length, ...lines.map((l) => l[i].length))));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  ensureBrowsers(['chromium']); // installs it on a bare machine (scripts/setup.ts)
  if (!args['no-build']) {
    log(`building the production extension (wxt build${args.analyze ? ' --analyze' : ''}, production config, into bench-output/build)…`);
    execFileSync('npx', ['wxt', 'build', '-c', 'scripts/bench/wxt.profile.config.ts', ...(args.analyze ? ['--analyze'] : [])], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, BENCH_SOURCEMAP: '0' },
    });
  }
  BUILD = existsSync(join(BENCH_BUILD, 'manifest.json')) ? BENCH_BUILD : CHROME_BUILD;
  log(`extension build: ${BUILD}`);
  if (args.analyze) {
    const text = BUDGETS.map((budget) => analyzeReport(join(ROOT, 'stats.html'), budget.file)).join('\n\n');
    results.contentScriptModules = text;
    console.log(text + '\n');
  }
  if (SECTIONS.has('bundle')) sectionBundle();
  if (SECTIONS.has('pagedata')) {
    const f = measurePageData();
    results.pageData = f;
    row({ section: 'pagedata', metric: 'an unrelated request (URL test only)', unit: 'µs', value: f.otherRequestUs, budget: 1000 });
    row({ section: 'pagedata', metric: 'a refund list response, 20 after-sales', unit: 'ms', value: f.list20Ms, budget: 1 });
    row({ section: 'pagedata', metric: 'a refund list response, 1,000 after-sales', unit: 'ms', value: f.list1000Ms });
  }

  let ext: BrowserHandle | undefined;
  let plain: Plain | undefined;
  const sites: SiteServer[] = [];
  let machine: MachineInfo | undefined;
  try {
    const needBrowsers = ['detail', 'other', 'list', 'cases', 'data'].some((s) => SECTIONS.has(s));
    if (needBrowsers) {
      const e = (ext = await launchWith(BUILD));
      const p = (plain = await launchWithout());
      machine = machineInfo(findChromium(), await e.browser.version());
      // No artificial API latency: the timings are the extension's, not the demo server's sleep.
      const site = await startSite({ apiDelay: [0, 0] });
      sites.push(site);
      const extPage = await ext.openExtensionPage('options.html');
      if (SECTIONS.has('detail')) await guarded('sectionDetail', () => sectionDetail(e, p, site));
      if (SECTIONS.has('other')) await guarded('sectionOther', () => sectionOther(e, p, site));
      if (SECTIONS.has('list')) {
        const big = await startSite({ apiDelay: [150, 150], seed: { extraRefunds: LIST_ROWS } });
        sites.push(big);
        await guarded('sectionList', () => sectionList(e, p, big, extPage));
        await clearCasesDirect(extPage);
      }
      if (SECTIONS.has('cases')) await guarded('sectionCases', () => sectionCases(e, extPage));
      if (SECTIONS.has('data')) await guarded('sectionData', () => sectionData(e));
      await ext.close();
      await plain.close();
      ext = undefined;
      plain = undefined;
    } else {
      machine = machineInfo(findChromium(), execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim());
    }
    if (args.profile) await guarded('sectionProfile', () => sectionProfile());
  } finally {
    await ext?.close();
    await plain?.close();
    for (const s of sites) await s.close();
  }
  const out = { machine, pairs: PAIRS, settleMs: SETTLE, seconds: Math.round((Date.now() - started) / 1000), rows, details: results };
  mkdirSync(dirname(args.json!), { recursive: true });
  writeFileSync(args.json!, JSON.stringify(out, null, 2));
  console.log(table());
  console.log(
    `\n${machine?.cpuModel} ×${machine?.nproc}, ${machine?.memoryGiB} GiB, ${machine?.os}, Node ${machine?.node}, Chromium ${machine?.chromium}; ${machine?.date}; ${PAIRS} pairs; ${out.seconds} s`,
  );
  console.log(`results: ${args.json}`);
  const missed = rows.filter((r) => r.pass === false);
  if (missed.length) console.log(`\nbudgets missed: ${missed.map((r) => `${r.section} / ${r.metric}`).join('; ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
