/* The case store's queries: the kept figures, the attention groups, lists, search and pages. */
import type { RefundCase } from '../schema';
import { CASE_STATUSES, type CaseStatus } from '../status';
import { BulkStore } from './bulk';
import { META_COUNTS, META_DUE, type StatusCounts } from './db';
import { atomically, guard } from './errors';
import { countUpTo, DUE_STATUSES, parseCounts, parseDue, recount, recountDue, type DueLists, type KeyWalkingStore } from './figures';
import type { ListOptions } from './case-store';

const PREFIX_END = '\uffff';

/** The reads of CaseStore (see case-store.ts), kept apart by concern. */
export class CaseQueries extends BulkStore {
  /** The kept figures: two small reads in one transaction. */
  private kept(): Promise<{ counts: StatusCounts; due: DueLists }> {
    return guard(async () => {
      const tx = this.db.transaction('meta');
      const [c, d] = await Promise.all([tx.store.get(META_COUNTS), tx.store.get(META_DUE)]);
      const counts = parseCounts(c?.value);
      const due = parseDue(d?.value);
      if (counts && due) return { counts, due };
      // Only if a record went missing (they are written with every case write, but a tool may
      // write the database directly and drop them): count from the records and keep again.
      const rw = this.db.transaction(['cases', 'meta'], 'readwrite');
      return atomically(rw, async () => {
        const cases = rw.objectStore('cases');
        const meta = rw.objectStore('meta');
        const fresh = { counts: await recount(cases), due: await recountDue(cases as unknown as KeyWalkingStore) };
        await Promise.all([meta.put({ key: META_COUNTS, value: fresh.counts }), meta.put({ key: META_DUE, value: fresh.due })]);
        return fresh;
      });
    });
  }

  /** Cases per status (and OTHER_STATUS): the kept counters, one small read. */
  async statusCounts(): Promise<StatusCounts> {
    return (await this.kept()).counts;
  }

  /** Cases per status, from the kept counters (no index walk, no record read). */
  async countByStatus(): Promise<Record<CaseStatus, number>> {
    const counts = await this.statusCounts();
    return Object.fromEntries(CASE_STATUSES.map((s) => [s, counts[s]])) as Record<CaseStatus, number>;
  }

  async countStatus(status: CaseStatus): Promise<number> {
    return (await this.statusCounts())[status];
  }

  /** Every stored record (records of an unknown status included), from the counters. */
  async count(): Promise<number> {
    const counts = await this.statusCounts();
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /**
   * How many cases of `status` have their next deadline at or before `now`: a key range on
   * `[status, nextDeadline]`, so only the due entries are walked (keys only).
   */
  countDue(status: CaseStatus, now: number): Promise<number> {
    return guard(() => this.db.countFromIndex('cases', 'by-status-deadline', dueRange(status, now)));
  }

  /**
   * What the badge and the attention list are made of, without walking any index: the counters,
   * and the due counts of the time-dependent kinds (confirm reminder among approved, arrival due among confirmed,
   * review reminder among reviewing, follow-up among escalated) by binary search in the kept
   * sorted deadlines.
   */
  async attentionFigures(now: number): Promise<AttentionFigures> {
    const { counts, due } = await this.kept();
    const approvedDue = countUpTo(due.approved, now);
    return {
      counts,
      approvedDue,
      confirmedDue: countUpTo(due.confirmed, now),
      reviewingDue: countUpTo(due.reviewing, now),
      escalatedDue: countUpTo(due.escalated, now),
    };
  }

  /**
   * Up to `limit` cases of each attention group, in one read transaction, each in the popup's
   * order (deadline or since-when ascending, then id): bounded key ranges, so only what is shown
   * is read. `due`: the status's cases with next deadline ≤ now; `later`: > now; `all`: every case
   * of the status, by attentionAt.
   */
  attentionGroups(groups: ReadonlyArray<{ status: CaseStatus; which: 'due' | 'later' | 'all' }>, now: number, limit?: number): Promise<RefundCase[][]> {
    return guard(async () => {
      const store = this.db.transaction('cases').store;
      const deadline = store.index('by-status-deadline');
      const since = store.index('by-status-attention');
      return Promise.all(
        groups.map(({ status, which }) =>
          which === 'all'
            ? since.getAll(IDBKeyRange.bound([status, -Infinity], [status, Infinity]), limit)
            : deadline.getAll(which === 'due' ? dueRange(status, now) : laterRange(status, now), limit),
        ),
      );
    });
  }

  /** How many cases need attention at `now` (attentionAt ≤ now): a key range per status. */
  attentionCount(now: number): Promise<number> {
    return guard(async () => {
      const index = this.db.transaction('cases').store.index('by-status-attention');
      const per = await Promise.all(CASE_STATUSES.map((s) => index.count(dueRange(s, now))));
      return per.reduce((a, b) => a + b, 0);
    });
  }

  /** The cases needing attention at `now`, earliest first (then by id): a key range per status, merged. */
  attentionCases(now: number, limit?: number): Promise<RefundCase[]> {
    return guard(async () => {
      const index = this.db.transaction('cases').store.index('by-status-attention');
      const per = await Promise.all(CASE_STATUSES.map((s) => index.getAll(dueRange(s, now), limit)));
      const all = per.flat().sort((a, b) => (a.attentionAt ?? 0) - (b.attentionAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return limit === undefined ? all : all.slice(0, limit);
    });
  }

  async attentionIds(now: number): Promise<string[]> {
    return (await this.attentionCases(now)).map((c) => c.id);
  }

  /** The earliest stored deadline strictly after `after` (omit: the earliest of all): the first key of each status's range. */
  nextDeadline(after?: number): Promise<number | undefined> {
    return guard(async () => {
      const index = this.db.transaction('cases').store.index('by-status-deadline');
      const first = await Promise.all(
        DUE_STATUSES.map(async (s) => {
          const cursor = await index.openKeyCursor(IDBKeyRange.bound([s, after ?? -Infinity], [s, Infinity], after !== undefined, false));
          return cursor?.key[1];
        }),
      );
      const at = first.filter((x): x is number => x !== undefined);
      return at.length ? Math.min(...at) : undefined;
    });
  }

  /** Cases whose next deadline lies in (from, to], earliest first. */
  deadlinesBetween(from: number | undefined, to: number): Promise<RefundCase[]> {
    if (from !== undefined && from >= to) return Promise.resolve([]); // an empty window is not a valid key range
    return guard(async () => {
      const index = this.db.transaction('cases').store.index('by-status-deadline');
      const per = await Promise.all(DUE_STATUSES.map((s) => index.getAll(IDBKeyRange.bound([s, from ?? -Infinity], [s, to], from !== undefined, false))));
      return per.flat().sort((a, b) => (a.nextDeadline ?? 0) - (b.nextDeadline ?? 0));
    });
  }

  /** Cases whose order id or after-sale id starts with `prefix`, newest first. */
  search(prefix: string, limit = 50): Promise<RefundCase[]> {
    return guard(async () => {
      const p = prefix.trim();
      if (!p) return [];
      const range = IDBKeyRange.bound(p, p + PREFIX_END);
      const tx = this.db.transaction('cases');
      const [byOrder, byAfterSale] = await Promise.all([tx.store.index('by-order').getAll(range, limit), tx.store.index('by-after-sale').getAll(range, limit)]);
      const seen = new Map<string, RefundCase>();
      for (const c of [...byOrder, ...byAfterSale]) seen.set(c.id, c);
      return [...seen.values()].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
    });
  }

  /** A page of cases, most recently updated first (optionally of one status). */
  list({ status, limit = 50, offset = 0 }: ListOptions = {}): Promise<RefundCase[]> {
    return guard(async () => {
      const store = this.db.transaction('cases').store;
      let cursor = status
        ? await store.index('by-status-updated').openCursor(IDBKeyRange.bound([status, -Infinity], [status, Infinity]), 'prev')
        : await store.index('by-updated').openCursor(null, 'prev');
      if (cursor && offset > 0) cursor = await cursor.advance(offset);
      const out: RefundCase[] = [];
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    });
  }

  /** Up to `limit` cases in primary-key order after the id `after` (one short transaction). */
  page(after: string | undefined, limit: number): Promise<RefundCase[]> {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    return guard(() => this.db.getAll('cases', range, limit));
  }

  /** Every case, in pages by primary key (each page its own short transaction), for export. */
  async *all(pageSize = 500): AsyncGenerator<RefundCase> {
    let after: string | undefined;
    for (;;) {
      const page = await this.page(after, pageSize);
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1].id;
    }
  }

  /**
   * Writes many cases in one transaction: all or nothing. Returns how many were written. A raw
   * write (tests, the bench, recovery): the merchant's import goes through mergeMany.
   */
}

export interface AttentionFigures {
  counts: StatusCounts;
  /** Approved cases past their confirm reminder. */
  approvedDue: number;
  /** Confirmed cases past their arrival due time (overdue). */
  confirmedDue: number;
  /** Reviewing cases past their review reminder. */
  reviewingDue: number;
  /** Escalated cases past their follow-up time. */
  escalatedDue: number;
}

export function dueRange(status: CaseStatus, now: number): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, now]);
}

export function laterRange(status: CaseStatus, now: number): IDBKeyRange {
  return IDBKeyRange.bound([status, now], [status, Infinity], true, false);
}

export function sortByCreated(cases: RefundCase[]): RefundCase[] {
  return cases.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
