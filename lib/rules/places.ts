/*
 * Where a problem in a rule set is, in the merchant's words: "原因「质量问题」的备注模板（中文）" /
 * "The remark template (Chinese) of reason “Quality problem”", never `reasons[0].remarkTemplate`.
 * The path stays on the problem for the editor (which field to mark); only these words are shown.
 */
import type { LocalText } from '../i18n';

type Key = string | number;
const t = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, en });

/** The fields' names, as the options page labels them. */
const FIELDS: Record<string, LocalText> = {
  label: t('名称', 'name'),
  category: t('类别', 'category'),
  fault: t('责任方', 'party at fault'),
  faults: t('责任方', 'party at fault'),
  refundTypes: t('适用的退款类型', 'refund types'),
  remarkTemplate: t('备注模板', 'remark template'),
  note: t('依据', 'source'),
  id: t('内部编号', 'internal id'),
  kind: t('凭证形式', 'kind'),
  type: t('怎样算已提供', 'way it counts as provided'),
  min: t('最少文件数', 'minimum number of files'),
  field: t('字段', 'field'),
  pattern: t('格式（正则表达式）', 'pattern (regular expression)'),
  reasonCategories: t('原因类别', 'reason categories'),
  orderStatuses: t('订单状态', 'order statuses'),
  why: t('提示文字', 'hint'),
  payer: t('运费承担方', 'payer'),
  fallback: t('其他情况由谁承担', 'payer in other cases'),
  reviewReminderHours: t('审核提醒', 'review reminder'),
  confirmReminderHours: t('确认退款提醒', 'reminder to confirm'),
  arrivalWindowHours: t('到账时限', 'arrival window'),
  supportFollowUpHours: t('客服跟进', 'support follow-up'),
  enabled: t('开关', 'switch'),
  maxAmount: t('实付金额上限', 'highest paid amount'),
  onMissingEvidence: t('缺少凭证时提交的处理方式', 'handling of a submit with evidence missing'),
  approved: t('审核通过通知', 'notice on approval'),
  rejected: t('审核不通过通知', 'notice on rejection'),
  failed: t('退款失败通知', 'notice on a failed refund'),
  overdue: t('到账超时通知', 'notice on an overdue arrival'),
  labels: t('字段标签', 'field labels'),
  orderStatusTexts: t('订单状态文字', 'order status texts'),
  afterSaleStatusTexts: t('售后状态文字', 'after-sale status texts'),
  refundTypeTexts: t('退款类型文字', 'refund type texts'),
  formLabels: t('申请表标签', 'application form labels'),
  buttons: t('按钮文字', 'button texts'),
  version: t('版本号', 'version'),
};

/** The sections, when a problem is on a section's own field. */
const SECTIONS: Record<string, LocalText> = {
  deadlines: t('时限', 'the deadlines'),
  express: t('极速退款', 'express refund'),
  notifications: t('通知', 'the notifications'),
  shipping: t('退货运费', 'return shipping'),
  sites: t('页面文字（高级）', 'the page texts (Advanced)'),
  reasons: t('退款原因', 'the refund reasons'),
  evidence: t('凭证规则', 'the evidence rules'),
};

/** Levels that only group fields: not named (the field's name says enough). */
const TRANSPARENT = new Set(['satisfiedBy', 'appliesTo', 'submit', 'kuaishou', 'rules']);

const LANGS: Record<string, LocalText> = { 'zh-CN': t('（中文）', ' (Chinese)'), en: t('（英文）', ' (English)') };

function labelOf(item: unknown, locale: 'zh-CN' | 'en'): string | undefined {
  const label = (item as { label?: unknown } | null)?.label;
  if (!label || typeof label !== 'object') return undefined;
  const own = (label as Record<string, unknown>)[locale];
  const other = (label as Record<string, unknown>)[locale === 'en' ? 'zh-CN' : 'en'];
  const s = typeof own === 'string' && own.trim() ? own : typeof other === 'string' && other.trim() ? other : undefined;
  return s && s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

/** A list item by its name ("原因「质量问题」") or, without one, its place ("第 3 个原因"). */
function itemName(list: string, i: number, item: unknown): LocalText | undefined {
  const n = i + 1;
  if (list === 'reasons' || list === 'evidence') {
    const [zh, en] = list === 'reasons' ? ['原因', 'reason'] : ['凭证', 'evidence'];
    const lz = labelOf(item, 'zh-CN');
    const le = labelOf(item, 'en');
    return t(lz ? `${zh}「${lz}」` : `第 ${n} 个${zh}`, le ? `${en} “${le}”` : `${en} no. ${n}`);
  }
  if (list === 'rules') return t(`第 ${n} 条运费规则`, `return-shipping rule no. ${n}`);
  return undefined;
}

/** The problem's place in words. The empty path is the file itself. */
export function placeOf(path: readonly Key[], data: unknown): LocalText {
  if (path.length === 0) return t('规则文件', 'The rule file');
  let owner: LocalText | undefined;
  const fields: LocalText[] = [];
  let lang = t('', '');
  let node: unknown = data;
  let parentKey: Key | undefined;
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<Key, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const item = typeof parentKey === 'string' ? itemName(parentKey, key, child) : undefined;
      if (item) {
        owner = item;
        fields.length = 0;
      } else fields.push(t(`第 ${key + 1} 项`, `item ${key + 1}`));
    } else if (LANGS[key]) lang = LANGS[key];
    else if (!(key in SECTIONS) || owner || fields.length) {
      if (!TRANSPARENT.has(key)) fields.push(FIELDS[key] ?? t(`「${key}」`, `“${key}”`));
    } else owner = SECTIONS[key];
    parentKey = key;
    node = child;
  }
  const zh = [owner?.['zh-CN'], ...fields.map((f) => f['zh-CN'])].filter(Boolean).join('的') + lang['zh-CN'];
  const tail = [...fields].reverse().map((f) => (f.en.startsWith('item ') ? f.en : `the ${f.en}`));
  const en = tail.length === 0 ? (owner?.en ?? '') : `${tail.join(' of ')}${lang.en}${owner ? ` of ${owner.en}` : ''}`;
  return t(zh, en.charAt(0).toUpperCase() + en.slice(1));
}
