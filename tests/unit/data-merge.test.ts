/*
 * Import into a store that already holds cases: the stored copies are found by key range where the
 * file's ids (or after-sale numbers) cover a range of the store, and one by one where they
 * interleave with many stored ones; either way the same merge: newer replaces, older or equal is
 * kept, a match by after-sale number keeps the stored id, and the counters follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import type { CaseStore } from '../../lib/cases/store';
import { CHUNK, importFile } from '../../lib/cases/transfer';
import { freshStore, HOUR, makeCase, rules, T0, transferPort } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

const now = T0 + 10 * HOUR;
const id = (i: number) => `m-${String(i).padStart(6, '0')}`;
const stored = (i: number) => makeCase(String(30_000_000 + i), T0, { afterSaleId: `AS${100_000 + i}` }, id(i));
const approved = (c: RefundCase) => observe(c, 'approved', rules, T0 + HOUR, 'page').case;

async function storeWith(n: number, step = 1) {
  const fresh = await freshStore();
  const { store } = fresh;
  open.push(store);
  await store.importMany(Array.from({ length: n }, (_, i) => stored(i * step)));
  return { store, port: transferPort(fresh, { now }).port };
}

describe('import into a store that holds cases', () => {
  it('an export of the store imported again, with newer copies of some: counted and applied once', async () => {
    const n = CHUNK + 500;
    const { store, port } = await storeWith(n);
    const file = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? approved(stored(i)) : stored(i)));
    const r = await importFile(port, JSON.stringify({ cases: file }));
    expect(r).toEqual({ ok: true, data: { imported: n / 4, added: 0, updated: n / 4, skipped: (3 * n) / 4 } });
    expect(await store.count()).toBe(n);
    expect(await store.countByStatus()).toMatchObject({ approved: n / 4, reviewing: (3 * n) / 4 });
    expect((await store.get(id(4)))!.status).toBe('approved');
    expect((await store.get(id(5)))!.status).toBe('reviewing');
  });

  it('ids that interleave with many stored ones: found one by one, the same outcome', async () => {
    // Stored: every even number up to 6,000; the file: 100 new odd ids spread over the whole
    // range, 10 stored ids with a newer copy, and 10 cases known by after-sale number only.
    const { store, port } = await storeWith(3000, 2);
    const fresh = Array.from({ length: 100 }, (_, i) => makeCase(String(40_000_000 + i), T0, {}, id(60 * i + 1)));
    const newer = Array.from({ length: 10 }, (_, i) => approved(stored(600 * i)));
    const byNumber = Array.from({ length: 10 }, (_, i) => ({ ...approved(stored(600 * i + 2)), id: `elsewhere-${i}` }));
    const r = await importFile(port, JSON.stringify([...fresh, ...newer, ...byNumber]));
    expect(r).toEqual({ ok: true, data: { imported: 120, added: 100, updated: 20, skipped: 0 } });
    expect(await store.count()).toBe(3100);
    expect((await store.get(id(602)))!.status).toBe('approved'); // the stored id stays
    expect(await store.get('elsewhere-1')).toBeUndefined();
    expect(await store.countByStatus()).toMatchObject({ approved: 20, reviewing: 3080 });
  });

  it('after-sale numbers in a range of the store: matched, the stored ids kept', async () => {
    const { store, port } = await storeWith(50);
    const file = Array.from({ length: 50 }, (_, i) => ({ ...approved(stored(i)), id: `other-${i}` }));
    const r = await importFile(port, JSON.stringify(file));
    expect(r).toEqual({ ok: true, data: { imported: 50, added: 0, updated: 50, skipped: 0 } });
    expect(await store.count()).toBe(50);
    expect((await store.get(id(7)))!.status).toBe('approved');
  });
});
