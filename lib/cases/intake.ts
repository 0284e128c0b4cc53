/*
 * Cases from outside (a file, a message): the one validation wherever a case enters (the
 * stored-case schema, no id or after-sale number twice), a file's shape (an export, a backup, a
 * bare array), a backup's rules, and each problem in the merchant's words with its place in the
 * file. Used by the background (small files in one message) and by the options page (large files
 * it writes itself), so both refuse exactly the same entries.
 */
import { z } from 'zod';
import type { LocalText } from '../i18n';
import { formatPath, parseRuleSet, type RuleProblem, type RuleSet } from '../rules/schema';
import { rulesSizeProblem } from '../rules/size';
import { recomputeDerived } from './model';
import { RefundCase as RefundCaseSchema, type RefundCase } from './schema';
import { BACKUP_FORMAT } from './files';

export type Problem = RuleProblem;
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LocalText; problems?: Problem[] };

export const MAX_IMPORT = 200_000;

export function problem(path: string, zh: string, en: string): Problem {
  return { path, message: { 'zh-CN': `${path}：${zh}`, en: `${path}: ${en}` } };
}

function prefixProblem(prefix: string, p: Problem): Problem {
  const path = p.path === '(root)' ? prefix : `${prefix}.${p.path}`;
  // A rule set's problem already says where in words; only its path moves under the backup's `rules`.
  if (p.detail) return { ...p, path };
  return {
    path,
    message: {
      'zh-CN': p.message['zh-CN'].startsWith(p.path) ? path + p.message['zh-CN'].slice(p.path.length) : `${path}：${p.message['zh-CN']}`,
      en: p.message.en.startsWith(p.path) ? path + p.message.en.slice(p.path.length) : `${path}: ${p.message.en}`,
    },
  };
}

export function refuse(problems: Problem[]): { ok: false; error: LocalText; problems: Problem[] } {
  const n = problems.length;
  return {
    ok: false,
    error: { 'zh-CN': `文件有 ${n} 个问题，未导入任何内容。`, en: `The file has ${n} problem${n === 1 ? '' : 's'}; nothing was imported.` },
    problems,
  };
}

/** A file that is not valid JSON: `msg` says where. */
export function notJson(msg: string): { ok: false; error: LocalText; problems: Problem[] } {
  return refuse([problem('(root)', `不是有效的 JSON（${msg}）`, `not valid JSON (${msg})`)]);
}

export function parseJson(content: string): Outcome<unknown> {
  try {
    return { ok: true, value: JSON.parse(content.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return notJson(e instanceof Error ? e.message : String(e));
  }
}

const CasesArray = z.array(RefundCaseSchema).max(MAX_IMPORT, { error: `最多 ${MAX_IMPORT} 条 / at most ${MAX_IMPORT} cases` });

export function duplicateProblem(index: number, field: 'id' | 'afterSaleId', first: number, value: string): Problem {
  const what = field === 'id' ? { zh: '编号', en: 'id' } : { zh: '售后单号', en: 'after-sale number' };
  return problem(formatPath(['cases', index, field]), `${what.zh}与第 ${first} 条重复（${value}）`, `the ${what.en} duplicates entry ${first} (${value})`);
}

function zodProblem(issue: z.core.$ZodIssue, base: PropertyKey[]): Problem {
  const path = formatPath([...base, ...issue.path]);
  const zh: Record<string, string> = {
    invalid_type: '类型不对或缺少必填项',
    invalid_value: '不是允许的值',
    too_big: '超出允许的长度或范围',
    too_small: '短于或小于允许的范围',
    invalid_format: '格式不对',
    unrecognized_keys: '有不认识的字段',
  };
  return problem(path, `${zh[issue.code] ?? '无效'}（${issue.message}）`, issue.message);
}

/**
 * The one validation of cases from outside (a file, a chunk of one): the stored-case schema, and no
 * id or after-sale number twice. `offset`: the index in the file of the first entry (a chunk).
 */
export function validateCases(value: unknown, base: PropertyKey[], offset = 0): Outcome<RefundCase[]> {
  const r = CasesArray.safeParse(value);
  if (!r.success) {
    return refuse(
      r.error.issues
        .slice(0, 100)
        .map((i) => zodProblem({ ...i, path: typeof i.path[0] === 'number' ? [i.path[0] + offset, ...i.path.slice(1)] : i.path } as z.core.$ZodIssue, base)),
    );
  }
  const ids = new Map<string, number>();
  const afterSales = new Map<string, number>();
  const problems: Problem[] = [];
  r.data.forEach((c, k) => {
    const i = k + offset;
    const first = ids.get(c.id);
    if (first !== undefined) problems.push(withBase(duplicateProblem(i, 'id', first, c.id), base));
    else ids.set(c.id, i);
    if (c.afterSaleId) {
      const firstAs = afterSales.get(c.afterSaleId);
      if (firstAs !== undefined) problems.push(withBase(duplicateProblem(i, 'afterSaleId', firstAs, c.afterSaleId), base));
      else afterSales.set(c.afterSaleId, i);
    }
  });
  return problems.length ? refuse(problems.slice(0, 100)) : { ok: true, value: r.data };
}

/** duplicateProblem names `cases[i]`; a bare array's entries are `[i]`. */
export function withBase(p: Problem, base: PropertyKey[]): Problem {
  if (base[0] === 'cases') return p;
  const strip = (s: string) => s.replace(/^cases(?=\[)/, '');
  return { path: strip(p.path), message: { 'zh-CN': strip(p.message['zh-CN']), en: strip(p.message.en) } };
}

/** A cases file: our export (`{ format, cases }`), a backup, or a bare array of cases. */
export function parseCasesFile(content: string): Outcome<RefundCase[]> {
  const json = parseJson(content);
  if (!json.ok) return json;
  const found = casesOf(json.value);
  return found.ok ? validateCases(found.value.cases, found.value.base ? [found.value.base] : []) : found;
}

/** Where a cases file keeps its cases (not yet validated): a bare array, or `{ cases: [...] }` (an export or a backup). */
export function casesOf(data: unknown): Outcome<{ base: '' | 'cases'; cases: unknown[] }> {
  if (Array.isArray(data)) return { ok: true, value: { base: '', cases: data } };
  if (data && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)) {
    return { ok: true, value: { base: 'cases', cases: (data as { cases: unknown[] }).cases } };
  }
  return refuse([problem('(root)', '应为退款记录数组或带 "cases" 字段的对象', 'expected an array of cases or an object with "cases"')]);
}

/** A backup's parts (not yet validated): its rules and its cases. */
export function backupOf(data: unknown): Outcome<{ rules: unknown; cases: unknown[] }> {
  const d = data as { format?: unknown; rules?: unknown; cases?: unknown } | null;
  if (!d || typeof d !== 'object' || Array.isArray(d) || d.format !== BACKUP_FORMAT) {
    return refuse([
      problem('format', `不是退款助手的备份文件（应有 "format": "${BACKUP_FORMAT}"）`, `not a Refund Helper backup (expected "format": "${BACKUP_FORMAT}")`),
    ]);
  }
  if (!Array.isArray(d.cases)) return refuse([problem('cases', '应为退款记录数组', 'expected an array of cases')]);
  return { ok: true, value: { rules: d.rules ?? null, cases: d.cases } };
}

/** The rules of a restore: valid, and small enough to store. */
export function checkRules(input: unknown): Outcome<RuleSet> {
  const rules = parseRuleSet(input);
  if (!rules.ok) return refuse(rules.problems.map((p) => prefixProblem('rules', p)));
  const size = rulesSizeProblem(rules.rules);
  if (size) return refuse([prefixProblem('rules', size)]);
  return { ok: true, value: rules.rules };
}

export function prepareImported(c: RefundCase, rules: RuleSet, now: number): RefundCase {
  return recomputeDerived({ ...c, history: [...c.history, { from: c.status, to: c.status, at: now, source: 'import' }] }, rules);
}
