/*
 * The one sender, used by the bootstrap, the panel, popup and options (the e2e helpers and the
 * bench build the same request with protocol.ts's `request` and send it from a page they drive).
 * Small on purpose: the content scripts bundle it.
 */
import { browser } from 'wxt/browser';
import { localText } from '../i18n';
import { fail, request, type MessageData, type MessageName, type MessageReturn } from './protocol';

const UNREACHABLE = localText('无法连接退款助手后台，请刷新页面后重试。', 'Could not reach the Refund Helper background; reload the page and try again.');

/**
 * Sends one message and resolves its Result. Never throws: a background that cannot be reached
 * (extension reloaded, worker starting) is a failed Result like any other error.
 */
export async function send<K extends MessageName>(
  type: K,
  ...data: undefined extends MessageData<K> ? [data?: MessageData<K>] : [data: MessageData<K>]
): Promise<MessageReturn<K>> {
  let detail: string | undefined;
  try {
    const res = (await browser.runtime.sendMessage(request(type, data[0]))) as MessageReturn<K> | undefined;
    if (res && typeof res === 'object' && 'ok' in res) return res;
  } catch (e) {
    detail = e instanceof Error ? e.message : String(e);
  }
  return fail(detail ? { 'zh-CN': `${UNREACHABLE['zh-CN']}（${detail}）`, en: `${UNREACHABLE.en} (${detail})` } : UNREACHABLE) as MessageReturn<K>;
}
