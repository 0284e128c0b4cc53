import { formatFen } from '../money';
import type { RefundType } from '../order';
import { DEFAULT_DEADLINES, HOUR_MS } from '../rules/constants';
import type { Locale, LocalText, Payer } from '../rules/constants';
import { REFUND_TYPE_LABELS as TYPE_LABELS, refundAmount, shippingPayer } from '../rules/evaluate';
import type { RuleSet } from '../rules/schema';
import type { ObservedStatus } from '../sites/texts';
import type { HistoryEntry, RefundCase } from './schema';
import { CASE_STATUSES, TERMINAL_STATUSES } from './status';
import type { CaseStatus, ChangeSource } from './status';
import { localText as t } from '../i18n';

/*
 * The case model: statuses, the merchant's transitions, what the page's status may do
 * to a case, deadlines and attention. Pure: no zod at runtime, no clock (`now` is passed), and
 * inputs are never mutated (every change returns a new object).
 *
 * `rev` is left alone: the store increments it on each write.
 */

export const MERCHANT_ACTIONS = ['confirm', 'contact-support', 'close', 'reopen', 'cancel-order', 'submit'] as const;
export type MerchantAction = (typeof MERCHANT_ACTIONS)[number];

/**
 * What the merchant may do in each status. Decisions beyond the obvious:
 * - applying again after `rejected`/`failed` is not a transition: each application is its own
 *   case (its after-sale number is its identity); the service creates the new one and links and closes the old one.
 * - `reviewing` --contact-support--> `escalated` only once the review reminder is due, and
 *   `confirmed` --contact-support--> `escalated` only once the arrival window is over (overdue):
 *   before that there is nothing to escalate (see GUARDS).
 * - `escalated` --contact-support--> `escalated`: another contact, recorded in the history, with
 *   a new follow-up time.
 * - `closed` --reopen--> `reviewing`: closed is terminal for the page (observation never leaves
 *   it) but the merchant may undo their own close; the case restarts as `reviewing` and the
 *   page's status then moves it forward to wherever the platform is.
 * - `refunded` and `cancelled` are final.
 */
export const TRANSITIONS: Record<CaseStatus, Partial<Record<MerchantAction, CaseStatus>>> = {
  draft: { submit: 'reviewing', 'cancel-order': 'cancelled', close: 'closed' },
  reviewing: { 'contact-support': 'escalated', 'cancel-order': 'cancelled', close: 'closed' },
  approved: { confirm: 'confirmed', close: 'closed' },
  confirmed: { 'contact-support': 'escalated', close: 'closed' },
  refunded: {},
  rejected: { 'contact-support': 'escalated', close: 'closed' },
  failed: { 'contact-support': 'escalated', close: 'closed' },
  escalated: { 'contact-support': 'escalated', close: 'closed' },
  cancelled: {},
  closed: { reopen: 'reviewing' },
};

export const STATUS_LABELS: Record<CaseStatus, LocalText> = {
  draft: t('草稿', 'Draft'),
  reviewing: t('审核中', 'Under review'),
  approved: t('审核通过，待确认退款', 'Approved, confirm the refund'),
  confirmed: t('已确认，待到账', 'Confirmed, awaiting the money'),
  refunded: t('已退款', 'Refunded'),
  rejected: t('审核不通过', 'Rejected'),
  failed: t('退款失败', 'Refund failed'),
  escalated: t('已联系客服', 'Support contacted'),
  cancelled: t('已取消订单', 'Order cancelled'),
  closed: t('已关闭', 'Closed'),
};

export const ACTION_LABELS: Record<MerchantAction, LocalText> = {
  confirm: t('确认退款', 'Confirm refund'),
  'contact-support': t('联系客服', 'Contact support'),
  close: t('关闭', 'Close'),
  reopen: t('重新打开', 'Reopen'),
  'cancel-order': t('取消订单', 'Cancel order'),
  submit: t('提交申请', 'Submit'),
};

export function isTerminalStatus(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Legal actions in a status, in MERCHANT_ACTIONS order (guards not applied). */
export function actionsFor(status: CaseStatus): MerchantAction[] {
  return MERCHANT_ACTIONS.filter((a) => TRANSITIONS[status][a] !== undefined);
}

function deadlinesOf(rules: RuleSet | undefined) {
  return rules?.deadlines ?? DEFAULT_DEADLINES;
}

/** How long before the platform's own deadline for the merchant the confirm reminder comes at the latest. */
export const PLATFORM_DUE_LEAD_MS = 2 * HOUR_MS;

/**
 * When to remind the merchant to confirm an approved refund: the configured hours after the
 * approval, or earlier when the platform's processing deadline (the page's `expireTime`) would
 * pass first: then two hours before it (never before the approval).
 */
function confirmRemindAt(c: RefundCase, approvedAt: number, rules: RuleSet | undefined): number {
  const byRule = approvedAt + deadlinesOf(rules).confirmReminderHours * HOUR_MS;
  return c.platformDueAt === undefined ? byRule : Math.max(approvedAt, Math.min(byRule, c.platformDueAt - PLATFORM_DUE_LEAD_MS));
}

/** Actions the table allows but the moment does not: nothing to escalate yet. */
const GUARDS: Partial<Record<CaseStatus, Partial<Record<MerchantAction, (c: RefundCase, now: number) => LocalText | null>>>> = {
  reviewing: {
    'contact-support': (c, now) =>
      c.deadlines?.reviewRemindAt !== undefined && now >= c.deadlines.reviewRemindAt
        ? null
        : t('审核尚未超过提醒时间，暂不需要联系客服。', 'The review is not yet past its reminder time; no need to contact support yet.'),
  },
  confirmed: {
    'contact-support': (c, now) =>
      isOverdue(c, now) ? null : t('尚未超过到账时限，请先等待到账。', 'The arrival window is not over yet; wait for the money first.'),
  },
};

// ---------------------------------------------------------------------------------------------
// Entering a status

/** The history note of a case the page showed in 平台介入 (escalated without the merchant contacting support). */
export const PLATFORM_INTERVENED = '平台介入 / the platform intervened';

function historyEntry(from: CaseStatus | null, to: CaseStatus, at: number, source: ChangeSource, note?: string): HistoryEntry {
  return note === undefined ? { from, to, at, source } : { from, to, at, source, note };
}

/**
 * Moves a case into `to`: history, timestamps and the deadlines that start on entering a status.
 * reviewing → reviewRemindAt; approved → approvedAt and confirmRemindAt; confirmed → arrivalDueAt
 * (the money cannot move before the refund is confirmed); escalated →
 * supportContactedAt and followUpAt.
 */
function enter(c: RefundCase, to: CaseStatus, rules: RuleSet | undefined, now: number, source: ChangeSource, note?: string): RefundCase {
  const d = deadlinesOf(rules);
  const next: RefundCase = {
    ...c,
    status: to,
    updatedAt: now,
    deadlines: { ...c.deadlines },
    history: [...c.history, historyEntry(c.status, to, now, source, note)],
  };
  switch (to) {
    case 'reviewing':
      next.deadlines.reviewRemindAt = now + d.reviewReminderHours * HOUR_MS;
      break;
    case 'approved':
      next.approvedAt = now;
      next.deadlines.confirmRemindAt = confirmRemindAt(next, now, rules);
      delete next.deadlines.arrivalDueAt;
      break;
    case 'confirmed':
      next.deadlines.arrivalDueAt = now + d.arrivalWindowHours * HOUR_MS;
      break;
    case 'escalated':
      // 平台介入 seen on the page is no contact of the merchant's.
      if (note !== PLATFORM_INTERVENED) next.supportContactedAt = now;
      next.deadlines.followUpAt = now + d.supportFollowUpHours * HOUR_MS;
      break;
  }
  return recomputeDerived(next, rules);
}

// ---------------------------------------------------------------------------------------------

export type NewCaseInput = {
  orderId: string;
  afterSaleId?: string;
  refundType: RefundType;
  reasonId: string;
  remark?: string;
  paidAmount?: number;
  refundAmount?: number;
  trackingNo?: string;
  courier?: string;
  shippingPayer?: Payer;
  orderUrl?: string;
  /** The product's title, when the page showed it. */
  productTitle?: string;
};

/**
 * A case for an application just submitted: status `reviewing`, the review reminder set. The
 * refund amount is capped at the paid amount; the shipping payer defaults to the rules' answer.
 */
export function createCase(input: NewCaseInput, rules: RuleSet, now: number, source: ChangeSource, id?: string): RefundCase {
  const amount = refundAmount({ paidAmount: input.paidAmount, refundAmount: input.refundAmount }, input.refundAmount).amount;
  const c: RefundCase = {
    id: id ?? `${input.orderId}-${now}`,
    orderId: input.orderId,
    status: 'reviewing',
    refundType: input.refundType,
    reasonId: input.reasonId,
    remark: input.remark ?? '',
    shippingPayer: input.shippingPayer ?? (input.refundType === 'return-refund' ? shippingPayer(rules, input.reasonId).payer : undefined),
    createdAt: now,
    updatedAt: now,
    deadlines: { reviewRemindAt: now + rules.deadlines.reviewReminderHours * HOUR_MS },
    notes: [],
    history: [historyEntry(null, 'reviewing', now, source)],
    rev: 0,
  };
  if (input.afterSaleId) c.afterSaleId = input.afterSaleId;
  if (input.paidAmount !== undefined) c.paidAmount = input.paidAmount;
  if (amount !== undefined) c.refundAmount = amount;
  if (input.trackingNo) c.trackingNo = input.trackingNo;
  if (input.courier) c.courier = input.courier;
  if (input.orderUrl) c.orderUrl = input.orderUrl;
  if (input.productTitle) c.productTitle = input.productTitle;
  return recomputeDerived(c, rules);
}

/** A merchant's action, checked against TRANSITIONS (and GUARDS). Illegal: an error, the case untouched. */
export function applyAction(
  c: RefundCase,
  action: MerchantAction,
  rules: RuleSet,
  now: number,
  source: ChangeSource,
): { ok: true; case: RefundCase } | { ok: false; error: LocalText } {
  const to = TRANSITIONS[c.status]?.[action];
  const status = STATUS_LABELS[c.status] ?? t(c.status, c.status);
  const act = ACTION_LABELS[action] ?? t(String(action), String(action));
  if (to === undefined) {
    const allowed = actionsFor(c.status);
    const list = allowed.length
      ? t(`可以执行：${allowed.map((a) => `「${ACTION_LABELS[a]['zh-CN']}」`).join('、')}`, `allowed: ${allowed.map((a) => ACTION_LABELS[a].en).join(', ')}`)
      : t('该状态为最终状态，不能再做任何操作', 'this status is final; nothing more can be done');
    return {
      ok: false,
      error: t(
        `「${status['zh-CN']}」状态的退款不能执行「${act['zh-CN']}」（${list['zh-CN']}）。`,
        `A case in status "${status.en}" (${c.status}) cannot "${act.en}" (${action}); ${list.en}.`,
      ),
    };
  }
  const guard = GUARDS[c.status]?.[action]?.(c, now);
  if (guard) {
    return {
      ok: false,
      error: t(
        `「${status['zh-CN']}」状态的退款现在不能执行「${act['zh-CN']}」：${guard['zh-CN']}`,
        `A case in status "${status.en}" (${c.status}) cannot "${act.en}" (${action}) now: ${guard.en}`,
      ),
    };
  }
  const note = c.status === 'escalated' && action === 'contact-support' ? '再次联系客服 / contacted support again' : undefined;
  return { ok: true, case: enter(c, to, rules, now, source, note) };
}

// ---------------------------------------------------------------------------------------------
// What the page shows

/** Forward order of the main line; rejected/failed are forks, closed is an end. */
const RANK: Partial<Record<CaseStatus, number>> = { draft: 0, reviewing: 1, approved: 2, confirmed: 3, refunded: 4 };

/** The status an escalated case was escalated from (what the page still shows for it). */
function escalatedFrom(c: RefundCase): CaseStatus | undefined {
  for (let i = c.history.length - 1; i >= 0; i--) {
    const h = c.history[i];
    if (h.to === 'escalated' && h.from !== 'escalated' && h.from !== null) return h.from;
  }
  return undefined;
}

/**
 * Whether the page's status `seen` moves a case in status `from` (platform truth):
 * - never out of a terminal status; the same status is no change;
 * - forward along draft < reviewing < approved < confirmed < refunded, skipping steps
 *   (reviewing → refunded is fine; 退款执行中 seen on a reviewing case → confirmed), never
 *   backwards (approved seen on a confirmed case: no change);
 * - rejected/failed are forks, allowed from reviewing, approved, confirmed, escalated (and draft);
 * - from rejected/failed, `reviewing` (the platform reviews again: a re-application or 平台介入),
 *   `approved` (the decision was reversed) and `confirmed` (退款执行中 again) move the case on;
 *   `refunded` and `closed` always do;
 * - closed (售后关闭) is reachable from any non-terminal status;
 * - escalated (平台介入: the platform's customer service took the after-sale up) is reachable from
 *   any non-terminal status: support is involved whatever the step was.
 * An escalated case is judged as the status it was escalated from, so the page still showing
 * 审核不通过 (or 退款执行中) does not undo the escalation; anything new moves it on.
 */
function observedTarget(c: RefundCase, seen: ObservedStatus): CaseStatus | null {
  const from = c.status;
  if (isTerminalStatus(from) || from === seen) return null;
  if (from === 'escalated') {
    const base = escalatedFrom(c) ?? 'reviewing';
    if (base === seen) return null;
    const asBase = observedTarget({ ...c, status: base }, seen);
    return asBase === null || asBase === base ? null : asBase;
  }
  if (seen === 'refunded' || seen === 'closed' || seen === 'escalated') return seen;
  if (from === 'rejected' || from === 'failed') {
    // A re-review, a reversed decision, or a refund executing again after the merchant re-confirmed.
    return seen === 'reviewing' || seen === 'approved' || seen === 'confirmed' ? seen : null;
  }
  if (seen === 'rejected' || seen === 'failed') return seen; // a fork from draft/reviewing/approved/confirmed
  const rf = RANK[from];
  const rs = RANK[seen];
  if (rf === undefined || rs === undefined) return null;
  return rs > rf ? seen : null;
}

/**
 * Applies what a page shows (status, the after-sale number once the platform gives one, the
 * platform's comment). A page showing another after-sale number than the case's is another
 * application (each application is its own case): it changes nothing.
 */
export function observe(
  c: RefundCase,
  seen: ObservedStatus,
  rules: RuleSet,
  now: number,
  source: ChangeSource = 'page',
  extra?: { afterSaleId?: string; comment?: string; dueAt?: number },
): { changed: boolean; case: RefundCase } {
  let next = c;
  const afterSaleId = extra?.afterSaleId?.trim();
  if (afterSaleId && c.afterSaleId && afterSaleId !== c.afterSaleId) return { changed: false, case: c };
  if (afterSaleId && afterSaleId !== c.afterSaleId) next = { ...next, afterSaleId, updatedAt: now };
  const comment = extra?.comment?.trim().slice(0, 500);
  if (comment && comment !== c.platformComment) next = { ...next, platformComment: comment, updatedAt: now };
  // The platform's deadline for the merchant (only ever from the after-sale's own data, see the
  // refund list): kept on the case; an approved case's reminder comes before it.
  const dueAt = extra?.dueAt;
  if (dueAt !== undefined && dueAt !== c.platformDueAt && !isTerminalStatus(c.status)) {
    next = { ...next, platformDueAt: dueAt, updatedAt: now };
    if (next.status === 'approved')
      next = recomputeDerived({ ...next, deadlines: { ...next.deadlines, confirmRemindAt: confirmRemindAt(next, next.approvedAt ?? enteredAt(next), rules) } });
  }
  const to = observedTarget(c, seen);
  // Escalated by the page: the platform intervened; the note says so, as the merchant contacted no one.
  if (to !== null) next = enter(next, to, rules, now, source, to === 'escalated' && source === 'page' ? PLATFORM_INTERVENED : undefined);
  return { changed: next !== c, case: next };
}

/**
 * The order was applied for again after this case ended rejected or failed: the new application
 * is its own case, and this one is linked to it and closed with a note. Closed rather than left
 * rejected: the platform has a new after-sale for the order, this one asks for nothing more, and
 * a terminal status keeps it out of the badge, the attention list and the per-status figures
 * without a special case; its own row on the refund list still matches it by its number.
 */
export function supersede(c: RefundCase, nextCaseId: string, rules: RuleSet, now: number, source: ChangeSource): RefundCase {
  return enter({ ...c, nextCaseId }, 'closed', rules, now, source, REAPPLIED_NOTE);
}

export function addNote(c: RefundCase, text: string, now: number): RefundCase {
  const trimmed = text.trim().slice(0, 2000);
  if (trimmed === '') return c;
  return { ...c, updatedAt: now, notes: [...c.notes, { at: now, text: trimmed }] };
}

// ---------------------------------------------------------------------------------------------
// Attention and deadlines

/**
 * A history entry that marks a case without changing its status (overdue, a reminder, an import,
 * another contact with support): it never restarts a clock and is never "X → X" on screen.
 */
export function isMarker(h: HistoryEntry): boolean {
  return h.from === h.to;
}

/** When the case last changed into `status` (a marker is not a change), at or before `before`. */
function changedInto(c: RefundCase, status: CaseStatus, before = Infinity): number | undefined {
  for (let i = c.history.length - 1; i >= 0; i--) {
    const h = c.history[i];
    if (h.to === status && !isMarker(h) && h.at <= before) return h.at;
  }
  return undefined;
}

/** When the case entered its current status (from the history; else its last update). */
export function enteredAt(c: RefundCase): number {
  return changedInto(c, c.status) ?? c.updatedAt;
}

/** The statuses whose deadline clock is running (and so follows a change of the deadline rules). */
export const TIMED_STATUSES: readonly CaseStatus[] = ['reviewing', 'approved', 'confirmed', 'escalated'];

/**
 * The case's running deadline under `rules`, counted from when its clock started (review: entering
 * reviewing; confirm reminder: approval; arrival: confirmation; follow-up: the last contact). When
 * the merchant changes the deadlines, open cases follow the new rules rather than the ones they
 * were created under. An approved case loses an arrival time a version before 6 gave it at
 * approval (the window has not started). Returns the same object when nothing changes.
 */
export function retime(c: RefundCase, rules: RuleSet): RefundCase {
  const d = deadlinesOf(rules);
  const since = enteredAt(c);
  const deadlines = { ...c.deadlines };
  switch (c.status) {
    case 'reviewing':
      deadlines.reviewRemindAt = since + d.reviewReminderHours * HOUR_MS;
      break;
    case 'approved':
      deadlines.confirmRemindAt = confirmRemindAt(c, c.approvedAt ?? since, rules);
      delete deadlines.arrivalDueAt;
      break;
    case 'confirmed':
      deadlines.arrivalDueAt = since + d.arrivalWindowHours * HOUR_MS;
      break;
    case 'escalated':
      deadlines.followUpAt = (c.supportContactedAt ?? since) + d.supportFollowUpHours * HOUR_MS;
      break;
    default:
      return c;
  }
  const keys = new Set([...Object.keys(deadlines), ...Object.keys(c.deadlines)]) as Set<keyof typeof deadlines>;
  const same = [...keys].every((k) => deadlines[k] === c.deadlines[k]);
  return same ? c : recomputeDerived({ ...c, deadlines });
}

/**
 * The stored derived fields. attentionAt: when the case starts needing attention (approved: at
 * approval; rejected/failed: on entering; confirmed: when the arrival window ends; reviewing: at
 * the review reminder; escalated: at the follow-up; draft and terminal: never). nextDeadline:
 * the pending deadline of the status (reviewing: review reminder; approved: confirm reminder;
 * confirmed: arrival due; escalated: follow-up; others: none). With `rules`, an approved case
 * missing its confirm reminder gets one (approval + confirm reminder hours), a confirmed case
 * missing its arrival due time gets one (confirmation + arrival window).
 */
export function recomputeDerived(c: RefundCase, rules?: RuleSet): RefundCase {
  let deadlines = c.deadlines ?? {};
  if (c.status === 'approved' && deadlines.confirmRemindAt === undefined && rules) {
    deadlines = { ...deadlines, confirmRemindAt: confirmRemindAt(c, c.approvedAt ?? enteredAt(c), rules) };
  }
  if (c.status === 'confirmed' && deadlines.arrivalDueAt === undefined && rules) {
    deadlines = { ...deadlines, arrivalDueAt: enteredAt(c) + deadlinesOf(rules).arrivalWindowHours * HOUR_MS };
  }
  let attentionAt: number | undefined;
  let nextDeadline: number | undefined;
  switch (c.status) {
    case 'reviewing':
      attentionAt = nextDeadline = deadlines.reviewRemindAt;
      break;
    case 'approved':
      attentionAt = c.approvedAt ?? enteredAt(c);
      nextDeadline = deadlines.confirmRemindAt;
      break;
    case 'confirmed':
      attentionAt = nextDeadline = deadlines.arrivalDueAt;
      break;
    case 'rejected':
    case 'failed':
      attentionAt = enteredAt(c);
      break;
    case 'escalated':
      attentionAt = nextDeadline = deadlines.followUpAt;
      break;
  }
  const next: RefundCase = { ...c, deadlines };
  if (attentionAt === undefined) delete next.attentionAt;
  else next.attentionAt = attentionAt;
  if (nextDeadline === undefined) delete next.nextDeadline;
  else next.nextDeadline = nextDeadline;
  return next;
}

export const ATTENTION_KINDS = ['overdue', 'rejected', 'failed', 'approved', 'follow-up', 'review-slow'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The kinds from the most serious down: the badge's title lists them in this order. */
export const URGENCY: readonly AttentionKind[] = ATTENTION_KINDS;

export const ATTENTION_LABELS: Record<AttentionKind, LocalText> = {
  overdue: t('已超时', 'overdue'),
  rejected: t('审核不通过', 'rejected'),
  failed: t('退款失败', 'failed'),
  approved: t('待确认退款', 'to confirm'),
  'follow-up': t('待跟进客服', 'to follow up with support'),
  'review-slow': t('审核超时未处理', 'slow review'),
};

/**
 * Confirmed and the arrival window is over (now ≥ arrivalDueAt). An approved case is never
 * overdue: the money cannot move before the merchant confirms (its reminder is confirmRemindAt).
 */
export function isOverdue(c: RefundCase, now: number): boolean {
  const due = c.deadlines?.arrivalDueAt;
  return c.status === 'confirmed' && due !== undefined && now >= due;
}

/** An approved case still not confirmed at its confirm reminder. */
export function isConfirmDue(c: RefundCase, now: number): boolean {
  const at = c.deadlines?.confirmRemindAt;
  return c.status === 'approved' && at !== undefined && now >= at;
}

export function attention(c: RefundCase, now: number): AttentionKind | null {
  if (isOverdue(c, now)) return 'overdue';
  switch (c.status) {
    case 'rejected':
      return 'rejected';
    case 'failed':
      return 'failed';
    case 'approved':
      return 'approved';
    case 'reviewing':
      return c.deadlines?.reviewRemindAt !== undefined && now >= c.deadlines.reviewRemindAt ? 'review-slow' : null;
    case 'escalated':
      return c.deadlines?.followUpAt !== undefined && now >= c.deadlines.followUpAt ? 'follow-up' : null;
    default:
      return null;
  }
}

/**
 * When the merchant has to act: the pending deadline (review reminder, confirm reminder, arrival
 * due, follow-up); a rejected or failed case has none and needs action since it entered its status.
 */
export function dueTime(c: RefundCase): number {
  return c.nextDeadline ?? c.attentionAt ?? c.updatedAt;
}

/**
 * The popup's order: cases needing attention first; among them by when the merchant has to act,
 * ascending. So every case already late (an overdue arrival, a review past its reminder, a
 * rejection) comes before any with time left, the longest late first, then the least time left:
 * two late cases are never below one due in 23 hours, whatever their kinds. Then id.
 */
export function compareUrgency(a: RefundCase, b: RefundCase, now: number): number {
  const waits = (c: RefundCase) => (attention(c, now) === null ? 1 : 0);
  return waits(a) - waits(b) || dueTime(a) - dueTime(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export type BadgeSummary = {
  count: number;
  byKind: Record<AttentionKind, number>;
  color: 'red' | 'amber' | null;
  text: string;
  title: LocalText;
};

const RED_KINDS: readonly AttentionKind[] = ['overdue', 'rejected', 'failed'];

/** The toolbar badge: how many cases need attention, red when any is overdue/rejected/failed. */
export function badgeSummary(cases: Iterable<RefundCase>, now: number): BadgeSummary {
  const byKind = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, 0])) as Record<AttentionKind, number>;
  for (const c of cases) {
    const k = attention(c, now);
    if (k) byKind[k]++;
  }
  return badgeFromKinds(byKind);
}

/** The badge of given counts per attention kind (the store counts them without reading cases). */
export function badgeFromKinds(kinds: Record<AttentionKind, number>): BadgeSummary {
  const byKind = Object.fromEntries(ATTENTION_KINDS.map((k) => [k, Math.max(0, kinds[k] ?? 0)])) as Record<AttentionKind, number>;
  const count = ATTENTION_KINDS.reduce((a, k) => a + byKind[k], 0);
  const color = count === 0 ? null : RED_KINDS.some((k) => byKind[k] > 0) ? 'red' : 'amber';
  const text = count === 0 ? '' : count > 99 ? '99+' : String(count);
  const parts = URGENCY.filter((k) => byKind[k] > 0);
  const title =
    count === 0
      ? t('退款助手：没有需要处理的退款', 'Refund Helper: no refunds need attention')
      : t(
          `退款助手：${parts.map((k) => `${byKind[k]} 个${ATTENTION_LABELS[k]['zh-CN']}`).join('，')}`,
          `Refund Helper: ${parts.map((k) => `${byKind[k]} ${ATTENTION_LABELS[k].en}`).join(', ')}`,
        );
  return { count, byKind, color, text, title };
}

// ---------------------------------------------------------------------------------------------

/** "2026-11-26 14:05" in China time (UTC+8), the back office's time zone, whatever the machine's. */
export function formatChinaTime(ms: number): string {
  const d = new Date(ms + 8 * HOUR_MS);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function hoursText(ms: number, locale: Locale): string {
  const h = Math.floor(ms / HOUR_MS);
  if (h >= 48) return locale === 'en' ? `${Math.floor(h / 24)} days` : `${Math.floor(h / 24)} 天`;
  if (h >= 1) return locale === 'en' ? `${h} hours` : `${h} 小时`;
  const m = Math.max(1, Math.floor(ms / 60_000));
  return locale === 'en' ? `${m} minutes` : `${m} 分钟`;
}

/** The history note the deadline sweep writes when a confirmed case passes its arrival window. */
export const OVERDUE_NOTE = '超过到账时限 / past the arrival window';
/** The history note the deadline sweep writes when an approved case reaches its confirm reminder. */
export const CONFIRM_REMINDER_NOTE = '审核通过后尚未确认退款 / approved, not yet confirmed';
/** The history note of an application closed because the order was applied for again. */
export const REAPPLIED_NOTE = '已重新申请 / applied again';

/** A marker's title in the timeline, by its note. */
const MARKER_TITLES: Record<string, LocalText> = {
  [OVERDUE_NOTE]: t('已超时', 'Overdue'),
  [CONFIRM_REMINDER_NOTE]: t('确认退款提醒', 'Reminder to confirm'),
};

/** A stored note "中文 / English" in one language (a note in one language only is shown as it is). */
function noteIn(note: string, locale: Locale): string {
  const k = note.indexOf(' / ');
  if (k < 0) return note;
  return locale === 'en' ? note.slice(k + 3) : note.slice(0, k);
}

/**
 * One timeline line of a history entry: "审核中 → 审核通过", "创建：审核中", and for a marker
 * (same status before and after) what it marks ("已超时：超过到账时限", "导入"), never "X → X".
 */
export function historyText(h: HistoryEntry, locale: Locale): string {
  const to = STATUS_LABELS[h.to]?.[locale] ?? h.to;
  const note = h.note ? noteIn(h.note, locale) : '';
  if (isMarker(h)) {
    const title = h.note ? MARKER_TITLES[h.note]?.[locale] : undefined;
    if (title) return `${title}${locale === 'en' ? ': ' : '：'}${note}`;
    if (note) return note;
    return h.source === 'import' ? t(`导入（${to}）`, `Imported (${to})`)[locale] : to;
  }
  const head =
    h.from === null ? `${t('创建', 'Created')[locale]}${locale === 'en' ? ': ' : '：'}${to}` : `${STATUS_LABELS[h.from]?.[locale] ?? h.from} → ${to}`;
  return note ? `${head}${locale === 'en' ? ` (${note})` : `（${note}）`}` : head;
}

/**
 * The problem a case has, as support should hear it: its status, or for an escalated case the
 * status it was escalated from (contacting support is not the problem), and since when it has
 * had it (the change into it, not a later marker such as the overdue note).
 */
export function caseProblem(c: RefundCase): { status: CaseStatus; since: number; contactedAt?: number } {
  if (c.status !== 'escalated') return { status: c.status, since: enteredAt(c) };
  let escalation = -1;
  for (let i = c.history.length - 1; i >= 0 && escalation < 0; i--) {
    const h = c.history[i];
    if (h.to === 'escalated' && !isMarker(h)) escalation = i;
  }
  const base = escalation >= 0 ? c.history[escalation].from : null;
  if (base === null) return { status: 'escalated', since: enteredAt(c), contactedAt: c.supportContactedAt };
  const escalatedAt = c.history[escalation].at;
  return { status: base, since: changedInto(c, base, escalatedAt) ?? escalatedAt, contactedAt: c.supportContactedAt };
}

/**
 * The ready 联系客服 message: order number, after-sale number, amount and type, the problem (the
 * status that needs help and since when), the platform's comment when the page showed one, and
 * what is late. One clock: China time, labelled once. No buyer data (the case holds none).
 */
export function supportMessage(c: RefundCase, locale: Locale, now: number): string {
  const p = caseProblem(c);
  const amount = c.refundAmount ?? c.paidAmount;
  const due = c.deadlines?.arrivalDueAt;
  const late = p.status === 'confirmed' && due !== undefined && now >= due ? now - due : undefined;
  const remind = c.deadlines?.reviewRemindAt;
  const slow = p.status === 'reviewing' && remind !== undefined && now >= remind ? now - p.since : undefined;
  const status = STATUS_LABELS[p.status][locale];
  const type = TYPE_LABELS[c.refundType][locale];
  const money = amount === undefined ? t('（未知）', '(unknown)')[locale] : formatFen(amount);
  const since = formatChinaTime(p.since);
  // Each line is one `t(zh, en)` per line (not a branch per language): the panel's per-locale
  // build keeps only its own language of each (scripts/panel-locale.ts).
  const lines = [
    t('您好，我有一笔退款需要协助处理。', 'Hello, I need help with a refund.'),
    t(`订单编号：${c.orderId}`, `Order number: ${c.orderId}`),
    t(`售后单号：${c.afterSaleId || '（暂无）'}`, `After-sale number: ${c.afterSaleId || '(not assigned yet)'}`),
    t(`退款金额：${money}（${type}）`, `Refund amount: ${money} (${type})`),
    t(`问题：${status}，自 ${since}（北京时间）起`, `Problem: ${status}, since ${since} (China time)`),
  ];
  if (c.platformComment) lines.push(t(`平台意见：${c.platformComment}`, `Platform's comment: ${c.platformComment}`));
  if (p.status === 'confirmed' && c.approvedAt !== undefined) {
    const at = formatChinaTime(c.approvedAt);
    lines.push(t(`审核通过时间：${at}`, `Approved at: ${at}`));
  }
  if (late !== undefined) {
    const [by, dueAt] = [hoursText(late, locale), formatChinaTime(due!)];
    lines.push(
      t(
        `已确认退款，超过到账期限（${dueAt}）${by}仍未到账。`,
        `The refund was confirmed; the money has not arrived ${by} after the arrival deadline (${dueAt}).`,
      ),
    );
  } else if (slow !== undefined) {
    const by = hoursText(slow, locale);
    lines.push(t(`已等待审核 ${by}，仍未处理。`, `The review has been pending for ${by}.`));
  } else if (p.status === 'rejected')
    lines.push(t('审核不通过，请告知原因及后续处理方式。', 'The review was rejected; please tell me why and how to proceed.'));
  else if (p.status === 'failed') lines.push(t('退款失败，请协助完成退款。', 'The refund failed; please help complete it.'));
  if (p.contactedAt !== undefined) {
    const at = formatChinaTime(p.contactedAt);
    lines.push(t(`已于 ${at} 联系过客服，问题仍未解决。`, `I contacted support at ${at}; it is not resolved yet.`));
  }
  lines.push(t('麻烦尽快核实处理，谢谢！', 'Please look into it. Thank you!'));
  return lines.map((l) => l[locale]).join('\n');
}

/** Every status, for iteration in UIs and tests. */
export { CASE_STATUSES };
