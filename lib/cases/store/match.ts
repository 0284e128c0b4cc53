/*
 * Which stored case each row of a page is (see identity.ts pickCase), for a whole page at once.
 * A refund list of 1,000 rows asked the index once per row (by after-sale number, then by order):
 * up to 2,000 requests in one transaction, each a round trip into the browser's database. Here the
 * rows' keys are sorted and read as key ranges, a run of RUN keys per request, so 1,000 rows take
 * ~10 requests per index.
 */
import type { RefundCase } from '../schema';
import { sortByCreated } from './queries';

/** What a row says about which case it is (see identity.ts pickCase). */
export type MatchKey = { orderId?: string; afterSaleId?: string; appliedAt?: number };
/** Chooses the case of a key whose after-sale number no case has (or that has none) among its order's cases, oldest first. */
export type Picker = (orderCases: RefundCase[], key: MatchKey) => RefundCase | undefined;

type RangeIndex = { getAll(query: IDBKeyRange | string, count?: number): Promise<RefundCase[]> };
export type MatchingStore = { index(name: 'by-after-sale' | 'by-order'): RangeIndex };

/** Sorted keys per ranged read. */
export const RUN = 100;
/**
 * A ranged read stops after 2 × its keys + SLACK records: a range that also spans many cases of
 * other orders (a sparse page) costs at most that much, and its remaining keys are read one by one.
 */
const SLACK = 50;

/** The records of `index` under each of `wanted` (strings, an index over the field `field`). */
export async function readByKeys(index: RangeIndex, field: 'orderId' | 'afterSaleId', wanted: Iterable<string>): Promise<Map<string, RefundCase[]>> {
  // Plain string order is the database's order of string keys (UTF-16 code units).
  const keys = [...new Set(wanted)].sort();
  const out = new Map<string, RefundCase[]>(keys.map((k) => [k, []]));
  const runs: string[][] = [];
  for (let i = 0; i < keys.length; i += RUN) runs.push(keys.slice(i, i + RUN));
  await Promise.all(
    runs.map(async (run) => {
      const limit = 2 * run.length + SLACK;
      const found = run.length === 1 ? await index.getAll(run[0]) : await index.getAll(IDBKeyRange.bound(run[0], run[run.length - 1]), limit);
      // Cut short: the records under the last key read may be incomplete, so from that key on, one read per key.
      const last = found.length >= limit && run.length > 1 ? found[found.length - 1][field] : undefined;
      for (const c of found) {
        const k = c[field];
        if (k !== undefined && (last === undefined || k < last)) out.get(k)?.push(c);
      }
      if (last !== undefined) {
        await Promise.all(run.filter((k) => k >= last).map(async (k) => out.set(k, await index.getAll(k))));
      }
    }),
  );
  return out;
}

/**
 * Each key's case: the one with its after-sale number (the number is the identity), else the one
 * the picker chooses among its order's (`claimed`: a key with a number no case has). Every read
 * is done before any write of the caller's transaction, so all are judged on the stored copies.
 */
export async function matchAll(store: MatchingStore, keys: readonly MatchKey[], pick: Picker): Promise<Array<{ case?: RefundCase; claimed: boolean }>> {
  const numbers = await readByKeys(
    store.index('by-after-sale'),
    'afterSaleId',
    keys.flatMap((k) => (k.afterSaleId ? [k.afterSaleId] : [])),
  );
  const hitOf = (k: MatchKey) => (k.afterSaleId ? numbers.get(k.afterSaleId)?.[0] : undefined);
  const orders = await readByKeys(
    store.index('by-order'),
    'orderId',
    keys.flatMap((k) => (!hitOf(k) && k.orderId ? [k.orderId] : [])),
  );
  for (const list of orders.values()) sortByCreated(list);
  return keys.map((key) => {
    const hit = hitOf(key);
    // A copy of the order's list per key: a picker may not reorder what another key is given.
    const picked = hit || !key.orderId ? hit : pick([...(orders.get(key.orderId) ?? [])], key);
    return { case: picked, claimed: !hit && !!picked && !!key.afterSaleId };
  });
}
