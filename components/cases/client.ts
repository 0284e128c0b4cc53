/*
 * What the case list page needs from the rest of the extension, as an interface: the views take a
 * client and never call browser.* themselves, so tests hand them a fake. The real client is built
 * over the background's messages in entrypoints/cases/main.tsx.
 */
import type { LocalText } from '../../lib/i18n';
import { toRow, type CaseRow } from '../../lib/cases/rows';
import type { RefundCase } from '../../lib/cases/schema';
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
}): CasesClient {
  const { request } = deps;
  const now = deps.now ?? Date.now;
  return {
    async loadRows(onRows) {
      let after: string | undefined;
      do {
        const page = await unwrap(request('caseRows', { after, limit: ROWS_PAGE }));
        onRows(page.rows);
        after = page.next;
      } while (after !== undefined);
    },
    async newestRows(limit) {
      const at = now();
      return (await unwrap(request('listCases', { limit }))).items.map((c) => toRow(c, at));
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
