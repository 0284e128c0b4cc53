import { SNAPSHOT_FIELDS } from '../order';
import type { SiteTexts } from './texts.schema';

/**
 * What one platform's pages say, as data the merchant can edit on the options page
 * (for when the back office renames something). Reading a page is driven by these texts,
 * never by fixed selectors or hashed class names. No zod here (content-script bundle size);
 * the schema that validates edited texts is ./texts.schema.ts.
 */
/** What a page can be read for: the snapshot's fields and the after-sale status. */
export const READ_FIELDS = [...SNAPSHOT_FIELDS, 'afterSaleStatus'] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/**
 * After-sale statuses a page can show, mapped onto case statuses. `confirmed` is 退款执行中
 * (platform status 50): the merchant pressed 确认退款, possibly in another tab.
 */
export const OBSERVED_STATUSES = ['reviewing', 'approved', 'confirmed', 'refunded', 'rejected', 'failed', 'closed'] as const;
export type ObservedStatus = (typeof OBSERVED_STATUSES)[number];

export const FORM_FIELDS = ['refundType', 'reason', 'amount', 'remark', 'evidence', 'trackingNo', 'courier'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type { SiteTexts };

/** What the Kuaishou merchant back office shows, with the synonyms seen there. */
export const KUAISHOU_TEXTS: SiteTexts = {
  labels: {
    orderId: ['订单编号', '订单号'],
    afterSaleId: ['售后单号', '售后编号', '退款编号'],
    status: ['订单状态'],
    goodsTotal: ['商品总价', '商品金额', '商品总额'],
    discount: ['优惠', '优惠金额', '店铺优惠', '平台优惠'],
    shippingFee: ['运费'],
    paidAmount: ['实付款', '实付金额', '买家实付'],
    refundAmount: ['退款金额'],
    paymentMethod: ['支付方式', '付款方式'],
    trackingNo: ['物流单号', '运单号', '快递单号'],
    courier: ['快递公司', '物流公司'],
    refundType: ['售后类型', '退款类型'],
    afterSaleStatus: ['售后状态', '退款状态'],
  },
  orderStatusTexts: {
    unpaid: ['待付款', '未付款'],
    unshipped: ['待发货', '未发货'],
    shipped: ['已发货', '待收货'],
    delivered: ['已签收', '已收货'],
    completed: ['交易成功', '已完成'],
    refunding: ['退款中', '售后中'],
    refunded: ['已退款', '退款成功'],
    closed: ['已关闭', '交易关闭'],
  },
  afterSaleStatusTexts: {
    reviewing: ['待审核', '等待审核', '审核中', '平台介入', '待商家处理'],
    approved: ['审核通过', '待确认退款'],
    confirmed: ['退款执行中', '已确认退款'],
    refunded: ['退款成功', '已退款'],
    rejected: ['审核不通过', '审核未通过', '已拒绝'],
    failed: ['退款失败'],
    closed: ['售后关闭', '已关闭'],
  },
  refundTypeTexts: {
    'refund-only': ['仅退款'],
    'return-refund': ['退货退款'],
  },
  formLabels: {
    refundType: ['退款类型', '售后类型'],
    reason: ['退款原因'],
    amount: ['退款金额'],
    remark: ['备注说明', '补充描述', '备注'],
    evidence: ['上传凭证', '凭证'],
    trackingNo: ['物流单号', '运单号', '快递单号'],
    courier: ['快递公司', '物流公司'],
  },
  buttons: {
    submit: ['提交申请', '提交'],
    confirmRefund: ['确认退款'],
    applyRefund: ['申请退款'],
  },
};
