import safeRegex from 'safe-regex2';
import { patternHazard } from './pattern-safety';
import { z } from 'zod';
import { ORDER_STATUSES, REFUND_TYPES } from '../order';
import { KUAISHOU_TEXTS } from '../sites/texts';
import { SiteTexts } from '../sites/texts.schema';
import {
  CATEGORIES,
  DEFAULT_DEADLINES,
  DEFAULT_NOTIFICATIONS,
  EVIDENCE_FIELDS,
  EVIDENCE_KINDS,
  FAULTS,
  MAX_DEADLINE_HOURS,
  PAYERS,
  TEMPLATE_VARS,
} from './constants';
import { migrateRules, MIGRATED_PATHS } from './migrate';
import { placeOf } from './places';

export {
  CATEGORIES,
  DEFAULT_DEADLINES,
  DEFAULT_NOTIFICATIONS,
  EVIDENCE_FIELDS,
  EVIDENCE_KINDS,
  FAULTS,
  MAX_DEADLINE_HOURS,
  PAYERS,
  TEMPLATE_VARS,
} from './constants';
export type { Category, Fault, Payer, EvidenceKind, EvidenceField, TemplateVar, Locale } from './constants';

/**
 * The rule set the merchant edits on the options page. Version 3 is current;
 * `parseRuleSet` migrates older files (see migrate.ts) and reports every problem with the exact
 * path in the file and a plain-words message in zh-CN and en.
 *
 * Objects are strict: an unknown key (often a typo such as `reviewHour`) is a problem at its own
 * path rather than silently dropped.
 */
export const RULES_VERSION = 4;

export const LocalText = z.strictObject({
  'zh-CN': z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type LocalText = z.infer<typeof LocalText>;

const Note = z.string().max(2000).optional();

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Slug = z.string().min(1).max(64).regex(SLUG_RE);

const RefundTypeEnum = z.enum(REFUND_TYPES);
const CategoryEnum = z.enum(CATEGORIES);
const OrderStatusEnum = z.enum(ORDER_STATUSES);

export const Reason = z.strictObject({
  id: Slug,
  label: LocalText,
  category: CategoryEnum,
  fault: z.enum(FAULTS),
  refundTypes: z.array(RefundTypeEnum).min(1),
  remarkTemplate: LocalText,
  note: Note,
});
export type Reason = z.infer<typeof Reason>;

export const SatisfiedBy = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uploads'), min: z.number().int().min(1).max(50) }),
  z.strictObject({
    type: z.literal('field'),
    field: z.enum(EVIDENCE_FIELDS),
    /** A JS regex source, tested (no flags) against the trimmed field value. */
    pattern: z.string().min(1).max(200),
  }),
  z.strictObject({ type: z.literal('manual') }),
]);
export type SatisfiedBy = z.infer<typeof SatisfiedBy>;

export const EvidenceRule = z.strictObject({
  id: Slug,
  label: LocalText,
  kind: z.enum(EVIDENCE_KINDS),
  satisfiedBy: SatisfiedBy,
  /** Empty or absent lists mean "any". */
  appliesTo: z.strictObject({
    refundTypes: z.array(RefundTypeEnum).optional(),
    reasonCategories: z.array(CategoryEnum).optional(),
    orderStatuses: z.array(OrderStatusEnum).optional(),
  }),
  why: LocalText,
  note: Note,
});
export type EvidenceRule = z.infer<typeof EvidenceRule>;

export const ShippingRule = z.strictObject({
  faults: z.array(z.enum(FAULTS)).min(1),
  payer: z.enum(PAYERS),
  why: LocalText,
  note: Note,
});
export type ShippingRule = z.infer<typeof ShippingRule>;

const Hours = z.number().positive().max(MAX_DEADLINE_HOURS);

/** When a file has no express section, express refund is off: never claim an eligibility the merchant did not set. */
export const DISABLED_EXPRESS = { enabled: false, maxAmount: 0, orderStatuses: [], refundTypes: [] } as const;

export const Deadlines = z.strictObject({
  reviewReminderHours: Hours.default(DEFAULT_DEADLINES.reviewReminderHours),
  /** An approved refund not confirmed this long after approval reminds the merchant. */
  confirmReminderHours: Hours.default(DEFAULT_DEADLINES.confirmReminderHours),
  /** The money should arrive this long after the refund is confirmed (it cannot move before). */
  arrivalWindowHours: Hours.default(DEFAULT_DEADLINES.arrivalWindowHours),
  supportFollowUpHours: Hours.default(DEFAULT_DEADLINES.supportFollowUpHours),
});

export const Express = z.strictObject({
  enabled: z.boolean(),
  /** The highest paid amount (分) an express refund applies to. */
  maxAmount: z.number().int().min(0).max(1e12),
  orderStatuses: z.array(OrderStatusEnum),
  refundTypes: z.array(RefundTypeEnum),
  reasonCategories: z.array(CategoryEnum).optional(),
  note: Note,
});

export const RuleSet = z.strictObject({
  version: z.number().int(),
  reasons: z.array(Reason).min(1).max(200),
  evidence: z.array(EvidenceRule).max(200),
  shipping: z.strictObject({
    rules: z.array(ShippingRule).max(50),
    fallback: z.enum(PAYERS),
  }),
  deadlines: Deadlines.default(() => ({ ...DEFAULT_DEADLINES })),
  express: Express.default(() => ({ enabled: false, maxAmount: 0, orderStatuses: [], refundTypes: [] })),
  submit: z.strictObject({ onMissingEvidence: z.enum(['warn', 'block']).default('warn') }).default(() => ({ onMissingEvidence: 'warn' as const })),
  notifications: z
    .strictObject({
      approved: z.boolean().default(true),
      rejected: z.boolean().default(true),
      failed: z.boolean().default(true),
      overdue: z.boolean().default(true),
    })
    .default(() => ({ ...DEFAULT_NOTIFICATIONS })),
  // Defaults are fresh copies: a parsed rule set never shares objects with the constants.
  sites: z.strictObject({ kuaishou: SiteTexts.default(() => structuredClone(KUAISHOU_TEXTS)) }).default(() => ({ kuaishou: structuredClone(KUAISHOU_TEXTS) })),
});
export type RuleSet = z.infer<typeof RuleSet>;

/**
 * One problem: `path` says which field (for the editor to mark it), `message` says where and what
 * in words ("原因「质量问题」的备注模板（中文）：…"), `detail` only what (shown at the field itself).
 */
export type RuleProblem = { path: string; message: LocalText; detail?: LocalText };
export type ParseRuleSetResult = { ok: true; rules: RuleSet; migratedFrom?: number } | { ok: false; problems: RuleProblem[] };

// ---------------------------------------------------------------------------------------------
// Paths and plain-words messages

type PathKey = string | number;

/** `['reasons', 3, 'category']` → `reasons[3].category`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

/** What the field at this key is called, for "「foo」不是有效的类别". */
const FIELD_NOUNS: Record<string, LocalText> = {
  category: { 'zh-CN': '类别', en: 'category' },
  reasonCategories: { 'zh-CN': '类别', en: 'category' },
  fault: { 'zh-CN': '责任方', en: 'fault' },
  faults: { 'zh-CN': '责任方', en: 'fault' },
  kind: { 'zh-CN': '凭证类型', en: 'evidence kind' },
  refundTypes: { 'zh-CN': '退款类型', en: 'refund type' },
  orderStatuses: { 'zh-CN': '订单状态', en: 'order status' },
  payer: { 'zh-CN': '运费承担方', en: 'payer' },
  fallback: { 'zh-CN': '运费承担方', en: 'payer' },
  onMissingEvidence: { 'zh-CN': '缺少凭证时的处理方式', en: 'missing-evidence handling' },
  type: { 'zh-CN': '类型', en: 'type' },
  field: { 'zh-CN': '字段', en: 'field' },
};

function nounFor(path: readonly PropertyKey[]): LocalText {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_NOUNS[key] ?? { 'zh-CN': '值', en: 'value' };
  }
  return { 'zh-CN': '值', en: 'value' };
}

const TYPE_NAMES: Record<string, LocalText> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': 'true 或 false', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
};

function typeName(t: string): LocalText {
  return TYPE_NAMES[t] ?? { 'zh-CN': t, en: t };
}

function describeValue(v: unknown): LocalText {
  if (v === null) return { 'zh-CN': 'null', en: 'null' };
  if (Array.isArray(v)) return { 'zh-CN': '列表', en: 'a list' };
  if (typeof v === 'string') return { 'zh-CN': `文本「${short(v)}」`, en: `the text "${short(v)}"` };
  if (typeof v === 'number') return { 'zh-CN': `数字 ${v}`, en: `the number ${v}` };
  if (typeof v === 'boolean') return { 'zh-CN': String(v), en: String(v) };
  if (typeof v === 'object') return { 'zh-CN': '对象', en: 'an object' };
  return { 'zh-CN': typeof v, en: typeof v };
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function show(v: unknown): string {
  return typeof v === 'string' ? short(v) : short(JSON.stringify(v) ?? String(v));
}

/** A problem at `path`: its message is only the detail until `placed` says where in words. */
function problem(path: readonly PropertyKey[] | string, zh: string, en: string): RuleProblem & { at?: PathKey[] } {
  const at = typeof path === 'string' ? pathKeys(path) : (path as PathKey[]);
  return { path: formatPath(at), message: { 'zh-CN': zh, en }, at };
}

/** `reasons[3].category` → `['reasons', 3, 'category']`; `(root)` → []. */
function pathKeys(path: string): PathKey[] {
  if (path === '(root)') return [];
  return (path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** The problem with its place in words before the detail; `data` is the rule set the path is in. */
function placed(p: RuleProblem & { at?: PathKey[] }, data: unknown): RuleProblem {
  const at = p.at ?? pathKeys(p.path);
  const where = placeOf(at, data);
  const detail = p.detail ?? p.message;
  // The file itself is the sentence's subject: "规则文件不是有效的 JSON…" / "The rule file is not valid JSON…".
  const [zhSep, enSep] = at.length === 0 ? ['', ' '] : ['：', ': '];
  return {
    path: p.path,
    detail,
    message: { 'zh-CN': `${where['zh-CN']}${zhSep}${detail['zh-CN']}`, en: `${where.en}${enSep}${detail.en}` },
  };
}

/** One zod issue → problems in plain words (an unrecognized_keys issue names each key at its own path). */
function issueToProblems(issue: z.core.$ZodIssue, input: unknown): RuleProblem[] {
  const path = issue.path as PathKey[];
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return [problem(path, '缺少必填项', 'is required but missing')];
      const want = typeName(issue.expected);
      const got = describeValue(value);
      if (issue.expected === 'int' && typeof value === 'number') {
        return [problem(path, `应为整数，而不是 ${value}`, `must be a whole number, not ${value}`)];
      }
      return [problem(path, `应为${want['zh-CN']}，实际是${got['zh-CN']}`, `must be ${want.en}, but is ${got.en}`)];
    }
    case 'invalid_value': {
      const noun = nounFor(path);
      const opts = issue.values.map((v) => String(v));
      if (value === undefined) {
        return [problem(path, `缺少必填项，可选：${opts.join('、')}`, `is required; choose one of: ${opts.join(', ')}`)];
      }
      if (opts.length === 1) {
        return [problem(path, `应为「${opts[0]}」，而不是「${show(value)}」`, `must be "${opts[0]}", not "${show(value)}"`)];
      }
      return [
        problem(
          path,
          `「${show(value)}」不是有效的${noun['zh-CN']}，可选：${opts.join('、')}`,
          `"${show(value)}" is not a valid ${noun.en}; choose one of: ${opts.join(', ')}`,
        ),
      ];
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options && (issue as { discriminator?: string }).discriminator) {
        const noun = nounFor(path);
        const opts = options.map(String);
        if (value === undefined) {
          return [problem(path, `缺少必填项，可选：${opts.join('、')}`, `is required; choose one of: ${opts.join(', ')}`)];
        }
        return [
          problem(
            path,
            `「${show(value)}」不是有效的${noun['zh-CN']}，可选：${opts.join('、')}`,
            `"${show(value)}" is not a valid ${noun.en}; choose one of: ${opts.join(', ')}`,
          ),
        ];
      }
      return [problem(path, '格式不符合任何一种允许的写法', 'does not match any allowed form')];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return [problem(path, `至少需要 ${min} 项，不能为空`, `needs at least ${min} item${min === 1 ? '' : 's'}; it cannot be empty`)];
      }
      if (issue.origin === 'string') {
        return min <= 1 ? [problem(path, '不能为空', 'cannot be empty')] : [problem(path, `至少需要 ${min} 个字符`, `needs at least ${min} characters`)];
      }
      if (!issue.inclusive && min === 0) {
        return [problem(path, `必须大于 0，而不是 ${show(value)}`, `must be greater than 0, not ${show(value)}`)];
      }
      return [
        problem(
          path,
          `必须${issue.inclusive ? '不小于' : '大于'} ${min}，而不是 ${show(value)}`,
          `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, not ${show(value)}`,
        ),
      ];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return [problem(path, `最多 ${max} 项`, `has more than ${max} items`)];
      }
      if (issue.origin === 'string') return [problem(path, `最多 ${max} 个字符`, `is longer than ${max} characters`)];
      return [problem(path, `不能超过 ${max}，而不是 ${show(value)}`, `must be at most ${max}, not ${show(value)}`)];
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && path[path.length - 1] === 'id') {
        return [
          problem(
            path,
            `「${show(value)}」无效：只能用小写字母、数字和连字符（如 missing-parts）`,
            `"${show(value)}" is not valid: use lowercase letters, digits and hyphens (such as missing-parts)`,
          ),
        ];
      }
      return [problem(path, `「${show(value)}」格式不正确`, `"${show(value)}" has the wrong format`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => problem([...path, key], '不是已知的设置（是否拼写错误？）', 'is not a known setting (a typo?)'));
    case 'invalid_key':
      return [problem(path, '包含无效的键', 'has an invalid key')];
    case 'invalid_element':
      return [problem(path, '包含无效的元素', 'has an invalid element')];
    case 'not_multiple_of':
      return [problem(path, `必须是 ${String(issue.divisor)} 的倍数`, `must be a multiple of ${String(issue.divisor)}`)];
    default:
      return [problem(path, '值无效', 'is not valid')];
  }
}

/**
 * Where JSON text first goes wrong, found by a small scanner: engines' JSON.parse messages do not
 * always name a position (V8 sometimes quotes a snippet instead). Returns the offset of the first
 * offending character (text.length when the text ends too early) and what was expected there.
 */
export function jsonErrorAt(text: string): { pos: number; expected: LocalText } | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly pos: number,
      readonly expected: LocalText,
    ) {}
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (zh: string, en: string): never => {
    throw new Stop(i, { 'zh-CN': zh, en });
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u 后应为 4 位十六进制数', 'four hex digits after \\u');
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail('有效的转义字符', 'a valid escape character');
      } else if (ch < ' ')
        fail('字符串内容（换行等控制字符须写成 \\n 这样的转义）', 'string content (a line break or other control character must be escaped, e.g. \\n)');
      else i++;
    }
    fail('字符串的结束引号 "', 'the closing quote " of a string');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('用双引号括起的字段名', 'a field name in double quotes');
        str();
        ws();
        if (text[i] !== ':') fail('冒号 :', 'a colon :');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('逗号 , 或 }', 'a comma , or }');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('逗号 , 或 ]', 'a comma , or ]');
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail('一个值（对象、列表、文本、数字、true、false 或 null）', 'a value (object, list, text, number, true, false or null)');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('文件结束（多余的内容）', 'the end of the file (extra content)');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { pos: e.pos, expected: e.expected };
    throw e;
  }
}

/** A JSON syntax error as one problem at (root), with line and column people can find. */
function jsonProblem(text: string, err: unknown): RuleProblem {
  const raw = err instanceof Error ? err.message : String(err);
  const at = jsonErrorAt(text);
  if (!at) return problem('(root)', `不是有效的 JSON：${raw}`, `is not valid JSON: ${raw}`);
  const before = text.slice(0, at.pos);
  const line = before.split('\n').length;
  const col = at.pos - before.lastIndexOf('\n');
  const found =
    at.pos >= text.length
      ? { 'zh-CN': '文件已结束', en: 'the file ended' }
      : text[at.pos] < ' '
        ? {
            'zh-CN': `遇到控制字符 U+${text.charCodeAt(at.pos).toString(16).padStart(4, '0').toUpperCase()}`,
            en: `found the control character U+${text.charCodeAt(at.pos).toString(16).padStart(4, '0').toUpperCase()}`,
          }
        : { 'zh-CN': `遇到「${text[at.pos]}」`, en: `found "${text[at.pos]}"` };
  return problem(
    '(root)',
    `不是有效的 JSON：第 ${line} 行第 ${col} 列（位置 ${at.pos}）应为${at.expected['zh-CN']}，但${found['zh-CN']}`,
    `is not valid JSON: at line ${line}, column ${col} (position ${at.pos}) expected ${at.expected.en}, but ${found.en}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Checks zod cannot express

function templateProblems(template: unknown, path: PathKey[]): RuleProblem[] {
  if (typeof template !== 'string') return [];
  const out: RuleProblem[] = [];
  const known = TEMPLATE_VARS as readonly string[];
  for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
    const name = m[1];
    if (!known.includes(name)) {
      out.push(
        problem(
          path,
          `模板里的变量「{${name}}」不存在，可用：${TEMPLATE_VARS.map((v) => `{${v}}`).join('、')}`,
          `the template variable "{${name}}" does not exist; available: ${TEMPLATE_VARS.map((v) => `{${v}}`).join(', ')}`,
        ),
      );
    }
  }
  return out;
}

function duplicateIdProblems(list: unknown, listName: string): RuleProblem[] {
  if (!Array.isArray(list)) return [];
  const seen = new Map<string, number>();
  const out: RuleProblem[] = [];
  list.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else {
      const other = placeOf([listName, first], { [listName]: list });
      out.push(
        problem(
          [listName, i, 'id'],
          `与${other['zh-CN']}的内部编号「${id}」重复`,
          `the same as the internal id "${id}" of ${other.en.charAt(0).toLowerCase()}${other.en.slice(1)}`,
        ),
      );
    }
  });
  return out;
}

function regexProblem(pattern: unknown, path: PathKey[]): RuleProblem[] {
  if (typeof pattern !== 'string') return [];
  try {
    new RegExp(pattern);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return [problem(path, `「${show(pattern)}」不是有效的正则表达式（${msg}）`, `"${show(pattern)}" is not a valid regular expression (${msg})`)];
  }
  // Patterns run on the merchant's back-office page at every form read: one with nested
  // repetition such as ^(a+)+$ can take seconds on a short value and freeze the tab.
  if (!safeRegex(pattern)) {
    return [
      problem(
        path,
        `「${show(pattern)}」可能让后台页面卡住（嵌套的重复，如 (a+)+），请改写得更简单，例如 ^[A-Za-z0-9]{8,30}$`,
        `"${show(pattern)}" could freeze the back-office page (nested repetition such as (a+)+); write it more simply, e.g. ^[A-Za-z0-9]{8,30}$`,
      ),
    ];
  }
  const hazard = patternHazard(pattern, show(pattern));
  return hazard ? [problem(path, hazard['zh-CN'], hazard.en)] : [];
}

/** Problems beyond the schema, found on the raw (migrated) object so they show even when zod also complains. */
function semanticProblems(raw: Record<string, unknown>): RuleProblem[] {
  const out: RuleProblem[] = [];
  out.push(...duplicateIdProblems(raw.reasons, 'reasons'));
  out.push(...duplicateIdProblems(raw.evidence, 'evidence'));
  if (Array.isArray(raw.reasons)) {
    raw.reasons.forEach((r, i) => {
      const tpl = (r as { remarkTemplate?: unknown } | null)?.remarkTemplate;
      if (tpl && typeof tpl === 'object') {
        for (const loc of ['zh-CN', 'en'] as const) {
          out.push(...templateProblems((tpl as Record<string, unknown>)[loc], ['reasons', i, 'remarkTemplate', loc]));
        }
      }
    });
  }
  if (Array.isArray(raw.evidence)) {
    raw.evidence.forEach((e, i) => {
      const sb = (e as { satisfiedBy?: { type?: unknown; pattern?: unknown } } | null)?.satisfiedBy;
      if (sb && typeof sb === 'object' && sb.type === 'field') {
        out.push(...regexProblem(sb.pattern, ['evidence', i, 'satisfiedBy', 'pattern']));
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * Validates a rule file (an object, or its JSON text). Older versions are migrated to the current
 * one (`migratedFrom` says from which); problems in a migrated file are reported at the paths of
 * the file as written where the migration moved a field.
 */
export function parseRuleSet(input: unknown): ParseRuleSetResult {
  let data = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, ''); // a byte-order mark from some editors
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { ok: false, problems: [placed(jsonProblem(text, err), undefined)] };
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const got = describeValue(data);
    return {
      ok: false,
      problems: [placed(problem('(root)', `应为一个 JSON 对象，实际是${got['zh-CN']}`, `must be a JSON object, but this is ${got.en}`), data)],
    };
  }
  const obj = data as Record<string, unknown>;
  const version = obj.version;
  if (version === undefined) {
    return {
      ok: false,
      problems: [placed(problem('version', `缺少必填项（当前版本为 ${RULES_VERSION}）`, `is required (the current version is ${RULES_VERSION})`), obj)],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [
        placed(
          problem(
            'version',
            `「${show(version)}」不是有效的版本号，应为 1 到 ${RULES_VERSION} 的整数`,
            `"${show(version)}" is not a valid version; use a whole number from 1 to ${RULES_VERSION}`,
          ),
          obj,
        ),
      ],
    };
  }
  if (version > RULES_VERSION) {
    return {
      ok: false,
      problems: [
        placed(
          problem(
            'version',
            `版本 ${version} 比本扩展支持的版本 ${RULES_VERSION} 新，请先升级扩展`,
            `version ${version} is newer than the version this extension supports (${RULES_VERSION}); update the extension first`,
          ),
          obj,
        ),
      ],
    };
  }

  let current: Record<string, unknown> = obj;
  let pathMap: Record<string, string> = {};
  if (version < RULES_VERSION) {
    current = migrateRules(obj, version);
    pathMap = MIGRATED_PATHS[version] ?? {};
  }

  const problems: RuleProblem[] = [];
  const parsed = RuleSet.safeParse(current);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...issueToProblems(issue, current));
  }
  problems.push(...semanticProblems(current));
  if (problems.length > 0) {
    // One problem per path (an empty id is both "empty" and "not a slug": say the first).
    const seen = new Set<string>();
    const unique = problems
      .map((p) => remapProblem(placed(p, current), pathMap))
      .filter((p) => {
        if (seen.has(p.path)) return false;
        seen.add(p.path);
        return true;
      });
    return { ok: false, problems: unique };
  }
  const rules = parsed.data!;
  return version < RULES_VERSION ? { ok: true, rules, migratedFrom: version } : { ok: true, rules };
}

/** A problem in a migrated file at the path of the file as written (its words stay the same). */
function remapProblem(p: RuleProblem, pathMap: Record<string, string>): RuleProblem {
  for (const [to, from] of Object.entries(pathMap)) {
    if (p.path === to || p.path.startsWith(`${to}.`) || p.path.startsWith(`${to}[`)) {
      return { ...p, path: from + p.path.slice(to.length) };
    }
  }
  return p;
}

/** A one-line summary for lists: "3 个问题" / "3 problems". */
export function problemsSummary(problems: RuleProblem[]): LocalText {
  return { 'zh-CN': `规则文件有 ${problems.length} 个问题`, en: `The rule file has ${problems.length} problem${problems.length === 1 ? '' : 's'}` };
}
