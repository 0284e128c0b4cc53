/*
 * The order list: a status chip beside each listed order that has a case (one getCases round
 * trip per change of the listed orders).
 */
import { STATUS_LABELS, attention } from '../../cases/model';
import type { CaseStatus } from '../../cases/status';
import { localText as w, tr, type LocalText } from '../../i18n';
import { chipContainer, removeChips, upsertChip, type ChipTone } from '../chip';
import type { Feature } from '../core';
import type { PageState } from '../model';

/** The chip's word: short, so that the order number's column keeps its width. */
const WORDS: Record<CaseStatus, LocalText> = {
  draft: w('草稿', 'Draft'),
  reviewing: w('审核中', 'In review'),
  approved: w('待确认', 'Confirm'),
  confirmed: w('待到账', 'Paying'),
  refunded: w('已退款', 'Refunded'),
  rejected: w('未通过', 'Rejected'),
  failed: w('退款失败', 'Failed'),
  escalated: w('客服处理', 'Support'),
  cancelled: w('已取消', 'Cancelled'),
  closed: w('已关闭', 'Closed'),
};

/** What the dot's colour means, said in the tooltip. */
const TONE_WORDS: Record<ChipTone, LocalText> = {
  attention: w('红点：需要您处理', 'Red dot: needs you'),
  waiting: w('蓝点：等待平台处理', 'Blue dot: waiting for the platform'),
  done: w('绿点：已退款', 'Green dot: refunded'),
  ended: w('灰点：已结束', 'Grey dot: ended'),
};

function toneOf(status: CaseStatus, needsYou: boolean): ChipTone {
  if (needsYou) return 'attention';
  if (status === 'refunded') return 'done';
  return status === 'closed' || status === 'cancelled' ? 'ended' : 'waiting';
}

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
        const tone = toneOf(c.status, !!attention(c, ctx.now()));
        upsertChip(chipContainer(o.row, o.orderId), {
          orderId: o.orderId,
          status: c.status,
          label: tr(WORDS[c.status], locale),
          title: `${t('title')}${locale === 'en' ? ': ' : '：'}${tr(STATUS_LABELS[c.status], locale)}\n${tr(TONE_WORDS[tone], locale)}`,
          tone,
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
