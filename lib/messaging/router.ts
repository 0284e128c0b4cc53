/*
 * The one receiver (the background's): one runtime.onMessage listener that dispatches our
 * requests to their handler and answers with the handler's Result. It answers through
 * `sendResponse` and returns `true` (Chrome ignores a listener's returned Promise); a request
 * without a handler is left to other listeners. A sender may ask only what ./authority.ts allows
 * it: a back-office tab the panel's messages, the extension's own pages everything.
 */
import { browser, type Browser } from 'wxt/browser';
import { askerOf, mayAsk } from './authority';
import { fail, isRequest, type MessageName, type MessageReturn } from './protocol';

export type Sender = Browser.runtime.MessageSender;
type AnyHandler = (data: unknown, sender: Sender) => Promise<unknown>;

export interface Router {
  on<K extends MessageName>(name: K, handler: (data: unknown, sender: Sender) => Promise<MessageReturn<K>>): void;
  /** Removes the listener (a test's "worker killed"). */
  dispose(): void;
}

const NOT_ALLOWED = {
  'zh-CN': '此操作只能在退款助手自己的页面（弹窗、设置、退款列表）中进行。',
  en: 'This can only be done from Refund Helper’s own pages (popup, options, case list).',
};

export function createRouter(): Router {
  const root = browser.runtime.getURL('/');
  const handlers = new Map<string, AnyHandler>();
  const listener = (message: unknown, sender: Sender, sendResponse: (r: unknown) => void): true | undefined => {
    if (!isRequest(message)) return undefined;
    const handler = handlers.get(message.type);
    if (!handler) return undefined;
    if (!mayAsk(message.type as MessageName, askerOf(sender, root))) {
      sendResponse(fail(NOT_ALLOWED));
      return true;
    }
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
