import { defineConfig } from 'wxt';
import { MANIFEST_COMMANDS } from './lib/commands';
import { MATCHES } from './lib/sites/kuaishou/routes';
import { panelFiles, panelName } from './lib/panel-files';
import { panelLocalePlugin } from './scripts/panel-locale';

// Gecko id: fixed so Firefox keeps one UUID for the add-on (storage survives reinstalls, e2e can pin it).
export const GECKO_ID = 'refund-helper@kwai-merchant-tools';

export default defineConfig({
  // No auto-imports: every module says where its names come from.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // scripting: the background injects the panel's runtime into a served page (the bootstrap asks).
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // The back office only: lets the background find an open order tab (tabs.query by URL) without
    // the broad `tabs` permission, and inject there. WXT moves it into `permissions` for Firefox's MV2.
    host_permissions: MATCHES,
    action: { default_title: '__MSG_extName__' },
    // Keyboard: open/collapse the panel, fill the form (lib/commands.ts); no permission needed.
    commands: MANIFEST_COMMANDS,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: the first release that knows data_collection_permissions (an ESR).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The sources zip Firefox's review asks for: the project, not what local runs leave behind.
  zip: { excludeSources: ['bench-output/**', 'demo-output/**', 'stats.html', '.ci/**', 'tests/merchant-site/dist/**'] },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  hooks: {
    // The panel's runtime (entrypoints/panel) is built once per part and UI locale
    // (lib/panel-files.ts): each part only the features of its pages (`__PANEL_PART__`), each
    // locale only its own language's texts (scripts/panel-locale.ts). One file carrying every
    // feature and both languages would be ~5 KB gzip over its 30 KB budget. The background injects
    // the file of the route's part in the browser's language.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      const i = entrypoints.findIndex((e) => e.name === 'panel');
      if (i < 0) return;
      const panel = entrypoints[i];
      entrypoints.splice(i, 1, ...panelFiles().map((f): typeof panel => ({ ...panel, name: panelName(f.part, f.locale) })));
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      const f = panelFiles().find((f) => entrypoints.length === 1 && entrypoints[0].name === panelName(f.part, f.locale));
      if (!f) return;
      config.plugins = [panelLocalePlugin(f.locale), ...(config.plugins ?? [])];
      config.define = { ...config.define, __PANEL_PART__: JSON.stringify(f.part) };
    },
  },
});
