/*
 * The content script: wiring only. The logic is in components/panel/ (controller.ts).
 *
 * Bundle budget (SPEC §7: ≤ 30 KB gzip): nothing here may import zod at runtime. The rules
 * arrive from the background (`getRules`), which validated them (the reply is trusted); reading
 * the page waits for them. Neither the default rule set nor the default page texts are bundled
 * here: they would cost ~3.5 KB gzip of the budget, and the back office's data comes later than
 * the background's answer anyway.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { currentLocale } from '../../lib/i18n';
import { RULES_KEY } from '../../lib/rules/constants';
import { kuaishou } from '../../lib/sites/kuaishou';
import { messagingClient } from '../../components/panel/client';
import { startHelper } from '../../components/panel/controller';

/** browser.storage.local key of the panel's collapsed state. */
const COLLAPSED_KEY = 'panelCollapsed';

export default defineContentScript({
  matches: ['*://s.kwaixiaodian.com/*'],
  runAt: 'document_end',
  main(ctx) {
    // The cheap check first: nothing at all happens on another host.
    if (!kuaishou.matches(new URL(location.href))) return;
    const helper = startHelper({
      win: window,
      adapter: kuaishou,
      client: messagingClient,
      locale: currentLocale(),
      loadCollapsed: async () => {
        try {
          return (await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] === true;
        } catch {
          return false;
        }
      },
      saveCollapsed: (collapsed) => void browser.storage.local.set({ [COLLAPSED_KEY]: collapsed }).catch(() => {}),
      watchRules: (onChange) => {
        const listener = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && RULES_KEY in changes) onChange();
        };
        browser.storage.onChanged.addListener(listener);
        return () => browser.storage.onChanged.removeListener(listener);
      },
    });
    // Extension reloaded or updated: remove the panel, the chips and every listener.
    ctx.onInvalidated(() => helper.stop());
  },
});
