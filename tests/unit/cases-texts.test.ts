import { describe, expect, it } from 'vitest';
import {
  addNote,
  applyAction,
  ATTENTION_LABELS,
  historyText,
  OVERDUE_NOTE,
  REAPPLIED_NOTE,
  STATUS_LABELS,
  supportMessage,
  URGENCY,
} from '../../lib/cases/model';
import type { CaseStatus } from '../../lib/cases/status';
import { caseIn, deepFreeze, H, newCase, ok, rules, seenOnPage, T0 } from './helpers/case-model';

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
    const c = seenOnPage('approved', T0, { afterSaleId: 'AS900' });
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
    const approved = seenOnPage('approved', T0);
    const msg = supportMessage(approved, 'zh-CN', T0 + 30 * H);
    expect(msg).not.toContain('到账时限');
    expect(msg).not.toContain('仍未到账');
  });

  it('supportMessage after 我已联系客服: still the rejection, since its change (not the overdue marker), with the platform comment', () => {
    const rejected = seenOnPage('rejected', T0 + 2 * H, { afterSaleId: 'AS901', comment: '凭证不足，请补充商品照片' });
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

  it('supportMessage for a rejection without an after-sale number', () => {
    const msg = supportMessage(caseIn('rejected', T0), 'zh-CN', T0 + H);
    expect(msg).toContain('售后单号：（暂无）');
    expect(msg).toContain('审核不通过');
  });
});
