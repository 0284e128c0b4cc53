/*
 * The case store: the only IndexedDB code in the extension (idb 8). The background is its single
 * user; every query the badge and the popup need goes through an index or the kept counters, so
 * their cost does not grow with the number of stored cases (the product is held to 50,000 cases).
 *
 * Kept figures: Chromium's IndexedDB `count()` walks the entries of its range (10 status counts
 * over 50,000 cases: ~0.5 s; even the due entries of a key range: ~40 ms). So the number of cases
 * per status, and per time-dependent status the sorted list of their next deadlines, are kept in
 * the `meta` store and changed in the SAME readwrite transaction as every case write (put, insert,
 * updateMatching, importMany, replaceAll, clear, the upgrade): a worker killed mid-write aborts
 * the transaction, figures included, so they cannot drift from the records. The badge then reads
 * two small records: counts from the counters, "how many are due at now" by binary search.
 *
 * By concern: db.ts (the database's shape), open.ts (open, create, upgrade), errors.ts (failures
 * in the merchant's words, transaction helpers), figures.ts (the kept figures), case-store.ts
 * (CaseStore: single-case writes and matching) on top of queries.ts (reads) and bulk.ts (import,
 * merge, restore, staging). Importers use this index only.
 */
export * from './db';
export { StoreError, type StoreErrorCode } from './errors';
export { countUpTo, DUE_STATUSES, type DueLists, type DueStatus } from './figures';
export * from './case-store';
export { CaseQueries, type AttentionFigures } from './queries';
export { BulkStore } from './bulk';
export { openReader, openStore, type OpenOptions } from './open';
