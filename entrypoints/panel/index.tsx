/*
 * The panel's runtime: injected by the background (scripting.executeScript, into the content
 * scripts' isolated world) on a served back-office page when the bootstrap asks
 * (entrypoints/merchant.content); never listed in the manifest, never web-accessible. Wiring only;
 * the logic is in lib/content/ (the core and its page features), the view in components/panel/.
 *
 * Built once per part and UI locale (wxt.config.ts; lib/panel-files.ts names the files): the
 * `lists` part carries the list pages' features and readers, the `orders` part those of a page
 * about one order, so neither page pays for the other's code. Each file is standalone.
 *
 * An unlisted script rather than a WXT content script: WXT's content-script context costs ~0.8 KB
 * gzip of this budget, and all it would do here is the one thing below (a newer runtime stops
 * this one).
 *
 * Size budget (≤ 30 KB gzip, checked by scripts/size.ts): nothing here may import zod at runtime. The rules
 * arrive from the background (`getRules`), which validated them (the reply is trusted); reading
 * the page waits for them. Neither the default rule set nor the default page texts are bundled
 * here: they would cost ~3.5 KB gzip of the budget, and the back office's data comes later than
 * the background's answer anyway.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Locale } from '../../lib/i18n';
import { RULES_KEY } from '../../lib/rules/constants';
import { listsSite, ordersSite } from '../../lib/sites/kuaishou/parts';
import type { PanelPart } from '../../lib/sites/kuaishou/routes';
import { h, render } from 'preact';
import { messagingClient } from '../../lib/content/client';
import { COMMAND_MESSAGE, isPanelCommand } from '../../lib/commands';
import { startCore } from '../../lib/content/core';
import { parseLayout } from '../../lib/content/host';
import { LIST_FEATURES, ORDER_FEATURES } from '../../lib/content/features';
import { buildListModel } from '../../lib/content/list-model';
import { buildModel } from '../../lib/content/model';
import { orderSections } from '../../components/panel/Order';
import { Panel } from '../../components/panel/Panel';
import { PANEL_CSS } from '../../components/panel/styles';

/**
 * The UI locale this build was made for (each file keeps only its language's texts; the
 * background injects the one of the browser's language).
 */
declare const __PANEL_LOCALE__: Locale;
/**
 * The part this build was made for (wxt.config.ts defines it per build): the conditions below
 * fold to one branch, so the other part's features and readers are left out of the file.
 */
declare const __PANEL_PART__: PanelPart;

/** browser.storage.local key of the panel's layout (side, width, collapsed). */
const LAYOUT_KEY = 'panelLayout';

export default defineUnlistedScript(() => {
  const helper = startCore({
    win: window,
    adapter: __PANEL_PART__ === 'lists' ? listsSite : ordersSite,
    client: messagingClient,
    locale: __PANEL_LOCALE__,
    features: __PANEL_PART__ === 'lists' ? LIST_FEATURES : ORDER_FEATURES,
    model: __PANEL_PART__ === 'lists' ? buildListModel : buildModel,
    // The lists show no order's sections (nor carry their views).
    render: (mount, props) => render(props && h(Panel, { ...props, sections: __PANEL_PART__ === 'lists' ? undefined : orderSections }), mount),
    css: PANEL_CSS,
    loadLayout: () =>
      browser.storage.local.get(LAYOUT_KEY).then(
        (got) => parseLayout(got[LAYOUT_KEY]),
        () => undefined,
      ),
    saveLayout: (layout) => void browser.storage.local.set({ [LAYOUT_KEY]: layout }).catch(() => {}),
    watchRules: (onChange) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && RULES_KEY in changes) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  });
  // A newer runtime in this document removes this one's panel, chips and listeners: the other
  // part's, started on a client-side navigation to one of its routes, or the same part's after the
  // extension was reloaded or updated (its bootstrap asked again). The event's name carries the
  // extension's id, so the page cannot guess it to fake one.
  const started = `refund-helper-panel:${browser.runtime.id}`;
  const me = String(Math.random());
  document.dispatchEvent(new CustomEvent(started, { detail: me }));
  document.addEventListener(started, (e) => (e as CustomEvent).detail !== me && helper.stop());
  // The keyboard commands, forwarded by the background (only the extension can message a tab).
  const onMessage = (m: unknown) => {
    const c = (m as { type?: unknown; command?: unknown } | null)?.command;
    if ((m as { type?: unknown })?.type === COMMAND_MESSAGE && isPanelCommand(c)) helper.command(c);
  };
  browser.runtime.onMessage.addListener(onMessage);
  document.addEventListener(started, () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
});
