// The `data` section of the bench: import, backup, CSV and JSON export and restore of N cases (200,000 by
// default) in the options page of the production build, as a merchant does them (file inputs and
// buttons), timed from the action to the page's result. Also prints the phases the progress bar
// went through, so a slow step shows where its time went.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import type { BrowserHandle } from '../browsers';
import { generateCases } from './cases-gen';
import { send } from './ext';

export interface DataFigures {
  cases: number;
  importMs: number;
  backupMs: number;
  csvMs: number;
  jsonMs: number;
  restoreMs: number;
  phases: Record<string, Record<string, number>>;
  backupBytes: number;
  /** The options page's peak JS heap during each step, MB. */
  peakHeapMB: Record<'import' | 'backup' | 'restore', number>;
}

const WAIT = 600_000;

/** Waits for the status element `hook` while sampling the progress bar's phase; returns ms and the time per phase. */
async function timed(
  page: Page,
  hook: string,
  start: () => Promise<unknown>,
): Promise<{ ms: number; ok: boolean; text: string; phases: Record<string, number>; peakHeapMB: number }> {
  await page.evaluate((h: string) => document.querySelector(`[data-rh="${h}"]`)?.remove(), hook);
  const t0 = Date.now();
  await start();
  const phases: Record<string, number> = {};
  // The options page's JS heap (CDP's JSHeapUsedSize), sampled at each poll: what the page holds.
  let peak = 0;
  let last = t0;
  let phase = 'start';
  for (;;) {
    const s = await page.evaluate((h: string) => {
      const st = document.querySelector(`[data-rh="${h}"]`);
      const p = document.querySelector('[data-rh="data-progress"]');
      return { done: !!st && !p, ok: st?.getAttribute('data-ok') === 'true', text: st?.textContent ?? '', phase: p?.getAttribute('data-phase') ?? null };
    }, hook);
    peak = Math.max(peak, (await page.metrics()).JSHeapUsedSize ?? 0);
    const now = Date.now();
    phases[phase] = (phases[phase] ?? 0) + (now - last);
    last = now;
    if (s.phase) phase = s.phase;
    if (s.done) return { ms: now - t0, ok: s.ok, text: s.text, phases, peakHeapMB: Math.round(peak / 1024 / 1024) };
    if (now - t0 > WAIT) throw new Error(`${hook}: no result after ${WAIT} ms (phase ${phase})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function measureData(ext: BrowserHandle, n: number, log: (m: string) => void): Promise<DataFigures> {
  const tmp = mkdtempSync(join(tmpdir(), 'rh-bench-data-'));
  try {
    log(`data: generating ${n} cases…`);
    const cases = generateCases({ count: n, orderPrefix: '241' });
    const file = join(tmp, 'cases.json');
    writeFileSync(file, JSON.stringify({ format: 'refund-helper-cases', version: 1, cases }));
    const page = await ext.openExtensionPage('options.html', { waitFor: '[data-rh="rules-export"]', timeout: 30_000 });
    await page.evaluate(() => {
      const g = window as any;
      g.__downloads = [];
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.download) g.__downloads.push({ name: this.download, href: this.href });
      };
    });
    await send(page, 'deleteAll');
    const input = (await page.waitForSelector('[data-rh="cases-import"]')) as ElementHandle<HTMLInputElement>;
    const imp = await timed(page, 'cases-status', () => input.uploadFile(file));
    if (!imp.ok) throw new Error(`import: ${imp.text}`);
    log(`data: import ${imp.ms} ms ${JSON.stringify(imp.phases)}, peak heap ${imp.peakHeapMB} MB`);
    const c = await send<{ total: number }>(page, 'counts');
    if (c.result.data?.total !== n) throw new Error(`import: counts say ${JSON.stringify(c.result).slice(0, 200)}`);

    const bak = await timed(page, 'backup-status', () => page.click('[data-rh="backup"]'));
    if (!bak.ok) throw new Error(`backup: ${bak.text}`);
    log(`data: backup ${bak.ms} ms, peak heap ${bak.peakHeapMB} MB`);
    const backupBytes = await page.evaluate(async () => {
      const d = (window as any).__downloads.find((x: { name: string }) => x.name.startsWith('refund-helper-backup'));
      (window as any).__backup = await (await fetch(d.href)).blob();
      return (window as any).__backup.size as number;
    });
    const csv = await timed(page, 'cases-status', () => page.click('[data-rh="cases-export-csv"]'));
    if (!csv.ok) throw new Error(`csv: ${csv.text}`);
    log(`data: csv ${csv.ms} ms`);
    const json = await timed(page, 'cases-status', () => page.click('[data-rh="cases-export-json"]'));
    if (!json.ok) throw new Error(`json: ${json.text}`);
    log(`data: json ${json.ms} ms`);

    await send(page, 'deleteAll');
    const res = await timed(page, 'backup-status', () =>
      page.evaluate(() => {
        const input = document.querySelector('[data-rh="restore"]') as HTMLInputElement;
        const dt = new DataTransfer();
        dt.items.add(new File([(window as any).__backup], 'backup.json', { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    );
    if (!res.ok) throw new Error(`restore: ${res.text}`);
    log(`data: restore ${res.ms} ms ${JSON.stringify(res.phases)}, peak heap ${res.peakHeapMB} MB`);
    const c2 = await send<{ total: number }>(page, 'counts');
    if (c2.result.data?.total !== n) throw new Error(`restore: counts say ${JSON.stringify(c2.result).slice(0, 200)}`);
    await send(page, 'deleteAll');
    await page.close();
    return {
      cases: n,
      importMs: imp.ms,
      backupMs: bak.ms,
      csvMs: csv.ms,
      jsonMs: json.ms,
      restoreMs: res.ms,
      phases: { import: imp.phases, restore: res.phases },
      backupBytes,
      peakHeapMB: { import: imp.peakHeapMB, backup: bak.peakHeapMB, restore: res.peakHeapMB },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
