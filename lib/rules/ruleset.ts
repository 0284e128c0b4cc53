import { z } from 'zod';
import { ORDER_STATUSES, REFUND_TYPES } from '../order';
import { KUAISHOU_TEXTS } from '../sites/texts';
import { SiteTexts } from '../sites/texts.schema';
import { CATEGORIES, DEFAULT_DEADLINES, DEFAULT_NOTIFICATIONS, EVIDENCE_FIELDS, EVIDENCE_KINDS, FAULTS, MAX_DEADLINE_HOURS, PAYERS } from './constants';

export {
  CATEGORIES,
  DEFAULT_DEADLINES,
  DEFAULT_NOTIFICATIONS,
  EVIDENCE_FIELDS,
  EVIDENCE_KINDS,
  FAULTS,
  MAX_DEADLINE_HOURS,
  PAYERS,
  TEMPLATE_VARS,
} from './constants';
export type { Category, Fault, Payer, EvidenceKind, EvidenceField, TemplateVar, Locale } from './constants';

/**
 * The rule set the merchant edits on the options page: its shape. `parseRuleSet` (parse.ts)
 * migrates older files (migrate.ts) and reports every problem with the exact path in the file and
 * a plain-words message in zh-CN and en (problems.ts).
 *
 * Objects are strict: an unknown key (often a typo such as `reviewHour`) is a problem at its own
 * path rather than silently dropped.
 */
export const RULES_VERSION = 4;

export const LocalText = z.strictObject({
  'zh-CN': z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type LocalText = z.infer<typeof LocalText>;

const Note = z.string().max(2000).optional();

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const Slug = z.string().min(1).max(64).regex(SLUG_RE);

const RefundTypeEnum = z.enum(REFUND_TYPES);
const CategoryEnum = z.enum(CATEGORIES);
const OrderStatusEnum = z.enum(ORDER_STATUSES);

export const Reason = z.strictObject({
  id: Slug,
  label: LocalText,
  category: CategoryEnum,
  fault: z.enum(FAULTS),
  refundTypes: z.array(RefundTypeEnum).min(1),
  remarkTemplate: LocalText,
  note: Note,
});
export type Reason = z.infer<typeof Reason>;

export const SatisfiedBy = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('uploads'), min: z.number().int().min(1).max(50) }),
  z.strictObject({
    type: z.literal('field'),
    field: z.enum(EVIDENCE_FIELDS),
    /** A JS regex source, tested (no flags) against the trimmed field value. */
    pattern: z.string().min(1).max(200),
  }),
  z.strictObject({ type: z.literal('manual') }),
]);
export type SatisfiedBy = z.infer<typeof SatisfiedBy>;

export const EvidenceRule = z.strictObject({
  id: Slug,
  label: LocalText,
  kind: z.enum(EVIDENCE_KINDS),
  satisfiedBy: SatisfiedBy,
  /** Empty or absent lists mean "any". */
  appliesTo: z.strictObject({
    refundTypes: z.array(RefundTypeEnum).optional(),
    reasonCategories: z.array(CategoryEnum).optional(),
    orderStatuses: z.array(OrderStatusEnum).optional(),
  }),
  why: LocalText,
  note: Note,
});
export type EvidenceRule = z.infer<typeof EvidenceRule>;

export const ShippingRule = z.strictObject({
  faults: z.array(z.enum(FAULTS)).min(1),
  payer: z.enum(PAYERS),
  why: LocalText,
  note: Note,
});
export type ShippingRule = z.infer<typeof ShippingRule>;

const Hours = z.number().positive().max(MAX_DEADLINE_HOURS);

export const Deadlines = z.strictObject({
  reviewReminderHours: Hours.default(DEFAULT_DEADLINES.reviewReminderHours),
  /** An approved refund not confirmed this long after approval reminds the merchant. */
  confirmReminderHours: Hours.default(DEFAULT_DEADLINES.confirmReminderHours),
  /** The money should arrive this long after the refund is confirmed (it cannot move before). */
  arrivalWindowHours: Hours.default(DEFAULT_DEADLINES.arrivalWindowHours),
  supportFollowUpHours: Hours.default(DEFAULT_DEADLINES.supportFollowUpHours),
});

export const Express = z.strictObject({
  enabled: z.boolean(),
  /** The highest paid amount (分) an express refund applies to. */
  maxAmount: z.number().int().min(0).max(1e12),
  orderStatuses: z.array(OrderStatusEnum),
  refundTypes: z.array(RefundTypeEnum),
  reasonCategories: z.array(CategoryEnum).optional(),
  note: Note,
});

export const RuleSet = z.strictObject({
  version: z.number().int(),
  reasons: z.array(Reason).min(1).max(200),
  evidence: z.array(EvidenceRule).max(200),
  shipping: z.strictObject({
    rules: z.array(ShippingRule).max(50),
    fallback: z.enum(PAYERS),
  }),
  deadlines: Deadlines.default(() => ({ ...DEFAULT_DEADLINES })),
  // No express section: express refund is off (never claim an eligibility the merchant did not set).
  express: Express.default(() => ({ enabled: false, maxAmount: 0, orderStatuses: [], refundTypes: [] })),
  submit: z.strictObject({ onMissingEvidence: z.enum(['warn', 'block']).default('warn') }).default(() => ({ onMissingEvidence: 'warn' as const })),
  notifications: z
    .strictObject({
      approved: z.boolean().default(true),
      rejected: z.boolean().default(true),
      failed: z.boolean().default(true),
      overdue: z.boolean().default(true),
    })
    .default(() => ({ ...DEFAULT_NOTIFICATIONS })),
  // Defaults are fresh copies: a parsed rule set never shares objects with the constants.
  sites: z.strictObject({ kuaishou: SiteTexts.default(() => structuredClone(KUAISHOU_TEXTS)) }).default(() => ({ kuaishou: structuredClone(KUAISHOU_TEXTS) })),
});
export type RuleSet = z.infer<typeof RuleSet>;
