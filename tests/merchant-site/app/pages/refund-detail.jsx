// 售后详情: status banner with 确认退款 (when approved; Modal.confirm), steps, the after-sale facts
// as hashed label/content pairs, goods, evidence and history; 联系客服 (a modal with a message).
import { App, Button, Card, Input, Steps, Table, Tag } from 'antd';
import { CustomerServiceOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';
import { api } from '../api.js';
import { yuan } from '../format.js';
import { GoodsCell, Loaded, PageHeader, RefundStatus, orderHref } from '../common.jsx';
import { useLoad, useRoute } from '../router.jsx';

const BANNER = {
  reviewing: '平台客服正在审核您的退款申请，一般 1-3 个工作日内完成，请耐心等待。',
  intervening: '平台已介入处理本次售后，请留意平台客服的消息。',
  approved: '审核已通过，请确认退款。确认后款项将原路退回买家，一般 24 小时内到账。',
  confirmed: '您已确认退款，退款执行中，款项一般在 24 小时内原路到账；超时未到账请联系客服。',
  refunded: '退款已原路退回买家，本次售后已完成。',
  rejected: '平台审核不通过，请根据审核意见补充凭证后重新申请，或联系客服。',
  failed: '退款失败，请联系平台客服处理。',
  closed: '本次售后已关闭。',
};

function refundSteps(r) {
  const at = (status) => r.history.find((e) => e.status === status)?.atText;
  const s = (title, status, description) => ({ title, status, description });
  const submitted = s('提交申请', 'finish', r.createdAtText);
  switch (r.status) {
    case 'reviewing':
      return [submitted, s('等待审核', 'process'), s('审核通过', 'wait'), s('确认退款', 'wait'), s('已退款', 'wait')];
    case 'intervening':
      return [submitted, s('平台介入', 'process'), s('审核通过', 'wait'), s('确认退款', 'wait'), s('已退款', 'wait')];
    case 'approved':
      return [submitted, s('等待审核', 'finish'), s('审核通过', 'finish', at('approved')), s('确认退款', 'process'), s('已退款', 'wait')];
    case 'confirmed':
      return [
        submitted,
        s('等待审核', 'finish'),
        s('审核通过', 'finish', at('approved')),
        s('确认退款', 'finish', at('confirmed')),
        s('已退款', 'process', '预计 24 小时内到账'),
      ];
    case 'refunded':
      return [
        submitted,
        s('等待审核', 'finish'),
        s('审核通过', 'finish', at('approved')),
        s('确认退款', 'finish', at('confirmed')),
        s('已退款', 'finish', at('refunded')),
      ];
    case 'rejected':
      return [submitted, s('等待审核', 'finish'), s('审核不通过', 'error', at('rejected'))];
    case 'failed':
      return [
        submitted,
        s('等待审核', 'finish'),
        s('审核通过', 'finish', at('approved')),
        s('确认退款', at('confirmed') ? 'finish' : 'wait', at('confirmed')),
        s('退款失败', 'error', at('failed')),
      ];
    case 'closed':
      return [submitted, s(r.statusText, 'error', at('closed'))];
    default:
      return [submitted];
  }
}

const Pair = ({ label, children, style }) => (
  <div className="item__P0aJd" style={style}>
    <span className="label__BFlU4">{label}</span>
    <span className="content__Rf0s7">{children}</span>
  </div>
);

export default function RefundDetail() {
  const { params } = useRoute();
  const id = params.get('id') ?? '';
  const state = useLoad(() => api.refund(id), id);
  return <Loaded state={state}>{(r) => <RefundView r={r} reload={state.reload} />}</Loaded>;
}

function ContactForm({ textRef }) {
  return (
    <Input.TextArea rows={5} placeholder="请描述您的问题，平台客服将尽快回复" aria-label="咨询内容" onChange={(e) => (textRef.current = e.target.value)} />
  );
}

function RefundView({ r, reload }) {
  const { setReviewTarget } = useRoute();
  const { modal, message } = App.useApp();
  const contactText = useRef('');
  useEffect(() => setReviewTarget({ id: r.id, status: r.status, statusText: r.statusText }), [r, setReviewTarget]);
  const returning = r.refundType === 'return-refund';

  const confirm = () =>
    modal.confirm({
      title: '确认退款',
      content: `确认向买家退款 ${yuan(r.amountFen)}？确认后款项将原路退回买家，操作不可撤销。`,
      onOk: async () => {
        try {
          await api.confirmRefund(r.id);
          message.success('已确认退款，退款执行中');
          reload();
        } catch (err) {
          message.error(err.message);
          throw err;
        }
      },
    });

  const contact = () => {
    contactText.current = '';
    modal.confirm({
      title: '联系平台客服',
      icon: null,
      okText: '发送',
      width: 520,
      content: (
        <>
          <p>{`售后单号：${r.id}　订单编号：${r.orderId}`}</p>
          <ContactForm textRef={contactText} />
        </>
      ),
      onOk: async () => {
        if (!contactText.current.trim()) {
          message.warning('请输入咨询内容');
          throw new Error('empty');
        }
        message.success('消息已发送，平台客服将在 24 小时内回复');
      },
    });
  };

  return (
    <>
      <PageHeader crumbs={[{ title: '售后' }, { title: '退款管理', href: '/zone/refund/list' }, { title: '售后详情' }]} title="售后详情" />
      <Card>
        <div className="statusBanner__Lb0mY section-gap">
          <div>
            <div style={{ fontSize: 20, fontWeight: 600 }}>
              <RefundStatus refund={r} />
            </div>
            <div className="secondary">{BANNER[r.status]}</div>
            {r.note && <div style={{ color: '#cf1322', marginTop: 4 }}>{`平台意见：${r.note}`}</div>}
          </div>
          <div className="ant-space">
            {r.status === 'approved' && (
              <Button type="primary" onClick={confirm}>
                确认退款
              </Button>
            )}
            <a className="contact__Ux5mD" role="button" tabIndex={0} onClick={contact} onKeyDown={(e) => e.key === 'Enter' && contact()}>
              <CustomerServiceOutlined /> 联系客服
            </a>
          </div>
        </div>
        <Steps size="small" items={refundSteps(r)} />
      </Card>
      <Card title="售后信息">
        <div className="info__T6bHn">
          <Pair label="订单编号">{r.orderId}</Pair>
          <Pair label="售后单号">{r.id}</Pair>
          <Pair label="退款金额">{yuan(r.amountFen)}</Pair>
          <Pair label="售后类型">{r.refundTypeText}</Pair>
          <Pair label="售后状态">{r.statusText}</Pair>
          <Pair label="退款原因">{r.reasonText}</Pair>
          <Pair label="申请时间">{r.createdAtText}</Pair>
          {returning && r.trackingNo && <Pair label="物流单号">{r.trackingNo}</Pair>}
          {returning && r.courier && <Pair label="快递公司">{r.courier}</Pair>}
        </div>
        <Pair label="备注说明" style={{ marginTop: 16 }}>
          {r.remark || '无'}
        </Pair>
        <div className="item__P0aJd" style={{ marginTop: 16 }}>
          <span className="label__BFlU4">凭证</span>
          <span className="content__Rf0s7 evidence__Gg3Ue">
            {r.files.length
              ? r.files.map((f) => (
                  <Tag key={f} color="blue">
                    {f}
                  </Tag>
                ))
              : '未上传'}
          </span>
        </div>
      </Card>
      <Card title="商品信息" extra={<a href={orderHref(r.orderId)}>查看订单详情</a>}>
        <Table
          rowKey="title"
          pagination={false}
          dataSource={r.order.items}
          columns={[
            { title: '商品', key: 'goods', render: (_, it) => <GoodsCell item={it} /> },
            { title: '实付款', key: 'paid', render: () => yuan(r.order.paidFen) },
            { title: '订单状态', key: 'status', render: () => r.order.statusText },
          ]}
        />
      </Card>
      <Card title="协商历史">
        <ul className="history__Yr2Xk">
          {/* The newest first; an entry's place in the history (which only grows) is its identity. */}
          {r.history
            .map((e, n) => ({ e, n }))
            .reverse()
            .map(({ e, n }) => (
              <li key={n}>{`${e.atText}　${e.statusText}`}</li>
            ))}
        </ul>
      </Card>
    </>
  );
}
