/*
 * The case store: the only IndexedDB code in the extension (idb 8). The background is its single
 * user; every query the badge and the popup need goes through an index or the kept counters, so
 * their cost does not grow with the number of stored cases (SPEC §7: 50,000 cases).
 *
 * Kept figures: Chromium's IndexedDB `count()` walks the entries of its range (10 status counts
 * over 50,000 cases: ~0.5 s; even the due entries of a key range: ~40 ms). So the number of cases
 * per status, and per time-dependent status the sorted list of their next deadlines, are kept in
 * the `meta` store and changed in the SAME readwrite transaction as every case write (put, insert,
 * updateMatching, importMany, replaceAll, clear, the upgrade): a worker killed mid-write aborts
 * the transaction, figures included, so they cannot drift from the records. The badge then reads
 * two small records: counts from the counters, "how many are due at now" by binary search.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LocalText } from '../i18n';
import { RefundCase as RefundCaseSchema, type RefundCase } from './schema';
import { CASE_STATUSES, type CaseStatus } from './status';
import { standingClaims } from './identity';
import { recomputeDerived, retime } from './model';
import { DEFAULT_DEADLINES, HOUR_MS } from '../rules/constants';
import type { RuleSet } from '../rules/schema';

export const DB_NAME = 'refund-helper';
/**
 * 1: cases (by-order, by-status).
 * 2: + by-after-sale, by-updated; the `submits` store (idempotency keys of recorded submits).
 * 3: + by-attention, by-deadline, by-status-updated; the `meta` store; derived fields backfilled.
 * 4: + by-status-deadline, by-status-attention; per-status counters (META_COUNTS) and sorted
 *    deadlines (META_DUE) computed.
 * 5: + the `staging` store: an import or restore that arrives in chunks (a 200,000-case file is
 *    larger than one runtime message may be) waits there until one transaction commits it.
 * 6: approved and confirmed cases re-timed: the arrival window starts at confirmation, an approved
 *    case has a confirm reminder instead (see arrivalFromConfirmation); the due lists recounted.
 */
export const DB_VERSION = 6;

/** The `meta` key of the per-status counters. */
export const META_COUNTS = 'caseCounts';
/** The `meta` key of the per-status sorted deadlines (DueLists). */
export const META_DUE = 'dueDeadlines';
/** Counter of stored records whose status is not a known one (kept as they were by an upgrade). */
export const OTHER_STATUS = '(other)';
/** Cases per status (and OTHER_STATUS), as kept in `meta`. */
export type StatusCounts = Record<CaseStatus, number> & { [OTHER_STATUS]: number };

export interface SubmitRecord {
  submitId: string;
  caseId: string;
  at: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface CaseDB extends DBSchema {
  cases: {
    key: string;
    value: RefundCase;
    indexes: {
      'by-order': string;
      'by-after-sale': string;
      'by-status': CaseStatus;
      'by-attention': number;
      'by-deadline': number;
      'by-updated': number;
      'by-status-updated': [CaseStatus, number];
      /** Due entries per status: `[s, -∞] … [s, now]` walks only the cases whose deadline passed. */
      'by-status-deadline': [CaseStatus, number];
      /** Per status in attention order (rejected/failed: since when). */
      'by-status-attention': [CaseStatus, number];
    };
  };
  submits: { key: string; value: SubmitRecord };
  meta: { key: string; value: MetaRecord };
  staging: { key: [string, number]; value: StagedChunk };
}

/** One chunk of an import or restore on its way in: validated cases, not yet part of the store. */
export interface StagedChunk {
  session: string;
  seq: number;
  /** Index in the file of the chunk's first case (for a problem's path). */
  offset: number;
  at: number;
  /** How many cases `json` holds. */
  count: number;
  /**
   * The validated cases as JSON text: a string is cloned and stored far faster than 2,000 object
   * graphs (IndexedDB's structured clone), and parsed again in milliseconds at the commit.
   */
  json: string;
}

/** What a merge did: new cases, stored ones the file's newer copy replaced, file entries not taken. */
export interface MergeCounts {
  added: number;
  updated: number;
  /** Entries of the file whose stored copy is as new or newer: the stored one is kept. */
  skipped: number;
}

/** A file refused at commit (duplicate entries across its chunks): nothing written. */
export class FileProblem extends Error {
  constructor(
    readonly index: number,
    readonly field: 'id' | 'afterSaleId',
    readonly first: number,
    readonly value: string,
  ) {
    super(`entry ${index}: duplicate ${field} ${value} (entry ${first})`);
    this.name = 'FileProblem';
  }
}

type UpgradeTx = IDBPTransaction<CaseDB, StoreNames<CaseDB>[], 'versionchange'>;

/** Cases written per batch inside a bulk transaction: requests of a batch are issued together, not awaited one by one. */
const BATCH = 1000;

/**
 * `Promise.all` over one request per item, issued together. A request that throws at once (a
 * DataError) becomes a rejection, and the others' rejections when the transaction then aborts are
 * handled, so a failing batch reports its first error and nothing else.
 */
function allOf<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const running = items.map((item, i) => {
    try {
      return fn(item, i);
    } catch (e) {
      return Promise.reject(e);
    }
  });
  for (const p of running) p.catch(() => {});
  return Promise.all(running);
}

export type StoreErrorCode = 'quota' | 'blocked' | 'version' | 'unavailable' | 'conflict' | 'exists' | 'unknown';

const MESSAGES: Record<StoreErrorCode, LocalText> = {
  quota: {
    'zh-CN': '浏览器存储空间已满，无法保存退款记录。请导出并删除旧记录后重试。',
    en: 'Browser storage is full; the refund case could not be saved. Export and delete old cases, then try again.',
  },
  blocked: {
    'zh-CN': '数据库升级被另一个打开的扩展页面阻止。请关闭退款助手的其他页面后重试。',
    en: 'The database upgrade is blocked by another open extension page. Close the other Refund Helper pages and try again.',
  },
  version: {
    'zh-CN': '数据库由更新版本的退款助手创建，当前版本无法打开。请更新扩展。',
    en: 'The database was created by a newer Refund Helper; this version cannot open it. Please update the extension.',
  },
  unavailable: {
    'zh-CN': '无法打开本地数据库（可能处于隐私模式或存储被禁用）。',
    en: 'The local database cannot be opened (private mode, or storage is disabled).',
  },
  conflict: {
    'zh-CN': '该退款记录刚被另一处修改，请重试。',
    en: 'This refund case was just changed elsewhere; please try again.',
  },
  exists: {
    'zh-CN': '已存在相同编号的退款记录。',
    en: 'A refund case with this id already exists.',
  },
  unknown: {
    'zh-CN': '本地数据库出错。',
    en: 'The local database failed.',
  },
};

/** A storage failure with a message for the merchant (zh-CN and en). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly text: LocalText;
  constructor(code: StoreErrorCode, cause?: unknown) {
    const text = MESSAGES[code];
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : cause != null ? String(cause) : '';
    super(detail ? `${text.en} (${detail})` : text.en);
    this.name = 'StoreError';
    this.code = code;
    this.text = detail && code !== 'conflict' && code !== 'exists'
      ? { 'zh-CN': `${text['zh-CN']}（${detail}）`, en: `${text.en} (${detail})` }
      : text;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StoreError('quota', e);
  if (name === 'VersionError') return new StoreError('version', e);
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError') {
    return new StoreError('unavailable', e);
  }
  return new StoreError('unknown', e);
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStoreError(e);
  }
}

/**
 * Runs `fn` in `tx` and waits for the commit; any failure aborts the transaction, so a write
 * that fails halfway leaves nothing behind (a synchronous DataError would otherwise let the
 * writes before it commit).
 */
async function atomically<T>(tx: { abort(): void; done: Promise<void> }, fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    await tx.done.catch(() => {});
    throw e;
  }
}

/**
 * Brings a record written by an earlier version up to date: schema defaults (rev, notes, history,
 * deadlines) and the derived index fields. A record that does not parse is kept as it is: an
 * upgrade never drops data.
 */
function backfill(raw: unknown): RefundCase | undefined {
  const parsed = RefundCaseSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return recomputeDerived(parsed.data);
}

/**
 * A record from before version 6 re-timed (SPEC §1 step 9): an approved case loses the arrival time
 * it got at approval and gets a confirm reminder (approval + the default hours: the setting is
 * new); a confirmed case's window is counted from when it entered confirmed (its history), with
 * the window length the case had (the merchant's setting then; the upgrade cannot read the rules).
 * Undefined: unchanged, or a record that does not parse (kept as it is).
 */
function arrivalFromConfirmation(raw: unknown): RefundCase | undefined {
  const parsed = RefundCaseSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const due = c.deadlines.arrivalDueAt;
  const hours = due !== undefined && c.approvedAt !== undefined && due > c.approvedAt ? (due - c.approvedAt) / HOUR_MS : DEFAULT_DEADLINES.arrivalWindowHours;
  const next = retime(c, { deadlines: { ...DEFAULT_DEADLINES, arrivalWindowHours: hours } } as RuleSet);
  return next === c ? undefined : next;
}

/** Each step takes the database from version `to - 1` to `to`. */
const UPGRADES: Record<number, (db: IDBPDatabase<CaseDB>, tx: UpgradeTx) => void | Promise<void>> = {
  1(db) {
    const cases = db.createObjectStore('cases', { keyPath: 'id' });
    cases.createIndex('by-order', 'orderId');
    cases.createIndex('by-status', 'status');
  },
  2(db, tx) {
    const cases = tx.objectStore('cases');
    cases.createIndex('by-after-sale', 'afterSaleId');
    cases.createIndex('by-updated', 'updatedAt');
    db.createObjectStore('submits', { keyPath: 'submitId' });
  },
  async 3(db, tx) {
    const cases = tx.objectStore('cases');
    cases.createIndex('by-attention', 'attentionAt');
    cases.createIndex('by-deadline', 'nextDeadline');
    cases.createIndex('by-status-updated', ['status', 'updatedAt']);
    db.createObjectStore('meta', { keyPath: 'key' });
    // Records from v1/v2 have no attentionAt/nextDeadline: without them they would be invisible
    // to the badge, the attention list and the deadline alarm.
    for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
      const next = backfill(cursor.value);
      if (next) await cursor.update(next);
    }
  },
  async 4(_db, tx) {
    const cases = tx.objectStore('cases');
    cases.createIndex('by-status-deadline', ['status', 'nextDeadline']);
    cases.createIndex('by-status-attention', ['status', 'attentionAt']);
    // Counted once here; from now on every write keeps them.
    const meta = tx.objectStore('meta');
    await meta.put({ key: META_COUNTS, value: await recount(cases) });
    await meta.put({ key: META_DUE, value: await recountDue(cases) });
  },
  5(db) {
    db.createObjectStore('staging', { keyPath: ['session', 'seq'] });
  },
  async 6(_db, tx) {
    const cases = tx.objectStore('cases');
    for (const status of ['approved', 'confirmed'] as const) {
      for (let cursor = await cases.index('by-status').openCursor(status); cursor; cursor = await cursor.continue()) {
        const next = arrivalFromConfirmation(cursor.value);
        if (next) await cursor.update(next);
      }
    }
    // Statuses are unchanged (the counters hold); the deadlines are not.
    await tx.objectStore('meta').put({ key: META_DUE, value: await recountDue(cases) });
  },
};

// ---------------------------------------------------------------------------------------------
// Kept figures: per-status counters and per-status sorted deadlines

function zeroCounts(): StatusCounts {
  const out = { [OTHER_STATUS]: 0 } as StatusCounts;
  for (const s of CASE_STATUSES) out[s] = 0;
  return out;
}

const KNOWN = new Set<string>(CASE_STATUSES);

function statusKey(record: unknown): CaseStatus | typeof OTHER_STATUS {
  const s = (record as { status?: unknown } | null | undefined)?.status;
  return typeof s === 'string' && KNOWN.has(s) ? (s as CaseStatus) : OTHER_STATUS;
}

/** The statuses whose cases carry a running deadline (`nextDeadline`): the time-dependent kinds. */
export const DUE_STATUSES = ['reviewing', 'approved', 'confirmed', 'escalated'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];
/** Per due status, the `nextDeadline`s of its cases, ascending (what `by-status-deadline` holds, as numbers). */
export type DueLists = Record<DueStatus, Float64Array>;
const DUE_SET = new Set<string>(DUE_STATUSES);

function deadlineOf(record: unknown): { status: DueStatus; at: number } | undefined {
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
  index(name: 'by-status'): { count(key: CaseStatus): Promise<number> };
  openCursor(): Promise<{ value: unknown; continue(): Promise<unknown> } | null>;
};

/** Counts from the records themselves (the upgrade, or a counter record gone missing). */
async function recount(cases: CountingStore): Promise<StatusCounts> {
  if (!cases.indexNames.contains('by-status')) {
    // A database some build left without its status index: walk the records.
    const out = zeroCounts();
    for (let cursor = await cases.openCursor(); cursor; cursor = (await cursor.continue()) as typeof cursor) out[statusKey(cursor.value)]++;
    return out;
  }
  const index = cases.index('by-status');
  const [total, ...per] = await Promise.all([cases.count(), ...CASE_STATUSES.map((s) => index.count(s))]);
  const out = zeroCounts();
  CASE_STATUSES.forEach((s, i) => (out[s] = per[i]));
  out[OTHER_STATUS] = total - per.reduce((a, b) => a + b, 0);
  return out;
}

type KeyCursor = { key: unknown; continue(): Promise<KeyCursor | null> };
type KeyWalkingStore = {
  index(name: 'by-status-deadline'): { openKeyCursor(range: IDBKeyRange): Promise<KeyCursor | null> };
};

/** The due lists from the `[status, nextDeadline]` index, keys only (the upgrade, or a record gone missing). */
async function recountDue(cases: KeyWalkingStore): Promise<DueLists> {
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

function emptyDue(): DueLists {
  return Object.fromEntries(DUE_STATUSES.map((s) => [s, new Float64Array(0)])) as DueLists;
}

function parseCounts(value: unknown): StatusCounts | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const out = zeroCounts();
  for (const k of Object.keys(out) as Array<keyof StatusCounts>) {
    const n = (value as Record<string, unknown>)[k];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
    out[k] = n;
  }
  return out;
}

function parseDue(value: unknown): DueLists | undefined {
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

type WriteTx = IDBPTransaction<CaseDB, Array<'cases' | 'meta' | 'submits'>, 'readwrite'>;

/** Whether replacing `before` by `after` changes no kept figure (same status, same deadline). */
function sameFigures(before: unknown, after: unknown): boolean {
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
async function tallyIn(tx: WriteTx): Promise<{ move(before: unknown, after: unknown): void; save(): Promise<void> }> {
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

/** What a row says about which case it is (see identity.ts pickCase). */
export type MatchKey = { orderId?: string; afterSaleId?: string; appliedAt?: number };
/** Chooses the case of a key whose after-sale number no case has (or that has none) among its order's cases, oldest first. */
export type Picker = (orderCases: RefundCase[], key: MatchKey) => RefundCase | undefined;

export type InsertResult =
  | { kind: 'created'; case: RefundCase }
  | { kind: 'same-submit'; case: RefundCase }
  | { kind: 'duplicate'; case: RefundCase };

const PREFIX_END = '\uffff';

export class CaseStore {
  constructor(readonly db: IDBPDatabase<CaseDB>) {}

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
      return Promise.all(keys.map((key) => matchIn(tx.store, key, pick)));
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
        const [tally, found] = await Promise.all([tallyIn(tx as WriteTx), Promise.all(keys.map((key) => matchIn(cases, key, pick, true)))]);
        // Rows with different unknown numbers claiming one case: only the one standingClaims keeps.
        const claimed = found.flatMap((f, index) => (f.claimed ? [{ index, claim: { caseId: f.case!.id, afterSaleId: keys[index].afterSaleId, appliedAt: keys[index].appliedAt } }] : []));
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
  attentionGroups(
    groups: ReadonlyArray<{ status: CaseStatus; which: 'due' | 'later' | 'all' }>,
    now: number,
    limit?: number,
  ): Promise<RefundCase[][]> {
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

  /** How many cases need attention at `now` (attentionAt ≤ now), from the index. */
  attentionCount(now: number): Promise<number> {
    return guard(() => this.db.countFromIndex('cases', 'by-attention', IDBKeyRange.upperBound(now)));
  }

  /** The cases needing attention at `now`, earliest first: a key range on `by-attention`. */
  attentionCases(now: number, limit?: number): Promise<RefundCase[]> {
    return guard(() => this.db.getAllFromIndex('cases', 'by-attention', IDBKeyRange.upperBound(now), limit));
  }

  attentionIds(now: number): Promise<string[]> {
    return guard(() => this.db.getAllKeysFromIndex('cases', 'by-attention', IDBKeyRange.upperBound(now)));
  }

  /** The earliest stored deadline strictly after `after` (omit: the earliest of all). */
  nextDeadline(after?: number): Promise<number | undefined> {
    return guard(async () => {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const cursor = await this.db.transaction('cases').store.index('by-deadline').openKeyCursor(range);
      return cursor?.key;
    });
  }

  /** Cases whose next deadline lies in (from, to]. */
  deadlinesBetween(from: number | undefined, to: number): Promise<RefundCase[]> {
    if (from !== undefined && from >= to) return Promise.resolve([]); // an empty window is not a valid key range
    const range = from === undefined ? IDBKeyRange.upperBound(to) : IDBKeyRange.bound(from, to, true, false);
    return guard(() => this.db.getAllFromIndex('cases', 'by-deadline', range));
  }

  /** Cases whose order id or after-sale id starts with `prefix`, newest first. */
  search(prefix: string, limit = 50): Promise<RefundCase[]> {
    return guard(async () => {
      const p = prefix.trim();
      if (!p) return [];
      const range = IDBKeyRange.bound(p, p + PREFIX_END);
      const tx = this.db.transaction('cases');
      const [byOrder, byAfterSale] = await Promise.all([
        tx.store.index('by-order').getAll(range, limit),
        tx.store.index('by-after-sale').getAll(range, limit),
      ]);
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
        ? await store
            .index('by-status-updated')
            .openCursor(IDBKeyRange.bound([status, -Infinity], [status, Infinity]), 'prev')
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
        const sink =
          mode === 'merge'
            ? await merger(tx as unknown as WriteTx, prepare)
            : await replacer(tx as unknown as WriteTx);
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

type MatchingStore = {
  index(name: 'by-after-sale'): { get(key: string): Promise<RefundCase | undefined> };
  index(name: 'by-order'): { getAll(key: string): Promise<RefundCase[]> };
};

/**
 * A key's case: the one with its after-sale number (the number is the identity), else the one the
 * picker chooses among its order's (`claimed`: a key with a number no case has).
 */
async function matchIn(store: MatchingStore, key: MatchKey, pick: Picker): Promise<RefundCase | undefined>;
async function matchIn(store: MatchingStore, key: MatchKey, pick: Picker, withClaim: true): Promise<{ case?: RefundCase; claimed: boolean }>;
async function matchIn(store: MatchingStore, key: MatchKey, pick: Picker, withClaim = false): Promise<unknown> {
  const hit = key.afterSaleId ? await store.index('by-after-sale').get(key.afterSaleId) : undefined;
  const picked = hit || !key.orderId ? hit : pick(sortByCreated(await store.index('by-order').getAll(key.orderId)), key);
  return withClaim ? { case: picked, claimed: !hit && !!picked && !!key.afterSaleId } : picked;
}

function sessionRange(session: string): IDBKeyRange {
  return IDBKeyRange.bound([session, -Infinity], [session, Infinity]);
}

/** Refuses a file entry whose id or after-sale number repeats an earlier entry's. */
function duplicateCheck(): (c: RefundCase, index: number) => void {
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
async function storedMatches(store: Ranged & { get(id: string): Promise<RefundCase | undefined> }, byAfterSale: Ranged & { get(key: string): Promise<RefundCase | undefined> }, cases: RefundCase[]): Promise<Array<RefundCase | undefined>> {
  const numbers = cases.flatMap((c) => (c.afterSaleId ? [c.afterSaleId] : []));
  const [byId, byNumber] = await Promise.all([inRange(store, cases.map((c) => c.id), (c) => c.id), inRange(byAfterSale, numbers, (c) => c.afterSaleId)]);
  return allOf(cases, async (c) => {
    const hit = byId ? byId.get(c.id) : await store.get(c.id);
    if (hit || !c.afterSaleId) return hit;
    return byNumber ? byNumber.get(c.afterSaleId) : byAfterSale.get(c.afterSaleId);
  });
}

/** Merge by identity inside `tx`, batch by batch (see CaseStore.mergeMany). */
async function merger(tx: WriteTx, prepare: (c: RefundCase) => RefundCase) {
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
async function replacer(tx: WriteTx) {
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

function dueRange(status: CaseStatus, now: number): IDBKeyRange {
  return IDBKeyRange.bound([status, -Infinity], [status, now]);
}

function laterRange(status: CaseStatus, now: number): IDBKeyRange {
  return IDBKeyRange.bound([status, now], [status, Infinity], true, false);
}

function sortByCreated(cases: RefundCase[]): RefundCase[] {
  return cases.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * A read-only connection for an extension page that saves a file (see transfer.ts): it opens the
 * database only as the background made it, never creates or upgrades it (the background is the
 * only writer), and closes as soon as another version wants the database.
 */
export function openReader(name: string = DB_NAME, factory: IDBFactory = indexedDB): Promise<CaseStore> {
  return new Promise<CaseStore>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      reject(toStoreError(e));
      return;
    }
    let refused = false;
    request.addEventListener('upgradeneeded', () => {
      refused = true;
      request.transaction?.abort();
    });
    request.addEventListener('error', (event) => {
      event.preventDefault();
      reject(refused ? new StoreError('unavailable') : toStoreError(request.error));
    });
    request.addEventListener('success', () => {
      const raw = request.result;
      raw.addEventListener('versionchange', () => raw.close());
      resolve(new CaseStore(wrap(raw) as unknown as IDBPDatabase<CaseDB>));
    });
  });
}

export interface OpenOptions {
  /** Called when this connection blocks a newer version (another context upgrading): it closes. */
  onVersionChange?: () => void;
}

/**
 * Opens (creating or upgrading) the case database. `factory` lets tests use a fresh
 * `new IDBFactory()` each.
 */
export function openStore(
  name: string = DB_NAME,
  factory: IDBFactory = indexedDB,
  opts: OpenOptions = {},
): Promise<CaseStore> {
  return new Promise<CaseStore>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      reject(toStoreError(e));
      return;
    }
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(toStoreError(e));
    };
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<CaseDB>;
      const tx = wrap(request.transaction!) as unknown as UpgradeTx;
      tx.done.catch(() => {}); // an aborted upgrade is reported through the request's error
      const from = event.oldVersion;
      const to = event.newVersion ?? DB_VERSION;
      // Steps run in order inside the one versionchange transaction; an async step only awaits
      // IndexedDB requests of that transaction, so it stays alive.
      void (async () => {
        try {
          for (let v = from + 1; v <= to; v++) await UPGRADES[v](db, tx);
        } catch (e) {
          try {
            tx.abort();
          } catch {
            /* already finished */
          }
          fail(e);
        }
      })();
    });
    request.addEventListener('blocked', () => {
      // Another connection on an older version did not close; the open stays pending until it
      // does. Tell the caller now, and close the connection should it open later.
      fail(new StoreError('blocked'));
    });
    request.addEventListener('error', (event) => {
      event.preventDefault();
      fail(request.error);
    });
    request.addEventListener('success', () => {
      const raw = request.result;
      if (settled) {
        raw.close();
        return;
      }
      settled = true;
      raw.addEventListener('versionchange', () => {
        raw.close();
        opts.onVersionChange?.();
      });
      resolve(new CaseStore(wrap(raw) as unknown as IDBPDatabase<CaseDB>));
    });
  });
}
