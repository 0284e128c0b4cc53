import safeRegex from 'safe-regex2';
import { TEMPLATE_VARS } from './constants';
import { patternHazard } from './pattern-safety';
import { placeOf } from './places';
import { problem, show, type PathKey, type RuleProblem } from './problems';

// Checks zod cannot express: duplicate ids, template variables, regular expressions.

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
export function semanticProblems(raw: Record<string, unknown>): RuleProblem[] {
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
