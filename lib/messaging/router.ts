/*
 * The one receiver (the background's): one runtime.onMessage listener that dispatches our
 * requests to their handler and answers with the handler's Result. It answers through
 * `sendResponse` and returns `true` (Chrome ignores a listener's returned Promise); a request
 * without a handler is left to other listeners.
 */
import { browser, type Browser } from 'wxt/browser';
import { isRequest, type MessageName, type MessageReturn } from './protocol';

export type Sender = Browser.runtime.MessageSender;
type AnyHandler = (data: unknown, sender: Sender) => Promise<unknown>;

export interface Router {
  on<K extends MessageName>(name: K, handler: (data: unknown, sender: Sender) => Promise<MessageReturn<K>>): void;
  /** Removes the listener (a test's "worker killed"). */
  dispose(): void;
}

export function createRouter(): Router {
  const handlers = new Map<string, AnyHandler>();
  const listener = (message: unknown, sender: Sender, sendResponse: (r: unknown) => void): true | undefined => {
    if (!isRequest(message)) return undefined;
    const handler = handlers.get(message.type);
    if (!handler) return undefined;
    handler(message.data, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: { 'zh-CN': String(e), en: String(e) } }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return {
    on(name, handler) {
      handlers.set(name, handler as AnyHandler);
    },
    dispose() {
      browser.runtime.onMessage.removeListener(listener as never);
      handlers.clear();
    },
  };
}
