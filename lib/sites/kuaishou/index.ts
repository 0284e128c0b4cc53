/**
 * The Kuaishou back office as a SiteAdapter: everything this platform's pages teach us, behind
 * the interface every platform implements (lib/sites/adapter.ts).
 */
import type { SiteAdapter } from '../adapter';
import { findButton, findForm, formRoot } from './find';
import { feedback, fillForm, readForm, selectInField } from './form';
import { pageKind } from './pages';
import { readOrderList, readRefundList } from './read-lists';
import { readOrder } from './read-order';
import { isBackOffice } from './routes';

export { parseId, parsePageMoney } from './values';
export { mapAfterSaleStatus, mapOrderStatus, mapRefundType } from './read-lists';

export const kuaishou: SiteAdapter = {
  id: 'kuaishou',
  matches: isBackOffice,
  pageKind,
  readOrder,
  readRefundList,
  readOrderList,
  readForm,
  fillForm,
  findButton,
  formRoot,
  findForm,
  feedback,
  selectInField,
};
