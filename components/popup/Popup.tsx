/*
 * The popup: quick status. Counts per status and the attention list come from the background's
 * index-backed answers (never every case), so it opens fast with 50,000 cases stored.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CASE_STATUSES, TERMINAL_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { formatDateTime, formatRelative, tr, translator, type Locale } from '../../lib/i18n';
import { formatFen } from '../../lib/money';
import { errorText, type AttentionItem, type PopupAction, type PopupClient, type PopupCounts, type RefundCase } from './client';
import { ATTENTION_LABELS, STATUS_LABELS, compareUrgency, type AttentionKind } from '../../lib/cases/model';
import { POPUP_TEXT, STATUS_SHORT } from './i18n';
import type { LocalText } from '../../lib/i18n';

export const ATTENTION_LIMIT = 50;

/** Overdue first, then by kind and deadline (the model's order, the badge's too). */
export function sortByUrgency<T extends { case: RefundCase }>(items: readonly T[], now: number): T[] {
  return [...items].sort((a, b) => compareUrgency(a.case, b.case, now));
}

/** The pending deadline of the case's status (review reminder, arrival due, follow-up). */
function dueAt(c: RefundCase): number | undefined {
  return c.nextDeadline;
}

/** Kinds where contacting support is the next step (the model refuses it before a deadline passes). */
const SUPPORT_KINDS: readonly string[] = ['overdue', 'rejected', 'failed', 'review-slow', 'follow-up'];

export interface PopupProps {
  client: PopupClient;
  locale: Locale;
  now?: () => number;
  /** Debounce of the search box, ms. */
  searchDelay?: number;
  /**
   * The first answers, requested by the entrypoint before the first render (an effect runs only
   * after the first paint): the number then shows as soon as the background answers.
   */
  initial?: { counts: Promise<PopupCounts>; items: Promise<AttentionItem[]> };
}

/** `items` is null until the attention list arrives: the counts (one small read) render first. */
type Loaded = { counts: PopupCounts; items: AttentionItem[] | null };

export function Popup({ client, locale, now = Date.now, searchDelay = 150, initial }: PopupProps) {
  const t = translator(POPUP_TEXT, locale);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<LocalText | null>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<AttentionItem[] | null>(null);
  const [copiedId, setCopiedId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const searchSeq = useRef(0);
  const copyTimer = useRef<ReturnType<typeof setTimeout>>();

  const firstLoad = useRef(initial);
  const load = useCallback(async () => {
    const pending = firstLoad.current ?? { counts: client.counts(), items: client.attentionList(ATTENTION_LIMIT) };
    firstLoad.current = undefined;
    pending.items.catch(() => {}); // reported below, after the counts
    try {
      const counts = await pending.counts;
      // The number first; the list (its own answer, a longer render) follows in a later frame.
      setData((d) => ({ counts, items: d?.items ?? null }));
      const items = await pending.items;
      setData({ counts, items });
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [client]);

  const runSearch = useCallback(
    async (q: string) => {
      const seq = ++searchSeq.current;
      if (!q.trim()) {
        setResults(null);
        return;
      }
      try {
        const found = await client.search(q.trim());
        if (seq === searchSeq.current) setResults(found);
      } catch (e) {
        if (seq === searchSeq.current) setError(errorText(e));
      }
    },
    [client],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!query.trim()) {
      searchSeq.current++;
      setResults(null);
      return;
    }
    const timer = setTimeout(() => void runSearch(query), searchDelay);
    return () => clearTimeout(timer);
  }, [query, runSearch, searchDelay]);

  useEffect(() => () => clearTimeout(copyTimer.current), []);

  const act = async (c: RefundCase, action: PopupAction) => {
    setBusyId(c.id);
    try {
      await client.caseAction(c.id, action);
      setError(null);
      await load();
      if (query.trim()) await runSearch(query);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyId(null);
    }
  };

  const open = async (c: RefundCase) => {
    try {
      await client.openOrder(c.id);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const copy = async (c: RefundCase) => {
    try {
      await client.copy(client.supportMessage(c));
      setCopiedId(c.id);
      clearTimeout(copyTimer.current);
      copyTimer.current = setTimeout(() => setCopiedId(null), 2000);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const at = now();
  const counts = data?.counts;
  const total = counts ? (counts.total ?? CASE_STATUSES.reduce((n, s) => n + (counts.byStatus[s] ?? 0), 0)) : 0;
  const attentionCount = counts?.attention ?? 0;
  const items = data?.items ? sortByUrgency(data.items, at) : [];

  const renderItem = (item: AttentionItem) => (
    <CaseItem
      key={item.case.id}
      item={item}
      locale={locale}
      now={at}
      copied={copiedId === item.case.id}
      busy={busyId === item.case.id}
      onOpen={() => void open(item.case)}
      onCopy={() => void copy(item.case)}
      onAction={(a) => void act(item.case, a)}
    />
  );

  return (
    <div class="rh-popup" data-rh="popup" lang={locale}>
      <header class="rh-head">
        <h1>{t('title')}</h1>
        {client.openCases && (
          <button type="button" class="rh-link" data-rh="open-cases" onClick={() => void client.openCases!()}>
            {t('allCases')}
          </button>
        )}
        <button type="button" class="rh-link" data-rh="open-options" onClick={() => void client.openOptions()}>
          <span aria-hidden="true">⚙</span> {t('settings')}
        </button>
      </header>

      {error && (
        <div class="rh-error" role="alert" data-rh="popup-error">
          {tr(error, locale)}{' '}
          <button type="button" class="rh-link" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}

      <section class="rh-summary" aria-live="polite">
        <div class={`rh-attention${attentionCount > 0 ? ' is-hot' : ''}`}>
          <span class="rh-attention-n" data-rh="attention-count" data-value={String(attentionCount)}>
            {data ? attentionCount : '–'}
          </span>
          <span class="rh-attention-label">{t('needAttention')}</span>
        </div>
        <ul class="rh-counts" data-rh="counts">
          {CASE_STATUSES.map((s) => {
            const n = counts?.byStatus[s] ?? 0;
            return (
              <li
                key={s}
                class={`rh-count${n > 0 ? ' has' : ''}${TERMINAL_STATUSES.includes(s) ? ' terminal' : ''}`}
                data-rh-count={s}
                data-value={String(n)}
                title={tr(STATUS_LABELS[s], locale)}
              >
                <b>{n}</b>
                <span>{tr(STATUS_SHORT[s], locale)}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <div class="rh-search">
        <input
          type="search"
          data-rh="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
      </div>

      {results !== null ? (
        <section>
          <h2>{t('searchResults')}</h2>
          {results.length === 0 ? (
            <p class="rh-muted" data-rh="search-empty">
              {t('searchNone', { q: query.trim() })}
            </p>
          ) : (
            <ul class="rh-list" data-rh="search-results">
              {results.map(renderItem)}
            </ul>
          )}
        </section>
      ) : (!data || (!data.items && total > 0)) && !error ? (
        <p class="rh-muted">{t('loading')}</p>
      ) : data && total === 0 ? (
        <section class="rh-empty" data-rh="empty">
          <h2>{t('emptyTitle')}</h2>
          <ol>
            <li>{t('emptyStep1')}</li>
            <li>{t('emptyStep2')}</li>
            <li>{t('emptyStep3')}</li>
          </ol>
          <p class="rh-muted">
            <button type="button" class="rh-link" onClick={() => void client.openOptions()}>
              {t('emptySettings')}
            </button>
          </p>
        </section>
      ) : data?.items ? (
        <section>
          <h2>{t('attentionList')}</h2>
          {items.length === 0 ? (
            <p class="rh-muted rh-clear" data-rh="all-clear">
              {t('allClear')}
            </p>
          ) : (
            <ul class="rh-list" data-rh="attention-list">
              {items.map(renderItem)}
            </ul>
          )}
          {attentionCount > items.length && items.length >= ATTENTION_LIMIT && (
            <p class="rh-muted">{t('more', { n: attentionCount - items.length })}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

interface CaseItemProps {
  item: AttentionItem;
  locale: Locale;
  now: number;
  copied: boolean;
  busy: boolean;
  onOpen(): void;
  onCopy(): void;
  onAction(a: PopupAction): void;
}

function deadlineText(c: RefundCase, locale: Locale, now: number): { text: string; late: boolean } | null {
  const t = translator(POPUP_TEXT, locale);
  const due = dueAt(c);
  if (due !== undefined) {
    const rel = formatRelative(due - now, locale);
    const key = c.status === 'reviewing' ? 'dueReview' : c.status === 'escalated' ? 'dueFollowUp' : 'dueArrival';
    return { text: t(key, { rel }), late: due <= now };
  }
  const since = c.attentionAt ?? c.updatedAt;
  return since ? { text: t('since', { at: formatDateTime(since) }), late: false } : null;
}

function CaseItem({ item, locale, now, copied, busy, onOpen, onCopy, onAction }: CaseItemProps) {
  const t = translator(POPUP_TEXT, locale);
  const c = item.case;
  const status = c.status as CaseStatus;
  const terminal = TERMINAL_STATUSES.includes(status);
  const reason = item.kind ? ATTENTION_LABELS[item.kind as AttentionKind] : undefined;
  const deadline = terminal ? null : deadlineText(c, locale, now);
  const amount = c.refundAmount ?? c.paidAmount;
  return (
    <li
      class={`rh-case${deadline?.late ? ' is-late' : ''}`}
      data-rh-case={c.orderId}
      data-status={status}
      data-attention={item.kind || undefined}
      data-case-id={c.id}
    >
      <div class="rh-case-top">
        <span class="rh-order" title={c.afterSaleId ? t('afterSale', { id: c.afterSaleId }) : undefined}>
          {c.orderId}
        </span>
        <span class={`rh-chip s-${status}`}>{tr(STATUS_LABELS[status], locale)}</span>
      </div>
      <div class="rh-case-meta">
        {reason && item.kind && <span class="rh-why">{tr(reason, locale)}</span>}
        {deadline && (
          <span class={`rh-due${deadline.late ? ' late' : ''}`} data-rh="due">
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
            {copied ? `✓ ${t('copied')}` : t('copy')}
          </button>
        )}
        {SUPPORT_KINDS.includes(item.kind) && (
          <button type="button" data-rh="case-contacted" disabled={busy} onClick={() => onAction('contact-support')}>
            {t('contacted')}
          </button>
        )}
        {!terminal && (
          <button type="button" data-rh="case-done" disabled={busy} title={t('doneTitle')} onClick={() => onAction('close')}>
            {t('done')}
          </button>
        )}
      </div>
    </li>
  );
}
