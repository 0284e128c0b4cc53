import { afterEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../../lib/cases/model';
import { CaseService, CONFIRM_REMINDER_NOTE, UPDATE_BATCH } from '../../lib/cases/service';
import type { CaseStore } from '../../lib/cases/store';
import { freshStore, HOUR, makeCase, rules, T0 } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** `n` cases approved at T0 (confirm reminder at T0 + 24 h), stored. */
async function approvedCases(n: number) {
  const { store } = await freshStore();
  open.push(store);
  const cases = Array.from({ length: n }, (_, i) => observe(makeCase(String(700000 + i)), 'approved', rules, T0, 'page').case);
  await store.importMany(cases);
  return { store, svc: new CaseService(store), ids: cases.map((c) => c.id) };
}

/** Counts the readwrite transactions over the cases the store opens from now on. */
function countCaseWrites(store: CaseStore): () => number {
  const spy = vi.spyOn(store.db, 'transaction');
  return () =>
    spy.mock.calls.filter(([names, mode]) => mode === 'readwrite' && (names === 'cases' || (Array.isArray(names) && names.includes('cases')))).length;
}

describe('the deadline sweep and the re-timing write in batches', () => {
  it(`marks ${UPDATE_BATCH * 2 + 200} due cases in 3 transactions, not one per case, each once`, async () => {
    const n = UPDATE_BATCH * 2 + 200;
    const { store, svc, ids } = await approvedCases(n);
    const writes = countCaseWrites(store);
    const marked = await svc.sweepDeadlines(T0 + 30 * HOUR);
    expect(marked.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(writes()).toBe(3);
    const stored = (await store.get(ids[n - 1]))!;
    expect(stored.history.filter((h) => h.note === CONFIRM_REMINDER_NOTE)).toHaveLength(1);
    expect(await svc.sweepDeadlines(T0 + 31 * HOUR)).toEqual([]);
    expect((await svc.badge(T0 + 31 * HOUR)).byKind).toMatchObject({ approved: n });
  });

  it('re-timing after a shorter confirm reminder: one transaction per batch, every case re-timed and reminded once', async () => {
    const n = UPDATE_BATCH + 1;
    const { store, svc, ids } = await approvedCases(n);
    const writes = countCaseWrites(store);
    const shorter = { ...rules, deadlines: { ...rules.deadlines, confirmReminderHours: 2 } };
    const marked = await svc.retimeAll({ now: T0 + 3 * HOUR, rules: shorter });
    expect(marked).toHaveLength(n);
    expect(writes()).toBe(2);
    expect((await store.get(ids[0]))!.deadlines.confirmRemindAt).toBe(T0 + 2 * HOUR);
    expect(await svc.retimeAll({ now: T0 + 4 * HOUR, rules: shorter })).toEqual([]);
  });

  it('a batch is all or nothing: a write that fails leaves every case of it as it was', async () => {
    const { store, svc, ids } = await approvedCases(3);
    const before = await Promise.all(ids.map((id) => store.get(id)));
    let calls = 0;
    const real = IDBObjectStore.prototype.put;
    const fail = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'cases' && ++calls === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return real.apply(this, a);
    });
    await expect(svc.sweepDeadlines(T0 + 30 * HOUR)).rejects.toMatchObject({ code: 'quota' });
    fail.mockRestore();
    expect(await Promise.all(ids.map((id) => store.get(id)))).toEqual(before);
  });
});
