/*
 * The one message protocol between the content script, popup, options and the background.
 *
 * Every message answers with a `Result<T>` envelope: `{ ok: true, data }` or
 * `{ ok: false, error, problems? }` — handlers never throw across contexts. The background
 * parses every payload with the zod schemas in ./messaging.schema.ts (kept apart so the
 * content script, which only sends, does not bundle zod); a refused payload writes nothing.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { LocalText } from './i18n';
import type { RefundCase } from './cases/schema';
import type { CaseStatus } from './cases/status';
import type { AttentionKind, BadgeSummary } from './cases/model';
import type { CaseChange, ImportCounts, Problem } from './cases/service';
import type { RuleSet } from './rules/schema';
import type { PayloadIn } from './messaging.schema';

/** One problem of a refused file or payload: where (a path like `cases[3].status`) and what. */
export type { Problem };

export type Result<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: Problem[] };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: LocalText, problems?: Problem[]): { ok: false; error: LocalText; problems?: Problem[] } =>
  problems && problems.length > 0 ? { ok: false, error, problems } : { ok: false, error };

export type { BadgeSummary, CaseChange };
export type AttentionItem = { case: RefundCase; kind: AttentionKind };
export type FilePayload = { filename: string; mime: string; content: string };

/** Messages without a payload take no argument (`sendMessage('counts')`); their schema still refuses any data sent. */
export interface ProtocolMap {
  /** The order's open case, else its most recent one, else null. */
  getCase(data: PayloadIn<'getCase'>): Result<RefundCase | null>;
  /** Idempotent per submitId; an open case for the order is returned with `duplicate: true`. */
  recordSubmit(data: PayloadIn<'recordSubmit'>): Result<{ case: RefundCase; created: boolean; duplicate: boolean }>;
  /** Statuses a refund list/detail page shows; returns the cases that changed. */
  reportPage(data: PayloadIn<'reportPage'>): Result<{ changes: CaseChange[]; matched: number }>;
  caseAction(data: PayloadIn<'caseAction'>): Result<RefundCase>;
  addNote(data: PayloadIn<'addNote'>): Result<RefundCase>;
  /** Newest first; `query` is an order/after-sale number prefix. `total` counts the whole filter. */
  listCases(data?: PayloadIn<'listCases'>): Result<{ items: RefundCase[]; total: number }>;
  /** Cases needing attention, most urgent first. */
  attentionList(data?: PayloadIn<'attentionList'>): Result<{ items: AttentionItem[]; total: number }>;
  counts(): Result<{ byStatus: Record<CaseStatus, number>; total: number; badge: BadgeSummary }>;
  exportCases(data: PayloadIn<'exportCases'>): Result<FilePayload>;
  /** All or nothing; a bad file is refused with `problems`. */
  importCases(data: PayloadIn<'importCases'>): Result<ImportCounts>;
  getRules(): Result<{ rules: RuleSet; warning?: LocalText }>;
  /** A bad rule set is refused with `problems` (exact paths) and the current rules stay. */
  setRules(data: PayloadIn<'setRules'>): Result<{ rules: RuleSet }>;
  resetRules(): Result<{ rules: RuleSet }>;
  /** Rules and cases in one JSON file. */
  backup(): Result<FilePayload>;
  /** All or nothing: rules and cases are both validated before either is written. */
  restore(data: PayloadIn<'restore'>): Result<{ cases: number }>;
  deleteAll(): Result<{ deleted: number }>;
  /** Focuses a back-office tab showing the order, else opens the case's orderUrl. */
  openOrder(data: PayloadIn<'openOrder'>): Result<{ tabId?: number; how: 'focused' | 'opened' }>;
  /** One validated chunk of a large import or restore, kept apart until its commit. */
  stageCases(data: PayloadIn<'stageCases'>): Result<{ staged: number }>;
  /** Merges the staged import in one transaction (never an older copy over a newer one). */
  commitImport(data: PayloadIn<'commitImport'>): Result<ImportCounts>;
  /** Rules and the staged cases, all or nothing. */
  commitRestore(data: PayloadIn<'commitRestore'>): Result<{ cases: number }>;
  /** Drops a staged import or restore (cancelled). */
  discardStaged(data: PayloadIn<'discardStaged'>): Result<null>;
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageReturn<K extends MessageName> = ReturnType<ProtocolMap[K]>;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

const UNREACHABLE: LocalText = {
  'zh-CN': '无法连接退款助手后台，请刷新页面后重试。',
  en: 'Could not reach the Refund Helper background; reload the page and try again.',
};

/**
 * `sendMessage` that never throws: a background that cannot be reached (extension reloaded,
 * worker starting) comes back as a failed Result like any other error.
 */
export async function request<K extends MessageName>(
  type: K,
  ...data: undefined extends MessageData<K> ? [data?: MessageData<K>] : [data: MessageData<K>]
): Promise<MessageReturn<K>> {
  try {
    const send = sendMessage as unknown as (t: K, d: unknown) => Promise<MessageReturn<K>>;
    const res = await send(type, data[0]);
    if (res && typeof res === 'object' && 'ok' in res) return res;
    return fail(UNREACHABLE) as MessageReturn<K>;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail({ 'zh-CN': `${UNREACHABLE['zh-CN']}（${detail}）`, en: `${UNREACHABLE.en} (${detail})` }) as MessageReturn<K>;
  }
}
