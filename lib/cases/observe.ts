import type { RuleSet } from '../rules/schema';
import type { ObservedStatus } from '../sites/texts';
import { confirmRemindAt, enteredAt, recomputeDerived } from './deadlines';
import type { RefundCase } from './schema';
import type { CaseStatus, ChangeSource } from './status';
import { enter, isTerminalStatus, PLATFORM_INTERVENED } from './transitions';

/* What the page shows: the platform's status, after-sale number, comment and deadline applied to a case. */

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
