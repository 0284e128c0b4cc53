import { formatDateTime, type Locale } from '../i18n';
import { historyText, supportMessage } from './model';
import type { RefundCase } from './schema';

/**
 * What the panel shows of a case in words: its timeline (newest first) and the ready 联系客服
 * message. The background builds them and sends them with the case (they need no page access),
 * so the panel's runtime does not carry these texts (its size budget).
 */
export interface CaseTexts {
  timeline: string[];
  support: string;
}

/** A case as the background sends it to the panel. */
export type ShownCase = RefundCase & { texts?: CaseTexts };

export function withTexts(c: RefundCase, locale: Locale, now: number): ShownCase {
  const timeline = c.history.map((h) => `${formatDateTime(h.at)} ${historyText(h, locale)}`).reverse();
  return { ...c, texts: { timeline, support: supportMessage(c, locale, now) } };
}
