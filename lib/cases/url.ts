/*
 * Where an order page may be opened from a case: the back office only. Zod-free, so the popup,
 * the notification click and the schema share one check (a stored or imported case is as
 * untrusted as a message: an `orderUrl` of `data:`, `file:` or another host is never opened).
 */

import { HOST as BACK_OFFICE_HOST, isBackOffice, ORDER_LIST_URL } from '../sites/kuaishou/routes';

export { BACK_OFFICE_HOST, ORDER_LIST_URL };

/** Whether `s` is an http(s) page on the back office host (no credentials in the URL). */
export function isBackOfficeUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 2048) return false;
  try {
    const u = new URL(s);
    return isBackOffice(u) && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The case's order page if its link is one, else the order list. */
export function orderPageUrl(c: { orderUrl?: string }): string {
  return isBackOfficeUrl(c.orderUrl) ? c.orderUrl : ORDER_LIST_URL;
}

/** The case list's address (an extension path), opened on one case's drawer when `caseId` is given. */
export function casesPagePath(caseId?: string): `/cases.html${string}` {
  return caseId ? `/cases.html#case=${encodeURIComponent(caseId)}` : '/cases.html';
}

/** The case whose drawer the case list's address asks for (`#case=ID`), if any. */
export function caseOfHash(hash: string): string | undefined {
  const m = /^#case=(.+)$/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}
