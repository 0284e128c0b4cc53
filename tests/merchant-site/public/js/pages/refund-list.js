// 退款管理: after-sale applications by status, 20 per page (`?pageSize=` is honoured).
import { h } from '../dom.js';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { card, pageHeader } from '../ui/basic.js';
import { pagination } from '../ui/pagination.js';
import { table } from '../ui/table.js';
import { tabs } from '../ui/tabs.js';
import { intParam, orderHref, refundHref, refundStatusBadge, withQuery } from './common.js';

const TABS = [
  { key: '', label: '全部' },
  { key: 'reviewing', label: '待审核' },
  { key: 'approved', label: '待确认退款' },
  { key: 'confirmed', label: '退款中' },
  { key: 'refunded', label: '退款成功' },
  { key: 'rejected', label: '审核不通过' },
  { key: 'failed', label: '退款失败' },
];

export default {
  title: '退款管理',
  menu: 'refund',
  reloadInPlace: true,

  load(ctx) {
    const status = TABS.some((t) => t.key === ctx.params.get('status')) ? ctx.params.get('status') : '';
    return api.refunds({ status, page: intParam(ctx.params, 'page', 1), pageSize: intParam(ctx.params, 'pageSize', 20) });
  },

  view(data, ctx) {
    const activeKey = TABS.some((t) => t.key === ctx.params.get('status')) ? ctx.params.get('status') : '';
    const go = (changes) => ctx.navigate(withQuery(ctx.url, changes));
    const columns = [
      { title: '售后单号', key: 'id', render: (r) => h('span', { class: 'mono' }, r.id) },
      { title: '订单编号', key: 'orderId', render: (r) => h('a', { class: 'mono', href: orderHref(r.orderId) }, r.orderId) },
      { title: '退款金额', key: 'amount', render: (r) => h('span', { class: 'money' }, yuan(r.amountFen)) },
      { title: '售后类型', key: 'refundTypeText' },
      { title: '售后状态', key: 'status', render: refundStatusBadge },
      { title: '申请时间', key: 'createdAtText' },
      { title: '操作', key: 'action', render: (r) => h('a', { href: refundHref(r.id) }, '查看') },
    ];
    return [
      pageHeader({ crumbs: [{ title: '售后' }, { title: '退款管理' }], title: '退款管理' }),
      card(
        {},
        tabs({ items: TABS, activeKey, onChange: (key) => go({ status: key, page: '' }) }),
        table({ columns, rows: data.items }),
        pagination({ total: data.total, page: data.page, pageSize: data.pageSize, onChange: (page) => go({ page }) }),
      ),
    ];
  },
};
