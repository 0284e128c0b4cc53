import { formatFen } from '../money';
import { HOUR_MS } from '../rules/constants';
import type { Locale, LocalText } from '../rules/constants';
import { REFUND_TYPE_LABELS as TYPE_LABELS } from '../rules/evaluate';
import { changedInto, enteredAt, isMarker } from './deadlines';
import type { HistoryEntry, RefundCase } from './schema';
import type { CaseStatus } from './status';
import { CONFIRM_REMINDER_NOTE, OVERDUE_NOTE, STATUS_LABELS } from './transitions';
import { localText as t } from '../i18n';

/* A case in words: its timeline lines and the ready 联系客服 message, in China time. */

/** "2026-11-26 14:05" in China time (UTC+8), the back office's time zone, whatever the machine's. */
export function formatChinaTime(ms: number): string {
  const d = new Date(ms + 8 * HOUR_MS);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function hoursText(ms: number, locale: Locale): string {
  const h = Math.floor(ms / HOUR_MS);
  if (h >= 48) return locale === 'en' ? `${Math.floor(h / 24)} days` : `${Math.floor(h / 24)} 天`;
  if (h >= 1) return locale === 'en' ? `${h} hours` : `${h} 小时`;
  const m = Math.max(1, Math.floor(ms / 60_000));
  return locale === 'en' ? `${m} minutes` : `${m} 分钟`;
}

/** A marker's title in the timeline, by its note. */
const MARKER_TITLES: Record<string, LocalText> = {
  [OVERDUE_NOTE]: t('已超时', 'Overdue'),
  [CONFIRM_REMINDER_NOTE]: t('确认退款提醒', 'Reminder to confirm'),
};

/** A stored note "中文 / English" in one language (a note in one language only is shown as it is). */
function noteIn(note: string, locale: Locale): string {
  const k = note.indexOf(' / ');
  if (k < 0) return note;
  return locale === 'en' ? note.slice(k + 3) : note.slice(0, k);
}

/**
 * One timeline line of a history entry: "审核中 → 审核通过", "创建：审核中", and for a marker
 * (same status before and after) what it marks ("已超时：超过到账时限", "导入"), never "X → X".
 */
export function historyText(h: HistoryEntry, locale: Locale): string {
  const to = STATUS_LABELS[h.to]?.[locale] ?? h.to;
  const note = h.note ? noteIn(h.note, locale) : '';
  if (isMarker(h)) {
    const title = h.note ? MARKER_TITLES[h.note]?.[locale] : undefined;
    if (title) return `${title}${locale === 'en' ? ': ' : '：'}${note}`;
    if (note) return note;
    return h.source === 'import' ? t(`导入（${to}）`, `Imported (${to})`)[locale] : to;
  }
  const head =
    h.from === null ? `${t('创建', 'Created')[locale]}${locale === 'en' ? ': ' : '：'}${to}` : `${STATUS_LABELS[h.from]?.[locale] ?? h.from} → ${to}`;
  return note ? `${head}${locale === 'en' ? ` (${note})` : `（${note}）`}` : head;
}

/**
 * The problem a case has, as support should hear it: its status, or for an escalated case the
 * status it was escalated from (contacting support is not the problem), and since when it has
 * had it (the change into it, not a later marker such as the overdue note).
 */
export function caseProblem(c: RefundCase): { status: CaseStatus; since: number; contactedAt?: number } {
  if (c.status !== 'escalated') return { status: c.status, since: enteredAt(c) };
  let escalation = -1;
  for (let i = c.history.length - 1; i >= 0 && escalation < 0; i--) {
    const h = c.history[i];
    if (h.to === 'escalated' && !isMarker(h)) escalation = i;
  }
  const base = escalation >= 0 ? c.history[escalation].from : null;
  if (base === null) return { status: 'escalated', since: enteredAt(c), contactedAt: c.supportContactedAt };
  const escalatedAt = c.history[escalation].at;
  return { status: base, since: changedInto(c, base, escalatedAt) ?? escalatedAt, contactedAt: c.supportContactedAt };
}

/**
 * The ready 联系客服 message: order number, after-sale number, amount and type, the problem (the
 * status that needs help and since when), the platform's comment when the page showed one, and
 * what is late. One clock: China time, labelled once. No buyer data (the case holds none).
 */
export function supportMessage(c: RefundCase, locale: Locale, now: number): string {
  const p = caseProblem(c);
  const amount = c.refundAmount ?? c.paidAmount;
  const due = c.deadlines?.arrivalDueAt;
  const late = p.status === 'confirmed' && due !== undefined && now >= due ? now - due : undefined;
  const remind = c.deadlines?.reviewRemindAt;
  const slow = p.status === 'reviewing' && remind !== undefined && now >= remind ? now - p.since : undefined;
  const status = STATUS_LABELS[p.status][locale];
  const type = TYPE_LABELS[c.refundType][locale];
  const money = amount === undefined ? t('（未知）', '(unknown)')[locale] : formatFen(amount);
  const since = formatChinaTime(p.since);
  // Each line is one `t(zh, en)` per line (not a branch per language): the panel's per-locale
  // build keeps only its own language of each (scripts/panel-locale.ts).
  const lines = [
    t('您好，我有一笔退款需要协助处理。', 'Hello, I need help with a refund.'),
    t(`订单编号：${c.orderId}`, `Order number: ${c.orderId}`),
    t(`售后单号：${c.afterSaleId || '（暂无）'}`, `After-sale number: ${c.afterSaleId || '(not assigned yet)'}`),
    t(`退款金额：${money}（${type}）`, `Refund amount: ${money} (${type})`),
    t(`问题：${status}，自 ${since}（北京时间）起`, `Problem: ${status}, since ${since} (China time)`),
  ];
  if (c.platformComment) lines.push(t(`平台意见：${c.platformComment}`, `Platform's comment: ${c.platformComment}`));
  if (p.status === 'confirmed' && c.approvedAt !== undefined) {
    const at = formatChinaTime(c.approvedAt);
    lines.push(t(`审核通过时间：${at}`, `Approved at: ${at}`));
  }
  if (late !== undefined) {
    const [by, dueAt] = [hoursText(late, locale), formatChinaTime(due!)];
    lines.push(
      t(
        `已确认退款，超过到账期限（${dueAt}）${by}仍未到账。`,
        `The refund was confirmed; the money has not arrived ${by} after the arrival deadline (${dueAt}).`,
      ),
    );
  } else if (slow !== undefined) {
    const by = hoursText(slow, locale);
    lines.push(t(`已等待审核 ${by}，仍未处理。`, `The review has been pending for ${by}.`));
  } else if (p.status === 'rejected')
    lines.push(t('审核不通过，请告知原因及后续处理方式。', 'The review was rejected; please tell me why and how to proceed.'));
  else if (p.status === 'failed') lines.push(t('退款失败，请协助完成退款。', 'The refund failed; please help complete it.'));
  if (p.contactedAt !== undefined) {
    const at = formatChinaTime(p.contactedAt);
    lines.push(t(`已于 ${at} 联系过客服，问题仍未解决。`, `I contacted support at ${at}; it is not resolved yet.`));
  }
  lines.push(t('麻烦尽快核实处理，谢谢！', 'Please look into it. Thank you!'));
  return lines.map((l) => l[locale]).join('\n');
}
