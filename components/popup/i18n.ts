import type { LocalText } from '../../lib/i18n';
import type { CaseStatus } from '../../lib/cases/status';

export const POPUP_TEXT = {
  title: { 'zh-CN': '退款助手', en: 'Refund Helper' },
  settings: { 'zh-CN': '设置', en: 'Settings' },
  allCases: { 'zh-CN': '全部退款', en: 'All refunds' },
  needAttention: { 'zh-CN': '需要处理', en: 'Need attention' },
  searchPlaceholder: { 'zh-CN': '搜索订单号或售后单号', en: 'Search order or after-sale number' },
  searchLabel: { 'zh-CN': '搜索退款记录', en: 'Search refund cases' },
  searchNone: { 'zh-CN': '没有以「{q}」开头的订单号或售后单号', en: 'No order or after-sale number starts with "{q}"' },
  searchResults: { 'zh-CN': '搜索结果', en: 'Search results' },
  attentionList: { 'zh-CN': '待处理', en: 'To handle' },
  allClear: { 'zh-CN': '没有需要处理的退款，一切正常。', en: 'Nothing needs attention. All clear.' },
  emptyTitle: { 'zh-CN': '还没有退款记录', en: 'No refund cases yet' },
  emptyStep1: {
    'zh-CN': '在快手小店商家后台（s.kwaixiaodian.com）打开一个订单的详情页。',
    en: 'Open an order’s detail page in the Kuaishou merchant back office (s.kwaixiaodian.com).',
  },
  emptyStep2: {
    'zh-CN': '页面右侧会出现「退款助手」面板：选择退款类型和原因，一键填写申请表并核对凭证。',
    en: 'The Refund Helper panel appears beside the page: pick the refund type and reason, fill the form in one click and check the evidence.',
  },
  emptyStep3: {
    'zh-CN': '提交申请后，退款会记录在这里，审核结果和到账期限都会提醒你。',
    en: 'Once you submit, the refund is tracked here and you are reminded of reviews and arrival deadlines.',
  },
  emptySettings: { 'zh-CN': '可在设置中调整退款原因、凭证要求和时限。', en: 'Reasons, evidence and deadlines can be changed in Settings.' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  open: { 'zh-CN': '打开订单', en: 'Open order' },
  copy: { 'zh-CN': '复制客服话术', en: 'Copy support message' },
  copied: { 'zh-CN': '已复制', en: 'Copied' },
  contacted: { 'zh-CN': '已联系客服', en: 'Support contacted' },
  stop: { 'zh-CN': '停止跟踪', en: 'Stop tracking' },
  stopTitle: {
    'zh-CN': '不再提醒这笔退款，记录仍保留在「全部退款」里',
    en: 'No more reminders for this refund; it stays in All refunds',
  },
  orderNo: { 'zh-CN': '订单 {id}', en: 'Order {id}' },
  afterSale: { 'zh-CN': '售后单 {id}', en: 'After-sale {id}' },
  more: { 'zh-CN': '还有 {n} 条，请在「全部退款」中查看', en: '{n} more; see All refunds' },
  backOffice: { 'zh-CN': '商家后台', en: 'Back office' },
  orderList: { 'zh-CN': '订单列表', en: 'Orders' },
  refundList: { 'zh-CN': '售后列表', en: 'After-sales' },
  filterTitle: { 'zh-CN': '按状态筛选', en: 'Filter by status' },
  filterOn: { 'zh-CN': '只看「{s}」，再点一次显示全部', en: 'Showing only “{s}”; click again to show all' },
  filterOff: { 'zh-CN': '只看「{s}」', en: 'Show only “{s}”' },
  filtered: { 'zh-CN': '{s}（{n}）', en: '{s} ({n})' },
  showAll: { 'zh-CN': '显示全部', en: 'Show all' },
  filterEmpty: { 'zh-CN': '没有「{s}」的退款。', en: 'No refunds are “{s}”.' },
  retry: { 'zh-CN': '重试', en: 'Retry' },
} satisfies Record<string, LocalText>;

/** Short labels for the count tiles. */
export const STATUS_SHORT: Record<CaseStatus, LocalText> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  reviewing: { 'zh-CN': '审核中', en: 'Reviewing' },
  approved: { 'zh-CN': '待确认', en: 'Approved' },
  confirmed: { 'zh-CN': '待到账', en: 'Confirmed' },
  refunded: { 'zh-CN': '已退款', en: 'Refunded' },
  rejected: { 'zh-CN': '不通过', en: 'Rejected' },
  failed: { 'zh-CN': '失败', en: 'Failed' },
  escalated: { 'zh-CN': '已找客服', en: 'Escalated' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};
