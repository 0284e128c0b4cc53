/*
 * Constants and types only: no zod here, so the content script can import this without
 * pulling the validator into its bundle (the panel runtime's budget: ≤ 30 KB gzip). The zod schemas are in
 * ./order.schema.ts, for the contexts that validate (background, options).
 */
import { type LocalText, localText as t } from './i18n';

/** Normalised order statuses (the panel's `data-order-status`, a stable hook). */
export const ORDER_STATUSES = ['unpaid', 'unshipped', 'shipped', 'delivered', 'completed', 'refunding', 'refunded', 'closed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The statuses in the merchant's words (the panel's English UI, the options page). */
export const ORDER_STATUS_LABELS: Record<OrderStatus, LocalText> = {
  unpaid: t('待付款', 'Unpaid'),
  unshipped: t('未发货', 'Not shipped'),
  shipped: t('已发货', 'Shipped'),
  delivered: t('已签收', 'Delivered'),
  completed: t('交易成功', 'Completed'),
  refunding: t('退款中', 'Refunding'),
  refunded: t('已退款', 'Refunded'),
  closed: t('已关闭', 'Closed'),
};

export const REFUND_TYPES = ['refund-only', 'return-refund'] as const;
export type RefundType = (typeof REFUND_TYPES)[number];

/** The back office pages the panel serves (the panel's `data-page-kind`, a stable hook). */
export const PAGE_KINDS = ['order-list', 'order-detail', 'refund-form', 'refund-list', 'refund-detail'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** The fields a snapshot can miss; the panel names them and lets the merchant type them. */
export const SNAPSHOT_FIELDS = [
  'orderId',
  'afterSaleId',
  'status',
  'goodsTotal',
  'discount',
  'shippingFee',
  'paidAmount',
  'refundAmount',
  'paymentMethod',
  'trackingNo',
  'courier',
  'refundType',
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export type { Fen, OrderItem, MissingField, OrderSnapshot } from './order.schema';
