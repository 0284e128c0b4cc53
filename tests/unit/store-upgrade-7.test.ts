/*
 * Version 7 drops three indexes (by-status, by-attention, by-deadline: the compound indexes per
 * status serve their queries) and version 5's empty `staging` store. A merchant's v6 database
 * keeps every record, idempotency key and kept figure, and every query answers as before.
 */
import { afterEach, expect, it } from 'vitest';
import { observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { META_COUNTS, META_DUE, openStore, OTHER_STATUS, type CaseStore } from '../../lib/cases/store';
import { HOUR, makeCase, rules, T0 } from './helpers/cases';
import { legacyStores, V6_INDEXES } from './helpers/legacy-db';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

/** A database as version 6 made it, with `records` and `meta` in it. */
async function v6(factory: IDBFactory, name: string, records: RefundCase[], meta: Array<{ key: string; value: unknown }>): Promise<void> {
  const req = factory.open(name, 6);
  req.onupgradeneeded = () => {
    legacyStores(req.result, V6_INDEXES);
    req.result.createObjectStore('staging', { keyPath: ['session', 'seq'] }); // v5's, empty
  };
  const db = await new Promise<IDBDatabase>((ok, no) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => no(req.error);
  });
  const tx = db.transaction(['cases', 'meta', 'submits'], 'readwrite');
  for (const r of records) tx.objectStore('cases').put(r);
  for (const m of meta) tx.objectStore('meta').put(m);
  tx.objectStore('submits').put({ submitId: 'sub-1', caseId: records[0].id, at: T0 });
  await new Promise<void>((ok, no) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => no(tx.error);
  });
  db.close();
}

it('from v6 to v7: records, idempotency keys and kept figures kept; three indexes and the staging store gone; the queries answer as before', async () => {
  const factory = new IDBFactory();
  const reviewing = makeCase('9101', T0, {}, 'c-rev'); // review reminder at T0 + 48 h
  const approved = observe(makeCase('9102', T0, {}, 'c-app'), 'approved', rules, T0 + HOUR).case;
  const rejected = observe(makeCase('9103', T0, {}, 'c-rej'), 'rejected', rules, T0 + 2 * HOUR).case;
  const refunded = observe(makeCase('9104', T0, {}, 'c-ref'), 'refunded', rules, T0 + 3 * HOUR).case;
  const records = [reviewing, approved, rejected, refunded];
  // The kept figures as v6 kept them.
  const counts = {
    draft: 0,
    reviewing: 1,
    approved: 1,
    confirmed: 0,
    refunded: 1,
    rejected: 1,
    failed: 0,
    escalated: 0,
    cancelled: 0,
    closed: 0,
    [OTHER_STATUS]: 0,
  };
  const due = { reviewing: [reviewing.nextDeadline], approved: [approved.nextDeadline], confirmed: [], escalated: [] };
  await v6(factory, 'up-7', records, [
    { key: META_COUNTS, value: counts },
    { key: META_DUE, value: due },
    { key: 'deadlineSweepAt', value: T0 },
  ]);

  const s = await openStore('up-7', factory);
  open.push(s);
  expect(s.db.version).toBe(7);
  expect([...s.db.objectStoreNames].sort()).toEqual(['cases', 'meta', 'submits']);
  expect([...s.db.transaction('cases').store.indexNames].sort()).toEqual([
    'by-after-sale',
    'by-order',
    'by-status-attention',
    'by-status-deadline',
    'by-status-updated',
    'by-updated',
  ]);
  for (const r of records) expect(await s.get(r.id)).toEqual(r);
  expect(await s.getMeta(META_COUNTS)).toEqual(counts);
  expect(await s.getMeta('deadlineSweepAt')).toBe(T0);
  expect(await s.count()).toBe(4);
  // The same submit is still recognised: no second case.
  expect((await s.insert(makeCase('9101', T0 + 5, {}, 'other'), { submitId: 'sub-1' })).kind).not.toBe('created');
  // What the dropped indexes answered, from the compound ones.
  expect(await s.attentionIds(T0)).toEqual([]);
  expect(await s.attentionIds(T0 + 2 * HOUR)).toEqual(['c-app', 'c-rej']);
  expect(await s.attentionCount(T0 + 100 * HOUR)).toBe(3);
  expect((await s.attentionCases(T0 + 100 * HOUR, 2)).map((c) => c.id)).toEqual(['c-app', 'c-rej']);
  expect(await s.nextDeadline()).toBe(Math.min(reviewing.nextDeadline!, approved.nextDeadline!));
  expect(await s.nextDeadline(T0 + 1000 * HOUR)).toBeUndefined();
  expect((await s.deadlinesBetween(undefined, T0 + 1000 * HOUR)).map((c) => c.id)).toEqual(
    [reviewing, approved].sort((a, b) => a.nextDeadline! - b.nextDeadline!).map((c) => c.id),
  );
  expect(await s.countByStatus()).toMatchObject({ reviewing: 1, approved: 1, rejected: 1, refunded: 1 });
  expect((await s.list({ status: 'approved' })).map((c) => c.id)).toEqual(['c-app']);
});
