import type { LocalText } from '../rules/constants';
import type { RefundCase } from './schema';
import { localText as t } from '../i18n';

/* Which cases need the merchant, how urgently, and the toolbar badge that counts them. */

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
