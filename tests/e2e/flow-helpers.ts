/**
 * Steps of the refund flow (README: what it does) shared by the flow e2e specs: driving the back office's own
 * pages and the panel, and talking to the background from an extension page.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { expect } from 'vitest';
import { inPanel, waitInPanel, type E2E, type PanelHandle } from './harness';
import { sendFromPage, type Envelope } from './messages';

/** A 1×1 PNG to upload as evidence. */
export function evidenceFile(name = 'evidence.png'): string {
  const path = join(tmpdir(), `rh-${process.pid}-${name}`);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  writeFileSync(path, png);
  return path;
}

/** An extension page (the popup) to talk to the background from. */
export function extensionPage(b: E2E): Promise<Page> {
  return b.openPopup();
}

/** Sends one message to the background from a fresh extension page and returns its Result. */
export async function sendToBackground<T = unknown>(b: E2E, type: string, data?: unknown): Promise<Envelope<T>> {
  const page = await extensionPage(b);
  try {
    return await sendFromPage<T>(page, type, data);
  } finally {
    await page.close().catch(() => {});
  }
}

/** The toolbar badge's text. */
export async function badgeText(b: E2E): Promise<string> {
  return (await b.badge()).text;
}

/** Changes the stored rules through the background (validated there), e.g. `{ submit: { onMissingEvidence: 'block' } }`. */
export async function patchRules(b: E2E, patch: (rules: Record<string, any>) => Record<string, any>): Promise<void> {
  const got = await sendToBackground<{ rules: Record<string, any> }>(b, 'getRules');
  expect(got.ok).toBe(true);
  const set = await sendToBackground(b, 'setRules', { rules: patch(structuredClone(got.data.rules)) });
  expect(set.ok, JSON.stringify(set.error)).toBe(true);
}

export async function resetRules(b: E2E): Promise<void> {
  const res = await sendToBackground(b, 'resetRules');
  expect(res.ok).toBe(true);
}

/**
 * A button of the page (not the panel) whose text is `text`, once a click would reach it: shown,
 * enabled, in the same place on two polls (not mid-animation) and the topmost element at its
 * centre (not under a closing modal's mask or the panel). A loaded machine stretches Ant Design's
 * animations; a click before they end lands on whatever is still on top.
 */
export async function pageButton(page: Page, text: string, timeout = 30_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (text: string) => {
      const w = window as unknown as { __rhRects?: WeakMap<Element, string> };
      const rects = (w.__rhRects ??= new WeakMap());
      for (const b of document.querySelectorAll('button, a.ant-btn, [role=button]')) {
        if ((b.textContent ?? '').replace(/\s+/g, '') !== text || (b as HTMLElement).offsetParent === null) continue;
        // Ant Design's modals zoom in and out: a click aimed while the button still moves lands beside it.
        if ((b as HTMLButtonElement).disabled || b.closest('.ant-zoom-enter, .ant-zoom-appear, .ant-zoom-leave')) continue;
        b.scrollIntoView({ block: 'nearest' });
        const r = b.getBoundingClientRect();
        const key = `${r.x},${r.y},${r.width},${r.height}`;
        const stable = rects.get(b) === key;
        rects.set(b, key);
        if (!stable || !r.width || !r.height) continue;
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (hit && b.contains(hit)) return b;
      }
      return null;
    },
    { timeout, polling: 100 },
    text,
  );
  return handle.asElement() as ElementHandle<Element>;
}

export async function clickPageButton(page: Page, text: string): Promise<void> {
  const button = await pageButton(page, text).catch((e) => {
    throw new Error(`The page shows no button 「${text}」 a click would reach, on ${page.url()}: ${(e as Error).message}`);
  });
  await button.click();
}

/** Waits until no modal of the page is shown (Ant Design removes or hides it after its animation). */
export async function waitNoModal(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('.ant-modal-wrap, .ant-modal-mask')].some(
        (m) => (m as HTMLElement).offsetParent !== null || getComputedStyle(m).display !== 'none',
      ),
    { timeout, polling: 100 },
  );
}

/** Chooses an option of a `<select>` in the panel by value. */
export async function choose(page: Page, selector: string, value: string): Promise<void> {
  const el = await waitInPanel(page, selector);
  await el.select(value);
}

/** `data-*` attribute of an element in the panel (null when absent). */
export async function panelAttr(page: Page, selector: string, name: string): Promise<string | null> {
  const el = await page.$(inPanel(selector));
  return el ? el.evaluate((n, name) => n.getAttribute(name), name) : null;
}

/** Waits until an element in the panel has attribute `name` = `value`. */
export async function waitPanelAttr(page: Page, selector: string, name: string, value: string, timeout = 15_000): Promise<void> {
  await waitInPanel(page, `${selector}[${name}=${JSON.stringify(value)}]`, { timeout }).catch(async (e) => {
    throw new Error(`${selector} ${name} did not become ${value} (it is ${await panelAttr(page, selector, name)}): ${(e as Error).message}`);
  });
}

/** What the page's refund form currently holds (its own controls). */
export async function pageForm(page: Page) {
  return page.evaluate(() => ({
    refundType: (document.querySelector('input[name=refundType]:checked') as HTMLInputElement | null)?.value ?? null,
    reason: document.querySelector('#reason')?.closest('.ant-select')?.querySelector('.ant-select-selection-item')?.textContent ?? null,
    amount: (document.querySelector('#amount') as HTMLInputElement | null)?.value ?? null,
    remark: (document.querySelector('#remark') as HTMLTextAreaElement | null)?.value ?? null,
    trackingNo: (document.querySelector('#trackingNo') as HTMLInputElement | null)?.value ?? null,
    courier: (document.querySelector('#courier') as HTMLInputElement | null)?.value ?? null,
    uploads: document.querySelectorAll('.ant-upload-list-item').length,
  }));
}

/**
 * On the refund form: chooses the type and reason in the panel, fills the page's form with one
 * click and waits for the page to show the values.
 */
export async function fillWithPanel(page: Page, p: PanelHandle, refundType: string, reasonId: string): Promise<void> {
  await choose(page, '[data-rh="refund-type"]', refundType);
  await choose(page, '[data-rh="reason"]', reasonId);
  await p.click('[data-rh="fill-form"]');
  // 填入 waits for the page's form (10 s at most), then fills it.
  await page
    .waitForFunction(
      (t: string) => (document.querySelector('input[name=refundType]:checked') as HTMLInputElement | null)?.value === t,
      { timeout: 15_000, polling: 100 },
      refundType,
    )
    .catch(async (e) => {
      const panel = await page
        .$eval('refund-helper', (h) => {
          const q = (sel: string) => h.shadowRoot?.querySelector(sel);
          return JSON.stringify({
            button: (q('[data-rh="fill-form"]') as HTMLButtonElement | null)?.disabled ? 'disabled' : 'enabled',
            results: [...(h.shadowRoot?.querySelectorAll('[data-rh="fill-result"]') ?? [])].map((r) => r.textContent),
            pageForm: !!document.querySelector('#refundForm'),
          });
        })
        .catch((err) => String(err));
      throw new Error(
        `填入 did not show the refund type ${refundType}: panel ${panel}, page form ${JSON.stringify(await pageForm(page))}: ${(e as Error).message}`,
      );
    });
  await page.waitForFunction(() => !!(document.querySelector('#remark') as HTMLTextAreaElement | null)?.value, { timeout: 10_000, polling: 100 });
  await replaceInstruction(page);
}

/**
 * A remark template's instruction ("（请具体描述问题…）") must not reach the platform: after a fill the
 * panel selects it in the page's remark, and the merchant types the facts over it.
 */
export async function replaceInstruction(page: Page, facts = '袖口开线，拉链无法使用'): Promise<void> {
  const remark = await page.$eval('#remark', (n) => (n as HTMLTextAreaElement).value);
  if (!/（请[^）]*）/.test(remark)) return;
  await page.waitForFunction(
    () => {
      const r = document.activeElement as HTMLTextAreaElement | null;
      return r?.id === 'remark' && /^（请[^）]*）$/.test(r.value.slice(r.selectionStart, r.selectionEnd));
    },
    { timeout: 10_000, polling: 100 },
  );
  await page.keyboard.type(facts);
  await page.waitForFunction(() => !/（请/.test((document.querySelector('#remark') as HTMLTextAreaElement).value), { timeout: 10_000, polling: 100 });
}

/** Clicks the page's 提交申请. */
export async function submitForm(page: Page): Promise<void> {
  await clickPageButton(page, '提交申请');
}

/** After a successful submit the back office shows the new after-sale detail: its id. */
export async function afterSaleIdFromUrl(page: Page): Promise<string> {
  await page.waitForFunction(() => location.pathname === '/zone/refund/detail', { timeout: 15_000, polling: 100 });
  return new URL(page.url()).searchParams.get('id')!;
}

/**
 * Applies for a refund through the panel and the page, for the flows that need a case: fills the
 * form, ticks every manual evidence item, provides the return evidence when needed, submits and
 * returns the new after-sale id.
 */
export async function applyFor(b: E2E, orderId: string, refundType: 'refund-only' | 'return-refund', reasonId: string): Promise<string> {
  const page = await b.openBackOffice(`/zone/refund/apply?orderId=${orderId}`);
  const p = await b.panel(page, { kind: 'refund-form' });
  await fillWithPanel(page, p, refundType, reasonId);
  if (refundType === 'return-refund') {
    const input = (await page.$('#evidence')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(evidenceFile());
    await page.type('#trackingNo', 'YT1234567890123');
    await page.type('#courier', '圆通速递');
    await p.click('[data-rh-evidence="purchase-proof"]');
  }
  await waitPanelAttr(page, '[data-rh="evidence"]', 'data-complete', 'true');
  await submitForm(page);
  const id = await afterSaleIdFromUrl(page);
  await b.waitForField(page, 'caseStatus', 'reviewing');
  await page.close();
  return id;
}

/**
 * Clicks the panel's 全部退款 link and returns the case list tab it opens (and its address), once
 * its rows are read. Firefox's WebDriver BiDi leaves a tab the extension opened at `about:blank`
 * in `page.url()`, so each new tab is asked where it is.
 */
export async function openCasesFromPanel(b: E2E, p: PanelHandle): Promise<{ page: Page; href: string }> {
  const before = new Set(await b.browser.pages());
  await p.click('[data-rh="open-cases"]');
  let found: { page: Page; href: string } | undefined;
  await expect
    .poll(
      async () => {
        for (const page of await b.browser.pages()) {
          if (before.has(page)) continue;
          // Asked with a bound: in Firefox an evaluate in a tab still loading can stay unanswered,
          // and one hung question would stall the whole poll (seen once: no tab found in 30 s).
          const href = await Promise.race([page.evaluate(() => location.href), new Promise<string>((r) => setTimeout(() => r(''), 1_000))]).catch(() => '');
          if (/\/cases\.html(#|$)/.test(href)) found = { page, href };
        }
        return !!found;
      },
      { timeout: 30_000, interval: 200 },
    )
    .toBe(true);
  await found!.page.waitForSelector('[data-rh="shown-count"]', { timeout: 30_000 });
  return found!;
}

/** Opens the refund list so the extension reads the statuses shown there. */
export async function visitRefundList(b: E2E): Promise<Page> {
  const page = await b.openBackOffice('/zone/refund/list');
  await b.panel(page, { kind: 'refund-list' });
  await b.settle(page, { quietMs: 500 });
  return page;
}
