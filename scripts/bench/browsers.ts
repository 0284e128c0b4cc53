// The two browsers of an A/B run: the same Chromium, the same flags and the same host mapping,
// one with the production build loaded (through scripts/browsers.ts, as the e2e tests do) and
// one without any extension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { findChromium, launchChromium, MAP_SITE_HOST, NETWORK_QUIET_CHROMIUM, type BrowserHandle } from '../browsers';

const FLAGS = [...NETWORK_QUIET_CHROMIUM, MAP_SITE_HOST];

export interface Plain {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchWithout(): Promise<Plain> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'refund-helper-bench-noext-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    userDataDir,
    args: FLAGS,
    defaultViewport: { width: 1280, height: 900 },
    handleSIGINT: false,
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export async function launchWith(extensionDir?: string): Promise<BrowserHandle> {
  return launchChromium({ extensionDir });
}

export async function chromiumVersion(browser: Browser): Promise<string> {
  return browser.version();
}
