/*
 * System notifications for a case becoming approved, rejected, failed or overdue, each
 * kind switchable in the rules. The notification id encodes the kind and the case id, so a click
 * (possibly after the worker restarted) still knows which order to open.
 *
 * When one event changes several cases (a refund list read, a deadline sweep), each kind gets ONE
 * summary notification ("3 个退款审核通过"): hundreds of notifications for one page visit would be
 * noise, and creating each costs the worker an icon load. Its click opens the refund list.
 */
import { browser } from 'wxt/browser';
import { STATUS_LABELS } from './cases/model';
import type { RefundCase } from './cases/schema';
import type { CaseStatus } from './cases/status';
import { tr, type Locale, type LocalText } from './i18n';
import { formatFen } from './money';
import type { RuleSet } from './rules/schema';

export const NOTIFY_KINDS = ['approved', 'rejected', 'failed', 'overdue'] as const;
export type NotifyKind = (typeof NOTIFY_KINDS)[number];

const PREFIX = 'refund-helper';
const BATCH_PREFIX = 'refund-helper-batch';

export function notificationId(kind: NotifyKind, caseId: string): string {
  return `${PREFIX}:${kind}:${caseId}`;
}

export function parseNotificationId(id: string): { kind: NotifyKind; caseId: string } | null {
  const [prefix, kind, ...rest] = id.split(':');
  if (prefix !== PREFIX || !(NOTIFY_KINDS as readonly string[]).includes(kind) || rest.length === 0) return null;
  return { kind: kind as NotifyKind, caseId: rest.join(':') };
}

/**
 * A summary notification's id: kind, a unique stamp (a later summary must not replace an earlier
 * one's count) and the first case's id.
 */
export function batchNotificationId(kind: NotifyKind, stamp: number, firstCaseId: string): string {
  return `${BATCH_PREFIX}:${kind}:${stamp}:${firstCaseId}`;
}

export function parseBatchNotificationId(id: string): { kind: NotifyKind; firstCaseId: string } | null {
  const [prefix, kind, stamp, ...rest] = id.split(':');
  if (prefix !== BATCH_PREFIX || !(NOTIFY_KINDS as readonly string[]).includes(kind) || !/^\d+$/.test(stamp ?? '') || rest.length === 0) return null;
  return { kind: kind as NotifyKind, firstCaseId: rest.join(':') };
}

/** The notification a status change deserves, if any (only what the platform decided). */
export function kindForChange(from: CaseStatus, to: CaseStatus): NotifyKind | null {
  if (from === to) return null;
  return to === 'approved' || to === 'rejected' || to === 'failed' ? to : null;
}

const TITLES: Record<NotifyKind, LocalText> = {
  approved: { 'zh-CN': '退款审核通过，请确认退款', en: 'Refund approved: confirm the refund' },
  rejected: { 'zh-CN': '退款审核不通过', en: 'Refund rejected' },
  failed: { 'zh-CN': '退款失败', en: 'Refund failed' },
  overdue: { 'zh-CN': '退款超时未到账', en: 'Refund overdue' },
};

const BODY: LocalText = {
  'zh-CN': '订单 {orderId}{amount}：{status}。点击打开订单。',
  en: 'Order {orderId}{amount}: {status}. Click to open the order.',
};

export function notificationContent(c: RefundCase, kind: NotifyKind, locale: Locale): { title: string; message: string } {
  const amount = c.refundAmount ?? c.paidAmount;
  return {
    title: tr(TITLES[kind], locale),
    message: tr(BODY, locale, {
      orderId: c.orderId,
      amount: amount === undefined ? '' : ` · ${formatFen(amount)}`,
      status: STATUS_LABELS[c.status][locale],
    }),
  };
}

const BATCH_TITLES: Record<NotifyKind, LocalText> = {
  approved: { 'zh-CN': '{n} 个退款已审核通过，请确认退款', en: '{n} refunds approved: confirm them' },
  rejected: { 'zh-CN': '{n} 个退款审核不通过', en: '{n} refunds rejected' },
  failed: { 'zh-CN': '{n} 个退款失败', en: '{n} refunds failed' },
  overdue: { 'zh-CN': '{n} 个退款超时未到账', en: '{n} refunds overdue' },
};

const BATCH_BODY: LocalText = {
  'zh-CN': '订单 {orders}{more}。点击打开退款列表。',
  en: 'Orders {orders}{more}. Click to open the refund list.',
};

/** How many order numbers a summary names. */
const BATCH_NAMED = 3;

export function batchNotificationContent(cases: readonly RefundCase[], kind: NotifyKind, locale: Locale): { title: string; message: string } {
  const named = cases.slice(0, BATCH_NAMED).map((c) => c.orderId);
  const rest = cases.length - named.length;
  return {
    title: tr(BATCH_TITLES[kind], locale, { n: cases.length }),
    message: tr(BATCH_BODY, locale, {
      orders: named.join(locale === 'en' ? ', ' : '、'),
      more: rest > 0 ? (locale === 'en' ? ` and ${rest} more` : ` 等 ${cases.length} 个`) : '',
    }),
  };
}

function iconUrl(): string {
  return (browser.runtime.getURL as (path: string) => string)('/icon/128.png');
}

/** Shows the notification unless the merchant switched this kind off. Returns whether it was shown. */
export async function notifyCase(c: RefundCase, kind: NotifyKind, rules: RuleSet, locale: Locale): Promise<boolean> {
  if (!rules.notifications[kind]) return false;
  const { title, message } = notificationContent(c, kind, locale);
  await browser.notifications.create(notificationId(kind, c.id), { type: 'basic', iconUrl: iconUrl(), title, message });
  return true;
}

/**
 * Notifies `cases` that all became `kind` in one event: one case → its own notification (as
 * notifyCase), several → one summary. Returns whether anything was shown.
 */
export async function notifyCases(cases: readonly RefundCase[], kind: NotifyKind, rules: RuleSet, locale: Locale, stamp: number): Promise<boolean> {
  if (cases.length === 0 || !rules.notifications[kind]) return false;
  if (cases.length === 1) return notifyCase(cases[0], kind, rules, locale);
  const { title, message } = batchNotificationContent(cases, kind, locale);
  await browser.notifications.create(batchNotificationId(kind, stamp, cases[0].id), { type: 'basic', iconUrl: iconUrl(), title, message });
  return true;
}

/** Groups changes by the notification each deserves, in NOTIFY_KINDS order; a case once per kind. */
export function groupByKind(items: ReadonlyArray<{ case: RefundCase; kind: NotifyKind | null }>): Array<[NotifyKind, RefundCase[]]> {
  const groups = new Map<NotifyKind, Map<string, RefundCase>>();
  for (const { case: c, kind } of items) {
    if (!kind) continue;
    let g = groups.get(kind);
    if (!g) groups.set(kind, (g = new Map()));
    g.set(c.id, c); // the latest copy of a case changed twice in one report
  }
  return NOTIFY_KINDS.filter((k) => groups.has(k)).map((k) => [k, [...groups.get(k)!.values()]]);
}
