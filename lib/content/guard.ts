/*
 * The submit guard's decision, apart from the DOM so it can be tested as a table.
 *
 * - Evidence complete: the page's submit goes through untouched.
 * - `block` (rules.submit.onMissingEvidence): every attempt with evidence missing is stopped and
 *   the warning, at the page's submit button, lists what is missing.
 * - `warn`: every attempt with evidence missing is stopped and warned at the button, until the
 *   merchant chooses 仍要提交 (submit anyway) in that warning: only that explicit choice lets one
 *   submit through. A second click (or a double click) on the page's button is no choice: it warns
 *   again, so nobody submits past the check without having read it.
 */
export type GuardDecision = 'allow' | 'warn' | 'block';

export function decideSubmit(opts: { complete: boolean; mode: 'warn' | 'block'; submitAnyway: boolean }): GuardDecision {
  if (opts.complete) return 'allow';
  if (opts.mode === 'block') return 'block';
  return opts.submitAnyway ? 'allow' : 'warn';
}

/** Where the warning sits: at the page's submit button, above it when the button is low on screen. */
export type WarningAnchor = { left: number; top?: number; bottom?: number };

/** The warning's width in px (the view's `.pop`). */
export const WARNING_WIDTH = 300;

export function anchorAt(rect: { top: number; bottom: number; left: number }, view: { width: number; height: number }): WarningAnchor {
  const left = Math.round(Math.max(8, Math.min(rect.left, view.width - WARNING_WIDTH - 8)));
  return rect.top > view.height / 2 ? { left, bottom: Math.round(view.height - rect.top + 8) } : { left, top: Math.round(rect.bottom + 8) };
}
