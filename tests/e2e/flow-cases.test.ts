// The other branches of the refund flow (README: what it does, steps 2, 4, 6–10), in Chromium and Firefox:
// an unshipped order (cancel, not refund; refund only needs no return evidence), the warn-mode
// submit, a rejected and a failed case (the 联系客服 message, contact recorded), an overdue case
// (arrival window shortened by the rules), and the order list's chips.
import { afterAll, expect, it } from 'vitest';
import { clickInPanel, forEachBrowser, inPanel, SEED } from './harness';
import {
  afterSaleIdFromUrl,
  applyFor,
  badgeText,
  fillWithPanel,
  pageButton,
  patchRules,
  resetRules,
  sendToBackground,
  submitForm,
  visitRefundList,
  waitPanelAttr,
} from './flow-helpers';

type Case = { status: string; afterSaleId?: string; deadlines: { arrivalDueAt?: number } };

forEachBrowser((b) => {
  afterAll(() => resetRules(b).catch(() => {}));

  const caseOf = async (orderId: string) => (await sendToBackground<Case | null>(b, 'getCase', { orderId })).data;

  it('an unshipped order: cancel rather than refund; refund only needs no return evidence', async () => {
    const orderId = SEED.orders.unshipped;
    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    let p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('orderStatus', 'unshipped');
    await p.waitForField('paidAmount', '6900');
    expect(await p.advice()).toBe('cancel-order');

    await page.goto(b.url(`/zone/refund/apply?orderId=${orderId}`), { waitUntil: 'load' });
    p = await b.panel(page, { kind: 'refund-form' });
    await p.waitForField('orderId', orderId);
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
    expect(await page.$eval(inPanel('[data-rh="refund-type"]'), (s) => (s as HTMLSelectElement).value)).toBe('refund-only');
    const states = await page.$$eval(inPanel('[data-rh-evidence]'), (els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.every((s) => s === 'ok')).toBe(true);
    expect(await p.advice()).toBe('cancel-order');
  });

  it('warn mode: a submit with evidence missing is warned at the button, a double click too; 仍要提交 goes through; the review rejects it', async () => {
    const orderId = SEED.orders.delivered;
    const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
    const p = await b.panel(page, { kind: 'refund-form' });
    await fillWithPanel(page, p, 'return-refund', 'not-as-described');
    await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'false');
    await submitForm(page);
    await waitPanelAttr(page, '[data-rh="submit-warning"]', 'data-mode', 'warn');
    // The warning is where the merchant clicked: next to the page's 提交申请, not in the panel's corner.
    const button = await pageButton(page, '提交申请');
    const [btn, pop] = [(await button.boundingBox())!, (await (await page.$(inPanel('[data-rh="submit-warning"]')))!.boundingBox())!];
    expect(Math.min(Math.abs(pop.y - (btn.y + btn.height)), Math.abs(pop.y + pop.height - btn.y))).toBeLessThanOrEqual(12);
    expect(pop.x).toBeLessThanOrEqual(btn.x + btn.width);
    // A double click on 提交申请 is no choice: still on the form, still warned.
    await button.click({ count: 2 });
    await waitPanelAttr(page, '[data-rh="submit-warning"]', 'data-mode', 'warn');
    expect(new URL(page.url()).pathname).toBe('/zone/refund/apply');
    await clickInPanel(page, '[data-rh="submit-anyway"]');
    const afterSaleId = await afterSaleIdFromUrl(page);
    await b.waitForField(page, 'caseStatus', 'reviewing');

    // 审核不通过: the refund list shows it, the case asks for attention with a ready message.
    await b.review(afterSaleId, 'reject');
    await (await visitRefundList(b)).close();
    await expect.poll(async () => (await caseOf(orderId))?.status, { timeout: 10_000 }).toBe('rejected');
    const detail = await b.openBackOffice(`/zone/refund/detail?id=${afterSaleId}`);
    const d = await b.panel(detail, { kind: 'refund-detail' });
    await d.waitForField('caseStatus', 'rejected');
    expect(await d.advice()).toBe('contact-support');
    const msg = await detail.$eval(inPanel('[data-rh="support-message"]'), (n) => n.textContent ?? '');
    expect(msg).toContain(orderId);
    expect(msg).toContain(afterSaleId);
    expect(await badgeText(b)).not.toBe('');

    // 联系客服 recorded: escalated, with the time.
    await d.click('[data-rh="contact-support"]');
    await d.waitForField('caseStatus', 'escalated');
    expect(await detail.$(inPanel('[data-rh="support-contacted"]'))).not.toBeNull();
    expect((await caseOf(orderId))?.status).toBe('escalated');
  });

  it('a failed refund: the 联系客服 message, contact recorded', async () => {
    const orderId = SEED.orders.completed;
    const afterSaleId = await applyFor(b, orderId, 'refund-only', 'quality');
    await b.review(afterSaleId, 'approve');
    await b.review(afterSaleId, 'fail');
    await (await visitRefundList(b)).close();
    await expect.poll(async () => (await caseOf(orderId))?.status, { timeout: 10_000 }).toBe('failed');

    const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
    const p = await b.panel(page, { kind: 'order-detail' });
    await p.waitForField('caseStatus', 'failed');
    expect(await p.advice()).toBe('contact-support');
    expect(await page.$eval(inPanel('[data-rh="support-message"]'), (n) => n.textContent)).toContain(orderId);
    await p.click('[data-rh="contact-support"]');
    await p.waitForField('caseStatus', 'escalated');
  });

  it('an overdue case: approved, confirmed, the arrival window (made short by the rules) passes', async () => {
    await patchRules(b, (r) => ({ ...r, deadlines: { ...r.deadlines, arrivalWindowHours: 0.001 } })); // 3.6 s
    try {
      const orderId = SEED.orders.delivered2;
      const afterSaleId = await applyFor(b, orderId, 'refund-only', 'damaged');
      await b.review(afterSaleId, 'approve');
      await (await visitRefundList(b)).close();
      await expect.poll(async () => (await caseOf(orderId))?.status, { timeout: 10_000 }).toBe('approved');
      // Approved: the money cannot move before the merchant confirms, so no arrival window runs yet.
      const approved = (await caseOf(orderId))! as Case & { id: string };
      expect(approved.deadlines.arrivalDueAt).toBeUndefined();
      expect((await sendToBackground(b, 'caseAction', { caseId: approved.id, action: 'confirm', source: 'popup' })).ok).toBe(true);
      const due = (await caseOf(orderId))!.deadlines.arrivalDueAt!;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now()) + 300));

      const page = await b.openBackOffice(`/zone/order/detail?id=${orderId}`);
      const p = await b.panel(page, { kind: 'order-detail' });
      await p.waitForField('caseStatus', 'confirmed');
      await waitPanelAttr(page, '[data-rh="case"]', 'data-overdue', 'true');
      expect(await p.advice()).toBe('contact-support');
      expect(await page.$eval(inPanel('[data-rh="support-message"]'), (n) => n.textContent)).toContain(orderId);
    } finally {
      await resetRules(b);
    }
  });

  it('a rules change applies at once to an open form; the panel collapses (Esc) and stays collapsed', async () => {
    const page = await b.openBackOffice(`/zone/refund/apply?orderId=${SEED.orders.shippedHighValue}`);
    const p = await b.panel(page, { kind: 'refund-form' });
    await fillWithPanel(page, p, 'return-refund', 'quality');
    await patchRules(b, (r) => ({ ...r, submit: { onMissingEvidence: 'block' } }));
    try {
      // No reload: the open panel takes the new rules.
      await submitForm(page);
      await waitPanelAttr(page, '[data-rh="submit-warning"]', 'data-mode', 'block');
      await submitForm(page);
      await new Promise((r) => setTimeout(r, 300));
      expect(new URL(page.url()).pathname).toBe('/zone/refund/apply');
    } finally {
      await resetRules(b);
    }
    // Keyboard: Esc inside the panel collapses it; the choice is remembered on the next page.
    await (await page.$(inPanel('[data-rh="reason"]')))!.focus();
    await page.keyboard.press('Escape');
    await waitPanelAttr(page, '[data-rh="panel"]', 'data-collapsed', 'true');
    const next = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shippedHighValue}`);
    await b.panel(next, { kind: 'order-detail' });
    await waitPanelAttr(next, '[data-rh="panel"]', 'data-collapsed', 'true');
    expect(await b.field(next, 'orderId')).toBe(SEED.orders.shippedHighValue); // hooks stay readable
    await clickInPanel(next, '[data-rh="collapse"]');
    await waitPanelAttr(next, '[data-rh="panel"]', 'data-collapsed', 'false');
  });

  it('the order list marks the orders that have a case', async () => {
    const page = await b.openBackOffice('/zone/order/list');
    await b.panel(page, { kind: 'order-list' });
    const chip = await page.waitForSelector(`[data-rh-chip][data-order-id="${SEED.orders.delivered}"]`, { timeout: 15_000 });
    expect(await chip!.evaluate((n) => n.getAttribute('data-status'))).toBe('escalated');
    // Orders without a case get no chip.
    expect(await page.$(`[data-rh-chip][data-order-id="${SEED.orders.unshipped}"]`)).toBeNull();
    // A dot and a short word that fit: the page's columns are as wide with the chips as without.
    expect(await chip!.evaluate((n) => n.shadowRoot!.textContent)).toMatch(/^(客服处理|Support)$/);
    const widths = () => page.$$eval('.ant-table-thead th', (ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
    const withChips = await widths();
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-rh-chip]').forEach((c) => (c.style.display = 'none')));
    expect(await widths()).toEqual(withChips);
  });
});
