// @vitest-environment happy-dom
// The panel's views, one page kind at a time, from plain data (model.ts → Panel.tsx): the hooks
// (data-rh attributes), the evidence checklist, the submit warning, missing fields, hostile page text.
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAction, observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { orderAdvice, withView } from '../../lib/cases/shown';
import type { OrderSnapshot, PageKind } from '../../lib/order';
import { defaultRules } from '../../lib/rules/defaults';
import type { RuleSet } from '../../lib/rules/schema';
import type { FormFacts, ReadResult } from '../../lib/sites/adapter';
import { buildModel, emptyState, type PageState } from '../../lib/content/model';
import { orderSections } from '../../components/panel/Order';
import { Panel, type PanelActions } from '../../components/panel/Panel';
import { PANEL_CSS } from '../../components/panel/styles';
import { HOUR, makeCase, T0 } from './helpers/cases';
import { anyModel } from './helpers/content';

const ORDER = '2411080012345678';
let rules: RuleSet;
let root: HTMLElement;

beforeEach(() => {
  rules = defaultRules();
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function read(snapshot: Partial<OrderSnapshot>, extra: Partial<ReadResult> = {}): ReadResult {
  return {
    snapshot: { missing: [], url: 'http://s.kwaixiaodian.com/zone/order/detail', readAt: T0, ...snapshot } as OrderSnapshot,
    computed: [],
    ...extra,
  };
}

const SHIPPED = { orderId: ORDER, status: 'shipped', statusText: '已发货', paidAmount: 12_900, trackingNo: '78812345678901', courier: '中通快递' } as const;

function actions(): PanelActions & Record<string, ReturnType<typeof vi.fn>> {
  return {
    toggle: vi.fn(),
    dock: vi.fn(),
    resize: vi.fn(),
    reveal: vi.fn(),
    provide: vi.fn(),
    setRefundType: vi.fn(),
    setReason: vi.fn(),
    setRemark: vi.fn(),
    fill: vi.fn(),
    tick: vi.fn(),
    addEvidence: vi.fn(),
    submitAnyway: vi.fn(),
    openCases: vi.fn(),
    copySupport: vi.fn(),
    contactSupport: vi.fn(),
  };
}

function show(state: PageState, opts: { collapsed?: boolean; now?: number; locale?: 'zh-CN' | 'en'; acts?: PanelActions } = {}) {
  const a = opts.acts ?? actions();
  const [locale, now] = [opts.locale ?? 'zh-CN', opts.now ?? T0];
  // The case and the advice as the background sends them: in words.
  if (state.caseRec) state = { ...state, caseRec: withView(state.caseRec, locale, now) };
  const model = anyModel({ state, rules, locale, now, advice: orderAdvice(locale, now) });
  render(h(Panel, { model, layout: { side: 'right', width: 320, collapsed: opts.collapsed ?? false }, actions: a, sections: orderSections }), root);
  return { model, actions: a };
}

function page(kind: PageKind, patch: Partial<PageState> = {}): PageState {
  return { ...emptyState(kind), ...patch };
}

const $ = (sel: string) => root.querySelector(sel);
const attr = (sel: string, name: string) => $(sel)?.getAttribute(name) ?? null;
const field = (name: string) => attr(`[data-rh-field="${name}"]`, 'data-value');
const form = (facts: Partial<FormFacts> = {}): FormFacts => ({ uploads: 0, ...facts });

function caseIn(status: 'reviewing' | 'approved' | 'rejected' | 'failed' | 'confirmed', now = T0): RefundCase {
  let c = makeCase(ORDER, now, { refundType: 'return-refund', paidAmount: 12_900, refundAmount: 12_900 });
  if (status === 'reviewing') return c;
  if (status === 'rejected' || status === 'failed') return observe(c, status, rules, now + HOUR).case;
  c = observe(c, 'approved', rules, now + HOUR).case;
  if (status === 'confirmed') {
    const r = applyAction(c, 'confirm', rules, now + 2 * HOUR, 'panel');
    if (r.ok) c = r.case;
  }
  return c;
}

describe('order detail', () => {
  it('shows the order as read, in 分, with the advice', () => {
    show(page('order-detail', { read: read(SHIPPED), caseRec: null }));
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(field('orderId')).toBe(ORDER);
    expect(field('orderStatus')).toBe('shipped');
    expect(field('paidAmount')).toBe('12900');
    expect($('[data-rh-field="paidAmount"]')!.textContent).toContain('¥129.00');
    expect(field('trackingNo')).toBe('78812345678901');
    expect(field('courier')).toBe('中通快递');
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('return-refund');
    expect($('[data-rh="refund-type"]')).toBeNull();
    expect($('[data-rh-field="caseStatus"]')).toBeNull();
  });

  it.each([
    ['unshipped', 'cancel-order'],
    ['unpaid', 'cancel-order'],
    ['delivered', 'return-refund'],
    ['refunded', 'locked'],
    ['closed', 'locked'],
  ] as const)('a %s order: advice %s', (status, advice) => {
    show(page('order-detail', { read: read({ ...SHIPPED, status }) }));
    expect(attr('[data-rh="advice"]', 'data-value')).toBe(advice);
  });

  it('shows the case: status, next step, timeline; approved asks to confirm', () => {
    show(page('order-detail', { read: read(SHIPPED), caseRec: caseIn('approved') }));
    expect(field('caseStatus')).toBe('approved');
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('confirm-refund');
    expect(attr('[data-rh="case"]', 'data-status')).toBe('approved');
    expect($('[data-rh="next-step"]')!.textContent).toContain('确认退款');
    expect($('[data-rh="timeline"]')!.querySelectorAll('li')).toHaveLength(2);
    expect($('[data-rh="support-message"]')).toBeNull();
  });

  it('the timeline shows a marker by its note (已超时), never "X → X"', () => {
    const c = caseIn('confirmed');
    const marked = {
      ...c,
      history: [
        ...c.history,
        { from: 'confirmed' as const, to: 'confirmed' as const, at: T0 + 30 * HOUR, source: 'alarm' as const, note: '超过到账时限 / past the arrival window' },
      ],
    };
    show(page('order-detail', { read: read(SHIPPED), caseRec: marked }));
    const lines = [...$('[data-rh="timeline"]')!.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(lines[0]).toContain('已超时：超过到账时限');
    expect(lines.some((l) => /已确认，待到账 → 已确认，待到账/.test(l))).toBe(false);
  });

  it('the support message box uses the panel’s text font, not monospace', () => {
    // `font: 12px/1.6 inherit` is not valid CSS (inherit cannot be part of the shorthand): the
    // browser dropped it and the <pre> fell back to monospace.
    const pre = /(?:^|[}\s])pre\{([^}]*)\}/m.exec(PANEL_CSS)?.[1] ?? '';
    expect(pre).toContain('font-family:inherit');
    expect(pre).not.toMatch(/font:[^;]*inherit/);
  });

  it('a refunded case locks the order', () => {
    let c = caseIn('confirmed');
    c = observe(c, 'refunded', rules, T0 + 3 * HOUR).case;
    show(page('order-detail', { read: read({ ...SHIPPED, status: 'refunded' }), caseRec: c }));
    expect(field('caseStatus')).toBe('refunded');
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('locked');
  });
});

describe('refund form', () => {
  it('offers the refund type and the reasons, suggested first, with the amount paid', () => {
    show(page('refund-form', { read: read({ ...SHIPPED, status: 'delivered' }), form: form() }));
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('refund-form');
    const type = $('[data-rh="refund-type"]') as HTMLSelectElement;
    expect(type.value).toBe('return-refund');
    expect([...type.options].map((o) => o.value)).toEqual(['refund-only', 'return-refund']);
    const reasons = [...($('[data-rh="reason"]') as HTMLSelectElement).options].filter((o) => o.value);
    const flags = reasons.map((o) => o.getAttribute('data-suggested'));
    expect(flags.indexOf('false')).toBeGreaterThan(flags.lastIndexOf('true')); // suggested first
    expect(reasons.slice(0, 5).map((o) => o.value)).toEqual(expect.arrayContaining(['quality', 'damaged', 'not-as-described']));
    expect(reasons.map((o) => o.value)).not.toContain('not-received'); // refund only
    expect(field('refundAmount')).toBe('12900');
    expect($('[data-rh="fill-form"]')).not.toBeNull();
    expect($('[data-rh-field="shippingPayer"]')).toBeNull(); // no reason yet
  });

  it('with a reason: the remark from its template, who pays the return postage, express refund', () => {
    show(page('refund-form', { read: read(SHIPPED), form: form(), choice: { refundType: 'return-refund', reasonId: 'quality' } }));
    expect(($('[data-rh="reason"]') as HTMLSelectElement).value).toBe('quality');
    const remark = ($('[data-rh="remark"]') as HTMLTextAreaElement).value;
    expect(remark).toContain(ORDER);
    expect(remark).toContain('¥129.00');
    expect(field('shippingPayer')).toBe('seller');
    expect(attr('[data-rh="express"]', 'data-value')).toBe('false'); // return and refund is not express
  });

  it('a buyer’s reason: the buyer pays the return postage', () => {
    show(page('refund-form', { read: read(SHIPPED), form: form(), choice: { refundType: 'return-refund', reasonId: 'changed-mind' } }));
    expect(field('shippingPayer')).toBe('buyer');
  });

  it('the evidence checklist follows the form: uploads, tracking number, courier, ticked purchase proof', () => {
    const s = page('refund-form', { read: read(SHIPPED), form: form(), choice: { refundType: 'return-refund', reasonId: 'quality' } });
    show(s);
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('false');
    const ids = [...root.querySelectorAll('[data-rh-evidence]')].map((e) => e.getAttribute('data-rh-evidence'));
    expect(ids).toEqual(['purchase-proof', 'product-photos', 'tracking-number', 'courier']);
    expect([...root.querySelectorAll('[data-rh-evidence]')].every((e) => e.getAttribute('data-state') === 'missing')).toBe(true);
    // Each missing item says why.
    expect($('[data-rh-evidence="tracking-number"]')!.textContent).toContain('物流单号');

    show({ ...s, form: form({ uploads: 2, trackingNo: 'SF1300000000001', courier: '顺丰速运', refundType: 'return-refund' }) });
    expect(attr('[data-rh-evidence="product-photos"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-evidence="tracking-number"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-evidence="courier"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-evidence="purchase-proof"]', 'data-state')).toBe('missing');
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('false');

    show({ ...s, form: form({ uploads: 2, trackingNo: 'SF1300000000001', courier: '顺丰速运' }), ticked: ['purchase-proof'] });
    expect(attr('[data-rh-evidence="purchase-proof"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-evidence="purchase-proof"]', 'aria-checked')).toBe('true');
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
  });

  it('a tracking number that is not one does not count', () => {
    show(page('refund-form', { read: read(SHIPPED), form: form({ trackingNo: 'abc' }), choice: { refundType: 'return-refund' } }));
    expect(attr('[data-rh-evidence="tracking-number"]', 'data-state')).toBe('missing');
  });

  it('a manual item is a checkbox the merchant ticks by clicking the item itself', () => {
    const a = actions();
    show(page('refund-form', { read: read(SHIPPED), form: form(), choice: { refundType: 'return-refund' } }), { acts: a });
    const item = $('[data-rh-evidence="purchase-proof"]') as HTMLElement;
    expect(item.tagName).toBe('BUTTON');
    expect(item.getAttribute('role')).toBe('checkbox');
    item.click();
    expect(a.tick).toHaveBeenCalledWith('purchase-proof');
    // Items read from the page are not buttons.
    expect($('[data-rh-evidence="product-photos"]')!.tagName).not.toBe('BUTTON');
  });

  it('refund only (an unshipped order) needs no return evidence: complete with no items', () => {
    show(page('refund-form', { read: read({ orderId: ORDER, status: 'unshipped', paidAmount: 6_900 }), form: form() }));
    expect(($('[data-rh="refund-type"]') as HTMLSelectElement).value).toBe('refund-only');
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
    expect(root.querySelectorAll('[data-rh-evidence]')).toHaveLength(0);
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('cancel-order');
  });

  it.each(['warn', 'block'] as const)('the submit warning (%s) lists what is missing', (mode) => {
    show(page('refund-form', { read: read(SHIPPED), form: form(), choice: { refundType: 'return-refund' }, warning: { mode } }));
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe(mode);
    expect($('[data-rh="submit-warning"]')!.querySelectorAll('li')).toHaveLength(4);
    expect($('[data-rh="submit-warning"]')!.textContent).toContain(mode === 'warn' ? '审核可能因此不通过' : '不能提交');
    // 去补充 always; 仍要提交 only where the rules let a submit through.
    expect($('[data-rh="add-evidence"]')).not.toBeNull();
    expect($('[data-rh="submit-anyway"]') === null).toBe(mode === 'block');
  });

  it('the submit warning shows even with the panel collapsed, at the page’s button', () => {
    show(
      page('refund-form', {
        read: read(SHIPPED),
        form: form(),
        choice: { refundType: 'return-refund' },
        warning: { mode: 'warn', anchor: { left: 420, bottom: 96 } },
      }),
      { collapsed: true },
    );
    const pop = $('[data-rh="submit-warning"]') as HTMLElement;
    expect(pop.closest('[hidden]')).toBeNull();
    expect([pop.style.left, pop.style.bottom, pop.style.top]).toEqual(['420px', '96px', '']);
  });

  it('no warning once the evidence is complete', () => {
    show(page('refund-form', { read: read({ ...SHIPPED, status: 'unshipped' }), form: form(), warning: { mode: 'block' } }));
    expect($('[data-rh="submit-warning"]')).toBeNull();
  });

  it('an order with an open case: the form says it would be a duplicate', () => {
    show(page('refund-form', { read: read(SHIPPED), form: form(), caseRec: caseIn('reviewing') }));
    expect($('[data-rh="duplicate"]')!.textContent).toContain('重复');
    show(page('refund-form', { read: read(SHIPPED), form: form(), caseRec: null }));
    expect($('[data-rh="duplicate"]')).toBeNull();
  });

  it('reports the fields the fill could not write, with the reason', () => {
    show(
      page('refund-form', {
        read: read(SHIPPED),
        form: form(),
        fillReport: { filled: ['refundType'], failed: [{ field: 'reasonLabels', reason: '没有此选项' }] },
      }),
    );
    expect($('[data-rh="fill-result"]')!.textContent).toContain('没有此选项');
  });

  it('waits for the rules before offering the form', () => {
    const model = buildModel({ state: page('refund-form', { read: read(SHIPPED), form: form() }), locale: 'zh-CN', now: T0 });
    expect(model.form).toBeUndefined();
  });
});

describe('refund detail and support', () => {
  it.each(['rejected', 'failed'] as const)('a %s case: the ready 联系客服 message and a way to record the contact', (status) => {
    const a = actions();
    show(
      page('refund-detail', {
        read: read({ orderId: ORDER, afterSaleId: '12024111500006', refundAmount: 12_900, refundType: 'return-refund' }),
        caseRec: caseIn(status),
      }),
      { acts: a },
    );
    expect(field('afterSaleId')).toBe('12024111500006');
    expect(field('refundAmount')).toBe('12900');
    expect(field('refundType')).toBe('return-refund');
    expect(field('caseStatus')).toBe(status);
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('contact-support');
    const msg = $('[data-rh="support-message"]')!.textContent!;
    expect(msg).toContain(ORDER);
    expect(msg).toContain('¥129.00');
    ($('[data-rh="contact-support"]') as HTMLElement).click();
    expect(a.contactSupport).toHaveBeenCalled();
    ($('[data-rh="copy-support"]') as HTMLElement).click();
    expect(a.copySupport).toHaveBeenCalledWith(msg);
  });

  it('an overdue case (past the arrival window) asks for 联系客服', () => {
    const c = caseIn('confirmed');
    const due = c.deadlines.arrivalDueAt!;
    show(page('refund-detail', { read: read({ orderId: ORDER }), caseRec: c }), { now: due + HOUR });
    expect(attr('[data-rh="case"]', 'data-overdue')).toBe('true');
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('contact-support');
    expect($('[data-rh="support-message"]')!.textContent).toContain(ORDER);
    expect($('[data-rh="contact-support"]')).not.toBeNull();
    show(page('refund-detail', { read: read({ orderId: ORDER }), caseRec: c }), { now: due - HOUR });
    expect(attr('[data-rh="case"]', 'data-overdue')).toBe('false');
    expect($('[data-rh="support-message"]')).toBeNull();
  });

  it('an escalated case shows when support was contacted', () => {
    const r = applyAction(caseIn('rejected'), 'contact-support', rules, T0 + 2 * HOUR, 'panel');
    expect(r.ok).toBe(true);
    show(page('refund-detail', { read: read({ orderId: ORDER }), caseRec: r.ok ? r.case : undefined }));
    expect(field('caseStatus')).toBe('escalated');
    expect($('[data-rh="support-contacted"]')).not.toBeNull();
  });
});

describe('lists', () => {
  it('refund list: how many refunds are listed and tracked, and how many cases moved', () => {
    show(page('refund-list', { refunds: [], listTracked: 3, listUpdated: 2 }));
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('refund-list');
    expect($('[data-rh="list-summary"]')!.textContent).toContain('跟踪中 3 条');
    expect($('[data-rh="list-summary"]')!.textContent).toContain('已更新 2 个');
    expect(root.querySelectorAll('[data-rh-field]')).toHaveLength(0);
  });

  it('order list: the orders with a case', () => {
    show(page('order-list', { orders: [], listCases: { [ORDER]: caseIn('reviewing') } }));
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-list');
    expect($('[data-rh="list-summary"]')!.textContent).toContain('有退款记录 1 个');
  });
});

describe('fields the page does not show', () => {
  it('names the missing field, says why, and offers an input; never a value', () => {
    const a = actions();
    const missing = [{ field: 'paidAmount' as const, reason: '未找到「实付款 / 实付金额」' }];
    show(page('order-detail', { read: read({ orderId: ORDER, status: 'shipped', missing }) }), { acts: a });
    expect($('[data-rh-field="paidAmount"]')).toBeNull();
    const item = $('[data-rh-missing="paidAmount"]') as HTMLFormElement;
    expect(item.textContent).toContain('实付金额');
    expect(item.textContent).toContain('未找到「实付款 / 实付金额」');
    (item.querySelector('input') as HTMLInputElement).value = '¥129.00';
    item.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(a.provide).toHaveBeenCalledWith('paidAmount', '¥129.00');
  });

  it('a typed value is shown as typed; an error is shown at the input', () => {
    const missing = [{ field: 'paidAmount' as const, reason: '未找到' }];
    show(page('order-detail', { read: read({ orderId: ORDER, status: 'shipped', missing }), typed: { paidAmount: 12_900 } }));
    expect(field('paidAmount')).toBe('12900');
    expect($('[data-rh-field="paidAmount"]')!.textContent).toContain('手动填写');
    expect($('[data-rh-missing="paidAmount"]')).toBeNull();

    show(page('order-detail', { read: read({ orderId: ORDER, status: 'shipped', missing }), typedErrors: { paidAmount: '金额无效' } }));
    expect($('[data-rh-missing="paidAmount"] [role="alert"]')!.textContent).toBe('金额无效');
  });

  it('a field the page states twice differently: its reason in the panel’s language', () => {
    const reason = { 'zh-CN': '页面上有 2 个不同的「实付款」：¥1.00、¥129.00', en: 'The page shows 2 different "实付款": ¥1.00, ¥129.00' };
    const state = page('order-detail', {
      read: read(
        { orderId: ORDER, status: 'shipped', missing: [{ field: 'paidAmount', reason: reason['zh-CN'] }] },
        { conflicts: [{ field: 'paidAmount', values: ['¥1.00', '¥129.00'], reason }] },
      ),
    });
    show(state, { locale: 'en' });
    expect($('[data-rh-field="paidAmount"]')).toBeNull();
    expect($('[data-rh-missing="paidAmount"]')!.textContent).toContain(reason.en);
    show(state);
    expect($('[data-rh-missing="paidAmount"]')!.textContent).toContain(reason['zh-CN']);
  });

  it('a missing status is chosen from the page’s own words', () => {
    show(page('order-detail', { read: read({ orderId: ORDER, missing: [{ field: 'status', reason: '未找到' }] }) }));
    const options = [...$('[data-rh-missing="status"] select')!.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('已发货');
  });
});

describe('page text is text', () => {
  it('renders hostile values literally, never as markup', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    show(
      page('refund-form', {
        read: read({ ...SHIPPED, statusText: evil, courier: evil, missing: [{ field: 'paidAmount', reason: evil }] }),
        form: form({ courier: evil, trackingNo: 'SF1300000000001' }),
        choice: { refundType: 'return-refund', remark: evil },
      }),
    );
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=');
    expect(($('[data-rh="remark"]') as HTMLTextAreaElement).value).toBe(evil);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('collapse and keyboard', () => {
  it('collapsed: only the tab shows, the hooks stay readable', () => {
    show(page('order-detail', { read: read(SHIPPED) }), { collapsed: true });
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('true');
    expect(attr('[data-rh="collapse"]', 'aria-expanded')).toBe('false');
    expect(($('.body') as HTMLElement).hidden).toBe(true);
    expect(field('orderId')).toBe(ORDER);
  });

  it('Esc collapses the open panel', () => {
    const a = actions();
    show(page('order-detail', { read: read(SHIPPED) }), { acts: a });
    $('[data-rh="advice"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(a.toggle).toHaveBeenCalledTimes(1);
  });

  it('English UI for English browsers', () => {
    show(page('order-detail', { read: read(SHIPPED) }), { locale: 'en' });
    expect($('[data-rh="advice"]')!.textContent).toContain('Return and refund');
    expect(attr('[data-rh="panel"]', 'lang')).toBe('en');
  });
});

describe('a computed value is marked as computed, never shown as if read', () => {
  it('实付 computed from the breakdown: "（计算）", the title says from what; the refund amount taken from it too', () => {
    const why = { 'zh-CN': '页面未显示实付款，按 商品总价 ¥159.00 − 优惠 ¥30.00 + 运费 ¥0.00 计算', en: 'computed as goods − discount + shipping' };
    show(page('refund-form', { read: read({ ...SHIPPED }, { computed: [{ field: 'paidAmount', reason: why }] }), form: form() }));
    for (const name of ['paidAmount', 'refundAmount']) {
      const note = $(`[data-rh-field="${name}"] small`) as HTMLElement;
      expect(note.textContent).toBe('（计算）');
      expect(note.title).toBe(why['zh-CN']);
    }
    // Read from the page: no mark.
    show(page('order-detail', { read: read({ ...SHIPPED }) }));
    expect($('[data-rh-field="paidAmount"] small')).toBeNull();
  });
});

describe('the form after a rejected or failed application: a new application (the platform’s own path)', () => {
  it('shows why the last one was rejected and what to add, not the old status nor 联系客服', () => {
    const old = { ...caseIn('rejected'), platformComment: '未提供商品照片，凭证不足，请补充后重新提交。', trackingNo: 'YT1234567890123' } as RefundCase;
    show(
      page('refund-form', { read: read({ ...SHIPPED, status: 'delivered', statusText: '已签收' }), form: form({ refundType: 'return-refund' }), caseRec: old }),
    );
    const box = $('[data-rh="reapply"]')!;
    expect(box.textContent).toContain('审核不通过');
    expect($('[data-rh="platform-comment"]')?.textContent).toContain('未提供商品照片，凭证不足');
    // The rules' evidence for a return the last application did not carry (its tracking number it did).
    const add = $('[data-rh="reapply-add"]')!.textContent!;
    for (const label of ['购买凭证', '商品照片', '快递公司名称']) expect(add).toContain(label);
    expect(add).not.toContain('物流单号');
    // Not the old case's status as this application's, no duplicate warning, no 联系客服.
    expect(field('caseStatus')).toBeNull();
    expect($('[data-rh="case"]')).toBeNull();
    expect($('[data-rh="duplicate"]')).toBeNull();
    expect($('[data-rh="support-message"]')).toBeNull();
    expect(attr('[data-rh="advice"]', 'data-value')).toBe('return-refund');
    expect($('[data-rh="fill-form"]')).not.toBeNull();
  });

  it('a failed refund the merchant escalated is followed by a new application too; an open one is a duplicate', () => {
    const escalated = applyAction(caseIn('failed'), 'contact-support', rules, T0 + 2 * HOUR, 'panel');
    expect(escalated.ok).toBe(true);
    show(page('refund-form', { read: read(SHIPPED), form: form(), caseRec: (escalated as { case: RefundCase }).case }));
    expect($('[data-rh="reapply"]')?.textContent).toContain('退款失败');
    show(page('refund-form', { read: read(SHIPPED), form: form(), caseRec: caseIn('reviewing') }));
    expect($('[data-rh="reapply"]')).toBeNull();
    expect($('[data-rh="duplicate"]')).not.toBeNull();
  });

  it('elsewhere (the order page) the rejected case shows with the platform comment', () => {
    const old = { ...caseIn('rejected'), platformComment: '凭证不足' } as RefundCase;
    show(page('order-detail', { read: read(SHIPPED), caseRec: old }));
    expect(field('caseStatus')).toBe('rejected');
    expect($('[data-rh="case"]')?.textContent).toContain('平台意见：凭证不足');
  });
});
