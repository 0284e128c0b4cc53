/*
 * The bootstrap: the only script every back-office page parses. It decides whether the route is
 * served and follows client-side navigation until one is; then it asks the background to inject
 * the panel's runtime (entrypoints/panel) into this frame and is done: the runtime
 * follows navigation from then on. It also keeps what the page's own JSON said (the main world
 * hands it on from document_start; lib/content/page-data.ts). It imports the routes, the sender
 * and that, nothing heavier.
 *
 * Why injection by the background (scripting.executeScript) rather than a dynamic import() of a
 * web-accessible module: a web-accessible file can be fetched by the page at
 * chrome-extension://<fixed id>/…, so any back-office page (or script on it) could tell that the
 * extension is installed and which version; an injected file is exposed to nobody. The price is
 * the `scripting` permission (no install warning) and one message round trip.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { collectPageData } from '../../lib/content/page-data';
import { send } from '../../lib/messaging/send';
import { isServed, MATCHES } from '../../lib/sites/kuaishou/routes';

export default defineContentScript({
  matches: MATCHES,
  // As early as the URL is known: the panel's runtime is injected while the page still loads.
  runAt: 'document_start',
  // WXT's "started" postMessage would tell every listener on the page the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The page's own JSON, as the main world hands it on (entrypoints/page-data.content.ts).
    collectPageData(document);
    const nav = (window as { navigation?: EventTarget }).navigation;
    let observer: MutationObserver | undefined;
    let href = '';
    const stop = () => {
      observer?.disconnect();
      nav?.removeEventListener('currententrychange', check);
      removeEventListener('popstate', check);
    };
    function check() {
      if (location.href === href) return;
      href = location.href;
      if (!isServed(new URL(href))) return;
      stop();
      // A failure (worker starting, extension reloading) is tried again on the next navigation.
      void send('loadPanel').then((r) => {
        if (!r.ok && !ctx.isInvalid) {
          href = '';
          follow();
        }
      });
    }
    function follow() {
      // Chromium: same-document navigations (the page's pushState included) without watching the
      // DOM. Elsewhere a MutationObserver whose callback only compares the URL.
      if (nav) nav.addEventListener('currententrychange', check);
      else {
        observer = new MutationObserver(check);
        observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
      }
      addEventListener('popstate', check);
    }
    ctx.onInvalidated(stop);
    follow();
    check();
  },
});
