/*
 * The case list page: every case, one row each (an order may have several), with filters,
 * search, sorting, bulk actions and a case's drawer; and the statistics of the chosen period.
 *
 * Data path: the newest cases come first from an index read (shown at once), then every case's
 * row (lib/cases/rows.ts, a few hundred bytes each) is read a page at a time; from then on a
 * filter, a sort or the statistics are computed here, in memory, without asking the store again.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { matches, selectRows, type CaseRow, type RowFilter, type Sort } from '../../lib/cases/rows';
import { computeStats } from '../../lib/cases/stats';
import { CASE_STATUSES, type CaseStatus } from '../../lib/cases/status';
import { STATUS_LABELS } from '../../lib/cases/model';
import { tr, type Locale, type LocalText } from '../../lib/i18n';
import { REFUND_TYPES, type RefundType } from '../../lib/order';
import { errorText } from '../popup/client';
import { CaseDrawer, useCase } from './CaseDrawer';
import { CaseTable } from './CaseTable';
import type { CasesClient } from './client';
import { CASES_TEXT, REFUND_TYPE_TEXT, type CasesTextKey } from './i18n';
import type { StatsProps } from './Stats';

const DAY = 86_400_000;
export const PERIODS = { all: undefined, '7': 7, '30': 30, '90': 90, '365': 365 } as const;
export type PeriodKey = keyof typeof PERIODS;
const PERIOD_TEXT: Record<PeriodKey, CasesTextKey> = { all: 'periodAll', '7': 'period7', '30': 'period30', '90': 'period90', '365': 'period365' };
/** Shown while every row is read. */
const NEWEST = 100;

export type Tab = 'list' | 'stats';

export interface CasesPageProps {
  client: CasesClient;
  locale: Locale;
  now?: () => number;
  tab?: Tab;
  onTab?(tab: Tab): void;
  /** A case whose drawer opens at once (the panel's link to the case it shows). */
  openCase?: string;
}

export function CasesPage({ client, locale, now = Date.now, tab: initialTab = 'list', onTab, openCase }: CasesPageProps) {
  const t = (k: CasesTextKey, vars?: Record<string, string | number>) => tr(CASES_TEXT[k], locale, vars);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [loaded, setLoaded] = useState<{ done: boolean; n: number; error?: LocalText }>({ done: false, n: 0 });
  const [reasonLabels, setReasonLabels] = useState<Record<string, LocalText>>({});
  const [filter, setFilter] = useState<RowFilter>({});
  const [period, setPeriod] = useState<PeriodKey>('all');
  const [sort, setSort] = useState<Sort>({ key: 'updatedAt', dir: 'desc' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState(openCase);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [at, setAt] = useState(now);

  const load = useCallback(async () => {
    setLoaded({ done: false, n: 0 });
    // The newest first (an index read, shown at once), then every row: asked one after the
    // other, so the small answer does not wait behind the first page of the large one.
    let done = false;
    await client.newestRows(NEWEST).then(
      (newest) => !done && setRows(newest),
      () => {},
    );
    let all: CaseRow[] = [];
    try {
      await client.loadRows((page) => {
        all = all.concat(page);
        setLoaded({ done: false, n: all.length });
      });
      done = true;
      setAt(now());
      setRows(all);
      setLoaded({ done: true, n: all.length });
    } catch (e) {
      done = true;
      setLoaded({ done: true, n: all.length, error: errorText(e) });
    }
  }, [client, now]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    client.reasonLabels().then(setReasonLabels, () => {});
  }, [client]);

  const days = PERIODS[period];
  const range = useMemo(() => (days === undefined ? {} : { from: at - days * DAY }), [days, at]);
  const full = useMemo(() => ({ ...filter, ...range }), [filter, range]);
  const shown = useMemo(() => selectRows(rows, full, sort), [rows, full, sort]);
  // Figures only from every case: the newest shown while loading would be a wrong count.
  const stats = useMemo(() => (tab === 'stats' && loaded.done && !loaded.error ? computeStats(rows, range, at) : undefined), [tab, rows, range, at, loaded]);
  /** Per status, how many the other filters keep: the number on each status button (not recounted when only the status changes). */
  const { reasonIds, refundType, attention, query } = filter;
  const perStatus = useMemo(() => {
    const others: RowFilter = { reasonIds, refundType, attention, query, ...range };
    const out = {} as Record<CaseStatus, number>;
    for (const s of CASE_STATUSES) out[s] = 0;
    for (const r of rows) if (matches(r, others)) out[r.status]++;
    return out;
  }, [rows, reasonIds, refundType, attention, query, range]);
  const reasonsUsed = useMemo(() => [...new Set(rows.map((r) => r.reasonId))].sort(), [rows]);
  const drawerCase = useCase(client.getCase, current);
  // The statistics and their charting library load when the tab is first opened: the list does not wait for them.
  const [Stats, setStats] = useState<((p: StatsProps) => JSX.Element) | undefined>();
  useEffect(() => {
    if (tab === 'stats' && !Stats) void import('./Stats').then((m) => setStats(() => m.Stats));
  }, [tab, Stats]);
  const selectedShown = shown.filter((r) => selected.has(r.id));

  const switchTab = (next: Tab) => {
    setTab(next);
    onTab?.(next);
  };
  const setStatus = (s: CaseStatus | undefined) => setFilter((f) => ({ ...f, statuses: s ? [s] : undefined }));
  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  async function stopTracking() {
    const ids = selectedShown.map((r) => r.id);
    if (!ids.length || !confirm(t('stopTrackingConfirm', { n: ids.length }))) return;
    setBusy(true);
    try {
      const r = await client.closeCases(ids);
      setNotice(r.skipped ? t('stoppedSkipped', { n: r.closed.length, skipped: r.skipped }) : t('stopped', { n: r.closed.length }));
      setSelected(new Set());
      await load();
    } catch (e) {
      setNotice(tr(errorText(e), locale));
    } finally {
      setBusy(false);
    }
  }

  async function exportSelection(format: 'csv' | 'json') {
    setBusy(true);
    try {
      await client.exportCases(
        format,
        selectedShown.map((r) => r.id),
      );
    } catch (e) {
      setNotice(tr(errorText(e), locale));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="page">
      <header class="top">
        <h1>{t('title')}</h1>
        <div role="tablist">
          {(['list', 'stats'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} data-rh={`tab-${k}`} onClick={() => switchTab(k)}>
              {t(k === 'list' ? 'tabList' : 'tabStats')}
            </button>
          ))}
        </div>
        <button type="button" class="btn" onClick={() => void client.openOptions()}>
          {t('settings')}
        </button>
      </header>

      <search class="filters">
        <label class="field">
          <span>{t('period')}</span>
          <select data-rh="period-filter" value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as PeriodKey)}>
            {(Object.keys(PERIODS) as PeriodKey[]).map((k) => (
              <option key={k} value={k}>
                {t(PERIOD_TEXT[k])}
              </option>
            ))}
          </select>
        </label>
        {tab === 'list' && (
          <>
            <input
              type="search"
              data-rh="case-search"
              placeholder={t('searchPlaceholder')}
              aria-label={t('searchPlaceholder')}
              value={filter.query ?? ''}
              onInput={(e) => setFilter((f) => ({ ...f, query: (e.currentTarget as HTMLInputElement).value }))}
            />
            <label class="field">
              <span>{t('reason')}</span>
              <select
                data-rh="reason-filter"
                value={filter.reasonIds?.[0] ?? ''}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value;
                  setFilter((f) => ({ ...f, reasonIds: v ? [v] : undefined }));
                }}
              >
                <option value="">{t('all')}</option>
                {reasonsUsed.map((id) => (
                  <option key={id} value={id}>
                    {reasonLabels[id] ? tr(reasonLabels[id], locale) : id}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('refundType')}</span>
              <select
                data-rh="type-filter"
                value={filter.refundType ?? ''}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value as RefundType | '';
                  setFilter((f) => ({ ...f, refundType: v || undefined }));
                }}
              >
                <option value="">{t('all')}</option>
                {REFUND_TYPES.map((k) => (
                  <option key={k} value={k}>
                    {tr(REFUND_TYPE_TEXT[k], locale)}
                  </option>
                ))}
              </select>
            </label>
            <label class="check-field">
              <input
                type="checkbox"
                data-rh="attention-filter"
                checked={!!filter.attention}
                onChange={(e) => setFilter((f) => ({ ...f, attention: (e.currentTarget as HTMLInputElement).checked || undefined }))}
              />
              {t('attentionOnly')}
            </label>
          </>
        )}
      </search>

      {tab === 'list' && (
        <fieldset class="status-filters" aria-label={t('status')}>
          <button type="button" data-rh="status-filter" data-value="" aria-pressed={!filter.statuses?.length} onClick={() => setStatus(undefined)}>
            {t('all')}
          </button>
          {CASE_STATUSES.filter((s) => perStatus[s] > 0 || filter.statuses?.includes(s)).map((s) => (
            <button key={s} type="button" data-rh="status-filter" data-value={s} aria-pressed={!!filter.statuses?.includes(s)} onClick={() => setStatus(s)}>
              <i class={`dot status-${s}`} aria-hidden="true" />
              {tr(STATUS_LABELS[s], locale)} <span class="n">{perStatus[s]}</span>
            </button>
          ))}
        </fieldset>
      )}

      {!loaded.done && (
        <p class="muted loading" data-rh="loading" role="status">
          {t('loading', { n: loaded.n })}
        </p>
      )}
      {loaded.error && (
        <p class="error" role="alert">
          {t('loadFailed', { why: tr(loaded.error, locale) })}{' '}
          <button type="button" class="btn small" onClick={() => void load()}>
            {t('retry')}
          </button>
        </p>
      )}
      {notice && (
        <p class="notice" role="status" data-rh="notice">
          {notice}
        </p>
      )}

      {tab === 'list' ? (
        <>
          <div class="bar">
            {loaded.done && (
              <span data-rh="shown-count" data-value={shown.length}>
                {shown.length === rows.length ? t('shown', { n: shown.length }) : t('shownOf', { n: shown.length, total: rows.length })}
              </span>
            )}
            {selectedShown.length > 0 && (
              <span class="bulk" data-rh="bulk">
                {t('selected', { n: selectedShown.length })}
                <button type="button" class="btn" data-rh="bulk-stop" disabled={busy} onClick={() => void stopTracking()}>
                  {t('stopTracking')}
                </button>
                <button type="button" class="btn" data-rh="bulk-export-csv" disabled={busy} onClick={() => void exportSelection('csv')}>
                  {t('exportCsv')}
                </button>
                <button type="button" class="btn" data-rh="bulk-export-json" disabled={busy} onClick={() => void exportSelection('json')}>
                  {t('exportJson')}
                </button>
                <button type="button" class="btn link" onClick={() => setSelected(new Set())}>
                  {t('clearSelection')}
                </button>
              </span>
            )}
          </div>
          {rows.length === 0 && loaded.done && !loaded.error ? (
            <p class="muted empty">{t('empty')}</p>
          ) : (
            <div class="list-and-drawer">
              <CaseTable
                rows={shown}
                locale={locale}
                reasonLabels={reasonLabels}
                sort={sort}
                onSort={setSort}
                selected={selected}
                onSelect={select}
                onOpen={setCurrent}
                current={current}
              />
              {shown.length === 0 && loaded.done && <p class="muted empty">{t('noMatch')}</p>}
              {current && (
                <CaseDrawer
                  locale={locale}
                  value={drawerCase}
                  reasonLabels={reasonLabels}
                  now={at}
                  onClose={() => setCurrent(undefined)}
                  onOpenOrder={(id) => void client.openOrder(id).catch((e) => setNotice(tr(errorText(e), locale)))}
                />
              )}
            </div>
          )}
        </>
      ) : (
        stats && Stats && <Stats stats={stats} locale={locale} reasonLabels={reasonLabels} periodLabel={t(PERIOD_TEXT[period])} />
      )}
    </div>
  );
}
