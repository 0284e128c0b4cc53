import type { RefundCase } from '../cases/schema';
import { TERMINAL_STATUSES } from '../cases/status';
import type { OrderSnapshot, RefundType } from '../order';
import type { LocalText } from './constants';
import { localText as t } from '../i18n';

/* What can be done with an order now, and which case of an order is still open. */

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
        return { advice: 'confirm-refund', why: t('审核已通过，请在售后详情页确认退款。', 'The review passed; confirm the refund on the after-sale page.') };
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
      default: // reviewing
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
      return { advice: 'return-refund', why: t('订单已签收，可申请退货退款。', 'The order was delivered; apply for a return and refund.') };
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
