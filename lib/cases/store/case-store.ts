/* The case store's reads and single-case writes; bulk writes come from BulkStore (bulk.ts). */
import type { RefundCase } from '../schema';
import type { CaseStatus } from '../status';
import { standingClaims } from '../identity';
import { META_COUNTS, META_DUE, type WriteTx } from './db';
import { allOf, atomically, guard, StoreError } from './errors';
import { emptyDue, sameFigures, tallyIn, zeroCounts } from './figures';
import { matchAll, type MatchKey, type Picker } from './match';
import { CaseQueries, sortByCreated } from './queries';

export interface ListOptions {
  status?: CaseStatus;
  limit?: number;
  offset?: number;
}

export interface InsertOptions {
  /** Idempotency key of the submit that creates the case. */
  submitId?: string;
  /** Given the order's existing cases, the one that makes this insert a duplicate (if any). */
  findDuplicate?: (existing: RefundCase[]) => RefundCase | undefined;
  /**
   * Given the order's existing cases and the new one: the new one to store and the earlier case it
   * follows, changed (linked, closed), written in the same transaction.
   */
  follow?: (existing: RefundCase[], fresh: RefundCase) => { fresh: RefundCase; previous?: RefundCase };
  now?: number;
}

export type { MatchKey, Picker } from './match';

export type InsertResult = { kind: 'created'; case: RefundCase } | { kind: 'same-submit'; case: RefundCase } | { kind: 'duplicate'; case: RefundCase };

export class CaseStore extends CaseQueries {
  close(): void {
    this.db.close();
  }

  get(id: string): Promise<RefundCase | undefined> {
    return guard(() => this.db.get('cases', id));
  }

  /** Every case of the order (an order may have an earlier, terminal case), oldest first. */
  getByOrder(orderId: string): Promise<RefundCase[]> {
    return guard(async () => sortByCreated(await this.db.getAllFromIndex('cases', 'by-order', orderId)));
  }

  getByAfterSale(afterSaleId: string): Promise<RefundCase | undefined> {
    return guard(() => this.db.getFromIndex('cases', 'by-after-sale', afterSaleId));
  }

  /**
   * Writes one case in one transaction, refusing a lost update: the stored case must still be at
   * `expectRev` (null: must not exist yet). The stored copy gets `rev = expectRev + 1`.
   */
  put(next: RefundCase, expectRev: number | null): Promise<RefundCase> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
      const cases = tx.objectStore('cases');
      return atomically(tx, async () => {
        const current = await cases.get(next.id);
        if (expectRev === null ? current !== undefined : current?.rev !== expectRev) {
          throw new StoreError(expectRev === null ? 'exists' : 'conflict');
        }
        const saved: RefundCase = { ...next, rev: expectRev === null ? next.rev : expectRev + 1 };
        if (sameFigures(current, saved)) {
          await cases.put(saved);
        } else {
          const tally = await tallyIn(tx as WriteTx);
          await cases.put(saved);
          tally.move(current, saved);
          await tally.save();
        }
        return saved;
      });
    });
  }

  /**
   * Creates a case unless its submit was already recorded (→ the case of that submit) or the
   * order already has a case `findDuplicate` picks (→ that case). Check and write are one
   * transaction, so two tabs submitting at once cannot both create.
   */
  insert(c: RefundCase, opts: InsertOptions = {}): Promise<InsertResult> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits', 'meta'], 'readwrite');
      const cases = tx.objectStore('cases');
      const submits = tx.objectStore('submits');
      return atomically(tx, async () => {
        let result: InsertResult | undefined;
        if (opts.submitId) {
          const seen = await submits.get(opts.submitId);
          const prior = seen && (await cases.get(seen.caseId));
          if (prior) result = { kind: 'same-submit', case: prior };
        }
        const existing = opts.findDuplicate || opts.follow ? sortByCreated(await cases.index('by-order').getAll(c.orderId)) : [];
        if (!result && opts.findDuplicate) {
          const dup = opts.findDuplicate(existing);
          if (dup) result = { kind: 'duplicate', case: dup };
        }
        if (!result) {
          if (await cases.getKey(c.id)) throw new StoreError('exists');
          const { fresh, previous } = opts.follow ? opts.follow(existing, c) : { fresh: c };
          const tally = await tallyIn(tx as WriteTx);
          await cases.add(fresh);
          tally.move(undefined, fresh);
          const before = previous && existing.find((e) => e.id === previous.id);
          if (previous && before) {
            const saved = { ...previous, rev: before.rev + 1 };
            await cases.put(saved);
            tally.move(before, saved);
          }
          await tally.save();
          result = { kind: 'created', case: fresh };
        }
        if (opts.submitId && result.kind !== 'same-submit') {
          await submits.put({ submitId: opts.submitId, caseId: result.case.id, at: opts.now ?? c.createdAt });
        }
        return result;
      });
    });
  }

  /**
   * For each key, its case: by after-sale number, else the order's case `pick` chooses. One read
   * transaction for the whole batch (a refund list of 1,000 rows is one call).
   */
  lookup(keys: readonly MatchKey[], pick: Picker): Promise<Array<RefundCase | undefined>> {
    return guard(async () => {
      const tx = this.db.transaction('cases');
      return (await matchAll(tx.store, keys, pick)).map((f) => f.case);
    });
  }

  /**
   * Read–change–write of many cases in ONE readwrite transaction (a refund list of 1,000 rows is
   * one commit, not 1,000). Each key is matched like `lookup` (after-sale number, else the order's
   * case `pick` chooses, both judged on the stored copies as the transaction began); `step` then
   * gets the latest copy of the matched case (an earlier key of the batch may have changed it)
   * and returns the next one, or undefined for no change (a key whose after-sale number differs from
   * the one an earlier key gave that copy is not matched). Every change is stored with rev + 1, and
   * the counters follow in the same transaction. Nothing else can write in between (IndexedDB runs
   * overlapping readwrite transactions one at a time), and a writer that read a case before this
   * batch sees a rev conflict on its own write, so no update is lost either way.
   */
  updateMatching(
    keys: readonly MatchKey[],
    pick: Picker,
    step: (current: RefundCase, index: number) => RefundCase | undefined,
  ): Promise<{ matched: number; changes: Array<{ index: number; before: RefundCase; after: RefundCase }> }> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
      const cases = tx.objectStore('cases');
      return atomically(tx, async () => {
        const [tally, found] = await Promise.all([tallyIn(tx as WriteTx), matchAll(cases, keys, pick)]);
        // Rows with different unknown numbers claiming one case: only the one standingClaims keeps.
        const claimed = found.flatMap((f, index) =>
          f.claimed ? [{ index, claim: { caseId: f.case!.id, afterSaleId: keys[index].afterSaleId, appliedAt: keys[index].appliedAt } }] : [],
        );
        const stands = standingClaims(claimed.map((c) => c.claim));
        const targets = found.map((f) => f.case);
        claimed.forEach((c, k) => {
          if (!stands[k]) targets[c.index] = undefined;
        });
        const stored = new Map<string, RefundCase>(); // as read: the counters move from these
        const latest = new Map<string, RefundCase>();
        const changes: Array<{ index: number; before: RefundCase; after: RefundCase }> = [];
        let matched = 0;
        targets.forEach((target, index) => {
          if (!target) return;
          const before = latest.get(target.id) ?? target;
          // An earlier row of this batch gave the case its number: a row with another number is another application.
          const number = keys[index].afterSaleId;
          if (number && before.afterSaleId && before.afterSaleId !== number) return;
          matched++;
          if (!stored.has(target.id)) stored.set(target.id, target);
          const next = step(before, index);
          if (!next) return;
          const after: RefundCase = { ...next, id: before.id, rev: before.rev + 1 };
          latest.set(after.id, after);
          changes.push({ index, before, after });
        });
        const writes: Array<Promise<unknown>> = [];
        for (const [id, after] of latest) {
          writes.push(cases.put(after));
          tally.move(stored.get(id), after);
        }
        await Promise.all([...writes, tally.save()]);
        return { matched, changes };
      });
    });
  }

  /**
   * Read–change–write of the cases `ids` in ONE readwrite transaction (the deadline sweep and a
   * re-timing write a batch per commit, not one per case): `step` gets the stored copy and returns
   * the next one, or undefined for no change. Every change is stored with rev + 1 and the kept
   * figures follow in the same transaction; all of the batch or none of it. A writer that read one
   * of these cases before sees a rev conflict on its own write and re-reads. Returns the stored changes.
   */
  updateEach(ids: readonly string[], step: (current: RefundCase) => RefundCase | undefined): Promise<RefundCase[]> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'meta'], 'readwrite');
      const cases = tx.objectStore('cases');
      return atomically(tx, async () => {
        const unique = [...new Set(ids)];
        const [tally, found] = await Promise.all([tallyIn(tx as WriteTx), allOf(unique, (id) => cases.get(id))]);
        const changed: Array<{ before: RefundCase; after: RefundCase }> = [];
        for (const before of found) {
          const next = before && step(before);
          if (next) changed.push({ before: before!, after: { ...next, id: before!.id, rev: before!.rev + 1 } });
        }
        await allOf(changed, ({ after }) => cases.put(after));
        for (const { before, after } of changed) tally.move(before, after);
        await tally.save();
        return changed.map((c) => c.after);
      });
    });
  }
  clear(): Promise<number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits', 'meta'], 'readwrite');
      return atomically(tx, async () => {
        const n = await tx.objectStore('cases').count();
        await Promise.all([tx.objectStore('cases').clear(), tx.objectStore('submits').clear(), tx.objectStore('meta').clear()]);
        await Promise.all([
          tx.objectStore('meta').put({ key: META_COUNTS, value: zeroCounts() }),
          tx.objectStore('meta').put({ key: META_DUE, value: emptyDue() }),
        ]);
        return n;
      });
    });
  }

  getMeta<T>(key: string): Promise<T | undefined> {
    return guard(async () => (await this.db.get('meta', key))?.value as T | undefined);
  }

  setMeta(key: string, value: unknown): Promise<void> {
    return guard(async () => {
      await this.db.put('meta', { key, value });
    });
  }
}
