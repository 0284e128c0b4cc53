/*
 * The back office's own data on the panel's side (see lib/sites/kuaishou/page-data.ts). The
 * bootstrap listens from document_start (the panel's runtime arrives later, after the page's first
 * responses) and keeps what arrived, validated again, in the content scripts' world, where the
 * runtime reads it: the page's own scripts cannot see that world's globals.
 */
import { localText } from '../i18n';
import type { ListedRefund, ReadResult } from '../sites/adapter';
import { statusOfCode, type StatusCodes } from '../sites/kuaishou/codes';
import { PAGE_DATA_EVENT, pickPageData, type PageOrder, type PageRefund } from '../sites/kuaishou/page-data';
import type { ObservedStatus } from '../sites/texts';

export interface PageDataSeen {
  /** By after-sale number: the latest the page loaded. */
  refunds: Map<string, PageRefund>;
  /** By order number. */
  orders: Map<string, PageOrder>;
  /** Called after each response kept (the runtime's features re-read their page). */
  listeners: Set<() => void>;
}

const KEY = Symbol.for('refund-helper.page-data');
/** More than any page lists: a long session on the back office stays bounded. */
const MAX = 5000;

export function pageDataSeen(): PageDataSeen {
  const g = globalThis as { [KEY]?: PageDataSeen };
  return (g[KEY] ??= { refunds: new Map(), orders: new Map(), listeners: new Set() });
}

/** The page data seen so far; `fn` runs after each new response until `signal` aborts. */
export function watchPageData(fn: () => void, signal: AbortSignal): PageDataSeen {
  const seen = pageDataSeen();
  seen.listeners.add(fn);
  signal.addEventListener('abort', () => seen.listeners.delete(fn));
  return seen;
}

function keep<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX) map.delete(map.keys().next().value!);
}

/** The bootstrap: from now on, keep what the main world hands on. */
export function collectPageData(doc: Document): void {
  const seen = pageDataSeen();
  doc.addEventListener(PAGE_DATA_EVENT, (e) => {
    const detail = (e as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || detail.length > 4_000_000) return;
    let sent: { kind?: unknown; refunds?: unknown; order?: unknown };
    try {
      sent = JSON.parse(detail);
    } catch {
      return;
    }
    // The main world's hand-over ({ kind, refunds } / { kind, order }) is checked as a response would be.
    const data = pickPageData(sent?.kind, sent);
    if (!data) return;
    if (data.kind === 'refunds') for (const r of data.refunds) keep(seen.refunds, r.refundId, r);
    else keep(seen.orders, data.order.oid, data.order);
    seen.listeners.forEach((fn) => fn());
  });
}

export interface StatusConflict {
  afterSaleId: string;
  /** What the row prints. */
  shown: string;
  /** What the page's data says, as a case status. */
  data: ObservedStatus;
}

/**
 * The refund list's rows with the page's data: a row whose status the DOM does not tell (an icon,
 * a wording the rules do not know) takes the status its after-sale's codes mean (`codes`, the
 * page texts' table), and every row of
 * a known after-sale its `expireTime` (the merchant's deadline: the DOM never says it); a row whose
 * printed status disagrees with its codes keeps the printed one (what the merchant sees) and the
 * disagreement is returned, to be shown.
 */
export function withPageData(rows: ListedRefund[], seen: PageDataSeen, codes: StatusCodes): { rows: ListedRefund[]; conflicts: StatusConflict[] } {
  const conflicts: StatusConflict[] = [];
  const out = rows.map((r) => {
    const pd = r.afterSaleId ? seen.refunds.get(r.afterSaleId) : undefined;
    if (!pd || (r.orderId && pd.orderId !== r.orderId)) return r;
    const row = pd.expireTime === undefined ? r : { ...r, dueAt: pd.expireTime };
    const data = statusOfCode(codes, pd.status, pd.negotiateStatus);
    if (!data) return row;
    if (!r.status) return { ...row, status: data, orderId: r.orderId ?? pd.orderId };
    if (r.status !== data) conflicts.push({ afterSaleId: r.afterSaleId!, shown: r.statusText, data });
    return row;
  });
  return { rows: out, conflicts };
}

/** The order's 实付 in its own data (the order query's `buyerPay`), for a page that cannot print it. */
const FROM_DATA = localText('页面自身数据（订单接口 buyerPay）中的实付', 'the page’s own data (the order query’s buyerPay)');

/**
 * The order read from the page, with its own data: 实付 the page does not print (or that could
 * only be computed) comes from `buyerPay`, marked as such; a printed or computed amount that
 * disagrees with it is returned, to be shown (a printed one keeps counting).
 */
export function withPageOrder(read: ReadResult, seen: PageDataSeen): { read: ReadResult; conflict?: { shown: number; data: number } } {
  const data = read.snapshot.orderId ? seen.orders.get(read.snapshot.orderId) : undefined;
  // The product's title, which the case keeps (the case list searches it); the page's goods table is not read.
  const o = data?.itemTitle && !read.snapshot.items ? { ...read.snapshot, items: [{ title: data.itemTitle }] } : read.snapshot;
  const pay = data?.buyerPay;
  if (pay === undefined) return { read: { ...read, snapshot: o } };
  const computed = read.computed.some((c) => c.field === 'paidAmount');
  const conflict = o.paidAmount !== undefined && o.paidAmount !== pay ? { shown: o.paidAmount, data: pay } : undefined;
  if (o.paidAmount !== undefined && !computed) return { read: { ...read, snapshot: o }, conflict };
  return {
    read: {
      ...read,
      snapshot: { ...o, paidAmount: pay, missing: o.missing.filter((m) => m.field !== 'paidAmount') },
      computed: [...read.computed.filter((c) => c.field !== 'paidAmount'), { field: 'paidAmount', reason: FROM_DATA, data: true }],
    },
    conflict,
  };
}
