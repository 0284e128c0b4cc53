/*
 * What needs the merchant, from the store's kept figures: cases per attention kind, each kind as
 * one key range in the popup's order, and the deadline markers (overdue, confirm reminder) a
 * sweep writes once per deadline.
 */
import { CONFIRM_REMINDER_NOTE, isConfirmDue, isOverdue, OVERDUE_NOTE, recomputeDerived, type AttentionKind } from './model';
import type { RefundCase } from './schema';
import type { CaseStatus } from './status';
import type { AttentionFigures } from './store';

// Attention from counters and key ranges

/** Cases per attention kind (the model's attention()), from the store's counters and due counts. */
export function kindsOf(f: AttentionFigures): Record<AttentionKind, number> {
  return {
    overdue: f.confirmedDue,
    rejected: f.counts.rejected,
    failed: f.counts.failed,
    approved: f.counts.approved,
    'follow-up': f.escalatedDue,
    'review-slow': f.reviewingDue,
  };
}

export type AttentionGroup = { kind: AttentionKind; status: CaseStatus; which: 'due' | 'all' };

/**
 * Each attention kind as one key range: within a range the store returns the popup's order
 * (deadline or since-when ascending, then id), which is compareUrgency's.
 * Every approved case needs attention (it waits for the merchant's confirmation),
 * ordered by approval (its confirm reminder is approval + a fixed number of hours); only a
 * confirmed case can be overdue.
 */
export const ATTENTION_GROUPS: readonly AttentionGroup[] = [
  { kind: 'overdue', status: 'confirmed', which: 'due' },
  { kind: 'rejected', status: 'rejected', which: 'all' },
  { kind: 'failed', status: 'failed', which: 'all' },
  { kind: 'approved', status: 'approved', which: 'all' },
  { kind: 'follow-up', status: 'escalated', which: 'due' },
  { kind: 'review-slow', status: 'reviewing', which: 'due' },
];
export function groupCount(g: AttentionGroup, f: AttentionFigures): number {
  if (g.which === 'all') return f.counts[g.status];
  switch (g.status) {
    case 'confirmed':
      return f.confirmedDue;
    case 'reviewing':
      return f.reviewingDue;
    case 'escalated':
      return f.escalatedDue;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Deadline markers

/** Whether the case already carries the marker `note` for the deadline `at` (or a later one). */
function hasMark(c: RefundCase, note: string, at: number): boolean {
  return c.history.some((h) => h.source === 'alarm' && h.note === note && h.at >= at);
}

/**
 * The case with its deadline marker, when one is due and not yet written: a confirmed case past
 * its arrival window (overdue), an approved case past its confirm reminder. Else undefined.
 */
export function dueMark(c: RefundCase, now: number): RefundCase | undefined {
  let note: string | undefined;
  if (isOverdue(c, now) && !hasMark(c, OVERDUE_NOTE, c.deadlines.arrivalDueAt!)) note = OVERDUE_NOTE;
  else if (isConfirmDue(c, now) && !hasMark(c, CONFIRM_REMINDER_NOTE, c.deadlines.confirmRemindAt!)) note = CONFIRM_REMINDER_NOTE;
  if (note === undefined) return undefined;
  return recomputeDerived({
    ...c,
    updatedAt: Math.max(c.updatedAt, now),
    history: [...c.history, { from: c.status, to: c.status, at: now, source: 'alarm', note }],
  });
}

// ---------------------------------------------------------------------------------------------
