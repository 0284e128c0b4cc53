/*
 * Which case a page's row belongs to, and which case a new application of an order follows.
 * Each application is its own case; once the platform gives its after-sale number, that number is
 * its identity. Pure: no store, no clock.
 */
import { findOpenCase } from '../rules/evaluate';
import { isTerminalStatus } from './model';
import type { RefundCase } from './schema';

/**
 * How much earlier than the recorded submit a row's 申请时间 may be and still be that application:
 * the page prints minutes only (and the platform's clock is not ours), so 2 minutes.
 */
export const APPLIED_TOLERANCE_MS = 2 * 60_000;

/** What a row or a page says about which application it shows. */
export interface RowKey {
  orderId?: string;
  afterSaleId?: string;
  /** The application time the row shows (epoch ms). */
  appliedAt?: number;
}

/** Latest created first; equal times by the later update, then id, so the choice never depends on the read order. */
function newer(a: RefundCase, b: RefundCase): boolean {
  return a.createdAt !== b.createdAt ? a.createdAt > b.createdAt : a.updatedAt !== b.updatedAt ? a.updatedAt > b.updatedAt : a.id > b.id;
}

/** The newest application among `cases` (the one the order's panel shows). */
export function newestCase(cases: Iterable<RefundCase>): RefundCase | undefined {
  let found: RefundCase | undefined;
  for (const c of cases) if (!found || newer(c, found)) found = c;
  return found;
}

/** A row applied at `appliedAt` cannot be an application recorded later than that (beyond the tolerance). */
function applicable(c: RefundCase, appliedAt: number | undefined): boolean {
  return appliedAt === undefined || appliedAt >= c.createdAt - APPLIED_TOLERANCE_MS;
}

/**
 * The case a row moves, given the case stored under the row's after-sale number (`byNumber`) and
 * the cases of the row's order:
 * - the row's number is a case's number: that case, and only it;
 * - a number no case has: the order's open case that has no number yet and that nothing
 *   contradicts (its submit not later than the row's application time); with several such cases
 *   and no application time to tell them apart, none (no guess);
 * - no number (a page that does not show one): the order's newest open case nothing contradicts.
 * Never a case with another number: that is another application.
 */
export function pickCase(orderCases: readonly RefundCase[], key: RowKey, byNumber?: RefundCase): RefundCase | undefined {
  if (byNumber) return byNumber;
  const open = orderCases.filter(
    (c) => (key.orderId === undefined || c.orderId === key.orderId) && !isTerminalStatus(c.status) && applicable(c, key.appliedAt),
  );
  if (!key.afterSaleId) return newestCase(open);
  const unnumbered = open.filter((c) => !c.afterSaleId);
  if (unnumbered.length > 1 && key.appliedAt === undefined) return undefined;
  return newestCase(unnumbered);
}

/**
 * The earlier application a new one for the order follows: the order's newest case when it ended
 * rejected or failed (or was escalated from there: support may well have said "apply again").
 * A new application while one is open is a duplicate instead (findOpenCase).
 */
export function previousApplication(orderCases: readonly RefundCase[]): RefundCase | undefined {
  const latest = newestCase(orderCases);
  return latest && !isTerminalStatus(latest.status) && !findOpenCase([latest], latest.orderId) ? latest : undefined;
}

/** A row of one report that claims a case by pickCase (its number unknown to every case). */
export interface Claim {
  caseId: string;
  afterSaleId?: string;
  appliedAt?: number;
}

/**
 * Which claims of one report stand: when rows with different after-sale numbers claim the same
 * case (the order's list shows two applications and only one was recorded), only the earliest
 * applied row may have it, and only when every such row shows its application time; otherwise
 * none (no guess: the case keeps waiting for a row that is clearly its own). Same order as `claims`.
 */
export function standingClaims(claims: readonly Claim[]): boolean[] {
  const byCase = new Map<string, number[]>();
  claims.forEach((c, i) => byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), i]));
  const keep = claims.map(() => true);
  for (const idx of byCase.values()) {
    const numbers = new Set(idx.map((i) => claims[i].afterSaleId));
    if (numbers.size < 2) continue;
    const timed = idx.every((i) => claims[i].appliedAt !== undefined);
    const first = timed ? Math.min(...idx.map((i) => claims[i].appliedAt!)) : undefined;
    const winner = timed ? claims[idx.find((i) => claims[i].appliedAt === first)!].afterSaleId : undefined;
    for (const i of idx) keep[i] = winner !== undefined && claims[i].afterSaleId === winner;
  }
  return keep;
}
