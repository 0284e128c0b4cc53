/*
 * The refund list: every listed refund's status goes to the background in one report, which
 * answers how many listed refunds it tracks and which cases it moved (no per-row look-ups).
 */
import type { Observation } from '../client';
import type { Feature } from '../core';
import type { PageState } from '../model';

export const refundList: Feature = {
  kinds: ['refund-list'],
  init(ctx) {
    let sig = '';
    const read = (s: PageState) => {
      const refunds = ctx.adapter.readRefundList(ctx.doc, ctx.texts());
      if (refunds.length) ctx.ready();
      const next = JSON.stringify([refunds.map((r) => [r.orderId, r.afterSaleId, r.status]), ctx.generation()]);
      if (next === sig) return;
      sig = next;
      s.refunds = refunds;
      const obs: Observation[] = refunds
        .filter((r) => r.status && (r.orderId || r.afterSaleId))
        .map((r) => ({ orderId: r.orderId, afterSaleId: r.afterSaleId, status: r.status! }));
      void ctx.report(obs, (r) => {
        s.listTracked = r.matched;
        s.listUpdated = r.changes.length;
      });
      ctx.queueRender();
    };
    return { read };
  },
};
