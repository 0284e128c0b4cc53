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

/**
 * Clicks `selector` in the panel with the mouse, where it is when the press lands.
 *
 * The panel re-renders while the page loads (a box shown above a button, or gone, moves the
 * button), and ElementHandle.click() takes the point first and presses the mouse a few round
 * trips later: on a loaded machine the press could land on whatever had moved under that point,
 * and the click reached nothing (a merchant would see the button move and click it again). So:
 * wait until the element holds still for two frames, click, and watch from the window's capture
 * phase that the press and the click reach the element. A press or click that lands elsewhere is
 * stopped there (nothing else receives it) and the click is made again, on the element found
 * again, at most three times; then this throws, naming where the clicks landed.
 */
export async function clickInPanel(page: Page, selector: string, opts: { timeout?: number } = {}): Promise<void> {
  const misses: string[] = [];
  for (let i = 0; i < 3; i++) {
    const el = await waitInPanel(page, selector, opts);
    const guard = await el.evaluateHandle(
      (n) =>
        new Promise<{ missed: string; landed: boolean; off: () => void }>((settled) => {
          const seen = { missed: '', landed: false, off: () => {} };
          const types = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
          // Only the mouse's own events (trusted): what the click then does (填入 clicks the page's
          // controls) is not the click's landing.
          const on = (e: Event) => {
            if (!e.isTrusted || seen.landed) return;
            if (e.composedPath().includes(n)) {
              seen.landed = e.type === 'click';
              return;
            }
            const at = e.composedPath()[0] as Element;
            seen.missed ||= `${e.type} on <${at.nodeName?.toLowerCase()} ${at.getAttribute?.('data-rh') ?? at.className ?? ''}>`;
            e.stopImmediatePropagation();
            e.preventDefault();
          };
          for (const t of types) window.addEventListener(t, on, true);
          seen.off = () => {
            for (const t of types) window.removeEventListener(t, on, true);
          };
          // Still for two frames in a row: the same box (or, as a bound, after 60 frames: the
          // guard then says whether the click landed).
          let last = '';
          let still = 0;
          let frames = 0;
          const frame = () => {
            const r = n.getBoundingClientRect();
            const box = `${r.x},${r.y},${r.width},${r.height}`;
            still = box === last ? still + 1 : 0;
            last = box;
            if (still >= 2 || ++frames > 60) settled(seen);
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
    const failed = await el.click().then(
      () => null,
      (e: Error) => e,
    );
    const missed = await guard.evaluate((g) => {
      g.off();
      return g.missed;
    });
    await guard.dispose();
    if (failed) throw failed;
    if (!missed) return;
    misses.push(missed);
    console.warn(`[e2e] a click on ${selector} landed elsewhere (${misses[misses.length - 1]}): the panel moved; clicking it again`);
  }
  throw new Error(`Three clicks on ${selector} landed elsewhere: ${misses.join('; ')}`);
}
