import type { z } from 'zod';
import type { LocalText } from './constants';
import { placeOf } from './places';

/*
 * A rule file's problems in plain words: where (the item by its name, the field, the language:
 * places.ts) and what, never zod's codes or a JSON path on screen.
 */

/**
 * One problem: `path` says which field (for the editor to mark it), `message` says where and what
 * in words ("原因「质量问题」的备注模板（中文）：…"), `detail` only what (shown at the field itself).
 */
export type RuleProblem = { path: string; message: LocalText; detail?: LocalText };

export type PathKey = string | number;

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

export function describeValue(v: unknown): LocalText {
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

export function show(v: unknown): string {
  return typeof v === 'string' ? short(v) : short(JSON.stringify(v) ?? String(v));
}

/** A problem at `path`: its message is only the detail until `placed` says where in words. */
export function problem(path: readonly PropertyKey[] | string, zh: string, en: string): RuleProblem & { at?: PathKey[] } {
  const at = typeof path === 'string' ? pathKeys(path) : (path as PathKey[]);
  return { path: formatPath(at), message: { 'zh-CN': zh, en }, at };
}

/** `reasons[3].category` → `['reasons', 3, 'category']`; `(root)` → []. */
function pathKeys(path: string): PathKey[] {
  if (path === '(root)') return [];
  return (path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** The problem with its place in words before the detail; `data` is the rule set the path is in. */
export function placed(p: RuleProblem & { at?: PathKey[] }, data: unknown): RuleProblem {
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
export function issueToProblems(issue: z.core.$ZodIssue, input: unknown): RuleProblem[] {
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
