/*
 * Where the Kuaishou back office lives and which of its routes the extension serves: the only
 * place that knows. The bootstrap every back-office page parses imports this module and nothing
 * heavier, so it stays plain functions over URLs (no DOM, no texts, no zod).
 */
import type { PageKind } from '../../order';

export const HOST = 's.kwaixiaodian.com';
/** The manifest's match pattern (content script and host permission): any scheme, any port. */
export const MATCHES = [`*://${HOST}/*`];

const ORDER_LIST = '/zone/order/list';
const REFUND_LIST = '/zone/refund/list';

export const PATHS = {
  orderList: ORDER_LIST,
  orderDetail: '/zone/order/detail',
  refundList: REFUND_LIST,
  refundDetail: '/zone/refund/detail',
  refundApply: '/zone/refund/apply',
} as const;

/** Where a notification about several cases leads: the refund list shows every case it counted. */
export const REFUND_LIST_URL = `https://${HOST}${REFUND_LIST}`;
/** The order list: the one public route where a merchant finds any order. */
export const ORDER_LIST_URL = `https://${HOST}${ORDER_LIST}`;

/** An after-sale's detail page (the case list links to it). */
export function afterSaleUrl(afterSaleId: string): string {
  return `https://${HOST}${PATHS.refundDetail}?id=${encodeURIComponent(afterSaleId)}`;
}

/** The path without trailing slashes (`/zone/order/list/` is the list too). */
export function pathOf(url: URL): string {
  return url.pathname.replace(/\/+$/, '') || '/';
}

/** A page of the back office (http for the demo on loopback, https in production). */
export function isBackOffice(url: URL): boolean {
  return url.hostname === HOST && (url.protocol === 'https:' || url.protocol === 'http:');
}

/**
 * Routes the panel serves: orders and refunds. Everything else in the back office (shop settings,
 * marketing, …) only has its navigation followed.
 */
export function isServed(url: URL): boolean {
  return isBackOffice(url) && /^\/zone\/(order|refund)(\/|$)/.test(url.pathname);
}

/**
 * A list route: the order and refund lists (`/zone/order/list`, `/zone/refund/list`), and any
 * other path ending in `list`, which pages.ts reads as a list when its content shows no form.
 */
export function isListPath(path: string): boolean {
  return /list$/i.test(path);
}

/**
 * The panel's runtime comes in two standalone files (lib/panel-files.ts): `lists` for the order and
 * refund lists, `orders` for the pages about one order (its detail, the refund form, the refund
 * detail). A page gets the one its route needs.
 */
export type PanelPart = 'lists' | 'orders';

/** Which part of the panel's runtime a URL needs; undefined where the panel serves nothing. */
export function partOf(url: URL): PanelPart | undefined {
  if (!isServed(url)) return undefined;
  return isListPath(pathOf(url)) ? 'lists' : 'orders';
}

/** The page kind the route alone tells; other served routes need the page's content to decide. */
export function kindOfRoute(url: URL): PageKind | undefined {
  switch (pathOf(url)) {
    case PATHS.orderList:
      return 'order-list';
    case PATHS.refundList:
      return 'refund-list';
    case PATHS.refundDetail:
      return 'refund-detail';
    case PATHS.refundApply:
      return 'refund-form';
  }
  return undefined;
}

/** Whether a URL (a tab's, as a string) is the refund list. */
export function isRefundList(href: string): boolean {
  try {
    const u = new URL(href);
    return isBackOffice(u) && pathOf(u) === PATHS.refundList;
  } catch {
    return false;
  }
}
