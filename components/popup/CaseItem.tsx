/*
 * One case in the popup's list: what it is (the product's title when the page showed it, else the
 * order number), its one status, when the merchant has to act, and what can be done from here.
 */
import { STATUS_LABELS } from '../../lib/cases/model';
import { TERMINAL_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { deadlineText } from '../../lib/cases/deadline';
import { formatDateTime, translator, tr, type Locale } from '../../lib/i18n';
import { formatFen } from '../../lib/money';
import type { AttentionItem, PopupAction } from './client';
import { POPUP_TEXT } from './i18n';

/** Kinds where contacting support is the next step (the model refuses it before a deadline passes). */
const SUPPORT_KINDS: readonly string[] = ['overdue', 'rejected', 'failed', 'review-slow', 'follow-up'];

export interface CaseItemProps {
  item: AttentionItem;
  locale: Locale;
  now: number;
  copied: boolean;
  busy: boolean;
  onOpen(): void;
  onCopy(): void;
  onAction(a: PopupAction): void;
}

export function CaseItem({ item, locale, now, copied, busy, onOpen, onCopy, onAction }: CaseItemProps) {
  const t = translator(POPUP_TEXT, locale);
  const c = item.case;
  const status = c.status as CaseStatus;
  const terminal = TERMINAL_STATUSES.includes(status);
  const deadline = deadlineText(c, locale, now);
  const amount = c.refundAmount ?? c.paidAmount;
  const order = t('orderNo', { id: c.orderId });
  return (
    <li
      class={`rh-case${deadline?.late ? ' is-late' : ''}`}
      data-rh-case={c.orderId}
      data-status={status}
      data-attention={item.kind || undefined}
      data-case-id={c.id}
    >
      <div class="rh-case-top">
        <span class="rh-case-title" data-rh="case-title" title={c.productTitle}>
          {c.productTitle || order}
        </span>
        <span class={`rh-chip s-${status}`} data-rh="case-status">
          {tr(STATUS_LABELS[status], locale)}
        </span>
      </div>
      <div class="rh-case-meta">
        {c.productTitle && <span class="rh-order">{order}</span>}
        {c.afterSaleId && <span class="rh-order">{t('afterSale', { id: c.afterSaleId })}</span>}
        {deadline && (
          <span
            class={`rh-due${deadline.late ? ' late' : ''}`}
            data-rh="due"
            data-due={deadline.due}
            title={deadline.due !== undefined ? formatDateTime(deadline.due) : undefined}
          >
            {deadline.text}
          </span>
        )}
        {amount !== undefined && <span class="rh-amount">{formatFen(amount)}</span>}
      </div>
      <div class="rh-actions">
        <button type="button" data-rh="case-open" onClick={onOpen}>
          {t('open')}
        </button>
        {!terminal && (
          <button type="button" data-rh="case-copy" onClick={onCopy} aria-live="polite">
            {copied ? t('copied') : t('copy')}
          </button>
        )}
        {SUPPORT_KINDS.includes(item.kind) && (
          <button type="button" data-rh="case-contacted" disabled={busy} onClick={() => onAction('contact-support')}>
            {t('contacted')}
          </button>
        )}
        {!terminal && (
          <button type="button" data-rh="case-stop" disabled={busy} title={t('stopTitle')} onClick={() => onAction('close')}>
            {t('stop')}
          </button>
        )}
      </div>
    </li>
  );
}
