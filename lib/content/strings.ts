/*
 * The panel's words, zh-CN first (the back office is Chinese), en for English browsers. Case
 * status labels come from lib/cases/model.ts, rule explanations from the rules engine, the case
 * box's words and the advice's reasons from the background (lib/cases/shown.ts), the list pages'
 * words from ./list-model.ts; everything else the panel itself says is here. Kept short: every
 * byte ships in the panel's runtime (30 KB gzip budget).
 */
import type { LocalText } from '../i18n';
import { localText as t } from '../i18n';

export const STRINGS = {
  title: t('退款助手', 'Refund Helper'),
  collapse: t('收起', 'Collapse'),
  expand: t('展开退款助手', 'Open Refund Helper'),
  dockLeft: t('停靠到左侧', 'Dock on the left'),
  dockRight: t('停靠到右侧', 'Dock on the right'),
  resize: t('调整宽度', 'Resize'),
  fillElsewhere: t('填入快捷键只在申请退款页可用', 'The fill shortcut works on the refund application form'),

  'field.orderId': t('订单编号', 'Order no.'),
  'field.afterSaleId': t('售后单号', 'After-sale no.'),
  'field.orderStatus': t('订单状态', 'Status'),
  'field.paidAmount': t('实付金额', 'Paid'),
  'field.refundAmount': t('退款金额', 'Refund'),
  'field.trackingNo': t('物流单号', 'Tracking no.'),
  'field.courier': t('快递公司', 'Courier'),
  'field.shippingPayer': t('退货运费', 'Return postage'),
  'field.caseStatus': t('退款进度', 'Case'),
  'field.refundType': t('售后类型', 'Type'),
  typedByYou: t('手动填写', 'typed'),
  computed: t('（计算）', '(computed)'),
  fromData: t('（页面数据）', '(page data)'),
  dataConflictPaid: t('页面显示实付 {shown}，页面数据为 {data}', 'The page shows {shown} paid; its data says {data}'),

  'payer.seller': t('商家承担', 'Seller pays'),
  'payer.buyer': t('买家承担', 'Buyer pays'),
  'refundType.refund-only': t('仅退款', 'Refund only'),
  'refundType.return-refund': t('退货退款', 'Return and refund'),

  adviceTitle: t('建议', 'Advice'),
  'advice.cancel-order': t('直接取消订单', 'Cancel the order'),
  'advice.return-refund': t('申请退货退款', 'Return and refund'),
  'advice.refund-only': t('申请仅退款', 'Refund only'),
  'advice.locked': t('订单已结束，无需操作', 'Final; nothing to do'),
  'advice.confirm-refund': t('确认退款', 'Confirm the refund'),
  'advice.contact-support': t('联系客服', 'Contact support'),
  'advice.wait': t('等待平台处理', 'Wait for the platform'),
  'goTo.confirmRefund': t('定位到「确认退款」', 'Show the 确认退款 button'),
  'goTo.cancelOrder': t('定位到「取消订单」', 'Show the 取消订单 button'),
  'goTo.applyRefund': t('定位到「申请退款」', 'Show the 申请退款 button'),
  openAfterSale: t('打开售后详情', 'Open the after-sale'),
  noControl: t('页面上没有找到「{name}」', 'The page shows no {name} button'),

  missingTitle: t('未能读取，请核对后填写', 'Not found on the page: type it in'),
  missingSave: t('确定', 'Set'),
  missingEmpty: t('请填写内容', 'Type a value'),
  missingNegative: t('金额不能为负数', 'An amount cannot be negative'),
  missingChooseStatus: t('请选择订单状态', 'Choose a status'),
  missingBadId: t('4–64 位字母、数字、- 或 _，含数字', '4–64 letters, digits, - or _, with a digit'),

  formTitle: t('填写退款申请', 'Application'),
  refundTypeLabel: t('退款类型', 'Refund type'),
  reasonLabel: t('退款原因', 'Reason'),
  reasonChoose: t('请选择原因', 'Choose a reason'),
  reasonSuggested: t('建议', 'Suggested'),
  reasonOthers: t('其他', 'Others'),
  remarkLabel: t('备注说明', 'Remark'),
  expressTitle: t('极速退款', 'Express refund'),
  expressYes: t('符合', 'Eligible'),
  expressNo: t('不符合', 'Not eligible'),
  fill: t('一键填入页面表单', 'Fill the page’s form'),
  filling: t('正在填入…', 'Filling…'),
  fillFailed: t('未填入{field}：{reason}', 'Not filled, {field}: {reason}'),

  evidenceTitle: t('凭证清单', 'Evidence'),
  evidenceNone: t('无需退货凭证', 'No return evidence needed'),
  evidenceComplete: t('齐全', 'complete'),
  evidenceIncomplete: t('缺 {n} 项', '{n} missing'),
  evidenceTick: t('已准备好后点此勾选', 'Click to tick once provided'),

  warnTitle: t('凭证不完整', 'Evidence incomplete'),
  warnBlock: t('按店铺规则，凭证不全不能提交，请先补齐：', 'The shop’s rules block submitting until these are provided:'),
  warnWarn: t('以下凭证尚未提供，审核可能因此不通过：', 'These are not provided yet; the review may reject the application:'),
  warnAdd: t('去补充', 'Add them'),
  warnAnyway: t('仍要提交', 'Submit anyway'),

  duplicate: t('该订单已有进行中的退款（{status}），请勿重复申请。', 'This order already has an open refund ({status}); do not apply twice.'),
  reapply: t('上次申请「{status}」，这是新的申请，提交后单独记录。', 'The last application ended "{status}": this is a new one, recorded on its own.'),
  platformComment: t('平台意见', 'Platform comment'),
  reapplyAdd: t('请补充', 'Add'),

  nextTitle: t('下一步', 'Next'),

  supportTitle: t('联系客服话术', 'Message for support'),
  copy: t('复制', 'Copy'),
  allCases: t('全部退款', 'All refunds'),
  copied: t('已复制', 'Copied'),
  copyFailed: t('复制失败，请手动复制', 'Copy failed; select and copy it'),
  contacted: t('我已联系客服', 'I contacted support'),

  unknownStatus: t(
    '页面状态「{text}」未识别，未更新退款记录（可在设置 › 页面文字 › 售后状态文字中添加）',
    'The page’s status "{text}" is not recognised; no case was updated (add it in Settings › Page texts › After-sale status texts)',
  ),

  recorded: t('已记录退款申请（审核中）', 'Application recorded (under review)'),
  recordedDuplicate: t('该订单已有进行中的退款记录', 'This order already has an open case'),
  confirmRecorded: t('已记录「确认退款」', 'Recorded: refund confirmed'),
  actionFailed: t('未完成：{detail}', 'Not done: {detail}'),
} satisfies Record<string, LocalText>;

export type StringKey = keyof typeof STRINGS;
