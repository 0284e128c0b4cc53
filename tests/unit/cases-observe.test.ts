import { describe, expect, it } from 'vitest';
import { applyAction, observe, PLATFORM_INTERVENED } from '../../lib/cases/model';
import { CASE_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { OBSERVED_STATUSES, type ObservedStatus } from '../../lib/sites/texts';
import { caseIn, deepFreeze, H, newCase, ok, rules, seenOnPage, T0 } from './helpers/case-model';

// What the page's status does to a case: status × observed → resulting status (· : no change).
// Columns in the order of OBSERVED_STATUSES.
// biome-ignore format: a table reads as a table
const TABLE: Record<CaseStatus, string> = {
  //           reviewing approved confirmed refunded rejected failed escalated closed
  draft:     'reviewing approved confirmed refunded rejected failed escalated closed',
  // 退款执行中 on a case still under review: the approval and the confirmation happened unseen.
  reviewing: '·         approved confirmed refunded rejected failed escalated closed',
  // The merchant confirmed in another tab: the page's 退款执行中 moves the case on.
  approved:  '·         ·        confirmed refunded rejected failed escalated closed',
  confirmed: '·         ·        ·         refunded rejected failed escalated closed',
  refunded:  '·         ·        ·         ·        ·        ·      ·         ·',
  rejected:  'reviewing approved confirmed refunded ·        ·      escalated closed',
  failed:    'reviewing approved confirmed refunded ·        ·      escalated closed',
  // caseIn('escalated') was escalated from rejected: the page still showing 审核不通过 is no news.
  escalated: 'reviewing approved confirmed refunded ·        ·      ·         closed',
  cancelled: '·         ·        ·         ·        ·        ·      ·         ·',
  closed:    '·         ·        ·         ·        ·        ·      ·         ·',
};
const OBS = Object.fromEntries(
  CASE_STATUSES.map((s) => [s, Object.fromEntries(TABLE[s].split(/\s+/).map((to, i) => [OBSERVED_STATUSES[i], to === '·' ? null : (to as CaseStatus)]))]),
) as Record<CaseStatus, Record<ObservedStatus, CaseStatus | null>>;
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

  it('observe keeps the platform comment and never takes another after-sale number', () => {
    const c = seenOnPage('rejected', T0 + H, { afterSaleId: 'A1', comment: '  凭证不足  ' });
    expect(c).toMatchObject({ afterSaleId: 'A1', platformComment: '凭证不足' });
    const other = observe(c, 'reviewing', rules, T0 + 2 * H, 'page', { afterSaleId: 'A2' });
    expect(other).toEqual({ changed: false, case: c });
  });
});
