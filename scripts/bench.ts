/**
 * `npm run bench [-- --pairs N] [--no-build] [--only a,b] [--cases N] [--json PATH] [--profile] [--trace]`
 *
 * The extension's performance bars, measured on the PRODUCTION build in Chromium against the demo back
 * office (served under its real host name). Prints a table and writes bench-output/results.json.
 * Method and latest figures: BENCHMARKS.md. Sections (`--only`):
 *   bundle   bundle sizes (raw, gzip -9) of .output/chrome-mv3
 *   detail   order detail page, A/B with and without the extension: script/task time, long tasks,
 *            heap, DOMContentLoaded → panel ready (`--trace`: + where our script time goes)
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
import { CHROME_BUILD, findChromium, ROOT, type BrowserHandle } from './browsers';
import { ensureBrowsers } from './setup';
import { BUDGETS } from './size';
import { report as analyzeReport } from './bench/analyze';
import { bundleReport, type BundleReport } from './bench/bundle';
import { launchWith, launchWithout, type Plain } from './bench/browsers';
import { measureData } from './bench/data';
import { measurePageData } from './bench/page-data';
import { clearCasesDirect } from './bench/ext';
import { machineInfo, type MachineInfo } from './bench/machine';
import { measureLoad } from './bench/pageload';
import { instrumentContentWorld, readMessages, type MsgRecord } from './bench/refundlist';
import { round, summarize } from './bench/stats';
import { startSite, SEED, type SiteServer } from '../tests/merchant-site/server';
import { args, DETAIL_CONTENT, LIST_ROWS, N_DATA, OTHER_CONTENT, PAIRS, SECTIONS, SETTLE } from './bench/options';
import { log, results, row, rows, spread, table } from './bench/report';
import { abLoads, abRows, metric } from './bench/ab';
import { profiledRows } from './bench/profiled';
import { tracedRows } from './bench/traced';
import { sectionCases } from './bench/section-cases';
import { sectionList } from './bench/section-list';
import { sectionProfile } from './bench/section-profile';

/** What `npm run bench` builds and measures (falls back to .output/chrome-mv3 with --no-build). */
const BENCH_BUILD = join(ROOT, 'bench-output/build/chrome-mv3');
let BUILD = CHROME_BUILD;

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
  abRows('order detail', ab, { scriptMs: 10, scriptPct: 10, heapKB: 1024 });
  await profiledRows('order detail', ext, { url, contentSelector: DETAIL_CONTENT, waitPanel: true, settleMs: SETTLE }, 10);
  if (args.trace) await tracedRows('order detail', ext, { url, contentSelector: DETAIL_CONTENT, waitPanel: true, settleMs: SETTLE });
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
    budget: 30,
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
  abRows('unserved page', ab, { scriptMs: 2, heapKB: 100, zeroWork: true });
  await profiledRows('unserved page', ext, { url, contentSelector: OTHER_CONTENT, waitPanel: false, settleMs: SETTLE }, 2);
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
  for (const op of ['import', 'backup', 'restore'] as const) {
    row({ section, metric: `options page's peak JS heap during the ${op}`, unit: 'MB', value: f.peakHeapMB[op] });
  }
  results[section] = f;
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
