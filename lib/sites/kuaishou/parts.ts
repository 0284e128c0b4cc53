/*
 * The Kuaishou site module as each part of the panel's runtime takes it (lib/panel-files.ts): only
 * the functions its features and the core call, so that a part's build leaves the other's readers
 * out, and page kinds limited to the part's own. On a route of the other part (after a
 * client-side navigation, until the other part's runtime starts and stops this one) a runtime then
 * finds no page of its own and shows nothing.
 */
import type { PageKind } from '../../order';
import { PART_KINDS } from '../../panel-files';
import type { SiteAdapter } from '../adapter';
import { findButton, findForm, formRoot } from './find';
import { feedback, fillForm, readForm, selectInField } from './form';
import { pageKind } from './pages';
import { readOrderList, readRefundList } from './read-lists';
import { readOrder } from './read-order';
import { isBackOffice } from './routes';

const only =
  (kinds: readonly PageKind[]): SiteAdapter['pageKind'] =>
  (url, doc, texts) => {
    const kind = pageKind(url, doc, texts);
    return kind && kinds.includes(kind) ? kind : undefined;
  };

// The casts: a part's features never call what it leaves out (a list feature reads no order
// form, an order page's features read no list); the e2e tests run each part on its pages.
export const listsSite = {
  id: 'kuaishou',
  matches: isBackOffice,
  pageKind: only(PART_KINDS.lists),
  findButton,
  readOrderList,
  readRefundList,
} as Partial<SiteAdapter> as SiteAdapter;

export const ordersSite = {
  id: 'kuaishou',
  matches: isBackOffice,
  pageKind: only(PART_KINDS.orders),
  findButton,
  formRoot,
  findForm,
  readOrder,
  readForm,
  fillForm,
  feedback,
  selectInField,
} as Partial<SiteAdapter> as SiteAdapter;
