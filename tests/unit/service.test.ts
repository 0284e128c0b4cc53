import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAction, attention, badgeSummary, compareUrgency, observe, recomputeDerived } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CaseService, CONFIRM_REMINDER_NOTE, CSV_COLUMNS, OVERDUE_NOTE, csvCell, parseCasesFile } from '../../lib/cases/service';
import { openStore, type CaseStore } from '../../lib/cases/store';
import { defaultRules } from '../../lib/rules/defaults';
import { freshStore, HOUR, input, makeCase, memorySlot, rules, T0 } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

async function setup() {
  const fresh = await freshStore();
  open.push(fresh.store);
  return { ...fresh, svc: new CaseService(fresh.store) };
}
const at = (now: number) => ({ now, rules });

async function submitted(svc: CaseService, orderId: string, now = T0, extra = {}) {
  return (await svc.recordSubmit({ input: input(orderId, extra), submitId: `sub-${orderId}-${now}` }, at(now))).case;
}

describe('recordSubmit', () => {
  it('creates a reviewing case; the same submitId again returns it', async () => {
    const { svc, store } = await setup();
    const a = await svc.recordSubmit({ input: input('1001'), submitId: 'submit-0001' }, at(T0));
    expect(a).toMatchObject({ created: true, duplicate: false });
    expect(a.case.status).toBe('reviewing');
    const b = await svc.recordSubmit({ input: input('1001'), submitId: 'submit-0001' }, at(T0 + 1000));
    expect(b).toMatchObject({ created: false, duplicate: false });
    expect(b.case.id).toBe(a.case.id);
    expect(await store.count()).toBe(1);
  });

  it('an open case for the order is returned as a duplicate, not a second case', async () => {
    const { svc, store } = await setup();
    const a = await svc.recordSubmit({ input: input('1002'), submitId: 'submit-a' }, at(T0));
    const b = await svc.recordSubmit({ input: input('1002'), submitId: 'submit-b' }, at(T0 + 1));
    expect(b).toMatchObject({ created: false, duplicate: true });
    expect(b.case.id).toBe(a.case.id);
    expect(await store.count()).toBe(1);
  });

  it('two tabs submitting the same order at once end with one case', async () => {
    const { svc, store } = await setup();
    const results = await Promise.all(['t1', 't2', 't3'].map((tab) => svc.recordSubmit({ input: input('1003'), submitId: `submit-${tab}` }, at(T0))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(await store.count()).toBe(1);
  });

  it('a new case is allowed once the earlier one is final', async () => {
    const { svc, store } = await setup();
    const first = await submitted(svc, '1004');
    await svc.reportPage([{ orderId: '1004', status: 'refunded' }], at(T0 + HOUR));
    const again = await svc.recordSubmit({ input: input('1004'), submitId: 'submit-later' }, at(T0 + 2 * HOUR));
    expect(again.created).toBe(true);
    expect(again.case.id).not.toBe(first.id);
    expect(await store.count()).toBe(2);
    expect((await svc.getForOrder('1004'))?.id).toBe(again.case.id);
  });
});

describe('reportPage', () => {
  it('moves the matching cases and reports from → to', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '2001');
    await submitted(svc, '2002');
    const res = await svc.reportPage(
      [
        { orderId: '2001', afterSaleId: 'AS2001', status: 'approved' },
        { orderId: '2002', status: 'reviewing' }, // no change
        { orderId: '9999', status: 'approved' }, // no case: ignored
      ],
      at(T0 + HOUR),
    );
    expect(res.matched).toBe(2);
    expect(res.changes.map((c) => [c.case.orderId, c.from, c.to])).toEqual([['2001', 'reviewing', 'approved']]);
    const saved = (await svc.get(a.id))!;
    expect(saved).toMatchObject({ status: 'approved', afterSaleId: 'AS2001', approvedAt: T0 + HOUR, rev: 1 });
    expect(saved.history.at(-1)).toMatchObject({ from: 'reviewing', to: 'approved', source: 'page' });
  });

  it('finds a case by its after-sale number once it is known', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '2003', T0, { afterSaleId: 'AS2003' });
    const res = await svc.reportPage([{ afterSaleId: 'AS2003', status: 'rejected' }], at(T0 + HOUR));
    expect(res.changes).toHaveLength(1);
    expect((await svc.get(a.id))!.status).toBe('rejected');
  });

  it('learning only the after-sale number is a change with the same status', async () => {
    const { svc } = await setup();
    await submitted(svc, '2004');
    const res = await svc.reportPage([{ orderId: '2004', afterSaleId: 'AS2004', status: 'reviewing' }], at(T0 + 1));
    expect(res.changes.map((c) => [c.from, c.to, c.case.afterSaleId])).toEqual([['reviewing', 'reviewing', 'AS2004']]);
  });

  it('never moves a case out of a terminal status, and the same report twice changes once', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '2005');
    await svc.reportPage([{ orderId: '2005', status: 'refunded' }], at(T0 + 1));
    const again = await svc.reportPage([{ orderId: '2005', status: 'refunded' }], at(T0 + 2));
    expect(again.changes).toEqual([]);
    const byAfterSale = await svc.reportPage([{ afterSaleId: 'nope', orderId: '2005', status: 'approved' }], at(T0 + 3));
    expect(byAfterSale.matched).toBe(0); // the only case is final: no open case to match
    expect((await svc.get(a.id))!.status).toBe('refunded');
  });

  it('a refund list of 1,000 rows: one lookup, writes only for the rows that changed', async () => {
    const { svc, store } = await setup();
    const cases = Array.from({ length: 1000 }, (_, i) => makeCase(String(300000 + i), T0, { afterSaleId: `AS${i}` }, `L${i}`));
    await store.importMany(cases);
    const rows = cases.map((c, i) => ({ afterSaleId: `AS${i}`, orderId: c.orderId, status: i % 100 === 0 ? ('approved' as const) : ('reviewing' as const) }));
    const tx = vi.spyOn(store.db, 'transaction');
    const res = await svc.reportPage(rows, at(T0 + HOUR));
    expect(res.matched).toBe(1000);
    expect(res.changes).toHaveLength(10);
    expect(await store.countStatus('approved')).toBe(10);
    // The whole report is one readwrite transaction (not one per changed row).
    expect(tx.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(1);
    expect((await svc.get('L100'))!).toMatchObject({ status: 'approved', rev: 1 });
    expect((await svc.get('L100'))!.history.at(-1)).toMatchObject({ from: 'reviewing', to: 'approved', source: 'page' });
  });

  it('退款执行中 (confirmed) on the page moves an approved case to confirmed, without a notification kind', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '2006');
    await svc.reportPage([{ orderId: '2006', status: 'approved' }], at(T0 + HOUR));
    const res = await svc.reportPage([{ orderId: '2006', status: 'confirmed' }], at(T0 + 2 * HOUR));
    expect(res.changes.map((c) => [c.from, c.to])).toEqual([['approved', 'confirmed']]);
    // The arrival window starts at the confirmation (the money cannot move before it), not at the approval.
    expect((await svc.get(a.id))!).toMatchObject({ status: 'confirmed', deadlines: { arrivalDueAt: T0 + 26 * HOUR } });
    // Not out of a terminal status.
    await svc.reportPage([{ orderId: '2006', status: 'refunded' }], at(T0 + 3 * HOUR));
    expect((await svc.reportPage([{ afterSaleId: 'x', orderId: '2006', status: 'confirmed' }], at(T0 + 4 * HOUR))).changes).toEqual([]);
  });

  it('two rows of one report for the same case: both applied in order, each on the latest copy', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '2007');
    const res = await svc.reportPage(
      [
        { orderId: '2007', afterSaleId: 'AS2007', status: 'approved' },
        { orderId: '2007', afterSaleId: 'AS2007', status: 'confirmed' },
      ],
      at(T0 + HOUR),
    );
    expect(res.changes.map((c) => [c.from, c.to, c.case.rev])).toEqual([
      ['reviewing', 'approved', 1],
      ['approved', 'confirmed', 2],
    ]);
    const saved = (await svc.get(a.id))!;
    expect(saved).toMatchObject({ status: 'confirmed', afterSaleId: 'AS2007', rev: 2 });
    expect(saved.history.map((h) => h.to)).toEqual(['reviewing', 'approved', 'confirmed']);
  });

  it('a batch and concurrent single-case writers on the same cases: nothing is lost', async () => {
    const { svc, factory, name } = await setup();
    const other = new CaseService(await openStore(name, factory));
    open.push(other.store);
    const cases = await Promise.all(['2101', '2102', '2103'].map((o) => submitted(svc, o)));
    const [report, ...notes] = await Promise.all([
      svc.reportPage(
        cases.map((c) => ({ orderId: c.orderId, status: 'approved' as const })),
        at(T0 + HOUR),
      ),
      ...cases.map((c) => svc.addNote(c.id, `note on ${c.orderId}`, { now: T0 + HOUR })),
      ...cases.map((c) => other.addNote(c.id, `other tab ${c.orderId}`, { now: T0 + HOUR })),
    ]);
    expect(report.changes).toHaveLength(3);
    expect(notes.every((n) => n.ok)).toBe(true);
    for (const c of cases) {
      const saved = (await svc.get(c.id))!;
      expect(saved.status).toBe('approved');
      expect(saved.notes.map((n) => n.text).sort()).toEqual([`note on ${c.orderId}`, `other tab ${c.orderId}`]);
      expect(saved.rev).toBe(3);
    }
    expect(await svc.store.countByStatus()).toMatchObject({ approved: 3, reviewing: 0 });
  });
});

describe('act and addNote', () => {
  it('a legal action moves the case; an illegal one is refused and changes nothing', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '3001');
    await svc.reportPage([{ orderId: '3001', status: 'approved' }], at(T0 + HOUR));
    const bad = await svc.act(a.id, 'reopen', 'popup', at(T0 + 2 * HOUR));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error['zh-CN']).toMatch(/不能执行/);
    expect((await svc.get(a.id))!.rev).toBe(1);
    const good = await svc.act(a.id, 'confirm', 'popup', at(T0 + 2 * HOUR));
    expect(good.ok && good.value.status).toBe('confirmed');
    expect((await svc.get(a.id))!.history.at(-1)).toMatchObject({ to: 'confirmed', source: 'popup' });
  });

  it('an unknown case id is a clear error', async () => {
    const { svc } = await setup();
    const r = await svc.act('missing', 'confirm', 'popup', at(T0));
    expect(r).toMatchObject({ ok: false, error: { en: expect.stringMatching(/not found/) } });
    expect((await svc.addNote('missing', 'x', { now: T0 })).ok).toBe(false);
  });

  it('notes from many senders at once all land', async () => {
    const { svc } = await setup();
    const a = await submitted(svc, '3002');
    await Promise.all(Array.from({ length: 10 }, (_, i) => svc.addNote(a.id, `note ${i}`, { now: T0 + i })));
    const saved = (await svc.get(a.id))!;
    expect(saved.notes).toHaveLength(10);
    expect(saved.rev).toBe(10);
  });

  it('two background instances (two connections) writing one case end consistent', async () => {
    const { svc, factory, name } = await setup();
    const other = await openStore(name, factory);
    open.push(other);
    const svc2 = new CaseService(other);
    const a = await submitted(svc, '3003');
    await svc.reportPage([{ orderId: '3003', status: 'approved' }], at(T0 + HOUR));
    const [confirmed, noted, noted2] = await Promise.all([
      svc.act(a.id, 'confirm', 'popup', at(T0 + 2 * HOUR)),
      svc2.addNote(a.id, 'called the buyer', { now: T0 + 2 * HOUR }),
      svc2.addNote(a.id, 'second note', { now: T0 + 2 * HOUR + 1 }),
    ]);
    expect([confirmed.ok, noted.ok, noted2.ok]).toEqual([true, true, true]);
    const saved = (await svc.get(a.id))!;
    expect(saved.status).toBe('confirmed');
    expect(saved.notes.map((n) => n.text).sort()).toEqual(['called the buyer', 'second note']);
    expect(saved.rev).toBe(4);
  });
});

describe('queries', () => {
  async function seeded() {
    const env = await setup();
    const { svc } = env;
    await submitted(svc, '4001'); // reviewing: review-slow after 48 h
    await submitted(svc, '4002');
    await submitted(svc, '4003');
    await submitted(svc, '4004');
    await svc.reportPage(
      [
        { orderId: '4002', status: 'approved' },
        { orderId: '4003', status: 'rejected' },
        { orderId: '4004', status: 'refunded' },
      ],
      at(T0 + HOUR),
    );
    return env;
  }

  it('attention: most urgent first, with the kind', async () => {
    const { svc } = await seeded();
    const now = T0 + 2 * HOUR;
    expect((await svc.attention(now)).items.map((i) => [i.case.orderId, i.kind])).toEqual([
      ['4003', 'rejected'],
      ['4002', 'approved'],
    ]);
    // An approved case is never overdue: it waits for the merchant to confirm.
    const later = await svc.attention(T0 + 49 * HOUR);
    expect(later.items.map((i) => [i.case.orderId, i.kind])).toEqual([
      ['4003', 'rejected'],
      ['4002', 'approved'],
      ['4001', 'review-slow'],
    ]);
    expect((await svc.attention(T0 + 49 * HOUR, 1)).items).toHaveLength(1);
    expect((await svc.attention(T0 + 49 * HOUR, 1)).total).toBe(3);
  });

  it('the index-backed attention list and badge equal a scan of every case (a mix, many clocks)', async () => {
    const { svc, store } = await setup();
    const all: RefundCase[] = [];
    const statuses = ['reviewing', 'approved', 'confirmed', 'rejected', 'failed', 'refunded', 'escalated', 'closed'] as const;
    for (let i = 0; i < 120; i++) {
      const t = T0 + (i % 17) * HOUR;
      let c = makeCase(String(900000 + i), t, {}, `mix-${String(i).padStart(3, '0')}`);
      const want = statuses[i % statuses.length];
      if (want === 'confirmed') c = observe(observe(c, 'approved', rules, t).case, 'confirmed', rules, t + HOUR).case;
      else if (want === 'escalated') {
        const r = applyAction(observe(c, 'rejected', rules, t).case, 'contact-support', rules, t + HOUR, 'popup');
        if (!r.ok) throw new Error(r.error.en);
        c = r.case;
      } else if (want === 'closed') {
        const r = applyAction(c, 'close', rules, t, 'popup');
        if (!r.ok) throw new Error(r.error.en);
        c = r.case;
      } else if (want !== 'reviewing') c = observe(c, want, rules, t + (i % 3) * HOUR).case;
      all.push(c);
    }
    await store.importMany(all);
    const stored: RefundCase[] = [];
    for await (const c of store.all()) stored.push(c);
    for (const now of [T0, T0 + 20 * HOUR, T0 + 30 * HOUR, T0 + 60 * HOUR, T0 + 500 * HOUR]) {
      const expected = stored
        .map((c) => ({ case: c, kind: attention(c, now) }))
        .filter((x) => x.kind !== null)
        .sort((a, b) => compareUrgency(a.case, b.case, now));
      const got = await svc.attention(now);
      expect(got.items.map((x) => [x.case.id, x.kind])).toEqual(expected.map((x) => [x.case.id, x.kind]));
      expect(got.total).toBe(expected.length);
      const first = await svc.attention(now, 7);
      expect(first.items.map((x) => x.case.id)).toEqual(expected.slice(0, 7).map((x) => x.case.id));
      expect(first.total).toBe(expected.length);
      const badge = await svc.badge(now);
      const scanned = badgeSummary(stored, now);
      expect(badge).toEqual(scanned);
    }
  });

  it('an approved case stored without any deadline still shows (the list falls back to a scan)', async () => {
    const { svc, store } = await setup();
    const a = observe(makeCase('4101', T0, {}, 'nd'), 'approved', rules, T0).case;
    const undated = recomputeDerived({ ...a, deadlines: {} });
    expect(undated.nextDeadline).toBeUndefined();
    await store.importMany([undated, makeCase('4102', T0, {}, 'quiet')]);
    const list = await svc.attention(T0 + HOUR, 50);
    expect(list.items.map((x) => [x.case.id, x.kind])).toEqual([['nd', 'approved']]);
    expect((await svc.badge(T0 + HOUR)).byKind.approved).toBe(1);
  });

  it('counts: per status and the badge', async () => {
    const { svc } = await seeded();
    const c = await svc.counts(T0 + 2 * HOUR);
    expect(c.byStatus).toMatchObject({ reviewing: 1, approved: 1, rejected: 1, refunded: 1 });
    expect(c.total).toBe(4);
    expect(c.badge).toMatchObject({ count: 2, color: 'red', text: '2' });
  });

  it('list and search', async () => {
    const { svc } = await seeded();
    expect((await svc.list()).total).toBe(4);
    expect((await svc.list({ status: 'approved' })).items.map((c) => c.orderId)).toEqual(['4002']);
    expect((await svc.list({ query: '400', limit: 2 })).items).toHaveLength(2);
    expect((await svc.list({ query: '4003' })).items.map((c) => c.orderId)).toEqual(['4003']);
    expect((await svc.list({ query: '400', status: 'rejected' })).items.map((c) => c.orderId)).toEqual(['4003']);
    expect(await svc.getForOrder('4009')).toBeNull();
  });
});

describe('deadlines', () => {
  it('a case past its arrival window is marked overdue once, even across restarts', async () => {
    const { svc, store, factory, name } = await setup();
    const a = await submitted(svc, '5001');
    await svc.reportPage([{ orderId: '5001', status: 'confirmed' }], at(T0 + HOUR)); // due T0 + 25 h
    expect(await svc.sweepDeadlines(T0 + 24 * HOUR)).toEqual([]);
    const marked = await svc.sweepDeadlines(T0 + 26 * HOUR);
    expect(marked.map((c) => c.id)).toEqual([a.id]);
    expect(marked[0].history.at(-1)).toMatchObject({ source: 'alarm', note: OVERDUE_NOTE, from: 'confirmed', to: 'confirmed' });
    expect(await svc.sweepDeadlines(T0 + 27 * HOUR)).toEqual([]);
    // A new worker (new service, new connection) does not mark it again.
    const other = await openStore(name, factory);
    open.push(other);
    await other.setMeta('deadlineSweepAt', undefined);
    expect(await new CaseService(other).sweepDeadlines(T0 + 28 * HOUR)).toEqual([]);
    expect((await store.get(a.id))!.status).toBe('confirmed');
  });

  it('an approved case is never overdue: at its confirm reminder it is marked once (to remind), the arrival clock starts at confirmation', async () => {
    const { svc, store } = await setup();
    const a = await submitted(svc, '5005');
    await svc.reportPage([{ orderId: '5005', status: 'approved' }], at(T0 + HOUR)); // confirm reminder T0 + 25 h
    expect(await svc.nextDeadline(T0 + HOUR)).toBe(T0 + 25 * HOUR);
    const marked = await svc.sweepDeadlines(T0 + 26 * HOUR);
    expect(marked.map((c) => [c.id, c.status])).toEqual([[a.id, 'approved']]);
    expect(marked[0].history.at(-1)).toMatchObject({ source: 'alarm', note: CONFIRM_REMINDER_NOTE });
    expect(await svc.sweepDeadlines(T0 + 100 * HOUR)).toEqual([]);
    expect((await svc.attention(T0 + 100 * HOUR)).items.map((i) => i.kind)).toEqual(['approved']);
    expect((await svc.badge(T0 + 100 * HOUR)).byKind).toMatchObject({ overdue: 0, approved: 1 });
    await svc.act(a.id, 'confirm', 'panel', at(T0 + 100 * HOUR));
    expect((await store.get(a.id))!.deadlines.arrivalDueAt).toBe(T0 + 124 * HOUR);
    expect((await svc.attention(T0 + 123 * HOUR)).items).toEqual([]);
    expect((await svc.attention(T0 + 124 * HOUR)).items.map((i) => i.kind)).toEqual(['overdue']);
  });

  it('two sweeps at once mark once', async () => {
    const { svc } = await setup();
    await submitted(svc, '5002');
    await svc.reportPage([{ orderId: '5002', status: 'approved' }], at(T0));
    const [x, y] = await Promise.all([svc.sweepDeadlines(T0 + 30 * HOUR), svc.sweepDeadlines(T0 + 30 * HOUR)]);
    expect(x.length + y.length).toBe(1);
  });

  it('nextDeadline: the earliest still ahead', async () => {
    const { svc } = await setup();
    await submitted(svc, '5003'); // review reminder T0 + 48 h
    await submitted(svc, '5004');
    await svc.reportPage([{ orderId: '5004', status: 'approved' }], at(T0)); // due T0 + 24 h
    expect(await svc.nextDeadline(T0)).toBe(T0 + 24 * HOUR);
    expect(await svc.nextDeadline(T0 + 24 * HOUR)).toBe(T0 + 48 * HOUR);
    expect(await svc.nextDeadline(T0 + 48 * HOUR)).toBeUndefined();
  });
});

describe('deadline rules changed: open cases follow them', () => {
  const withHours = (h: Partial<typeof rules.deadlines>) => ({ ...rules, deadlines: { ...rules.deadlines, ...h } });

  it('a shorter arrival window makes a confirmed case overdue at once, marked once', async () => {
    const { svc, store } = await setup();
    const a = await submitted(svc, '5101');
    await svc.reportPage([{ orderId: '5101', status: 'confirmed' }], at(T0)); // due T0 + 24 h
    expect(await svc.retimeAll({ now: T0 + 2 * HOUR, rules })).toEqual([]);

    const short = withHours({ arrivalWindowHours: 1 });
    const marked = await svc.retimeAll({ now: T0 + 2 * HOUR, rules: short });
    expect(marked.map((c) => c.id)).toEqual([a.id]);
    const stored = (await store.get(a.id))!;
    expect(stored.deadlines.arrivalDueAt).toBe(T0 + HOUR);
    expect(stored.nextDeadline).toBe(T0 + HOUR);
    expect((await svc.attention(T0 + 2 * HOUR)).items.map((i) => i.kind)).toEqual(['overdue']);
    expect(await svc.retimeAll({ now: T0 + 3 * HOUR, rules: short })).toEqual([]);
  });

  it('a longer window takes an overdue case out of overdue; review and follow-up clocks move too', async () => {
    const { svc, store } = await setup();
    const confirmed = await submitted(svc, '5102');
    await svc.reportPage([{ orderId: '5102', status: 'confirmed' }], at(T0));
    const reviewing = await submitted(svc, '5103');
    await svc.sweepDeadlines(T0 + 30 * HOUR);
    expect((await svc.attention(T0 + 30 * HOUR)).items.map((i) => i.kind)).toEqual(['overdue']);

    await svc.retimeAll({ now: T0 + 30 * HOUR, rules: withHours({ arrivalWindowHours: 72, reviewReminderHours: 2 }) });
    expect((await store.get(confirmed.id))!.deadlines.arrivalDueAt).toBe(T0 + 72 * HOUR);
    expect((await store.get(reviewing.id))!.deadlines.reviewRemindAt).toBe(T0 + 2 * HOUR);
    const kinds = (await svc.attention(T0 + 30 * HOUR)).items.map((i) => [i.case.orderId, i.kind]);
    expect(kinds).toEqual(expect.arrayContaining([['5103', 'review-slow']]));
    expect(kinds).toHaveLength(1);
  });

  it('a shorter confirm reminder re-times an approved case: reminded, never overdue', async () => {
    const { svc } = await setup();
    await submitted(svc, '5105');
    await svc.reportPage([{ orderId: '5105', status: 'approved' }], at(T0));
    await svc.retimeAll({ now: T0 + 30 * HOUR, rules: withHours({ confirmReminderHours: 2 }) });
    const kinds = (await svc.attention(T0 + 30 * HOUR)).items.map((i) => [i.case.orderId, i.kind]);
    expect(kinds).toEqual([['5105', 'approved']]);
  });

  it('terminal cases and unchanged rules write nothing', async () => {
    const { svc, store } = await setup();
    const c = await submitted(svc, '5104');
    await svc.reportPage([{ orderId: '5104', status: 'refunded' }], at(T0));
    const before = (await store.get(c.id))!;
    await svc.retimeAll({ now: T0, rules: withHours({ arrivalWindowHours: 1, reviewReminderHours: 1 }) });
    expect((await store.get(c.id))!.rev).toBe(before.rev);
  });
});

describe('export', () => {
  it('CSV opens in Excel: BOM, CRLF, quoted, formula guard, Chinese labels, long numbers kept', async () => {
    const { svc, store } = await setup();
    await store.importMany([
      { ...makeCase('2411220000123456789', T0, { afterSaleId: 'AS1', trackingNo: 'SF123', courier: '=HYPERLINK("x")' }, 'e1'), remark: 'ok' },
      { ...makeCase('1002', T0 + 1, { courier: '顺丰 "快递"' }, 'e2'), refundAmount: 129_900, reasonId: 'unknown-reason' },
    ]);
    const file = await svc.exportCases('csv', at(T0 + HOUR));
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect(file.filename).toMatch(/^refund-cases-\d{12}\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const lines = file.content.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[0]).toContain('"退款金额(元)"');
    expect(lines[1]).toBe(
      [
        '"\t2411220000123456789"',
        '"AS1"',
        '"审核中"',
        '"仅退款"',
        '"质量问题"',
        '"129.00"',
        '"SF123"',
        `"'=HYPERLINK(""x"")"`,
        '"2026-11-26 12:00"',
        '"2026-11-26 12:00"',
      ].join(','),
    );
    expect(lines[2]).toContain('"1299.00"');
    expect(lines[2]).toContain('"顺丰 ""快递"""');
    expect(lines[2]).toContain('"unknown-reason"');
  });

  it.each([
    ['=1+1', `"'=1+1"`],
    ['+86', `"'+86"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['plain', '"plain"'],
    ['a,b\r\nc', '"a,b\r\nc"'],
  ])('csvCell(%j)', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('JSON export imports back to the same cases', async () => {
    const { svc, store } = await setup();
    await submitted(svc, '6001');
    await submitted(svc, '6002');
    const file = await svc.exportCases('json', at(T0 + HOUR));
    expect(file.mime).toBe('application/json');
    const before = await store.list();
    await svc.deleteAll();
    expect(await store.count()).toBe(0);
    const r = await svc.importCases(file.content, at(T0 + 2 * HOUR));
    expect(r).toEqual({ ok: true, value: { imported: 2, added: 2, updated: 0, skipped: 0 } });
    const after = await store.list();
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0].history.at(-1)).toMatchObject({ source: 'import' });
  });
});

describe('import: validated, all or nothing', () => {
  it.each([
    ['not JSON', '{oops', '(root)'],
    ['a number', '42', '(root)'],
    ['a bad status', JSON.stringify([{ ...makeCase('7001'), status: 'lost' }]), '[0].status'],
    ['a missing order id', JSON.stringify({ cases: [makeCase('7002'), { ...makeCase('7003'), orderId: undefined }] }), 'cases[1].orderId'],
    ['a float amount', JSON.stringify([{ ...makeCase('7004'), refundAmount: 12.5 }]), '[0].refundAmount'],
    ['duplicate ids', JSON.stringify([makeCase('7005', T0, {}, 'same'), makeCase('7006', T0, {}, 'same')]), '[1].id'],
  ])('refuses %s with the path of the problem', async (_label, content, path) => {
    const { svc, store } = await setup();
    await submitted(svc, '7999');
    const r = await svc.importCases(content, at(T0));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems?.map((p) => p.path)).toContain(path);
      expect(r.error['zh-CN']).toMatch(/未导入/);
    }
    expect(await store.count()).toBe(1);
  });

  it('strips fields that are not part of a case (no buyer data comes in)', () => {
    const r = parseCasesFile(JSON.stringify([{ ...makeCase('7100'), buyerPhone: '13800000000' }]));
    expect(r.ok && 'buyerPhone' in r.value[0]).toBe(false);
  });
});

describe('backup and restore', () => {
  it('round trip: rules and cases', async () => {
    const { svc, store } = await setup();
    await submitted(svc, '8001');
    const custom = { ...defaultRules(), deadlines: { reviewReminderHours: 5, confirmReminderHours: 8, arrivalWindowHours: 6, supportFollowUpHours: 7 } };
    const file = await svc.backup(custom, T0);
    await svc.deleteAll();
    await submitted(svc, '8002');
    const r = await svc.restore(file.content, T0 + 1, memorySlot());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.cases).toBe(1);
      expect(r.value.rules.deadlines.reviewReminderHours).toBe(5);
    }
    expect((await store.list()).map((c) => c.orderId)).toEqual(['8001']);
  });

  it('a backup with bad rules restores nothing', async () => {
    const { svc, store } = await setup();
    await submitted(svc, '8003');
    const file = JSON.parse((await svc.backup(rules, T0)).content);
    file.rules.deadlines.arrivalWindowHours = -1;
    file.cases = [];
    const r = await svc.restore(JSON.stringify(file), T0, memorySlot());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe('rules.deadlines.arrivalWindowHours');
    expect(await store.count()).toBe(1);
  });

  it('a file that is not a backup is refused', async () => {
    const { svc } = await setup();
    const r = await svc.restore(JSON.stringify({ cases: [] }), T0, memorySlot());
    expect(r).toMatchObject({ ok: false, problems: [{ path: 'format' }] });
  });
});

describe('model integration sanity', () => {
  it('applyAction and observe leave rev to the store', () => {
    const c: RefundCase = makeCase('9001');
    const o = observe(c, 'approved', rules, T0 + 1).case;
    const a = applyAction(o, 'confirm', rules, T0 + 2, 'popup');
    expect(o.rev).toBe(c.rev);
    expect(a.ok && a.case.rev).toBe(c.rev);
  });
});
