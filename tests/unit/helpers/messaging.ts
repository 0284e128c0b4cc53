/*
 * Runtime messages on wxt 0.20's fake browser (fake-browser 1.5), which ignores a listener's
 * `sendResponse` and has a truthy `runtime.lastError`: route `runtime.sendMessage(msg)` to the
 * registered onMessage listeners and resolve with what one answers through `sendResponse`
 * (undefined when none does, as a browser does). Messages and answers are structured-cloned both
 * ways, as a real browser does.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Sender = { id?: string; url?: string; tab?: { id: number; url?: string; windowId?: number } };

export interface MessagingHarness {
  /** Who the next messages come from (default: an extension page, i.e. the popup). */
  sender: Sender;
}

export function installMessaging(): MessagingHarness {
  const harness: MessagingHarness = { sender: { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html' as never) } };
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.lastError = undefined;
  runtime.sendMessage = (message: unknown) =>
    new Promise((resolve) => {
      let answered = false;
      const respond = (r: unknown) => {
        if (answered) return;
        answered = true;
        queueMicrotask(() => resolve(r === undefined ? undefined : structuredClone(r)));
      };
      const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown[]>;
      void trigger(structuredClone(message), structuredClone(harness.sender), respond).then((results: unknown[]) => {
        // A listener that returned `true` answers later through `respond`.
        if (!results.some((r) => r === true)) respond(undefined);
      });
    });
  return harness;
}

/** fake-browser's tabs.query compares `url` by equality; browsers take match patterns. */
export function installTabsQueryPatterns(): void {
  const tabs = fakeBrowser.tabs as unknown as { query: (q: Record<string, unknown>) => Promise<Array<{ url?: string }>> };
  const original = tabs.query.bind(tabs);
  tabs.query = async (q) => {
    const { url, ...rest } = q;
    const all = await original(rest);
    if (url === undefined) return all;
    const patterns = (Array.isArray(url) ? url : [url]).map((p) => matchPattern(String(p)));
    return all.filter((t) => t.url !== undefined && patterns.some((p) => p.test(t.url!)));
  };
}

/** `scheme://host/path` match pattern → RegExp (enough for `*://host/*`-style patterns). */
function matchPattern(pattern: string): RegExp {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`unsupported match pattern ${pattern}`);
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const scheme = m[1] === '*' ? 'https?' : m[1];
  const host = m[2].startsWith('*.') ? `(?:[^/]+\\.)?${esc(m[2].slice(2))}` : esc(m[2]);
  const path = m[3].split('*').map(esc).join('.*');
  return new RegExp(`^${scheme}://${host}(?::\\d+)?${path}$`);
}
