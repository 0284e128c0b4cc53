/*
 * Rule-set constants and plain types, without zod: the content script's rules engine imports
 * these, and zod must stay out of its bundle (the panel's size budget). The schema is ./schema.ts.
 */
export const CATEGORIES = ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing', 'logistics', 'buyer', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FAULTS = ['seller', 'buyer', 'courier', 'unknown'] as const;
export type Fault = (typeof FAULTS)[number];

export const PAYERS = ['seller', 'buyer'] as const;
export type Payer = (typeof PAYERS)[number];

export const EVIDENCE_KINDS = ['photo', 'text', 'video', 'any'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_FIELDS = ['trackingNo', 'courier', 'remark'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** The variables a remark template may use; anything else in braces is a problem. */
export const TEMPLATE_VARS = ['orderId', 'afterSaleId', 'amount', 'trackingNo', 'courier', 'reason'] as const;
export type TemplateVar = (typeof TEMPLATE_VARS)[number];

/** Longest hour value a deadline may take: 90 days. */
export const MAX_DEADLINE_HOURS = 24 * 90;

export const DEFAULT_DEADLINES = { reviewReminderHours: 48, confirmReminderHours: 24, arrivalWindowHours: 24, supportFollowUpHours: 24 } as const;
export const DEFAULT_NOTIFICATIONS = { approved: true, rejected: true, failed: true, overdue: true } as const;

export type { Locale, LocalText } from '../i18n';

export const HOUR_MS = 3_600_000;

/** browser.storage.local key of the rule set (written only by lib/rules/storage.ts; watched by the content script). */
export const RULES_KEY = 'rules';

/**
 * How much of a field an evidence pattern is run on: its first 256 characters. Patterns run on
 * the back office's page on every form read; with the input capped, even a slow pattern the
 * safety check misses cannot block the page for long (a tracking number or courier is far shorter).
 */
export const PATTERN_INPUT_MAX = 256;
