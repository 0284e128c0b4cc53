/*
 * What the case list page needs from the rest of the extension, as an interface: the views take a
 * client and never call browser.* themselves, so tests hand them a fake. The real client is built
 * in entrypoints/cases/main.tsx: rows are read from the extension's database directly (a
 * connection that never upgrades it, lib/cases/store/open.ts openExisting: no message per 5,000
 * rows, no waiting for the background's worker to wake), everything that writes goes through the
 * background.
 */
import type { LocalText } from '../../lib/i18n';
import { toRow, type CaseRow } from '../../lib/cases/rows';
import type { RefundCase } from '../../lib/cases/schema';
import type { CaseStore } from '../../lib/cases/store';
import { unwrap, type Request } from '../popup/client';

export type { CaseRow, RefundCase };

export interface CasesClient {
  /**
   * Every case's row, a page at a time: `onRows` gets each page as it arrives (the first rows show
   * before the last are read). Resolves when all are read.
   */
  loadRows(onRows: (rows: CaseRow[]) => void): Promise<void>;
  /** The newest cases (an index read), to show before every row is loaded. */
  newestRows(limit: number): Promise<CaseRow[]>;
  getCase(id: string): Promise<RefundCase | undefined>;
  closeCases(ids: string[]): Promise<{ closed: string[]; skipped: number }>;
  /** Builds the file and hands it to the browser's download. */
  exportCases(format: 'csv' | 'json', ids: string[]): Promise<void>;
  openOrder(caseId: string): Promise<void>;
  /** Reason id → its label, from the merchant's rules. */
  reasonLabels(): Promise<Record<string, LocalText>>;
  openOptions(): Promise<void>;
}

/** Rows per page: one message well under the browser's message size limit (~300 bytes a row). */
export const ROWS_PAGE = 5_000;

export function createCasesClient(deps: {
  request: Request;
  download(file: { filename: string; mime: string; content: string }): void;
  openOptions(): Promise<void>;
  now?(): number;
  /** A read-only connection to the database; absent, or refused (a version the background has not made yet): messages. */
  open?(): Promise<CaseStore>;
}): CasesClient {
  const { request } = deps;
  const now = deps.now ?? Date.now;
  async function reader(): Promise<CaseStore | undefined> {
    try {
      return await deps.open?.();
    } catch {
      return undefined;
    }
  }
  return {
    async loadRows(onRows) {
      const store = await reader();
      let after: string | undefined;
      try {
        do {
          if (store) {
            const at = now();
            const cases = await store.page(after, ROWS_PAGE);
            onRows(cases.map((c) => toRow(c, at)));
            after = cases.length === ROWS_PAGE ? cases[cases.length - 1].id : undefined;
          } else {
            const page = await unwrap(request('caseRows', { after, limit: ROWS_PAGE }));
            onRows(page.rows);
            after = page.next;
          }
        } while (after !== undefined);
      } finally {
        store?.close();
      }
    },
    async newestRows(limit) {
      const store = await reader();
      const at = now();
      try {
        const cases = store ? await store.list({ limit }) : (await unwrap(request('listCases', { limit }))).items;
        return cases.map((c) => toRow(c, at));
      } finally {
        store?.close();
      }
    },
    async getCase(id) {
      return (await unwrap(request('casesById', { caseIds: [id] })))[0];
    },
    closeCases: (ids) => unwrap(request('closeCases', { caseIds: ids })),
    async exportCases(format, ids) {
      deps.download(await unwrap(request('exportCases', { format, caseIds: ids })));
    },
    async openOrder(caseId) {
      await unwrap(request('openOrder', { caseId }));
    },
    async reasonLabels() {
      const { rules } = await unwrap(request('getRules'));
      return Object.fromEntries(rules.reasons.map((r) => [r.id, r.label]));
    },
    openOptions: deps.openOptions,
  };
}
