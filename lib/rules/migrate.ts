/**
 * Rule file migrations. Each step takes the raw object of one version and returns the raw object
 * of the next; validation happens after the last step (parseRuleSet), so a migration only moves
 * fields and never judges them.
 *
 * Version 1 (the first exported files) had flat deadline fields on the root and no `deadlines`,
 * `notifications` or `express` sections:
 *   { version: 1, reasons, evidence, shipping, reviewHours?, arrivalHours?, followUpHours?, submit?, sites? }
 * Version 2 groups the hours under `deadlines` (reviewReminderHours, arrivalWindowHours,
 * supportFollowUpHours) and adds `notifications` (all on) and `express` (off: a migrated file
 * never claims an express eligibility its author did not configure). Defaults are filled by the
 * schema, not here.
 *
 * Version 3 adds the observed status `confirmed` (退款执行中: the merchant confirmed the refund,
 * possibly in another tab). The after-sale status texts are a record exhaustive over the observed
 * statuses, so a v2 file's `sites.kuaishou.afterSaleStatusTexts` gets the default texts of every
 * status key it lacks, and 退款执行中 leaves `approved` (where v2 listed it) for `confirmed`.
 */
import { KUAISHOU_TEXTS, OBSERVED_STATUSES } from '../sites/texts';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

const V1_DEADLINE_KEYS = {
  reviewHours: 'reviewReminderHours',
  arrivalHours: 'arrivalWindowHours',
  followUpHours: 'supportFollowUpHours',
} as const;

function v1ToV2(v1: Raw): Raw {
  const { reviewHours, arrivalHours, followUpHours, ...rest } = v1;
  const flat: Raw = { reviewHours, arrivalHours, followUpHours };
  const deadlines: Raw =
    rest.deadlines && typeof rest.deadlines === 'object' && !Array.isArray(rest.deadlines) ? { ...(rest.deadlines as Raw) } : {};
  for (const [from, to] of Object.entries(V1_DEADLINE_KEYS)) {
    if (flat[from] !== undefined) deadlines[to] = flat[from];
  }
  return { ...rest, version: 2, deadlines };
}

/** Moved from `approved` to `confirmed` in version 3. */
const MOVED_TO_CONFIRMED = '退款执行中';

function v2ToV3(v2: Raw): Raw {
  const out: Raw = { ...v2, version: 3 };
  if (!isObject(v2.sites) || !isObject(v2.sites.kuaishou) || !isObject(v2.sites.kuaishou.afterSaleStatusTexts)) return out;
  const texts: Raw = { ...v2.sites.kuaishou.afterSaleStatusTexts };
  if (Array.isArray(texts.approved)) texts.approved = texts.approved.filter((t) => t !== MOVED_TO_CONFIRMED);
  for (const status of OBSERVED_STATUSES) {
    if (texts[status] === undefined) texts[status] = [...KUAISHOU_TEXTS.afterSaleStatusTexts[status]];
  }
  out.sites = { ...v2.sites, kuaishou: { ...v2.sites.kuaishou, afterSaleStatusTexts: texts } };
  return out;
}

const STEPS: Record<number, (raw: Raw) => Raw> = { 1: v1ToV2, 2: v2ToV3 };

/**
 * Where a migration moved a field: new path → path in the file as written, per source version,
 * so a problem is reported where the merchant can find it.
 */
export const MIGRATED_PATHS: Record<number, Record<string, string>> = {
  1: {
    'deadlines.reviewReminderHours': 'reviewHours',
    'deadlines.arrivalWindowHours': 'arrivalHours',
    'deadlines.supportFollowUpHours': 'followUpHours',
  },
};

/** Migrates a raw rule object from `fromVersion` up to the current version (never mutates it). */
export function migrateRules(raw: Raw, fromVersion: number): Raw {
  let out: Raw = { ...raw };
  for (let v = fromVersion; STEPS[v]; v++) out = STEPS[v](out);
  return out;
}
