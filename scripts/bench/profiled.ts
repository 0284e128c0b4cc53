// Script time by whose code ran, from CPU profiles of with-extension loads: the extension's own
// functions beside the page's, in the same loads. Where the A/B difference (with − without) is
// lost in a loaded machine's noise (its spread is hundreds of ms when the page's own script time
// varies that much), the profile still says how much of the time ran in our code. What it does
// not count: parsing and compiling our files (the size budget's part) and the content-script
// world's set-up, which the A/B difference includes.
import type { BrowserHandle } from '../browsers';
import { measureLoad, type LoadOptions } from './pageload';
import { attribute, startProfile, stopProfile } from './profile';
import { log, results, row, spread } from './report';
import { summarize } from './stats';

export async function profiledRows(section: string, ext: BrowserHandle, load: LoadOptions, budgetMs: number, runs = 6): Promise<void> {
  const extOrigin = ext.extensionBaseUrl.replace(/\/$/, '');
  const ours: number[] = [];
  const page: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let a: ReturnType<typeof attribute> | undefined;
    const s = await measureLoad(ext.browser, {
      ...load,
      before: async (_p, cdp) => startProfile(cdp),
      after: async (_p, cdp) => void (a = attribute(await stopProfile(cdp), undefined, extOrigin)),
    });
    if (s.errors.length) log(`${section} profiled #${i}: ${s.errors.join(' | ')}`);
    // The first load warms the browser's caches (discarded, as in the A/B loads).
    if (i === 0 || !a) continue;
    ours.push(a.extensionMs);
    page.push(a.byModule.filter(([m]) => m.startsWith('page: ')).reduce((t, [, ms]) => t + ms, 0));
  }
  const o = summarize(ours);
  const p = summarize(page);
  row({
    section,
    metric: 'script time in the extension’s code (CPU profile, with extension)',
    unit: 'ms',
    value: o.median,
    spread: spread(o),
    budget: budgetMs,
  });
  row({ section, metric: '… beside the page’s own code in the same loads', unit: 'ms', value: p.median, spread: spread(p) });
  Object.assign((results[section] ??= {}) as object, { profiledOurs: o, profiledPage: p });
}
