import type { Locale } from './i18n';

/**
 * The panel's runtime is built once per UI locale, each file with only its own language's texts
 * (scripts/panel-locale.ts explains how, and what stays in both languages): these are its files,
 * the one place that names them (build, background, size budgets, tests).
 */
export const PANEL_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The entrypoint's output name for a locale: `panel.zh-CN` → `/panel.zh-CN.js`. */
export const panelName = (locale: Locale) => `panel.${locale}`;

/** The file the background injects for a UI locale. */
export const panelFile = (locale: Locale) => `${panelName(locale)}.js` as `panel.${Locale}.js`;
