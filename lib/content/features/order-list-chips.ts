/*
 * The order list: a status chip beside each listed order that has a case (one getCases round
 * trip per change of the listed orders).
 */
import { STATUS_LABELS, attention } from '../../cases/model';
import { TERMINAL_STATUSES } from '../../cases/status';
import { chipContainer, removeChips, upsertChip } from '../chip';
import type { Feature } from '../core';
import type { PageState } from '../model';

export const orderListChips: Feature = {
  kinds: ['order-list'],
  init(ctx, signal) {
    const { doc, locale, t, state, queueRender } = ctx;
    let sig = '';
    // Another order list keeps its chips until its own are known; any other page drops them.
    signal.addEventListener('abort', () => state()?.kind !== 'order-list' && removeChips(doc));

    function renderChips(s: PageState) {
      if (s !== state() || !s.orders) return;
      for (const o of s.orders) {
        const c = s.listCases?.[o.orderId];
        if (!c) continue;
        const label = STATUS_LABELS[c.status][locale];
        upsertChip(chipContainer(o.row, o.orderId), {
          orderId: o.orderId,
          status: c.status,
          label: `${t('title')}·${label}`,
          title: `${t('field.caseStatus')}: ${label}`,
          tone: attention(c, ctx.now()) ? 'attention' : TERMINAL_STATUSES.includes(c.status) ? 'done' : 'normal',
        });
      }
    }

    const read = (s: PageState) => {
      const orders = ctx.adapter.readOrderList(doc, ctx.texts());
      if (orders.length) ctx.ready();
      const next = JSON.stringify([orders.map((o) => o.orderId), ctx.generation()]);
      s.orders = orders;
      if (next === sig) return renderChips(s); // same orders; rows may have re-rendered
      sig = next;
      void ctx.client.getCases(orders.map((o) => o.orderId).slice(0, 100)).then((res) => {
        s.listCases = res.ok ? res.data : {};
        queueRender();
        renderChips(s);
      });
      queueRender();
    };
    return { read };
  },
};
