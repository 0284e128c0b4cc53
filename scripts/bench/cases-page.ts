// The case list page (cases.html) with the stored cases: navigation start → the first rows, →
// every row read (the count shown), a status filter's re-render, and the statistics tab.
// Each figure is taken in the page (performance.now()), the clock the page itself runs on.
import type { Browser } from 'puppeteer';

export interface CasesPageSample {
  firstRows: number;
  allRows: number;
  filter: number;
  stats: number;
  shown: number;
}

/** After a click: until the next frame has been produced (Preact renders before it). */
const AFTER_FRAME = `new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))`;

export async function measureCasesPage(browser: Browser, url: string): Promise<CasesPageSample> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(`(() => {
      const r = (window.__rhCases = { firstRows: null, allRows: null });
      const mo = new MutationObserver(() => {
        if (r.firstRows === null && document.querySelector('[data-rh="case-table"] tr[data-rh-case]')) r.firstRows = performance.now();
        if (r.allRows === null && document.querySelector('[data-rh="shown-count"]')) { r.allRows = performance.now(); mo.disconnect(); }
      });
      const start = () => mo.observe(document.documentElement || document, { subtree: true, childList: true });
      if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
    })();`);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as any).__rhCases?.allRows !== null, { timeout: 60_000, polling: 20 });
    const { firstRows, allRows } = (await page.evaluate('window.__rhCases')) as { firstRows: number; allRows: number };
    const shown = Number(await page.$eval('[data-rh="shown-count"]', (el) => el.getAttribute('data-value')));
    const filter = (await page.evaluate(`(async () => {
      const t0 = performance.now();
      document.querySelector('[data-rh="status-filter"][data-value="approved"]').click();
      await ${AFTER_FRAME};
      return performance.now() - t0;
    })()`)) as number;
    const stats = (await page.evaluate(`(async () => {
      const t0 = performance.now();
      document.querySelector('[data-rh="tab-stats"]').click();
      while (!document.querySelector('[data-rh="stats"] [data-rh-stat="count"]')) await ${AFTER_FRAME};
      await ${AFTER_FRAME};
      return performance.now() - t0;
    })()`)) as number;
    return { firstRows, allRows, filter, stats, shown };
  } finally {
    await page.close();
  }
}
