/*
 * The panel's runtime: injected by the background (scripting.executeScript, into the content
 * scripts' isolated world) on a served back-office page when the bootstrap asks
 * (entrypoints/merchant.content); never listed in the manifest, never web-accessible. Wiring only;
 * the logic is in lib/content/ (the core and its page features), the view in components/panel/.
 *
 * An unlisted script rather than a WXT content script: WXT's content-script context costs ~0.8 KB
 * gzip of this budget, and all it would do here is the one thing below (a newer copy of the
 * runtime, after the extension was reloaded or updated, stops this one).
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
import { kuaishou } from '../../lib/sites/kuaishou';
import { h, render } from 'preact';
import { messagingClient } from '../../lib/content/client';
import { COMMAND_MESSAGE, isPanelCommand } from '../../lib/commands';
import { startCore } from '../../lib/content/core';
import { parseLayout } from '../../lib/content/host';
import { FEATURES } from '../../lib/content/features';
import { Panel } from '../../components/panel/Panel';
import { PANEL_CSS } from '../../components/panel/styles';

/**
 * The UI locale this build was made for (wxt.config.ts builds this entrypoint once per locale, as
 * panel.zh-CN.js and panel.en.js, each keeping only its language's texts; the background injects
 * the one of the browser's language).
 */
declare const __PANEL_LOCALE__: Locale;

/** browser.storage.local key of the panel's layout (side, width, collapsed). */
const LAYOUT_KEY = 'panelLayout';

export default defineUnlistedScript(() => {
  const helper = startCore({
    win: window,
    adapter: kuaishou,
    client: messagingClient,
    locale: __PANEL_LOCALE__,
    features: FEATURES,
    render: (mount, props) => render(props && h(Panel, props), mount),
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
  // A newer runtime in this document (the extension reloaded or updated, its bootstrap asked
  // again) removes this one's panel, chips and listeners. The event's name carries the extension's
  // id, so the page cannot guess it to fake one.
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
