import { SNAPSHOT_FIELDS } from '../order';
import type { SiteTexts } from './texts.schema';
import { KUAISHOU_STATUS_CODES } from './kuaishou/codes';

/**
 * What one platform's pages say, as data the merchant can edit on the options page
 * (for when the back office renames something). Reading a page is driven by these texts,
 * never by fixed selectors or hashed class names. No zod here (content-script bundle size);
 * the schema that validates edited texts is ./texts.schema.ts.
 */
/**
 * What a page can be read for: the snapshot's fields, the after-sale status, the platform's comment
 * on the after-sale (平台意见) and when it was applied for (申请时间).
 */
export const READ_FIELDS = [...SNAPSHOT_FIELDS, 'afterSaleStatus', 'platformComment', 'appliedAt'] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/**
 * After-sale statuses a page can show, mapped onto case statuses. `confirmed` is 退款执行中
 * (platform status 50): the merchant pressed 确认退款, possibly in another tab. `escalated` is
 * 平台介入 (20–23): the platform's customer service has taken the after-sale up, which is where
 * a case stands once support is involved; what is left to the merchant is to follow up, not to wait
 * for an ordinary review (whose reminder would nag to contact the support already on it).
 */
export const OBSERVED_STATUSES = ['reviewing', 'approved', 'confirmed', 'refunded', 'rejected', 'failed', 'escalated', 'closed'] as const;
export type ObservedStatus = (typeof OBSERVED_STATUSES)[number];

export const FORM_FIELDS = ['refundType', 'reason', 'amount', 'remark', 'evidence', 'trackingNo', 'courier'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type { SiteTexts };

/**
 * What the Kuaishou merchant back office shows, with the synonyms seen there.
 *
 * Status texts are matched exactly first, else by the longest table text the page text contains
 * (matchText): so each wording is listed whole, and no entry is a bare word that other statuses
 * contain (退款, 关闭, 拒绝): 退款中 stays 退款中, 平台审核不通过 is 审核不通过, never 审核通过.
 * Platform status codes (open platform `status`) and their wordings in the list, the detail and
 * the export:
 * - 10/11 买家仅退款申请 / 买家退货退款申请, 待审核, 待商家处理 → reviewing;
 * - 20–23 平台介入… → escalated (the platform's customer service has the after-sale);
 * - 30 (商品)回寄信息待买家更新 = 待买家退货, 40 回寄信息待卖家确认 = 买家已退货/待商家收货,
 *   45 待买家确认收货 → approved: the application was agreed to and the refund has not run yet;
 * - 50 退款执行中 = 退款中 → confirmed; 60 退款成功 = 已退款 → refunded;
 * - 70 ends as 审核不通过 / 商家拒绝 (rejected), 退款失败 (failed), 退款关闭 / 售后关闭 / 已撤销 /
 *   买家撤销 (closed).
 */
export const KUAISHOU_TEXTS: SiteTexts = {
  labels: {
    orderId: ['订单编号', '订单号'],
    afterSaleId: ['售后单号', '售后编号', '退款编号', '退款单号'],
    status: ['订单状态'],
    goodsTotal: ['商品总价', '商品金额', '商品总额'],
    discount: ['优惠', '优惠金额', '店铺优惠', '平台优惠'],
    shippingFee: ['运费'],
    paidAmount: ['实付款', '实付金额', '买家实付'],
    refundAmount: ['退款金额', '申请金额'],
    paymentMethod: ['支付方式', '付款方式'],
    trackingNo: ['物流单号', '运单号', '快递单号'],
    courier: ['快递公司', '物流公司'],
    refundType: ['售后类型', '退款类型', '申请类型'],
    afterSaleStatus: ['售后状态', '退款状态'],
    platformComment: ['平台意见', '审核意见', '平台审核意见', '驳回原因', '拒绝原因', '失败原因'],
    appliedAt: ['申请时间', '售后申请时间'],
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
    reviewing: ['待审核', '等待审核', '审核中', '待商家处理', '买家仅退款申请', '买家退货退款申请'],
    approved: ['审核通过', '待确认退款', '商家同意', '待买家退货', '回寄信息待买家更新', '买家已退货', '待商家收货', '回寄信息待卖家确认', '待买家确认收货'],
    confirmed: ['退款执行中', '已确认退款', '退款中'],
    refunded: ['退款成功', '已退款'],
    rejected: ['审核不通过', '审核未通过', '已拒绝', '商家拒绝', '商家驳回'],
    failed: ['退款失败'],
    escalated: ['平台介入', '平台介入中', '平台介入-买家仅退款申请', '平台介入-买家退货退款申请', '平台介入-已确认退货退款', '平台介入-待买家确认收货'],
    closed: ['售后关闭', '退款关闭', '已关闭', '已撤销', '买家撤销', '买家已撤销'],
  },
  refundTypeTexts: {
    'refund-only': ['仅退款'],
    'return-refund': ['退货退款'],
  },
  formLabels: {
    refundType: ['退款类型', '售后类型', '申请类型'],
    reason: ['退款原因', '申请原因'],
    amount: ['退款金额', '申请金额'],
    remark: ['备注说明', '问题描述', '补充描述', '退款说明', '补充说明', '备注'],
    evidence: ['上传凭证', '图片凭证', '凭证'],
    trackingNo: ['物流单号', '运单号', '快递单号'],
    courier: ['快递公司', '物流公司'],
  },
  afterSaleStatusCodes: KUAISHOU_STATUS_CODES,
  buttons: {
    submit: ['提交申请', '提交'],
    confirmRefund: ['确认退款'],
    applyRefund: ['申请退款'],
    cancelOrder: ['取消订单'],
  },
};
