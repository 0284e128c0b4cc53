// `--profile`: CPU profiles of a source-mapped build, attributed to our modules.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCase } from '../../lib/cases/model';
import { defaultRules } from '../../lib/rules/defaults';
import { SEED, startSite } from '../../tests/merchant-site/server';
import { ROOT } from '../browsers';
import { launchWith } from './browsers';
import { generateCases } from './cases-gen';
import { clearCasesDirect, putCasesDirect, send } from './ext';
import { args, DETAIL_CONTENT, LIST_ROWS, N_CASES, OTHER_CONTENT, SETTLE } from './options';
import { measureLoad } from './pageload';
import { attribute, formatAttributed, startProfile, stopProfile } from './profile';
import { log, results } from './report';

const PROFILE_BUILD = join(ROOT, 'bench-output/profile-build/chrome-mv3');

export async function sectionProfile(): Promise<void> {
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
    const api = (await (await fetch(`http://127.0.0.1:${big.port}/api/refunds?pageSize=${LIST_ROWS}`)).json()) as {
      items: Array<{ orderId: string; createdAt: number }>;
    };
    const rules = defaultRules();
    // Each case recorded when its application was made, as in the list section: else no row is its case.
    const tracked = api.items.map((r) =>
      createCase({ orderId: r.orderId, refundType: 'refund-only', reasonId: 'quality' }, rules, r.createdAt, 'panel', `bench-list-${r.orderId}`),
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
    const all = (s) => IDBKeyRange.bound([s, -Infinity], [s, Infinity]);
    const due = (s) => IDBKeyRange.bound([s, -Infinity], [s, now]);
    const sum = (xs) => xs.reduce((a, b) => a + (Array.isArray(b) ? b.length : b), 0);
    let [ms, v] = await time(() => Promise.all(statuses.map((s) => req(() => store().index('by-status-updated').count(all(s))))));
    out['10 × by-status-updated count (a recount)'] = ms.toFixed(1) + ' ms';
    [ms, v] = await time(() => req(() => store().count()));
    out['store count()'] = ms.toFixed(1) + ' ms (' + v + ')';
    [ms, v] = await time(() => Promise.all(statuses.map((s) => req(() => store().index('by-status-attention').count(due(s))))));
    out['10 × by-status-attention count(≤ now)'] = ms.toFixed(1) + ' ms (' + sum(v) + ')';
    [ms, v] = await time(() => Promise.all(statuses.map((s) => req(() => store().index('by-status-attention').getAllKeys(due(s))))));
    out['10 × by-status-attention getAllKeys(≤ now)'] = ms.toFixed(1) + ' ms';
    [ms, v] = await time(() => Promise.all(statuses.map((s) => req(() => store().index('by-status-attention').getAll(due(s))))));
    out['10 × by-status-attention getAll(≤ now) (full records)'] = ms.toFixed(1) + ' ms (' + sum(v) + ' records)';
    db.close();
    return out;
  })()`)) as Record<string, string>;
  return ['IndexedDB primitives in the service worker:', ...Object.entries(r).map(([k, v]) => `    ${v.padStart(24)}  ${k}`)].join('\n');
}
