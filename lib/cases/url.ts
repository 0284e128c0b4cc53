/*
 * Where an order page may be opened from a case: the back office only. Zod-free, so the popup,
 * the notification click and the schema share one check (a stored or imported case is as
 * untrusted as a message: an `orderUrl` of `data:`, `file:` or another host is never opened).
 */

/** The back office host: the only place an order page may be opened from a case. */
export const BACK_OFFICE_HOST = 's.kwaixiaodian.com';

/** The order list, the only public route: where a case without a usable link leads. */
export const ORDER_LIST_URL = `https://${BACK_OFFICE_HOST}/zone/order/list`;

/** Whether `s` is an http(s) page on the back office host (no credentials in the URL). */
export function isBackOfficeUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 2048) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname === BACK_OFFICE_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The case's order page if its link is one, else the order list. */
export function orderPageUrl(c: { orderUrl?: string }): string {
  return isBackOfficeUrl(c.orderUrl) ? c.orderUrl : ORDER_LIST_URL;
}
