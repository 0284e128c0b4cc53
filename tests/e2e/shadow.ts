// Shadow-DOM waiting shared by the e2e harness and `npm run demo` (no vitest here).
import type { ElementHandle, Page } from 'puppeteer';

const DEFAULT_TIMEOUT = 15_000;

/**
 * Waits for `selector` inside `<refund-helper>`'s shadow root, polling every 100 ms.
 * Not page.waitForSelector: its mutation polling observes the light DOM only, so a change inside
 * the shadow root (the panel filling in a value) goes unseen until the page itself changes.
 */
export async function waitInPanel(page: Page, selector: string, opts: { timeout?: number } = {}): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    // No named inner functions here: tsx (npm run demo/bench) would wrap them in `__name()`,
    // which does not exist in the page.
    (sel: string) => {
      const roots: Array<ShadowRoot> = [];
      for (const host of document.querySelectorAll('refund-helper')) if (host.shadowRoot) roots.push(host.shadowRoot);
      while (roots.length) {
        const root = roots.shift()!;
        const hit = root.querySelector(sel);
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      return null;
    },
    { polling: 100, timeout: opts.timeout ?? DEFAULT_TIMEOUT },
    selector,
  );
  return handle.asElement() as ElementHandle<Element>;
}
