import { z } from 'zod';
import { REFUND_TYPES } from '../order';
import { Fen } from '../order.schema';
import { CASE_STATUSES, CHANGE_SOURCES } from './status';

export { CASE_STATUSES, TERMINAL_STATUSES, CHANGE_SOURCES } from './status';
export type { CaseStatus, ChangeSource } from './status';

export const HistoryEntry = z.object({
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  at: z.number(),
  source: z.enum(CHANGE_SOURCES),
  note: z.string().max(2000).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CaseDeadlines = z.object({
  /** Remind when a review is still pending at this time (set on entering `reviewing`). */
  reviewRemindAt: z.number().optional(),
  /** The money should have arrived by then (set on entering `approved`: approval + arrival window). */
  arrivalDueAt: z.number().optional(),
  /** Follow up with support at this time (set on entering `escalated`). */
  followUpAt: z.number().optional(),
});
export type CaseDeadlines = z.infer<typeof CaseDeadlines>;

/**
 * One refund case, as stored. Belongs to one order; `id` is unique, `orderId` is indexed
 * (an order may have had an earlier, terminal case). No buyer personal data.
 */
export const RefundCase = z.object({
  id: z.string().min(1).max(100),
  orderId: z.string().min(1).max(64),
  afterSaleId: z.string().max(64).optional(),
  status: z.enum(CASE_STATUSES),
  refundType: z.enum(REFUND_TYPES),
  reasonId: z.string().max(64),
  remark: z.string().max(2000).default(''),
  paidAmount: Fen.optional(),
  refundAmount: Fen.optional(),
  trackingNo: z.string().max(64).optional(),
  courier: z.string().max(64).optional(),
  shippingPayer: z.enum(['seller', 'buyer']).optional(),
  /** Where the order's page is, to open it from the popup or a notification. */
  orderUrl: z.string().max(2048).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  approvedAt: z.number().optional(),
  supportContactedAt: z.number().optional(),
  deadlines: CaseDeadlines.default({}),
  /**
   * When the case starts needing attention (undefined: never, e.g. terminal). Stored so the badge
   * and the popup query an index (`attentionAt <= now`) instead of scanning every case.
   */
  attentionAt: z.number().optional(),
  /** The earliest pending deadline, for the alarm and the `by-deadline` index. */
  nextDeadline: z.number().optional(),
  notes: z.array(z.object({ at: z.number(), text: z.string().max(2000) })).default([]),
  history: z.array(HistoryEntry).default([]),
  /** Incremented on every write; lets two writers detect a lost update. */
  rev: z.number().int().nonnegative().default(0),
});
export type RefundCase = z.infer<typeof RefundCase>;
