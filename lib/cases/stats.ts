/*
 * Refund statistics over a period, from the case list's rows (lib/cases/rows.ts). Pure and one
 * pass over the rows plus sorting the durations, so 50,000 cases take a few milliseconds.
 * Every figure says what it was computed from (`of`), so a rate over three cases is not read
 * like one over three thousand.
 */
import type { RefundType } from '../order';
import { inPeriod, wasOverdue, type CaseRow, type Period } from './rows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** China time (UTC+8, no daylight saving): weeks start on Monday 00:00 there, as the merchant counts them. */
const CHINA_OFFSET = 8 * HOUR;

export interface Quantiles {
  /** Hours; undefined when nothing was measured. */
  median?: number;
  p90?: number;
  /** How many durations were measured. */
  of: number;
}

export interface Rate {
  /** 0..1; undefined when `of` is 0. */
  value?: number;
  count: number;
  of: number;
}

export interface WeekBucket {
  /** Monday 00:00 China time, epoch ms. */
  start: number;
  count: number;
  /** 分 */
  amount: number;
}

export interface CaseStats {
  count: number;
  /** 分, the refund amounts applied for (cases without an amount count as 0, see `unpriced`). */
  amount: number;
  /** Cases with no amount known. */
  unpriced: number;
  /** 分, the amount of the cases whose money arrived. */
  refundedAmount: number;
  weeks: WeekBucket[];
  reasons: Array<{ reasonId: string; count: number; rejection: Rate }>;
  refundTypes: Array<{ refundType: RefundType; count: number }>;
  /** Submit → the platform's first decision. */
  reviewHours: Quantiles;
  /** Rejected at least once, of the cases decided. */
  rejectionRate: Rate;
  /** Money not arrived by the arrival deadline, of the cases confirmed. */
  overdueRate: Rate;
  /** Approval → the merchant's 确认退款. */
  confirmHours: Quantiles;
}

/** Monday 00:00 China time of the week holding `ms`. */
export function weekStart(ms: number): number {
  const local = ms + CHINA_OFFSET;
  const days = Math.floor(local / DAY);
  const weekday = (days + 3) % 7; // 1970-01-01 was a Thursday: Monday = 0
  return (days - weekday) * DAY - CHINA_OFFSET;
}

/** The q-quantile (0..1) of ascending values, linear between the closest ranks. */
export function quantile(sorted: readonly number[], q: number): number | undefined {
  if (!sorted.length) return undefined;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function quantiles(hours: number[]): Quantiles {
  hours.sort((a, b) => a - b);
  return { median: quantile(hours, 0.5), p90: quantile(hours, 0.9), of: hours.length };
}

const rate = (count: number, of: number): Rate => ({ value: of ? count / of : undefined, count, of });

export function computeStats(rows: readonly CaseRow[], period: Period, now: number): CaseStats {
  let count = 0;
  let amount = 0;
  let unpriced = 0;
  let refundedAmount = 0;
  let decided = 0;
  let rejected = 0;
  let confirmed = 0;
  let overdue = 0;
  const weeks = new Map<number, WeekBucket>();
  const reasons = new Map<string, { count: number; decided: number; rejected: number }>();
  const types = new Map<RefundType, number>();
  const review: number[] = [];
  const confirm: number[] = [];

  for (const r of rows) {
    if (!inPeriod(r, period)) continue;
    count++;
    const fen = r.amount ?? 0;
    if (r.amount === undefined) unpriced++;
    amount += fen;
    if (r.refundedAt !== undefined) refundedAmount += fen;
    const ws = weekStart(r.createdAt);
    const week = weeks.get(ws) ?? { start: ws, count: 0, amount: 0 };
    week.count++;
    week.amount += fen;
    weeks.set(ws, week);
    types.set(r.refundType, (types.get(r.refundType) ?? 0) + 1);
    const reason = reasons.get(r.reasonId) ?? { count: 0, decided: 0, rejected: 0 };
    reason.count++;
    if (r.decidedAt !== undefined) {
      decided++;
      reason.decided++;
      review.push(Math.max(0, r.decidedAt - r.submittedAt) / HOUR);
      if (r.rejected) {
        rejected++;
        reason.rejected++;
      }
    }
    reasons.set(r.reasonId, reason);
    if (r.confirmedAt !== undefined) {
      confirmed++;
      if (wasOverdue(r, now)) overdue++;
      if (r.approvedAt !== undefined) confirm.push(Math.max(0, r.confirmedAt - r.approvedAt) / HOUR);
    }
  }

  return {
    count,
    amount,
    unpriced,
    refundedAmount,
    weeks: fillWeeks([...weeks.values()]),
    reasons: [...reasons]
      .map(([reasonId, v]) => ({ reasonId, count: v.count, rejection: rate(v.rejected, v.decided) }))
      .sort((a, b) => b.count - a.count || (a.reasonId < b.reasonId ? -1 : 1)),
    refundTypes: [...types].map(([refundType, n]) => ({ refundType, count: n })).sort((a, b) => b.count - a.count),
    reviewHours: quantiles(review),
    rejectionRate: rate(rejected, decided),
    overdueRate: rate(overdue, confirmed),
    confirmHours: quantiles(confirm),
  };
}

/** Weeks in order, with the empty weeks between the first and the last as zeros (a chart's gaps are real). */
function fillWeeks(weeks: WeekBucket[]): WeekBucket[] {
  if (!weeks.length) return [];
  weeks.sort((a, b) => a.start - b.start);
  const byStart = new Map(weeks.map((w) => [w.start, w]));
  const out: WeekBucket[] = [];
  // A 7-day step is exact: China time has no daylight saving.
  for (let s = weeks[0].start; s <= weeks[weeks.length - 1].start; s += WEEK) out.push(byStart.get(s) ?? { start: s, count: 0, amount: 0 });
  return out;
}
