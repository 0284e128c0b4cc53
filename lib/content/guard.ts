/*
 * The submit guard's decision, apart from the DOM so it can be tested as a table.
 *
 * - Evidence complete: the page's submit goes through untouched.
 * - `block` (rules.submit.onMissingEvidence): every attempt with evidence missing is stopped and
 *   the warning lists what is missing.
 * - `warn`: the first attempt is stopped and warns (saying that a second click submits anyway);
 *   the next attempt on the same form goes through. A merchant who has read the warning and
 *   decides to submit is not fought with.
 */
export type GuardDecision = 'allow' | 'warn' | 'block';

export function decideSubmit(opts: { complete: boolean; mode: 'warn' | 'block'; warnedBefore: boolean }): GuardDecision {
  if (opts.complete) return 'allow';
  if (opts.mode === 'block') return 'block';
  return opts.warnedBefore ? 'allow' : 'warn';
}
