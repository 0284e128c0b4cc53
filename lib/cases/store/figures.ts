/* The kept figures: per-status counters and per-status sorted deadlines, kept with every case write. */
import { CASE_STATUSES, type CaseStatus } from '../status';
import { META_COUNTS, META_DUE, OTHER_STATUS, type StatusCounts, type WriteTx } from './db';

// ---------------------------------------------------------------------------------------------
// Kept figures: per-status counters and per-status sorted deadlines

export function zeroCounts(): StatusCounts {
  const out = { [OTHER_STATUS]: 0 } as StatusCounts;
  for (const s of CASE_STATUSES) out[s] = 0;
  return out;
}

const KNOWN = new Set<string>(CASE_STATUSES);

export function statusKey(record: unknown): CaseStatus | typeof OTHER_STATUS {
  const s = (record as { status?: unknown } | null | undefined)?.status;
  return typeof s === 'string' && KNOWN.has(s) ? (s as CaseStatus) : OTHER_STATUS;
}

/** The statuses whose cases carry a running deadline (`nextDeadline`): the time-dependent kinds. */
export const DUE_STATUSES = ['reviewing', 'approved', 'confirmed', 'escalated'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];
/** Per due status, the `nextDeadline`s of its cases, ascending (what `by-status-deadline` holds, as numbers). */
export type DueLists = Record<DueStatus, Float64Array>;
const DUE_SET = new Set<string>(DUE_STATUSES);

export function deadlineOf(record: unknown): { status: DueStatus; at: number } | undefined {
  const r = record as { status?: unknown; nextDeadline?: unknown } | null | undefined;
  if (typeof r?.status !== 'string' || !DUE_SET.has(r.status)) return undefined;
  if (typeof r.nextDeadline !== 'number' || Number.isNaN(r.nextDeadline)) return undefined;
  return { status: r.status as DueStatus, at: r.nextDeadline };
}

/** How many of the ascending `list` are ≤ `now` (binary search). */
export function countUpTo(list: ArrayLike<number>, now: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type CountingStore = {
  indexNames: { contains(name: string): boolean };
  count(): Promise<number>;
  openCursor(): Promise<{ value: unknown; continue(): Promise<unknown> } | null>;
};

/**
 * Counts from the records themselves: by the status index while there is one (the upgrades up to
 * version 6; version 7 dropped it), else walking the records (a counter record gone missing).
 */
export async function recount(cases: CountingStore): Promise<StatusCounts> {
  if (!cases.indexNames.contains('by-status')) {
    const out = zeroCounts();
    for (let cursor = await cases.openCursor(); cursor; cursor = (await cursor.continue()) as typeof cursor) out[statusKey(cursor.value)]++;
    return out;
  }
  const index = (cases as unknown as { index(name: string): { count(key: CaseStatus): Promise<number> } }).index('by-status');
  const [total, ...per] = await Promise.all([cases.count(), ...CASE_STATUSES.map((s) => index.count(s))]);
  const out = zeroCounts();
  CASE_STATUSES.forEach((s, i) => (out[s] = per[i]));
  out[OTHER_STATUS] = total - per.reduce((a, b) => a + b, 0);
  return out;
}

type KeyCursor = { key: unknown; continue(): Promise<KeyCursor | null> };
export type KeyWalkingStore = {
  index(name: 'by-status-deadline'): { openKeyCursor(range: IDBKeyRange): Promise<KeyCursor | null> };
};

/** The due lists from the `[status, nextDeadline]` index, keys only (the upgrade, or a record gone missing). */
export async function recountDue(cases: KeyWalkingStore): Promise<DueLists> {
  const index = cases.index('by-status-deadline');
  const out = {} as DueLists;
  for (const s of DUE_STATUSES) {
    const at: number[] = [];
    for (let c = await index.openKeyCursor(IDBKeyRange.bound([s, -Infinity], [s, Infinity])); c; c = await c.continue()) {
      const d = (c.key as unknown[])[1];
      if (typeof d === 'number') at.push(d);
    }
    out[s] = Float64Array.from(at); // index order: already ascending
  }
  return out;
}

export function emptyDue(): DueLists {
  return Object.fromEntries(DUE_STATUSES.map((s) => [s, new Float64Array(0)])) as DueLists;
}

export function parseCounts(value: unknown): StatusCounts | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out = zeroCounts();
  for (const k of Object.keys(out) as Array<keyof StatusCounts>) {
    const n = (value as Record<string, unknown>)[k];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
    out[k] = n;
  }
  return out;
}

export function parseDue(value: unknown): DueLists | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out = {} as DueLists;
  for (const s of DUE_STATUSES) {
    const list = (value as Record<string, unknown>)[s];
    if (list instanceof Float64Array) out[s] = list;
    else if (Array.isArray(list) && list.every((x) => typeof x === 'number')) out[s] = Float64Array.from(list);
    else return undefined;
  }
  return out;
}

/** Whether replacing `before` by `after` changes no kept figure (same status, same deadline). */
export function sameFigures(before: unknown, after: unknown): boolean {
  if (statusKey(before) !== statusKey(after) || (before === undefined) !== (after === undefined)) return false;
  const a = deadlineOf(before);
  const b = deadlineOf(after);
  return a?.at === b?.at && a?.status === b?.status;
}

/**
 * The kept figures of a readwrite transaction that includes `cases` and `meta`: `move` records a
 * record replaced by another (undefined: none), `save` writes back what changed. Read at the start
 * of the transaction and written in it, so they commit or abort with the records.
 */
export async function tallyIn(tx: WriteTx): Promise<{ move(before: unknown, after: unknown): void; save(): Promise<void> }> {
  const meta = tx.objectStore('meta');
  const cases = tx.objectStore('cases');
  const [keptCounts, keptDue] = await Promise.all([meta.get(META_COUNTS), meta.get(META_DUE)]);
  const counts = parseCounts(keptCounts?.value) ?? (await recount(cases));
  const due = parseDue(keptDue?.value) ?? (await recountDue(cases as unknown as KeyWalkingStore));
  let countsDirty = false;
  // Per status: deadlines leaving (value → how many) and arriving; merged once in save().
  const gone = new Map<DueStatus, Map<number, number>>();
  const added = new Map<DueStatus, number[]>();
  return {
    move(before, after) {
      const from = before === undefined ? undefined : statusKey(before);
      const to = after === undefined ? undefined : statusKey(after);
      if (from !== to) {
        if (from !== undefined) counts[from] = Math.max(0, counts[from] - 1);
        if (to !== undefined) counts[to]++;
        countsDirty = true;
      }
      const d0 = deadlineOf(before);
      const d1 = deadlineOf(after);
      if (d0?.status === d1?.status && d0?.at === d1?.at) return;
      if (d0) {
        const m = gone.get(d0.status) ?? new Map<number, number>();
        m.set(d0.at, (m.get(d0.at) ?? 0) + 1);
        gone.set(d0.status, m);
      }
      if (d1) {
        const list = added.get(d1.status) ?? [];
        list.push(d1.at);
        added.set(d1.status, list);
      }
    },
    async save() {
      const writes: Array<Promise<unknown>> = [];
      if (countsDirty) writes.push(meta.put({ key: META_COUNTS, value: counts }));
      if (gone.size > 0 || added.size > 0) {
        for (const s of DUE_STATUSES) {
          const out = gone.get(s);
          const add = added.get(s);
          if (!out && !add) continue;
          const kept: number[] = [];
          for (const at of due[s]) {
            const n = out?.get(at) ?? 0;
            if (n > 0) out!.set(at, n - 1);
            else kept.push(at);
          }
          // A loop, not push(...add): spreading 65,000+ arguments overflows the stack.
          if (add) for (const at of add) kept.push(at);
          due[s] = Float64Array.from(kept).sort();
        }
        writes.push(meta.put({ key: META_DUE, value: due }));
      }
      await Promise.all(writes);
    },
  };
}
