// @vitest-environment happy-dom
// The refund-form feature: the checklist follows the form live, the submit guard (warn / block),
// the case recorded once the page accepts the application, fill.
import { describe, expect, it, vi } from 'vitest';
import { setNativeValue } from '../../lib/sites/dom/form';
import { addUploads } from './fixtures/controlled-form';
import { ORDER, w, settle, start, $, attr, refundFormPage, useContentWorld } from './helpers/content';

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
});
