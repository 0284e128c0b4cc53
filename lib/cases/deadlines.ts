import { DEFAULT_DEADLINES, HOUR_MS } from '../rules/constants';
import type { RuleSet } from '../rules/schema';
import type { HistoryEntry, RefundCase } from './schema';
import type { CaseStatus } from './status';

/*
 * A case's clocks: when each deadline falls under the rules, re-timing when the rules change, and
 * the stored derived fields (attentionAt, nextDeadline) the store indexes.
 */

export function deadlinesOf(rules: RuleSet | undefined) {
  return rules?.deadlines ?? DEFAULT_DEADLINES;
}

/** How long before the platform's own deadline for the merchant the confirm reminder comes at the latest. */
export const PLATFORM_DUE_LEAD_MS = 2 * HOUR_MS;

/**
 * When to remind the merchant to confirm an approved refund: the configured hours after the
 * approval, or earlier when the platform's processing deadline (the page's `expireTime`) would
 * pass first: then two hours before it (never before the approval).
 */
export function confirmRemindAt(c: RefundCase, approvedAt: number, rules: RuleSet | undefined): number {
  const byRule = approvedAt + deadlinesOf(rules).confirmReminderHours * HOUR_MS;
  return c.platformDueAt === undefined ? byRule : Math.max(approvedAt, Math.min(byRule, c.platformDueAt - PLATFORM_DUE_LEAD_MS));
}

/**
 * A history entry that marks a case without changing its status (overdue, a reminder, an import,
 * another contact with support): it never restarts a clock and is never "X → X" on screen.
 */
export function isMarker(h: HistoryEntry): boolean {
  return h.from === h.to;
}

/** When the case last changed into `status` (a marker is not a change), at or before `before`. */
export function changedInto(c: RefundCase, status: CaseStatus, before = Infinity): number | undefined {
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
