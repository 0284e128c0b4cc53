/* Writes of many cases: a raw bulk write, a restore, and a file's import or restore written chunk by chunk (merge by identity, or replace). */
import { unwrap, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import type { RefundCase } from '../schema';
import { BATCH, FileProblem, META_COUNTS, META_DUE, type CaseDB, type MergeCounts, type WriteTx } from './db';
import { allOf, atomically, guard } from './errors';
import { deadlineOf, DUE_STATUSES, statusKey, tallyIn, zeroCounts, type DueLists, type DueStatus } from './figures';

/** The bulk writes of CaseStore (see case-store.ts), kept apart by concern. */
export class BulkStore {
  constructor(readonly db: IDBPDatabase<CaseDB>) {}

  importMany(cases: RefundCase[]): Promise<number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
      const store = tx.objectStore('cases');
      return atomically(tx, async () => {
        const tally = await tallyIn(tx as WriteTx);
        for (let i = 0; i < cases.length; i += BATCH) {
          const batch = cases.slice(i, i + BATCH);
          const current = await allOf(batch, (c) => store.get(c.id));
          await allOf(batch, (c, k) => {
            const cur = current[k];
            tally.move(cur, c);
            // Keep rev moving forward so a writer holding the old copy sees a conflict.
            return store.put(cur ? { ...c, rev: Math.max(c.rev, cur.rev + 1) } : c);
          });
        }
        await tally.save();
        return cases.length;
      });
    });
  }

  /** Replaces every case with `cases` in one transaction (a restore): all or nothing. */
  replaceAll(cases: RefundCase[]): Promise<number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits', 'meta'], 'readwrite');
      return atomically(tx, async () => {
        const replace = await replacer(tx as WriteTx);
        const last = [...new Map(cases.map((c) => [c.id, c])).values()]; // a duplicate id is one record: the last
        for (let i = 0; i < last.length; i += BATCH) await replace.batch(last.slice(i, i + BATCH));
        await replace.finish();
        return cases.length;
      });
    });
  }

  // ---- a large file, chunk by chunk --------------------------------------------------------------

  /**
   * Writes a file's cases in ONE transaction (all or nothing) as `next` hands them over: `next`
   * checks chunk k + 1 (validation, a cancel) while the database writes chunk k, so about two
   * chunks are in flight whatever the file's size. A throw from `next`, or an id or after-sale
   * number repeating an earlier entry's (FileProblem), aborts it: nothing written. `merge`: by case
   * identity (see merger); `replace`: like replaceAll. `beforeCommit` runs once every case is written, with the
   * transaction held open until it settles (a restore stores its rules there: their failure
   * aborts the cases too). `onWritten`: how many entries are written so far.
   */
  writeFile(mode: 'merge', next: NextChunk, prepare: (c: RefundCase) => RefundCase, opts?: WriteFileOptions): Promise<MergeCounts>;
  writeFile(mode: 'replace', next: NextChunk, prepare: (c: RefundCase) => RefundCase, opts?: WriteFileOptions): Promise<number>;
  writeFile(
    mode: 'merge' | 'replace',
    next: NextChunk,
    prepare: (c: RefundCase) => RefundCase,
    { beforeCommit, onWritten }: WriteFileOptions = {},
  ): Promise<MergeCounts | number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits', 'meta'], 'readwrite');
      return atomically(tx, async () => {
        const seen = duplicateCheck();
        const sink = mode === 'merge' ? await merger(tx as WriteTx, prepare) : await replacer(tx as WriteTx);
        let pending: Promise<unknown> = Promise.resolve();
        let written = 0;
        // A chunk read from a stream arrives in its own time: the transaction is held open meanwhile.
        const take = () => {
          const c = next();
          return c instanceof Promise ? heldOpen(tx as WriteTx, c) : c;
        };
        for (let chunk = await take(); chunk; ) {
          const { cases, offset } = chunk;
          cases.forEach((x, k) => seen(x, offset + k));
          const prepared = mode === 'replace' ? cases.map(prepare) : cases;
          await pending;
          if (written > 0) onWritten?.(written);
          pending = mode === 'merge' ? sink.batch(cases, offset) : (sink as Awaited<ReturnType<typeof replacer>>).batch(prepared);
          pending.catch(() => {}); // awaited on the next turn; a failure aborts the transaction
          written = offset + cases.length;
          chunk = await take(); // made while the database writes this one
        }
        await pending;
        onWritten?.(written);
        const result = await sink.finish();
        if (beforeCommit) await heldOpen(tx as WriteTx, beforeCommit());
        return result;
      });
    });
  }
}

/** One chunk of a file: validated cases, and the index in the file of the first. */
export type Chunk = { cases: RefundCase[]; offset: number };

/** The next chunk (undefined: no more), at once or when read from a stream. */
export type NextChunk = () => Chunk | undefined | Promise<Chunk | undefined>;

export interface WriteFileOptions {
  beforeCommit?: () => Promise<void>;
  onWritten?: (done: number) => void;
}

/**
 * Keeps `tx` from committing until `work` settles (a transaction commits as soon as it has no
 * request pending): a chain of one cheap read at a time. Returns what `work` gives; a failure of
 * `work` is thrown, so the caller aborts the transaction.
 */
async function heldOpen<T>(tx: WriteTx, work: Promise<T>): Promise<T> {
  let settled = false;
  const done = work.finally(() => {
    settled = true;
  });
  done.catch(() => {});
  const meta = tx.objectStore('meta');
  while (!settled) await meta.count('');
  return done;
}

/** Refuses a file entry whose id or after-sale number repeats an earlier entry's. */
export function duplicateCheck(): (c: RefundCase, index: number) => void {
  const ids = new Map<string, number>();
  const afterSales = new Map<string, number>();
  return (c, index) => {
    const first = ids.get(c.id);
    if (first !== undefined) throw new FileProblem(index, 'id', first, c.id);
    ids.set(c.id, index);
    if (c.afterSaleId) {
      const firstAs = afterSales.get(c.afterSaleId);
      if (firstAs !== undefined) throw new FileProblem(index, 'afterSaleId', firstAs, c.afterSaleId);
      afterSales.set(c.afterSaleId, index);
    }
  };
}

type Ranged = {
  getAllKeys(range: IDBKeyRange, count?: number): Promise<unknown[]>;
  getAll(range: IDBKeyRange, count?: number): Promise<RefundCase[]>;
};

/**
 * The stored cases in the key range from the least to the greatest of `keys` (ids, or after-sale
 * numbers on their index), by `keyOf`, when the range holds at most 2 per key: two range requests
 * instead of one read per key (a re-import of an export, whose chunks are id ranges of the store;
 * or a file whose keys no stored case has). Undefined when the range holds more (the stored keys
 * interleave with the file's): then each key is read on its own.
 */
async function inRange(source: Ranged, keys: string[], keyOf: (c: RefundCase) => string | undefined): Promise<Map<string, RefundCase> | undefined> {
  if (keys.length === 0) return new Map();
  const sorted = [...keys].sort();
  const range = IDBKeyRange.bound(sorted[0], sorted[sorted.length - 1]);
  const cap = 2 * keys.length;
  const stored = await source.getAllKeys(range, cap + 1);
  if (stored.length > cap) return undefined;
  const out = new Map<string, RefundCase>();
  if (stored.length > 0) for (const c of await source.getAll(range)) out.set(keyOf(c) ?? '', c);
  return out;
}

/** For each file entry, the stored case with its id, else the one with its after-sale number. */
async function storedMatches(
  store: Ranged & { get(id: string): Promise<RefundCase | undefined> },
  byAfterSale: Ranged & { get(key: string): Promise<RefundCase | undefined> },
  cases: RefundCase[],
): Promise<Array<RefundCase | undefined>> {
  const numbers = cases.flatMap((c) => (c.afterSaleId ? [c.afterSaleId] : []));
  const [byId, byNumber] = await Promise.all([
    inRange(
      store,
      cases.map((c) => c.id),
      (c) => c.id,
    ),
    inRange(byAfterSale, numbers, (c) => c.afterSaleId),
  ]);
  return allOf(cases, async (c) => {
    const hit = byId ? byId.get(c.id) : await store.get(c.id);
    if (hit || !c.afterSaleId) return hit;
    return byNumber ? byNumber.get(c.afterSaleId) : byAfterSale.get(c.afterSaleId);
  });
}

/**
 * Puts every record with the plain request API and settles when the last one has (a
 * transaction's requests complete in order; a failed one aborts the transaction, and the last
 * one then fails too): no promise and listeners per record, which 200,000 records notice.
 */
function putAll(store: IDBPObjectStore<CaseDB, Array<'cases' | 'meta' | 'submits'>, 'cases', 'readwrite'>, records: readonly RefundCase[]): Promise<void> {
  if (records.length === 0) return Promise.resolve();
  const raw = unwrap(store) as IDBObjectStore;
  return new Promise<void>((resolve, reject) => {
    let last: IDBRequest | undefined;
    try {
      for (const r of records) last = raw.put(r);
    } catch (e) {
      reject(e); // a record the store cannot take (a DataError): the caller aborts the transaction
      return;
    }
    last!.onsuccess = () => resolve();
    last!.onerror = () => reject(last!.error);
  });
}

/** Merge by identity inside `tx`, batch by batch: a stored case is replaced only by a strictly newer copy (updatedAt), never by an older or equal one, so importing a file twice changes nothing. */
export async function merger(tx: WriteTx, prepare: (c: RefundCase) => RefundCase) {
  const store = tx.objectStore('cases');
  const byAfterSale = store.index('by-after-sale');
  const tally = await tallyIn(tx);
  const counts: MergeCounts = { added: 0, updated: 0, skipped: 0 };
  // Into an empty store (a first import), nothing can match: no lookups. Within one merge the
  // entries' ids and after-sale numbers are distinct (duplicateCheck), so this holds throughout.
  const empty = (await store.count()) === 0;
  return {
    async batch(cases: RefundCase[], _offset: number): Promise<void> {
      const found = empty ? [] : await storedMatches(store, byAfterSale, cases);
      const writes: RefundCase[] = [];
      cases.forEach((c, k) => {
        const cur = found[k];
        if (!cur) {
          const next = prepare(c);
          writes.push(next);
          tally.move(undefined, next);
          counts.added++;
        } else if (c.updatedAt > cur.updatedAt) {
          // The stored identity stays (a match by after-sale number keeps the stored id); rev moves on.
          const next = { ...prepare(c), id: cur.id, rev: Math.max(c.rev, cur.rev + 1) };
          writes.push(next);
          tally.move(cur, next);
          counts.updated++;
        } else counts.skipped++;
      });
      await putAll(store, writes);
    },
    async finish(): Promise<MergeCounts> {
      await tally.save();
      return counts;
    },
  };
}

/** Replace every case inside `tx`, batch by batch; the figures are counted afresh. */
export async function replacer(tx: WriteTx) {
  const store = tx.objectStore('cases');
  await Promise.all([store.clear(), tx.objectStore('submits').clear()]);
  const counts = zeroCounts();
  const due = Object.fromEntries(DUE_STATUSES.map((st) => [st, [] as number[]])) as Record<DueStatus, number[]>;
  let n = 0;
  return {
    async batch(cases: RefundCase[]): Promise<void> {
      await putAll(store, cases);
      for (const c of cases) {
        n++;
        counts[statusKey(c)]++;
        const d = deadlineOf(c);
        if (d) due[d.status].push(d.at);
      }
    },
    async finish(): Promise<number> {
      const lists = Object.fromEntries(DUE_STATUSES.map((st) => [st, Float64Array.from(due[st]).sort()])) as DueLists;
      const meta = tx.objectStore('meta');
      await Promise.all([meta.put({ key: META_COUNTS, value: counts }), meta.put({ key: META_DUE, value: lists })]);
      return n;
    },
  };
}
