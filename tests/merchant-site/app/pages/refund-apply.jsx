// 申请退款: the refund application, an Ant Design Form (rc-field-form's controlled state: the form
// store is the truth, changed only through the controls' events). Used as its own page and inside
// a modal over the order detail (`?apply=modal` there). The order comes from the platform's order
// query (分). `?antd=3` on this page is served by the Ant Design 3 app instead (antd3/); `&ack=toast`
// acknowledges a submit with an info toast and stays on the form.
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Radio, Select, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../api.js';
import { parseYuan, yuan } from '../format.js';
import { Loaded, PageHeader, orderHref, refundHref } from '../common.jsx';
import { useLoad, useRoute } from '../router.jsx';

export const REASONS = ['质量问题', '商品与描述不符', '卖家发错货', '商品破损/污渍', '少件/漏发', '未收到货', '不想要了/七天无理由退货', '拍错/多拍', '其他'];
const MAX_FILES = 9;
const REMARK_MAX = 200;
const OPEN_REFUND = ['reviewing', 'approved', 'confirmed', 'intervening'];

export default function RefundApply() {
  const { params } = useRoute();
  const id = params.get('orderId') ?? '';
  const state = useLoad(() => api.orderQuery(id), id);
  return <Loaded state={state}>{(order) => <ApplyPage order={order} />}</Loaded>;
}

function ApplyPage({ order }) {
  const { navigate, params } = useRoute();
  const { message } = App.useApp();
  // `&ack=toast`: the page acknowledges with a toast of its own style (an info message) and stays on the form.
  const ownToast = params.get('ack') === 'toast';
  return (
    <>
      <PageHeader crumbs={[{ title: '售后' }, { title: '订单详情', href: orderHref(order.oid) }, { title: '申请退款' }]} title="申请退款" />
      <Alert showIcon type="info" message="请如实填写退款信息，平台客服将在 1-3 个工作日内完成审核。审核通过后请及时确认退款，款项一般在 24 小时内原路退回。" />
      <BlockedNotice order={order} />
      <Card title="订单信息" className="apply-summary">
        <Descriptions
          column={4}
          items={[
            { key: 'id', label: '订单编号', children: order.oid },
            { key: 'status', label: '订单状态', children: order.statusDesc },
            { key: 'goods', label: '商品', children: order.itemList.map((i) => `${i.itemTitle} ×${i.num}`).join('；') },
            { key: 'paid', label: '实付款', children: yuan(order.buyerPay) },
          ]}
        />
      </Card>
      <Card title="退款信息">
        <RefundForm
          order={order}
          onCancel={() => navigate(orderHref(order.oid))}
          onCreated={(created) => {
            if (ownToast) return void message.info('提交成功，请等待平台审核');
            message.success('提交成功，请等待平台审核');
            navigate(refundHref(created.id));
          }}
        />
      </Card>
    </>
  );
}

/** Why this order cannot be refunded, if it cannot (the server refuses it too). */
function BlockedNotice({ order }) {
  const refund = order.refundList.at(-1);
  if (refund && OPEN_REFUND.includes(refund.status)) {
    return (
      <Alert
        showIcon
        type="warning"
        message={
          <span>
            {`该订单已有进行中的售后申请（售后单号 ${refund.refundId}），请勿重复提交。`} <a href={refundHref(refund.refundId)}>查看售后</a>
          </span>
        }
      />
    );
  }
  const text = { unpaid: '该订单尚未付款，无需申请退款。', closed: '该订单已关闭，无法申请退款。', refunded: '该订单已退款，不能重复申请。' }[order.status];
  if (text) return <Alert showIcon type="warning" message={text} />;
  if (order.status === 'unshipped') return <Alert showIcon type="info" message="订单尚未发货：建议直接在订单详情中取消订单，款项将原路退回买家。" />;
  return null;
}

/** The upload's own request: the file "uploads" for a moment, as the real CDN upload does. */
function fakeUpload({ file, onProgress, onSuccess }) {
  let pct = 0;
  const timer = setInterval(() => {
    pct = Math.min(100, pct + 40);
    onProgress({ percent: pct });
    if (pct === 100) {
      clearInterval(timer);
      onSuccess({ name: file.name, url: '' });
    }
  }, 80);
  return { abort: () => clearInterval(timer) };
}

/**
 * The application form. `onCreated(created)` after the platform accepted it; validation errors
 * (and the platform's refusal) keep the form open.
 */
export function RefundForm({ order, onCreated, onCancel }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState('');
  const unshipped = order.status === 'unshipped';
  const refundType = Form.useWatch('refundType', form);
  const returning = refundType === 'return-refund';

  const finish = async (v) => {
    setSubmitting(true);
    setServerError('');
    try {
      const created = await api.createRefund({
        orderId: order.oid,
        refundType: v.refundType,
        reasonText: v.reason,
        amountFen: parseYuan(v.amount),
        remark: (v.remark ?? '').trim(),
        trackingNo: returning ? (v.trackingNo ?? '').trim() : '',
        courier: returning ? (v.courier ?? '').trim() : '',
        files: (v.evidence ?? []).map((f) => f.name),
      });
      onCreated(created);
    } catch (err) {
      setServerError(err.message);
      message.error(err.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      form={form}
      id="refundForm"
      layout="horizontal"
      labelCol={{ flex: '120px' }}
      autoComplete="off"
      initialValues={{ amount: (order.buyerPay / 100).toFixed(2), evidence: [] }}
      onFinish={finish}
      scrollToFirstError
    >
      {serverError && <Alert style={{ marginBottom: 16 }} type="error" showIcon message="提交失败" description={serverError} />}
      <Form.Item
        label="退款类型"
        name="refundType"
        rules={[{ required: true, message: '请选择退款类型' }]}
        extra={unshipped ? '订单尚未发货，仅支持“仅退款”' : '退货退款需买家寄回商品，请填写退货物流信息'}
      >
        <Radio.Group name="refundType">
          <Radio value="refund-only">仅退款</Radio>
          <Radio value="return-refund" disabled={unshipped}>
            退货退款
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label="退款原因" name="reason" rules={[{ required: true, message: '请选择退款原因' }]}>
        <Select placeholder="请选择退款原因" style={{ maxWidth: 360 }} options={REASONS.map((r) => ({ value: r, label: r }))} />
      </Form.Item>
      <Form.Item
        label="退款金额"
        name="amount"
        extra={`最多可退 ${yuan(order.buyerPay)}（实付款，含运费 ${yuan(order.expressFee)}），款项将原路退回`}
        rules={[
          { required: true, message: '请输入退款金额' },
          {
            validator: async (_, value) => {
              if (value === undefined || value === null || value === '') return;
              const fen = parseYuan(value);
              if (Number.isNaN(fen)) throw new Error('请输入正确的金额，最多两位小数');
              if (fen <= 0) throw new Error('退款金额必须大于 0');
              if (fen > order.buyerPay) throw new Error(`退款金额不能超过实付款 ${yuan(order.buyerPay)}`);
            },
          },
        ]}
      >
        <InputNumber prefix="¥" stringMode precision={2} min="0" placeholder="请输入退款金额" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="备注说明" name="remark" rules={[{ max: REMARK_MAX, message: `备注说明不能超过 ${REMARK_MAX} 个字` }]}>
        <Input.TextArea rows={4} showCount maxLength={REMARK_MAX} placeholder="请具体描述问题，并与退款原因一致，便于平台审核" />
      </Form.Item>
      <Form.Item
        label="上传凭证"
        name="evidence"
        valuePropName="fileList"
        getValueFromEvent={(e) => (Array.isArray(e) ? e : e?.fileList)}
        extra="建议上传购买凭证（订单截图）和商品照片；退货退款还需填写退货物流信息"
      >
        <Upload listType="picture" accept="image/*,video/*" multiple maxCount={MAX_FILES} customRequest={fakeUpload}>
          <Button icon={<UploadOutlined />}>上传凭证</Button>
        </Upload>
      </Form.Item>
      {returning && (
        <>
          <Form.Item label="物流单号" name="trackingNo" rules={[{ pattern: /^\s*[A-Za-z0-9-]{6,32}\s*$/, message: '请输入正确的物流单号' }]}>
            <Input placeholder="请输入买家退货的物流单号" style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item label="快递公司" name="courier">
            <Input placeholder="请输入快递公司" style={{ maxWidth: 360 }} />
          </Form.Item>
        </>
      )}
      <Form.Item label=" " colon={false}>
        <div className="apply-actions">
          <Button type="primary" htmlType="submit" size="large" loading={submitting}>
            提交申请
          </Button>
          <Button size="large" onClick={onCancel}>
            返回订单
          </Button>
        </div>
      </Form.Item>
    </Form>
  );
}
