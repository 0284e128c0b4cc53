/*
 * The case store: the only IndexedDB code in the extension (idb 8). The background is its single
 * user; every query the badge and the popup need goes through an index, so their cost does not
 * grow with the number of stored cases (SPEC §7: 50,000 cases).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LocalText } from '../i18n';
import { RefundCase as RefundCaseSchema, type RefundCase } from './schema';
import { CASE_STATUSES, type CaseStatus } from './status';
import { recomputeDerived } from './model';

export const DB_NAME = 'refund-helper';
/**
 * 1: cases (by-order, by-status).
 * 2: + by-after-sale, by-updated; the `submits` store (idempotency keys of recorded submits).
 * 3: + by-attention, by-deadline, by-status-updated; the `meta` store; derived fields backfilled.
 */
export const DB_VERSION = 3;

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
    };
  };
  submits: { key: string; value: SubmitRecord };
  meta: { key: string; value: MetaRecord };
}

type UpgradeTx = IDBPTransaction<CaseDB, StoreNames<CaseDB>[], 'versionchange'>;

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
};

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
  now?: number;
}

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
      const tx = this.db.transaction('cases', 'readwrite');
      return atomically(tx, async () => {
        const current = await tx.store.get(next.id);
        if (expectRev === null ? current !== undefined : current?.rev !== expectRev) {
          throw new StoreError(expectRev === null ? 'exists' : 'conflict');
        }
        const saved: RefundCase = { ...next, rev: expectRev === null ? next.rev : expectRev + 1 };
        await tx.store.put(saved);
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
      const tx = this.db.transaction(['cases', 'submits'], 'readwrite');
      const cases = tx.objectStore('cases');
      const submits = tx.objectStore('submits');
      return atomically(tx, async () => {
        let result: InsertResult | undefined;
        if (opts.submitId) {
          const seen = await submits.get(opts.submitId);
          const prior = seen && (await cases.get(seen.caseId));
          if (prior) result = { kind: 'same-submit', case: prior };
        }
        if (!result && opts.findDuplicate) {
          const existing = sortByCreated(await cases.index('by-order').getAll(c.orderId));
          const dup = opts.findDuplicate(existing);
          if (dup) result = { kind: 'duplicate', case: dup };
        }
        if (!result) {
          if (await cases.getKey(c.id)) throw new StoreError('exists');
          await cases.add(c);
          result = { kind: 'created', case: c };
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
  lookup(
    keys: ReadonlyArray<{ orderId?: string; afterSaleId?: string }>,
    pick: (existing: RefundCase[], orderId: string) => RefundCase | undefined,
  ): Promise<Array<RefundCase | undefined>> {
    return guard(async () => {
      const tx = this.db.transaction('cases');
      const byAfterSale = tx.store.index('by-after-sale');
      const byOrder = tx.store.index('by-order');
      return Promise.all(
        keys.map(async ({ orderId, afterSaleId }) => {
          const hit = afterSaleId ? await byAfterSale.get(afterSaleId) : undefined;
          if (hit || !orderId) return hit;
          return pick(sortByCreated(await byOrder.getAll(orderId)), orderId);
        }),
      );
    });
  }

  /** Cases per status, from the status index (one count per key; no record is read). */
  countByStatus(): Promise<Record<CaseStatus, number>> {
    return guard(async () => {
      const index = this.db.transaction('cases').store.index('by-status');
      const counts = await Promise.all(CASE_STATUSES.map((s) => index.count(s)));
      return Object.fromEntries(CASE_STATUSES.map((s, i) => [s, counts[i]])) as Record<CaseStatus, number>;
    });
  }

  countStatus(status: CaseStatus): Promise<number> {
    return guard(() => this.db.countFromIndex('cases', 'by-status', status));
  }

  count(): Promise<number> {
    return guard(() => this.db.count('cases'));
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

  /** Every case, in pages by primary key (each page its own short transaction), for export. */
  async *all(pageSize = 500): AsyncGenerator<RefundCase> {
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const page = await guard(() => this.db.getAll('cases', range, pageSize));
      yield* page;
      if (page.length < pageSize) return;
      after = page[page.length - 1].id;
    }
  }

  /** Writes many cases in one transaction: all or nothing. Returns how many were written. */
  importMany(cases: RefundCase[]): Promise<number> {
    return guard(async () => {
      const tx = this.db.transaction('cases', 'readwrite');
      return atomically(tx, async () => {
        for (const c of cases) {
          const current = await tx.store.get(c.id);
          // Keep rev moving forward so a writer holding the old copy sees a conflict.
          await tx.store.put(current ? { ...c, rev: Math.max(c.rev, current.rev + 1) } : c);
        }
        return cases.length;
      });
    });
  }

  /** Replaces every case with `cases` in one transaction (a restore): all or nothing. */
  replaceAll(cases: RefundCase[]): Promise<number> {
    return guard(async () => {
      const tx = this.db.transaction(['cases', 'submits'], 'readwrite');
      const store = tx.objectStore('cases');
      return atomically(tx, async () => {
        await Promise.all([store.clear(), tx.objectStore('submits').clear()]);
        for (const c of cases) await store.put(c);
        return cases.length;
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

function sortByCreated(cases: RefundCase[]): RefundCase[] {
  return cases.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
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
