/*
 * A page that shows one refund's status (the refund detail, and an order or form page that prints
 * 售后状态): the status goes to the background, with the platform's comment and the application
 * time where the refund detail shows them; the answer names the case it moved, if any. A status
 * text the rules do not know moves nothing, and the panel says so.
 */
import type { Observation } from '../client';
import type { Feature } from '../core';
import type { PageState } from '../model';

export const refundDetail: Feature = {
  kinds: ['refund-detail', 'order-detail', 'refund-form'],
  init(ctx) {
    const read = (s: PageState) => {
      const seen = s.read?.afterSaleStatus;
      const text = s.read?.afterSaleStatusText;
      s.unknownStatuses = !seen && text ? [text] : undefined;
      const { orderId, afterSaleId } = s.read?.snapshot ?? {};
      if (!seen || !(orderId || afterSaleId)) return;
      const o: Observation = { orderId, afterSaleId, status: seen };
      if (s.read?.comment) o.comment = s.read.comment;
      if (s.read?.appliedAt !== undefined) o.appliedAt = s.read.appliedAt;
      void ctx.report([o], (r) => {
        const moved = r.changes.find((ch) => ch.case.orderId === orderId);
        if (moved) ctx.setCase(moved.case);
      });
    };
    return { read };
  },
};
