import { KUAISHOU_TEXTS } from '../sites/texts';
import { DEFAULT_DEADLINES, DEFAULT_NOTIFICATIONS } from './constants';
import type { RuleSet } from './schema';

/*
 * The default rule set: what the platform's merchant guide "快手小店移动端极速退款教程"
 * says. Every rule carries a `note` naming where it comes from, so the options page can show it.
 * No zod here (only a type import): the content script uses these defaults before the stored
 * rules arrive.
 */

const GUIDE = '快手小店移动端极速退款教程';

export const DEFAULT_RULES: RuleSet = {
  version: 4,
  // Remark templates: "（请…）" (en "(please …)") marks an instruction the merchant replaces; one left
  // in the remark counts as missing evidence (lib/rules/evaluate.ts leftInstruction).
  reasons: [
    {
      id: 'quality',
      label: { 'zh-CN': '质量问题', en: 'Quality problem' },
      category: 'quality',
      fault: 'seller',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 商品存在质量问题：（请具体描述问题，如开线、无法使用），申请退款 {amount}。',
        en: 'Order {orderId}: the goods have a quality problem: (please describe it concretely), refund requested: {amount}.',
      },
      note: `${GUIDE}：质量问题属于商家责任，退货运费由商家承担；备注应具体描述问题并与所选原因一致。`,
    },
    {
      id: 'not-as-described',
      label: { 'zh-CN': '与描述不符', en: 'Not as described' },
      category: 'not-as-described',
      fault: 'seller',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 收到的商品与描述不符：（请说明哪里不符，如颜色、尺寸、材质），申请退款 {amount}。',
        en: 'Order {orderId}: the goods are not as described: (please say what differs, e.g. colour, size, material), refund requested: {amount}.',
      },
      note: `${GUIDE}：与描述不符属于商家责任，退货运费由商家承担。`,
    },
    {
      id: 'wrong-item',
      label: { 'zh-CN': '发错货', en: 'Wrong item sent' },
      category: 'wrong-item',
      fault: 'seller',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 发错货：（请说明收到的商品与订购的商品），申请退款 {amount}。',
        en: 'Order {orderId}: the wrong item was sent: (please say what arrived and what was ordered), refund requested: {amount}.',
      },
      note: `${GUIDE}：发错货属于商家责任，退货运费由商家承担。`,
    },
    {
      id: 'damaged',
      label: { 'zh-CN': '破损', en: 'Damaged' },
      category: 'damaged',
      fault: 'courier',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 商品到货破损：（请描述破损位置和程度），申请退款 {amount}。',
        en: 'Order {orderId}: the goods arrived damaged: (please describe where and how badly), refund requested: {amount}.',
      },
      note: `${GUIDE}：破损不是买家原因，退货运费由商家承担（运输破损由商家向快递追责）；凭证可以是照片或视频。`,
    },
    {
      id: 'missing-parts',
      label: { 'zh-CN': '少件/漏发', en: 'Missing parts' },
      category: 'missing',
      fault: 'seller',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 少件/漏发：（请说明缺少的商品或配件），申请退款 {amount}。',
        en: 'Order {orderId}: parts are missing: (please say which goods or parts), refund requested: {amount}.',
      },
      note: `${GUIDE}：少件、漏发属于商家责任，退货运费由商家承担。`,
    },
    {
      id: 'not-received',
      label: { 'zh-CN': '未收到货', en: 'Not received' },
      category: 'logistics',
      fault: 'courier',
      refundTypes: ['refund-only'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 已发货但未收到货（物流单号 {trackingNo}，{courier}），申请仅退款 {amount}。',
        en: 'Order {orderId} was shipped but not received (tracking number {trackingNo}, {courier}); refund only requested: {amount}.',
      },
      note: `${GUIDE}：未收到货时无货可退，选择仅退款，无需退货凭证。`,
    },
    {
      id: 'changed-mind',
      label: { 'zh-CN': '不想要了/七天无理由', en: 'Changed mind (7-day no-reason return)' },
      category: 'buyer',
      fault: 'buyer',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 买家不想要了（七天无理由），申请退款 {amount}。',
        en: 'Order {orderId}: the buyer changed their mind (7-day no-reason return), refund requested: {amount}.',
      },
      note: `${GUIDE}：买家自身原因（如不想要了）的退货运费由买家承担。`,
    },
    {
      id: 'other',
      label: { 'zh-CN': '其他', en: 'Other' },
      category: 'other',
      fault: 'unknown',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: {
        'zh-CN': '订单 {orderId} 申请退款 {amount}，原因：（请具体说明）。',
        en: 'Order {orderId}: refund requested: {amount}; reason: (please explain concretely).',
      },
      note: `${GUIDE}：备注应具体描述问题并与所选原因一致。`,
    },
  ],
  evidence: [
    {
      id: 'purchase-proof',
      label: { 'zh-CN': '购买凭证', en: 'Proof of purchase' },
      kind: 'photo',
      satisfiedBy: { type: 'manual' },
      appliesTo: { refundTypes: ['return-refund'] },
      why: {
        'zh-CN': '退货退款需要购买凭证（如订单截图），请确认已上传后勾选。',
        en: 'A return and refund needs proof of purchase (e.g. an order screenshot); tick it once uploaded.',
      },
      note: `${GUIDE}：退货退款需提供购买凭证（如订单截图）。`,
    },
    {
      id: 'product-photos',
      label: { 'zh-CN': '商品照片', en: 'Product photos' },
      kind: 'photo',
      satisfiedBy: { type: 'uploads', min: 1 },
      appliesTo: { refundTypes: ['return-refund'] },
      why: {
        'zh-CN': '退货退款需要上传商品照片，展示问题所在。',
        en: 'A return and refund needs photos of the goods that show the problem.',
      },
      note: `${GUIDE}：退货退款需提供商品照片；凭证可以是照片、文字或视频。`,
    },
    {
      id: 'tracking-number',
      label: { 'zh-CN': '物流单号', en: 'Tracking number' },
      kind: 'text',
      satisfiedBy: { type: 'field', field: 'trackingNo', pattern: '^[A-Za-z0-9]{8,30}$' },
      appliesTo: { refundTypes: ['return-refund'] },
      why: {
        'zh-CN': '退货退款需要填写退货的物流单号（8–30 位字母或数字）。',
        en: 'A return and refund needs the return tracking number (8–30 letters or digits).',
      },
      note: `${GUIDE}：退货退款需提供物流单号。`,
    },
    {
      id: 'courier',
      label: { 'zh-CN': '快递公司名称', en: 'Courier company' },
      kind: 'text',
      satisfiedBy: { type: 'field', field: 'courier', pattern: '\\S' },
      appliesTo: { refundTypes: ['return-refund'] },
      why: {
        'zh-CN': '退货退款需要填写快递公司名称。',
        en: 'A return and refund needs the name of the courier company.',
      },
      note: `${GUIDE}：退货退款需提供快递公司名称；仅退款无需退货凭证。`,
    },
  ],
  shipping: {
    rules: [
      {
        faults: ['seller', 'courier'],
        payer: 'seller',
        why: {
          'zh-CN': '质量问题或商家原因（含运输问题）导致的退货，运费由商家承担。',
          en: 'When the cause is a quality problem or the seller’s fault (incl. transport), the seller pays return shipping.',
        },
        note: `${GUIDE}：质量问题或商家原因，退货运费由商家承担。`,
      },
      {
        faults: ['buyer'],
        payer: 'buyer',
        why: {
          'zh-CN': '买家自身原因（如不想要了）导致的退货，运费由买家承担。',
          en: 'When the cause is the buyer’s own (e.g. changed mind), the buyer pays return shipping.',
        },
        note: `${GUIDE}：买家自身原因（如不想要了），退货运费由买家承担。`,
      },
    ],
    fallback: 'seller',
  },
  deadlines: { ...DEFAULT_DEADLINES },
  express: {
    enabled: true,
    maxAmount: 20000,
    orderStatuses: ['unshipped', 'shipped', 'delivered'],
    refundTypes: ['refund-only'],
    note: `${GUIDE}：极速退款只适用于部分商品和情形；此处的条件（仅退款、实付不超过 ¥200.00）是示例，请按店铺实际情况修改。`,
  },
  submit: { onMissingEvidence: 'warn' },
  notifications: { ...DEFAULT_NOTIFICATIONS },
  sites: { kuaishou: KUAISHOU_TEXTS },
};

/** A deep copy of the defaults, safe to edit. */
export function defaultRules(): RuleSet {
  return structuredClone(DEFAULT_RULES);
}
