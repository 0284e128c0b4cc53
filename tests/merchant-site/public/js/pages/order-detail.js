// 订单详情: header with plain "订单号：…" text, steps, descriptions, goods table, amounts
// (hashed label/content pairs), logistics <dl>, buyer lines, and the actions.
import { h } from '../dom.js';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { alert, button, card, pageHeader } from '../ui/basic.js';
import { descriptions } from '../ui/descriptions.js';
import { message } from '../ui/message.js';
import { openModal } from '../ui/modal.js';
import { steps } from '../ui/steps.js';
import { table } from '../ui/table.js';
import { applyHref, goodsCell, refundHref } from './common.js';

const OPEN_REFUND = ['reviewing', 'approved', 'confirmed'];
const REFUNDABLE = ['unshipped', 'shipped', 'delivered', 'completed'];

function orderSteps(o) {
  if (o.status === 'closed') {
    return [
      { title: '买家下单', description: o.createdAtText, status: 'finish' },
      o.paidAtText && { title: '买家付款', description: o.paidAtText, status: 'finish' },
      { title: '交易关闭', status: 'error' },
    ].filter(Boolean);
  }
  if (o.status === 'refunding' || o.status === 'refunded') {
    return [
      { title: '买家下单', description: o.createdAtText, status: 'finish' },
      { title: '买家付款', description: o.paidAtText, status: 'finish' },
      { title: '商家发货', description: o.shippedAtText, status: o.shippedAtText ? 'finish' : 'wait' },
      { title: '售后处理', status: o.status === 'refunding' ? 'process' : 'finish' },
      { title: '退款完成', status: o.status === 'refunded' ? 'finish' : 'wait' },
    ];
  }
  const order = ['unpaid', 'unshipped', 'shipped', 'delivered', 'completed'];
  const reached = order.indexOf(o.status) + 1; // steps finished before the current one
  const titles = ['买家下单', '买家付款', '商家发货', '买家签收', '交易成功'];
  const times = [o.createdAtText, o.paidAtText, o.shippedAtText];
  return titles.map((title, i) => ({
    title,
    description: times[i],
    status: o.status === 'completed' || i < reached ? 'finish' : i === reached ? 'process' : 'wait',
  }));
}

export default {
  title: '订单详情',
  menu: 'order',

  load(ctx) {
    return api.order(ctx.params.get('id') ?? '');
  },

  view(o, ctx) {
    const refund = o.refund;
    if (refund) ctx.setReviewTarget(refund);
    const hasOpenRefund = refund && OPEN_REFUND.includes(refund.status);

    const actions = [];
    if (REFUNDABLE.includes(o.status) && !hasOpenRefund) {
      actions.push(button({ text: '申请退款', type: 'primary', onClick: () => ctx.navigate(applyHref(o.id)) }));
    }
    if (o.status === 'unshipped') {
      actions.push(
        button({
          text: '取消订单',
          onClick: () =>
            openModal({
              title: '取消订单',
              content: `确定取消订单 ${o.id} 吗？取消后实付款 ${yuan(o.paidFen)} 将原路退回买家。`,
              onOk: async () => {
                try {
                  await api.cancelOrder(o.id);
                  message.success('订单已取消');
                  ctx.refresh();
                } catch (err) {
                  message.error(err.message);
                  throw err;
                }
              },
            }),
        }),
      );
    }
    if (refund) actions.push(button({ text: '查看售后', onClick: () => ctx.navigate(refundHref(refund.id)) }));

    const amount = (label, fen, cls) => [h('span', { class: 'label__BFlU4' }, label), h('span', { class: ['content__Rf0s7', cls] }, fen)];

    return [
      pageHeader({ crumbs: [{ title: '订单' }, { title: '订单管理', href: '/zone/order/list' }, { title: '订单详情' }], title: '订单详情' }),
      card(
        {},
        h(
          'div',
          { class: 'orderHead__k2Pq1 section-gap' },
          h('span', { class: 'statusBig__Zt8aW' }, o.statusText),
          h('span', { class: 'metaLine__Qm3Ls' }, `订单号：${o.id}`),
          h('span', { class: 'metaLine__Qm3Ls' }, `下单时间：${o.createdAtText}`),
          h('div', { class: 'ant-space' }, actions),
        ),
        steps(orderSteps(o)),
      ),
      refund &&
        alert({
          type: hasOpenRefund ? 'warning' : 'info',
          message: h('span', null, `该订单有售后申请，售后单号 ${refund.id}（${refund.statusText}）`, ' ', h('a', { href: refundHref(refund.id) }, '查看售后详情')),
        }),
      card(
        { title: '订单信息' },
        descriptions({
          items: [
            { label: '订单编号', content: o.id },
            { label: '订单状态', content: o.statusText },
            { label: '下单时间', content: o.createdAtText },
            { label: '支付方式', content: o.paymentMethod ?? '未支付' },
            { label: '付款时间', content: o.paidAtText ?? '-' },
            { label: '发货时间', content: o.shippedAtText ?? '-' },
          ],
        }),
      ),
      card(
        { title: '商品信息' },
        table({
          rowKey: 'title',
          columns: [
            { title: '商品', key: 'goods', render: (it) => goodsCell(it, { quantity: false }) },
            { title: '单价', key: 'price', render: (it) => yuan(it.priceFen) },
            { title: '数量', key: 'quantity' },
            { title: '小计', key: 'sum', align: 'right', render: (it) => yuan(it.priceFen * it.quantity) },
          ],
          rows: o.items,
        }),
        h(
          'div',
          { class: 'amounts__Hx92d' },
          amount('商品总价', yuan(o.goodsTotalFen)),
          amount('优惠', yuan(-o.discountFen)),
          amount('运费', yuan(o.shippingFeeFen)),
          amount('实付款', yuan(o.paidFen), 'total__Wc7e2'),
        ),
      ),
      h(
        'div',
        { class: 'two-cols section-gap' },
        card(
          { title: '物流信息', class: 'logistics__N4sQe' },
          o.logistics
            ? h('dl', null, h('dt', null, '物流单号'), h('dd', { class: 'mono' }, o.logistics.trackingNo), h('dt', null, '快递公司'), h('dd', null, o.logistics.courier))
            : h('div', { class: 'ant-typography-secondary' }, o.status === 'unshipped' ? '商家尚未发货，暂无物流信息' : '暂无物流信息'),
        ),
        card(
          { title: '收货信息', class: 'buyer__V7cRt' },
          h('p', null, `收货人：${o.buyer.name}`),
          h('p', null, `手机号：${o.buyer.phone}`),
          h('p', null, `收货地址：${o.buyer.address}`),
          h('p', { class: 'ant-typography-secondary' }, '为保护买家隐私，收货信息已脱敏显示'),
        ),
      ),
    ];
  },
};
