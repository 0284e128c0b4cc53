/*
 * The case and the advice the panel shows, from what the background sent in words
 * (lib/cases/shown.ts): the case's view with its countdown as of now, and the advice's action,
 * which depends on the page (a control of this page, or the page where it is). Pure, like ./model.ts.
 */
import { fillDeadline } from '../cases/deadline';
import type { CaseView, ShownCase } from '../cases/shown';
import type { Locale, translator } from '../i18n';
import type { PageKind } from '../order';
import type { Advice } from '../rules/advice';
import { PATHS } from '../sites/kuaishou/routes';
import type { StringKey } from './strings';

type Tr = ReturnType<typeof translator<StringKey>>;

/**
 * What the advice leads to: the page's own control (scrolled to and focused: `reveal`, a key of
 * the page texts' buttons) or the page where it is (`href`, same origin).
 */
export type AdviceAction = { text: string } & ({ reveal: 'confirmRefund' | 'cancelOrder' | 'applyRefund' } | { href: string });

export function adviceAction(advice: Advice, kind: PageKind, c: ShownCase | undefined, T: Tr): AdviceAction | undefined {
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

/** The case's view as of `now` (its countdown); `next`: what the order's advice says, for a draft. */
export function caseViewOf(view: CaseView, next: string | undefined, locale: Locale, now: number): CaseView {
  return { ...view, next: view.next ?? next, deadline: view.deadline && fillDeadline(view.deadline, locale, now) };
}
