import type { Page } from 'puppeteer';

/** The background's answer to every message (lib/messaging.ts's Result, loosely typed for tests). */
export type Envelope<T = any> = { ok: boolean; data: T; error?: any; problems?: any };

/**
 * Sends one ProtocolMap message from an extension page (popup, options) in
 * @webext-core/messaging's wire format and resolves the background's Result. Throws when the
 * background did not answer or its handler threw. The page function is a string so that no
 * transform of this file (tsx's __name) can reach into the page.
 */
export function sendFromPage<T = any>(page: Page, type: string, data?: unknown): Promise<Envelope<T>> {
  const fn = `async (type, data) => {
    const api = globalThis.browser?.runtime?.sendMessage ? globalThis.browser : globalThis.chrome;
    const reply = await api.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
    if (!reply) throw new Error('no reply to ' + type);
    if (reply.err) throw new Error(type + ' threw: ' + JSON.stringify(reply.err));
    return reply.res;
  }`;
  return page.evaluate(`(${fn})(${JSON.stringify(type)}, ${data === undefined ? 'undefined' : JSON.stringify(data)})`) as Promise<Envelope<T>>;
}
