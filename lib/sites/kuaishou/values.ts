/**
 * Values as the Kuaishou back office prints them: order / after-sale / tracking numbers and money.
 * A value that is not clearly one thing is refused, never guessed.
 */
import type { LocalText } from '../../i18n';
import { parseMoney } from '../../money';
import { normalizeText } from '../dom/text';

/** An id starts the value: letters/digits (at least one digit), then a non-id character or the end. */
const ID_RE = /^#?([A-Za-z0-9][A-Za-z0-9_-]{3,63})(?![A-Za-z0-9_-])/;

/**
 * An order / after-sale / tracking number at the start of a value like "2412345678 复制" or
 * "2412345678复制". Anything else at the start (markup, words) → undefined, never a guess.
 */
export function parseId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = ID_RE.exec(normalizeText(text));
  return m && /\d/.test(m[1]) ? m[1] : undefined;
}

/**
 * Money out of a page value: the whole text if it is one amount; otherwise the single
 * ¥/元-marked amount inside it ("¥12.00 (含运费)"). Two marked amounts or none → an error,
 * never a guess.
 */
export function parsePageMoney(text: string): { ok: true; fen: number } | { ok: false; reason: LocalText } {
  const clean = normalizeText(text);
  const whole = parseMoney(clean);
  if (whole.ok) return whole;
  const marked = clean.match(/[-−]?\s*[¥￥]\s*[\d,]+(?:\.\d+)?|[-−]?\s*[\d,]+(?:\.\d+)?\s*元/g) ?? [];
  if (marked.length === 1) {
    const one = parseMoney(marked[0]);
    if (one.ok) return one;
  }
  return whole;
}

export function labelList(labels: readonly string[] | undefined): string {
  return (labels ?? []).join(' / ');
}
