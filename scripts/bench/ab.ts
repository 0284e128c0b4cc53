// A/B page loads: the same page with and without the extension, alternated in pairs, and their rows.
import type { Browser } from 'puppeteer';
import { PAIRS } from './options';
import { measureLoad, type LoadOptions, type LoadSample } from './pageload';
import { log, results, row, spread } from './report';
import { pairedDeltas, round, summarize } from './stats';

export interface AB {
  withExt: LoadSample[];
  without: LoadSample[];
}

/** Alternates the order inside each pair (with-without, without-with, …) so drift and warm-up cancel. */
export async function abLoads(label: string, ext: Browser, plain: Browser, make: (withExt: boolean) => LoadOptions, pairs = PAIRS): Promise<AB> {
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

export const ms = (x: number) => x * 1000; // CDP durations are in seconds
export const metric = (s: LoadSample, name: string) => s.metrics[name] ?? NaN;

/** The budgets of a page kind (the product's performance bars): script time added (ms and % of the page's own), heap added (KB). */
export interface PageBudgets {
  scriptMs?: number;
  scriptPct?: number;
  heapKB?: number;
  /** A page the extension does not serve: anything added is noise (said in the row). */
  zeroWork?: boolean;
}

export function abRows(section: string, ab: AB, budgets: PageBudgets = {}): void {
  const scriptW = ab.withExt.map((s) => ms(metric(s, 'ScriptDuration')));
  const scriptO = ab.without.map((s) => ms(metric(s, 'ScriptDuration')));
  const taskW = ab.withExt.map((s) => ms(metric(s, 'TaskDuration')));
  const taskO = ab.without.map((s) => ms(metric(s, 'TaskDuration')));
  const layoutW = ab.withExt.map((s) => ms(metric(s, 'LayoutDuration') + metric(s, 'RecalcStyleDuration')));
  const layoutO = ab.without.map((s) => ms(metric(s, 'LayoutDuration') + metric(s, 'RecalcStyleDuration')));
  const heapW = ab.withExt.map((s) => metric(s, 'JSHeapUsedSize') / 1024);
  const heapO = ab.without.map((s) => metric(s, 'JSHeapUsedSize') / 1024);
  const keptW = ab.withExt.map((s) => metric(s, 'JSHeapRetained') / 1024);
  const keptO = ab.without.map((s) => metric(s, 'JSHeapRetained') / 1024);
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
    budget: budgets.scriptMs,
    note: budgets.zeroWork ? 'expected ≈ 0 (noise only)' : undefined,
  });
  row({
    section,
    metric: 'script time added as % of the page’s own',
    unit: '%',
    value: share.median,
    spread: spread(share),
    budget: budgets.scriptPct,
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
    metric: 'JS heap added, as the load left it (garbage not yet collected included)',
    unit: 'KB',
    value: dHeap.median,
    spread: spread(dHeap, 0),
  });
  const dKept = summarize(pairedDeltas(keptW, keptO));
  row({
    section,
    metric: 'JS heap added, kept after a full GC (renderer isolate: page + content-script world)',
    unit: 'KB',
    value: dKept.median,
    spread: spread(dKept, 0),
    budget: budgets.heapKB,
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
    heapKeptKB: dKept,
    longTasksAdded: lt,
    longTaskMsAdded: ltd,
    errors: [...ab.withExt, ...ab.without].flatMap((s) => s.errors),
    raw: { withExt: ab.withExt.map(slim), without: ab.without.map(slim) },
  };
}

export function slim(s: LoadSample) {
  const pick = ['ScriptDuration', 'TaskDuration', 'LayoutDuration', 'RecalcStyleDuration', 'JSHeapUsedSize', 'JSHeapRetained', 'Nodes', 'JSEventListeners'];
  return {
    metrics: Object.fromEntries(pick.map((k) => [k, s.metrics[k]])),
    probe: { ...s.probe, longTasks: s.probe.longTasks.length },
  };
}
