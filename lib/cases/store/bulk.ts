/* Writes of many cases: a raw bulk write, the merchant's import (merge by identity), a restore, and the chunked files staged on their way in. */
import type { IDBPDatabase } from 'idb';
import type { RefundCase } from '../schema';
import { BATCH, FileProblem, META_COUNTS, META_DUE, type CaseDB, type MergeCounts, type StagedChunk, type WriteTx } from './db';
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

  /**
   * The merchant's import: merges `cases` by identity (the case id, else its after-sale number)
   * in one transaction, all or nothing. A stored case is replaced only by a strictly newer copy
   * (updatedAt), never by an older or equal one, so importing a file twice changes nothing.
   * `prepare` turns a file entry into the record to store (history, derived fields).
   */
  mergeMany(cases: RefundCase[], prepare: (c: RefundCase) => RefundCase): Promise<MergeCounts> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
      return atomically(tx, async () => {
        const merge = await merger(tx as WriteTx, prepare);
        for (let i = 0; i < cases.length; i += BATCH) await merge.batch(cases.slice(i, i + BATCH), i);
        return merge.finish();
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

  // ---- chunked import and restore ------------------------------------------------------------

  /**
   * Keeps one validated chunk of a file until commitStaged. The first chunk of a session drops
   * whatever an earlier, unfinished session left (a closed page, a killed worker).
   */
  stage(chunk: Omit<StagedChunk, 'at'>, now: number): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction('staging', 'readwrite');
      await atomically(tx, async () => {
        if (chunk.seq === 0) await tx.store.clear();
        await tx.store.put({ ...chunk, at: now });
      });
    });
  }

  /** How many cases the session has staged (and in how many chunks). */
  stagedCount(session: string): Promise<{ chunks: number; cases: number }> {
    return guard(async () => {
      const tx = this.db.transaction('staging');
      let chunks = 0;
      let cases = 0;
      for (let c = await tx.store.openCursor(sessionRange(session)); c; c = await c.continue()) {
        chunks++;
        cases += c.value.count;
      }
      return { chunks, cases };
    });
  }

  discardStaged(session?: string): Promise<void> {
    return guard(async () => {
      const tx = this.db.transaction('staging', 'readwrite');
      await atomically(tx, () => (session === undefined ? tx.store.clear() : tx.store.delete(sessionRange(session))));
    });
  }

  /**
   * Commits a staged session in ONE transaction with the cases (all or nothing, chunk by chunk so
   * only one chunk is in memory at a time), and drops it from staging in the same transaction.
   * `merge`: like mergeMany; `replace`: like replaceAll. A file entry whose id or after-sale
   * number repeats an earlier one aborts it with a FileProblem.
   */
  commitStaged(session: string, mode: 'merge', prepare: (c: RefundCase) => RefundCase): Promise<MergeCounts>;
  commitStaged(session: string, mode: 'replace', prepare: (c: RefundCase) => RefundCase): Promise<number>;
  commitStaged(session: string, mode: 'merge' | 'replace', prepare: (c: RefundCase) => RefundCase): Promise<MergeCounts | number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits', 'meta', 'staging'], 'readwrite');
      return atomically(tx, async () => {
        const staging = tx.objectStore('staging');
        const seen = duplicateCheck();
        const sink = mode === 'merge' ? await merger(tx as unknown as WriteTx, prepare) : await replacer(tx as unknown as WriteTx);
        // Pipelined: a chunk is parsed (and, for a restore, prepared) while the database writes the
        // previous one; each chunk's lookups and writes start only once the previous chunk's writes
        // are done, so it sees them. One chunk's writes pending at a time: memory stays bounded.
        let pending: Promise<unknown> = Promise.resolve();
        for (let c = await staging.openCursor(sessionRange(session)); c; ) {
          const { json, offset } = c.value;
          const advancing = c.continue(); // asked for before this chunk's writes: requests run in order
          advancing.catch(() => {}); // a refused chunk aborts the transaction, and this with it
          const cases = JSON.parse(json) as RefundCase[];
          cases.forEach((x, k) => seen(x, offset + k));
          const prepared = mode === 'replace' ? cases.map(prepare) : cases;
          await pending;
          pending = mode === 'merge' ? sink.batch(cases, offset) : (sink as Awaited<ReturnType<typeof replacer>>).batch(prepared);
          pending.catch(() => {}); // awaited on the next turn; a failure aborts the transaction
          c = await advancing;
        }
        await pending;
        await staging.delete(sessionRange(session));
        return sink.finish();
      });
    });
  }

  /** Deletes every case and idempotency key. Returns how many cases there were. */
}

export function sessionRange(session: string): IDBKeyRange {
  return IDBKeyRange.bound([session, -Infinity], [session, Infinity]);
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

/** Merge by identity inside `tx`, batch by batch (see CaseStore.mergeMany). */
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
      await allOf(writes, (c) => store.put(c));
    },
    async finish(): Promise<MergeCounts> {
      await tally.save();
      return counts;
    },
  };
}

/** Replace every case inside `tx`, batch by batch (see CaseStore.replaceAll); the figures are counted afresh. */
export async function replacer(tx: WriteTx) {
  const store = tx.objectStore('cases');
  await Promise.all([store.clear(), tx.objectStore('submits').clear()]);
  const counts = zeroCounts();
  const due = Object.fromEntries(DUE_STATUSES.map((st) => [st, [] as number[]])) as Record<DueStatus, number[]>;
  let n = 0;
  return {
    async batch(cases: RefundCase[]): Promise<void> {
      await allOf(cases, (c) => store.put(c));
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
