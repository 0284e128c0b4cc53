// `--trace`: where the extension's script time goes in a page load, from the browser's own trace
// (the renderer's main thread): each of our files' evaluation, split into compile and run, and the
// tasks the panel's runtime runs after it (reads, renders, the background's replies). Unlike the
// CPU profile, the trace counts compiling (V8 compiles an injected file on the main thread, with
// no code cache). The isolated world's set-up, in the page's HTML parsing before our first file
// runs, is not counted. Tracing adds its own overhead, so these figures are for shares, not for
// the budgets.
import type { BrowserHandle } from '../browsers';
import { measureLoad, type LoadOptions } from './pageload';
import { log, results, row, spread } from './report';
import { summarize } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string }; fileName?: string };
}

/** ms per load: each of our files' evaluation (compile, run) and the work after it. */
export interface LoadTrace {
  files: Record<string, { evaluate: number; compile: number }>;
  /** Tasks that ran only our code (a reply, a timer, the microtasks they queue: renders). */
  tasks: number;
  taskCount: number;
  /** Our callbacks inside the page's own tasks (observers of the page's changes, listeners). */
  inPageTasks: number;
}

// The last one brings the tasks themselves (RunTask): what ran in one task is one turn of the thread.
const CATEGORIES = ['devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile', 'disabled-by-default-devtools.timeline'];
/** The events that run script, as the outermost ones of a task. */
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'EventDispatch', 'FireAnimationFrame']);

export function ourTrace(events: TraceEvent[], extOrigin: string): LoadTrace {
  // The renderer's main thread: the one that ran the most script.
  const perThread = new Map<number, number>();
  for (const e of events) if (e.name === 'FunctionCall' || e.name === 'EvaluateScript') perThread.set(e.tid, (perThread.get(e.tid) ?? 0) + 1);
  const main = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? '';
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const inside = (outer: TraceEvent, e: TraceEvent) => e !== outer && e.ts >= outer.ts && e.ts + (e.dur ?? 0) <= outer.ts + (outer.dur ?? 0);
  const timed = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: LoadTrace = { files: {}, tasks: 0, taskCount: 0, inPageTasks: 0 };
  for (const e of timed) {
    if (e.name !== 'v8.compile' && e.name !== 'EvaluateScript') continue;
    const url = urlOf(e);
    if (!url.startsWith(extOrigin)) continue;
    const f = (out.files[url.slice(extOrigin.length + 1)] ??= { evaluate: 0, compile: 0 });
    if (e.name === 'v8.compile') f.compile += ms(e);
    else f.evaluate += ms(e);
  }
  // Each task of the thread: ours alone, the page's with some of ours inside, or none of ours.
  for (let i = 0; i < timed.length; i++) {
    const task = timed[i];
    if (task.name !== 'RunTask' && task.name !== 'ThreadControllerImpl::RunTask') continue;
    const taskEnd = task.ts + (task.dur ?? 0);
    let j = i + 1;
    while (j < timed.length && timed[j].ts < taskEnd) j++;
    const within = timed.slice(i + 1, j).filter((e) => inside(task, e));
    i = j - 1;
    const urls = within.map(urlOf).filter(Boolean);
    if (!urls.some((u) => u.startsWith(extOrigin))) continue;
    // The outermost script events of the task (a microtask checkpoint runs after its task's call).
    let end = -1;
    const outer = within.filter((e) => {
      if (e.ts < end || !SCRIPT.has(e.name)) return false;
      end = e.ts + (e.dur ?? 0);
      return true;
    });
    if (urls.every((u) => u.startsWith(extOrigin))) {
      // Our files' evaluation is counted per file above.
      const work = outer.filter((e) => e.name !== 'EvaluateScript');
      if (!work.length) continue;
      out.tasks += work.reduce((a, e) => a + ms(e), 0);
      out.taskCount++;
    } else {
      let callEnd = -1;
      for (const e of within) {
        if (e.ts < callEnd || e.name !== 'FunctionCall' || !urlOf(e).startsWith(extOrigin)) continue;
        callEnd = e.ts + (e.dur ?? 0);
        out.inPageTasks += ms(e);
      }
    }
  }
  return out;
}

export async function tracedRows(section: string, ext: BrowserHandle, load: LoadOptions, runs = 6): Promise<void> {
  const extOrigin = ext.extensionBaseUrl.replace(/\/$/, '');
  const traces: LoadTrace[] = [];
  for (let i = 0; i < runs + 1; i++) {
    let t: LoadTrace | undefined;
    const s = await measureLoad(ext.browser, {
      ...load,
      before: async (page) => page.tracing.start({ categories: CATEGORIES }),
      after: async (page) => {
        const buf = await page.tracing.stop();
        if (buf) t = ourTrace((JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, extOrigin);
      },
    });
    if (s.errors.length) log(`${section} traced #${i}: ${s.errors.join(' | ')}`);
    // The first load warms the browser's caches (discarded, as in the A/B loads).
    if (i > 0 && t) traces.push(t);
  }
  const files = [...new Set(traces.flatMap((t) => Object.keys(t.files)))].sort();
  const put = (metric: string, values: number[]) => {
    const s = summarize(values);
    row({ section, metric: `trace: ${metric}`, unit: 'ms', value: s.median, spread: spread(s) });
  };
  for (const file of files) {
    put(
      `${file} evaluated (compile and run)`,
      traces.map((t) => t.files[file]?.evaluate ?? 0),
    );
    put(
      `… of which compiled`,
      traces.map((t) => t.files[file]?.compile ?? 0),
    );
  }
  put(
    'tasks of ours after that (replies, timers, and the reads and renders they run)',
    traces.map((t) => t.tasks),
  );
  const n = summarize(traces.map((t) => t.taskCount));
  row({ section, metric: 'trace: … how many', unit: 'count', value: n.median, spread: spread(n) });
  put(
    'our callbacks inside the page’s tasks (its changes observed)',
    traces.map((t) => t.inPageTasks),
  );
  put(
    'all of our script on the main thread',
    traces.map((t) => t.tasks + t.inPageTasks + Object.values(t.files).reduce((a, f) => a + f.evaluate, 0)),
  );
  Object.assign((results[section] ??= {}) as object, { traced: traces });
}
