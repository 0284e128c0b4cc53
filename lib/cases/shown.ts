/*
 * What the panel shows of a case, and the advice, in words. The background builds them and sends
 * them with the case (they need no page access; the advice for an order with no case comes with
 * the rules, one per order status, see `orderAdvice`), so the panel's runtime carries neither
 * these texts nor the rules engine's advice (its 30 KB gzip budget). In the locale the panel
 * was injected in (the background picks the panel's file by the same locale), as of `now`: the
 * panel asks again when the case's next deadline passes, and keeps the countdown relative to its
 * own clock (`{d}` in the deadline's text).
 */
import { formatDateTime, type Locale, type LocalText, localText as t, tr } from '../i18n';
import { ORDER_STATUSES, type OrderStatus } from '../order';
import { adviseOrder, type Advice } from '../rules/advice';
import { deadlineWords, type Deadline } from './deadline';
import { attention, historyText, isOverdue, isTerminalStatus, STATUS_LABELS, supportMessage } from './model';
import type { RefundCase } from './schema';
import type { CaseStatus } from './status';

/** The rules engine's advice in words: what to do (`value`, the panel names it) and why. */
export interface ShownAdvice {
  value: Advice;
  why: string;
}

/** Per order status (`unknown`: none read), the advice for an order with no case (or a draft one). */
export type OrderAdvice = Record<OrderStatus | 'unknown', ShownAdvice>;

/** red: late, rejected or failed; amber: the merchant has to act; blue: the platform is on it; green: refunded; grey: ended. */
export type CaseTone = 'bad' | 'warn' | 'info' | 'ok' | 'off';

/** The case box of the panel, in words. */
export interface CaseView {
  status: CaseStatus;
  statusText: string;
  overdue: boolean;
  /** The colour the case is shown in (its status dot, the collapsed rail): what it needs. */
  tone: CaseTone;
  /** When the merchant has to act, relative to now (the exact time on hover). */
  deadline?: Deadline;
  lines: string[];
  /** The case's history, newest first. */
  timeline: string[];
  /**
   * How the application ended without a refund, in words, if it did (rejected or failed, or
   * escalated from there): applying again for the order is then a new application.
   */
  ended?: string;
  /** What to do next; unset for a draft (the order's status decides, as for an order with no case). */
  next?: string;
  /** The advice for the case; unset for a draft. */
  advice?: ShownAdvice;
  support?: { message: string; canRecord: boolean; contactedText?: string };
}

/** A case as the background sends it to the panel. */
export type ShownCase = RefundCase & { view?: CaseView };

const WORDS = {
  caseUpdated: t('更新于 {time}', 'updated {time}'),
  platformComment: t('平台意见', 'Platform comment'),
  platformDue: t('平台处理时限 {time}', 'Platform deadline {time}'),
  nextOverdue: t('已超过到账时限，请联系客服。', 'Past the arrival window: contact support.'),
  contactedAt: t('已于 {time} 联系客服', 'Support contacted {time}'),
} satisfies Record<string, LocalText>;

export function caseTone(c: RefundCase, now: number): CaseTone {
  const kind = attention(c, now);
  if (kind === 'overdue' || kind === 'rejected' || kind === 'failed') return 'bad';
  if (kind) return 'warn';
  return c.status === 'refunded' ? 'ok' : isTerminalStatus(c.status) ? 'off' : 'info';
}

const shownAdvice = (a: { advice: Advice; why: LocalText }, locale: Locale): ShownAdvice => ({ value: a.advice, why: a.why[locale] });

/** The advice for an order with no case, per order status (sent with the rules). */
export function orderAdvice(locale: Locale, now: number): OrderAdvice {
  const of = (status?: OrderStatus) => shownAdvice(adviseOrder({ status }, undefined, now), locale);
  return Object.fromEntries([...ORDER_STATUSES.map((s) => [s, of(s)]), ['unknown', of()]]) as OrderAdvice;
}

/** Applications that ended without a refund: the platform's own path is to apply again. */
const ENDED: readonly (CaseStatus | null)[] = ['rejected', 'failed'];

/** How the case ended without a refund (rejected or failed, or escalated from there), if it did. */
export function endedAs(c: RefundCase): CaseStatus | undefined {
  const s = c.status === 'escalated' ? ([...c.history].reverse().find((h) => h.to === 'escalated')?.from ?? null) : c.status;
  return ENDED.includes(s) ? (s as CaseStatus) : undefined;
}

export function caseView(c: RefundCase, locale: Locale, now: number): CaseView {
  const w = (key: keyof typeof WORDS, vars?: Record<string, string>) => tr(WORDS[key], locale, vars);
  const overdue = isOverdue(c, now);
  const lines = [w('caseUpdated', { time: formatDateTime(c.updatedAt) })];
  // The platform's comment on the case (its reason for a rejection), when the page showed one.
  if (c.platformComment) lines.push(`${w('platformComment')}：${c.platformComment}`);
  if (c.platformDueAt && !isTerminalStatus(c.status)) lines.push(w('platformDue', { time: formatDateTime(c.platformDueAt) }));
  // A draft's advice is the order's (its status is the page's): the panel has it from the rules' reply.
  const advice = c.status === 'draft' ? undefined : shownAdvice(adviseOrder({}, c, now), locale);
  const ended = endedAs(c);
  const view: CaseView = {
    status: c.status,
    statusText: STATUS_LABELS[c.status][locale],
    ended: ended && STATUS_LABELS[ended][locale],
    overdue,
    tone: caseTone(c, now),
    deadline: deadlineWords(c, locale, now) ?? undefined,
    lines,
    timeline: c.history.map((h) => `${formatDateTime(h.at)} ${historyText(h, locale)}`).reverse(),
    next: overdue ? w('nextOverdue') : advice?.why,
    advice,
  };
  if (c.status === 'rejected' || c.status === 'failed' || c.status === 'escalated' || overdue) {
    view.support = {
      message: supportMessage(c, locale, now),
      // What the state machine allows: contact-support from these (confirmed only once overdue).
      canRecord: c.status !== 'approved',
      contactedText: c.supportContactedAt ? w('contactedAt', { time: formatDateTime(c.supportContactedAt) }) : undefined,
    };
  }
  return view;
}

export function withView(c: RefundCase, locale: Locale, now: number): ShownCase {
  return { ...c, view: caseView(c, locale, now) };
}
