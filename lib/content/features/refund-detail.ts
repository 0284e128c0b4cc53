/*
 * A page that shows one refund's status (the refund detail, and an order or form page that prints
 * 售后状态): the status goes to the background, whose answer names the case it moved, if any.
 */
import type { Feature } from '../core';
import type { PageState } from '../model';

export const refundDetail: Feature = {
  kinds: ['refund-detail', 'order-detail', 'refund-form'],
  init(ctx) {
    const read = (s: PageState) => {
      const seen = s.read?.afterSaleStatus;
      const { orderId, afterSaleId } = s.read?.snapshot ?? {};
      if (!seen || !(orderId || afterSaleId)) return;
      void ctx.report([{ orderId, afterSaleId, status: seen }], (r) => {
        const moved = r.changes.find((ch) => ch.case.orderId === orderId);
        if (moved) ctx.setCase(moved.case);
      });
    };
    return { read };
  },
};
