import { describe, expect, it } from 'vitest';
import {
  addNote,
  applyAction,
  attention,
  ATTENTION_LABELS,
  badgeSummary,
  compareUrgency,
  createCase,
  historyText,
  isConfirmDue,
  isOverdue,
  MERCHANT_ACTIONS,
  OVERDUE_NOTE,
  REAPPLIED_NOTE,
  retime,
  observe,
  PLATFORM_INTERVENED,
  recomputeDerived,
  STATUS_LABELS,
  supportMessage,
  TRANSITIONS,
  URGENCY,
  type AttentionKind,
  type MerchantAction,
} from '../../lib/cases/model';
import { RefundCase as RefundCaseSchema, type RefundCase } from '../../lib/cases/schema';
import { CASE_STATUSES, TERMINAL_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { DEFAULT_RULES, defaultRules } from '../../lib/rules/defaults';
import { OBSERVED_STATUSES, type ObservedStatus } from '../../lib/sites/texts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 2, 0, 0); // 2026-11-26 10:00 China time
const rules = DEFAULT_RULES;

function newCase(patch: Partial<Parameters<typeof createCase>[0]> = {}): RefundCase {
  return createCase({ orderId: '2411260001', refundType: 'return-refund', reasonId: 'quality', paidAmount: 8990, ...patch }, rules, T0, 'panel');
}

/** A case in `status` as if it got there through the model (so its history and deadlines are real). */
function caseIn(status: CaseStatus, at = T0 + H): RefundCase {
  const c = newCase();
  const via: Record<CaseStatus, () => RefundCase> = {
    draft: () => recomputeDerived({ ...c, status: 'draft', history: [{ from: null, to: 'draft', at: T0, source: 'panel' }], deadlines: {} }),
    reviewing: () => c,
    approved: () => observe(c, 'approved', rules, at).case,
    confirmed: () => ok(applyAction(caseIn('approved', at), 'confirm', rules, at, 'panel')),
    refunded: () => observe(c, 'refunded', rules, at).case,
    rejected: () => observe(c, 'rejected', rules, at).case,
    failed: () => observe(c, 'failed', rules, at).case,
    escalated: () => ok(applyAction(caseIn('rejected', at), 'contact-support', rules, at, 'panel')),
    cancelled: () => ok(applyAction(c, 'cancel-order', rules, at, 'panel')),
    closed: () => ok(applyAction(c, 'close', rules, at, 'panel')),
  };
  const out = via[status]();
  expect(out.status).toBe(status);
  return out;
}

function ok(r: ReturnType<typeof applyAction>): RefundCase {
  if (!r.ok) throw new Error(r.error.en);
  return r.case;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

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
    const reviewing = observe(newCase(), 'reviewing', rules, T0 + H, 'page', { dueAt: T0 + 10 * H }).case;
    expect(reviewing.platformDueAt).toBe(T0 + 10 * H);
    // Approved at +5 h: the rule says +29 h, the platform's deadline says by +10 h: remind at +8 h.
    const approved = observe(reviewing, 'approved', rules, T0 + 5 * H).case;
    expect(approved.deadlines.confirmRemindAt).toBe(T0 + 8 * H);
    expect(approved.nextDeadline).toBe(T0 + 8 * H);
    // A later deadline seen on the list moves the reminder back to the rule's time; a far one leaves the rule's.
    expect(observe(approved, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 100 * H }).case.deadlines.confirmRemindAt).toBe(T0 + 29 * H);
    // A deadline already near: remind at once (never before the approval).
    const near = observe(newCase(), 'approved', rules, T0 + 5 * H).case;
    expect(observe(near, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 6 * H }).case.deadlines.confirmRemindAt).toBe(T0 + 5 * H);
    // The same deadline again changes nothing; a terminal case keeps none.
    expect(observe(approved, 'approved', rules, T0 + 6 * H, 'page', { dueAt: T0 + 10 * H }).changed).toBe(false);
    const refunded = observe(newCase(), 'refunded', rules, T0 + H).case;
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
    const c = observe(newCase(), 'approved', r, T0).case;
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

// What the page's status does to a case: status × observed → resulting status (null: no change).
const OBS: Record<CaseStatus, Record<ObservedStatus, CaseStatus | null>> = {
  draft: {
    reviewing: 'reviewing',
    approved: 'approved',
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: 'rejected',
    failed: 'failed',
    escalated: 'escalated',
    closed: 'closed',
  },
  // 退款执行中 on a case still under review: the approval and the confirmation happened unseen.
  reviewing: {
    reviewing: null,
    approved: 'approved',
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: 'rejected',
    failed: 'failed',
    escalated: 'escalated',
    closed: 'closed',
  },
  // The merchant confirmed in another tab: the page's 退款执行中 moves the case on.
  approved: {
    reviewing: null,
    approved: null,
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: 'rejected',
    failed: 'failed',
    escalated: 'escalated',
    closed: 'closed',
  },
  confirmed: {
    reviewing: null,
    approved: null,
    confirmed: null,
    refunded: 'refunded',
    rejected: 'rejected',
    failed: 'failed',
    escalated: 'escalated',
    closed: 'closed',
  },
  refunded: { reviewing: null, approved: null, confirmed: null, refunded: null, rejected: null, failed: null, escalated: null, closed: null },
  rejected: {
    reviewing: 'reviewing',
    approved: 'approved',
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: null,
    failed: null,
    escalated: 'escalated',
    closed: 'closed',
  },
  failed: {
    reviewing: 'reviewing',
    approved: 'approved',
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: null,
    failed: null,
    escalated: 'escalated',
    closed: 'closed',
  },
  // caseIn('escalated') was escalated from rejected: the page still showing 审核不通过 is no news.
  escalated: {
    reviewing: 'reviewing',
    approved: 'approved',
    confirmed: 'confirmed',
    refunded: 'refunded',
    rejected: null,
    failed: null,
    escalated: null,
    closed: 'closed',
  },
  cancelled: { reviewing: null, approved: null, confirmed: null, refunded: null, rejected: null, failed: null, escalated: null, closed: null },
  closed: { reviewing: null, approved: null, confirmed: null, refunded: null, rejected: null, failed: null, escalated: null, closed: null },
};
const OBS_ROWS = CASE_STATUSES.flatMap((s) => OBSERVED_STATUSES.map((o) => [s, o, OBS[s][o]] as const));

describe('observe: platform truth moves forward only, never out of a terminal status', () => {
  const AT = T0 + 3 * H;
  it.each(OBS_ROWS)('%s + page shows %s → %s', (status, seen, to) => {
    const c = deepFreeze(caseIn(status));
    const r = observe(c, seen, rules, AT, 'page');
    if (to === null) {
      expect(r.changed).toBe(false);
      expect(r.case).toBe(c);
      return;
    }
    expect(r.changed).toBe(true);
    expect(r.case.status).toBe(to);
    // 平台介入 seen: escalated by the platform, with a note saying so (the merchant contacted no one).
    const note = to === 'escalated' ? { note: PLATFORM_INTERVENED } : {};
    expect(r.case.history.at(-1)).toEqual({ from: status, to, at: AT, source: 'page', ...note });
    expect(r.case.updatedAt).toBe(AT);
  });

  it('平台介入 (escalated by the page): a follow-up reminder instead of the review reminder, no contact claimed, the decision moves it on', () => {
    const r = observe(newCase(), 'escalated', rules, T0 + 2 * H);
    expect(r.case).toMatchObject({ status: 'escalated', deadlines: { followUpAt: T0 + 26 * H }, nextDeadline: T0 + 26 * H });
    expect(r.case.supportContactedAt).toBeUndefined();
    expect(r.case.history.at(-1)).toEqual({ from: 'reviewing', to: 'escalated', at: T0 + 2 * H, source: 'page', note: PLATFORM_INTERVENED });
    // Still 平台介入 on the next visit: no change; the platform's decision: the case follows it.
    expect(observe(r.case, 'escalated', rules, T0 + 3 * H).changed).toBe(false);
    expect(observe(r.case, 'reviewing', rules, T0 + 3 * H).changed).toBe(false);
    expect(observe(r.case, 'approved', rules, T0 + 3 * H).case.status).toBe('approved');
    expect(observe(r.case, 'rejected', rules, T0 + 3 * H).case.status).toBe('rejected');
    // The merchant's own contact afterwards is recorded as one.
    const contacted = applyAction(r.case, 'contact-support', rules, T0 + 4 * H, 'panel');
    expect(contacted.ok && contacted.case.supportContactedAt).toBe(T0 + 4 * H);
  });

  it('skips unseen steps: reviewing → refunded directly', () => {
    const r = observe(newCase(), 'refunded', rules, T0 + H, 'alarm');
    expect(r.case.status).toBe('refunded');
    expect(r.case.history.map((h) => [h.from, h.to, h.source])).toEqual([
      [null, 'reviewing', 'panel'],
      ['reviewing', 'refunded', 'alarm'],
    ]);
  });

  it('an escalation from an overdue confirmation survives the page still showing 退款执行中 (confirmed)', () => {
    const confirmed = caseIn('confirmed', T0);
    const esc = ok(applyAction(confirmed, 'contact-support', rules, T0 + 25 * H, 'panel'));
    expect(observe(esc, 'confirmed', rules, T0 + 26 * H).changed).toBe(false);
    expect(observe(esc, 'approved', rules, T0 + 26 * H).changed).toBe(false);
    expect(observe(esc, 'failed', rules, T0 + 26 * H).case.status).toBe('failed');
    expect(observe(esc, 'refunded', rules, T0 + 26 * H).case.status).toBe('refunded');
  });

  it('退款执行中 (confirmed) seen after an approval starts the arrival window then, not at approval', () => {
    const approved = caseIn('approved', T0);
    const r = observe(approved, 'confirmed', rules, T0 + 2 * H);
    expect(r.case).toMatchObject({ status: 'confirmed', approvedAt: T0, deadlines: { arrivalDueAt: T0 + 26 * H }, nextDeadline: T0 + 26 * H });
    expect(r.case.history.at(-1)).toEqual({ from: 'approved', to: 'confirmed', at: T0 + 2 * H, source: 'page' });
  });

  it('退款执行中 on a reviewing case skips the approval: the arrival window starts now', () => {
    const r = observe(newCase(), 'confirmed', rules, T0 + 5 * H);
    expect(r.case).toMatchObject({ status: 'confirmed', deadlines: { arrivalDueAt: T0 + 29 * H }, attentionAt: T0 + 29 * H });
    expect(r.case.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'reviewing'],
      ['reviewing', 'confirmed'],
    ]);
  });

  it('a re-application after rejection restarts the review', () => {
    const r = observe(caseIn('rejected', T0), 'reviewing', rules, T0 + 10 * H);
    expect(r.case).toMatchObject({ status: 'reviewing', deadlines: { reviewRemindAt: T0 + 58 * H } });
  });

  it('records the after-sale number once the platform gives one, even without a status change', () => {
    const c = newCase();
    const r = observe(c, 'reviewing', rules, T0 + H, 'page', { afterSaleId: 'AS123' });
    expect(r.changed).toBe(true);
    expect(r.case).toMatchObject({ status: 'reviewing', afterSaleId: 'AS123', updatedAt: T0 + H });
    expect(r.case.history).toHaveLength(1);
    expect(observe(r.case, 'reviewing', rules, T0 + 2 * H, 'page', { afterSaleId: 'AS123' }).changed).toBe(false);
  });

  it('the same status seen again is no change', () => {
    const a = caseIn('approved');
    const again = observe(a, 'approved', rules, T0 + 9 * H);
    expect(again).toEqual({ changed: false, case: a });
  });
});

describe('overdue (the money within 24 h after the refund is confirmed)', () => {
  const approvedAt = T0 + 2 * H;
  const approved = observe(newCase(), 'approved', rules, approvedAt).case;
  const confirmedAt = approvedAt + 10 * H;
  const confirmed = ok(applyAction(approved, 'confirm', rules, confirmedAt, 'panel'));
  it.each<[string, RefundCase, number, boolean, AttentionKind | null]>([
    ['approved, at approval', approved, approvedAt, false, 'approved'],
    ['approved, exactly 24 h: waits for the merchant, never overdue', approved, approvedAt + 24 * H, false, 'approved'],
    ['approved, a week later', approved, approvedAt + 7 * 24 * H, false, 'approved'],
    ['confirmed, 24 h after approval (window not over)', confirmed, approvedAt + 24 * H, false, null],
    ['confirmed, 1 ms before 24 h after confirmation', confirmed, confirmedAt + 24 * H - 1, false, null],
    ['confirmed, exactly 24 h after confirmation', confirmed, confirmedAt + 24 * H, true, 'overdue'],
    ['confirmed, 3 days later', confirmed, confirmedAt + 72 * H, true, 'overdue'],
  ])('%s → overdue %s, attention %s', (_n, c, now, overdue, kind) => {
    expect(isOverdue(c, now)).toBe(overdue);
    expect(attention(c, now)).toBe(kind);
  });

  it('confirmed: attentionAt is the arrival due time, counted from confirmation', () => {
    expect(confirmed.attentionAt).toBe(confirmedAt + 24 * H);
    expect(confirmed.nextDeadline).toBe(confirmedAt + 24 * H);
  });

  it('approved: its next deadline is the confirm reminder, the alarm fires then', () => {
    expect(approved.nextDeadline).toBe(approvedAt + 24 * H);
    expect(isConfirmDue(approved, approvedAt + 24 * H - 1)).toBe(false);
    expect(isConfirmDue(approved, approvedAt + 24 * H)).toBe(true);
    expect(isConfirmDue(confirmed, approvedAt + 100 * H)).toBe(false);
  });

  it('retime: an approved case from before loses its arrival time; a confirmed one counts from confirmation', () => {
    const old = recomputeDerived({ ...approved, deadlines: { arrivalDueAt: approvedAt + 24 * H } });
    const re = retime(old, rules);
    expect(re.deadlines).toEqual({ confirmRemindAt: approvedAt + 24 * H });
    const oldConfirmed = recomputeDerived({ ...confirmed, deadlines: { arrivalDueAt: approvedAt + 24 * H } });
    expect(retime(oldConfirmed, rules).deadlines.arrivalDueAt).toBe(confirmedAt + 24 * H);
    // The overdue marker does not restart the clock.
    const marked = {
      ...oldConfirmed,
      history: [
        ...oldConfirmed.history,
        { from: 'confirmed' as const, to: 'confirmed' as const, at: confirmedAt + 30 * H, source: 'alarm' as const, note: OVERDUE_NOTE },
      ],
    };
    expect(retime(marked, rules).deadlines.arrivalDueAt).toBe(confirmedAt + 24 * H);
  });
});

describe('attention and derived fields agree', () => {
  it.each(CASE_STATUSES)('%s: attention(now) is non-null exactly when attentionAt <= now', (status) => {
    const c = caseIn(status);
    for (const now of [T0 + H, T0 + 23 * H, T0 + 25 * H, T0 + 49 * H, T0 + 100 * H]) {
      const due = c.attentionAt !== undefined && c.attentionAt <= now;
      expect(attention(c, now) !== null).toBe(due);
    }
  });

  it.each<[CaseStatus, AttentionKind | null]>([
    ['draft', null],
    ['reviewing', 'review-slow'],
    ['approved', 'approved'],
    ['confirmed', 'overdue'],
    ['refunded', null],
    ['rejected', 'rejected'],
    ['failed', 'failed'],
    ['escalated', 'follow-up'],
    ['cancelled', null],
    ['closed', null],
  ])('%s, much later → %s', (status, kind) => {
    expect(attention(caseIn(status), T0 + 1000 * H)).toBe(kind);
  });

  it('recomputeDerived fills a missing confirm reminder (approved) or arrival due time (confirmed) from the rules', () => {
    const c = recomputeDerived({ ...newCase(), status: 'approved', approvedAt: T0, deadlines: {} }, rules);
    expect(c.deadlines).toEqual({ confirmRemindAt: T0 + 24 * H });
    expect(c.attentionAt).toBe(T0);
    const history = [{ from: 'approved' as const, to: 'confirmed' as const, at: T0 + 5 * H, source: 'page' as const }];
    const d = recomputeDerived({ ...newCase(), status: 'confirmed', approvedAt: T0, deadlines: {}, history }, rules);
    expect(d.deadlines.arrivalDueAt).toBe(T0 + 29 * H);
  });
});

describe('urgency order', () => {
  it('URGENCY: overdue, rejected, failed, approved, follow-up, review-slow', () => {
    expect(URGENCY).toEqual(['overdue', 'rejected', 'failed', 'approved', 'follow-up', 'review-slow']);
  });

  // The case: two reviews past their reminder sorted below an approval due in 23 hours.
  it('puts every late case first, whatever its kind, then the least time left; quiet cases last', () => {
    const now = T0 + 100 * H;
    const mk = (id: string, c: RefundCase, deadlines: RefundCase['deadlines'] = {}) =>
      recomputeDerived({ ...c, id, deadlines: { ...c.deadlines, ...deadlines } });
    const list = [
      mk('quiet', caseIn('reviewing'), { reviewRemindAt: now + 2 * H }),
      mk('approved-23h', observe(newCase(), 'approved', rules, now - H).case, { confirmRemindAt: now + 23 * H }),
      mk('approved-5h', observe(newCase(), 'approved', rules, now - H).case, { confirmRemindAt: now + 5 * H }),
      mk('review-4h-late', caseIn('reviewing'), { reviewRemindAt: now - 4 * H }),
      mk('follow-up-1h-late', caseIn('escalated'), { followUpAt: now - H }),
      mk('overdue-30h', caseIn('confirmed'), { arrivalDueAt: now - 30 * H }),
    ];
    const sorted = [...list].sort((a, b) => compareUrgency(a, b, now)).map((c) => c.id);
    expect(sorted).toEqual(['overdue-30h', 'review-4h-late', 'follow-up-1h-late', 'approved-5h', 'approved-23h', 'quiet']);
    const rejected = { ...caseIn('rejected'), id: 'rejected' }; // no deadline: late since it was rejected
    expect(compareUrgency(rejected, list[1], now)).toBeLessThan(0);
  });
});

describe('badgeSummary', () => {
  const NOW = T0 + 30 * H;
  const approved = () => observe(newCase(), 'approved', rules, NOW - H).case; // not overdue yet
  const overdue = () => caseIn('confirmed', T0 + H);
  const reviewing = () => newCase(); // reminder at 48 h: not slow yet
  it.each<[string, RefundCase[], number, 'red' | 'amber' | null, string, string]>([
    ['nothing', [], 0, null, '', '退款助手：没有需要处理的退款'],
    ['only quiet cases', [reviewing(), caseIn('refunded'), caseIn('closed')], 0, null, '', '退款助手：没有需要处理的退款'],
    ['one approval', [approved()], 1, 'amber', '1', '退款助手：1 个待确认退款'],
    ['two approvals and one overdue', [approved(), approved(), overdue()], 3, 'red', '3', '退款助手：1 个已超时，2 个待确认退款'],
    ['a rejection', [caseIn('rejected'), reviewing()], 1, 'red', '1', '退款助手：1 个审核不通过'],
    ['a failure and an approval', [caseIn('failed'), approved()], 2, 'red', '2', '退款助手：1 个退款失败，1 个待确认退款'],
    ['a follow-up due', [caseIn('escalated', T0)], 1, 'amber', '1', '退款助手：1 个待跟进客服'],
    ['a slow review', [{ ...reviewing(), deadlines: { reviewRemindAt: NOW } }], 1, 'amber', '1', '退款助手：1 个审核超时未处理'],
  ])('%s', (_n, cases, count, color, text, title) => {
    const b = badgeSummary(cases, NOW);
    expect(b.count).toBe(count);
    expect(b.color).toBe(color);
    expect(b.text).toBe(text);
    expect(b.title['zh-CN']).toBe(title);
    expect(b.title.en).toMatch(/^Refund Helper: /);
    expect(Object.values(b.byKind).reduce((x, y) => x + y, 0)).toBe(count);
  });

  it.each([
    [99, '99'],
    [100, '99+'],
    [250, '99+'],
  ])('%i cases → "%s"', (n, text) => {
    const a = approved();
    expect(
      badgeSummary(
        Array.from({ length: n }, () => a),
        NOW,
      ).text,
    ).toBe(text);
  });

  it('takes any iterable', () => {
    expect(badgeSummary(new Set([approved()]), NOW).count).toBe(1);
  });
});

describe('labels', () => {
  it.each<[CaseStatus, string]>([
    ['draft', '草稿'],
    ['reviewing', '审核中'],
    ['approved', '审核通过，待确认退款'],
    ['confirmed', '已确认，待到账'],
    ['refunded', '已退款'],
    ['rejected', '审核不通过'],
    ['failed', '退款失败'],
    ['escalated', '已联系客服'],
    ['cancelled', '已取消订单'],
    ['closed', '已关闭'],
  ])('%s is 「%s」', (status, zh) => {
    expect(STATUS_LABELS[status]['zh-CN']).toBe(zh);
    expect(STATUS_LABELS[status].en).not.toBe('');
  });

  it('every attention kind has a label', () => {
    for (const k of URGENCY) expect(ATTENTION_LABELS[k]['zh-CN']).not.toBe('');
  });
});

describe('notes and the support message', () => {
  it('addNote appends without mutating; blank notes are ignored', () => {
    const c = deepFreeze(newCase());
    const n = addNote(c, '  已电话联系  ', T0 + H);
    expect(n.notes).toEqual([{ at: T0 + H, text: '已电话联系' }]);
    expect(n.updatedAt).toBe(T0 + H);
    expect(c.notes).toEqual([]);
    expect(addNote(c, '   ', T0 + H)).toBe(c);
  });

  it('supportMessage names the order, after-sale number, amount, the problem and since when (one clock, labelled once)', () => {
    const c = observe(newCase(), 'approved', rules, T0, 'page', { afterSaleId: 'AS900' }).case;
    const confirmed = ok(applyAction(c, 'confirm', rules, T0 + H, 'panel'));
    const zh = supportMessage(confirmed, 'zh-CN', T0 + 28 * H);
    expect(zh).toContain('订单编号：2411260001');
    expect(zh).toContain('售后单号：AS900');
    expect(zh).toContain('退款金额：¥89.90（退货退款）');
    expect(zh).toContain('问题：已确认，待到账，自 2026-11-26 11:00（北京时间）起');
    expect(zh).toContain('审核通过时间：2026-11-26 10:00');
    expect(zh).toContain('超过到账期限（2026-11-27 11:00）3 小时仍未到账');
    expect(zh.match(/北京时间/g)).toHaveLength(1);
    const en = supportMessage(confirmed, 'en', T0 + 28 * H);
    expect(en).toContain('Order number: 2411260001');
    expect(en).toContain('After-sale number: AS900');
    expect(en).toContain('¥89.90');
    expect(en).toContain('3 hours after the arrival deadline');
    expect(en.match(/China time/g)).toHaveLength(1);
  });

  it('supportMessage: no arrival claim for a case whose window has not started', () => {
    const approved = observe(newCase(), 'approved', rules, T0).case;
    const msg = supportMessage(approved, 'zh-CN', T0 + 30 * H);
    expect(msg).not.toContain('到账时限');
    expect(msg).not.toContain('仍未到账');
  });

  it('supportMessage after 我已联系客服: still the rejection, since its change (not the overdue marker), with the platform comment', () => {
    const rejected = observe(newCase(), 'rejected', rules, T0 + 2 * H, 'page', { afterSaleId: 'AS901', comment: '凭证不足，请补充商品照片' }).case;
    const escalated = ok(applyAction(rejected, 'contact-support', rules, T0 + 5 * H, 'panel'));
    const marked = {
      ...escalated,
      history: [...escalated.history, { from: 'escalated' as const, to: 'escalated' as const, at: T0 + 40 * H, source: 'alarm' as const, note: 'x' }],
    };
    const zh = supportMessage(marked, 'zh-CN', T0 + 50 * H);
    expect(zh).toContain('问题：审核不通过，自 2026-11-26 12:00（北京时间）起');
    expect(zh).toContain('平台意见：凭证不足，请补充商品照片');
    expect(zh).toContain('审核不通过，请告知原因及后续处理方式。');
    expect(zh).toContain('已于 2026-11-26 15:00 联系过客服');
    expect(zh).not.toContain('已联系客服，自');
    const en = supportMessage(marked, 'en', T0 + 50 * H);
    expect(en).toContain('Problem: Rejected, since 2026-11-26 12:00 (China time)');
    expect(en).toContain("Platform's comment: 凭证不足");
  });

  it('historyText: a change reads "X → Y", a marker its note, never "X → X"', () => {
    expect(historyText({ from: 'reviewing', to: 'approved', at: T0, source: 'page' }, 'zh-CN')).toBe('审核中 → 审核通过，待确认退款');
    expect(historyText({ from: null, to: 'reviewing', at: T0, source: 'panel' }, 'en')).toBe('Created: Under review');
    const overdue = { from: 'confirmed' as const, to: 'confirmed' as const, at: T0, source: 'alarm' as const, note: OVERDUE_NOTE };
    expect(historyText(overdue, 'zh-CN')).toBe('已超时：超过到账时限');
    expect(historyText(overdue, 'en')).toBe('Overdue: past the arrival window');
    expect(historyText({ from: 'approved', to: 'approved', at: T0, source: 'import' }, 'zh-CN')).toBe('导入（审核通过，待确认退款）');
    expect(historyText({ from: 'rejected', to: 'closed', at: T0, source: 'panel', note: REAPPLIED_NOTE }, 'zh-CN')).toBe('审核不通过 → 已关闭（已重新申请）');
    for (const h of [
      overdue,
      { from: 'escalated' as const, to: 'escalated' as const, at: T0, source: 'popup' as const, note: '再次联系客服 / contacted support again' },
    ]) {
      expect(historyText(h, 'zh-CN')).not.toContain('→');
    }
  });

  it('observe keeps the platform comment and never takes another after-sale number', () => {
    const c = observe(newCase(), 'rejected', rules, T0 + H, 'page', { afterSaleId: 'A1', comment: '  凭证不足  ' }).case;
    expect(c).toMatchObject({ afterSaleId: 'A1', platformComment: '凭证不足' });
    const other = observe(c, 'reviewing', rules, T0 + 2 * H, 'page', { afterSaleId: 'A2' });
    expect(other).toEqual({ changed: false, case: c });
  });

  it('supportMessage for a rejection without an after-sale number', () => {
    const msg = supportMessage(caseIn('rejected', T0), 'zh-CN', T0 + H);
    expect(msg).toContain('售后单号：（暂无）');
    expect(msg).toContain('审核不通过');
  });
});
