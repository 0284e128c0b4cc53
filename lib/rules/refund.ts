import { formatFen } from '../money';
import type { OrderSnapshot, OrderStatus, RefundType } from '../order';
import type { Category, LocalText, Payer } from './constants';
import type { Reason, RuleSet } from './schema';
import { localText as t } from '../i18n';

/* The refund itself under the rules: the reasons to offer, who pays return shipping, the amount, express refund. */

/** A refund type in words, lower case (inside sentences). */
export const REFUND_TYPE_LABELS: Record<RefundType, LocalText> = {
  'refund-only': t('仅退款', 'refund only'),
  'return-refund': t('退货退款', 'return and refund'),
};

const NOT_SHIPPED = {
  categories: ['buyer', 'other'] as Category[],
  why: t('订单未发货，常见原因是买家不想要了。', 'Not shipped yet: usually the buyer changed their mind.'),
};

/** Which reason categories fit an order status best, and why. */
const SUGGESTED_CATEGORIES: Partial<Record<OrderStatus, { categories: Category[]; why: LocalText }>> = {
  unpaid: NOT_SHIPPED,
  unshipped: NOT_SHIPPED,
  shipped: {
    categories: ['logistics', 'buyer'],
    why: t('订单已发货未签收，常见原因是未收到货或不想要了。', 'Shipped, not delivered: usually not received or changed mind.'),
  },
  delivered: {
    categories: ['quality', 'damaged', 'not-as-described', 'wrong-item', 'missing'],
    why: t('订单已签收，常见原因是商品本身的问题。', 'Delivered: usually a problem with the goods themselves.'),
  },
  completed: {
    categories: ['quality', 'damaged', 'not-as-described', 'wrong-item', 'missing'],
    why: t('交易已完成，常见原因是商品本身的问题。', 'Completed: usually a problem with the goods themselves.'),
  },
};

/**
 * Every reason that applies to the refund type, the ones that fit the order status first (in
 * rule order within each group).
 */
export function suggestReasons(
  rules: RuleSet,
  ctx: { refundType: RefundType; orderStatus?: OrderStatus },
): Array<{ reason: Reason; suggested: boolean; why?: LocalText }> {
  const applicable = rules.reasons.filter((r) => r.refundTypes.includes(ctx.refundType));
  const hint = ctx.orderStatus ? SUGGESTED_CATEGORIES[ctx.orderStatus] : undefined;
  const items = applicable.map((reason) => {
    const suggested = !!hint && hint.categories.includes(reason.category);
    return suggested ? { reason, suggested, why: hint!.why } : { reason, suggested };
  });
  return [...items.filter((i) => i.suggested), ...items.filter((i) => !i.suggested)];
}

export function findReason(rules: RuleSet, reasonId: string | undefined): Reason | undefined {
  return reasonId === undefined ? undefined : rules.reasons.find((r) => r.id === reasonId);
}

/** Who pays return shipping for a reason: the first shipping rule naming the reason's fault, else the fallback. */
export function shippingPayer(rules: RuleSet, reasonId: string): { payer: Payer; why: LocalText } {
  const reason = findReason(rules, reasonId);
  if (reason) {
    const rule = rules.shipping.rules.find((r) => r.faults.includes(reason.fault));
    if (rule) return { payer: rule.payer, why: rule.why };
  }
  const who = rules.shipping.fallback === 'seller' ? t('商家', 'the seller') : t('买家', 'the buyer');
  return {
    payer: rules.shipping.fallback,
    why: reason
      ? t(
          `没有规则说明「${reason.label['zh-CN']}」由谁承担运费，默认由${who['zh-CN']}承担。`,
          `No rule says who pays for "${reason.label.en}"; by default ${who.en} pays.`,
        )
      : t(`未选择原因，默认由${who['zh-CN']}承担运费。`, `No reason chosen; by default ${who.en} pays return shipping.`),
  };
}

/**
 * The refund amount: what the buyer actually paid (实付, for discounted goods the discounted price),
 * back by the original payment method. A requested amount may be lower (partial refund), never
 * higher. Without a paid amount, the refund page's own amount (or the request) is used as is.
 */
export function refundAmount(
  order: Pick<OrderSnapshot, 'paidAmount' | 'refundAmount'>,
  requested?: number,
): { amount: number | undefined; capped: boolean; why: LocalText } {
  const paid = order.paidAmount;
  const req = requested !== undefined && Number.isFinite(requested) && requested >= 0 ? Math.round(requested) : undefined;
  if (paid === undefined) {
    const amount = req ?? order.refundAmount;
    return {
      amount,
      capped: false,
      why:
        amount === undefined
          ? t('未读到实付金额，请手动填写。', 'The paid amount could not be read; enter it by hand.')
          : t('未读到实付金额，退款金额无法核对，请确认不超过实付。', 'The paid amount could not be read; make sure the refund does not exceed it.'),
    };
  }
  if (req !== undefined && req > paid) {
    return {
      amount: paid,
      capped: true,
      why: t(
        `退款金额不能超过买家实付 ${formatFen(paid)}，已改为 ${formatFen(paid)}。`,
        `A refund cannot exceed what the buyer paid (${formatFen(paid)}); set to ${formatFen(paid)}.`,
      ),
    };
  }
  if (req !== undefined && req < paid) {
    return {
      amount: req,
      capped: false,
      why: t(`部分退款：${formatFen(req)}（实付 ${formatFen(paid)}）。`, `Partial refund: ${formatFen(req)} (paid ${formatFen(paid)}).`),
    };
  }
  return {
    amount: paid,
    capped: false,
    why: t(
      `退款金额等于买家实付 ${formatFen(paid)}（优惠商品按优惠后价格），原路退回。`,
      `The refund equals what the buyer paid, ${formatFen(paid)} (the discounted price for discounted goods), back by the original payment method.`,
    ),
  };
}

/**
 * Whether the order meets the merchant's express-refund (极速退款) rule. The page's own 极速退款 mark,
 * when present, wins: the platform knows best.
 */
export function expressEligibility(
  rules: RuleSet,
  order: Partial<Pick<OrderSnapshot, 'status' | 'paidAmount' | 'expressRefundFlag'>>,
  refundType: RefundType,
  reasonId?: string,
): { eligible: boolean; why: LocalText } {
  const x = rules.express;
  if (order.expressRefundFlag === true) {
    return { eligible: true, why: t('页面标示该订单支持极速退款。', 'The page marks this order as eligible for express refund.') };
  }
  if (!x.enabled) return { eligible: false, why: t('未启用极速退款规则。', 'Express refund is not enabled in the rules.') };
  if (!order.status) return { eligible: false, why: t('未读到订单状态，无法判断是否适用极速退款。', 'The order status could not be read.') };
  if (!x.orderStatuses.includes(order.status)) {
    return { eligible: false, why: t('当前订单状态不适用极速退款。', 'Express refund does not apply to orders in this status.') };
  }
  if (!x.refundTypes.includes(refundType)) {
    return {
      eligible: false,
      why: t(`极速退款不适用于${REFUND_TYPE_LABELS[refundType]['zh-CN']}。`, `Express refund does not apply to ${REFUND_TYPE_LABELS[refundType].en}.`),
    };
  }
  if (x.reasonCategories && x.reasonCategories.length > 0 && reasonId !== undefined) {
    const reason = findReason(rules, reasonId);
    if (!reason || !x.reasonCategories.includes(reason.category)) {
      return { eligible: false, why: t('所选原因不适用极速退款。', 'Express refund does not apply to the chosen reason.') };
    }
  }
  if (order.paidAmount === undefined) {
    return { eligible: false, why: t('未读到实付金额，无法判断是否适用极速退款。', 'The paid amount could not be read.') };
  }
  if (order.paidAmount > x.maxAmount) {
    return {
      eligible: false,
      why: t(`实付金额超过极速退款上限 ${formatFen(x.maxAmount)}。`, `The paid amount exceeds the express refund limit of ${formatFen(x.maxAmount)}.`),
    };
  }
  return {
    eligible: true,
    why: t(`符合极速退款条件（实付不超过 ${formatFen(x.maxAmount)}）。`, `Meets the express refund rule (paid at most ${formatFen(x.maxAmount)}).`),
  };
}
