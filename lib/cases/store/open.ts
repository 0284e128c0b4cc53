/* Opening the case database: creating and upgrading it (the background), or reading it as it is (a page that saves a file). */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { RefundCase as RefundCaseSchema, type RefundCase } from '../schema';
import { recomputeDerived, retime } from '../model';
import { DEFAULT_DEADLINES, HOUR_MS } from '../../rules/constants';
import type { RuleSet } from '../../rules/schema';
import { CaseStore } from './case-store';
import { DB_NAME, DB_VERSION, META_COUNTS, META_DUE, type CaseDB } from './db';
import { StoreError, toStoreError } from './errors';
import { recount, recountDue, type KeyWalkingStore } from './figures';

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
 * A record from before version 6 re-timed (the arrival window now counts from confirmation): an
 * approved case loses the arrival time it got at approval and gets a confirm reminder (approval + the default hours: the setting is
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

/**
 * Each step takes the database from version `to - 1` to `to`. The steps see the database untyped:
 * the earlier ones name indexes and a store that a later one dropped.
 */
const UPGRADES: Record<number, (db: IDBPDatabase, tx: IDBPTransaction<unknown, string[], 'versionchange'>) => void | Promise<void>> = {
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
    await meta.put({ key: META_DUE, value: await recountDue(cases as unknown as KeyWalkingStore) });
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
    await tx.objectStore('meta').put({ key: META_DUE, value: await recountDue(cases as unknown as KeyWalkingStore) });
  },
  7(db, tx) {
    // Records and the kept figures are unchanged; only index entries go.
    const cases = tx.objectStore('cases');
    for (const name of ['by-status', 'by-attention', 'by-deadline']) if (cases.indexNames.contains(name)) cases.deleteIndex(name);
    if (db.objectStoreNames.contains('staging')) db.deleteObjectStore('staging');
  },
};

/** The open request of this version, or undefined when the factory throws (then `reject` was called). */
function openRequest(factory: IDBFactory, name: string, reject: (e: unknown) => void): IDBOpenDBRequest | undefined {
  try {
    return factory.open(name, DB_VERSION);
  } catch (e) {
    reject(toStoreError(e));
    return undefined;
  }
}

/**
 * A connection for an extension page (the case list reading, the options page saving a file or
 * writing an import or restore, see transfer.ts): it opens the database only as the background
 * made it, never creates or upgrades it (the background owns the schema), and closes as soon as
 * another version wants the database.
 */
export function openExisting(name: string = DB_NAME, factory: IDBFactory = indexedDB): Promise<CaseStore> {
  return new Promise<CaseStore>((resolve, reject) => {
    const request = openRequest(factory, name, reject);
    if (!request) return;
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
export function openStore(name: string = DB_NAME, factory: IDBFactory = indexedDB, opts: OpenOptions = {}): Promise<CaseStore> {
  return new Promise<CaseStore>((resolve, reject) => {
    const request = openRequest(factory, name, reject);
    if (!request) return;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(toStoreError(e));
    };
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as IDBPDatabase;
      const tx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
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
