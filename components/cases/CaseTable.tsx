/*
 * The case list's table: one row per case, virtualised (only the rows in view and a margin are in
 * the DOM), so 50,000 cases scroll like 50. Sortable headers, row selection with a select-all of
 * what the filters show. Props in, callbacks out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATUS_LABELS } from '../../lib/cases/model';
import type { CaseRow, Sort, SortKey } from '../../lib/cases/rows';
import { formatDateTime, tr, type Locale, type LocalText } from '../../lib/i18n';
import { formatFen } from '../../lib/money';
import { CASES_TEXT, REFUND_TYPE_TEXT, type CasesTextKey } from './i18n';

export const ROW_HEIGHT = 44;
/** Rows rendered above and below the visible ones, so a fast scroll shows no blank. */
const OVERSCAN = 12;

export interface CaseTableProps {
  rows: readonly CaseRow[];
  locale: Locale;
  reasonLabels: Record<string, LocalText>;
  sort: Sort;
  onSort(sort: Sort): void;
  selected: ReadonlySet<string>;
  onSelect(ids: string[], on: boolean): void;
  onOpen(id: string): void;
  /** The open drawer's case, highlighted. */
  current?: string;
}

const COLUMNS: Array<{ key: SortKey; label: CasesTextKey; className?: string }> = [
  { key: 'orderId', label: 'orderId', className: 'mono' },
  { key: 'afterSaleId', label: 'afterSaleId', className: 'mono' },
  { key: 'status', label: 'status' },
  { key: 'reasonId', label: 'reason' },
  { key: 'refundType', label: 'refundType' },
  { key: 'amount', label: 'amount', className: 'num' },
  { key: 'createdAt', label: 'createdAt' },
  { key: 'updatedAt', label: 'updatedAt' },
];

export function CaseTable(p: CaseTableProps) {
  const t = (k: CasesTextKey, vars?: Record<string, string | number>) => tr(CASES_TEXT[k], p.locale, vars);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setHeight(el.clientHeight || 600);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(p.rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = p.rows.slice(first, last);
  const allSelected = p.rows.length > 0 && p.rows.every((r) => p.selected.has(r.id));

  const sortBy = (key: SortKey) => p.onSort({ key, dir: p.sort.key === key && p.sort.dir === 'desc' ? 'asc' : key === p.sort.key ? 'desc' : defaultDir(key) });

  const cell = (r: CaseRow, key: SortKey) => {
    switch (key) {
      case 'status':
        return (
          <span class={`status status-${r.status}`}>
            <i class="dot" aria-hidden="true" />
            {tr(STATUS_LABELS[r.status], p.locale)}
          </span>
        );
      case 'reasonId':
        return p.reasonLabels[r.reasonId] ? tr(p.reasonLabels[r.reasonId], p.locale) : r.reasonId;
      case 'refundType':
        return tr(REFUND_TYPE_TEXT[r.refundType], p.locale);
      case 'amount':
        return r.amount === undefined ? '—' : formatFen(r.amount);
      case 'createdAt':
      case 'updatedAt':
        return formatDateTime(r[key]);
      default:
        return r[key] ?? '—';
    }
  };

  return (
    <div class="table-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <table data-rh="case-table" aria-rowcount={p.rows.length + 1}>
        <thead>
          <tr>
            <th class="check">
              <input
                type="checkbox"
                aria-label={t('selectAll')}
                checked={allSelected}
                onChange={(e) =>
                  p.onSelect(
                    p.rows.map((r) => r.id),
                    (e.currentTarget as HTMLInputElement).checked,
                  )
                }
              />
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                class={`col-${c.key} ${c.className ?? ''}`}
                aria-sort={p.sort.key === c.key ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" class="sort" data-rh-sort={c.key} onClick={() => sortBy(c.key)}>
                  {t(c.label)}
                  <span class="arrow" aria-hidden="true">
                    {p.sort.key === c.key ? (p.sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr class="spacer" style={{ height: `${first * ROW_HEIGHT}px` }} />}
          {visible.map((r, i) => (
            <tr
              key={r.id}
              data-rh-case={r.orderId}
              data-status={r.status}
              data-after-sale={r.afterSaleId ?? ''}
              data-attention={r.attention ?? ''}
              aria-rowindex={first + i + 2}
              class={p.current === r.id ? 'current' : undefined}
              onClick={(e) => {
                if ((e.target as HTMLElement).closest('input,button,a')) return;
                p.onOpen(r.id);
              }}
            >
              <td class="check">
                <input
                  type="checkbox"
                  aria-label={t('selectRow', { id: r.orderId })}
                  checked={p.selected.has(r.id)}
                  onChange={(e) => p.onSelect([r.id], (e.currentTarget as HTMLInputElement).checked)}
                />
              </td>
              {COLUMNS.map((c) =>
                c.key === 'orderId' ? (
                  <td key={c.key} class={c.className}>
                    <button type="button" class="link" data-rh="open-case" onClick={() => p.onOpen(r.id)}>
                      {r.orderId}
                    </button>
                    {r.attention && <span class={`flag flag-${r.attention}`} title={r.attention} />}
                  </td>
                ) : (
                  <td key={c.key} class={c.className}>
                    {cell(r, c.key)}
                  </td>
                ),
              )}
            </tr>
          ))}
          {last < p.rows.length && <tr class="spacer" style={{ height: `${(p.rows.length - last) * ROW_HEIGHT}px` }} />}
        </tbody>
      </table>
    </div>
  );
}

/** Dates and amounts read best largest first; names in order. */
function defaultDir(key: SortKey): Sort['dir'] {
  return key === 'updatedAt' || key === 'createdAt' || key === 'amount' ? 'desc' : 'asc';
}
