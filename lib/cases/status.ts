/*
 * Case statuses and sources: constants and types only, no zod, so the content script can use
 * them without bundling the validator. The stored record's zod schema is ./schema.ts.
 */
/** A case's statuses. Overdue is not a status: it is derived from `deadlines.arrivalDueAt` and now. */
export const CASE_STATUSES = ['draft', 'reviewing', 'approved', 'confirmed', 'refunded', 'rejected', 'failed', 'escalated', 'cancelled', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['refunded', 'cancelled', 'closed'];

export const CHANGE_SOURCES = ['panel', 'page', 'popup', 'alarm', 'import'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];
