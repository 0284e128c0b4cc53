/**
 * Money as integer 分 (fen). Yuan strings exist only at the edges: what a page prints and what a
 * form input takes. Parsing works on the digits as text, never by multiplying a float.
 */
import type { LocalText } from './i18n';

export type ParseMoneyResult = { ok: true; fen: number } | { ok: false; reason: LocalText };

/** Larger than this many yuan is not a shop amount but a misread (e.g. an order number). */
export const MAX_YUAN = 1e10;
const MAX_FEN = MAX_YUAN * 100;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII, the ideographic space → space, ￥ → ¥. */
function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0) out += ' ';
    else if (ch === '￥') out += '¥';
    else if (ch === '−' || ch === '–' || ch === '—')
      out += '-'; // minus sign and dashes pasted from documents
    else if (ch === '，') out += ',';
    else if (ch === '。') out += '.';
    else out += ch;
  }
  return out;
}

const fail = (zh: string, en: string): ParseMoneyResult => ({ ok: false, reason: { 'zh-CN': zh, en } });

// sign? currency? sign? digits (optionally grouped by thousands) decimals? unit?
const MONEY_RE = /^([+-]?)\s*(?:¥|RMB|CNY)?\s*([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(?:元|块|RMB|CNY)?$/i;

/**
 * Parses an amount as a page or a merchant writes it: "¥1,299.00", "1299元", "-¥30.00", "¥ 0.5",
 * "￥１２．５０", "RMB 5". Rejects anything that is not exactly one amount, with a reason to show.
 */
export function parseMoney(text: string): ParseMoneyResult {
  if (typeof text !== 'string') return fail('金额不是文本', 'The amount is not text');
  const s = toHalfWidth(text).trim();
  if (s === '') return fail('金额为空', 'The amount is empty');
  const m = MONEY_RE.exec(s);
  if (!m) {
    if (!/\d/.test(s)) return fail(`「${text}」里没有数字，不是金额`, `"${text}" has no digits; it is not an amount`);
    if (/\d\.\d+\./.test(s)) return fail(`「${text}」有多个小数点`, `"${text}" has more than one decimal point`);
    return fail(`「${text}」不是有效的金额（例如 ¥1,299.00 或 1299元）`, `"${text}" is not a valid amount (e.g. ¥1,299.00 or 1299元)`);
  }
  const [, sign1, sign2, intPart, decPart = ''] = m;
  if (sign1 && sign2) return fail(`「${text}」有两个正负号`, `"${text}" has two signs`);
  if (decPart.length > 2) {
    return fail(`「${text}」的小数超过两位（金额最多精确到分）`, `"${text}" has more than two decimals (amounts go down to 分 only)`);
  }
  const digits = intPart.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 11) return fail(`「${text}」金额过大`, `"${text}" is far too large to be an amount`);
  const fen = Number(digits) * 100 + Number(decPart.padEnd(2, '0'));
  if (fen > MAX_FEN) return fail(`「${text}」金额过大`, `"${text}" is far too large to be an amount`);
  const negative = (sign1 || sign2) === '-';
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

/**
 * Formats 分 as yuan: "¥1,299.00", "-¥30.00"; with `symbol: false` a plain "1299.00" for form
 * inputs (no grouping, which forms would reject).
 */
export function formatFen(fen: number, opts: { symbol?: boolean } = {}): string {
  const symbol = opts.symbol ?? true;
  const n = Math.round(fen);
  const negative = n < 0;
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  const grouped = symbol ? yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan;
  return `${negative ? '-' : ''}${symbol ? '¥' : ''}${grouped}.${cents}`;
}
