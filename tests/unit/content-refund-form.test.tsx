// @vitest-environment happy-dom
// The refund-form feature: the checklist follows the form live, the submit guard (warn / block),
// the case recorded once the page accepts the application, fill.
import { describe, expect, it, vi } from 'vitest';
import { setNativeValue } from '../../lib/sites/dom/form';
import { addUploads, mountControlledForm } from './fixtures/controlled-form';
import { ORDER, w, settle, start, $, attr, descriptions, go, refundFormPage, useContentWorld } from './helpers/content';

useContentWorld();

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

  it('warn: a submit with evidence missing is stopped and warned, a second click or a double click too; only 仍要提交 lets one through', async () => {
    const { submit, pageSubmits } = refundFormPage();
    await start();
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe('warn');
    submit.click();
    submit.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    ($('[data-rh="submit-anyway"]') as HTMLElement).click();
    expect(pageSubmits).toHaveBeenCalledTimes(1);
    expect($('[data-rh="submit-warning"]')).toBeNull();
    // The choice was for that submit only.
    submit.click();
    expect(pageSubmits).toHaveBeenCalledTimes(1);
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe('warn');
  });

  it('去补充 closes the warning and opens the panel on the checklist; nothing is submitted', async () => {
    const { submit, pageSubmits } = refundFormPage();
    await start();
    $('[data-rh="collapse"]')!.click();
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('true');
    submit.click();
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('true'); // the warning is at the button, the panel stays as it was
    ($('[data-rh="add-evidence"]') as HTMLElement).click();
    expect($('[data-rh="submit-warning"]')).toBeNull();
    expect(attr('[data-rh="panel"]', 'data-collapsed')).toBe('false');
    expect(pageSubmits).not.toHaveBeenCalled();
  });

  it('block: every submit with evidence missing is stopped', async () => {
    w.rules.submit.onMissingEvidence = 'block';
    const { submit, pageSubmits } = refundFormPage();
    await start();
    submit.click();
    submit.click();
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    expect(attr('[data-rh="submit-warning"]', 'data-mode')).toBe('block');
  });

  it('the form’s own submit event is guarded too (Enter in a field)', async () => {
    w.rules.submit.onMissingEvidence = 'block';
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

  it('fill pressed while the page still loads its form (a slow back end): the form is filled once it is there, with the amount it then shows', async () => {
    go(`/zone/refund/apply?orderId=${ORDER}`);
    await start();
    // The route is the form's: the panel offers 填入 before the page has rendered anything of it.
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'quality';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    $('[data-rh="fill-form"]')!.click();
    await settle();
    expect(attr('[data-rh="fill-form"]', 'disabled')).not.toBeNull(); // 填入中…, waiting for the page
    document.body.append(
      descriptions([
        ['订单编号', ORDER],
        ['订单状态', '已发货'],
        ['实付款', '¥129.00'],
      ]),
    );
    const form = mountControlledForm(document, 'ant');
    await vi.waitFor(() => expect(form.state.remark).toContain(ORDER), { timeout: 3000 });
    expect(form.state.reason).toBe('质量问题');
    expect(form.state.amount).toBe('129.00');
    expect($('[data-rh="fill-result"]')?.textContent ?? '').not.toMatch(/未找到/);
  });

  it('fill by keyboard (the fill-form command): the same fill', async () => {
    const { form } = refundFormPage();
    await start();
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'quality';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    w.helper!.command('fill-form');
    await vi.waitFor(() => expect(form.state.remark).toContain(ORDER), { timeout: 3000 });
    expect(form.state.reason).toBe('质量问题');
  });
});

/** A refund-only application with nothing to return (evidence complete), chosen in the panel. */
async function completeRefundOnly(form: ReturnType<typeof mountControlledForm>) {
  ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'changed-mind';
  $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
  form.state.refundType = 'refund-only';
  form.rerender();
  await settle();
  expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
}

/** The page shows a message (Ant Design's message/notification markup). */
function toast(cls: string, text: string, wrapper = 'ant-message-notice') {
  const el = document.createElement('div');
  el.className = wrapper;
  el.innerHTML = `<div class="ant-message-notice-content"><div class="ant-message-custom-content ${cls}"><span></span></div></div>`;
  el.querySelector('span')!.textContent = text;
  document.body.append(el);
}

/** The application form in a modal over the order detail (the demo's ?apply=modal). */
function modalFormPage() {
  go(`/zone/order/detail?id=${ORDER}&apply=modal`);
  document.body.append(
    descriptions([
      ['订单编号', ORDER],
      ['订单状态', '待发货'],
      ['实付款', '¥129.00'],
    ]),
  );
  const modal = document.createElement('div');
  modal.className = 'ant-modal-root';
  modal.innerHTML = '<div class="ant-modal-wrap"><div class="ant-modal" role="dialog"><button type="button" class="ant-modal-close">×</button></div></div>';
  document.body.append(modal);
  const form = mountControlledForm(document, 'ant');
  modal.querySelector('.ant-modal')!.append(form.root);
  const submit = [...form.root.querySelectorAll('button')].find((b) => b.textContent === '提交申请')!;
  return { form, submit, modal };
}

describe('when an application counts as submitted: only once the page accepts it', () => {
  it("the page's own toast (no success class) saying 提交成功 records the case", async () => {
    const { form, submit } = refundFormPage('待发货');
    const c = await start();
    await completeRefundOnly(form);
    submit.click();
    toast('ant-message-info', '提交成功，请等待平台审核');
    await settle();
    expect(c.recordSubmit).toHaveBeenCalledTimes(1);
    expect(attr('[data-rh-field="caseStatus"]', 'data-value')).toBe('reviewing');
  });

  it('a notification saying so records it too; one that says 失败 does not', async () => {
    const { form, submit } = refundFormPage('待发货');
    const c = await start();
    await completeRefundOnly(form);
    submit.click();
    toast('', '提交失败：系统繁忙', 'ant-notification-notice');
    await settle();
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.append(document.createElement('div'));
    await settle();
    expect(c.recordSubmit).not.toHaveBeenCalled();
  });

  it('a refused submit (the page shows an error) followed by leaving the form records nothing', async () => {
    const { form, submit } = refundFormPage('待发货');
    const c = await start();
    await completeRefundOnly(form);
    // An error shown before the submit is not its answer.
    const old = document.createElement('div');
    old.className = 'ant-alert ant-alert-error';
    old.textContent = '上次提交失败';
    form.root.prepend(old);
    submit.click();
    toast('ant-message-error', '该订单已有进行中的售后申请，请勿重复提交');
    await settle();
    // 返回订单: the merchant leaves the refused form.
    go(`/zone/order/detail?id=${ORDER}`);
    document.body.innerHTML = '';
    await settle();
    expect(c.recordSubmit).not.toHaveBeenCalled();
  });

  it('the new after-sale appearing (its detail page) records the case with its number', async () => {
    const { form, submit } = refundFormPage('待发货');
    const c = await start();
    await completeRefundOnly(form);
    submit.click();
    go('/zone/refund/detail?id=12024112500031');
    document.body.innerHTML = '';
    await settle();
    expect(c.recordSubmit).toHaveBeenCalledTimes(1);
    expect(c.recordSubmit.mock.calls[0][0]).toMatchObject({ orderId: ORDER, afterSaleId: '12024112500031' });
  });

  it('a modal form closing with no error records the case; without a success toast too', async () => {
    const { form, submit, modal } = modalFormPage();
    const c = await start();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('refund-form');
    await completeRefundOnly(form);
    submit.click();
    await settle();
    expect(c.recordSubmit).not.toHaveBeenCalled();
    modal.remove();
    await settle();
    expect(c.recordSubmit).toHaveBeenCalledTimes(1);
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
    expect(attr('[data-rh-field="caseStatus"]', 'data-value')).toBe('reviewing');
  });

  it('a modal cancelled after a submit the page did not answer records nothing', async () => {
    const { form, submit, modal } = modalFormPage();
    const c = await start();
    await completeRefundOnly(form);
    submit.click();
    (modal.querySelector('.ant-modal-close') as HTMLElement).click();
    (modal.querySelector('.ant-modal-wrap') as HTMLElement).style.display = 'none';
    await settle();
    modal.remove();
    await settle();
    expect(c.recordSubmit).not.toHaveBeenCalled();
    expect(attr('[data-rh="panel"]', 'data-page-kind')).toBe('order-detail');
  });
});

describe('template instructions never reach the platform', () => {
  it('after fill the instruction is selected in the page’s remark, and counts as a missing remark until replaced', async () => {
    const { form, submit, pageSubmits } = refundFormPage('待发货');
    await start();
    w.rules.submit.onMissingEvidence = 'block';
    ($('[data-rh="refund-type"]') as unknown as HTMLSelectElement).value = 'refund-only';
    $('[data-rh="refund-type"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'quality';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    $('[data-rh="fill-form"]')!.click();
    const instruction = '（请具体描述问题，如开线、无法使用）';
    await vi.waitFor(() => expect(form.state.remark).toContain(instruction), { timeout: 3000 });
    const remark = document.getElementById('remark') as HTMLTextAreaElement;
    await vi.waitFor(() => expect(document.activeElement).toBe(remark));
    expect(remark.value.slice(remark.selectionStart, remark.selectionEnd)).toBe(instruction);
    await settle();
    expect(attr('[data-rh-evidence="remark"]', 'data-state')).toBe('missing');
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('false');
    submit.click();
    expect(pageSubmits).not.toHaveBeenCalled();
    expect($('[data-rh="submit-warning"]')?.textContent).toContain('备注说明');
    setNativeValue(remark, remark.value.replace(instruction, '袖口开线，拉链无法使用'));
    await settle();
    expect($('[data-rh-evidence="remark"]')).toBeNull();
    expect(attr('[data-rh="evidence"]', 'data-complete')).toBe('true');
  });
});

describe('no silent guesses: an amount the panel cannot stand behind is never written', () => {
  it('a breakdown with a discount under an unknown label: 实付 is missing, fill writes no amount; the typed one it does', async () => {
    go(`/zone/refund/apply?orderId=${ORDER}`);
    const box = document.createElement('div');
    box.innerHTML =
      `<p>订单编号：${ORDER}</p><p>订单状态：已发货</p><div class="amounts__Hx92d">` +
      [
        ['商品总价', '¥199.00'],
        ['店铺优惠', '-¥20.00'],
        ['主播专享券', '-¥10.00'],
        ['运费', '¥0.00'],
      ]
        .map(([l, v]) => `<span class="label__BFlU4">${l}</span><span class="content__Rf0s7">${v}</span>`)
        .join('') +
      '</div>';
    document.body.append(box);
    const form = mountControlledForm(document, 'ant');
    await start();
    expect($('[data-rh-field="paidAmount"]')).toBeNull();
    expect($('[data-rh-missing="paidAmount"]')?.textContent).toContain('主播专享券');
    ($('[data-rh="reason"]') as unknown as HTMLSelectElement).value = 'changed-mind';
    $('[data-rh="reason"]')!.dispatchEvent(new Event('change', { bubbles: true }));
    $('[data-rh="fill-form"]')!.click();
    await vi.waitFor(() => expect(form.state.remark).toContain(ORDER), { timeout: 3000 });
    await settle();
    expect(form.state.amount).toBe('');
    // The merchant types what the page says was paid: that is what fill writes.
    const input = $('[data-rh-missing="paidAmount"] input') as HTMLInputElement;
    input.value = '169.00';
    $('[data-rh-missing="paidAmount"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(attr('[data-rh-field="paidAmount"]', 'data-value')).toBe('16900');
    $('[data-rh="fill-form"]')!.click();
    await vi.waitFor(() => expect(form.state.amount).toBe('169.00'), { timeout: 3000 });
  });
});
