/* Fixtures for the case store, service and background tests. */
import { afterEach, vi } from 'vitest';
import { createCase, type NewCaseInput } from '../../../lib/cases/model';
import type { RefundCase } from '../../../lib/cases/schema';
import { openExisting, openStore, type CaseStore } from '../../../lib/cases/store';
import { defaultRules } from '../../../lib/rules/defaults';
import type { RuleSet } from '../../../lib/rules/schema';
import type { TransferPort } from '../../../lib/cases/transfer';

export const HOUR = 3_600_000;
/** 2026-11-26 12:00 China time. */
export const T0 = Date.UTC(2026, 10, 26, 4, 0, 0);

export const rules: RuleSet = defaultRules();

export function input(orderId: string, extra: Partial<NewCaseInput> = {}): NewCaseInput {
  return { orderId, refundType: 'refund-only', reasonId: 'quality', refundAmount: 12_900, paidAmount: 12_900, ...extra };
}

/** A case as createCase makes it, with an explicit id. */
export function makeCase(orderId: string, now = T0, extra: Partial<NewCaseInput> = {}, id = `c-${orderId}`): RefundCase {
  return createCase(input(orderId, extra), rules, now, 'panel', id);
}

let n = 0;
/** A store on a fresh in-memory IndexedDB. */
export async function freshStore(): Promise<{ store: CaseStore; factory: IDBFactory; name: string }> {
  const factory = new IDBFactory();
  const name = `rh-test-${++n}`;
  return { store: await openStore(name, factory), factory, name };
}

/**
 * A test file's stores: `store()` opens a fresh one, `keep(s)` takes one opened otherwise; every
 * one is closed (and mocks restored) after each test.
 */
export function storesPerTest(): { store: () => Promise<CaseStore>; keep: (s: CaseStore) => CaseStore } {
  const open: CaseStore[] = [];
  afterEach(() => {
    open.splice(0).forEach((s) => s.close());
    vi.restoreAllMocks();
  });
  const keep = (s: CaseStore) => {
    open.push(s);
    return s;
  };
  return { store: async () => keep((await freshStore()).store), keep };
}

/** Where a restore stores its rules, in memory: `value` as stored; `failWith` makes the next write throw. */
export function memorySlot(initial?: unknown) {
  const slot = {
    value: initial as unknown,
    writes: 0,
    failWith: undefined as Error | undefined,
    async read() {
      return slot.value;
    },
    async write(v: unknown) {
      slot.writes++;
      if (slot.failWith) {
        const e = slot.failWith;
        slot.failWith = undefined;
        throw e;
      }
      slot.value = v;
    },
  };
  return slot;
}

/**
 * The options page's side of a large import or restore (lib/cases/transfer.ts) over a test
 * database: each write opens its own connection, as the page does; `calls` says what the
 * background was told.
 */
export function transferPort(db: { factory: IDBFactory; name: string }, { slot = memorySlot(), now = T0 + HOUR, rules: r = rules } = {}) {
  const calls: string[] = [];
  const port: TransferPort = {
    open: async () => {
      calls.push('open');
      return openExisting(db.name, db.factory);
    },
    rules: async () => r,
    slot,
    written: async () => calls.push('written'),
    now: () => now,
  };
  return { port, calls, slot };
}
