import type { RefundType } from '../order';
import { HOUR_MS } from '../rules/constants';
import type { LocalText, Payer } from '../rules/constants';
import { refundAmount, shippingPayer } from '../rules/evaluate';
import type { RuleSet } from '../rules/schema';
import { isOverdue } from './attention';
import { confirmRemindAt, deadlinesOf, recomputeDerived } from './deadlines';
import type { HistoryEntry, RefundCase } from './schema';
import { TERMINAL_STATUSES } from './status';
import type { CaseStatus, ChangeSource } from './status';
import { localText as t } from '../i18n';

/* The merchant's side of a case: a new case, the actions and their guards, entering a status, notes. */

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
// History notes

/** The history note of a case the page showed in 平台介入 (escalated without the merchant contacting support). */
export const PLATFORM_INTERVENED = '平台介入 / the platform intervened';
/** The history note the deadline sweep writes when a confirmed case passes its arrival window. */
export const OVERDUE_NOTE = '超过到账时限 / past the arrival window';
/** The history note the deadline sweep writes when an approved case reaches its confirm reminder. */
export const CONFIRM_REMINDER_NOTE = '审核通过后尚未确认退款 / approved, not yet confirmed';
/** The history note of an application closed because the order was applied for again. */
export const REAPPLIED_NOTE = '已重新申请 / applied again';

// ---------------------------------------------------------------------------------------------
// Entering a status

function historyEntry(from: CaseStatus | null, to: CaseStatus, at: number, source: ChangeSource, note?: string): HistoryEntry {
  return note === undefined ? { from, to, at, source } : { from, to, at, source, note };
}

/**
 * Moves a case into `to`: history, timestamps and the deadlines that start on entering a status.
 * reviewing → reviewRemindAt; approved → approvedAt and confirmRemindAt; confirmed → arrivalDueAt
 * (the money cannot move before the refund is confirmed); escalated →
 * supportContactedAt and followUpAt.
 */
export function enter(c: RefundCase, to: CaseStatus, rules: RuleSet | undefined, now: number, source: ChangeSource, note?: string): RefundCase {
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
