// One page load in a fresh tab, measured: the page's own CDP Performance metrics (the content
// script runs in the page's renderer, in an isolated world, so its script time shows there),
// long tasks, and timestamps from a main-world probe installed before any page script.
import type { Browser, CDPSession, Page } from 'puppeteer';

export interface ProbeResult {
  /** performance.now() origin = the navigation's start. */
  dcl: number;
  /** The page's own content is in the DOM (the demo site's rendered data). */
  contentAt: number | null;
  /** `<refund-helper>` attached to the document. */
  hostAt: number | null;
  /** `[data-rh-field="orderId"]` with a non-empty data-value inside the open shadow root. */
  fieldAt: number | null;
  /** `[data-rh="panel"][data-ready]` (if the panel exposes it). */
  readyAt: number | null;
  /** Main-world marks other probes add (e.g. row counts). */
  marks: Record<string, number>;
  longTasks: Array<{ start: number; duration: number }>;
  hasHost: boolean;
}

export interface LoadSample {
  metrics: Record<string, number>;
  probe: ProbeResult;
  /** Errors and console errors the page reported. */
  errors: string[];
}

export interface LoadOptions {
  url: string;
  /** CSS selector of the page's own content; the run waits for it. */
  contentSelector: string;
  /** Also wait for the panel (with the extension). */
  waitPanel: boolean;
  /** Idle time after everything awaited, so late work (messages, re-renders) is counted. */
  settleMs?: number;
  timeoutMs?: number;
  /** A main-world condition (a function body returning a mark name or null) checked on every mutation. */
  extraProbe?: string;
  /** Called with the page before navigation (e.g. to instrument the content script's world). */
  before?: (page: Page, cdp: CDPSession) => Promise<void>;
  /** Called after the run, before the page closes. */
  after?: (page: Page, cdp: CDPSession) => Promise<void>;
}

/** The probe, as source: it runs in the main world before the page's scripts (evaluateOnNewDocument). */
function probeSource(contentSelector: string, extra: string | undefined): string {
  return `(() => {
  const r = { contentAt: null, hostAt: null, fieldAt: null, readyAt: null, marks: {}, longTasks: [] };
  Object.defineProperty(window, '__rhBench', { value: r, enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) r.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const extra = ${extra ? `() => { ${extra} }` : 'null'};
  let shadow = null;
  const check = () => {
    const now = performance.now();
    if (r.contentAt === null && document.querySelector(${JSON.stringify(contentSelector)})) r.contentAt = now;
    if (extra) { const m = extra(); if (m && !(m in r.marks)) r.marks[m] = now; }
    const host = document.querySelector('refund-helper');
    if (!host) return;
    if (r.hostAt === null) r.hostAt = now;
    const sr = host.shadowRoot;
    if (!sr) return;
    if (shadow !== sr) {
      shadow = sr;
      new MutationObserver(check).observe(sr, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'data-ready'] });
    }
    if (r.fieldAt === null) {
      const f = sr.querySelector('[data-rh-field="orderId"]');
      if (f && f.getAttribute('data-value')) r.fieldAt = now;
    }
    if (r.readyAt === null && sr.querySelector('[data-rh="panel"][data-ready]:not([data-ready="false"])')) r.readyAt = now;
  };
  const mo = new MutationObserver(check);
  const start = () => mo.observe(document.documentElement || document, { subtree: true, childList: true });
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function metricsOf(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export async function measureLoad(browser: Browser, opts: LoadOptions): Promise<LoadSample> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.evaluateOnNewDocument(probeSource(opts.contentSelector, opts.extraProbe));
    if (opts.before) await opts.before(page, cdp);
    const timeout = opts.timeoutMs ?? 10_000;
    await page.goto(opts.url, { waitUntil: 'domcontentloaded', timeout });
    await page
      .waitForFunction(
        (waitPanel: boolean) => {
          const r = (window as any).__rhBench;
          return r && r.contentAt !== null && (!waitPanel || r.fieldAt !== null || r.readyAt !== null);
        },
        { timeout, polling: 50 },
        opts.waitPanel,
      )
      .catch(() => errors.push(`timeout: content${opts.waitPanel ? ' or panel' : ''} not ready in ${timeout} ms`));
    await sleep(opts.settleMs ?? 1000);
    const metrics = await metricsOf(cdp);
    const probe = (await page.evaluate(() => {
      const r = (window as any).__rhBench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { ...r, dcl: nav ? nav.domContentLoadedEventStart : NaN, hasHost: !!document.querySelector('refund-helper') };
    })) as ProbeResult;
    if (opts.after) await opts.after(page, cdp);
    // What stays after a full collection: JSHeapUsedSize above also counts garbage of the load not
    // yet collected (when V8 collects is its own choice), so the heap bar is judged on this one.
    await cdp.send('HeapProfiler.collectGarbage');
    metrics.JSHeapRetained = (await metricsOf(cdp)).JSHeapUsedSize;
    return { metrics, probe, errors };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}
