/*
 * The case list's rows: a small projection of each case (what the table shows, filters, sorts and
 * counts), so the case list page holds 50,000 of them in memory and answers a filter or a sort
 * without asking the store again. Pure: no DOM, no browser.*, `now` passed in.
 */
import type { RefundType } from '../order';
import { attention, type AttentionKind } from './model';
import type { RefundCase } from './schema';
import type { CaseStatus } from './status';

export interface CaseRow {
  id: string;
  orderId: string;
  afterSaleId?: string;
  /** The product's title, when the page showed it (searched, not shown in the table). */
  productTitle?: string;
  status: CaseStatus;
  refundType: RefundType;
  reasonId: string;
  /** 分: the refund amount, else what the buyer paid. */
  amount?: number;
  createdAt: number;
  updatedAt: number;
  /** When the application was submitted (entered `reviewing`), else createdAt. */
  submittedAt: number;
  /** The platform's first decision (approved or rejected). */
  decidedAt?: number;
  /** The first approval, and the merchant's confirmation after it. */
  approvedAt?: number;
  confirmedAt?: number;
  refundedAt?: number;
  /** Rejected at least once. */
  rejected: boolean;
  /** The arrival deadline: set when the refund was confirmed (the window starts then). */
  arrivalDueAt?: number;
  /** Why the case needs attention now, if it does. */
  attention?: AttentionKind;
}

const firstTo = (c: RefundCase, ...to: CaseStatus[]) => c.history.find((h) => to.includes(h.to))?.at;

export function toRow(c: RefundCase, now: number): CaseRow {
  return {
    id: c.id,
    orderId: c.orderId,
    afterSaleId: c.afterSaleId,
    productTitle: c.productTitle,
    status: c.status,
    refundType: c.refundType,
    reasonId: c.reasonId,
    amount: c.refundAmount ?? c.paidAmount,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    submittedAt: firstTo(c, 'reviewing') ?? c.createdAt,
    decidedAt: firstTo(c, 'approved', 'rejected'),
    approvedAt: firstTo(c, 'approved') ?? c.approvedAt,
    confirmedAt: firstTo(c, 'confirmed'),
    refundedAt: firstTo(c, 'refunded'),
    rejected: c.history.some((h) => h.to === 'rejected'),
    arrivalDueAt: c.deadlines.arrivalDueAt,
    attention: attention(c, now) ?? undefined,
  };
}

/** A case was late: its money had not arrived by the arrival deadline (arrived late, or still missing). */
export function wasOverdue(r: CaseRow, now: number): boolean {
  if (r.arrivalDueAt === undefined) return false;
  if (r.refundedAt !== undefined) return r.refundedAt > r.arrivalDueAt;
  return r.attention === 'overdue' || (r.status === 'confirmed' && now > r.arrivalDueAt);
}

export interface Period {
  /** Inclusive, epoch ms; undefined: open. Cases are placed by when they were created. */
  from?: number;
  /** Exclusive. */
  to?: number;
}

export interface RowFilter extends Period {
  statuses?: CaseStatus[];
  reasonIds?: string[];
  refundType?: RefundType;
  /** Only cases needing attention now. */
  attention?: boolean;
  /** An order or after-sale number, or a part of one (spaces ignored); or words of the product title. */
  query?: string;
}

export const SORT_KEYS = ['updatedAt', 'createdAt', 'orderId', 'afterSaleId', 'status', 'reasonId', 'refundType', 'amount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const inPeriod = (r: { createdAt: number }, p: Period) => (p.from === undefined || r.createdAt >= p.from) && (p.to === undefined || r.createdAt < p.to);

export function matches(r: CaseRow, f: RowFilter): boolean {
  if (!inPeriod(r, f)) return false;
  if (f.statuses?.length && !f.statuses.includes(r.status)) return false;
  if (f.reasonIds?.length && !f.reasonIds.includes(r.reasonId)) return false;
  if (f.refundType && r.refundType !== f.refundType) return false;
  if (f.attention && !r.attention) return false;
  const q = f.query?.trim();
  if (q) {
    const n = q.replace(/\s+/g, '');
    if (!r.orderId.includes(n) && !(r.afterSaleId ?? '').includes(n) && !r.productTitle?.toLowerCase().includes(q.toLowerCase())) return false;
  }
  return true;
}

function compare(a: CaseRow, b: CaseRow, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === undefined) return 1; // missing values last, whatever the direction
  if (y === undefined) return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
}

/** The rows a filter keeps, sorted; ties keep the newest first, so the order is stable across filters. */
export function selectRows(rows: readonly CaseRow[], f: RowFilter, sort: Sort): CaseRow[] {
  const out = rows.filter((r) => matches(r, f));
  const sign = sort.dir === 'asc' ? 1 : -1;
  return out.sort((a, b) => {
    const c = compare(a, b, sort.key);
    if (c !== 0) return a[sort.key] === undefined || b[sort.key] === undefined ? c : c * sign;
    return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1);
  });
}
