// @vitest-environment happy-dom
// The content script's controller on a page: it mounts <refund-helper> with an open shadow root,
// reads the page, follows the form live, guards the submit (warn / block), records the case once
// the page accepts it, counts 确认退款 only when confirmed, follows navigation and cleans up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelClient } from '../../components/panel/client';
import { startHelper, type Helper } from '../../components/panel/controller';
import { applyAction, observe, type NewCaseInput } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import type { CaseChange } from '../../lib/cases/service';
import { defaultRules } from '../../lib/rules/defaults';
import type { RuleSet } from '../../lib/rules/schema';
import { setNativeValue } from '../../lib/sites/dom/form';
import { kuaishou } from '../../lib/sites/kuaishou';
import { addUploads, mountControlledForm } from './fixtures/controlled-form';
import { HOUR, makeCase, T0 } from './helpers/cases';

const ORDER = '2411080012345678';
const ORIGIN = 'http://s.kwaixiaodian.com';

let helper: Helper | undefined;
let rules: RuleSet;
let stored: RefundCase | null;

function client() {
  const c = {
    getRules: vi.fn(async () => ({ ok: true as const, data: { rules } })),
    getCase: vi.fn(async (_orderId: string) => ({ ok: true as const, data: stored })),
    getCases: vi.fn(async (ids: string[]) => ({
      ok: true as const,
      data: Object.fromEntries(ids.filter((id) => stored?.orderId === id).map((id) => [id, stored!])) as Record<string, RefundCase>,
    })),
    recordSubmit: vi.fn(async (input: NewCaseInput, _submitId: string) => {
      stored = makeCase(input.orderId, T0, input);
      return { ok: true as const, data: { case: stored, created: true, duplicate: false } };
    }),
    reportPage: vi.fn(async (_obs: unknown[], _url: string) => ({ ok: true as const, data: { changes: [] as CaseChange[], matched: 0 } })),
    caseAction: vi.fn(async (_id: string, action: string) => {
      const r = applyAction(stored!, action as 'confirm', rules, T0 + 2 * HOUR, 'panel');
      if (!r.ok) return { ok: false as const, error: r.error };
      stored = { ...r.case, rev: stored!.rev + 1 };
      return { ok: true as const, data: stored };
    }),
  };
  return c satisfies PanelClient;
}

/** Lets timers (debounce 0), mutation callbacks and microtasks run. */
async function settle(times = 3) {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 5));
}

function go(path: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(ORIGIN + path);
}

function descriptions(items: Array<[string, string]>): HTMLElement {
  const el = document.createElement('div');
  el.className = 'ant-descriptions';
  for (const [label, value] of items) {
    const item = document.createElement('div');
    item.className = 'ant-descriptions-item';
    item.innerHTML = `<span class="ant-descriptions-item-label"></span><span class="ant-descriptions-item-content"></span>`;
    item.children[0].textContent = label;
    item.children[1].textContent = value;
    el.append(item);
  }
  return el;
}

async function start(c = client()) {
  helper = startHelper({ win: window as Window & typeof globalThis, adapter: kuaishou, client: c, locale: 'zh-CN', debounceMs: 0 });
  await settle();
  return c;
}

const host = () => document.querySelector('refund-helper') as HTMLElement | null;
const $ = (sel: string) => host()?.shadowRoot?.querySelector(sel) as HTMLElement | null;
const attr = (sel: string, name: string) => $(sel)?.getAttribute(name) ?? null;

beforeEach(() => {
  rules = defaultRules();
  stored = null;
  document.body.innerHTML = '';
});
afterEach(() => {
  helper?.stop();
  helper = undefined;
});

/** The refund application page: the order's facts, then the controlled form. */
function refundFormPage(status = '已发货') {
  go(`/zone/refund/apply?orderId=${ORDER}`);
  document.body.append(
    descriptions([
      ['订单编号', ORDER],
      ['订单状态', status],
      ['实付款', '¥129.00'],
    ]),
  );
  const form = mountControlledForm(document, 'ant');
  const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === '提交申请')!;
  const pageSubmits = vi.fn();
  submit.addEventListener('click', pageSubmits);
  return { form, submit, pageSubmits };
}

describe('mounting', () => {
  it('mounts <refund-helper> with an open shadow root, styles inside it, on a served page', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER], ['订单状态', '已发货'], ['实付款', '¥129.00']]));
    await start();
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).not.toBeNull(); // open
    expect(host()!.getAttribute('style')).toContain('all: initial');
    expect(host()!.shadowRoot!.querySelector('style')).not.toBeNull();
    expect(document.head.querySelector('style')).toBeNull(); // nothing in the page's styles
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
  });

  it('does nothing on a page it does not serve, and follows navigation in and out', async () => {
    go('/zone/shop/settings');
    document.body.append(descriptions([['订单编号', ORDER]]));
    await start();
    expect(host()).toBeNull();
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(document.createElement('div')); // the SPA renders
    await settle();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    go('/zone/shop/settings');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(host()).toBeNull();
  });

  it('stop() (extension reloaded) removes the panel, the chips and the listeners', async () => {
    const { submit, pageSubmits } = refundFormPage();
    await start();
    expect(host()).not.toBeNull();
    helper!.stop();
    expect(host()).toBeNull();
    submit.click();
    expect(pageSubmits).toHaveBeenCalledTimes(1); // no guard any more
  });
});

describe('reading on time', () => {
  const startSlow = async (c = client()) => {
    // A debounce no test waits for: whatever is read, is read without it.
    helper = startHelper({ win: window as Window & typeof globalThis, adapter: kuaishou, client: c, locale: 'zh-CN', debounceMs: 60_000 });
    await settle();
    return c;
  };

  it('the page showing its order after a navigation is read at once; later changes wait for the debounce', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    await startSlow();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull(); // the bare ?id= waits for the page
    document.body.append(document.createElement('div')); // the app's loading state: nothing to read yet
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull();
    const page = descriptions([['订单编号', ORDER], ['订单状态', '已发货'], ['实付款', '¥129.00']]);
    document.body.append(page);
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
    // Shown: the next change is debounced (60 s here), but read all the same when it comes due.
    page.querySelectorAll('.ant-descriptions-item-content')[2].textContent = '¥99.00';
    await settle();
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
    helper!.read();
    await settle();
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('9900');
  });

  it('after a navigation the old page is not read as the new one; the new page is read as soon as it renders', async () => {
    const OTHER = '2411080099999999';
    go(`/zone/order/detail?id=${ORDER}`);
    const old = descriptions([['订单编号', ORDER], ['订单状态', '已发货'], ['实付款', '¥129.00']]);
    document.body.append(old);
    await startSlow();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    go(`/zone/order/detail?id=${OTHER}`);
    window.dispatchEvent(new PopStateEvent('popstate')); // the router's navigation, before it renders
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBeNull(); // not the old page's number
    old.remove();
    document.body.append(descriptions([['订单编号', OTHER], ['订单状态', '待发货'], ['实付款', '¥59.00']]));
    await settle();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(OTHER);
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('5900');
  });

  it('a page change that does not change what is read does not re-render the panel', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER], ['订单状态', '已发货'], ['实付款', '¥129.00']]));
    await start();
    expect(attr('[data-rh-field="orderId"]', 'data-value')).toBe(ORDER);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(host()!.shadowRoot!, { childList: true, subtree: true, attributes: true, characterData: true });
    const banner = document.createElement('p');
    banner.textContent = '公告';
    document.body.append(banner);
    await settle();
    helper!.read();
    await settle();
    mo.disconnect();
    expect(records).toEqual([]);
  });
});

describe('the refund form', () => {
  it('the checklist follows the page live: uploads and typed tracking number and courier', async () => {
    const { form } = refundFormPage();
    await start();
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('false');
    form.state.refundType = 'return-refund';
    form.rerender();
    addUploads(form, 1);
    await settle();
    expect(attr('[data-rh-evidence="product-photos"]', 'data-state')).toBe('ok');
    setNativeValue(document.getElementById('trackingNo') as HTMLInputElement, 'SF1300000000001');
    setNativeValue(document.getElementById('courier') as HTMLInputElement, '顺丰速运');
    await settle();
    expect(attr('[data-rh-evidence="tracking-number"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-evidence="courier"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh-field="trackingNo"]', 'data-value')).toBe('SF1300000000001');
    // The manual item toggles on a click of the item itself, and back.
    $('[data-rh-evidence="purchase-proof"]')!.click();
    expect(attr('[data-rh-evidence="purchase-proof"]', 'data-state')).toBe('ok');
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
    $('[data-rh-evidence="purchase-proof"]')!.click();
    expect(attr('[data-rh-evidence="purchase-proof"]', 'data-state')).toBe('missing');
  });

  it('warn: the first submit with evidence missing is stopped and warned, the second goes through', async () => {
    const { submit, pageSubmits } = refundFormPage();
    await start();
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe('warn');
    submit.click();
    expect(pageSubmits).toHaveBeenCalledTimes(1);
  });

  it('block: every submit with evidence missing is stopped', async () => {
    rules.submit.onMissingEvidence = 'block';
    const { submit, pageSubmits } = refundFormPage();
    await start();
    submit.click();
    submit.click();
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe('block');
  });

  it('the form’s own submit event is guarded too (Enter in a field)', async () => {
    rules.submit.onMissingEvidence = 'block';
    const { form } = refundFormPage();
    await start();
    const onSubmit = vi.fn();
    form.root.addEventListener('submit', onSubmit);
    const ev = new Event('submit', { bubbles: true, cancelable: true });
    form.root.dispatchEvent(ev);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(ev.defaultPrevented).toBe(true);
  });

  it('complete evidence: the submit goes through; the case is recorded once the page accepts it', async () => {
    const { form, submit, pageSubmits } = refundFormPage('待发货'); // refund only: nothing to return
    const c = await start();
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'changed-mind';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    form.state.refundType = 'refund-only';
    form.rerender();
    await settle();
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
    submit.click();
    expect(pageSubmits).toHaveBeenCalledTimes(1);
    expect($('[data-rh="submit-warning"]')).toBeNull();
    expect(c.recordSubmit).not.toHaveBeenCalled(); // not before the page accepts it
    const ok = document.createElement('div');
    ok.className = 'ant-message-success';
    ok.textContent = '提交成功';
    document.body.append(ok);
    await settle();
    expect(c.recordSubmit).toHaveBeenCalledTimes(1);
    const [input, submitId] = c.recordSubmit.mock.calls[0];
    expect(input).toMatchObject({ orderId: ORDER, refundType: 'refund-only', reasonId: 'changed-mind', paidAmount: 12_900, refundAmount: 12_900 });
    expect(submitId).toMatch(new RegExp(`^${ORDER}-\\d+$`));
    expect(attr('[data-rh-field="caseStatus"]', 'data-value')).toBe('reviewing');
  });

  it('fill: the panel writes the page’s form so its state takes the values', async () => {
    const { form } = refundFormPage();
    await start();
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'quality';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    $('[data-rh="fill-form"]')!.click();
    await vi.waitFor(() => expect(form.state.remark).toContain(ORDER), { timeout: 3000 });
    expect(form.state.refundType).toBe('return-refund');
    expect(form.state.reason).toBe('质量问题');
    expect(form.state.amount).toBe('129.00');
  });
});

describe('fields the page does not show', () => {
  it('the merchant types a missing amount; bad money is refused with the reason', async () => {
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(descriptions([['订单编号', ORDER], ['订单状态', '已发货']]));
    await start();
    const item = $('[data-rh-missing="paidAmount"]') as HTMLFormElement;
    expect(item).not.toBeNull();
    const input = item.querySelector('input')!;
    input.value = '12.345';
    item.dispatchEvent(new Event('submit', { cancelable: true }));
    expect($('[data-rh-missing="paidAmount"] [role="alert"]')!.textContent).toContain('两位');
    expect($('[data-rh-field="paidAmount"]')).toBeNull();
    input.value = '¥129.00';
    item.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('12900');
  });
});

describe('确认退款', () => {
  function detailPage() {
    go('/zone/refund/detail?id=12024111900002');
    document.body.append(descriptions([['订单编号', ORDER], ['售后单号', '12024111900002'], ['售后状态', '审核通过'], ['退款金额', '¥129.00']]));
    const button = document.createElement('button');
    button.textContent = '确认退款';
    document.body.append(button);
    return button;
  }
  function openModal() {
    const root = document.createElement('div');
    root.className = 'ant-modal-root';
    root.innerHTML = '<div class="ant-modal-wrap"><div class="ant-modal" role="dialog"><button class="cancel">取 消</button><button class="ant-btn ant-btn-primary">确 定</button></div></div>';
    document.body.append(root);
    return root;
  }

  it('a cancelled modal does not confirm; 确定 does, once the modal closes', async () => {
    stored = observe(makeCase(ORDER, T0), 'approved', rules, T0 + HOUR).case;
    const button = detailPage();
    const c = await start();
    expect(c.reportPage).toHaveBeenCalled();
    button.click();
    let modal = openModal();
    await settle();
    (modal.querySelector('.cancel') as HTMLElement).click();
    modal.remove();
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).not.toHaveBeenCalled();

    button.click();
    modal = openModal();
    await settle();
    (modal.querySelector('.ant-btn-primary') as HTMLElement).click();
    expect(c.caseAction).not.toHaveBeenCalled(); // the page has not confirmed yet
    modal.remove();
    await settle();
    expect(c.caseAction).toHaveBeenCalledWith(stored!.id, 'confirm');
    await vi.waitFor(() => expect(attr('[data-rh-field="caseStatus"]', 'data-value')).toBe('confirmed'));
  });

  it('no modal: the click itself confirms', async () => {
    stored = observe(makeCase(ORDER, T0), 'approved', rules, T0 + HOUR).case;
    const button = detailPage();
    const c = await start();
    button.click();
    await new Promise((r) => setTimeout(r, 500));
    expect(c.caseAction).toHaveBeenCalledWith(stored!.id, 'confirm');
  });
});

describe('order list', () => {
  it('puts a status chip (own shadow root, data-rh-chip) beside each order with a case', async () => {
    stored = makeCase(ORDER, T0);
    go('/zone/order/list');
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr><th>订单编号</th><th>订单状态</th></tr></thead><tbody><tr><td><a>${ORDER}</a></td><td>售后中</td></tr></tbody>`;
    document.body.append(table);
    const c = await start();
    c.getCase.mockImplementation(async (id: string) => ({ ok: true as const, data: id === ORDER ? stored : null }));
    await settle();
    const chip = table.querySelector('[data-rh-chip]') as HTMLElement;
    expect(chip).not.toBeNull();
    expect(chip.getAttribute('data-status')).toBe('reviewing');
    expect(chip.shadowRoot!.textContent).toContain('审核中');
    expect(chip.closest('td')!.textContent).toBe(ORDER); // the page's text is unchanged
    expect(chip.getAttribute('style')).toContain('all:initial');
  });
});
