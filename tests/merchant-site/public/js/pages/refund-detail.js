// 售后详情: status banner with 确认退款 (when approved), steps, the after-sale facts as hashed
// label/content pairs, goods, evidence and history; 联系客服.
import { h } from '../dom.js';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { icon } from '../icons.js';
import { button, card, pageHeader, tag } from '../ui/basic.js';
import { message } from '../ui/message.js';
import { openModal } from '../ui/modal.js';
import { steps } from '../ui/steps.js';
import { table } from '../ui/table.js';
import { goodsCell, orderHref, refundStatusBadge } from './common.js';

const BANNER = {
  reviewing: '平台客服正在审核您的退款申请，一般 1-3 个工作日内完成，请耐心等待。',
  approved: '审核已通过，请确认退款。确认后款项将原路退回买家，一般 24 小时内到账。',
  confirmed: '您已确认退款，退款执行中，款项一般在 24 小时内原路到账；超时未到账请联系客服。',
  refunded: '退款已原路退回买家，本次售后已完成。',
  rejected: '平台审核不通过，请根据审核意见补充凭证后重新申请，或联系客服。',
  failed: '退款失败，请联系平台客服处理。',
};

function refundSteps(r) {
  const at = (status) => r.history.find((e) => e.status === status)?.atText;
  const s = (title, status, time) => ({ title, status, description: time });
  const submitted = s('提交申请', 'finish', r.createdAtText);
  switch (r.status) {
    case 'reviewing':
      return [submitted, s('等待审核', 'process'), s('审核通过', 'wait'), s('确认退款', 'wait'), s('已退款', 'wait')];
    case 'approved':
      return [submitted, s('等待审核', 'finish'), s('审核通过', 'finish', at('approved')), s('确认退款', 'process'), s('已退款', 'wait')];
    case 'confirmed':
      return [submitted, s('等待审核', 'finish'), s('审核通过', 'finish', at('approved')), s('确认退款', 'finish', at('confirmed')), s('已退款', 'process', '预计 24 小时内到账')];
    case 'refunded':
      return [submitted, s('等待审核', 'finish'), s('审核通过', 'finish', at('approved')), s('确认退款', 'finish', at('confirmed')), s('已退款', 'finish', at('refunded'))];
    case 'rejected':
      return [submitted, s('等待审核', 'finish'), s('审核不通过', 'error', at('rejected'))];
    case 'failed':
      return [submitted, s('等待审核', 'finish'), s('审核通过', 'finish', at('approved')), s('确认退款', at('confirmed') ? 'finish' : 'wait', at('confirmed')), s('退款失败', 'error', at('failed'))];
    default:
      return [submitted];
  }
}

function contactSupport(r) {
  const text = h('textarea', { class: 'ant-input', rows: '5', placeholder: '请描述您的问题，平台客服将尽快回复', 'aria-label': '咨询内容' });
  void openModal({
    title: '联系平台客服',
    okText: '发送',
    width: 520,
    content: [h('p', null, `售后单号：${r.id}　订单编号：${r.orderId}`), text],
    onOk: async () => {
      if (!text.value.trim()) {
        message.warning('请输入咨询内容');
        throw new Error('empty');
      }
      message.success('消息已发送，平台客服将在 24 小时内回复');
    },
  });
}

export default {
  title: '售后详情',
  menu: 'refund',

  load(ctx) {
    return api.refund(ctx.params.get('id') ?? '');
  },

  view(r, ctx) {
    ctx.setReviewTarget(r);
    const confirm = () =>
      openModal({
        title: '确认退款',
        content: `确认向买家退款 ${yuan(r.amountFen)}？确认后款项将原路退回买家，操作不可撤销。`,
        onOk: async () => {
          try {
            await api.confirmRefund(r.id);
            message.success('已确认退款，退款执行中');
            ctx.refresh();
          } catch (err) {
            message.error(err.message);
            throw err;
          }
        },
      });
    const pair = (label, value) => h('div', { class: 'item__P0aJd' }, h('span', { class: 'label__BFlU4' }, label), h('span', { class: 'content__Rf0s7' }, value));
    const returning = r.refundType === 'return-refund';

    return [
      pageHeader({ crumbs: [{ title: '售后' }, { title: '退款管理', href: '/zone/refund/list' }, { title: '售后详情' }], title: '售后详情' }),
      card(
        {},
        h(
          'div',
          { class: 'statusBanner__Lb0mY section-gap' },
          h('div', null, h('div', { style: { fontSize: '20px', fontWeight: '600' } }, refundStatusBadge(r)), h('div', { class: 'ant-typography-secondary' }, BANNER[r.status]), r.note && h('div', { style: { color: '#cf1322', marginTop: '4px' } }, `平台意见：${r.note}`)),
          h(
            'div',
            { class: 'ant-space' },
            r.status === 'approved' && button({ text: '确认退款', type: 'primary', onClick: confirm }),
            h('a', { class: 'contact__Ux5mD', role: 'button', tabindex: '0', onClick: () => contactSupport(r), onKeydown: (e) => e.key === 'Enter' && contactSupport(r) }, icon('customer'), ' 联系客服'),
          ),
        ),
        steps(refundSteps(r)),
      ),
      card(
        { title: '售后信息' },
        h(
          'div',
          { class: 'info__T6bHn' },
          pair('订单编号', r.orderId),
          pair('售后单号', r.id),
          pair('退款金额', yuan(r.amountFen)),
          pair('售后类型', r.refundTypeText),
          pair('售后状态', r.statusText),
          pair('退款原因', r.reasonText),
          pair('申请时间', r.createdAtText),
          returning && r.trackingNo && pair('物流单号', r.trackingNo),
          returning && r.courier && pair('快递公司', r.courier),
        ),
        h('div', { class: 'item__P0aJd', style: { marginTop: '16px' } }, h('span', { class: 'label__BFlU4' }, '备注说明'), h('span', { class: 'content__Rf0s7' }, r.remark || '无')),
        h(
          'div',
          { class: 'item__P0aJd', style: { marginTop: '16px' } },
          h('span', { class: 'label__BFlU4' }, '凭证'),
          h('span', { class: 'content__Rf0s7 evidence__Gg3Ue' }, r.files.length ? r.files.map((f) => tag(f, 'blue')) : '未上传'),
        ),
      ),
      card(
        { title: '商品信息', extra: h('a', { href: orderHref(r.orderId) }, '查看订单详情') },
        table({
          rowKey: 'title',
          columns: [
            { title: '商品', key: 'goods', render: (it) => goodsCell(it) },
            { title: '实付款', key: 'paid', render: () => yuan(r.order.paidFen) },
            { title: '订单状态', key: 'status', render: () => r.order.statusText },
          ],
          rows: r.order.items,
        }),
      ),
      card({ title: '协商历史' }, h('ul', { class: 'history__Yr2Xk' }, [...r.history].reverse().map((e) => h('li', null, `${e.atText}　${e.statusText}`)))),
    ];
  },
};
