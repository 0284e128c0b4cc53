import { describe, expect, it } from 'vitest';
import { applyAction, createCase, MERCHANT_ACTIONS, observe, retime, STATUS_LABELS, TRANSITIONS, type MerchantAction } from '../../lib/cases/model';
import { RefundCase as RefundCaseSchema } from '../../lib/cases/schema';
import { CASE_STATUSES, TERMINAL_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { defaultRules } from '../../lib/rules/defaults';
import { caseIn, deepFreeze, H, newCase, ok, rules, seenOnPage, T0 } from './helpers/case-model';

describe('createCase', () => {
  it('starts reviewing with a history entry, the review reminder and derived fields', () => {
    const c = newCase({
      afterSaleId: 'AS1',
      remark: '开线',
      trackingNo: 'SF1234567890',
      courier: '顺丰',
      orderUrl: 'https://s.kwaixiaodian.com/zone/order/detail?id=1',
    });
    expect(c).toMatchObject({
      id: `2411260001-${T0}`,
      orderId: '2411260001',
      afterSaleId: 'AS1',
      status: 'reviewing',
      refundType: 'return-refund',
      reasonId: 'quality',
      remark: '开线',
      paidAmount: 8990,
      refundAmount: 8990,
      shippingPayer: 'seller',
      createdAt: T0,
      updatedAt: T0,
      deadlines: { reviewRemindAt: T0 + 48 * H },
      attentionAt: T0 + 48 * H,
      nextDeadline: T0 + 48 * H,
      history: [{ from: null, to: 'reviewing', at: T0, source: 'panel' }],
      notes: [],
      rev: 0,
    });
    expect(RefundCaseSchema.parse(c)).toEqual(c);
  });

  it.each([
    ['changed mind → buyer pays', { reasonId: 'changed-mind' }, 'buyer'],
    ['quality → seller pays', { reasonId: 'quality' }, 'seller'],
    ['explicit payer wins', { reasonId: 'quality', shippingPayer: 'buyer' as const }, 'buyer'],
    ['refund only → no return shipping', { refundType: 'refund-only' as const }, undefined],
  ])('%s', (_n, patch, payer) => {
    expect(newCase(patch).shippingPayer).toBe(payer);
  });

  it('caps the refund at the paid amount and takes a given id', () => {
    expect(newCase({ refundAmount: 99999 }).refundAmount).toBe(8990);
    expect(createCase({ orderId: 'O', refundType: 'refund-only', reasonId: 'other' }, rules, T0, 'import', 'my-id').id).toBe('my-id');
  });
});
// The expected legal moves, written out independently of TRANSITIONS.
const LEGAL: Array<[CaseStatus, MerchantAction, CaseStatus]> = [
  ['draft', 'submit', 'reviewing'],
  ['draft', 'cancel-order', 'cancelled'],
  ['draft', 'close', 'closed'],
  ['reviewing', 'contact-support', 'escalated'],
  ['reviewing', 'cancel-order', 'cancelled'],
  ['reviewing', 'close', 'closed'],
  ['approved', 'confirm', 'confirmed'],
  ['approved', 'close', 'closed'],
  ['confirmed', 'contact-support', 'escalated'],
  ['confirmed', 'close', 'closed'],
  ['rejected', 'contact-support', 'escalated'],
  ['rejected', 'close', 'closed'],
  ['failed', 'contact-support', 'escalated'],
  ['failed', 'close', 'closed'],
  ['escalated', 'contact-support', 'escalated'],
  ['escalated', 'close', 'closed'],
  ['closed', 'reopen', 'reviewing'],
];
const legalTo = (s: CaseStatus, a: MerchantAction) => LEGAL.find(([f, x]) => f === s && x === a)?.[2];
const MATRIX = CASE_STATUSES.flatMap((s) => MERCHANT_ACTIONS.map((a) => [s, a, legalTo(s, a) ?? null] as const));

describe('merchant transitions: the full status × action matrix', () => {
  it('TRANSITIONS is exactly the expected table', () => {
    for (const [s, a, to] of MATRIX) expect(TRANSITIONS[s][a] ?? null).toBe(to);
  });

  it('refunded and cancelled are final; every non-terminal status can be closed', () => {
    expect(TRANSITIONS.refunded).toEqual({});
    expect(TRANSITIONS.cancelled).toEqual({});
    for (const s of CASE_STATUSES.filter((x) => !TERMINAL_STATUSES.includes(x))) expect(TRANSITIONS[s].close).toBe('closed');
  });

  // Far enough in the future that the guarded moves (review reminder, arrival window) are due.
  const LATE = T0 + 200 * H;
  it.each(MATRIX)('%s --%s--> %s', (status, action, to) => {
    const c = deepFreeze(caseIn(status));
    const before = JSON.stringify(c);
    const r = applyAction(c, action, rules, LATE, 'popup');
    expect(JSON.stringify(c)).toBe(before); // input untouched
    if (to === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error['zh-CN']).toContain(STATUS_LABELS[status]['zh-CN']);
        expect(r.error.en).toContain(status);
        expect(r.error.en).toContain(action);
      }
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.status).toBe(to);
    expect(r.case.updatedAt).toBe(LATE);
    expect(r.case.history).toHaveLength(c.history.length + 1);
    expect(r.case.history.at(-1)).toMatchObject({ from: status, to, at: LATE, source: 'popup' });
    expect(RefundCaseSchema.safeParse(r.case).success).toBe(true);
  });
});

describe('guards and deadlines on entering a status', () => {
  it('confirmed → contact support only once overdue', () => {
    const c = caseIn('confirmed', T0);
    const due = c.deadlines.arrivalDueAt!;
    expect(due).toBe(T0 + 24 * H); // the window started at approval, not at confirmation
    const early = applyAction(c, 'contact-support', rules, due - 1, 'panel');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error['zh-CN']).toMatch(/尚未超过到账时限/);
    expect(applyAction(c, 'contact-support', rules, due, 'panel').ok).toBe(true);
  });

  it('reviewing → contact support only once the review reminder is due', () => {
    const c = newCase();
    expect(applyAction(c, 'contact-support', rules, T0 + 48 * H - 1, 'panel').ok).toBe(false);
    expect(applyAction(c, 'contact-support', rules, T0 + 48 * H, 'panel').ok).toBe(true);
  });

  it("the platform's deadline (the page's expireTime) is kept, and an approved case is reminded 2 h before it when that comes first", () => {
    const reviewing = seenOnPage('reviewing', T0 + H, { dueAt: T0 + 10 * H });
    expect(reviewing.platformDueAt).toBe(T0 + 10 * H);
    // Approved at +5 h: the rule says +29 h, the platform's deadline says by +10 h: remind at +8 h.
    const approved = observe(reviewing, 'approved', rules, T0 + 5 * H).case;
    expect(approved.deadlines.confirmRemindAt).toBe(T0 + 8 * H);
    expect(approved.nextDeadline).toBe(T0 + 8 * H);
    // A later deadline seen on the list moves the reminder back to the rule's time; a far one leaves the rule's.
    expect(observe(approved, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 100 * H }).case.deadlines.confirmRemindAt).toBe(T0 + 29 * H);
    // A deadline already near: remind at once (never before the approval).
    const near = seenOnPage('approved', T0 + 5 * H);
    expect(observe(near, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 6 * H }).case.deadlines.confirmRemindAt).toBe(T0 + 5 * H);
    // The same deadline again changes nothing; a terminal case keeps none.
    expect(observe(approved, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 10 * H }).changed).toBe(false);
    const refunded = seenOnPage('refunded', T0 + H);
    expect(observe(refunded, 'refunded', rules, T0 + 2 * H, 'page', { dueAt: T0 + 10 * H }).case.platformDueAt).toBeUndefined();
    expect(retime(approved, rules).deadlines.confirmRemindAt).toBe(T0 + 8 * H);
  });

  it('approved sets approvedAt and the confirm reminder (approval + 24 h), no arrival window; attention is immediate', () => {
    const r = observe(newCase(), 'approved', rules, T0 + 5 * H);
    expect(r.changed).toBe(true);
    expect(r.case).toMatchObject({
      status: 'approved',
      approvedAt: T0 + 5 * H,
      deadlines: { confirmRemindAt: T0 + 29 * H },
      attentionAt: T0 + 5 * H,
      nextDeadline: T0 + 29 * H,
    });
    expect(r.case.deadlines.arrivalDueAt).toBeUndefined();
    expect(r.case.history.at(-1)).toEqual({ from: 'reviewing', to: 'approved', at: T0 + 5 * H, source: 'page' });
  });

  it('the arrival window and the confirm reminder follow the rules (shortened for tests)', () => {
    const r = defaultRules();
    r.deadlines.arrivalWindowHours = 0.5;
    r.deadlines.confirmReminderHours = 2;
    const c = seenOnPage('approved', T0, undefined, r);
    expect(c.deadlines.confirmRemindAt).toBe(T0 + 2 * H);
    expect(ok(applyAction(c, 'confirm', r, T0 + 3 * H, 'panel')).deadlines.arrivalDueAt).toBe(T0 + 3 * H + H / 2);
  });

  it('escalated sets supportContactedAt and followUpAt; contacting again records another entry', () => {
    const e = caseIn('escalated', T0 + H);
    expect(e).toMatchObject({ supportContactedAt: T0 + H, deadlines: { followUpAt: T0 + 25 * H }, attentionAt: T0 + 25 * H, nextDeadline: T0 + 25 * H });
    const again = ok(applyAction(e, 'contact-support', rules, T0 + 30 * H, 'popup'));
    expect(again.status).toBe('escalated');
    expect(again.supportContactedAt).toBe(T0 + 30 * H);
    expect(again.deadlines.followUpAt).toBe(T0 + 54 * H);
    expect(again.history.at(-1)).toMatchObject({ from: 'escalated', to: 'escalated', at: T0 + 30 * H, source: 'popup' });
    expect(again.history.at(-1)?.note).toBeTruthy();
  });

  it('reopen restarts the review reminder', () => {
    const closed = caseIn('closed', T0 + H);
    const re = ok(applyAction(closed, 'reopen', rules, T0 + 10 * H, 'popup'));
    expect(re).toMatchObject({ status: 'reviewing', deadlines: { reviewRemindAt: T0 + 58 * H }, nextDeadline: T0 + 58 * H });
  });

  it('terminal statuses have no attention and no deadline', () => {
    for (const s of ['refunded', 'cancelled', 'closed'] as const) {
      const c = caseIn(s);
      expect(c.attentionAt).toBeUndefined();
      expect(c.nextDeadline).toBeUndefined();
      expect('attentionAt' in c).toBe(false);
    }
  });
});
