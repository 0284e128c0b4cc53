/* The back-office tabs the background opens or brings forward: a case's order, the refund list. */
import { browser } from 'wxt/browser';
import { NOT_FOUND, type CaseService } from '../cases/service';
import type { RefundCase } from '../cases/schema';
import { orderPageUrl } from '../cases/url';
import { fail, ok, type MessageReturn } from '../messaging/protocol';
import { isRefundList, MATCHES, REFUND_LIST_URL } from '../sites/kuaishou/routes';

/** Focuses a back-office tab showing the refund list, else opens it. */
export async function openRefundList(): Promise<void> {
  const tabs = await browser.tabs.query({ url: MATCHES });
  const tab = tabs.find((t) => t.id !== undefined && t.url && isRefundList(t.url));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    return;
  }
  await browser.tabs.create({ url: REFUND_LIST_URL });
}

/** Focuses a back-office tab showing the case's order, else opens the order's page. */
export async function openOrder(service: () => Promise<CaseService>, caseId: string): Promise<MessageReturn<'openOrder'>> {
  const c = await (await service()).get(caseId);
  if (!c) return fail(NOT_FOUND);
  const tabs = await browser.tabs.query({ url: MATCHES });
  const tab = tabs.find((t) => t.id !== undefined && t.url && showsOrder(t.url, c));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
    return ok({ tabId: tab.id, how: 'focused' as const });
  }
  // Without a usable stored link (none, or one that is not a back-office page: a record from
  // before the link was checked), the order list is where the merchant finds it.
  const created = await browser.tabs.create({ url: orderPageUrl(c) });
  return ok({ tabId: created.id, how: 'opened' as const });
}

/** Whether a back-office tab's URL is this case's order (its stored link, or its numbers in the URL). */
function showsOrder(url: string, c: RefundCase): boolean {
  if (c.orderUrl && url === c.orderUrl) return true;
  try {
    const u = new URL(url);
    const values = [...u.searchParams.values(), ...u.pathname.split('/'), ...u.hash.split(/[/?&=#]/)];
    return values.includes(c.orderId) || (c.afterSaleId !== undefined && values.includes(c.afterSaleId));
  } catch {
    return false;
  }
}
