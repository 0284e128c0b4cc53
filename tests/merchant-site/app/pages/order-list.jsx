// 订单管理: tabs by status, search by order number, the order table with its pagination.
import { Card, Input, Table, Tabs } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { GoodsCell, LoadError, OrderStatus, PageHeader, PageLoading, orderHref, listPagination } from '../common.jsx';
import { intParam, useLoad, useRoute, withQuery } from '../router.jsx';

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

const COLUMNS = [
  { title: '订单编号', dataIndex: 'id', key: 'id', render: (id) => <span className="mono">{id}</span> },
  { title: '商品', key: 'goods', render: (_, o) => <GoodsCell item={o.items[0]} /> },
  {
    title: '实付款',
    key: 'paid',
    render: (_, o) => (
      <>
        <div className="money">{yuan(o.paidFen)}</div>
        {o.shippingFeeFen > 0 && <div className="cell-sub">含运费 {yuan(o.shippingFeeFen)}</div>}
      </>
    ),
  },
  { title: '订单状态', key: 'status', render: (_, o) => <OrderStatus order={o} /> },
  { title: '下单时间', dataIndex: 'createdAtText', key: 'createdAtText' },
  { title: '操作', key: 'action', render: (_, o) => <a href={orderHref(o.id)}>查看详情</a> },
];

export default function OrderList() {
  const { url, params, navigate } = useRoute();
  const activeKey = TABS.some((t) => t.key === params.get('status')) ? params.get('status') : '';
  const tab = TABS.find((t) => t.key === activeKey);
  const q = params.get('q') ?? '';
  const page = intParam(params, 'page', 1);
  const pageSize = intParam(params, 'pageSize', 20);
  const state = useLoad(() => api.orders({ status: tab.statuses, q, page, pageSize }), url.search);
  const go = (changes) => navigate(withQuery(url, changes));

  if (state.error) return <LoadError error={state.error} retry={state.reload} />;
  if (!state.data) return <PageLoading />;
  const data = state.data;
  return (
    <>
      <PageHeader crumbs={[{ title: '订单' }, { title: '订单管理' }]} title="订单管理" />
      <Card>
        <div className="toolbar">
          <Input.Search
            id="orderSearch"
            placeholder="请输入订单编号"
            defaultValue={q}
            enterButton="搜索"
            allowClear
            autoComplete="off"
            onSearch={(v) => go({ q: v.trim(), page: '' })}
          />
          {q && <a href={withQuery(url, { q: '', page: '' })}>清除搜索</a>}
        </div>
        <Tabs activeKey={activeKey} items={TABS.map((t) => ({ key: t.key, label: t.label }))} onChange={(key) => go({ status: key, page: '' })} />
        <Table
          rowKey="id"
          columns={COLUMNS}
          dataSource={data.items}
          loading={state.loading}
          pagination={listPagination(data.page, data.pageSize, data.total, go)}
        />
      </Card>
      <div className="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        <InfoCircleOutlined /> 订单数据每 5 分钟同步一次，如有延迟请稍后刷新。
      </div>
    </>
  );
}
