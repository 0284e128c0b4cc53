/*
 * The one message protocol between the content scripts, popup, options and the background: its
 * map of messages, the Result envelope every answer comes in, and the wire format. Both ends are
 * ours: ./send.ts is the one sender, ./router.ts the one receiver, ./payloads.schema.ts the zod
 * schema of every payload (kept apart so that senders in the page do not bundle zod).
 *
 * Wire format: a request is `{ type, data }`; the answer is the Result itself. Handlers never
 * throw across contexts: an error is `{ ok: false, error }`, a refused payload also carries the
 * `problems` (paths) and writes nothing.
 */
import type { LocalText } from '../i18n';
import type { RefundCase } from '../cases/schema';
import type { OrderAdvice, ShownCase } from '../cases/shown';
import type { CaseRow } from '../cases/rows';
import type { CaseStatus } from '../cases/status';
import type { AttentionKind, BadgeSummary } from '../cases/model';
import type { CaseChange, ImportCounts, Problem } from '../cases/service';
import type { RuleSet } from '../rules/schema';
import type { PayloadIn } from './payloads.schema';

/** One problem of a refused file or payload: where (a path like `cases[3].status`) and what. */
export type { Problem };

export type Result<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: Problem[] };
export type Failure = Extract<Result<never>, { ok: false }>;

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: LocalText, problems?: Problem[]): Failure =>
  problems && problems.length > 0 ? { ok: false, error, problems } : { ok: false, error };

export type { BadgeSummary, CaseChange };
export type AttentionItem = { case: RefundCase; kind: AttentionKind };
export type FilePayload = { filename: string; mime: string; content: string };

/** Messages without a payload take no argument (`sendMessage('counts')`); their schema still refuses any data sent. */
export interface ProtocolMap {
  /** The order's open case, else its most recent one, else null; with its view in words (lib/cases/shown.ts). */
  getCase(data: PayloadIn<'getCase'>): Result<ShownCase | null>;
  /** getCase for many orders in one round trip (a list page): only the orders that have a case. */
  getCases(data: PayloadIn<'getCases'>): Result<Record<string, RefundCase>>;
  /** From the bootstrap on a served route: the background injects the runtime of the route's part into its frame. */
  loadPanel(data: PayloadIn<'loadPanel'>): Result<{ loaded: true }>;
  /** Idempotent per submitId; an open case for the order is returned with `duplicate: true`. */
  recordSubmit(data: PayloadIn<'recordSubmit'>): Result<{ case: ShownCase; created: boolean; duplicate: boolean }>;
  /**
   * Statuses a refund list/detail page shows: how many rows matched a case and how many cases
   * changed; with one refund reported (a page showing one), also the changed cases with their view.
   */
  reportPage(data: PayloadIn<'reportPage'>): Result<{ changes: Array<CaseChange & { case: ShownCase }>; changed: number; matched: number }>;
  caseAction(data: PayloadIn<'caseAction'>): Result<ShownCase>;
  addNote(data: PayloadIn<'addNote'>): Result<RefundCase>;
  /** Newest first; `query` is an order/after-sale number prefix. `total` counts the whole filter. */
  listCases(data?: PayloadIn<'listCases'>): Result<{ items: RefundCase[]; total: number }>;
  /** Cases needing attention, most urgent first. */
  attentionList(data?: PayloadIn<'attentionList'>): Result<{ items: AttentionItem[]; total: number }>;
  counts(): Result<{ byStatus: Record<CaseStatus, number>; total: number; badge: BadgeSummary }>;
  /** Every case, or the `caseIds` given (the case list's selection). */
  exportCases(data: PayloadIn<'exportCases'>): Result<FilePayload>;
  /** The case list's rows, a page at a time in id order; `next` is the `after` of the next page. */
  caseRows(data?: PayloadIn<'caseRows'>): Result<{ rows: CaseRow[]; next?: string }>;
  /** The cases of these ids that exist (the case list's drawer). */
  casesById(data: PayloadIn<'casesById'>): Result<RefundCase[]>;
  /** Stops tracking these cases (each moved to `closed`; terminal ones are skipped). */
  closeCases(data: PayloadIn<'closeCases'>): Result<{ closed: string[]; skipped: number }>;
  /** All or nothing; a bad file is refused with `problems`. */
  importCases(data: PayloadIn<'importCases'>): Result<ImportCounts>;
  /** The rules, and for the panel the advice for an order with no case, per order status, in the browser's language. */
  getRules(): Result<{ rules: RuleSet; warning?: LocalText; advice: OrderAdvice }>;
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
  /** From the panel: opens the case list in a new tab (a page cannot open the extension's own pages), on the case's drawer if given. */
  openCases(data?: PayloadIn<'openCases'>): Result<{ tabId?: number }>;
  /** The options page wrote an import or restore itself: recount the badge, re-arm the alarms. */
  casesWritten(): Result<null>;
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageReturn<K extends MessageName> = ReturnType<ProtocolMap[K]>;

/** What crosses the wire for one message. */
export type Request<K extends MessageName = MessageName> = { type: K; data?: MessageData<K> };

/** The request as it crosses the wire (e2e and bench build it to send from a page they drive). */
export function request<K extends MessageName>(type: K, data?: MessageData<K>): Request<K> {
  return data === undefined ? { type } : { type, data };
}

/** Whether something received is one of our requests (other extensions' or a library's are not). */
export function isRequest(m: unknown): m is Request {
  return !!m && typeof m === 'object' && typeof (m as Request).type === 'string' && Object.keys(m).every((k) => k === 'type' || k === 'data');
}
