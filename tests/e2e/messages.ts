import type { Page } from 'puppeteer';
import { request, type MessageName } from '../../lib/messaging/protocol';

/** The background's answer to every message (lib/messaging/protocol.ts's Result, loosely typed for tests). */
export type Envelope<T = any> = { ok: boolean; data: T; error?: any; problems?: any };

/**
 * Sends one ProtocolMap message from an extension page (popup, options), built by the product's
 * own sender (lib/messaging/protocol.ts `request`), and resolves the background's Result. Throws when
 * the background did not answer. The page function is a string so that no transform of this file
 * (tsx's __name) can reach into the page.
 */
export function sendFromPage<T = any>(page: Page, type: string, data?: unknown): Promise<Envelope<T>> {
  const fn = `async (message) => {
    const api = globalThis.browser?.runtime?.sendMessage ? globalThis.browser : globalThis.chrome;
    const reply = await api.runtime.sendMessage(message);
    if (!reply) throw new Error('no reply to ' + message.type);
    return reply;
  }`;
  return page.evaluate(`(${fn})(${JSON.stringify(request(type as MessageName, data as never))})`) as Promise<Envelope<T>>;
}

/**
 * sendFromPage, asked again while the background cannot answer yet (a Firefox page still
 * settling, a service worker restarting: "Could not establish connection"), for up to `timeout` ms.
 */
export async function sendRetrying<T = any>(page: Page, type: string, data?: unknown, timeout = 15_000): Promise<Envelope<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await sendFromPage<T>(page, type, data);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** sendRetrying's data; a refusal throws with the background's words and problems. */
export async function mustSend<T = any>(page: Page, type: string, data?: unknown): Promise<T> {
  const r = await sendRetrying<T>(page, type, data);
  if (!r.ok) throw new Error(`${type}: ${r.error?.en} ${JSON.stringify(r.problems ?? [])}`);
  return r.data;
}
