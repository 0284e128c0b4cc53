/*
 * The platform's after-sale codes (SPEC §5, open-platform names) → what the extension tracks:
 * `status` 10–70 with `negotiateStatus` → a case status, `handlingWay` → the refund type. One
 * table, so the page's JSON and its printed texts (lib/rules/defaults.ts) agree on meaning.
 */
import type { RefundType } from '../../order';
import type { ObservedStatus } from '../texts';

/**
 * Codes with one meaning for the case. 20–22 (平台介入: the platform's customer service has taken
 * the after-sale up) are `escalated`, as the printed 平台介入中 is (lib/sites/texts.ts); 30, 40 and 45 are the return's legs after the merchant agreed (回寄信息…, 待买家确认收货):
 * the platform has approved the refund, the merchant's 确认退款 is next. 70 ends the after-sale:
 * negotiateStatus says how (3 审核不通过, 4 退款失败, 5 关闭); without one it is unknown.
 */
const STATUS_CODES: Record<number, ObservedStatus> = {
  10: 'reviewing',
  11: 'reviewing',
  20: 'escalated',
  21: 'escalated',
  22: 'escalated',
  30: 'approved',
  40: 'approved',
  45: 'approved',
  50: 'confirmed',
  60: 'refunded',
};
const ENDED: Record<number, ObservedStatus> = { 3: 'rejected', 4: 'failed', 5: 'closed' };

/** The case status a code pair means, or undefined for a code this table does not know. */
export function statusOfCode(status: number | undefined, negotiateStatus?: number): ObservedStatus | undefined {
  if (status === undefined) return undefined;
  if (status === 70) return negotiateStatus === undefined ? undefined : ENDED[negotiateStatus];
  return STATUS_CODES[status];
}

/** handlingWay 1 退货退款, 10 仅退款. */
export function refundTypeOfCode(handlingWay: number | undefined): RefundType | undefined {
  return handlingWay === 1 ? 'return-refund' : handlingWay === 10 ? 'refund-only' : undefined;
}
