/**
 * Platform-free table reading: an Ant Design table (whose header and body may be separate
 * `<table>`s) or a plain one, read by column (header texts → column indexes, then each body row's
 * cells). Layout is never computed.
 */
import { MAX_LABEL, isEmptyValue, isHidden, labelKey, textOf, valueOf } from './text';
import { TABLE, TABLE_AUX_ROW, TABLE_BODY } from './antd';

/** A header row: inside `thead`, or every cell is a `th`. */
export function isHeaderRow(tr: Element): boolean {
  if (tr.parentElement?.nodeName === 'THEAD') return true;
  const cells = Array.from(tr.children);
  return cells.length > 1 && cells.every((c) => c.nodeName === 'TH');
}

/** Column start index of a cell, honouring colspan. */
export function columnIndex(cell: Element): number {
  let i = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
    i += Math.max(1, Number(c.getAttribute('colspan')) || 1);
  }
  return i;
}

export function cellAt(tr: Element, col: number): Element | undefined {
  let i = 0;
  for (const c of Array.from(tr.children)) {
    if (c.nodeName !== 'TD' && c.nodeName !== 'TH') continue;
    if (i === col) return c;
    i += Math.max(1, Number(c.getAttribute('colspan')) || 1);
    if (i > col) return undefined;
  }
  return undefined;
}

export function firstBodyRow(table: Element): Element | undefined {
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') !== table) continue;
    if (isHeaderRow(tr) || !isBodyRow(tr)) continue;
    return tr;
  }
  return undefined;
}

export function isBodyRow(tr: Element): boolean {
  const cls = tr.getAttribute('class') ?? '';
  if (TABLE_AUX_ROW.test(cls)) return false;
  if (tr.getAttribute('aria-hidden') === 'true') return false;
  return true;
}

/** The tables under `root`: each `.ant-table` once, and plain tables outside Ant Design ones. */
export function tablesIn(root: ParentNode): Element[] {
  const out: Element[] = [];
  const rootEl = root as Element;
  if (rootEl.nodeType === 1 && rootEl.matches?.(TABLE)) return [rootEl];
  for (const el of Array.from(root.querySelectorAll(`${TABLE}, table`))) {
    if (el.matches(TABLE)) {
      if (!el.parentElement?.closest(TABLE)) out.push(el);
    } else if (!el.closest(TABLE)) {
      out.push(el);
    }
  }
  if (out.length === 0 && rootEl.nodeName === 'TABLE') out.push(rootEl);
  return out;
}

export function headerCells(table: Element): Element[] {
  const thead = table.querySelector('thead');
  let row: Element | null = null;
  if (thead) {
    // The last header row holds the leaf columns (grouped headers span above it).
    const rows = thead.querySelectorAll('tr');
    row = rows[rows.length - 1] ?? null;
  } else {
    for (const tr of Array.from(table.querySelectorAll('tr'))) {
      if (isHeaderRow(tr)) {
        row = tr;
        break;
      }
    }
  }
  return row ? Array.from(row.children).filter((c) => c.nodeName === 'TH' || c.nodeName === 'TD') : [];
}

export function bodyRows(table: Element): Element[] {
  const bodies = table.matches(TABLE)
    ? Array.from(table.querySelectorAll(TABLE_BODY))
    : Array.from(table.querySelectorAll('tbody')).filter((b) => b.closest('table') === table);
  const rows: Element[] = [];
  for (const body of bodies.length ? bodies : [table]) {
    for (const tr of Array.from(body.children)) {
      if (tr.nodeName !== 'TR' || !isBodyRow(tr) || isHeaderRow(tr)) continue;
      rows.push(tr);
    }
  }
  return rows;
}

/**
 * Read a list table (an Ant Design table, whose header and body may be separate `<table>`s, or a
 * plain one): header texts → column indexes, then each body row's cells. When several tables are
 * present, the ones matching the most requested columns are read (concatenated in document order).
 * Rows of Ant Design's measure / placeholder / expanded kinds are skipped.
 */
export function readTable<K extends string>(
  root: ParentNode,
  headerLabels: Partial<Record<K, readonly string[]>>,
): Array<Record<K, string | undefined> & { row: Element }> {
  const wanted = Object.entries(headerLabels) as Array<[K, readonly string[] | undefined]>;
  const keysByLabel = new Map<string, K>();
  for (const [k, labels] of wanted) {
    for (const l of labels ?? []) {
      const lk = labelKey(l);
      if (lk && !keysByLabel.has(lk)) keysByLabel.set(lk, k);
    }
  }
  let best: Array<{ table: Element; columns: Map<K, number> }> = [];
  let bestCount = 0;
  for (const table of tablesIn(root)) {
    if (isHidden(table)) continue;
    const columns = new Map<K, number>();
    for (const cell of headerCells(table)) {
      const k = keysByLabel.get(labelKey(textOf(cell, MAX_LABEL)));
      if (k !== undefined && !columns.has(k)) columns.set(k, columnIndex(cell));
    }
    if (columns.size === 0) continue;
    if (columns.size > bestCount) {
      best = [{ table, columns }];
      bestCount = columns.size;
    } else if (columns.size === bestCount) {
      best.push({ table, columns });
    }
  }
  const out: Array<Record<K, string | undefined> & { row: Element }> = [];
  for (const { table, columns } of best) {
    const cols = [...columns.entries()];
    for (const tr of bodyRows(table)) {
      const rec = { row: tr } as Record<K, string | undefined> & { row: Element };
      const cells: Element[] = [];
      let simple = true;
      for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
        const n = c.nodeName;
        if (n !== 'TD' && n !== 'TH') continue;
        cells.push(c);
        if (simple && c.hasAttribute('colspan') && c.getAttribute('colspan') !== '1') simple = false;
      }
      for (const [k, col] of cols) {
        // Fast path: no colspans → direct index.
        const cell = simple ? cells[col] : cellAt(tr, col);
        const v = cell ? valueOf(cell) : '';
        (rec as Record<K, string | undefined>)[k] = isEmptyValue(v) ? undefined : v;
      }
      out.push(rec);
    }
  }
  return out;
}
