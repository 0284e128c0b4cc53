/*
 * The rule set, as the rest of the extension imports it: its shape (ruleset.ts), the parser that
 * migrates and validates a rule file (parse.ts) and its problems in plain words (problems.ts,
 * json-error.ts, checks.ts).
 */
export * from './ruleset';
export { parseRuleSet, type ParseRuleSetResult } from './parse';
export { formatPath, type RuleProblem } from './problems';
export { jsonErrorAt } from './json-error';
