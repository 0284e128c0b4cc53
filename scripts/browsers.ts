// Finding and launching the browsers with the built extension, for the e2e tests, `npm run demo`
// and `npm run bench`. Installing them when missing is scripts/setup.ts's job.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser, type BrowserKind } from './setup';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer';
import { GECKO_ID } from '../wxt.config';

export type { BrowserKind };

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const SITE_HOST = 's.kwaixiaodian.com';
/** Chromium: the back office's real host name on loopback. */
export const MAP_SITE_HOST = `--host-resolver-rules=MAP ${SITE_HOST} 127.0.0.1`;
/** Pinned so moz-extension:// URLs are known before the add-on is installed. */
export const FIREFOX_EXTENSION_UUID = '5e1f4a57-7d2b-4c55-9a0c-2f4e3b6a8d10';

/** Env var, then puppeteer's cache, then the system's Chromium/Chrome (scripts/setup.ts). */
export const findChromium = (): string => findBrowser('chromium');
export const findFirefox = (): string => findBrowser('firefox');

export interface Badge {
  text: string;
  /** `#rrggbb`, or `#rrggbbaa` when not opaque. */
  color?: string;
  title?: string;
}

export interface BrowserHandle {
  browser: Browser;
  kind: BrowserKind;
  /** `chrome-extension://ID/` or `moz-extension://UUID/` (with the trailing slash). */
  extensionBaseUrl: string;
  /** Opens e.g. `popup.html` or `options.html` in a new tab, resolved once `waitFor` (default `body`) exists. */
  openExtensionPage(path: string, opts?: { waitFor?: string; timeout?: number }): Promise<Page>;
  getBadge(): Promise<Badge>;
  /** Chromium only: the extension's service worker (waits for it to be running). */
  serviceWorker(opts?: { timeout?: number }): Promise<WebWorker>;
  /** Chromium only: stops the service worker, as Chrome does when it is idle. */
  killServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Absolute or relative path of the unpacked build; defaults to .output/chrome-mv3 or .output/firefox-mv2. */
  extensionDir?: string;
  headless?: boolean;
  /** Chromium only: a fixed remote-debugging port (for attaching DevTools); by default a pipe/ephemeral port. */
  port?: number;
  /** Extra browser arguments. */
  args?: string[];
  /** Browser UI language, e.g. `zh-CN` (what `i18n.getUILanguage()` returns); default: the system's. */
  lang?: string;
}

/** Flags every Chromium here runs with: root, no GPU, and no calls home on a closed network. */
export const NETWORK_QUIET_CHROMIUM = [
  '--no-sandbox', // root on CI
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--metrics-recording-only',
];

function tempProfile(kind: BrowserKind): string {
  return mkdtempSync(join(tmpdir(), `refund-helper-${kind}-`));
}

function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* a browser child may still hold a file; the OS cleans tmp */
  }
}

function toHex(c: unknown): string | undefined {
  if (!Array.isArray(c) || c.length < 3) return typeof c === 'string' ? c : undefined;
  const [r, g, b, a = 255] = c as number[];
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}${a === 255 ? '' : hex(a)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs in an extension page (both browsers) or in the Chromium service worker. */
async function readBadgeInExtension(): Promise<{ text: string; color: unknown; title: string }> {
  const g = globalThis as any;
  const api = g.chrome?.action ?? g.browser?.action ?? g.browser?.browserAction ?? g.chrome?.browserAction;
  const [text, color, title] = await Promise.all([api.getBadgeText({}), api.getBadgeBackgroundColor({}), api.getTitle({})]);
  return { text, color, title };
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<BrowserHandle> {
  const extensionDir = resolve(opts.extensionDir ?? CHROME_BUILD);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}; run \`npm run build\` first.`);
  }
  const userDataDir = tempProfile('chromium');
  const args = [
    ...NETWORK_QUIET_CHROMIUM,
    MAP_SITE_HOST,
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...(opts.port ? [`--remote-debugging-port=${opts.port}`] : []),
    ...(opts.lang ? [`--lang=${opts.lang}`, `--accept-lang=${opts.lang}`] : []),
    ...(opts.args ?? []),
  ];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      // The new headless mode: extensions do not run in 'shell'.
      headless: opts.headless ?? true,
      enableExtensions: true,
      userDataDir,
      args,
      // On Linux, Chromium takes its UI language from the environment rather than --lang.
      ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang.replace('-', '_'), LANG: `${opts.lang.replace('-', '_')}.UTF-8` } } : {}),
      defaultViewport: opts.headless === false ? null : { width: 1280, height: 900 },
      handleSIGINT: false,
    });
  } catch (e) {
    removeQuietly(userDataDir);
    throw e;
  }

  const isOurWorker = (t: { type(): string; url(): string }) =>
    t.type() === 'service_worker' && t.url().endsWith('/background.js') && t.url().startsWith('chrome-extension://');

  let target: Target;
  try {
    target = await browser.waitForTarget(isOurWorker, { timeout: 30_000 });
  } catch (e) {
    await browser.close().catch(() => {});
    removeQuietly(userDataDir);
    throw new Error(`The extension's service worker did not start in Chromium (${extensionDir}): ${(e as Error).message}`);
  }
  const extensionId = new URL(target.url()).host;
  const extensionBaseUrl = `chrome-extension://${extensionId}/`;

  // Puppeteer keeps a worker target it has attached to in browser.targets() after the worker stops,
  // so whether the worker runs is asked of CDP itself.
  const cdp = await browser.target().createCDPSession();
  const runningWorkerIds = async (): Promise<string[]> => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url === extensionBaseUrl + 'background.js').map((t) => t.targetId);
  };
  const targetId = (t: unknown): string => (t as { _targetId: string })._targetId;

  const serviceWorker = async ({ timeout = 15_000 } = {}): Promise<WebWorker> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ids = await runningWorkerIds();
      const t = browser.targets().find((t) => isOurWorker(t) && ids.includes(targetId(t)));
      const worker = t && (await t.worker().catch(() => null));
      if (worker) return worker;
      if (Date.now() > deadline) throw new Error('The extension service worker is not running (send it a message to wake it)');
      await sleep(50);
    }
  };

  const openExtensionPage = async (path: string, { waitFor = 'body', timeout = 15_000 } = {}) => {
    const page = await browser.newPage();
    await page.goto(extensionBaseUrl + path.replace(/^\//, ''), { waitUntil: 'load', timeout });
    await page.waitForSelector(waitFor, { timeout });
    return page;
  };

  return {
    browser,
    kind: 'chromium',
    extensionBaseUrl,
    openExtensionPage,
    serviceWorker,
    async getBadge() {
      // The badge belongs to the browser, not the worker: when the worker is stopped, read it from an
      // extension page rather than waking the worker (which would change what is being tested).
      let raw: Awaited<ReturnType<typeof readBadgeInExtension>>;
      if ((await runningWorkerIds()).length) {
        raw = await (await serviceWorker()).evaluate(readBadgeInExtension);
      } else {
        const page = await openExtensionPage('popup.html');
        try {
          raw = await page.evaluate(readBadgeInExtension);
        } finally {
          await page.close().catch(() => {});
        }
      }
      return { text: raw.text ?? '', color: toHex(raw.color), title: raw.title };
    },
    async killServiceWorker() {
      // Stops the worker as Chrome's idle timer would; it starts again on the next event (a message,
      // an alarm). Done when the worker that was running has gone (a new one may already have started).
      const victims = await runningWorkerIds();
      if (!victims.length) return;
      // Detach puppeteer from the worker first: killing an attached worker either does nothing
      // (stopAllWorkers) or crashes the browser on the next message (closeTarget).
      for (const t of browser.targets().filter((t) => isOurWorker(t) && victims.includes(targetId(t)))) {
        const w = await Promise.race([t.worker().catch(() => null), sleep(300).then(() => null)]);
        await w?.client.detach().catch(() => {});
      }
      const alive = async () => (await runningWorkerIds()).filter((id) => victims.includes(id));
      const deadline = Date.now() + 15_000;
      let helper: Page | undefined;
      try {
        for (let attempt = 0; ; attempt++) {
          const left = await alive();
          if (!left.length) return;
          if (Date.now() > deadline) throw new Error('The service worker did not stop within 15 s');
          // closeTarget is the quick way; a worker busy in a long task ignores it, so it is
          // repeated, and ServiceWorker.stopAllWorkers (from an extension page) follows.
          for (const id of left) await cdp.send('Target.closeTarget', { targetId: id }).catch(() => {});
          if (attempt >= 1) {
            helper ??= await openExtensionPage('manifest.json').catch(() => undefined);
            const session = await helper?.createCDPSession().catch(() => undefined);
            if (session) {
              await session.send('ServiceWorker.enable').catch(() => {});
              await session.send('ServiceWorker.stopAllWorkers').catch(() => {});
              await session.detach().catch(() => {});
            }
          }
          const until = Date.now() + 1_000;
          while (Date.now() < until && (await alive()).length) await sleep(50);
        }
      } finally {
        await helper?.close().catch(() => {});
      }
    },
    async close() {
      await browser.close().catch(() => {});
      removeQuietly(userDataDir);
    },
  };
}

export async function launchFirefox(opts: LaunchOptions = {}): Promise<BrowserHandle> {
  const extensionDir = resolve(opts.extensionDir ?? FIREFOX_BUILD);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}; run \`npm run build:firefox\` first.`);
  }
  const userDataDir = tempProfile('firefox');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: opts.headless ?? true,
      userDataDir,
      // Without it, navigating to moz-extension:// pages is refused.
      args: ['--remote-allow-system-access', ...(opts.args ?? [])],
      defaultViewport: opts.headless === false ? null : { width: 1280, height: 900 },
      handleSIGINT: false,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        'network.dns.forceResolve': '127.0.0.1',
        // Quiet: no update checks, telemetry or remote settings on a closed network.
        'app.update.enabled': false,
        'extensions.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        // The language pages, content scripts and the background see (navigator.language).
        ...(opts.lang ? { 'intl.accept_languages': opts.lang, 'intl.locale.requested': opts.lang } : {}),
      },
    });
  } catch (e) {
    removeQuietly(userDataDir);
    throw e;
  }
  try {
    await browser.installExtension(extensionDir); // must be absolute
  } catch (e) {
    await browser.close().catch(() => {});
    removeQuietly(userDataDir);
    throw new Error(`Installing ${extensionDir} in Firefox failed: ${(e as Error).message}`);
  }
  const extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;

  const openExtensionPage = async (path: string, { waitFor = 'body', timeout = 15_000 } = {}) => {
    const page = await browser.newPage();
    // With --remote-allow-system-access, goto to moz-extension:// never resolves although the page
    // loads: start it, don't await it, and poll for the page's content.
    page.goto(extensionBaseUrl + path.replace(/^\//, ''), { timeout: 0 }).catch(() => {});
    // page.url() stays about:blank meanwhile, so the page is asked where it is.
    const deadline = Date.now() + timeout;
    let lastError = '';
    for (;;) {
      try {
        const ready = await page.evaluate(
          (base: string, sel: string) => location.href.startsWith(base) && document.readyState !== 'loading' && !!document.querySelector(sel),
          extensionBaseUrl,
          waitFor,
        );
        if (ready) return page;
      } catch (e) {
        // e.g. "right-hand side of 'in' should be an object, got null" on a first poll
        lastError = `: ${(e as Error).message}`;
      }
      if (Date.now() > deadline) {
        await page.close().catch(() => {});
        throw new Error(`Extension page ${path} did not show ${waitFor} in Firefox within ${timeout} ms${lastError}`);
      }
      await sleep(100);
    }
  };

  return {
    browser,
    kind: 'firefox',
    extensionBaseUrl,
    openExtensionPage,
    async getBadge() {
      // MV2: no service-worker target; an extension page can read the browser action.
      const page = await openExtensionPage('popup.html');
      try {
        let lastError: unknown;
        for (let i = 0; i < 20; i++) {
          try {
            const raw = await page.evaluate(readBadgeInExtension);
            return { text: raw.text ?? '', color: toHex(raw.color), title: raw.title };
          } catch (e) {
            lastError = e;
            await sleep(100);
          }
        }
        throw lastError;
      } finally {
        await page.close().catch(() => {});
      }
    },
    async serviceWorker(): Promise<WebWorker> {
      throw new Error('serviceWorker() is Chromium only: the Firefox build is MV2 with a background page');
    },
    async killServiceWorker() {
      throw new Error('killServiceWorker() is Chromium only: the Firefox build is MV2 with a background page');
    },
    async close() {
      await browser.close().catch(() => {});
      removeQuietly(userDataDir);
    },
  };
}

export function launchBrowser(kind: BrowserKind, opts: LaunchOptions = {}): Promise<BrowserHandle> {
  return kind === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}
