// 退款管理: after-sale applications by status, 20 per page (`?pageSize=` is honoured). Data: the
// platform's list endpoint (`resultList` with codes and 分). `?statusView=icon`: statuses as
// coloured dots without words (the page's data still has their codes).
import { Card, Table, Tabs } from 'antd';
import { api } from '../api.js';
import { formatTime, yuan } from '../format.js';
import { HANDLING_WAY, refundStatusOf } from '../status.js';
import { LoadError, PageHeader, PageLoading, RefundStatus, orderHref, refundHref, listPagination } from '../common.jsx';
import { intParam, useLoad, useRoute, withQuery } from '../router.jsx';

const TABS = [
  { key: '', label: '全部' },
  { key: 'reviewing', label: '待审核' },
  { key: 'approved', label: '待确认退款' },
  { key: 'confirmed', label: '退款中' },
  { key: 'refunded', label: '退款成功' },
  { key: 'rejected', label: '审核不通过' },
  { key: 'failed', label: '退款失败' },
];

const COLUMNS = [
  { title: '售后单号', dataIndex: 'refundId', key: 'refundId', render: (id) => <span className="mono">{id}</span> },
  {
    title: '订单编号',
    dataIndex: 'orderId',
    key: 'orderId',
    render: (id) => (
      <a className="mono" href={orderHref(id)}>
        {id}
      </a>
    ),
  },
  { title: '退款金额', dataIndex: 'refundFee', key: 'refundFee', render: (fen) => <span className="money">{yuan(fen)}</span> },
  { title: '售后类型', dataIndex: 'handlingWay', key: 'handlingWay', render: (w) => HANDLING_WAY[w] ?? '-' },
  { title: '售后状态', key: 'status', render: (_, r) => <RefundStatus refund={refundStatusOf(r.status, r.negotiateStatus)} /> },
  { title: '申请时间', dataIndex: 'createTime', key: 'createTime', render: (ms) => formatTime(ms) },
  { title: '操作', key: 'action', render: (_, r) => <a href={refundHref(r.refundId)}>查看</a> },
];

export default function RefundList() {
  const { url, params, navigate } = useRoute();
  const activeKey = TABS.some((t) => t.key === params.get('status')) ? params.get('status') : '';
  const pageNum = intParam(params, 'page', 1);
  const pageSize = intParam(params, 'pageSize', 20);
  const state = useLoad(() => api.refundList({ tab: activeKey, pageNum, pageSize }), url.search);
  const go = (changes) => navigate(withQuery(url, changes));
  const iconOnly = params.get('statusView') === 'icon';
  const columns = iconOnly
    ? COLUMNS.map((c) => (c.key === 'status' ? { ...c, render: (_, r) => <RefundStatus refund={refundStatusOf(r.status, r.negotiateStatus)} iconOnly /> } : c))
    : COLUMNS;

  if (state.error) return <LoadError error={state.error} retry={state.reload} />;
  if (!state.data) return <PageLoading />;
  const data = state.data;
  return (
    <>
      <PageHeader crumbs={[{ title: '售后' }, { title: '退款管理' }]} title="退款管理" />
      <Card>
        <Tabs activeKey={activeKey} items={TABS} onChange={(key) => go({ status: key, page: '' })} />
        <Table
          rowKey="refundId"
          columns={columns}
          dataSource={data.resultList}
          loading={state.loading}
          pagination={listPagination(data.pageNum, data.pageSize, data.total, go)}
        />
      </Card>
    </>
  );
}
