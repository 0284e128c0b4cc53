/*
 * A page about one order (its detail, the refund form, the refund detail): read the order, fetch
 * its case, and take what the merchant types for a field the page did not show.
 */
import { formatFen, parseMoney } from '../../money';
import type { SnapshotField } from '../../order';
import { parseId } from '../../sites/kuaishou/values';
import type { Feature } from '../core';
import type { PageState } from '../model';
import { effectiveOrder, inputKindOf } from '../model';
import { watchPageData, withPageOrder } from '../page-data';

export const orderDetail: Feature = {
  kinds: ['order-detail', 'refund-form', 'refund-detail'],
  init(ctx, signal) {
    const { t, locale, win, state, renderNow, fetchCase } = ctx;
    // The order query's answer may come after the page rendered: read again then.
    const seen = watchPageData(() => ctx.scheduleRead(), signal);
    let sig = '';
    let orderKey = '';

    const read = (s: PageState) => {
      const { read, conflict } = withPageOrder(ctx.adapter.readOrder(ctx.doc, ctx.texts(), new URL(win.location.href), ctx.now()), seen);
      const o = read.snapshot;
      // The page shows the order (not only the URL's number): later changes are read debounced.
      // Until then, while it renders, its fields are not reported missing.
      if (o.orderId && (o.statusText || o.paidAmount !== undefined || o.refundAmount !== undefined)) ctx.ready();
      else if (ctx.rendering()) return;
      const next = JSON.stringify([{ ...o, readAt: 0 }, read.afterSaleStatus, conflict, ctx.generation()]);
      if (next === sig) return;
      sig = next;
      s.read = read;
      if (conflict) ctx.notice('info', t('dataConflictPaid', { shown: formatFen(conflict.shown), data: formatFen(conflict.data) }));
      // A page re-rendering (loading state) shows no order for a moment: the order coming back is
      // fetched again, so nothing written meanwhile is missed.
      const key = effectiveOrder(s).orderId ?? '';
      if (key !== orderKey) {
        orderKey = key;
        if (key && s.kind === 'order-detail') ctx.orderUrls[key] = win.location.href;
        if (key) void fetchCase(key);
      }
      ctx.queueRender();
    };

    /** A value the merchant typed for a field the page did not show; checked, never guessed. */
    function provide(field: SnapshotField, raw: string) {
      const s = state();
      if (!s) return;
      const text = raw.trim();
      const kind = inputKindOf(field);
      let error: string | undefined;
      let value: string | number | undefined;
      if (!text) error = t('missingEmpty');
      else if (kind === 'money') {
        const m = parseMoney(text);
        if (!m.ok) error = m.reason[locale];
        else if (m.fen < 0) error = t('missingNegative');
        else value = m.fen;
      } else if (kind === 'status')
        value = text; // a choice of the panel's own <select>
      else if (field === 'orderId' || field === 'afterSaleId' || field === 'trackingNo') {
        // As the page's numbers are read (parseId): the whole text one number.
        if (parseId(text) === text) value = text;
        else error = t('missingBadId');
      } else value = text.slice(0, 64);
      s.typedErrors = { ...s.typedErrors, [field]: error };
      if (value !== undefined) {
        s.typed = { ...s.typed, [field]: value };
        if (field === 'orderId') void fetchCase((orderKey = value as string));
      }
      renderNow();
    }
    return { read, actions: { provide } };
  },
};
