// 订单详情: header with plain "订单号：…" text, steps, descriptions, goods table, the price
// breakdown (hashed label/content pairs, as the real page's CSS modules), logistics <dl>, masked
// buyer lines, the order's after-sales and the actions. Data: the platform's order query (分).
// `?apply=modal`: 申请退款 opens the application form in a modal over this page instead of its own page.
// `?amounts=masked`: every amount prints as ¥*** (a sub-account without the finance permission sees
// that), while the order query still answers `buyerPay`: the panel can take 实付 only from the data.
import { Alert, App, Button, Card, Descriptions, Modal, Space, Steps, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { formatTime, yuan } from '../format.js';
import { GoodsCell, Loaded, PageHeader, RefundStatus, applyHref, refundHref } from '../common.jsx';
import { useLoad, useRoute } from '../router.jsx';
import { RefundForm } from './refund-apply.jsx';

const OPEN_REFUND = ['reviewing', 'approved', 'confirmed', 'intervening'];
const REFUNDABLE = ['unshipped', 'shipped', 'delivered', 'completed'];

const t = (ms) => (ms ? formatTime(ms) : undefined);

function orderSteps(o) {
  const created = t(o.createTime);
  const paid = t(o.payTime);
  const shipped = t(o.sendTime);
  if (o.status === 'closed') {
    return [
      { title: '买家下单', description: created, status: 'finish' },
      paid && { title: '买家付款', description: paid, status: 'finish' },
      { title: '交易关闭', status: 'error' },
    ].filter(Boolean);
  }
  if (o.status === 'refunding' || o.status === 'refunded') {
    return [
      { title: '买家下单', description: created, status: 'finish' },
      { title: '买家付款', description: paid, status: 'finish' },
      { title: '商家发货', description: shipped, status: shipped ? 'finish' : 'wait' },
      { title: '售后处理', status: o.status === 'refunding' ? 'process' : 'finish' },
      { title: '退款完成', status: o.status === 'refunded' ? 'finish' : 'wait' },
    ];
  }
  const order = ['unpaid', 'unshipped', 'shipped', 'delivered', 'completed'];
  const reached = order.indexOf(o.status) + 1;
  const titles = ['买家下单', '买家付款', '商家发货', '买家签收', '交易成功'];
  const times = [created, paid, shipped];
  return titles.map((title, i) => ({
    title,
    description: times[i],
    status: o.status === 'completed' || i < reached ? 'finish' : i === reached ? 'process' : 'wait',
  }));
}

/** A label/value pair of the price breakdown (CSS-module class names, as the real page has). */
const Amount = ({ label, value, total }) => (
  <>
    <span className="label__BFlU4">{label}</span>
    <span className={total ? 'content__Rf0s7 total__Wc7e2' : 'content__Rf0s7'}>{value}</span>
  </>
);

export default function OrderDetail() {
  const { params } = useRoute();
  const id = params.get('id') ?? '';
  const state = useLoad(() => api.orderQuery(id), id);
  return <Loaded state={state}>{(o) => <OrderView o={o} reload={state.reload} />}</Loaded>;
}

function OrderView({ o, reload }) {
  const { navigate, params, setReviewTarget } = useRoute();
  const { modal, message } = App.useApp();
  const [applying, setApplying] = useState(false);
  const refund = o.refundList.at(-1);
  useEffect(() => {
    if (refund) setReviewTarget({ id: refund.refundId, status: refund.status, statusText: refund.statusText });
  }, [refund, setReviewTarget]);
  const hasOpenRefund = refund && OPEN_REFUND.includes(refund.status);
  const inModal = params.get('apply') === 'modal';

  const cancel = () =>
    modal.confirm({
      title: '取消订单',
      content: `确定取消订单 ${o.oid} 吗？取消后实付款 ${yuan(o.buyerPay)} 将原路退回买家。`,
      onOk: async () => {
        try {
          await api.cancelOrder(o.oid);
          message.success('订单已取消');
          reload();
        } catch (err) {
          message.error(err.message);
          throw err;
        }
      },
    });

  const actions = [];
  if (REFUNDABLE.includes(o.status) && !hasOpenRefund) {
    actions.push(
      <Button key="apply" type="primary" onClick={() => (inModal ? setApplying(true) : navigate(applyHref(o.oid)))}>
        申请退款
      </Button>,
    );
  }
  if (o.status === 'unshipped')
    actions.push(
      <Button key="cancel" onClick={cancel}>
        取消订单
      </Button>,
    );
  if (refund)
    actions.push(
      <Button key="view" onClick={() => navigate(refundHref(refund.refundId))}>
        查看售后
      </Button>,
    );

  const discounts = o.discountList?.length ? o.discountList : [{ label: '优惠', fee: o.discountFee }];
  const money = params.get('amounts') === 'masked' ? () => '¥***' : yuan;

  return (
    <>
      <PageHeader crumbs={[{ title: '订单' }, { title: '订单管理', href: '/zone/order/list' }, { title: '订单详情' }]} title="订单详情" />
      <Card>
        <div className="orderHead__k2Pq1 section-gap">
          <span className="statusBig__Zt8aW">{o.statusDesc}</span>
          <span className="metaLine__Qm3Ls">{`订单号：${o.oid}`}</span>
          <span className="metaLine__Qm3Ls">{`下单时间：${t(o.createTime)}`}</span>
          <Space>{actions}</Space>
        </div>
        <Steps size="small" items={orderSteps(o)} />
      </Card>
      {refund && (
        <Alert
          showIcon
          type={hasOpenRefund ? 'warning' : 'info'}
          message={
            <span>
              {`该订单有售后申请，售后单号 ${refund.refundId}（${refund.statusText}）`} <a href={refundHref(refund.refundId)}>查看售后详情</a>
            </span>
          }
        />
      )}
      <Card title="订单信息">
        <Descriptions
          items={[
            { key: 'id', label: '订单编号', children: o.oid },
            { key: 'status', label: '订单状态', children: o.statusDesc },
            { key: 'created', label: '下单时间', children: t(o.createTime) },
            { key: 'pay', label: '支付方式', children: o.payType ?? '未支付' },
            { key: 'paid', label: '付款时间', children: t(o.payTime) ?? '-' },
            { key: 'sent', label: '发货时间', children: t(o.sendTime) ?? '-' },
          ]}
        />
      </Card>
      <Card title="商品信息">
        <Table
          rowKey="itemTitle"
          pagination={false}
          dataSource={o.itemList}
          columns={[
            {
              title: '商品',
              key: 'goods',
              render: (_, it) => <GoodsCell item={{ title: it.itemTitle, spec: it.skuDesc, quantity: it.num }} quantity={false} />,
            },
            { title: '单价', key: 'price', render: (_, it) => money(it.price) },
            { title: '数量', dataIndex: 'num', key: 'num' },
            { title: '小计', key: 'sum', align: 'right', render: (_, it) => money(it.price * it.num) },
          ]}
        />
        <div className="amounts__Hx92d">
          <Amount label="商品总价" value={money(o.totalFee)} />
          {discounts.map((d) => (
            <Amount key={d.label} label={d.label} value={money(-d.fee)} />
          ))}
          <Amount label="运费" value={money(o.expressFee)} />
          <Amount label="实付款" value={money(o.buyerPay)} total />
        </div>
      </Card>
      {o.refundList.length > 1 && (
        <Card title="售后记录">
          <ul className="history__Yr2Xk">
            {o.refundList.map((r) => (
              <li key={r.refundId}>
                <a href={refundHref(r.refundId)}>{r.refundId}</a>　<RefundStatus refund={r} />　{t(r.createTime)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="two-cols section-gap">
        <Card title="物流信息" className="logistics__N4sQe">
          {o.logistics ? (
            <dl>
              <dt>物流单号</dt>
              <dd className="mono">{o.logistics.expressNo}</dd>
              <dt>快递公司</dt>
              <dd>{o.logistics.expressCompany}</dd>
            </dl>
          ) : (
            <div className="secondary">{o.status === 'unshipped' ? '商家尚未发货，暂无物流信息' : '暂无物流信息'}</div>
          )}
        </Card>
        <Card title="收货信息" className="buyer__V7cRt">
          <p>{`收货人：${o.buyerInfo.name}`}</p>
          <p>{`手机号：${o.buyerInfo.mobile}`}</p>
          <p>{`收货地址：${o.buyerInfo.address}`}</p>
          <p className="secondary">为保护买家隐私，收货信息已脱敏显示</p>
        </Card>
      </div>
      {inModal && (
        <Modal title="申请退款" open={applying} onCancel={() => setApplying(false)} footer={null} width={760} destroyOnClose>
          <RefundForm
            order={o}
            onCancel={() => setApplying(false)}
            onCreated={() => {
              setApplying(false);
              message.success('提交成功，请等待平台审核');
              reload();
            }}
          />
        </Modal>
      )}
    </>
  );
}
