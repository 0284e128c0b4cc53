/*
 * The page's own data, passively (issue: the back office's JSON). In the page's main world, from
 * document_start, before the page's scripts run: fetch and XMLHttpRequest are wrapped so that a
 * response of one of the known endpoints (lib/sites/kuaishou/page-data.ts) is read, a copy of it,
 * after the page got it, and only the listed fields are handed to the panel (a CustomEvent on
 * `document`, its detail a JSON string). Nothing is sent anywhere; no request is made.
 *
 * Cost on other requests: one string test of the URL, no clone, no read of the body. The page can
 * see and replace these wrappers (it is the page's world): the panel treats what arrives as page
 * text, validates it again, and never lets it contradict the DOM on screen silently.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCHES } from '../lib/sites/kuaishou/routes';
import { endpointOf, PAGE_DATA_EVENT, pickPageData, type PageDataKind } from '../lib/sites/kuaishou/page-data';

export default defineContentScript({
  matches: MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main() {
    // The bootstrap (isolated world, also from document_start) listens and keeps it for the panel.
    const take = (kind: PageDataKind, json: unknown) => {
      const data = pickPageData(kind, json);
      if (data) document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify(data) }));
    };

    const fetch0 = window.fetch;
    if (typeof fetch0 === 'function') {
      window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
        const p = fetch0.apply(this, args);
        p.then(
          (res) => {
            const kind = endpointOf(res.url);
            if (kind && res.ok)
              res
                .clone()
                .json()
                .then(
                  (json) => take(kind, json),
                  () => {},
                );
          },
          () => {},
        );
        return p;
      } as typeof fetch;
    }

    const XHR = window.XMLHttpRequest?.prototype;
    if (XHR) {
      const open0 = XHR.open;
      const kinds = new WeakMap<XMLHttpRequest, PageDataKind>();
      XHR.open = function (this: XMLHttpRequest, ...args: unknown[]) {
        const kind = endpointOf(String(args[1]));
        if (kind) {
          if (!kinds.has(this)) {
            this.addEventListener('load', () => {
              const k = kinds.get(this);
              if (!k || this.status < 200 || this.status >= 300) return;
              try {
                const type = this.responseType;
                take(k, type === 'json' ? this.response : type === '' || type === 'text' ? JSON.parse(this.responseText) : undefined);
              } catch {}
            });
          }
          kinds.set(this, kind);
        } else kinds.delete(this);
        return (open0 as (...a: unknown[]) => void).apply(this, args);
      } as typeof XHR.open;
    }
  },
});
