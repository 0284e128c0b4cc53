import type { LocalText } from '../../lib/i18n';
import type { RefundType } from '../../lib/order';
import type { Category, EvidenceField, EvidenceKind, Fault, Payer } from '../../lib/rules/constants';
import type { Advice } from '../../lib/rules/evaluate';
import type { FormField, ObservedStatus, ReadField } from '../../lib/sites/texts';
import { localText as t } from '../../lib/i18n';

export const OPT = {
  title: t('退款助手 · 设置', 'Refund Helper · Settings'),
  loading: t('加载中…', 'Loading…'),
  navLabel: t('设置分区', 'Settings sections'),
  allCases: t('全部退款与统计 ↗', 'All refunds and statistics ↗'),
  // sections
  secReasons: t('退款原因', 'Refund reasons'),
  secEvidence: t('凭证规则', 'Evidence rules'),
  secShipping: t('退货运费', 'Return shipping'),
  secTiming: t('时限与提交', 'Deadlines & submit'),
  secExpress: t('极速退款', 'Express refund'),
  secSites: t('高级', 'Advanced'),
  sitesTitle: t('页面文字', 'Page texts'),
  sitesToggle: t('后台改版、识别不到字段时再来这里', 'Only needed when the back office changes its wording'),
  secNotifications: t('通知', 'Notifications'),
  secData: t('数据', 'Data'),
  descReasons: t('面板里可选的退款原因，以及每个原因自动生成的备注模板。', 'The reasons the panel offers, and the remark each one writes for you.'),
  descEvidence: t(
    '在什么情况下需要哪些凭证，以及怎样算已提供。列表为空表示「任何」。',
    'Which evidence is needed when, and what counts as provided. An empty list means "any".',
  ),
  descShipping: t('按责任方决定退货运费由谁承担。', 'Who pays return shipping, by who is at fault.'),
  descTiming: t('提醒时限从进入对应状态时开始计算。', 'Each deadline starts when a case enters the matching status.'),
  descExpress: t('满足以下全部条件的订单，面板会提示可以走极速退款。', 'The panel says an order qualifies for express refund when it meets all of these.'),
  descSites: t(
    '退款助手按这些文字识别后台页面上的字段和状态。后台改了说法时，在这里添上新的说法，多个用逗号分隔。',
    'The extension finds fields and statuses on the back-office pages by these texts. When the back office renames something, add the new wording here; separate several with commas.',
  ),
  descNotifications: t('哪些变化会弹出浏览器通知。', 'Which changes show a browser notification.'),
  descData: t('规则的导入导出、退款记录导出、备份与恢复。', 'Import and export rules, export cases, back up and restore.'),
  // save bar
  unsaved: t('有未保存的更改', 'Unsaved changes'),
  invalid: t('有 {n} 处需要修改，修改前不会保存', '{n} problem(s) to fix; nothing is saved until they are fixed'),
  save: t('保存', 'Save'),
  saving: t('保存中…', 'Saving…'),
  discard: t('放弃更改', 'Discard'),
  saved: t('已保存，立即生效', 'Saved; in effect now'),
  warning: t('注意', 'Note'),
  // common
  add: t('添加', 'Add'),
  remove: t('删除', 'Remove'),
  edit: t('编辑', 'Edit'),
  collapse: t('收起', 'Collapse'),
  zh: t('中文', 'Chinese'),
  en: t('英文', 'English'),
  any: t('任何', 'any'),
  source: t('依据', 'Source'),
  unnamed: t('（未命名）', '(no name)'),
  label: t('名称', 'Label'),
  hours: t('小时', 'hours'),
  commaHint: t('多个用逗号分隔', 'separate several with commas'),
  // reasons
  reasonAdd: t('添加原因', 'Add a reason'),
  newReason: t('新原因', 'New reason'),
  category: t('类别', 'Category'),
  fault: t('责任方', 'At fault'),
  refundTypes: t('适用的退款类型', 'Refund types'),
  remarkTemplate: t('备注模板', 'Remark template'),
  templateVars: t('可用变量：', 'Variables:'),
  preview: t('预览（示例订单）', 'Preview (sample order)'),
  removeReasonLast: t('至少需要保留一个原因', 'At least one reason must remain'),
  // evidence
  evidenceAdd: t('添加凭证', 'Add evidence'),
  newEvidence: t('新凭证', 'New evidence'),
  kind: t('凭证形式', 'Kind'),
  satisfiedBy: t('怎样算已提供', 'Counts as provided when'),
  byUploads: t('上传了至少 N 个文件', 'at least N files are uploaded'),
  byField: t('表单字段符合格式', 'a form field matches a pattern'),
  byManual: t('商家手动勾选', 'the merchant ticks it'),
  minUploads: t('最少文件数', 'Minimum files'),
  field: t('字段', 'Field'),
  pattern: t('格式（正则表达式）', 'Pattern (regular expression)'),
  appliesTo: t('何时需要', 'Applies when'),
  reasonCategories: t('原因类别', 'Reason categories'),
  orderStatuses: t('订单状态', 'Order statuses'),
  why: t('提示文字', 'Hint shown in the panel'),
  // tester
  tester: t('规则测试', 'Rule tester'),
  testerDesc: t(
    '选择一种情况，看看面板会要求哪些凭证、给出什么建议（使用当前编辑中的规则）。',
    'Pick a situation to see the evidence the panel will ask for and its advice (uses the rules being edited).',
  ),
  refundType: t('退款类型', 'Refund type'),
  reason: t('原因', 'Reason'),
  orderStatus: t('订单状态', 'Order status'),
  requiredEvidence: t('需要的凭证', 'Evidence required'),
  noEvidence: t('不需要凭证', 'No evidence required'),
  advice: t('建议', 'Advice'),
  shippingPayer: t('退货运费', 'Return shipping'),
  express: t('极速退款', 'Express refund'),
  eligible: t('适用', 'eligible'),
  notEligible: t('不适用', 'not eligible'),
  noReason: t('（不选原因）', '(no reason)'),
  // shipping
  shippingAdd: t('添加规则', 'Add a rule'),
  shippingSentence: t('{when}时，退货运费由{payer}承担', 'When {when}, {payer} pays return shipping'),
  shippingNoFault: t('（未选责任方）', '(no party chosen)'),
  faultUnknown: t('责任不明', 'fault is unclear'),
  faultIs: t('是{who}的责任', '{who} is at fault'),
  or: t('或', ' or '),
  orClause: t('，或', ', or '),
  faults: t('责任方', 'At fault'),
  payer: t('运费承担方', 'Payer'),
  fallback: t('其他情况由谁承担', 'Otherwise paid by'),
  // timing
  reviewReminderHours: t('审核提醒', 'Review reminder'),
  reviewReminderHint: t('提交后超过这么久仍在审核，提醒你跟进。', 'Remind you when a review is still pending this long after submitting.'),
  arrivalWindowHours: t('到账时限', 'Arrival window'),
  arrivalWindowHint: t(
    '点击「确认退款」（或页面显示退款执行中）后多久内应到账；超过即为「超时」。平台说明一般为 24 小时。',
    'How long after you confirm the refund (or the page shows 退款执行中) the money should arrive; past that a case is overdue. The platform says 24 hours in general.',
  ),
  confirmReminderHours: t('确认退款提醒', 'Reminder to confirm'),
  confirmReminderHint: t(
    '审核通过后超过这么久仍未点击「确认退款」，就提醒您。未确认前钱不会退出，也不算超时。',
    'Remind you when a refund approved this long ago is still not confirmed. Until you confirm, the money does not move and the case is not overdue.',
  ),
  supportFollowUpHours: t('客服跟进', 'Support follow-up'),
  supportFollowUpHint: t('联系客服后多久提醒你再次跟进。', 'How long after contacting support to remind you to follow up.'),
  onMissing: t('缺少凭证时提交', 'Submitting with evidence missing'),
  onMissingWarn: t('提醒，但允许提交', 'Warn, but let it through'),
  onMissingBlock: t('阻止提交', 'Block the submit'),
  // express
  expressEnabled: t('启用极速退款提示', 'Show express-refund eligibility'),
  maxAmount: t('实付金额上限', 'Paid amount at most'),
  maxAmountHint: t('例如 200 或 ¥200.00', 'e.g. 200 or ¥200.00'),
  expressCategoriesHint: t('不选表示任何原因', 'none selected: any reason'),
  // sites
  siteKuaishou: t('快手小店', 'Kuaishou shop'),
  labels: t('字段标签', 'Field labels'),
  orderStatusTexts: t('订单状态文字', 'Order status texts'),
  afterSaleStatusTexts: t('售后状态文字', 'After-sale status texts'),
  afterSaleStatusCodes: t('售后状态码（页面自身数据，如 40、70/3）', 'After-sale status codes (the page’s own data, e.g. 40, 70/3)'),
  refundTypeTexts: t('退款类型文字', 'Refund type texts'),
  formLabels: t('申请表标签', 'Application form labels'),
  buttons: t('按钮文字', 'Button texts'),
  btnSubmit: t('提交按钮', 'Submit button'),
  btnConfirmRefund: t('确认退款按钮', 'Confirm-refund button'),
  btnApplyRefund: t('申请退款按钮', 'Apply-for-refund button'),
  btnCancelOrder: t('取消订单按钮', 'Cancel-order button'),
  // notifications
  notifyApproved: t('审核通过', 'Approved'),
  notifyRejected: t('审核不通过', 'Rejected'),
  notifyFailed: t('退款失败', 'Refund failed'),
  notifyOverdue: t('到账超时', 'Arrival overdue'),
  // data
  rulesHeading: t('规则', 'Rules'),
  rulesExport: t('导出规则（JSON）', 'Export rules (JSON)'),
  rulesImport: t('从文件导入规则', 'Import rules from a file'),
  rulesImportHint: t(
    '整个文件有效才会导入；否则列出每个问题的位置，当前规则不变。',
    'A file is imported only when all of it is valid; otherwise each problem is listed with its place and the current rules stay.',
  ),
  rulesLimitsHint: t(
    '规则最大 {cap}（默认规则约 20 KB），超出的文件不会导入或恢复。凭证的格式（正则表达式）在快手后台页面上运行：可能让页面卡住的写法（如嵌套重复 (a+)+）会被拒绝，且只检查字段的前 {n} 个字符。',
    'Rules may be up to {cap} (the defaults are about 20 KB); a larger file is not imported or restored. Evidence patterns (regular expressions) run on the back-office page: a pattern that could freeze the page (nested repetition such as (a+)+) is refused, and only the first {n} characters of a field are checked.',
  ),
  rulesPaste: t('或粘贴规则 JSON', 'Or paste rules JSON'),
  rulesPasteApply: t('导入粘贴的内容', 'Import the pasted JSON'),
  rulesImported: t('已导入规则并生效', 'Rules imported and in effect'),
  rulesMigrated: t('（已从第 {v} 版格式升级）', '(upgraded from format version {v})'),
  rulesErrorTitle: t('未导入：文件有 {n} 个问题', 'Not imported: the file has {n} problem(s)'),
  rulesReset: t('恢复默认规则', 'Reset to the default rules'),
  rulesResetAsk: t(
    '确定要用默认规则替换当前所有规则吗？此操作无法撤销（可先导出备份）。',
    'Replace all current rules with the defaults? This cannot be undone (export them first to keep a copy).',
  ),
  rulesResetYes: t('确定恢复默认', 'Yes, reset'),
  rulesResetDone: t('已恢复默认规则', 'The default rules are back'),
  cancel: t('取消', 'Cancel'),
  casesHeading: t('退款记录', 'Refund cases'),
  casesExportCsv: t('导出 CSV（表格）', 'Export CSV (spreadsheet)'),
  casesExportJson: t('导出 JSON', 'Export JSON'),
  casesImport: t('导入退款记录（JSON）', 'Import cases (JSON)'),
  casesImported: t(
    '导入完成：新增 {added} 条，更新 {updated} 条（文件中的更新），跳过 {skipped} 条（本地的相同或更新，保留本地的）',
    'Import done: {added} added, {updated} updated (the file’s copy was newer), {skipped} skipped (the stored copy is the same or newer and was kept)',
  ),
  casesImportHint: t(
    '最多 200,000 条。按退款记录合并：已有的记录只会被文件中更新的版本替换，从不被旧版本覆盖；文件有问题时不导入任何内容。',
    'Up to 200,000 cases. Merged case by case: a stored case is replaced only by a newer copy from the file, never by an older one; a file with a problem imports nothing.',
  ),
  progressRead: t('正在读取文件…', 'Reading the file…'),
  progressWrite: t('正在检查并写入 {done} / {total} 条（请勿关闭页面）…', 'Checking and writing {done} / {total} cases (keep this page open)…'),
  progressWriteStream: t(
    '正在检查并写入：已写入 {done} 条，文件已读 {pct}（请勿关闭页面）…',
    'Checking and writing: {done} cases written, {pct} of the file read (keep this page open)…',
  ),
  progressSave: t('正在生成文件 {done} / {total} 条', 'Building the file: {done} / {total} cases'),
  progressLabel: t('进度', 'Progress'),
  cancelled: t('已取消，未写入任何内容。', 'Cancelled; nothing was written.'),
  saveCancelled: t('已取消，未生成文件。', 'Cancelled; no file was made.'),
  busy: t('请等当前操作完成。', 'Wait for the current operation to finish.'),
  exported: t('已生成 {name}', '{name} created'),
  exportedCount: t('已生成 {name}（{n} 条退款记录）', '{name} created ({n} cases)'),
  backupHeading: t('备份与恢复', 'Backup and restore'),
  backup: t('备份全部数据', 'Back up everything'),
  backupHint: t('一个文件包含规则和全部退款记录。', 'One file holds the rules and every case.'),
  restore: t('从备份恢复', 'Restore from a backup'),
  restoreHint: t('规则和记录都有效才会恢复，会替换当前数据。', 'Restores only when rules and cases are all valid; replaces the current data.'),
  restored: t('已恢复：{n} 条退款记录和规则', 'Restored: {n} case(s) and the rules'),
  dangerHeading: t('删除数据', 'Delete data'),
  deleteAll: t('删除全部数据…', 'Delete all data…'),
  deleteAsk: t(
    '将删除全部退款记录并恢复默认规则，无法撤销。请输入「{word}」确认：',
    'This deletes every case and resets the rules, and cannot be undone. Type "{word}" to confirm:',
  ),
  deleteWord: t('删除', 'DELETE'),
  deleteYes: t('永久删除', 'Delete permanently'),
  deleted: t('已删除 {n} 条退款记录，规则已恢复默认', '{n} case(s) deleted; the rules are back to the defaults'),
  failed: t('操作失败：', 'Failed: '),
  problemsTitle: t('未完成：有 {n} 个问题', 'Not done: {n} problem(s)'),
} satisfies Record<string, LocalText>;

export type OptKey = keyof typeof OPT;

export const CATEGORY_LABELS: Record<Category, LocalText> = {
  quality: t('质量问题', 'Quality'),
  'not-as-described': t('与描述不符', 'Not as described'),
  'wrong-item': t('发错货', 'Wrong item'),
  damaged: t('破损', 'Damaged'),
  missing: t('少件/漏发', 'Missing parts'),
  logistics: t('物流', 'Logistics'),
  buyer: t('买家原因', 'Buyer’s own reason'),
  other: t('其他', 'Other'),
};

export const FAULT_LABELS: Record<Fault, LocalText> = {
  seller: t('商家', 'Seller'),
  buyer: t('买家', 'Buyer'),
  courier: t('快递', 'Courier'),
  unknown: t('不确定', 'Unknown'),
};

export const PAYER_LABELS: Record<Payer, LocalText> = { seller: t('商家', 'Seller'), buyer: t('买家', 'Buyer') };

export const REFUND_TYPE_LABELS: Record<RefundType, LocalText> = {
  'refund-only': t('仅退款', 'Refund only'),
  'return-refund': t('退货退款', 'Return and refund'),
};

export { ORDER_STATUS_LABELS } from '../../lib/order';

export const KIND_LABELS: Record<EvidenceKind, LocalText> = {
  photo: t('照片', 'Photo'),
  text: t('文字', 'Text'),
  video: t('视频', 'Video'),
  any: t('任意', 'Any'),
};

export const FIELD_LABELS: Record<EvidenceField, LocalText> = {
  trackingNo: t('物流单号', 'Tracking number'),
  courier: t('快递公司', 'Courier'),
  remark: t('备注说明', 'Remark'),
};

export const ADVICE_LABELS: Record<Advice, LocalText> = {
  'cancel-order': t('取消订单', 'Cancel the order'),
  'return-refund': t('退货退款', 'Return and refund'),
  'refund-only': t('仅退款', 'Refund only'),
  locked: t('不可操作', 'Nothing to do'),
  'confirm-refund': t('确认退款', 'Confirm the refund'),
  'contact-support': t('联系客服', 'Contact support'),
  wait: t('等待', 'Wait'),
};

export const READ_FIELD_LABELS: Record<ReadField, LocalText> = {
  orderId: t('订单编号', 'Order number'),
  afterSaleId: t('售后单号', 'After-sale number'),
  status: t('订单状态', 'Order status'),
  goodsTotal: t('商品总价', 'Goods total'),
  discount: t('优惠', 'Discount'),
  shippingFee: t('运费', 'Shipping fee'),
  paidAmount: t('实付款', 'Paid amount'),
  refundAmount: t('退款金额', 'Refund amount'),
  paymentMethod: t('支付方式', 'Payment method'),
  trackingNo: t('物流单号', 'Tracking number'),
  courier: t('快递公司', 'Courier'),
  refundType: t('售后类型', 'After-sale type'),
  afterSaleStatus: t('售后状态', 'After-sale status'),
  platformComment: t('平台意见', 'Platform comment'),
  appliedAt: t('申请时间', 'Applied at'),
};

export const OBSERVED_STATUS_LABELS: Record<ObservedStatus, LocalText> = {
  reviewing: t('审核中', 'In review'),
  approved: t('审核通过', 'Approved'),
  confirmed: t('退款执行中', 'Refund in progress'),
  refunded: t('已退款', 'Refunded'),
  rejected: t('审核不通过', 'Rejected'),
  failed: t('退款失败', 'Failed'),
  escalated: t('平台介入', 'Platform intervening'),
  closed: t('已关闭', 'Closed'),
};

export const FORM_FIELD_LABELS: Record<FormField, LocalText> = {
  refundType: t('退款类型', 'Refund type'),
  reason: t('退款原因', 'Reason'),
  amount: t('退款金额', 'Amount'),
  remark: t('备注说明', 'Remark'),
  evidence: t('上传凭证', 'Evidence upload'),
  trackingNo: t('物流单号', 'Tracking number'),
  courier: t('快递公司', 'Courier'),
};
