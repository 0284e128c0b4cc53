// Money and small text helpers. Money arrives from the API in 分 (integers).

/** 129900 → "¥1,299.00"; -3000 → "-¥30.00" */
export function yuan(fen) {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** "129", "129.5", "1,299.00", "¥129" → 分, or NaN if it is not an amount with at most 2 decimals. */
export function parseYuan(text) {
  const t = String(text ?? '')
    .trim()
    .replace(/^¥/, '')
    .replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return NaN;
  const [int, dec = ''] = t.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
}

/** A stable pastel colour for a goods thumbnail. */
export function thumbColor(text) {
  let n = 0;
  for (const ch of text) n = (n * 31 + ch.codePointAt(0)) % 360;
  return `hsl(${n}, 55%, 62%)`;
}

/** "2024-11-08 14:23:05", Beijing time, as the back office prints times. */
export function formatTime(ms) {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
