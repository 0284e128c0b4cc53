// 订单管理: tabs by status, search by order number, the order table, pagination.
import { h } from '../dom.js';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { icon } from '../icons.js';
import { button, card, pageHeader } from '../ui/basic.js';
import { pagination } from '../ui/pagination.js';
import { table } from '../ui/table.js';
import { tabs } from '../ui/tabs.js';
import { goodsCell, intParam, orderHref, orderStatusBadge, withQuery } from './common.js';

const TABS = [
  { key: '', label: '全部', statuses: '' },
  { key: 'unpaid', label: '待付款', statuses: 'unpaid' },
  { key: 'unshipped', label: '待发货', statuses: 'unshipped' },
  { key: 'shipped', label: '已发货', statuses: 'shipped' },
  { key: 'finished', label: '已完成', statuses: 'delivered,completed' },
  { key: 'refunding', label: '售后中', statuses: 'refunding' },
  { key: 'refunded', label: '已退款', statuses: 'refunded' },
  { key: 'closed', label: '已关闭', statuses: 'closed' },
];

export default {
  title: '订单管理',
  menu: 'order',
  reloadInPlace: true,

  load(ctx) {
    const tab = TABS.find((t) => t.key === (ctx.params.get('status') ?? '')) ?? TABS[0];
    return api.orders({
      status: tab.statuses,
      q: ctx.params.get('q') ?? '',
      page: intParam(ctx.params, 'page', 1),
      pageSize: intParam(ctx.params, 'pageSize', 20),
    });
  },

  view(data, ctx) {
    const activeKey = TABS.some((t) => t.key === ctx.params.get('status')) ? ctx.params.get('status') : '';
    const go = (changes) => ctx.navigate(withQuery(ctx.url, changes));

    const search = h('input', { class: 'ant-input', id: 'orderSearch', type: 'text', placeholder: '请输入订单编号', value: ctx.params.get('q') ?? '', autocomplete: 'off' });
    const submitSearch = () => go({ q: search.value.trim(), page: '' });
    search.addEventListener('keydown', (e) => e.key === 'Enter' && submitSearch());

    const columns = [
      { title: '订单编号', key: 'id', render: (o) => h('span', { class: 'mono' }, o.id) },
      { title: '商品', key: 'goods', render: (o) => goodsCell(o.items[0]) },
      {
        title: '实付款',
        key: 'paid',
        render: (o) => [h('div', { class: 'money' }, yuan(o.paidFen)), o.shippingFeeFen > 0 && h('div', { class: 'cell-sub' }, `含运费 ${yuan(o.shippingFeeFen)}`)],
      },
      { title: '订单状态', key: 'status', render: orderStatusBadge },
      { title: '下单时间', key: 'createdAtText' },
      { title: '操作', key: 'action', render: (o) => h('a', { href: orderHref(o.id) }, '查看详情') },
    ];

    return [
      pageHeader({ crumbs: [{ title: '订单' }, { title: '订单管理' }], title: '订单管理' }),
      card(
        {},
        h(
          'div',
          { class: 'toolbar' },
          h(
            'span',
            { class: 'ant-input-group-wrapper ant-input-search' },
            h('span', { class: 'ant-input-wrapper ant-input-group' }, search, h('span', { class: 'ant-input-group-addon' }, button({ text: '搜索', type: 'primary', icon: 'search', onClick: submitSearch, attrs: { class: 'ant-btn ant-btn-primary ant-input-search-button' } }))),
          ),
          ctx.params.get('q') && h('a', { href: withQuery(ctx.url, { q: '', page: '' }) }, '清除搜索'),
        ),
        tabs({ items: TABS, activeKey, onChange: (key) => go({ status: key, page: '' }) }),
        table({ columns, rows: data.items }),
        pagination({ total: data.total, page: data.page, pageSize: data.pageSize, onChange: (page) => go({ page }) }),
      ),
      h('div', { class: 'ant-typography-secondary', style: { fontSize: '12px' } }, icon('info-circle'), ' 订单数据每 5 分钟同步一次，如有延迟请稍后刷新。'),
    ];
  },
};
