/*
 * A page's rows matched to their cases a page at a time (lib/cases/store/match.ts): the same cases
 * as asking the indexes row by row, whether the rows' keys are dense among the stored cases or
 * spread over many other orders; and a refund list of 1,000 rows applied in one report.
 */
import { describe, expect, it, vi } from 'vitest';
import { pickCase } from '../../lib/cases/identity';
import { observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CaseService } from '../../lib/cases/service';
import type { CaseStore, MatchKey } from '../../lib/cases/store';
import { readByKeys, RUN } from '../../lib/cases/store/match';
import { HOUR, makeCase, rules, storesPerTest, T0 } from './helpers/cases';

const { store } = storesPerTest();

const order = (i: number) => `24${String(i).padStart(8, '0')}`;

/** The rule as documented (identity.ts), asked of the store one row at a time. */
async function oneByOne(s: CaseStore, key: MatchKey): Promise<RefundCase | undefined> {
  const hit = key.afterSaleId ? await s.getByAfterSale(key.afterSaleId) : undefined;
  return hit || !key.orderId ? hit : pickCase(await s.getByOrder(key.orderId), key);
}

describe('matching a page of rows to cases', () => {
  it('finds for every row the case a row-by-row lookup finds: numbered, by order, an order with two applications, unknown rows', async () => {
    const s = await store();
    const cases: RefundCase[] = [];
    for (let i = 0; i < 600; i++) {
      // Every 7th case already has its after-sale number; every 11th order had an earlier, rejected application.
      cases.push(makeCase(order(i), T0 + i, i % 7 === 0 ? { afterSaleId: `AS${i}` } : {}, `c${i}`));
      if (i % 11 === 0) cases.push(observe(makeCase(order(i), T0 - HOUR + i, { afterSaleId: `OLD${i}` }, `old${i}`), 'rejected', rules, T0).case);
    }
    await s.importMany(cases);
    const keys: MatchKey[] = [];
    for (let i = 0; i < 650; i++) keys.push({ orderId: order(i), afterSaleId: i % 3 === 0 ? `AS${i}` : undefined, appliedAt: T0 + HOUR });
    keys.push({ afterSaleId: 'OLD22' }, { afterSaleId: 'nobody' }, { orderId: order(11), afterSaleId: 'OLD11' }, {});
    const got = await s.lookup(keys, pickCase);
    const want = await Promise.all(keys.map((k) => oneByOne(s, k)));
    expect(got.map((c) => c?.id)).toEqual(want.map((c) => c?.id));
    expect(got.filter(Boolean).length).toBeGreaterThan(600);
  });

  it('rows spread thinly over many other orders: a ranged read cut short reads the rest key by key, nothing missed', async () => {
    const s = await store();
    // 40 rows' orders among 4,000 other orders that sort between them.
    const cases: RefundCase[] = [];
    for (let i = 0; i < 4_000; i++) cases.push(makeCase(order(i), T0, {}, `x${i}`));
    await s.importMany(cases);
    const wanted = Array.from({ length: 40 }, (_, k) => order(k * 100 + 3));
    const index = s.db.transaction('cases').store.index('by-order');
    const getAll = vi.spyOn(index, 'getAll');
    const found = await readByKeys(index, 'orderId', [...wanted, 'nope']);
    expect([...found.entries()].filter(([, list]) => list.length === 1).map(([k]) => k)).toEqual(wanted);
    expect(found.get('nope')).toEqual([]);
    expect(found.get(wanted[0])![0].id).toBe('x3');
    // One ranged read, cut short after 2 × its 41 keys + 50 records; the other keys one by one.
    expect(getAll.mock.calls.length).toBeLessThan(wanted.length + 2);
  });

  it(`reads ${RUN} rows' keys per request, not a request per row`, async () => {
    const s = await store();
    await s.importMany(Array.from({ length: 1_000 }, (_, i) => makeCase(order(i), T0, {}, `d${i}`)));
    const index = s.db.transaction('cases').store.index('by-order');
    const getAll = vi.spyOn(index, 'getAll');
    const found = await readByKeys(
      index,
      'orderId',
      Array.from({ length: 1_000 }, (_, i) => order(i)),
    );
    expect([...found.values()].every((list) => list.length === 1)).toBe(true);
    expect(getAll).toHaveBeenCalledTimes(1_000 / RUN);
  });
});

describe('a refund list of 1,000 rows in one report', () => {
  const STATUSES = ['reviewing', 'approved', 'confirmed', 'rejected', 'failed', 'refunded', 'refunded', 'refunded'] as const;
  const rows = () =>
    Array.from({ length: 1_000 }, (_, i) => ({ orderId: order(i), afterSaleId: `L${i}`, status: STATUSES[i % STATUSES.length], appliedAt: T0 + i }));

  it('gives every listed case its number and status, rev + 1 and a history entry each; the same list again changes nothing', async () => {
    const s = await store();
    await s.importMany(Array.from({ length: 1_000 }, (_, i) => makeCase(order(i), T0 + i, {}, `r${i}`)));
    const svc = new CaseService(s);
    const first = await svc.reportPage(rows(), { now: T0 + HOUR, rules });
    expect(first.matched).toBe(1_000);
    expect(first.changes).toHaveLength(1_000);
    expect(first.changes.filter((ch) => ch.from !== ch.to)).toHaveLength(875); // 125 rows are still 审核中: only their number is new
    const sample = (await s.get('r9'))!;
    expect(sample).toMatchObject({ afterSaleId: 'L9', status: 'approved', rev: 1 });
    expect(sample.history.map((h) => h.to)).toEqual(['reviewing', 'approved']);
    expect(await s.countByStatus()).toMatchObject({ reviewing: 125, approved: 125, confirmed: 125, rejected: 125, failed: 125, refunded: 375 });

    // A revisit: every row's case already shows what the row shows, so nothing is written.
    const again = await svc.reportPage(rows(), { now: T0 + 2 * HOUR, rules });
    expect(again).toEqual({ matched: 1_000, changes: [] });
    expect(await s.get('r9')).toEqual(sample);
  });
});
