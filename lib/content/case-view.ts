/*
 * The case the panel shows, in words: its status, colour and countdown, the next step with the
 * action it leads to, the 联系客服 message when there is a problem. Pure, like ./model.ts.
 */
import { deadlineText, type Deadline } from '../cases/deadline';
import { attention, isOverdue, isTerminalStatus, STATUS_LABELS } from '../cases/model';
import type { ShownCase as RefundCase } from '../cases/shown';
import type { CaseStatus } from '../cases/status';
import { formatDateTime, type Locale, type translator } from '../i18n';
import type { PageKind } from '../order';
import type { Advice, adviseOrder } from '../rules/evaluate';
import { PATHS } from '../sites/kuaishou/routes';
import type { StringKey } from './strings';

type Tr = ReturnType<typeof translator<StringKey>>;

/** The platform's comment on a case (its reason for a rejection), when the page showed one. */
export const commentOf = (c: RefundCase) => (c as RefundCase & { platformComment?: string }).platformComment;

export interface CaseView {
  status: CaseStatus;
  statusText: string;
  overdue: boolean;
  /** The colour the case is shown in (its status dot, the collapsed rail): what it needs. */
  tone: CaseTone;
  /** When the merchant has to act, relative to now (the exact time on hover). */
  deadline?: Deadline;
  lines: string[];
  timeline: string[];
  next: string;
  support?: { message: string; canRecord: boolean; contactedText?: string };
}

/**
 * What the advice leads to: the page's own control (scrolled to and focused: `reveal`, a key of
 * the page texts' buttons) or the page where it is (`href`, same origin).
 */
export type AdviceAction = { text: string } & ({ reveal: 'confirmRefund' | 'cancelOrder' | 'applyRefund' } | { href: string });

/** red: late, rejected or failed; amber: the merchant has to act; blue: the platform is on it; green: refunded; grey: ended. */
export type CaseTone = 'bad' | 'warn' | 'info' | 'ok' | 'off';

export function caseTone(c: RefundCase, now: number): CaseTone {
  const kind = attention(c, now);
  if (kind === 'overdue' || kind === 'rejected' || kind === 'failed') return 'bad';
  if (kind) return 'warn';
  return c.status === 'refunded' ? 'ok' : isTerminalStatus(c.status) ? 'off' : 'info';
}

export function adviceAction(advice: Advice, kind: PageKind, c: RefundCase | undefined, T: Tr): AdviceAction | undefined {
  const reveal = (key: 'confirmRefund' | 'cancelOrder' | 'applyRefund') => ({ reveal: key, text: T(`goTo.${key}`) });
  if (advice === 'confirm-refund') {
    if (kind === 'refund-detail') return reveal('confirmRefund');
    return c?.afterSaleId ? { href: `${PATHS.refundDetail}?id=${encodeURIComponent(c.afterSaleId)}`, text: T('openAfterSale') } : undefined;
  }
  if (kind !== 'order-detail') return undefined;
  if (advice === 'cancel-order') return reveal('cancelOrder');
  if (advice === 'return-refund' || advice === 'refund-only') return reveal('applyRefund');
  return undefined;
}

export function caseViewOf(c: RefundCase, advice: ReturnType<typeof adviseOrder>, T: Tr, locale: Locale, now: number): CaseView {
  const status = (s: CaseStatus) => STATUS_LABELS[s][locale];
  const overdue = isOverdue(c, now);
  const lines = [T('caseUpdated', { time: formatDateTime(c.updatedAt) })];
  const comment = commentOf(c);
  if (comment) lines.push(`${T('platformComment')}：${comment}`);
  if (c.platformDueAt && !isTerminalStatus(c.status)) lines.push(T('platformDue', { time: formatDateTime(c.platformDueAt) }));
  const cv: CaseView = {
    status: c.status,
    statusText: status(c.status),
    overdue,
    tone: caseTone(c, now),
    deadline: deadlineText(c, locale, now) ?? undefined,
    lines,
    // In words by the background, with the case (lib/cases/shown.ts).
    timeline: c.texts?.timeline ?? [],
    // What to do next is what the rules engine advises for the case.
    next: overdue ? T('nextOverdue') : advice.why[locale],
  };
  if (c.status === 'rejected' || c.status === 'failed' || c.status === 'escalated' || overdue) {
    cv.support = {
      message: c.texts?.support ?? '',
      // What the state machine allows: contact-support from these (confirmed only once overdue).
      canRecord: c.status !== 'approved',
      contactedText: c.supportContactedAt ? T('contactedAt', { time: formatDateTime(c.supportContactedAt) }) : undefined,
    };
  }
  return cv;
}
