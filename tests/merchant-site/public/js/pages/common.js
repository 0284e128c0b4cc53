// Pieces shared by the pages.
import { h } from '../dom.js';
import { thumbColor } from '../format.js';
import { statusBadge } from '../ui/basic.js';

const ORDER_BADGE = { unpaid: 'warning', unshipped: 'processing', shipped: 'processing', delivered: 'success', completed: 'success', refunding: 'warning', refunded: 'default', closed: 'default' };
const REFUND_BADGE = { reviewing: 'processing', approved: 'warning', confirmed: 'processing', refunded: 'success', rejected: 'error', failed: 'error' };

export const orderStatusBadge = (o) => statusBadge(o.statusText, ORDER_BADGE[o.status]);
export const refundStatusBadge = (r) => statusBadge(r.statusText, REFUND_BADGE[r.status]);

/** Thumbnail (a coloured square with the first character) + title + spec. */
export function goodsCell(item, { quantity = true } = {}) {
  return h(
    'div',
    { class: 'goods-cell' },
    h('div', { class: 'goods-thumb', style: { background: thumbColor(item.title) }, 'aria-hidden': 'true' }, item.title.slice(0, 1)),
    h('div', null, h('div', { class: 'goods-title', title: item.title }, item.title), h('div', { class: 'goods-spec' }, quantity ? `${item.spec} ×${item.quantity}` : item.spec)),
  );
}

export const orderHref = (id) => `/zone/order/detail?id=${encodeURIComponent(id)}`;
export const refundHref = (id) => `/zone/refund/detail?id=${encodeURIComponent(id)}`;
export const applyHref = (orderId) => `/zone/refund/apply?orderId=${encodeURIComponent(orderId)}`;

/** A positive integer from the query, or the fallback. */
export function intParam(params, name, fallback) {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The current URL with some query parameters changed (empty values removed). */
export function withQuery(url, changes) {
  const next = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.searchParams.delete(k);
    else next.searchParams.set(k, String(v));
  }
  return next.pathname + next.search;
}
