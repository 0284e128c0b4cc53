/*
 * The refund list: every listed refund's status goes to the background in one report, which
 * answers how many listed refunds it tracks and which cases it moved (no per-row look-ups). A row
 * whose status text the rules do not know moves nothing, and the panel says which texts those are.
 */
import type { Observation } from '../client';
import type { Feature } from '../core';
import type { PageState } from '../model';

/** At most this many unknown status texts are named in the panel. */
const MAX_UNKNOWN = 3;

export const refundList: Feature = {
  kinds: ['refund-list'],
  init(ctx) {
    let sig = '';
    const read = (s: PageState) => {
      const refunds = ctx.adapter.readRefundList(ctx.doc, ctx.texts());
      if (refunds.length) ctx.ready();
      const next = JSON.stringify([refunds.map((r) => [r.orderId, r.afterSaleId, r.status, r.statusText, r.appliedAt]), ctx.generation()]);
      if (next === sig) return;
      sig = next;
      s.refunds = refunds;
      const unknown = [...new Set(refunds.filter((r) => !r.status && r.statusText).map((r) => r.statusText))];
      s.unknownStatuses = unknown.slice(0, MAX_UNKNOWN);
      const obs: Observation[] = refunds
        .filter((r) => r.status && (r.orderId || r.afterSaleId))
        .map((r) => {
          const o: Observation = { orderId: r.orderId, afterSaleId: r.afterSaleId, status: r.status! };
          if (r.appliedAt !== undefined) o.appliedAt = r.appliedAt;
          return o;
        });
      void ctx.report(obs, (r) => {
        s.listTracked = r.matched;
        s.listUpdated = r.changes.length;
      });
      ctx.queueRender();
    };
    return { read };
  },
};
