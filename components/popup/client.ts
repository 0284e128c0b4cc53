/*
 * What the popup needs from the rest of the extension, as an interface: the view takes a client
 * and never calls browser.* itself, so tests hand it a fake. The real client (createPopupClient)
 * is built over the background's messages in entrypoints/popup/main.tsx.
 */
import type { Locale, LocalText } from '../../lib/i18n';
import { attention, supportMessage } from '../../lib/cases/model';
import type { MessageData, MessageName, MessageReturn, Result } from '../../lib/messaging/protocol';
import type { CaseStatus } from '../../lib/cases/status';
import type { RefundCase } from '../../lib/cases/schema';

export type { RefundCase };

export interface PopupCounts {
  byStatus: Partial<Record<CaseStatus, number>>;
  /** Cases needing attention now (what the badge shows). */
  attention: number;
  total?: number;
}

export interface AttentionItem {
  case: RefundCase;
  /** Why the case needs attention (lib/cases/model AttentionKind), e.g. `overdue`, `rejected`. */
  kind: string;
}

export type PopupAction = 'contact-support' | 'close';

export interface PopupClient {
  counts(): Promise<PopupCounts>;
  /** The cases needing attention, most urgent first (index-backed: never loads every case). */
  attentionList(limit: number): Promise<AttentionItem[]>;
  /** Cases whose order or after-sale number starts with the query. */
  search(query: string): Promise<AttentionItem[]>;
  /** The cases of one status (a tile's filter), up to `limit`. */
  byStatus(status: CaseStatus, limit: number): Promise<AttentionItem[]>;
  openOrder(caseId: string): Promise<void>;
  caseAction(caseId: string, action: PopupAction): Promise<void>;
  /** The ready 联系客服 message of a case, in the merchant's language. */
  supportMessage(c: RefundCase): string;
  copy(text: string): Promise<void>;
  openOptions(): Promise<void>;
  /** The case list page (`#stats`: its statistics). */
  openCases?(hash?: string): Promise<void>;
  /** A page of the back office (its order list, its refund list), in a new tab. */
  openUrl(url: string): Promise<void>;
}

/** A failure the merchant should read (a refused transition, a storage error). */
export class ClientError extends Error {
  constructor(readonly text: LocalText) {
    super(text.en);
    this.name = 'ClientError';
  }
}

export function errorText(e: unknown): LocalText {
  if (e instanceof ClientError) return e.text;
  const t = (e as { text?: LocalText } | null)?.text;
  if (t && typeof t['zh-CN'] === 'string') return t;
  const msg = e instanceof Error ? e.message : String(e);
  return { 'zh-CN': `出错了：${msg}`, en: `Something went wrong: ${msg}` };
}

/** Clipboard write with a fallback for pages where the async clipboard is refused. */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    /* fall back below */
  }
  const ta = doc.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  doc.body.appendChild(ta);
  ta.select();
  const ok = doc.execCommand?.('copy');
  ta.remove();
  if (!ok) throw new ClientError({ 'zh-CN': '无法写入剪贴板', en: 'Could not write to the clipboard' });
}

// ---------------------------------------------------------------------------------------------
// The real client, over the background's messages. `request` is lib/messaging/send's never-throwing
// sender, passed in by the entrypoint (so this module holds no browser.* call).

export type Request = <K extends MessageName>(type: K, data?: MessageData<K>) => Promise<MessageReturn<K>>;

/** The data of a Result, or a ClientError carrying its message. */
export async function unwrap<T>(p: Promise<Result<T>>): Promise<T> {
  const res = await p;
  if (res.ok) return res.data;
  throw new ClientError(res.error);
}

export function createPopupClient(deps: {
  request: Request;
  locale: Locale;
  openOptions(): Promise<void>;
  openCases?(hash?: string): Promise<void>;
  openUrl(url: string): Promise<void>;
  copy?(text: string): Promise<void>;
  now?(): number;
}): PopupClient {
  const { request, locale } = deps;
  const now = deps.now ?? Date.now;
  const withKinds = (cases: RefundCase[]): AttentionItem[] => {
    const at = now();
    return cases.map((c) => ({ case: c, kind: attention(c, at) ?? '' }));
  };
  return {
    async counts() {
      const d = await unwrap(request('counts'));
      return { byStatus: d.byStatus, attention: d.badge.count, total: d.total };
    },
    async attentionList(limit) {
      return (await unwrap(request('attentionList', { limit }))).items;
    },
    async search(query) {
      return withKinds((await unwrap(request('listCases', { query, limit: 50 }))).items);
    },
    async byStatus(status, limit) {
      return withKinds((await unwrap(request('listCases', { status, limit }))).items);
    },
    async openOrder(caseId) {
      await unwrap(request('openOrder', { caseId }));
    },
    async caseAction(caseId, action) {
      await unwrap(request('caseAction', { caseId, action, source: 'popup' }));
    },
    supportMessage: (c) => supportMessage(c, locale, now()),
    copy: deps.copy ?? ((text) => copyText(text)),
    openOptions: deps.openOptions,
    openCases: deps.openCases,
    openUrl: deps.openUrl,
  };
}
