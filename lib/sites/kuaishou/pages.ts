/**
 * Which page of the Kuaishou back office this is: the route where it tells (routes.ts), the
 * page's content where it cannot (a refund form shown inline on an order, an unknown route that
 * shows one order or one after-sale).
 */
import type { PageKind } from '../../order';
import { labelIndex, type LabelIndex } from '../dom/labels';
import type { SiteTexts } from '../texts';
import { findButton, findForm } from './find';
import { isBackOffice, isListPath, kindOfRoute, pathOf, PATHS } from './routes';

/**
 * A form on the page with a 退款原因 field and a submit button: the refund application form. The
 * button first: without one (most pages), the page's text is not walked for the label.
 */
function hasRefundForm(doc: Document, texts: SiteTexts): boolean {
  return !!findButton(doc, texts.buttons.submit ?? []) && !!findForm(doc, texts);
}

export function pageKind(url: URL, doc: Document, texts: SiteTexts, index?: LabelIndex): PageKind | undefined {
  if (!isBackOffice(url)) return undefined;
  const byRoute = kindOfRoute(url);
  if (byRoute) return byRoute;
  const path = pathOf(url);
  const inOrder = path.startsWith('/zone/order/');
  const inRefund = path.startsWith('/zone/refund/');
  if (!inOrder && !inRefund) return undefined;
  const L = texts.labels;
  const idx = () => (index ??= labelIndex(doc.body ?? doc, [texts.formLabels.reason]));
  if (hasRefundForm(doc, texts)) return 'refund-form';
  if (path === PATHS.orderDetail) return 'order-detail';
  if (isListPath(path)) return inOrder ? 'order-list' : 'refund-list';
  // Another route: one order shown → its detail; one after-sale shown → refund detail.
  if (inRefund && idx().find(L.afterSaleId ?? [])) return 'refund-detail';
  if (inOrder && idx().find(L.orderId ?? [])) return 'order-detail';
  return undefined;
}
