// The bench's `--trace` reading (scripts/bench/traced.ts): which of a load's traced time is ours.
import { describe, expect, it } from 'vitest';
import { ourTrace } from '../../scripts/bench/traced';

const EXT = 'chrome-extension://abc';
const MAIN = 1;
/** A complete event on the main thread; `url` of ours or the page's; times in ms. */
const ev = (name: string, at: number, ms: number, url?: string, tid = MAIN) => ({
  name,
  ph: 'X',
  ts: at * 1000,
  dur: ms * 1000,
  tid,
  args: url ? { data: { url } } : {},
});

describe('the bench trace', () => {
  it('counts our files’ evaluation with their compile, our own tasks with their microtasks, and our callbacks inside the page’s tasks', () => {
    const t = ourTrace(
      [
        // The page's HTML parsing runs our injected bootstrap.
        ev('RunTask', 0, 10),
        ev('ParseHTML', 0, 10),
        ev('EvaluateScript', 2, 5, `${EXT}/content-scripts/merchant.js`),
        ev('v8.compile', 2, 1, `${EXT}/content-scripts/merchant.js`),
        // The runtime injected: its own task.
        ev('RunTask', 20, 9),
        ev('EvaluateScript', 20, 8, `${EXT}/panel-orders.zh-CN.js`),
        ev('v8.compile', 20, 4, `${EXT}/panel-orders.zh-CN.js`),
        // A reply of the background: our call, then the microtasks it queued (a render).
        ev('RunTask', 40, 12),
        ev('FunctionCall', 40, 2, `${EXT}/panel-orders.zh-CN.js`),
        ev('RunMicrotasks', 42, 9),
        ev('FunctionCall', 43, 1, `${EXT}/panel-orders.zh-CN.js`),
        // The page's own script, our observer called inside it.
        ev('RunTask', 100, 50),
        ev('FunctionCall', 100, 45, 'https://s.kwaixiaodian.com/app.js'),
        ev('RunMicrotasks', 145, 5),
        ev('FunctionCall', 146, 3, `${EXT}/panel-orders.zh-CN.js`),
        // A task of the page's alone, and another thread's work: not ours.
        ev('RunTask', 200, 30),
        ev('FunctionCall', 200, 30, 'https://s.kwaixiaodian.com/app.js'),
        ev('FunctionCall', 0, 99, `${EXT}/panel-orders.zh-CN.js`, 2),
        ev('FunctionCall', 300, 1, 'https://s.kwaixiaodian.com/app.js', 2),
      ],
      EXT,
    );
    expect(t.files).toEqual({
      'content-scripts/merchant.js': { evaluate: 5, compile: 1 },
      'panel-orders.zh-CN.js': { evaluate: 8, compile: 4 },
    });
    expect(t.tasks).toBe(11);
    expect(t.taskCount).toBe(1);
    expect(t.inPageTasks).toBe(3);
  });
});
