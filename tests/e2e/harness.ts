/**
 * The e2e harness: the production build in real Chromium and Firefox against the demo back office,
 * served under its real host name (mapped to the loopback address by the browser).
 *
 *   import { forEachBrowser } from './harness';
 *   forEachBrowser((b) => {
 *     it('shows the order id', async () => {
 *       const page = await b.openBackOffice(`/zone/order/detail?id=${SEED.orders.shipped}`);
 *       const p = await b.panel(page, { kind: 'order-detail' });
 *       expect(await p.field('orderId')).toBe(SEED.orders.shipped);
 *     });
 *   });
 *
 * One browser and one site per file and browser (beforeAll/afterAll); pages opened through the
 * helpers are closed after each test. E2E_BROWSERS=chromium narrows a run to one browser.
 */
import type { Browser, ElementHandle, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { launchBrowser, type Badge, type BrowserHandle, type BrowserKind } from '../../scripts/browsers';
import { startSite, type SiteServer, type StartOptions } from '../merchant-site/server';
import { e2eBrowsers } from './browsers-env';
import { clickInPanel, waitInPanel } from './shadow';

export { clickInPanel, waitInPanel } from './shadow';

export type { Badge, BrowserKind } from '../../scripts/browsers';
export { SEED } from '../merchant-site/server';

export type ReviewAction = 'approve' | 'reject' | 'fail' | 'refund';
export type PageKind = 'order-list' | 'order-detail' | 'refund-form' | 'refund-list' | 'refund-detail';

const DEFAULT_TIMEOUT = 15_000;

// ---------------------------------------------------------------------------------------------
// Page-level helpers: usable with any puppeteer Page, in both browsers.

/** A selector inside the panel's shadow root (puppeteer's deep combinator works in both browsers). */
export const inPanel = (selector: string) => `refund-helper >>> ${selector}`;
const attr = (s: string) => JSON.stringify(s);

export interface PanelHandle {
  page: Page;
  /** The `[data-rh="panel"]` element. */
  element: ElementHandle<Element>;
  pageKind(): Promise<string | null>;
  /** `data-value` of `[data-rh-field=NAME]`, or null when the panel shows no such field. */
  field(name: string): Promise<string | null>;
  /** Every `[data-rh-field]` of the panel: name → data-value. */
  fields(): Promise<Record<string, string | null>>;
  /** `data-value` of `[data-rh="advice"]`, or null. */
  advice(): Promise<string | null>;
  /** An element inside the shadow root, e.g. `[data-rh="fill-form"]`; null when absent. */
  $(selector: string): Promise<ElementHandle<Element> | null>;
  /** Waits for an element inside the shadow root and clicks it where it is (clickInPanel: the panel may move while the page loads). */
  click(selector: string, opts?: { timeout?: number }): Promise<void>;
  /** Waits until `[data-rh-field=NAME]` has `data-value` = value. */
  waitForField(name: string, value: string, opts?: { timeout?: number }): Promise<void>;
}

/**
 * Waits for the panel (`[data-rh="panel"]` in `<refund-helper>`'s shadow root), optionally of one
 * page kind, and returns a handle on it.
 */
export async function panel(page: Page, opts: { kind?: PageKind; timeout?: number } = {}): Promise<PanelHandle> {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  const sel = inPanel(`[data-rh="panel"]${opts.kind ? `[data-page-kind=${attr(opts.kind)}]` : ''}`);
  let element: ElementHandle<Element> | null;
  try {
    element = await waitInPanel(page, sel.replace(/^refund-helper >>> /, ''), { timeout });
  } catch (e) {
    const kinds = await panelKinds(page).catch(() => []);
    throw new Error(
      `No panel${opts.kind ? ` of kind ${opts.kind}` : ''} on ${page.url()} within ${timeout} ms` +
        (kinds.length ? ` (panels present: ${kinds.join(', ')})` : ' (no <refund-helper> panel at all)') +
        `: ${(e as Error).message}`,
    );
  }
  const el = element!;
  return {
    page,
    element: el,
    pageKind: () => el.evaluate((n) => n.getAttribute('data-page-kind')),
    field: (name) => field(page, name, { timeout: 0 }),
    fields: () => fields(page),
    advice: async () => {
      const a = await page.$(inPanel('[data-rh="advice"]'));
      return a ? a.evaluate((n) => n.getAttribute('data-value')) : null;
    },
    $: (selector) => page.$(inPanel(selector)),
    click: (selector, o = {}) => clickInPanel(page, selector, { timeout: o.timeout ?? DEFAULT_TIMEOUT }),
    waitForField: (name, value, o) => waitForField(page, name, value, o),
  };
}

/** The page kinds of the panels now on the page (normally zero or one). */
export async function panelKinds(page: Page): Promise<string[]> {
  const els = await page.$$(inPanel('[data-rh="panel"]'));
  return Promise.all(els.map((e) => e.evaluate((n) => n.getAttribute('data-page-kind') ?? '')));
}

/**
 * `data-value` of the panel's `[data-rh-field=NAME]`. Waits up to `timeout` (default 15 s) for the
 * field to appear; `timeout: 0` reads it now. Null when it never appeared.
 */
export async function field(page: Page, name: string, opts: { timeout?: number } = {}): Promise<string | null> {
  const sel = `[data-rh-field=${attr(name)}]`;
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  const el = timeout > 0 ? await waitInPanel(page, sel, { timeout }).catch(() => null) : await page.$(inPanel(sel));
  return el ? el.evaluate((n) => n.getAttribute('data-value')) : null;
}

/** Every `[data-rh-field]` of the panel (name → data-value), and the advice under the key `advice`. */
export async function fields(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const el of await page.$$(inPanel('[data-rh-field]'))) {
    const [k, v] = await el.evaluate((n) => [n.getAttribute('data-rh-field') ?? '', n.getAttribute('data-value')] as const);
    out[k] = v;
  }
  return out;
}

export async function waitForField(page: Page, name: string, value: string, opts: { timeout?: number } = {}): Promise<void> {
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  try {
    await waitInPanel(page, `[data-rh-field=${attr(name)}][data-value=${attr(value)}]`, { timeout });
  } catch {
    throw new Error(`Panel field ${name} did not become ${JSON.stringify(value)} (it is ${JSON.stringify(await field(page, name, { timeout: 0 }))})`);
  }
}

/**
 * Waits until the back office has rendered (no loading spinner) and the DOM has been quiet for
 * `quietMs` (default 800 ms): after it, anything the content script was going to show is shown.
 */
export async function settle(page: Page, opts: { quietMs?: number; timeout?: number } = {}): Promise<void> {
  const quietMs = opts.quietMs ?? 800;
  const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
  await page.evaluate(
    // No named inner functions (see shadow.ts): the polling loop is written inline.
    (quietMs, timeout) =>
      new Promise<void>((resolve, reject) => {
        const start = Date.now();
        let last = Date.now();
        const obs = new MutationObserver(() => {
          last = Date.now();
        });
        obs.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
        const timer = setInterval(() => {
          const loading = document.querySelector('.page-loading, .ant-spin-spinning');
          if (!loading && document.readyState === 'complete' && Date.now() - last >= quietMs) {
            clearInterval(timer);
            obs.disconnect();
            resolve();
          } else if (Date.now() - start > timeout) {
            clearInterval(timer);
            obs.disconnect();
            reject(new Error(`page did not settle within ${timeout} ms`));
          }
        }, 50);
      }),
    quietMs,
    timeout,
  );
}

// ---------------------------------------------------------------------------------------------
// One browser with the extension plus one demo back office.

export interface SetupOptions {
  /** Options of the demo back office (seed, API delay). */
  site?: StartOptions;
  headless?: boolean;
  /** The browser's UI language (e.g. `zh-CN`); default: the system's (English on the test machines). */
  lang?: string;
}

export class E2E {
  readonly kind: BrowserKind;
  #site?: SiteServer;
  #handle?: BrowserHandle;
  #pages = new Set<Page>();

  constructor(kind: BrowserKind) {
    this.kind = kind;
  }

  /** Starts the site on a free port and launches the browser with the build. */
  async start(opts: SetupOptions = {}): Promise<this> {
    this.#site = await startSite({ port: 0, ...opts.site });
    try {
      this.#handle = await launchBrowser(this.kind, { headless: opts.headless ?? !process.env.E2E_HEADED, lang: opts.lang });
    } catch (e) {
      await this.#site.close();
      this.#site = undefined;
      throw e;
    }
    return this;
  }

  async close(): Promise<void> {
    await this.#handle?.close();
    await this.#site?.close();
    this.#handle = undefined;
    this.#site = undefined;
  }

  get site(): SiteServer {
    if (!this.#site) throw new Error('E2E not started: call setupBrowser() in beforeAll, or use forEachBrowser()');
    return this.#site;
  }
  /** The launched browser with its extension helpers (getBadge, serviceWorker, killServiceWorker, …). */
  get ext(): BrowserHandle {
    if (!this.#handle) throw new Error('E2E not started: call setupBrowser() in beforeAll, or use forEachBrowser()');
    return this.#handle;
  }
  get browser(): Browser {
    return this.ext.browser;
  }

  /** `http://s.kwaixiaodian.com:PORT` + path, as the browser sees it. */
  url(path: string): string {
    return this.site.origin + (path.startsWith('/') ? path : `/${path}`);
  }

  /** A new tab, closed after the current test. */
  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    this.#track(page);
    return page;
  }

  /** Opens a back-office path (e.g. `/zone/order/list`) in a new tab and waits until its data is rendered. */
  async openBackOffice(path: string, opts: { settle?: boolean } = {}): Promise<Page> {
    const page = await this.newPage();
    await page.goto(this.url(path), { waitUntil: 'load' });
    await page.waitForFunction(() => !!document.querySelector('#root > *') && !document.querySelector('.page-loading'), {
      timeout: DEFAULT_TIMEOUT,
    });
    if (opts.settle) await settle(page);
    return page;
  }

  panel(page: Page, opts?: { kind?: PageKind; timeout?: number }): Promise<PanelHandle> {
    return panel(page, opts);
  }
  field(page: Page, name: string, opts?: { timeout?: number }): Promise<string | null> {
    return field(page, name, opts);
  }
  waitForField(page: Page, name: string, value: string, opts?: { timeout?: number }): Promise<void> {
    return waitForField(page, name, value, opts);
  }
  settle(page: Page, opts?: { quietMs?: number; timeout?: number }): Promise<void> {
    return settle(page, opts);
  }

  /** Plays the platform's review of an after-sale case (POST /__review/:id/:action); returns the site's JSON. */
  async review(afterSaleId: string, action: ReviewAction): Promise<unknown> {
    return this.#control(`/__review/${encodeURIComponent(afterSaleId)}/${action}`);
  }

  /** Restores the site's seed data (POST /__reset). The extension's own storage is not touched. */
  async resetSite(): Promise<void> {
    await this.#control('/__reset');
  }

  /** The popup as a tab (`popup.html`), once `waitFor` (default `body`) exists. */
  async openPopup(opts: { waitFor?: string; timeout?: number } = {}): Promise<Page> {
    const page = await this.ext.openExtensionPage('popup.html', opts);
    this.#track(page);
    return page;
  }

  async openOptions(opts: { waitFor?: string; timeout?: number } = {}): Promise<Page> {
    const page = await this.ext.openExtensionPage('options.html', opts);
    this.#track(page);
    return page;
  }

  /** The toolbar badge: text, background colour (#rrggbb) and title. */
  badge(): Promise<Badge> {
    return this.ext.getBadge();
  }

  /** Closes the pages the helpers opened (done after each test by forEachBrowser). */
  async closePages(): Promise<void> {
    const pages = [...this.#pages];
    this.#pages.clear();
    await Promise.all(pages.map((p) => p.close().catch(() => {})));
  }

  #track(page: Page): void {
    this.#pages.add(page);
    page.once('close', () => this.#pages.delete(page));
  }

  async #control(path: string): Promise<unknown> {
    // Node cannot resolve s.kwaixiaodian.com: talk to the loopback address directly.
    const res = await fetch(`http://127.0.0.1:${this.site.port}${path}`, { method: 'POST' });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${JSON.stringify(body)}`);
    return body;
  }
}

/** Starts a site and a browser; for a hand-written `beforeAll` (then `afterAll(() => b.close())`). */
export async function setupBrowser(kind: BrowserKind, opts: SetupOptions = {}): Promise<E2E> {
  return new E2E(kind).start(opts);
}

/**
 * `describe.each` over the browsers (both, or E2E_BROWSERS): one browser and one site per file
 * and browser, pages closed after each test. The callback receives the E2E object at collection
 * time; use it inside `it`/hooks only (it starts in beforeAll).
 */
export function forEachBrowser(fn: (b: E2E, kind: BrowserKind) => void, opts: SetupOptions & { title?: string } = {}): void {
  describe.each(e2eBrowsers())(opts.title ? `${opts.title} (%s)` : '%s', (kind) => {
    const b = new E2E(kind);
    beforeAll(() => b.start(opts).then(() => undefined));
    afterEach(() => b.closePages());
    afterAll(() => b.close());
    fn(b, kind);
  });
}
