/*
 * The bootstrap's one job after reading the page's data (entrypoints/merchant.content): follow the
 * page's navigation and have the part of the panel's runtime each served route needs injected
 * (lib/panel-files.ts): on the first served route, and again on a navigation into a route of the
 * other part (whose runtime then stops the running one). Small on purpose: every back-office page
 * parses it.
 */
import { partOf, type PanelPart } from '../sites/kuaishou/routes';

/**
 * Starts following; returns the function that stops. `load` asks the background for a part and
 * says whether it was injected.
 */
export function followParts(win: Window & typeof globalThis, load: (part: PanelPart) => Promise<boolean>): () => void {
  const nav = (win as { navigation?: EventTarget }).navigation;
  const doc = win.document;
  let observer: MutationObserver | undefined;
  let href = '';
  /** The part whose runtime this frame runs. */
  let loaded: PanelPart | undefined;
  let asking = false;

  function check() {
    if (win.location.href === href) return;
    href = win.location.href;
    ask();
  }
  /** One request at a time, so that two quick navigations cannot inject the parts out of order. */
  function ask() {
    const part = partOf(new URL(win.location.href));
    if (!part || part === loaded || asking) return;
    asking = true;
    void load(part).then((ok) => {
      asking = false;
      if (!ok) {
        // A failure (worker starting, extension reloading) is tried again on the next change.
        href = '';
        return;
      }
      loaded = part;
      // The route may have changed while the background answered.
      ask();
    });
  }

  // Chromium: same-document navigations (the page's pushState included) without watching the
  // DOM. Elsewhere a MutationObserver whose callback only compares the URL.
  if (nav) nav.addEventListener('currententrychange', check);
  else {
    observer = new win.MutationObserver(check);
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  }
  win.addEventListener('popstate', check);
  check();
  return () => {
    observer?.disconnect();
    nav?.removeEventListener('currententrychange', check);
    win.removeEventListener('popstate', check);
  };
}
