/*
 * A case's pending deadline in words, the same in the popup and the panel: when the merchant has
 * to act (or since when it is late), relative to now; the exact time goes on hover.
 */
import { formatDateTime, formatDuration, type Locale, type LocalText, localText as t, tr } from '../i18n';
import type { RefundCase } from './schema';
import { TERMINAL_STATUSES } from './status';

/** Per status, the sentence of its pending deadline with time left, and once it has passed. */
const DUE: Partial<Record<RefundCase['status'], readonly [LocalText, LocalText]>> = {
  reviewing: [t('{d}后提醒跟进审核', 'Review reminder in {d}'), t('审核已超时 {d}', 'Review {d} overdue')],
  approved: [t('请在 {d}内确认退款', 'Confirm the refund within {d}'), t('确认退款已超时 {d}', 'Confirmation {d} overdue')],
  confirmed: [t('应在 {d}内到账', 'Money due within {d}'), t('到账已超时 {d}', 'Money {d} overdue')],
  escalated: [t('{d}后再跟进客服', 'Follow up with support in {d}'), t('跟进客服已超时 {d}', 'Support follow-up {d} overdue')],
};
const SINCE = t('{at} 起待处理', 'Waiting since {at}');

export interface Deadline {
  text: string;
  late: boolean;
  /** Epoch ms of the deadline; unset for a case waiting on the merchant since `attentionAt`. */
  due?: number;
}

/**
 * The deadline's sentence with `{d}` where the time left (or late) goes, so that whoever shows it
 * can keep it relative to its own clock (the panel gets it from the background: fillDeadline);
 * null for a finished case.
 */
export function deadlineWords(c: RefundCase, locale: Locale, now: number): Deadline | null {
  if (TERMINAL_STATUSES.includes(c.status)) return null;
  const due = c.nextDeadline;
  const texts = DUE[c.status];
  if (due !== undefined && texts) {
    const late = due <= now;
    return { text: tr(texts[late ? 1 : 0], locale), late, due };
  }
  const since = c.attentionAt ?? c.updatedAt;
  return since ? { text: tr(SINCE, locale, { at: formatDateTime(since) }), late: false } : null;
}

/** The time left (or late) put in the deadline's sentence, as of `now`. */
export function fillDeadline(d: Deadline, locale: Locale, now: number): Deadline {
  return d.due === undefined ? d : { ...d, text: d.text.replace('{d}', formatDuration(d.due - now, locale)) };
}

/** "5 小时后提醒跟进审核", "到账已超时 1 天", "… 起待处理"; null for a finished case. */
export function deadlineText(c: RefundCase, locale: Locale, now: number): Deadline | null {
  const d = deadlineWords(c, locale, now);
  return d && fillDeadline(d, locale, now);
}
