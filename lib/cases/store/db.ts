/* The case database's shape: its name and version, its stores and records, the kept figures' keys. */
import type { DBSchema, IDBPTransaction, StoreNames } from 'idb';
import type { RefundCase } from '../schema';
import type { CaseStatus } from '../status';

export const DB_NAME = 'refund-helper';
/**
 * 1: cases (by-order, by-status).
 * 2: + by-after-sale, by-updated; the `submits` store (idempotency keys of recorded submits).
 * 3: + by-attention, by-deadline, by-status-updated; the `meta` store; derived fields backfilled.
 * 4: + by-status-deadline, by-status-attention; per-status counters (META_COUNTS) and sorted
 *    deadlines (META_DUE) computed.
 * 5: + the `staging` store: an import or restore that arrived in chunks through the background
 *    (unused since the options page writes large files itself).
 * 6: approved and confirmed cases re-timed: the arrival window starts at confirmation, an approved
 *    case has a confirm reminder instead (see arrivalFromConfirmation); the due lists recounted.
 * 7: − by-status, by-attention, by-deadline (the compound indexes per status serve their queries,
 *    and every case write had three more index entries to keep), − the empty `staging` store.
 */
export const DB_VERSION = 7;

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
      'by-updated': number;
      'by-status-updated': [CaseStatus, number];
      /** Due entries per status: `[s, -∞] … [s, now]` walks only the cases whose deadline passed (and, per status, the next deadline). */
      'by-status-deadline': [CaseStatus, number];
      /** Per status in attention order (rejected/failed: since when). */
      'by-status-attention': [CaseStatus, number];
    };
  };
  submits: { key: string; value: SubmitRecord };
  meta: { key: string; value: MetaRecord };
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

export type UpgradeTx = IDBPTransaction<CaseDB, StoreNames<CaseDB>[], 'versionchange'>;

export type WriteTx = IDBPTransaction<CaseDB, Array<'cases' | 'meta' | 'submits'>, 'readwrite'>;

/** Cases written per batch inside a bulk transaction: requests of a batch are issued together, not awaited one by one. */
export const BATCH = 1000;
