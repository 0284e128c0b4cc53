/*
 * The case store: the only IndexedDB code in the extension (idb 8). The background is its main
 * user; extension pages read it directly (the case list, a saved file), and the options page
 * writes a large import or restore itself (writeFile: no copy of the file through runtime
 * messages), then asks the background to recount. Every query the badge and the popup need goes through an index or the kept counters, so
 * their cost does not grow with the number of stored cases (the product is held to 50,000 cases).
 *
 * Kept figures: Chromium's IndexedDB `count()` walks the entries of its range (10 status counts
 * over 50,000 cases: ~0.5 s; even the due entries of a key range: ~40 ms). So the number of cases
 * per status, and per time-dependent status the sorted list of their next deadlines, are kept in
 * the `meta` store and changed in the SAME readwrite transaction as every case write (put, insert,
 * updateMatching, importMany, replaceAll, writeFile, clear, the upgrade): a worker or page killed
 * mid-write aborts the transaction, figures included, so they cannot drift from the records. The badge then reads
 * two small records: counts from the counters, "how many are due at now" by binary search.
 *
 * By concern: db.ts (the database's shape), open.ts (open, create, upgrade), errors.ts (failures
 * in the merchant's words, transaction helpers), figures.ts (the kept figures), case-store.ts
 * (CaseStore: single-case writes and matching) on top of queries.ts (reads) and bulk.ts (bulk
 * writes: a file's import or restore, chunk by chunk in one transaction). Importers use this index only.
 */
export * from './db';
export { StoreError, type StoreErrorCode } from './errors';
export { countUpTo, DUE_STATUSES, type DueLists, type DueStatus } from './figures';
export * from './case-store';
export { CaseQueries, type AttentionFigures } from './queries';
export { BulkStore, type Chunk, type NextChunk, type WriteFileOptions } from './bulk';
export { openExisting, openStore, type OpenOptions } from './open';
