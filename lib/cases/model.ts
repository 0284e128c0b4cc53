/*
 * The case model: statuses, the merchant's transitions, what the page's status may do
 * to a case, deadlines and attention. By concern: transitions.ts (the merchant's actions, a new
 * case, entering a status), observe.ts (the page's status), deadlines.ts, attention.ts (and the
 * badge), texts.ts (timeline lines, the support message); this file is what the rest imports.
 * Pure: no zod at runtime, no clock (`now` is passed), and inputs are never mutated (every change
 * returns a new object).
 *
 * `rev` is left alone: the store increments it on each write.
 */
export {
  ATTENTION_KINDS,
  ATTENTION_LABELS,
  attention,
  badgeFromKinds,
  badgeSummary,
  compareUrgency,
  dueTime,
  isConfirmDue,
  isOverdue,
  URGENCY,
  type AttentionKind,
  type BadgeSummary,
} from './attention';
export { enteredAt, isMarker, PLATFORM_DUE_LEAD_MS, recomputeDerived, retime, TIMED_STATUSES } from './deadlines';
export { observe } from './observe';
export { caseProblem, formatChinaTime, historyText, supportMessage } from './texts';
export {
  ACTION_LABELS,
  actionsFor,
  addNote,
  applyAction,
  CONFIRM_REMINDER_NOTE,
  createCase,
  isTerminalStatus,
  MERCHANT_ACTIONS,
  OVERDUE_NOTE,
  PLATFORM_INTERVENED,
  REAPPLIED_NOTE,
  STATUS_LABELS,
  supersede,
  TRANSITIONS,
  type MerchantAction,
  type NewCaseInput,
} from './transitions';

/** Every status, for iteration in UIs and tests. */
export { CASE_STATUSES } from './status';
