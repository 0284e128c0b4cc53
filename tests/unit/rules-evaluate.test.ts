import { describe, expect, it } from 'vitest';
import { createCase } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import type { CaseStatus } from '../../lib/cases/status';
import type { OrderStatus, RefundType } from '../../lib/order';
import { DEFAULT_RULES, defaultRules } from '../../lib/rules/defaults';
import {
  adviseOrder,
  checkEvidence,
  defaultRefundType,
  expressEligibility,
  findOpenCase,
  MISSING_VAR,
  refundAmount,
  remarkFor,
  renderRemark,
  requiredEvidence,
  shippingPayer,
  suggestReasons,
  type Advice,
  type EvidenceFacts,
} from '../../lib/rules/evaluate';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 26, 2, 0, 0); // 2026-11-26 10:00 China time
const rules = DEFAULT_RULES;

function caseIn(status: CaseStatus, patch: Partial<RefundCase> = {}): RefundCase {
  const c = createCase({ orderId: 'O1', refundType: 'return-refund', reasonId: 'quality', paidAmount: 5000 }, rules, T0, 'panel');
  return { ...c, status, ...patch };
}

describe('adviseOrder from the order status (guide: what can be done with an order)', () => {
  it.each<[OrderStatus | undefined, Advice]>([
    ['unpaid', 'cancel-order'],
    ['unshipped', 'cancel-order'],
    ['shipped', 'return-refund'],
    ['delivered', 'return-refund'],
    ['completed', 'return-refund'],
    ['refunding', 'wait'],
    ['refunded', 'locked'],
    ['closed', 'locked'],
    [undefined, 'wait'],
  ])('%s → %s', (status, advice) => {
    const r = adviseOrder({ status }, undefined, T0);
    expect(r.advice).toBe(advice);
    expect(r.why['zh-CN']).not.toBe('');
    expect(r.why.en).not.toBe('');
  });
});

describe('adviseOrder: an open case overrides the order status', () => {
  const approvedAt = T0 + H;
  const due = approvedAt + 24 * H;
  it.each<[string, RefundCase, number, Advice]>([
    ['reviewing', caseIn('reviewing'), T0, 'wait'],
    ['approved', caseIn('approved', { approvedAt, deadlines: { arrivalDueAt: due } }), approvedAt, 'confirm-refund'],
    ['approved, 1 ms before due', caseIn('approved', { approvedAt, deadlines: { arrivalDueAt: due } }), due - 1, 'confirm-refund'],
    // The arrival window starts at confirmation: an approved case waits for the merchant, however long.
    ['approved, long after approval', caseIn('approved', { approvedAt, deadlines: { arrivalDueAt: due } }), due + 100 * H, 'confirm-refund'],
    ['confirmed', caseIn('confirmed', { approvedAt, deadlines: { arrivalDueAt: due } }), due - 1, 'wait'],
    ['confirmed, overdue (exactly at due)', caseIn('confirmed', { approvedAt, deadlines: { arrivalDueAt: due } }), due, 'contact-support'],
    ['rejected', caseIn('rejected'), T0, 'contact-support'],
    ['failed', caseIn('failed'), T0, 'contact-support'],
    ['escalated', caseIn('escalated', { deadlines: { followUpAt: T0 + 24 * H } }), T0, 'wait'],
    ['escalated, follow-up due', caseIn('escalated', { deadlines: { followUpAt: T0 + 24 * H } }), T0 + 24 * H, 'contact-support'],
    ['refunded', caseIn('refunded'), T0, 'locked'],
    ['cancelled', caseIn('cancelled'), T0, 'locked'],
    ['closed', caseIn('closed'), T0, 'locked'],
  ])('%s → %s', (_n, c, now, advice) => {
    expect(adviseOrder({ status: 'delivered' }, c, now).advice).toBe(advice);
  });

  it('a draft case does not override the order status', () => {
    expect(adviseOrder({ status: 'unshipped' }, caseIn('draft'), T0).advice).toBe('cancel-order');
  });
});

describe('defaultRefundType', () => {
  it.each<[OrderStatus | undefined, RefundType]>([
    ['unpaid', 'refund-only'],
    ['unshipped', 'refund-only'],
    ['shipped', 'return-refund'],
    ['delivered', 'return-refund'],
    ['completed', 'return-refund'],
    [undefined, 'return-refund'],
  ])('%s → %s', (status, type) => {
    expect(defaultRefundType({ status })).toBe(type);
  });
});

describe('suggestReasons', () => {
  it.each<[RefundType, OrderStatus | undefined, string[], string[]]>([
    ['refund-only', 'unshipped', ['changed-mind', 'other'], ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts', 'not-received']],
    ['refund-only', 'shipped', ['not-received', 'changed-mind'], ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts', 'other']],
    ['return-refund', 'shipped', ['changed-mind'], ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts', 'other']],
    ['return-refund', 'delivered', ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts'], ['changed-mind', 'other']],
    ['return-refund', undefined, [], ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts', 'changed-mind', 'other']],
  ])('%s, %s → suggested %j first, then %j', (refundType, orderStatus, suggested, rest) => {
    const list = suggestReasons(rules, { refundType, orderStatus });
    expect(list.map((x) => x.reason.id)).toEqual([...suggested, ...rest]);
    expect(list.filter((x) => x.suggested).map((x) => x.reason.id)).toEqual(suggested);
    for (const x of list.filter((i) => i.suggested)) expect(x.why?.['zh-CN']).toBeTruthy();
  });

  it('not-received is offered for refund only, never for return and refund (nothing to return)', () => {
    expect(suggestReasons(rules, { refundType: 'return-refund', orderStatus: 'shipped' }).map((x) => x.reason.id)).not.toContain('not-received');
  });
});

describe('evidence (guide: return and refund needs four items, refund only none)', () => {
  it.each<[RefundType, string | undefined, OrderStatus | undefined, string[]]>([
    ['return-refund', 'quality', 'delivered', ['purchase-proof', 'product-photos', 'tracking-number', 'courier']],
    ['return-refund', 'changed-mind', 'shipped', ['purchase-proof', 'product-photos', 'tracking-number', 'courier']],
    ['return-refund', undefined, undefined, ['purchase-proof', 'product-photos', 'tracking-number', 'courier']],
    ['refund-only', 'quality', 'delivered', []],
    ['refund-only', 'not-received', 'shipped', []],
    ['refund-only', undefined, 'unshipped', []],
  ])('%s / %s / %s → %j', (refundType, reasonId, orderStatus, ids) => {
    expect(requiredEvidence(rules, { refundType, reasonId, orderStatus }).map((e) => e.id)).toEqual(ids);
  });

  it('rules restricted by category or status apply only where they match', () => {
    const r = defaultRules();
    r.evidence.push({
      id: 'damage-video',
      label: { 'zh-CN': '开箱视频', en: 'Unboxing video' },
      kind: 'video',
      satisfiedBy: { type: 'uploads', min: 2 },
      appliesTo: { reasonCategories: ['damaged'], orderStatuses: ['delivered'] },
      why: { 'zh-CN': '破损需要开箱视频', en: 'Damage needs an unboxing video' },
    });
    const ids = (reasonId?: string, orderStatus?: OrderStatus) => requiredEvidence(r, { refundType: 'refund-only', reasonId, orderStatus }).map((e) => e.id);
    expect(ids('damaged', 'delivered')).toEqual(['damage-video']);
    expect(ids('quality', 'delivered')).toEqual([]);
    expect(ids('damaged', 'shipped')).toEqual([]);
    expect(ids(undefined, undefined)).toEqual(['damage-video']); // unknown: ask rather than miss
  });

  const none: EvidenceFacts = { uploads: 0, fields: {}, ticked: [] };
  const all: EvidenceFacts = { uploads: 2, fields: { trackingNo: 'SF1234567890', courier: '顺丰速运' }, ticked: ['purchase-proof'] };
  it.each<[string, EvidenceFacts, Record<string, 'ok' | 'missing'>, boolean]>([
    ['nothing', none, { 'purchase-proof': 'missing', 'product-photos': 'missing', 'tracking-number': 'missing', courier: 'missing' }, false],
    ['everything', all, { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'ok', courier: 'ok' }, true],
    ['proof not ticked', { ...all, ticked: [] }, { 'purchase-proof': 'missing', 'product-photos': 'ok', 'tracking-number': 'ok', courier: 'ok' }, false],
    ['no photo', { ...all, uploads: 0 }, { 'purchase-proof': 'ok', 'product-photos': 'missing', 'tracking-number': 'ok', courier: 'ok' }, false],
    [
      'tracking number too short',
      { ...all, fields: { ...all.fields, trackingNo: 'SF123' } },
      { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'missing', courier: 'ok' },
      false,
    ],
    [
      'tracking number with a space',
      { ...all, fields: { ...all.fields, trackingNo: 'SF 1234567890' } },
      { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'missing', courier: 'ok' },
      false,
    ],
    [
      'tracking number padded',
      { ...all, fields: { ...all.fields, trackingNo: '  SF1234567890 ' } },
      { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'ok', courier: 'ok' },
      true,
    ],
    [
      'courier blank',
      { ...all, fields: { ...all.fields, courier: '   ' } },
      { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'ok', courier: 'missing' },
      false,
    ],
    [
      'photo vouched for by hand',
      { ...all, uploads: 0, ticked: ['purchase-proof', 'product-photos'] },
      { 'purchase-proof': 'ok', 'product-photos': 'ok', 'tracking-number': 'ok', courier: 'ok' },
      true,
    ],
  ])('return-refund with %s', (_n, facts, states, complete) => {
    const r = checkEvidence(rules, { refundType: 'return-refund', reasonId: 'quality' }, facts);
    expect(Object.fromEntries(r.items.map((i) => [i.id, i.state]))).toEqual(states);
    expect(r.complete).toBe(complete);
    expect(r.items.find((i) => i.id === 'purchase-proof')?.manual).toBe(true);
    expect(r.items.filter((i) => i.manual)).toHaveLength(1);
  });

  it('refund only is complete with no evidence at all', () => {
    expect(checkEvidence(rules, { refundType: 'refund-only', reasonId: 'quality' }, none)).toEqual({ complete: true, items: [] });
  });
});

describe('shippingPayer (guide: seller pays for quality/seller fault, buyer for own reasons)', () => {
  it.each([
    ['quality', 'seller'],
    ['not-as-described', 'seller'],
    ['wrong-item', 'seller'],
    ['damaged', 'seller'],
    ['missing-parts', 'seller'],
    ['not-received', 'seller'],
    ['changed-mind', 'buyer'],
    ['other', 'seller'],
    ['no-such-reason', 'seller'],
  ])('%s → %s', (reasonId, payer) => {
    const r = shippingPayer(rules, reasonId);
    expect(r.payer).toBe(payer);
    expect(r.why['zh-CN']).not.toBe('');
  });

  it('the fallback is configurable', () => {
    const r = defaultRules();
    r.shipping.fallback = 'buyer';
    expect(shippingPayer(r, 'other').payer).toBe('buyer');
    expect(shippingPayer(r, 'quality').payer).toBe('seller');
  });
});

describe('refundAmount (guide: the amount actually paid, the discounted price)', () => {
  it.each<[string, { paidAmount?: number; refundAmount?: number }, number | undefined, number | undefined, boolean]>([
    ['discounted goods: paid, not the list price', { paidAmount: 8990 }, undefined, 8990, false],
    ['request above paid is capped', { paidAmount: 8990 }, 12900, 8990, true],
    ['partial refund allowed', { paidAmount: 8990 }, 5000, 5000, false],
    ['request equal to paid', { paidAmount: 8990 }, 8990, 8990, false],
    ['negative request ignored', { paidAmount: 8990 }, -1, 8990, false],
    ['no paid amount: the page refund amount', { refundAmount: 3000 }, undefined, 3000, false],
    ['no paid amount: the request', { refundAmount: 3000 }, 2000, 2000, false],
    ['nothing known', {}, undefined, undefined, false],
    ['zero paid', { paidAmount: 0 }, 100, 0, true],
  ])('%s', (_n, order, requested, amount, capped) => {
    const r = refundAmount(order, requested);
    expect(r.amount).toBe(amount);
    expect(r.capped).toBe(capped);
    expect(r.why.en).not.toBe('');
  });
});

describe('remarks', () => {
  it.each([
    ['{orderId} / {amount}', { orderId: 'O1', amount: '¥1.00' }, 'O1 / ¥1.00'],
    ['{orderId} {trackingNo}', { orderId: 'O1' }, 'O1 （未填写）'],
    ['{orderId} {trackingNo}', { orderId: 'O1', trackingNo: '  ' }, 'O1 （未填写）'],
    ['{ not a var } {reason}', { reason: '破损' }, '{ not a var } 破损'],
    ['no variables', {}, 'no variables'],
    ['{a}{a}', { a: 'x' }, 'xx'],
  ])('renderRemark(%j)', (tpl, vars, out) => {
    expect(renderRemark(tpl, vars)).toBe(out);
  });

  it('renderRemark takes the placeholder for missing values', () => {
    expect(renderRemark('{x}', {}, MISSING_VAR.en)).toBe('(not provided)');
  });

  const order = { orderId: '2411260001', afterSaleId: 'AS77', paidAmount: 8990, trackingNo: 'SF1234567890', courier: '顺丰速运' };
  it.each([
    ['quality', 'zh-CN', '订单 2411260001 商品存在质量问题：（请具体描述问题，如开线、无法使用），申请退款 ¥89.90。'],
    ['changed-mind', 'en', 'Order 2411260001: the buyer changed their mind (7-day no-reason return), refund requested: ¥89.90.'],
    ['not-received', 'zh-CN', '订单 2411260001 已发货但未收到货（物流单号 SF1234567890，顺丰速运），申请仅退款 ¥89.90。'],
  ] as const)('remarkFor(%s, %s)', (reasonId, locale, text) => {
    expect(remarkFor(rules, reasonId, order, locale)).toBe(text);
  });

  it('remarkFor prefers the form’s tracking number and marks what is missing', () => {
    expect(remarkFor(rules, 'not-received', { orderId: 'O9' }, 'zh-CN', { trackingNo: 'YT9876543210' })).toBe(
      '订单 O9 已发货但未收到货（物流单号 YT9876543210，（未填写）），申请仅退款 （未填写）。',
    );
    expect(remarkFor(rules, 'nope', order, 'zh-CN')).toBe('');
  });
});

describe('expressEligibility', () => {
  it.each<[string, Parameters<typeof expressEligibility>[1], RefundType, boolean]>([
    ['small refund-only unshipped', { status: 'unshipped', paidAmount: 5000 }, 'refund-only', true],
    ['exactly the limit', { status: 'delivered', paidAmount: 20000 }, 'refund-only', true],
    ['above the limit', { status: 'delivered', paidAmount: 20001 }, 'refund-only', false],
    ['return and refund', { status: 'delivered', paidAmount: 5000 }, 'return-refund', false],
    ['completed order', { status: 'completed', paidAmount: 5000 }, 'refund-only', false],
    ['unknown amount', { status: 'shipped' }, 'refund-only', false],
    ['unknown status', { paidAmount: 100 }, 'refund-only', false],
    ['the page says so', { status: 'completed', paidAmount: 99999, expressRefundFlag: true }, 'return-refund', true],
  ])('%s → %s', (_n, order, type, eligible) => {
    const r = expressEligibility(rules, order, type);
    expect(r.eligible).toBe(eligible);
    expect(r.why['zh-CN']).not.toBe('');
  });

  it('disabled rules are never eligible; reason categories restrict', () => {
    const r = defaultRules();
    r.express.enabled = false;
    expect(expressEligibility(r, { status: 'shipped', paidAmount: 100 }, 'refund-only').eligible).toBe(false);
    r.express.enabled = true;
    r.express.reasonCategories = ['logistics'];
    expect(expressEligibility(r, { status: 'shipped', paidAmount: 100 }, 'refund-only', 'not-received').eligible).toBe(true);
    expect(expressEligibility(r, { status: 'shipped', paidAmount: 100 }, 'refund-only', 'quality').eligible).toBe(false);
  });
});

describe('findOpenCase (duplicate applications)', () => {
  const mk = (id: string, orderId: string, status: CaseStatus, updatedAt: number) => ({ ...caseIn(status), id, orderId, updatedAt });
  it.each<[string, RefundCase[], string, string | undefined]>([
    ['no cases', [], 'O1', undefined],
    ['an open case', [mk('a', 'O1', 'reviewing', 1)], 'O1', 'a'],
    ['another order', [mk('a', 'O2', 'reviewing', 1)], 'O1', undefined],
    ['only terminal', [mk('a', 'O1', 'refunded', 1), mk('b', 'O1', 'closed', 2), mk('c', 'O1', 'cancelled', 3)], 'O1', undefined],
    ['terminal and open', [mk('a', 'O1', 'closed', 5), mk('b', 'O1', 'reviewing', 2)], 'O1', 'b'],
    // A rejected or failed application has ended: applying again is a new case, not a duplicate.
    ['rejected and failed are not open', [mk('a', 'O1', 'rejected', 5), mk('b', 'O1', 'failed', 2)], 'O1', undefined],
    [
      'escalated from rejected is not open',
      [{ ...mk('a', 'O1', 'escalated', 5), history: [{ from: 'rejected', to: 'escalated', at: 5, source: 'panel' }] } as RefundCase],
      'O1',
      undefined,
    ],
    [
      'escalated from reviewing is open',
      [{ ...mk('a', 'O1', 'escalated', 5), history: [{ from: 'reviewing', to: 'escalated', at: 5, source: 'panel' }] } as RefundCase],
      'O1',
      'a',
    ],
    ['two open: the latest', [mk('a', 'O1', 'reviewing', 1), mk('b', 'O1', 'approved', 9)], 'O1', 'b'],
    ['draft is open', [mk('a', 'O1', 'draft', 1)], 'O1', 'a'],
  ])('%s', (_n, cases, orderId, id) => {
    expect(findOpenCase(cases, orderId)?.id).toBe(id);
  });
});

describe('template instructions in the remark (they never reach the platform)', () => {
  const refundOnly = { refundType: 'refund-only' as const, reasonId: 'quality' };
  const facts = (remark: string) => ({ uploads: 0, fields: { remark }, ticked: [] });

  it('an unreplaced instruction is a missing remark, even where no rule asks for a remark', () => {
    const r = defaultRules();
    const remark = remarkFor(r, 'quality', { orderId: '2411', paidAmount: 1000 }, 'zh-CN');
    const ev = checkEvidence(r, refundOnly, facts(remark));
    expect(ev.complete).toBe(false);
    expect(ev.items).toEqual([expect.objectContaining({ id: 'remark', state: 'missing' })]);
    expect(ev.items[0].why['zh-CN']).toContain('（请具体描述问题，如开线、无法使用）');
    const done = checkEvidence(r, refundOnly, facts(remark.replace(/（请[^）]*）/, '袖口开线')));
    expect(done).toEqual({ complete: true, items: [] });
  });

  it("a variable the order did not have ('（未填写）') and an English instruction count too", () => {
    const r = defaultRules();
    expect(checkEvidence(r, refundOnly, facts('已发货但未收到货（物流单号 （未填写））')).complete).toBe(false);
    expect(checkEvidence(r, refundOnly, facts('the goods have a quality problem: (please describe it concretely)')).complete).toBe(false);
    // A remark of the merchant's own with parentheses is fine.
    expect(checkEvidence(r, refundOnly, facts('袖口开线（左袖）。')).complete).toBe(true);
  });

  it("the merchant's own templates mark instructions the same way; a remark rule then shows the instruction", () => {
    const r = defaultRules();
    r.reasons[0].remarkTemplate['zh-CN'] = '订单 {orderId}：（请写明问题出现的时间）';
    r.evidence.push({
      id: 'remark-text',
      label: { 'zh-CN': '问题描述', en: 'Description' },
      kind: 'text',
      satisfiedBy: { type: 'field', field: 'remark', pattern: '\\S' },
      appliesTo: {},
      why: { 'zh-CN': '请描述问题', en: 'Describe the problem' },
    });
    const ev = checkEvidence(r, refundOnly, facts(remarkFor(r, 'quality', { orderId: '2411' }, 'zh-CN')));
    expect(ev.items).toEqual([expect.objectContaining({ id: 'remark-text', state: 'missing' })]);
    expect(ev.items[0].why['zh-CN']).toContain('（请写明问题出现的时间）');
  });
});
