import type { Locale } from './i18n';
import type { PageKind } from './order';
import type { PanelPart } from './sites/kuaishou/routes';

/**
 * The panel's runtime is built once per part and UI locale, each file standalone (no chunk shared
 * between them: across files every shared name becomes a property read and each file loses the
 * others' gzip context, which cost more than the split saved). A part carries only the features of
 * its page kinds (`lists`: the order list's chips and the refund list; `orders`: an order's detail,
 * the refund form, the refund detail; 确认退款 is watched in both), and each locale's file only its
 * own language's texts (scripts/panel-locale.ts explains how, and what stays in both languages).
 * These are its files, the one place that names them (build, background, size budgets, tests).
 */
export const PANEL_LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** The page kinds each part serves; lib/sites/kuaishou/routes.ts `partOf` says which part a route needs. */
export const PART_KINDS: Readonly<Record<PanelPart, readonly PageKind[]>> = {
  lists: ['order-list', 'refund-list'],
  orders: ['order-detail', 'refund-form', 'refund-detail'],
};

export const PANEL_PARTS: readonly PanelPart[] = ['lists', 'orders'];

/** The entrypoint's output name for a part and locale: `panel-orders.zh-CN` → `/panel-orders.zh-CN.js`. */
export const panelName = (part: PanelPart, locale: Locale) => `panel-${part}.${locale}`;

/** The file the background injects for a part and UI locale. */
export const panelFile = (part: PanelPart, locale: Locale) => `${panelName(part, locale)}.js` as `panel-${PanelPart}.${Locale}.js`;

/** Every part × locale file of the build (a function: the runtime that imports this module builds no list). */
export const panelFiles = () => PANEL_PARTS.flatMap((part) => PANEL_LOCALES.map((locale) => ({ part, locale, file: panelFile(part, locale) })));
