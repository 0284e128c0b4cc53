/**
 * Reading the Kuaishou back office's lists: the refund list and the order list, as a table read by
 * columns or, without one, as cards read by label.
 */
import type { OrderStatus, RefundType } from '../../order';
import type { ListedOrder, ListedRefund } from '../adapter';
import { findAllLabelValues, findLabel } from '../dom/labels';
import { readTable } from '../dom/tables';
import { matchText, normalizeText, textIs } from '../dom/text';
import type { ObservedStatus, SiteTexts } from '../texts';
import { parseChinaTime, parseId, parsePageMoney } from './values';

type Row = Record<string, string | undefined> & { row: Element };

/**
 * A list page's rows: its table read by columns; without one (no id column found), its cards
 * (one per id label of `ids`, in that order of preference) read by label, the status also from
 * a tag showing one of `statusTexts`.
 */
function listRows(
  doc: Document,
  columns: Record<string, readonly string[] | undefined>,
  ids: string[],
  statusTexts: Partial<Record<string, readonly string[]>>,
): Row[] {
  const root = doc.body ?? doc;
  const rows: Row[] = readTable(root, columns);
  if (rows.some((r) => ids.some((k) => r[k] !== undefined))) return rows;
  // Card layout: each card prints "订单编号：…", "售后单号：…", its status and amount.
  return cards(
    root,
    ids.flatMap((k) => columns[k] ?? []),
  ).map((card) => {
    const r = { row: card.closest('tr') ?? card } as Row;
    for (const [k, labels] of Object.entries(columns)) if (labels?.length) r[k] = findLabel(card, labels)?.value;
    r.status ??= statusTextIn(card, statusTexts);
    return r;
  });
}

export function readRefundList(doc: Document, texts: SiteTexts): ListedRefund[] {
  const L = texts.labels;
  const rows = listRows(
    doc,
    { afterSaleId: L.afterSaleId, orderId: L.orderId, status: L.afterSaleStatus, refundAmount: L.refundAmount, appliedAt: L.appliedAt },
    ['afterSaleId', 'orderId'],
    texts.afterSaleStatusTexts,
  );
  const out: ListedRefund[] = [];
  for (const r of rows) {
    const orderId = parseId(r.orderId);
    const afterSaleId = parseId(r.afterSaleId);
    if (!orderId && !afterSaleId) continue;
    const item: ListedRefund = { statusText: r.status ?? '', row: r.row };
    if (orderId) item.orderId = orderId;
    if (afterSaleId) item.afterSaleId = afterSaleId;
    const status = matchText(r.status, texts.afterSaleStatusTexts);
    if (status) item.status = status;
    const m = r.refundAmount ? parsePageMoney(r.refundAmount) : undefined;
    if (m?.ok && m.fen >= 0) item.refundAmount = m.fen;
    const at = parseChinaTime(r.appliedAt);
    if (at !== undefined) item.appliedAt = at;
    out.push(item);
  }
  return out;
}

/**
 * For list pages that are not tables: the smallest ancestor of each id label that holds no other
 * id label of the same kind is one card.
 */
function cards(root: ParentNode, idLabels: readonly string[]): Element[] {
  if (!idLabels.length) return [];
  // Use the first label kind that occurs: one card per occurrence.
  let hits = [] as ReturnType<typeof findAllLabelValues>;
  for (const l of idLabels) {
    hits = findAllLabelValues(root, [l]);
    if (hits.length) break;
  }
  const anchors = hits.map((h) => h.label ?? h.element);
  const anchorSet = new Set(anchors);
  const out: Element[] = [];
  for (const a of anchors) {
    let card: Element = a;
    for (let p = a.parentElement; p && p !== (root as Node); p = p.parentElement) {
      let others = false;
      for (const b of anchorSet) if (b !== a && p.contains(b)) others = true;
      if (others) break;
      card = p;
    }
    out.push(card);
  }
  return out;
}

/** A status shown without a label (a tag): an element whose whole text is one of the status texts. */
function statusTextIn(card: Element, table: Partial<Record<string, readonly string[]>>): string | undefined {
  const all = Object.values(table).flatMap((t) => t ?? []);
  for (const el of Array.from(card.querySelectorAll('*'))) {
    if (el.children.length) continue;
    const t = normalizeText(el.textContent ?? '');
    if (t && t.length <= 20 && textIs(t, all)) return t;
  }
  return undefined;
}

export function readOrderList(doc: Document, texts: SiteTexts): ListedOrder[] {
  const rows = listRows(doc, { orderId: texts.labels.orderId, status: texts.labels.status }, ['orderId'], texts.orderStatusTexts);
  const out: ListedOrder[] = [];
  for (const r of rows) {
    const orderId = parseId(r.orderId);
    if (!orderId) continue;
    const item: ListedOrder = { orderId, row: r.row };
    if (r.status) {
      item.statusText = r.status;
      const st = matchText(r.status, texts.orderStatusTexts);
      if (st) item.status = st;
    }
    out.push(item);
  }
  return out;
}

/** For tests and the options page: map one status text with this adapter's rules. */
export function mapOrderStatus(text: string, texts: SiteTexts): OrderStatus | undefined {
  return matchText(text, texts.orderStatusTexts);
}
export function mapAfterSaleStatus(text: string, texts: SiteTexts): ObservedStatus | undefined {
  return matchText(text, texts.afterSaleStatusTexts);
}
export function mapRefundType(text: string, texts: SiteTexts): RefundType | undefined {
  return matchText(text, texts.refundTypeTexts);
}
