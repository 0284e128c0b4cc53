import type { BrowserKind } from '../../scripts/browsers';

export const ALL_BROWSERS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** The browsers the e2e run covers: all, or E2E_BROWSERS=chromium (comma-separated) to narrow it. */
export function e2eBrowsers(): BrowserKind[] {
  const wanted = (process.env.E2E_BROWSERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted.length) return [...ALL_BROWSERS];
  const unknown = wanted.filter((w) => !ALL_BROWSERS.includes(w as BrowserKind));
  if (unknown.length) throw new Error(`E2E_BROWSERS: unknown browser(s) ${unknown.join(', ')}; use ${ALL_BROWSERS.join(',')}`);
  return wanted as BrowserKind[];
}
