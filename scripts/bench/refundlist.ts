// The 1,000-row refund list: how long from the rows being in the page's DOM until the background
// has applied what the content script read from them.
//
// Instrumentation (measurement only, no product change): over CDP, the content script's isolated
// world is found as it is created (Runtime.executionContextCreated, an `isolated` context whose
// origin is our chrome-extension://ID) and `chrome.runtime.sendMessage` is wrapped there, recording
// when each message is sent and when its reply arrives (performance.now(), the document's clock,
// the same clock the main-world probe uses for "rows in the DOM"). The background answers
// `reportPage` only after its store transaction(s) committed and the badge was recounted
// (lib/background.ts: `serve(..., 'refresh')`), so "reply received" = "synced".
import type { CDPSession, Page } from 'puppeteer';

export interface MsgRecord {
  type: string;
  sentAt: number;
  repliedAt: number | null;
  size: number;
  ok: boolean | null;
  observations?: number;
  changes?: number;
  matched?: number;
}

const WRAP = `(() => {
  if (globalThis.__rhBenchMsgs) return 'already';
  const log = (globalThis.__rhBenchMsgs = []);
  // The content script may call chrome.runtime or browser.runtime (WXT's \`browser\`): wrap both.
  const runtimes = [...new Set([globalThis.chrome && chrome.runtime, globalThis.browser && browser.runtime].filter(Boolean))];
  for (const rt of runtimes) {
  const orig = rt.sendMessage.bind(rt);
  rt.sendMessage = function (...args) {
    const msg = args.find((a) => a && typeof a === 'object' && 'type' in a);
    const rec = { type: msg ? msg.type : '?', sentAt: performance.now(), repliedAt: null, size: 0, ok: null };
    try { rec.size = JSON.stringify(msg ?? null).length; } catch {}
    if (msg && msg.data && Array.isArray(msg.data.observations)) {
      rec.observations = msg.data.observations.length;
      // The payload itself, to send again from an idle extension page (the background's own time).
      try { globalThis.__rhBenchLastReport = JSON.stringify(msg.data); } catch {}
    }
    log.push(rec);
    const done = (r) => {
      rec.repliedAt = performance.now();
      const res = r;
      rec.ok = !!(res && res.ok);
      if (res && res.ok && res.data && Array.isArray(res.data.changes)) { rec.changes = typeof res.data.changed === 'number' ? res.data.changed : res.data.changes.length; rec.matched = res.data.matched; }
    };
    const cbIndex = args.findIndex((a) => typeof a === 'function');
    if (cbIndex >= 0) {
      const cb = args[cbIndex];
      args[cbIndex] = (r) => { done(r); return cb(r); };
      return orig(...args);
    }
    const p = orig(...args);
    if (p && typeof p.then === 'function') return p.then((r) => { done(r); return r; });
    return p;
  };
  }
  return 'wrapped';
})()`;

/** Installs the wrapper in our content script's world as soon as that world exists. */
export async function instrumentContentWorld(cdp: CDPSession, extensionOrigin: string): Promise<{ contextId: () => number | undefined }> {
  let contextId: number | undefined;
  cdp.on('Runtime.executionContextCreated', (ev: any) => {
    const ctx = ev.context;
    if (ctx?.auxData?.type === 'isolated' && typeof ctx.origin === 'string' && ctx.origin.startsWith(extensionOrigin.replace(/\/$/, ''))) {
      contextId = ctx.id;
      void cdp.send('Runtime.evaluate', { expression: WRAP, contextId: ctx.id, returnByValue: true }).catch(() => {});
    }
  });
  await cdp.send('Runtime.enable');
  return { contextId: () => contextId };
}

export async function readMessages(cdp: CDPSession, contextId: number | undefined): Promise<MsgRecord[]> {
  if (contextId === undefined) return [];
  const r = await cdp.send('Runtime.evaluate', {
    expression: 'JSON.stringify(globalThis.__rhBenchMsgs ?? [])',
    contextId,
    returnByValue: true,
  });
  return JSON.parse((r.result.value as string) ?? '[]') as MsgRecord[];
}

/** Main-world probe condition: the mark `rows` when the list shows at least `n` data rows. */
export function rowsProbe(n: number): string {
  return `const b = document.querySelector('tbody.ant-table-tbody'); return b && b.childElementCount >= ${n} ? 'rows' : null;`;
}

export async function waitForReply(_page: Page, cdp: CDPSession, contextId: () => number | undefined, type: string, timeout = 15_000): Promise<MsgRecord[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const msgs = await readMessages(cdp, contextId());
    const mine = msgs.filter((m) => m.type === type);
    if (mine.length > 0 && mine.every((m) => m.repliedAt !== null)) return msgs;
    if (Date.now() > deadline) return msgs;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The data of the last `reportPage` the content script sent (JSON), if any. */
export async function lastReport(cdp: CDPSession, contextId: number | undefined): Promise<string | undefined> {
  if (contextId === undefined) return undefined;
  const r = await cdp.send('Runtime.evaluate', { expression: 'globalThis.__rhBenchLastReport ?? null', contextId, returnByValue: true });
  return (r.result.value as string | null) ?? undefined;
}
