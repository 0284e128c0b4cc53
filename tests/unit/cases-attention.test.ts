import { describe, expect, it } from 'vitest';
import {
  applyAction,
  attention,
  badgeSummary,
  compareUrgency,
  isConfirmDue,
  isOverdue,
  OVERDUE_NOTE,
  recomputeDerived,
  retime,
  URGENCY,
  type AttentionKind,
} from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CASE_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { caseIn, H, newCase, ok, rules, seenOnPage, T0 } from './helpers/case-model';

describe('overdue (the money within 24 h after the refund is confirmed)', () => {
  const approvedAt = T0 + 2 * H;
  const approved = seenOnPage('approved', approvedAt);
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
      mk('approved-23h', seenOnPage('approved', now - H), { confirmRemindAt: now + 23 * H }),
      mk('approved-5h', seenOnPage('approved', now - H), { confirmRemindAt: now + 5 * H }),
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
  const approved = () => seenOnPage('approved', NOW - H); // not overdue yet
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
