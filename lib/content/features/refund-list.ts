/*
 * The refund list: every listed refund's status goes to the background in one report, which
 * answers how many listed refunds it tracks and how many cases it moved (no per-row look-ups). A row
 * whose status the DOM does not tell (an icon, a text the rules do not know) takes it from the
 * page's own JSON (../page-data.ts); where the two disagree, the row's printed status counts and
 * the panel says so. A status neither tells moves nothing, and the panel names its text.
 */
import { STATUS_LABELS } from '../../cases/model';
import { translator } from '../../i18n';
import type { Observation } from '../client';
import type { Feature } from '../core';
import { LIST_STRINGS } from '../list-model';
import type { PageState } from '../model';
import { watchPageData, withPageData } from '../page-data';

/** At most this many unknown status texts are named in the panel. */
const MAX_UNKNOWN = 3;

export const refundList: Feature = {
  kinds: ['refund-list'],
  init(ctx, signal) {
    const t = translator(LIST_STRINGS, ctx.locale);
    let sig = '';
    const seen = watchPageData(() => ctx.scheduleRead(), signal);
    const read = (s: PageState) => {
      const { rows: refunds, conflicts } = withPageData(ctx.adapter.readRefundList(ctx.doc, ctx.texts()), seen, ctx.texts().afterSaleStatusCodes);
      if (refunds.length) ctx.ready();
      const next = JSON.stringify([refunds.map((r) => [r.orderId, r.afterSaleId, r.status, r.statusText, r.appliedAt, r.dueAt]), conflicts, ctx.generation()]);
      if (next === sig) return;
      sig = next;
      s.refunds = refunds;
      const unknown = [...new Set(refunds.filter((r) => !r.status && r.statusText).map((r) => r.statusText))];
      s.unknownStatuses = unknown.slice(0, MAX_UNKNOWN);
      const c = conflicts[0];
      if (c) {
        const more = conflicts.length > 1 ? t('dataConflictMore', { n: conflicts.length - 1 }) : '';
        ctx.notice('info', t('dataConflict', { id: c.afterSaleId, shown: c.shown, data: STATUS_LABELS[c.data][ctx.locale] }) + more);
      }
      const obs: Observation[] = refunds
        .filter((r) => r.status && (r.orderId || r.afterSaleId))
        .map((r) => {
          const o: Observation = { orderId: r.orderId, afterSaleId: r.afterSaleId, status: r.status! };
          if (r.appliedAt !== undefined) o.appliedAt = r.appliedAt;
          if (r.dueAt !== undefined) o.dueAt = r.dueAt;
          return o;
        });
      void ctx.report(obs, (r) => {
        s.listTracked = r.matched;
        s.listUpdated = r.changed;
      });
      ctx.queueRender();
    };
    return { read };
  },
};
