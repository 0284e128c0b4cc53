/**
 * Values as the Kuaishou back office prints them: order / after-sale / tracking numbers and money.
 * A value that is not clearly one thing is refused, never guessed.
 */
import type { LocalText } from '../../i18n';
import { parseMoney } from '../../money';
import type { LabelHit } from '../dom/labels';
import { MAX_VALUE, normalizeText, textOf } from '../dom/text';

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

/**
 * A time as the back office prints it, in China time (UTC+8): "2024-11-08 14:23:05", also with
 * "/" or "." or 年月日, seconds optional → epoch ms. A date without a time, or a date that does
 * not exist, is no time: undefined.
 */
export function parseChinaTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日? ?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?!\d)/.exec(normalizeText(text));
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  if (y < 2000 || y > 2100 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi, s);
  const back = new Date(ms + 8 * 3_600_000);
  // Date.UTC rolls 2024-02-30 over into March: such a date is not one.
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : undefined;
}

/**
 * A value the label reader cut at its bound (MAX_VALUE), read again from its element up to `max`
 * characters: a platform comment may be longer. Without a label element of its own the element's
 * text starts "label：", which is dropped.
 */
export function longValue(hit: LabelHit, max: number): string {
  if (hit.value.length < MAX_VALUE) return hit.value.trim();
  const text = textOf(hit.element, max + hit.matched.length + 2);
  const colon = text.startsWith(hit.matched) ? /^\s*[：:]\s*/.exec(text.slice(hit.matched.length)) : null;
  return (colon ? text.slice(hit.matched.length + colon[0].length) : text).slice(0, max).trim();
}
