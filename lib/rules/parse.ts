import { semanticProblems } from './checks';
import { jsonProblem } from './json-error';
import { migrateRules, MIGRATED_PATHS } from './migrate';
import { describeValue, issueToProblems, placed, problem, show, type RuleProblem } from './problems';
import { RULES_VERSION, RuleSet } from './ruleset';

export type ParseRuleSetResult = { ok: true; rules: RuleSet; migratedFrom?: number } | { ok: false; problems: RuleProblem[] };

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
    return refused('(root)', `应为一个 JSON 对象，实际是${got['zh-CN']}`, `must be a JSON object, but this is ${got.en}`, data);
  }
  const obj = data as Record<string, unknown>;
  const version = obj.version;
  if (version === undefined) {
    return refused('version', `缺少必填项（当前版本为 ${RULES_VERSION}）`, `is required (the current version is ${RULES_VERSION})`, obj);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refused(
      'version',
      `「${show(version)}」不是有效的版本号，应为 1 到 ${RULES_VERSION} 的整数`,
      `"${show(version)}" is not a valid version; use a whole number from 1 to ${RULES_VERSION}`,
      obj,
    );
  }
  if (version > RULES_VERSION) {
    return refused(
      'version',
      `版本 ${version} 比本扩展支持的版本 ${RULES_VERSION} 新，请先升级扩展`,
      `version ${version} is newer than the version this extension supports (${RULES_VERSION}); update the extension first`,
      obj,
    );
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

/** A file refused for one problem before its content is looked at (not an object, no usable version). */
function refused(path: string, zh: string, en: string, data: unknown): ParseRuleSetResult {
  return { ok: false, problems: [placed(problem(path, zh, en), data)] };
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
