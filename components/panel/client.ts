/*
 * What the panel asks of the background, in @webext-core/messaging's wire format
 * (`{ id, type, data, timestamp }` → `{ res }` or `{ err }`), which is what the background's
 * `onMessage` handlers (lib/messaging.ts) answer. A hand-written sender rather than lib/messaging's
 * `request`: the library and its error serialiser cost ~2 KB gzip of the content script's 30 KB
 * budget (SPEC §7), and the content script only ever sends.
 *
 * Payloads are validated by the background (lib/messaging.schema.ts); replies are trusted: they
 * come from our own background, which validated what it stored.
 */
import { browser } from 'wxt/browser';
import type { MessageData, MessageName, MessageReturn, Result } from '../../lib/messaging';
import type { RefundCase } from '../../lib/cases/schema';
import type { NewCaseInput } from '../../lib/cases/model';
import type { RuleSet } from '../../lib/rules/schema';
import type { ObservedStatus } from '../../lib/sites/texts';
import type { LocalText } from '../../lib/i18n';

export type Observation = { orderId?: string; afterSaleId?: string; status: ObservedStatus };
export type CaseAction = 'confirm' | 'contact-support' | 'close' | 'reopen' | 'cancel-order';

export interface PanelClient {
  getRules(): Promise<Result<{ rules: RuleSet; warning?: LocalText }>>;
  getCase(orderId: string): Promise<Result<RefundCase | null>>;
  recordSubmit(input: NewCaseInput, submitId: string): Promise<Result<{ case: RefundCase; created: boolean; duplicate: boolean }>>;
  reportPage(observations: Observation[], url: string): Promise<Result<{ changes: Array<{ case: RefundCase }>; matched: number }>>;
  caseAction(caseId: string, action: CaseAction): Promise<Result<RefundCase>>;
}

const UNREACHABLE: LocalText = {
  'zh-CN': '无法连接退款助手后台，请刷新页面后重试。',
  en: 'Could not reach the Refund Helper background; reload the page and try again.',
};

let seq = Math.floor(Math.random() * 1e4);

function failed(detail?: string): { ok: false; error: LocalText } {
  return {
    ok: false,
    error: detail ? { 'zh-CN': `${UNREACHABLE['zh-CN']}（${detail}）`, en: `${UNREACHABLE.en} (${detail})` } : UNREACHABLE,
  };
}

/** Sends one message; never throws (an unreachable background is a failed Result). */
export async function send<K extends MessageName>(type: K, data?: MessageData<K>): Promise<MessageReturn<K>> {
  try {
    const reply = (await browser.runtime.sendMessage({ id: seq++, type, data, timestamp: Date.now() })) as
      | { res?: unknown; err?: { message?: string } }
      | undefined;
    if (reply?.err != null) return failed(String(reply.err.message ?? reply.err)) as MessageReturn<K>;
    const res = reply?.res as MessageReturn<K> | undefined;
    return res && typeof res === 'object' && 'ok' in res ? res : (failed() as MessageReturn<K>);
  } catch (e) {
    return failed(e instanceof Error ? e.message : String(e)) as MessageReturn<K>;
  }
}

export const messagingClient: PanelClient = {
  getRules: () => send('getRules'),
  getCase: (orderId) => send('getCase', { orderId }),
  recordSubmit: (input, submitId) => send('recordSubmit', { input, submitId }),
  reportPage: (observations, url) => send('reportPage', { observations, url }),
  caseAction: (caseId, action) => send('caseAction', { caseId, action, source: 'panel' }),
};
