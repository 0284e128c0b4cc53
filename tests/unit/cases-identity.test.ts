/* Case identity: each application is its own case; the after-sale number is its identity once known. */
import { afterEach, describe, expect, it } from 'vitest';
import { APPLIED_TOLERANCE_MS, newestCase, pickCase, previousApplication, standingClaims } from '../../lib/cases/identity';
import { applyAction, attention, observe, REAPPLIED_NOTE } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CaseService } from '../../lib/cases/service';
import type { CaseStore } from '../../lib/cases/store';
import { freshStore, HOUR, input, makeCase, rules, T0 } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));
const at = (now: number) => ({ now, rules });

function rejected(orderId: string, afterSaleId: string | undefined, createdAt: number, id: string): RefundCase {
  return observe(makeCase(orderId, createdAt, {}, id), 'rejected', rules, createdAt + HOUR, 'page', afterSaleId ? { afterSaleId } : undefined).case;
}

describe('pickCase: which case a row moves', () => {
  const old = rejected('O1', 'AS-OLD', T0, 'old');
  const fresh = makeCase('O1', T0 + 5 * HOUR, {}, 'new');
  const numbered = { ...fresh, afterSaleId: 'AS-NEW' };

  it('a row with a case’s number moves that case only', () => {
    expect(pickCase([old, fresh], { orderId: 'O1', afterSaleId: 'AS-OLD' }, old)?.id).toBe('old');
  });

  it('a row with a number no case has claims the open case without a number, never a numbered one', () => {
    expect(pickCase([old, fresh], { orderId: 'O1', afterSaleId: 'AS-NEW' })?.id).toBe('new');
    expect(pickCase([old, numbered], { orderId: 'O1', afterSaleId: 'AS-THIRD' })).toBeUndefined();
    expect(pickCase([old], { orderId: 'O1', afterSaleId: 'AS-THIRD' })).toBeUndefined();
  });

  it('an application time earlier than the case’s submit (beyond the tolerance) contradicts it', () => {
    expect(pickCase([fresh], { orderId: 'O1', afterSaleId: 'X', appliedAt: fresh.createdAt - APPLIED_TOLERANCE_MS - 60_000 })).toBeUndefined();
    // The page prints minutes: a minute "earlier" is the same application.
    expect(pickCase([fresh], { orderId: 'O1', afterSaleId: 'X', appliedAt: fresh.createdAt - 60_000 })?.id).toBe('new');
    expect(pickCase([fresh], { orderId: 'O1', afterSaleId: 'X', appliedAt: fresh.createdAt + 60_000 })?.id).toBe('new');
  });

  it('two open cases without a number and no application time: no guess; with one, the right one', () => {
    const a = makeCase('O2', T0, {}, 'a');
    const b = makeCase('O2', T0 + 10 * HOUR, {}, 'b');
    expect(pickCase([a, b], { orderId: 'O2', afterSaleId: 'X' })).toBeUndefined();
    expect(pickCase([a, b], { orderId: 'O2', afterSaleId: 'X', appliedAt: T0 + 60_000 })?.id).toBe('a');
    expect(pickCase([a, b], { orderId: 'O2', afterSaleId: 'X', appliedAt: T0 + 10 * HOUR })?.id).toBe('b');
  });

  it('a page without a number: the newest open case of the order', () => {
    const closed = { ...old, status: 'closed' as const };
    expect(pickCase([closed, numbered], { orderId: 'O1' })?.id).toBe('new');
    expect(pickCase([closed], { orderId: 'O1' })).toBeUndefined();
  });

  it('the newest application and the one a new application follows', () => {
    expect(newestCase([fresh, old])?.id).toBe('new');
    expect(previousApplication([old])?.id).toBe('old');
    expect(previousApplication([old, fresh])).toBeUndefined(); // the newest is open: a duplicate, not a follow-up
    const escalated = applyAction(old, 'contact-support', rules, T0 + 2 * HOUR, 'panel');
    expect(escalated.ok && previousApplication([escalated.case])?.id).toBe('old');
  });
});

describe('standingClaims: two rows with unknown numbers for one case', () => {
  it('the earliest applied row keeps it when every row shows its time; otherwise none; the same number twice is one row', () => {
    expect(
      standingClaims([
        { caseId: 'c', afterSaleId: 'A', appliedAt: 5 },
        { caseId: 'c', afterSaleId: 'B', appliedAt: 2 },
      ]),
    ).toEqual([false, true]);
    expect(
      standingClaims([
        { caseId: 'c', afterSaleId: 'A', appliedAt: 5 },
        { caseId: 'c', afterSaleId: 'B' },
      ]),
    ).toEqual([false, false]);
    expect(
      standingClaims([
        { caseId: 'c', afterSaleId: 'A' },
        { caseId: 'c', afterSaleId: 'A' },
        { caseId: 'd', afterSaleId: 'B' },
      ]),
    ).toEqual([true, true, true]);
  });
});

describe('two applications on one order (service and store)', () => {
  async function setup() {
    const fresh = await freshStore();
    open.push(fresh.store);
    return { ...fresh, svc: new CaseService(fresh.store) };
  }

  async function applyTwice(svc: CaseService) {
    const first = (await svc.recordSubmit({ input: input('7001'), submitId: 's1' }, at(T0))).case;
    await svc.reportPage([{ orderId: '7001', afterSaleId: 'AS1', status: 'rejected', comment: '凭证不足' }], at(T0 + HOUR));
    const second = await svc.recordSubmit({ input: input('7001'), submitId: 's2' }, at(T0 + 5 * HOUR));
    return { first, second };
  }

  it('a re-application after a rejection is a new case linked to the old one; the old one is closed with a note', async () => {
    const { svc, store } = await setup();
    const { first, second } = await applyTwice(svc);
    expect(second).toMatchObject({ created: true, duplicate: false });
    expect(second.case.id).not.toBe(first.id);
    expect(second.case).toMatchObject({ status: 'reviewing', previousCaseId: first.id });
    expect(second.case.afterSaleId).toBeUndefined();
    const old = (await store.get(first.id))!;
    expect(old).toMatchObject({ status: 'closed', nextCaseId: second.case.id, afterSaleId: 'AS1', platformComment: '凭证不足' });
    expect(old.history.at(-1)).toMatchObject({ from: 'rejected', to: 'closed', note: REAPPLIED_NOTE });
    expect(attention(old, T0 + 100 * HOUR)).toBeNull();
    // Counters follow both writes.
    expect(await store.countByStatus()).toMatchObject({ closed: 1, reviewing: 1, rejected: 0 });
    expect((await svc.badge(T0 + 6 * HOUR)).count).toBe(0);
    expect((await svc.getForOrder('7001'))?.id).toBe(second.case.id);
  });

  it('rows for both applications move only their own case (the old row never takes over the new case)', async () => {
    const { svc, store } = await setup();
    const { first, second } = await applyTwice(svc);
    const rows = [
      { orderId: '7001', afterSaleId: 'AS1', status: 'rejected' as const },
      { orderId: '7001', afterSaleId: 'AS2', status: 'approved' as const, appliedAt: T0 + 5 * HOUR },
    ];
    await svc.reportPage(rows, at(T0 + 6 * HOUR));
    await svc.reportPage([...rows].reverse(), at(T0 + 7 * HOUR));
    const now = await store.getByOrder('7001');
    expect(now.map((c) => [c.id, c.afterSaleId, c.status])).toEqual([
      [first.id, 'AS1', 'closed'],
      [second.case.id, 'AS2', 'approved'],
    ]);
    const fresh = (await store.get(second.case.id))!;
    expect(fresh.history.map((h) => h.to)).toEqual(['reviewing', 'approved']);
    expect(await store.countByStatus()).toMatchObject({ closed: 1, approved: 1, reviewing: 0 });
  });

  it('a row with an unknown number never steals a numbered case', async () => {
    const { svc, store } = await setup();
    const c = (await svc.recordSubmit({ input: input('7002'), submitId: 's' }, at(T0))).case;
    const r = await svc.reportPage([{ orderId: '7002', afterSaleId: 'B1', status: 'reviewing' }], at(T0 + HOUR));
    expect(r.matched).toBe(1);
    expect(await store.get(c.id)).toMatchObject({ afterSaleId: 'B1', status: 'reviewing' });
    await svc.reportPage([{ orderId: '7002', afterSaleId: 'B3', status: 'refunded' }], at(T0 + 2 * HOUR));
    expect(await store.get(c.id)).toMatchObject({ afterSaleId: 'B1', status: 'reviewing' });
  });

  it('the list shows both applications and only the first was recorded: the right row claims it, or none', async () => {
    const { svc, store } = await setup();
    const c = (await svc.recordSubmit({ input: input('7005'), submitId: 's' }, at(T0))).case;
    const rows = [
      { orderId: '7005', afterSaleId: 'D2', status: 'reviewing' as const },
      { orderId: '7005', afterSaleId: 'D1', status: 'rejected' as const },
    ];
    expect((await svc.reportPage(rows, at(T0 + 9 * HOUR))).matched).toBe(0);
    expect((await store.get(c.id))!.afterSaleId).toBeUndefined();
    const timed = [
      { ...rows[0], appliedAt: T0 + 8 * HOUR },
      { ...rows[1], appliedAt: T0 },
    ];
    await svc.reportPage(timed, at(T0 + 10 * HOUR));
    expect(await store.get(c.id)).toMatchObject({ afterSaleId: 'D1', status: 'rejected' });
  });

  it('an earlier application time than the case’s submit leaves the case alone', async () => {
    const { svc, store } = await setup();
    const c = (await svc.recordSubmit({ input: input('7003'), submitId: 's' }, at(T0 + 10 * HOUR))).case;
    const r = await svc.reportPage([{ orderId: '7003', afterSaleId: 'C0', status: 'rejected', appliedAt: T0 }], at(T0 + 11 * HOUR));
    expect(r.matched).toBe(0);
    expect(await store.get(c.id)).toMatchObject({ status: 'reviewing' });
    expect((await store.get(c.id))!.afterSaleId).toBeUndefined();
  });

  it('a new application while one is open is still a flagged duplicate (reviewing, approved, confirmed, escalated from them)', async () => {
    const { svc, store } = await setup();
    const a = (await svc.recordSubmit({ input: input('7004'), submitId: 's1' }, at(T0))).case;
    await svc.reportPage([{ orderId: '7004', status: 'approved' }], at(T0 + HOUR));
    const b = await svc.recordSubmit({ input: input('7004'), submitId: 's2' }, at(T0 + 2 * HOUR));
    expect(b).toMatchObject({ created: false, duplicate: true });
    expect(b.case.id).toBe(a.id);
    expect(await store.count()).toBe(1);
  });
});
