import { z } from 'zod';
import { REFUND_TYPES } from '../order';
import { CASE_STATUSES, CHANGE_SOURCES } from './status';
import { BACK_OFFICE_HOST, isBackOfficeUrl } from './url';

export { CASE_STATUSES, TERMINAL_STATUSES, CHANGE_SOURCES } from './status';
export type { CaseStatus, ChangeSource } from './status';

/*
 * One schema for a case wherever it enters (a message, an import, a restore, a record read back):
 * the same amounts, dates and order link as the messages accept.
 */

/** An amount in 分: an integer ≥ 0 (up to ¥10 billion). */
export const Amount = z.number().int().nonnegative().max(1e12);

/** Dates the product can have made: 2000-01-01 … 2100-01-01 (no year 275760, no NaN). */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);
export const Timestamp = z
  .number()
  .min(EARLIEST_TIME, { error: '日期早于 2000 年 / the date is before 2000' })
  .max(LATEST_TIME, { error: '日期晚于 2100 年 / the date is after 2100' });

/** An order page on the back office, over https or http: never another host, `data:` or `file:`. */
export const OrderUrl = z
  .string()
  .max(2048)
  .refine(isBackOfficeUrl, { error: `订单链接必须是 ${BACK_OFFICE_HOST} 上的网址 / the order link must be a page on ${BACK_OFFICE_HOST}` });

export const HistoryEntry = z.object({
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  at: Timestamp,
  source: z.enum(CHANGE_SOURCES),
  note: z.string().max(2000).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CaseDeadlines = z.object({
  /** Remind when a review is still pending at this time (set on entering `reviewing`). */
  reviewRemindAt: Timestamp.optional(),
  /** Remind the merchant to confirm an approved refund at this time (approval + confirm reminder). */
  confirmRemindAt: Timestamp.optional(),
  /** The money should have arrived by then (set on entering `confirmed`: confirmation + arrival window). */
  arrivalDueAt: Timestamp.optional(),
  /** Follow up with support at this time (set on entering `escalated`). */
  followUpAt: Timestamp.optional(),
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
  paidAmount: Amount.optional(),
  refundAmount: Amount.optional(),
  trackingNo: z.string().max(64).optional(),
  courier: z.string().max(64).optional(),
  shippingPayer: z.enum(['seller', 'buyer']).optional(),
  /** The product's title as the page showed it (the popup's card names the case by it). */
  productTitle: z.string().max(200).optional(),
  /** Where the order's page is, to open it from the popup or a notification. */
  orderUrl: OrderUrl.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  approvedAt: Timestamp.optional(),
  supportContactedAt: Timestamp.optional(),
  /** The platform's latest comment on the application as the page shows it (e.g. why it was rejected). */
  platformComment: z.string().max(500).optional(),
  /**
   * The platform's processing deadline for the merchant on this after-sale, from the page's own
   * data (the refund list's `expireTime`); an approved case's confirm reminder comes before it.
   */
  platformDueAt: Timestamp.optional(),
  /** The earlier application of the same order that this one follows (a re-application after a rejection or failure). */
  previousCaseId: z.string().min(1).max(100).optional(),
  /** The later application that followed this one. */
  nextCaseId: z.string().min(1).max(100).optional(),
  deadlines: CaseDeadlines.default({}),
  /**
   * When the case starts needing attention (undefined: never, e.g. terminal). Stored so the badge
   * and the popup query an index (`attentionAt <= now`) instead of scanning every case.
   */
  attentionAt: Timestamp.optional(),
  /** The earliest pending deadline, for the alarm and the `by-deadline` index. */
  nextDeadline: Timestamp.optional(),
  notes: z
    .array(z.object({ at: Timestamp, text: z.string().max(2000) }))
    .max(1000)
    .default([]),
  history: z.array(HistoryEntry).max(1000).default([]),
  /** Incremented on every write; lets two writers detect a lost update. */
  rev: z.number().int().nonnegative().default(0),
});
export type RefundCase = z.infer<typeof RefundCase>;
