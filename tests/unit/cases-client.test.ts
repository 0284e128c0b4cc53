// The case list page's client reads its rows from the database directly, and falls back to the
// background's messages when it cannot open it (a version the background has not made yet).
import { describe, expect, it, vi } from 'vitest';
import { createCasesClient, ROWS_PAGE } from '../../components/cases/client';
import { openExisting } from '../../lib/cases/store';
import { toRow } from '../../lib/cases/rows';
import { freshStore, makeCase, T0 } from './helpers/cases';

async function seeded(n: number) {
  const { store, factory, name } = await freshStore();
  const cases = Array.from({ length: n }, (_, i) => makeCase(String(2_000_000 + i), T0 + i, {}, `case-${String(i).padStart(6, '0')}`));
  await store.importMany(cases);
  return { store, factory, name, cases };
}

describe('case list rows', () => {
  it('reads every row from the database in pages, with no message to the background', async () => {
    const { factory, name, cases } = await seeded(ROWS_PAGE * 2 + 7);
    const request = vi.fn(async () => ({ ok: false, error: { 'zh-CN': '不应发送', en: 'not expected' } }));
    const client = createCasesClient({
      request: request as never,
      download: () => {},
      openOptions: async () => {},
      now: () => T0,
      open: () => openExisting(name, factory),
    });
    const pages: number[] = [];
    const rows: string[] = [];
    await client.loadRows((page) => {
      pages.push(page.length);
      rows.push(...page.map((r) => r.id));
    });
    expect(pages).toEqual([ROWS_PAGE, ROWS_PAGE, 7]);
    expect(rows).toEqual(cases.map((c) => c.id));
    const newest = await client.newestRows(3);
    expect(newest).toEqual(
      cases
        .slice(-3)
        .reverse()
        .map((c) => toRow(c, T0)),
    );
    expect(request).not.toHaveBeenCalled();
  });

  it('asks the background when the database cannot be opened here', async () => {
    const c = makeCase('3000001', T0);
    const request = vi.fn(async (type: string) =>
      type === 'caseRows' ? { ok: true, data: { rows: [toRow(c, T0)] } } : { ok: true, data: { items: [c], total: 1 } },
    );
    const client = createCasesClient({
      request: request as never,
      download: () => {},
      openOptions: async () => {},
      now: () => T0,
      open: () => Promise.reject(new Error('version')),
    });
    const rows: string[] = [];
    await client.loadRows((page) => rows.push(...page.map((r) => r.id)));
    expect(rows).toEqual([c.id]);
    expect((await client.newestRows(5)).map((r) => r.id)).toEqual([c.id]);
    expect(request.mock.calls.map((call) => call[0])).toEqual(['caseRows', 'listCases']);
  });
});
