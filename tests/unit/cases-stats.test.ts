import { describe, expect, it } from 'vitest';
import { applyAction, createCase, observe } from '../../lib/cases/model';
import { selectRows, toRow, wasOverdue, type CaseRow } from '../../lib/cases/rows';
import type { RefundCase } from '../../lib/cases/schema';
import { computeStats, quantile, weekStart } from '../../lib/cases/stats';
import { defaultRules } from '../../lib/rules/defaults';

const rules = defaultRules();
const H = 3_600_000;
const DAY = 24 * H;
/** Monday 2026-11-02 00:00 China time. */
const MON = Date.UTC(2026, 10, 1, 16);

let seq = 0;
function applied(
  at: number,
  over: Partial<{ orderId: string; reasonId: string; refundType: 'refund-only' | 'return-refund'; amount: number }> = {},
): RefundCase {
  seq++;
  return createCase(
    {
      orderId: over.orderId ?? `24${String(seq).padStart(14, '0')}`,
      refundType: over.refundType ?? 'refund-only',
      reasonId: over.reasonId ?? 'quality',
      paidAmount: over.amount ?? 1000,
    },
    rules,
    at,
    'panel',
    `case-${seq}`,
  );
}
const seen = (c: RefundCase, status: Parameters<typeof observe>[1], at: number, afterSaleId?: string) =>
  observe(c, status, rules, at, 'page', { afterSaleId }).case;
function act(c: RefundCase, action: Parameters<typeof applyAction>[1], at: number): RefundCase {
  const r = applyAction(c, action, rules, at, 'panel');
  if (!r.ok) throw new Error(r.error.en);
  return r.case;
}

describe('weekStart: weeks begin on Monday 00:00 China time', () => {
  it.each([
    ['Monday 00:00', MON, MON],
    ['Sunday 23:59', MON - 60_000, MON - 7 * DAY],
    ['Wednesday noon', MON + 2 * DAY + 12 * H, MON],
    ['the next Sunday 23:59 (15:59 UTC)', MON + 7 * DAY - 60_000, MON],
  ])('%s', (_, at, start) => expect(weekStart(at)).toBe(start));
});

describe('quantile', () => {
  it.each([
    [[], 0.5, undefined],
    [[4], 0.9, 4],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
  ])('%j at %d → %s', (xs, q, want) => (want === undefined ? expect(quantile(xs, q)).toBeUndefined() : expect(quantile(xs, q)).toBeCloseTo(want)));
});

describe('computeStats', () => {
  const now = MON + 20 * DAY;
  // Week 1: two quality cases (one approved after 10 h and confirmed 2 h later, refunded in time;
  // one rejected after 30 h), week 3: a damaged return approved after 20 h, confirmed 5 h later,
  // money not arrived past the window (overdue). Week 2: nothing.
  const a = act(seen(applied(MON + H, { amount: 12900 }), 'approved', MON + 11 * H, 'A1'), 'confirm', MON + 13 * H);
  const aDone = seen(a, 'refunded', MON + 20 * H);
  const b = seen(applied(MON + 2 * H, { amount: 5000 }), 'rejected', MON + 32 * H, 'B1');
  const c = act(
    seen(applied(MON + 14 * DAY, { reasonId: 'damaged', refundType: 'return-refund', amount: 3000 }), 'approved', MON + 14 * DAY + 20 * H),
    'confirm',
    MON + 14 * DAY + 25 * H,
  );
  const rows = [aDone, b, c].map((x) => toRow(x, now));

  it('counts and sums the cases created in the period, with empty weeks between as zeros', () => {
    const s = computeStats(rows, {}, now);
    expect(s.count).toBe(3);
    expect(s.amount).toBe(12900 + 5000 + 3000);
    expect(s.refundedAmount).toBe(12900);
    expect(s.weeks).toEqual([
      { start: MON, count: 2, amount: 17900 },
      { start: MON + 7 * DAY, count: 0, amount: 0 },
      { start: MON + 14 * DAY, count: 1, amount: 3000 },
    ]);
  });

  it('review time, rejection rate (overall and by reason), time to confirm, overdue rate', () => {
    const s = computeStats(rows, {}, now);
    expect(s.reviewHours).toEqual({ median: 20, p90: expect.closeTo(28, 5), of: 3 });
    expect(s.rejectionRate).toEqual({ value: 1 / 3, count: 1, of: 3 });
    expect(s.reasons).toEqual([
      { reasonId: 'quality', count: 2, rejection: { value: 0.5, count: 1, of: 2 } },
      { reasonId: 'damaged', count: 1, rejection: { value: 0, count: 0, of: 1 } },
    ]);
    expect(s.refundTypes).toEqual([
      { refundType: 'refund-only', count: 2 },
      { refundType: 'return-refund', count: 1 },
    ]);
    expect(s.confirmHours).toEqual({ median: 3.5, p90: expect.closeTo(4.7, 5), of: 2 });
    expect(wasOverdue(rows[2], now)).toBe(true);
    expect(s.overdueRate).toEqual({ value: 0.5, count: 1, of: 2 });
  });

  it('a period keeps only the cases created in it; an empty period has no rates, not zeros', () => {
    const s = computeStats(rows, { from: MON + 7 * DAY, to: MON + 21 * DAY }, now);
    expect(s.count).toBe(1);
    expect(s.amount).toBe(3000);
    const none = computeStats(rows, { from: MON + 100 * DAY }, now);
    expect(none).toMatchObject({ count: 0, amount: 0, weeks: [], rejectionRate: { value: undefined, of: 0 }, reviewHours: { median: undefined, of: 0 } });
  });
});

describe('selectRows: filters and sorting of the case list', () => {
  const now = MON + 3 * DAY;
  const mk = (over: Partial<CaseRow>): CaseRow => ({
    id: over.orderId!,
    orderId: '',
    status: 'reviewing',
    refundType: 'refund-only',
    reasonId: 'quality',
    createdAt: MON,
    updatedAt: MON,
    submittedAt: MON,
    rejected: false,
    ...over,
  });
  const rows = [
    mk({ orderId: '1001', afterSaleId: 'AS77', status: 'approved', attention: 'approved', amount: 500, updatedAt: MON + 3 }),
    mk({ orderId: '1002', status: 'refunded', reasonId: 'damaged', amount: 900, updatedAt: MON + 2, createdAt: MON + 2 * DAY }),
    mk({ orderId: '1003', status: 'rejected', attention: 'rejected', refundType: 'return-refund', updatedAt: MON + 1, productTitle: '纯棉 T 恤 White Tee' }),
  ];
  const ids = (f: Parameters<typeof selectRows>[1], sort: Parameters<typeof selectRows>[2] = { key: 'updatedAt', dir: 'desc' }) =>
    selectRows(rows, f, sort).map((r) => r.orderId);

  it.each([
    ['everything, newest first', {}, ['1001', '1002', '1003']],
    ['a status', { statuses: ['refunded' as const] }, ['1002']],
    ['two statuses', { statuses: ['refunded' as const, 'rejected' as const] }, ['1002', '1003']],
    ['a reason', { reasonIds: ['damaged'] }, ['1002']],
    ['a refund type', { refundType: 'return-refund' as const }, ['1003']],
    ['needs attention', { attention: true }, ['1001', '1003']],
    ['a period', { from: MON + DAY, to: now }, ['1002']],
    ['an order number part', { query: '003' }, ['1003']],
    ['an after-sale number', { query: 'AS7 7' }, ['1001']],
    ['nothing matches', { query: '9999' }, []],
    ['words of the product title', { query: ' 纯棉 T ' }, ['1003']],
    ['the product title in any case', { query: 'white tee' }, ['1003']],
    ['a title word no case has', { query: '羊毛' }, []],
  ])('%s', (_, f, want) => expect(ids(f)).toEqual(want));

  it('sorts by any column both ways; a missing amount stays last', () => {
    expect(ids({}, { key: 'amount', dir: 'asc' })).toEqual(['1001', '1002', '1003']);
    expect(ids({}, { key: 'amount', dir: 'desc' })).toEqual(['1002', '1001', '1003']);
    expect(ids({}, { key: 'orderId', dir: 'desc' })).toEqual(['1003', '1002', '1001']);
    expect(ids({}, { key: 'status', dir: 'asc' })).toEqual(['1001', '1002', '1003']);
  });
});
