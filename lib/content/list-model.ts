/*
 * The panel on a list page (the order list, the refund list): how many rows it shows, how many
 * the helper tracks, how many it just updated. The lists' words are here, not in ./strings.ts,
 * so that the orders part of the runtime carries none of them (nor this builder).
 */
import { translator, localText as t } from '../i18n';
import { baseModel, type ModelInput, type PanelModel } from './model';

export const LIST_STRINGS = {
  listRefunds: t('本页退款 {n} 条，跟踪中 {m} 条', '{n} refunds here, {m} tracked'),
  listOrders: t('本页订单 {n} 个，有退款记录 {m} 个', '{n} orders here, {m} with a case'),
  listUpdated: t('已更新 {n} 个退款进度', '{n} case(s) updated'),
  dataConflict: t(
    '售后单 {id}：页面显示「{shown}」，页面数据为「{data}」，以页面显示为准',
    'After-sale {id}: the page shows "{shown}", its data says "{data}"; the page counts',
  ),
  dataConflictMore: t('（另有 {n} 条不一致）', ' ({n} more)'),
};

export function buildListModel({ state, locale }: ModelInput): PanelModel {
  const T = translator(LIST_STRINGS, locale);
  const model = baseModel(state, locale);
  const listed = state.kind === 'refund-list' ? state.refunds : state.orders;
  const tracked = state.listTracked ?? Object.keys(state.listCases ?? {}).length;
  model.list = [T(state.kind === 'refund-list' ? 'listRefunds' : 'listOrders', { n: listed?.length ?? 0, m: tracked })];
  if (state.listUpdated) model.list.push(T('listUpdated', { n: state.listUpdated }));
  return model;
}
