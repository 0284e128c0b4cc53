/*
 * One case in a drawer beside the list: its facts, pending deadlines with a countdown, the
 * timeline of every change with its source, and links to its pages in the back office.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { historyText, STATUS_LABELS } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { formatDateTime, formatRelative, tr, type Locale, type LocalText } from '../../lib/i18n';
import { formatFen } from '../../lib/money';
import { afterSaleUrl } from '../../lib/sites/kuaishou/routes';
import { CASES_TEXT, REFUND_TYPE_TEXT, SOURCE_TEXT, type CasesTextKey } from './i18n';

export interface CaseDrawerProps {
  locale: Locale;
  /** undefined while loading; null when the case no longer exists. */
  value: RefundCase | null | undefined;
  reasonLabels: Record<string, LocalText>;
  now: number;
  onClose(): void;
  onOpenOrder(caseId: string): void;
}

/** The deadline each status waits on; a deadline left over from an earlier status is not shown. */
const DEADLINE_OF: Partial<Record<RefundCase['status'], 'reviewRemindAt' | 'confirmRemindAt' | 'arrivalDueAt' | 'followUpAt'>> = {
  reviewing: 'reviewRemindAt',
  approved: 'confirmRemindAt',
  confirmed: 'arrivalDueAt',
  escalated: 'followUpAt',
};

export function CaseDrawer(p: CaseDrawerProps) {
  const t = (k: CasesTextKey, vars?: Record<string, string | number>) => tr(CASES_TEXT[k], p.locale, vars);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const c = p.value;
  return (
    <aside class="drawer" data-rh="case-drawer" role="dialog" aria-label={t('details')} onKeyDown={(e) => e.key === 'Escape' && p.onClose()}>
      <header>
        <h2>{t('details')}</h2>
        <button type="button" ref={closeRef} class="icon" aria-label={t('close')} onClick={p.onClose}>
          ×
        </button>
      </header>
      {c === undefined && <p class="muted">…</p>}
      {c && (
        <div class="drawer-body" data-rh-case={c.orderId} data-status={c.status}>
          <p class={`status status-${c.status} big`}>
            <i class="dot" aria-hidden="true" />
            {tr(STATUS_LABELS[c.status], p.locale)}
          </p>
          <dl class="facts">
            <dt>{t('orderId')}</dt>
            <dd class="mono">{c.orderId}</dd>
            <dt>{t('afterSaleId')}</dt>
            <dd class="mono">{c.afterSaleId ?? '—'}</dd>
            <dt>{t('refundType')}</dt>
            <dd>{tr(REFUND_TYPE_TEXT[c.refundType], p.locale)}</dd>
            <dt>{t('reason')}</dt>
            <dd>{p.reasonLabels[c.reasonId] ? tr(p.reasonLabels[c.reasonId], p.locale) : c.reasonId}</dd>
            <dt>{t('amount')}</dt>
            <dd>{c.refundAmount === undefined ? '—' : formatFen(c.refundAmount)}</dd>
            {c.trackingNo && (
              <>
                <dt>{t('tracking')}</dt>
                <dd>
                  {c.courier ?? ''} <span class="mono">{c.trackingNo}</span>
                </dd>
              </>
            )}
            {c.remark && (
              <>
                <dt>{t('remark')}</dt>
                <dd class="remark">{c.remark}</dd>
              </>
            )}
          </dl>
          <div class="links">
            <button type="button" class="btn" data-rh="open-order" onClick={() => p.onOpenOrder(c.id)}>
              {t('openOrder')}
            </button>
            {c.afterSaleId && (
              <a class="btn" href={afterSaleUrl(c.afterSaleId)} target="_blank" rel="noreferrer" data-rh="open-after-sale">
                {t('openAfterSale')}
              </a>
            )}
          </div>
          <h3>{t('deadlines')}</h3>
          <Deadlines c={c} now={p.now} locale={p.locale} />
          <h3>{t('timeline')}</h3>
          <ol class="timeline" data-rh="timeline">
            {/* The newest first; an entry's place in the history (which only grows) is its identity. */}
            {c.history
              .map((h, n) => ({ h, n }))
              .reverse()
              .map(({ h, n }) => (
                <li key={n}>
                  <time>{formatDateTime(h.at)}</time>
                  <span>{historyText(h, p.locale)}</span>
                  <small class="muted">{t('source', { s: tr(SOURCE_TEXT[h.source] ?? { 'zh-CN': h.source, en: h.source }, p.locale) })}</small>
                </li>
              ))}
          </ol>
        </div>
      )}
    </aside>
  );
}

function Deadlines({ c, now, locale }: { c: RefundCase; now: number; locale: Locale }) {
  const t = (k: CasesTextKey) => tr(CASES_TEXT[k], locale);
  const key = DEADLINE_OF[c.status];
  const pending = key && c.deadlines[key] !== undefined ? [key] : [];
  if (!pending.length) return <p class="muted">{t('noDeadline')}</p>;
  return (
    <ul class="deadlines">
      {pending.map((k) => {
        const due = c.deadlines[k]!;
        return (
          <li key={k}>
            {t(k)}{' '}
            <span data-rh="countdown" data-due={due} class={due < now ? 'late' : undefined} title={formatDateTime(due)}>
              {formatRelative(due - now, locale)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Loads a case for the drawer; re-asks when the id changes. */
export function useCase(load: (id: string) => Promise<RefundCase | undefined>, id: string | undefined): RefundCase | null | undefined {
  const [value, setValue] = useState<RefundCase | null | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    let live = true;
    setValue(undefined);
    load(id).then(
      (c) => live && setValue(c ?? null),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [load, id]);
  return value;
}
