import { z } from 'zod';
import { ORDER_STATUSES, REFUND_TYPES, SNAPSHOT_FIELDS } from './order';

/** An amount in 分 (fen): an integer, never a float of yuan. */
export const Fen = z.number().int();
export type Fen = number;

export const OrderItem = z.object({
  title: z.string(),
  quantity: z.number().int().positive().optional(),
  /** Unit price in 分 as shown. */
  price: Fen.optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const MissingField = z.object({
  field: z.enum(SNAPSHOT_FIELDS),
  /** Why it could not be read, for the merchant (e.g. "未找到标签 实付款"). */
  reason: z.string(),
});
export type MissingField = z.infer<typeof MissingField>;

/**
 * What one page says about one order. Every field is optional: reading a page never throws,
 * a field it could not read is absent and listed in `missing`. No buyer personal data.
 */
export const OrderSnapshot = z.object({
  orderId: z.string().min(1).max(64).optional(),
  afterSaleId: z.string().min(1).max(64).optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  /** The page's own status text, kept as read. */
  statusText: z.string().max(200).optional(),
  goodsTotal: Fen.optional(),
  discount: Fen.optional(),
  shippingFee: Fen.optional(),
  /** What the buyer actually paid (实付), in 分. */
  paidAmount: Fen.optional(),
  /** The refund amount a refund page shows, in 分. */
  refundAmount: Fen.optional(),
  paymentMethod: z.string().max(100).optional(),
  /** The goods table; not read by the content script (nothing shows it). */
  items: z.array(OrderItem).max(200).optional(),
  trackingNo: z.string().max(64).optional(),
  courier: z.string().max(64).optional(),
  /** After-sale type shown on refund pages (售后类型). */
  refundType: z.enum(REFUND_TYPES).optional(),
  /** The page marks the order as eligible for 极速退款. */
  expressRefundFlag: z.boolean().optional(),
  url: z.string().max(2048),
  readAt: z.number(),
  missing: z.array(MissingField).default([]),
});
export type OrderSnapshot = z.infer<typeof OrderSnapshot>;
