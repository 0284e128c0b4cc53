/*
 * System notifications for a case becoming approved, rejected, failed or overdue (SPEC §4), each
 * kind switchable in the rules. The notification id encodes the kind and the case id, so a click
 * (possibly after the worker restarted) still knows which order to open.
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

export function notificationId(kind: NotifyKind, caseId: string): string {
  return `${PREFIX}:${kind}:${caseId}`;
}

export function parseNotificationId(id: string): { kind: NotifyKind; caseId: string } | null {
  const [prefix, kind, ...rest] = id.split(':');
  if (prefix !== PREFIX || !(NOTIFY_KINDS as readonly string[]).includes(kind) || rest.length === 0) return null;
  return { kind: kind as NotifyKind, caseId: rest.join(':') };
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

/** Shows the notification unless the merchant switched this kind off. Returns whether it was shown. */
export async function notifyCase(c: RefundCase, kind: NotifyKind, rules: RuleSet, locale: Locale): Promise<boolean> {
  if (!rules.notifications[kind]) return false;
  const { title, message } = notificationContent(c, kind, locale);
  await browser.notifications.create(notificationId(kind, c.id), {
    type: 'basic',
    iconUrl: (browser.runtime.getURL as (path: string) => string)('/icon/128.png'),
    title,
    message,
  });
  return true;
}
