/*
 * The bootstrap: the only script every back-office page parses. It follows client-side
 * navigation and, on a served route, asks the background to inject the part of the panel's
 * runtime that route needs (entrypoints/panel, lib/panel-files.ts: `lists` for the order and
 * refund lists, `orders` for an order's pages) into this frame: on the first served route, and
 * again on each navigation into a route of the other part, whose runtime then stops the one
 * running (each runtime follows navigation itself and shows nothing on the other part's routes;
 * lib/content/parts-loader.ts). It also keeps what the page's own JSON said (the main world hands
 * it on from document_start; lib/content/page-data.ts). It imports the routes, the sender and
 * those, nothing heavier.
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
import { followParts } from '../../lib/content/parts-loader';
import { MATCHES } from '../../lib/sites/kuaishou/routes';

export default defineContentScript({
  matches: MATCHES,
  // As early as the URL is known: the panel's runtime is injected while the page still loads.
  runAt: 'document_start',
  // WXT's "started" postMessage would tell every listener on the page the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // The page's own JSON, as the main world hands it on (entrypoints/page-data.content.ts).
    collectPageData(document);
    const stop = followParts(window, async (part) => (await send('loadPanel', { part })).ok && !ctx.isInvalid);
    ctx.onInvalidated(stop);
  },
});
