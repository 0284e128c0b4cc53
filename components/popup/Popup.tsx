/*
 * The popup: quick status. Counts per status and the attention list come from the background's
 * index-backed answers (never every case), so it opens fast with 50,000 cases stored.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CASE_STATUSES, TERMINAL_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { tr, translator, type Locale } from '../../lib/i18n';
import { errorText, type AttentionItem, type PopupAction, type PopupClient, type PopupCounts, type RefundCase } from './client';
import { STATUS_LABELS, compareUrgency } from '../../lib/cases/model';
import { ORDER_LIST_URL, REFUND_LIST_URL } from '../../lib/sites/kuaishou/routes';
import { CaseItem } from './CaseItem';
import { POPUP_TEXT, STATUS_SHORT } from './i18n';
import type { LocalText } from '../../lib/i18n';

export const ATTENTION_LIMIT = 50;

/**
 * Most urgent first: every case already late (overdue, a review past its reminder, a rejection)
 * before any with time left, then the least time left (the model's compareUrgency).
 */
export function sortByUrgency<T extends { case: RefundCase }>(items: readonly T[], now: number): T[] {
  return [...items].sort((a, b) => compareUrgency(a.case, b.case, now));
}

/** A tile's list: a finished status newest first (nothing is due), else by urgency. */
export function sortForStatus<T extends { case: RefundCase }>(items: readonly T[], status: CaseStatus, now: number): T[] {
  if (!TERMINAL_STATUSES.includes(status)) return sortByUrgency(items, now);
  return [...items].sort((a, b) => b.case.updatedAt - a.case.updatedAt || (a.case.id < b.case.id ? -1 : 1));
}

/** The tile filter: a click on a tile shows its status; a click on the same tile shows all again. */
export function nextFilter(current: CaseStatus | null, clicked: CaseStatus): CaseStatus | null {
  return current === clicked ? null : clicked;
}

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
  const [filter, setFilter] = useState<CaseStatus | null>(null);
  /** The filtered status's cases; null while they load. */
  const [filtered, setFiltered] = useState<AttentionItem[] | null>(null);
  /** The filter the latest request was for: an answer for a filter since left is dropped. */
  const filterRef = useRef<CaseStatus | null>(null);
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

  const loadFiltered = useCallback(
    async (status: CaseStatus | null) => {
      setFiltered(null);
      if (!status) return;
      try {
        const found = await client.byStatus(status, ATTENTION_LIMIT);
        setFiltered((cur) => (filterRef.current === status ? found : cur));
      } catch (e) {
        setError(errorText(e));
      }
    },
    [client],
  );
  const chooseFilter = (s: CaseStatus) => {
    const next = nextFilter(filter, s);
    filterRef.current = next;
    setFilter(next);
    void loadFiltered(next);
  };

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
      if (filter) await loadFiltered(filter);
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

  const backOffice = (url: string) => async () => {
    try {
      await client.openUrl(url);
    } catch (e) {
      setError(errorText(e));
    }
  };

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
          {t('settings')}
        </button>
      </header>
      <nav class="rh-links" aria-label={t('backOffice')}>
        <span class="rh-muted">{t('backOffice')}：</span>
        <button type="button" class="rh-link" data-rh="open-order-list" data-href={ORDER_LIST_URL} onClick={backOffice(ORDER_LIST_URL)}>
          {t('orderList')}
          <ExternalIcon />
        </button>
        <button type="button" class="rh-link" data-rh="open-refund-list" data-href={REFUND_LIST_URL} onClick={backOffice(REFUND_LIST_URL)}>
          {t('refundList')}
          <ExternalIcon />
        </button>
      </nav>

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
        <ul class="rh-counts" data-rh="counts" aria-label={t('filterTitle')}>
          {CASE_STATUSES.map((s) => {
            const n = counts?.byStatus[s] ?? 0;
            const on = filter === s;
            const name = tr(STATUS_LABELS[s], locale);
            return (
              <li key={s}>
                <button
                  type="button"
                  class={`rh-count${n > 0 ? ' has' : ''}${on ? ' on' : ''}`}
                  data-rh-count={s}
                  data-value={String(n)}
                  aria-pressed={on}
                  title={t(on ? 'filterOn' : 'filterOff', { s: name })}
                  onClick={() => chooseFilter(s)}
                >
                  <b>{n}</b>
                  <span>{tr(STATUS_SHORT[s], locale)}</span>
                </button>
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
      ) : filter ? (
        <section data-rh="filter" data-value={filter}>
          <h2 class="rh-filter-head">
            {t('filtered', { s: tr(STATUS_LABELS[filter], locale), n: counts?.byStatus[filter] ?? 0 })}
            <button type="button" class="rh-link" data-rh="filter-clear" onClick={() => chooseFilter(filter)}>
              {t('showAll')}
            </button>
          </h2>
          {filtered === null ? (
            <p class="rh-muted">{t('loading')}</p>
          ) : filtered.length === 0 ? (
            <p class="rh-muted rh-clear">{t('filterEmpty', { s: tr(STATUS_LABELS[filter], locale) })}</p>
          ) : (
            <ul class="rh-list" data-rh="status-list">
              {sortForStatus(filtered, filter, at).map(renderItem)}
            </ul>
          )}
          {(counts?.byStatus[filter] ?? 0) > (filtered?.length ?? 0) && (filtered?.length ?? 0) >= ATTENTION_LIMIT && (
            <p class="rh-muted">{t('more', { n: (counts?.byStatus[filter] ?? 0) - filtered!.length })}</p>
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
          {attentionCount > items.length && items.length >= ATTENTION_LIMIT && <p class="rh-muted">{t('more', { n: attentionCount - items.length })}</p>}
        </section>
      ) : null}
    </div>
  );
}

/** "Opens elsewhere": the back office opens in a new tab. */
function ExternalIcon() {
  return (
    <svg class="rh-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        d="M9 2h5v5M14 2 7 9M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
