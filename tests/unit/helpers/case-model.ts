/* Cases for the case model's tests, made through the model itself so their history and deadlines are real. */
import { expect } from 'vitest';
import { applyAction, createCase, observe, recomputeDerived } from '../../../lib/cases/model';
import type { RefundCase } from '../../../lib/cases/schema';
import type { CaseStatus } from '../../../lib/cases/status';
import { DEFAULT_RULES } from '../../../lib/rules/defaults';
import type { RuleSet } from '../../../lib/rules/schema';
import type { ObservedStatus } from '../../../lib/sites/texts';

export const H = 3_600_000;
export const T0 = Date.UTC(2026, 10, 26, 2, 0, 0); // 2026-11-26 10:00 China time
export const rules = DEFAULT_RULES;

export function newCase(patch: Partial<Parameters<typeof createCase>[0]> = {}): RefundCase {
  return createCase({ orderId: '2411260001', refundType: 'return-refund', reasonId: 'quality', paidAmount: 8990, ...patch }, rules, T0, 'panel');
}

/** A new case after the page showed `seen` at `at` (with the page's extras, under `r`). */
export function seenOnPage(seen: ObservedStatus, at: number, extra?: Parameters<typeof observe>[5], r: RuleSet = rules): RefundCase {
  return observe(newCase(), seen, r, at, 'page', extra).case;
}

/** A case in `status` as if it got there through the model (so its history and deadlines are real). */
export function caseIn(status: CaseStatus, at = T0 + H): RefundCase {
  const c = newCase();
  const via: Record<CaseStatus, () => RefundCase> = {
    draft: () => recomputeDerived({ ...c, status: 'draft', history: [{ from: null, to: 'draft', at: T0, source: 'panel' }], deadlines: {} }),
    reviewing: () => c,
    approved: () => observe(c, 'approved', rules, at).case,
    confirmed: () => ok(applyAction(caseIn('approved', at), 'confirm', rules, at, 'panel')),
    refunded: () => observe(c, 'refunded', rules, at).case,
    rejected: () => observe(c, 'rejected', rules, at).case,
    failed: () => observe(c, 'failed', rules, at).case,
    escalated: () => ok(applyAction(caseIn('rejected', at), 'contact-support', rules, at, 'panel')),
    cancelled: () => ok(applyAction(c, 'cancel-order', rules, at, 'panel')),
    closed: () => ok(applyAction(c, 'close', rules, at, 'panel')),
  };
  const out = via[status]();
  expect(out.status).toBe(status);
  return out;
}

/** The case of a legal action (a test of a legal action fails here with the model's words). */
export function ok(r: ReturnType<typeof applyAction>): RefundCase {
  if (!r.ok) throw new Error(r.error.en);
  return r.case;
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
