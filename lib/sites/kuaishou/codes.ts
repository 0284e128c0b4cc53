/*
 * The platform's after-sale codes (the open platform's names) → what the extension tracks:
 * `status` 10–70 with `negotiateStatus` → a case status, `handlingWay` → the refund type. The
 * status table is part of the page texts (lib/sites/texts.ts, editable in the options page like
 * the printed words), so the page's JSON and its printed texts agree on meaning.
 */
import type { RefundType } from '../../order';
import type { ObservedStatus } from '../texts';

/**
 * Case status → its codes: `"40"` (a status code) or `"70/3"` (status 70 with negotiateStatus 3).
 * 20–22 (平台介入: the platform's customer service has taken the after-sale up) are `escalated`, as
 * the printed 平台介入中 is; 30, 40 and 45 are the return's legs after the merchant agreed
 * (回寄信息…, 待买家确认收货): the platform has approved, the merchant's 确认退款 is next. 70 ends the
 * after-sale: negotiateStatus says how (3 审核不通过, 4 退款失败, 5 关闭); alone it means nothing.
 */
export type StatusCodes = Partial<Record<ObservedStatus, string[]>>;

export const KUAISHOU_STATUS_CODES: StatusCodes = {
  reviewing: ['10', '11'],
  escalated: ['20', '21', '22'],
  approved: ['30', '40', '45'],
  confirmed: ['50'],
  refunded: ['60'],
  rejected: ['70/3'],
  failed: ['70/4'],
  closed: ['70/5'],
};

/** A code as written in the table: a status, or a status and a negotiateStatus. */
export const CODE_PATTERN = /^\d{1,3}(?:\/\d{1,3})?$/;

const lookups = new WeakMap<StatusCodes, Map<string, ObservedStatus>>();

function lookup(table: StatusCodes): Map<string, ObservedStatus> {
  let m = lookups.get(table);
  if (!m) {
    m = new Map();
    for (const [status, codes] of Object.entries(table) as [ObservedStatus, string[]][]) for (const c of codes) if (!m.has(c)) m.set(c, status);
    lookups.set(table, m);
  }
  return m;
}

/** The case status a code pair means (the pair first, then the status alone), or undefined. */
export function statusOfCode(table: StatusCodes, status: number | undefined, negotiateStatus?: number): ObservedStatus | undefined {
  if (status === undefined) return undefined;
  const m = lookup(table);
  return (negotiateStatus !== undefined ? m.get(`${status}/${negotiateStatus}`) : undefined) ?? m.get(String(status));
}

/** handlingWay 1 退货退款, 10 仅退款. */
export function refundTypeOfCode(handlingWay: number | undefined): RefundType | undefined {
  return handlingWay === 1 ? 'return-refund' : handlingWay === 10 ? 'refund-only' : undefined;
}
