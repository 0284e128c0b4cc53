import type { RefundCase } from '../cases/schema';
import { TERMINAL_STATUSES } from '../cases/status';
import { formatFen } from '../money';
import type { OrderSnapshot, OrderStatus, RefundType } from '../order';
import { PATTERN_INPUT_MAX, type Category, type EvidenceField, type Locale, type LocalText, type Payer } from './constants';
import type { EvidenceRule, Reason, RuleSet } from './schema';
import { localText as t } from '../i18n';

/*
 * The rules engine: what the rule set says about one order. Pure (no zod at runtime, no DOM,
 * no clock), because the content script's panel runs it on every page.
 */

export type Advice = 'cancel-order' | 'return-refund' | 'refund-only' | 'locked' | 'confirm-refund' | 'contact-support' | 'wait';
export const ADVICES: readonly Advice[] = ['cancel-order', 'return-refund', 'refund-only', 'locked', 'confirm-refund', 'contact-support', 'wait'];

function isTerminal(c: Pick<RefundCase, 'status'>): boolean {
  return TERMINAL_STATUSES.includes(c.status);
}

/**
 * What can be done with an order now (cancel before shipping, return-and-refund after, nothing more once refunded; then confirm, contact support or wait).
 * A case for the order overrides what the order's status alone says; a draft case does not (the
 * merchant is still preparing it). A confirmed case past its arrival window asks for
 * 联系客服 (the guide: past 24 h, contact customer service); an escalated case whose follow-up
 * time has come asks for it again.
 */
export function adviseOrder(order: Pick<OrderSnapshot, 'status'>, current: RefundCase | undefined, now: number): { advice: Advice; why: LocalText } {
  if (current && current.status !== 'draft') {
    // Only a confirmed refund can be late: the arrival window starts at confirmation.
    const due = current.deadlines?.arrivalDueAt;
    const overdue = current.status === 'confirmed' && due !== undefined && now >= due;
    if (isTerminal(current)) {
      return {
        advice: 'locked',
        why:
          current.status === 'refunded'
            ? t('该订单已退款，不能再做任何操作。', 'This order has been refunded; nothing more can be done with it.')
            : current.status === 'cancelled'
              ? t('该订单已取消。', 'This order has been cancelled.')
              : t('该订单的退款已关闭。', 'The refund for this order is closed.'),
      };
    }
    if (overdue) {
      return {
        advice: 'contact-support',
        why: t('已超过到账时限仍未到账，请联系客服。', 'The money has not arrived within the arrival window; contact customer service.'),
      };
    }
    switch (current.status) {
      case 'approved':
        return { advice: 'confirm-refund', why: t('审核已通过，请点击「确认退款」。', 'The review passed; click 确认退款 (confirm refund).') };
      case 'rejected':
        return { advice: 'contact-support', why: t('审核不通过，可联系客服处理。', 'The review was rejected; contact customer service.') };
      case 'failed':
        return { advice: 'contact-support', why: t('退款失败，请联系客服处理。', 'The refund failed; contact customer service.') };
      case 'escalated': {
        const followUp = current.deadlines?.followUpAt;
        if (followUp !== undefined && now >= followUp) {
          return { advice: 'contact-support', why: t('已联系客服，到了跟进时间，请再次联系。', 'Support was contacted and it is time to follow up.') };
        }
        return { advice: 'wait', why: t('已联系客服，等待处理。', 'Customer service has been contacted; wait for them.') };
      }
      case 'confirmed':
        return { advice: 'wait', why: t('已确认退款，一般 24 小时内到账。', 'Refund confirmed; the money usually arrives within 24 hours.') };
      case 'reviewing':
      default:
        return { advice: 'wait', why: t('退款申请审核中，请等待平台审核。', 'The refund application is under review; wait for the platform.') };
    }
  }
  switch (order.status) {
    case 'unpaid':
      return { advice: 'cancel-order', why: t('订单未付款，直接取消订单即可。', 'The order is unpaid; simply cancel it.') };
    case 'unshipped':
      return {
        advice: 'cancel-order',
        why: t('订单未发货，可直接取消订单，无需退款流程。', 'The order has not shipped; it can simply be cancelled instead of refunded.'),
      };
    case 'shipped':
      return { advice: 'return-refund', why: t('订单已发货，需要先完成退货退款。', 'The order has shipped; a return and refund has to complete first.') };
    case 'delivered':
    case 'completed':
      return { advice: 'return-refund', why: t('订单已收货，申请退货退款。', 'The order was delivered; apply for a return and refund.') };
    case 'refunding':
      return { advice: 'wait', why: t('订单正在退款中，等待平台处理。', 'A refund is in progress for this order; wait for the platform.') };
    case 'refunded':
      return { advice: 'locked', why: t('该订单已退款，不能再做任何操作。', 'This order has been refunded; nothing more can be done with it.') };
    case 'closed':
      return { advice: 'locked', why: t('该订单已关闭。', 'This order is closed.') };
    default:
      return { advice: 'wait', why: t('未能读取订单状态，请先确认订单状态。', 'The order status could not be read; check it first.') };
  }
}

/** Unpaid or unshipped: nothing to send back, so refund only; shipped and later: return and refund. */
export function defaultRefundType(order: Pick<OrderSnapshot, 'status'>): RefundType {
  return order.status === 'unpaid' || order.status === 'unshipped' ? 'refund-only' : 'return-refund';
}

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

function findReason(rules: RuleSet, reasonId: string | undefined): Reason | undefined {
  return reasonId === undefined ? undefined : rules.reasons.find((r) => r.id === reasonId);
}

function matchesList<T>(list: readonly T[] | undefined, value: T | undefined): boolean {
  // An absent or empty list means "any"; an unknown value cannot rule an item out (we would
  // rather ask for evidence that turns out unneeded than miss evidence that was needed).
  if (!list || list.length === 0 || value === undefined) return true;
  return list.includes(value);
}

/** The evidence rules that apply to this refund type, reason and order status. */
export function requiredEvidence(rules: RuleSet, ctx: { refundType: RefundType; reasonId?: string; orderStatus?: OrderStatus }): EvidenceRule[] {
  const category = findReason(rules, ctx.reasonId)?.category;
  return rules.evidence.filter(
    (e) =>
      matchesList(e.appliesTo.refundTypes, ctx.refundType) &&
      matchesList(e.appliesTo.reasonCategories, category) &&
      matchesList(e.appliesTo.orderStatuses, ctx.orderStatus),
  );
}

export type EvidenceFacts = { uploads: number; fields: Partial<Record<EvidenceField, string>>; ticked: string[] };

export type EvidenceItem = { id: string; label: LocalText; state: 'ok' | 'missing'; manual: boolean; why: LocalText };

function fieldMatches(pattern: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().slice(0, PATTERN_INPUT_MAX);
  try {
    return new RegExp(pattern).test(v);
  } catch {
    // An invalid pattern never passes validation; if one slips through, a non-empty value counts.
    return v !== '';
  }
}

/**
 * The evidence checklist. An item is ok when its rule is satisfied by the facts read from the
 * form, or when the merchant ticked it by hand (`ticked` holds ids): ticking is how a `manual`
 * item is satisfied, and it also lets the merchant vouch for an item the page could not be read
 * for (e.g. an upload list the extension does not recognise).
 */
export function checkEvidence(
  rules: RuleSet,
  ctx: { refundType: RefundType; reasonId?: string; orderStatus?: OrderStatus },
  facts: EvidenceFacts,
): { complete: boolean; items: EvidenceItem[] } {
  const left = leftInstruction(facts.fields.remark);
  const unfinished = left && {
    id: 'remark',
    label: t('备注说明', 'Remark'),
    state: 'missing' as const,
    manual: false,
    why: t(`备注中的「${left}」是模板的提示，请换成具体内容。`, `"${left}" in the remark is the template's instruction: replace it with the facts.`),
  };
  const items = requiredEvidence(rules, ctx).map((e): EvidenceItem => {
    const sb = e.satisfiedBy;
    if (unfinished && sb.type === 'field' && sb.field === 'remark') return { ...unfinished, id: e.id, label: e.label };
    let ok = facts.ticked.includes(e.id);
    if (!ok) {
      if (sb.type === 'uploads') ok = facts.uploads >= sb.min;
      else if (sb.type === 'field') ok = fieldMatches(sb.pattern, facts.fields[sb.field]);
    }
    return { id: e.id, label: e.label, state: ok ? 'ok' : 'missing', manual: sb.type === 'manual', why: e.why };
  });
  // A remark still holding an instruction counts as missing whether or not a rule asks for a remark: it must not reach the platform.
  if (unfinished && !items.some((i) => i.why === unfinished.why)) items.push(unfinished);
  return { complete: items.every((i) => i.state === 'ok'), items };
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

/** A refund type in words, lower case (inside sentences). */
export const REFUND_TYPE_LABELS: Record<RefundType, LocalText> = {
  'refund-only': t('仅退款', 'refund only'),
  'return-refund': t('退货退款', 'return and refund'),
};

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

/**
 * Whether a case ended its application rejected or failed (or was escalated from there): applying
 * again for the order is then a new application, not a duplicate (each application is its own case).
 */
function applicationEnded(c: RefundCase): boolean {
  if (c.status === 'rejected' || c.status === 'failed') return true;
  if (c.status !== 'escalated') return false;
  for (let i = c.history.length - 1; i >= 0; i--) {
    const h = c.history[i];
    if (h.to === 'escalated' && h.from !== 'escalated') return h.from === 'rejected' || h.from === 'failed';
  }
  return false;
}

/**
 * The open case of an order, if any: an application in progress (not terminal, not ended
 * rejected or failed). A second application for the order while one is open is a duplicate (the
 * guide asks merchants not to abuse refunds). With several, the latest updated.
 */
export function findOpenCase(cases: Iterable<RefundCase>, orderId: string): RefundCase | undefined {
  let found: RefundCase | undefined;
  for (const c of cases) {
    if (c.orderId !== orderId || isTerminal(c) || applicationEnded(c)) continue;
    if (!found || c.updatedAt > found.updatedAt) found = c;
  }
  return found;
}
