/*
 * The toolbar badge: the number of cases needing attention (99+ above 99), so a merchant sees
 * from any tab that something waits; red when any is overdue, rejected or failed, amber when only
 * approvals (or reminders) wait; empty at zero; the title lists the counts per kind. This module
 * only shows a BadgeSummary: the background gets it from CaseService.badge, which counts the
 * store's per-status counters and due-entry ranges (lib/cases/model.ts badgeFromKinds) without
 * reading any case.
 */
import { browser } from 'wxt/browser';
import type { BadgeSummary } from './cases/model';
import type { Locale, LocalText } from './i18n';

export const BADGE_COLORS = { red: '#d4380d', amber: '#faad14' } as const;

type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** `action` in MV3; Firefox builds are MV2, where the same calls live on `browserAction`. */
export function actionApi(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction)!;
}

export async function showBadge(summary: BadgeSummary, locale: Locale): Promise<void> {
  const api = actionApi();
  await Promise.all([
    api.setBadgeText({ text: summary.text }),
    summary.color ? api.setBadgeBackgroundColor({ color: BADGE_COLORS[summary.color] }) : undefined,
    api.setTitle({ title: summary.title[locale] }),
  ]);
}

/**
 * The badge when the cases cannot be counted (the database was opened by a newer version, or
 * cannot be opened at all): a red "!" and the reason as its title, never a stale "nothing needs
 * attention".
 */
export async function showBadgeProblem(reason: LocalText, locale: Locale): Promise<void> {
  const api = actionApi();
  const lead = locale === 'zh-CN' ? '退款助手无法读取退款记录：' : 'Refund Helper cannot read its cases: ';
  await Promise.all([
    api.setBadgeText({ text: '!' }),
    api.setBadgeBackgroundColor({ color: BADGE_COLORS.red }),
    api.setTitle({ title: lead + reason[locale] }),
  ]);
}
