import { describe, expect, it } from 'vitest';
import { formatFen, parseMoney } from '../../lib/money';

describe('parseMoney', () => {
  it.each([
    ['¥1,299.00', 129900],
    ['1299元', 129900],
    ['-¥30.00', -3000],
    ['¥-30.00', -3000],
    ['¥ 0.5', 50],
    ['￥12.3', 1230],
    ['￥１２．５０', 1250],
    ['１，２９９元', 129900],
    ['1,299', 129900],
    ['RMB 5', 500],
    ['rmb5', 500],
    ['CNY 12.34', 1234],
    ['5 元', 500],
    ['  ¥88  ', 8800],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['¥0.00', 0],
    ['007', 700],
    ['12,345,678.90', 1234567890],
    ['−¥5', -500],
    ['＋¥5', 500],
    ['¥　9.9', 990],
    ['0.29', 29], // 0.29 * 100 is 28.999999999999996 as a float
    ['1.00', 100],
    ['19.99', 1999],
    ['10000000000', 1_000_000_000_000], // exactly the 1e10 yuan limit
  ])('%s → %i 分', (text, fen) => {
    expect(parseMoney(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['abc', /没有数字/],
    ['', /为空/],
    ['   ', /为空/],
    ['1.2.3', /多个小数点/],
    ['¥', /没有数字/],
    ['1.234', /小数超过两位/],
    ['10000000000.01', /过大/],
    ['99999999999999999999', /过大/],
    ['1,29', /不是有效的金额/],
    ['12,3456', /不是有效的金额/],
    ['¥12abc', /不是有效的金额/],
    ['--5', /两个正负号/],
    ['-¥-5', /两个正负号/],
    ['.5', /不是有效的金额/],
    ['5.', /不是有效的金额/],
    ['1 2', /不是有效的金额/],
    ['$5', /不是有效的金额/],
    ['¥1e3', /不是有效的金额/],
  ])('rejects %j with a reason', (text, zh) => {
    const r = parseMoney(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason['zh-CN']).toMatch(zh);
      expect(r.reason.en.length).toBeGreaterThan(5);
    }
  });

  it('never returns a fractional number of 分', () => {
    for (let cents = 0; cents < 1000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseMoney(text)).toEqual({ ok: true, fen: cents });
    }
  });
});

describe('formatFen', () => {
  it.each([
    [129900, undefined, '¥1,299.00'],
    [-3000, undefined, '-¥30.00'],
    [0, undefined, '¥0.00'],
    [1, undefined, '¥0.01'],
    [50, undefined, '¥0.50'],
    [123456789, undefined, '¥1,234,567.89'],
    [129900, { symbol: false }, '1299.00'],
    [-3000, { symbol: false }, '-30.00'],
    [5, { symbol: false }, '0.05'],
    [100000, { symbol: true }, '¥1,000.00'],
  ])('%i %j → %s', (fen, opts, text) => {
    expect(formatFen(fen, opts)).toBe(text);
  });

  it.each([0, 1, 99, 100, 129900, -3000, 1234567890])('round-trips %i', (fen) => {
    expect(parseMoney(formatFen(fen))).toEqual({ ok: true, fen });
    expect(parseMoney(formatFen(fen, { symbol: false }))).toEqual({ ok: true, fen });
  });
});
