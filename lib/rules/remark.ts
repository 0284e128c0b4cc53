import { formatFen } from '../money';
import type { OrderSnapshot } from '../order';
import type { Locale, LocalText } from './constants';
import { findReason, refundAmount } from './refund';
import type { RuleSet } from './schema';

/* The remark: a reason's template filled from the order, and the instructions a merchant must replace. */

/** What a missing template variable renders as, per locale. */
export const MISSING_VAR: LocalText = { 'zh-CN': '（未填写）', en: '(not provided)' };

/**
 * Fills `{name}` placeholders. A variable that is missing or blank renders as `missing`
 * (default "（未填写）") so the merchant sees what to complete instead of a silently broken sentence;
 * text in braces that is not a variable name (e.g. "{ }") stays as written.
 */
// both locales: MISSING_VAR is a literal (never stripped); remarks are Chinese for the platform's reviewers.
export function renderRemark(template: string, vars: Record<string, string | undefined>, missing: string = MISSING_VAR['zh-CN']): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = vars[name];
    return v === undefined || v.trim() === '' ? missing : v;
  });
}

/** The remark for a reason, filled from the order (amount per `refundAmount`) and the form's extra fields. */
export function remarkFor(
  rules: RuleSet,
  reasonId: string,
  order: Partial<Pick<OrderSnapshot, 'orderId' | 'afterSaleId' | 'paidAmount' | 'refundAmount' | 'trackingNo' | 'courier'>>,
  locale: Locale,
  extra?: { trackingNo?: string; courier?: string; amount?: number },
): string {
  const reason = findReason(rules, reasonId);
  if (!reason) return '';
  const amount = refundAmount({ paidAmount: order.paidAmount, refundAmount: order.refundAmount }, extra?.amount).amount;
  return renderRemark(
    reason.remarkTemplate[locale],
    {
      orderId: order.orderId,
      afterSaleId: order.afterSaleId,
      amount: amount === undefined ? undefined : formatFen(amount),
      trackingNo: extra?.trackingNo || order.trackingNo,
      courier: extra?.courier || order.courier,
      reason: reason.label[locale],
    },
    MISSING_VAR[locale],
  );
}

/**
 * How remark templates mark an instruction to the merchant: full-width parentheses starting with
 * 请, "（请具体描述问题）" (English templates: "(please …)"). The merchant replaces it with the facts;
 * one still in a remark, or the mark of a variable the order did not have (MISSING_VAR, "（未填写）"),
 * means the remark is unfinished. A template written this way is checked, whatever its reason.
 */
const INSTRUCTION = /（请[^（）]*）|\(please [^()]*\)|（未填写）|\(not provided\)/i;

/** The first template instruction left in a remark, if any. */
export function leftInstruction(remark: string | undefined): string | undefined {
  return remark?.match(INSTRUCTION)?.[0];
}
