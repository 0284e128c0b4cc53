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
 *
 * Version 4 adds the platform's wordings a v3 file missed (退款关闭, 退款中, 待买家退货, 问题描述, …;
 * a page showing them left cases behind), the observed status `escalated` (平台介入, which v3
 * read as `reviewing`) and the labels `platformComment` (平台意见) and `appliedAt` (申请时间). A
 * text is added only where the file has it under no key of that table, so a wording the merchant
 * moved stays where they put it.
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
  const deadlines: Raw = rest.deadlines && typeof rest.deadlines === 'object' && !Array.isArray(rest.deadlines) ? { ...(rest.deadlines as Raw) } : {};
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

/** The texts version 4 added to the defaults, per table and key (a v3 file keeps its own edits). */
const ADDED_IN_V4: Record<string, Record<string, readonly string[]>> = {
  labels: {
    afterSaleId: ['退款单号'],
    refundAmount: ['申请金额'],
    refundType: ['申请类型'],
    platformComment: KUAISHOU_TEXTS.labels.platformComment,
    appliedAt: KUAISHOU_TEXTS.labels.appliedAt,
  },
  afterSaleStatusTexts: {
    reviewing: ['买家仅退款申请', '买家退货退款申请'],
    approved: ['商家同意', '待买家退货', '回寄信息待买家更新', '买家已退货', '待商家收货', '回寄信息待卖家确认', '待买家确认收货'],
    confirmed: ['退款中'],
    rejected: ['商家拒绝', '商家驳回'],
    escalated: KUAISHOU_TEXTS.afterSaleStatusTexts.escalated,
    closed: ['退款关闭', '已撤销', '买家撤销', '买家已撤销'],
  },
  formLabels: {
    refundType: ['申请类型'],
    reason: ['申请原因'],
    amount: ['申请金额'],
    remark: ['问题描述', '退款说明', '补充说明'],
    evidence: ['图片凭证'],
  },
};
/** v3 listed 平台介入 under reviewing; v4 reads it as escalated. */
const MOVED_TO_ESCALATED = '平台介入';

function v3ToV4(v3: Raw): Raw {
  const out: Raw = { ...v3, version: 4 };
  if (!isObject(v3.sites) || !isObject(v3.sites.kuaishou)) return out;
  const site: Raw = { ...v3.sites.kuaishou };
  for (const [table, added] of Object.entries(ADDED_IN_V4)) {
    if (!isObject(site[table])) continue;
    const texts: Raw = { ...site[table] };
    if (table === 'afterSaleStatusTexts' && Array.isArray(texts.reviewing)) {
      texts.reviewing = texts.reviewing.filter((t) => t !== MOVED_TO_ESCALATED);
    }
    const present = new Set(Object.values(texts).flatMap((v) => (Array.isArray(v) ? v : [])));
    for (const [key, list] of Object.entries(added)) {
      const mine = Array.isArray(texts[key]) ? (texts[key] as unknown[]) : texts[key] === undefined ? [] : undefined;
      // Not a list: left for the schema to report where the merchant wrote it.
      if (!mine) continue;
      texts[key] = [...mine, ...list.filter((t) => !present.has(t))];
    }
    site[table] = texts;
  }
  out.sites = { ...v3.sites, kuaishou: site };
  return out;
}

const STEPS: Record<number, (raw: Raw) => Raw> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

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
