import type { OrderStatus, RefundType } from '../order';
import { PATTERN_INPUT_MAX, type EvidenceField, type LocalText } from './constants';
import { findReason } from './refund';
import { leftInstruction } from './remark';
import type { EvidenceRule, RuleSet } from './schema';
import { localText as t } from '../i18n';

/* Which evidence the rules ask for, and the checklist of what the form has. */

function matchesList<T>(list: readonly T[] | undefined, value: T | undefined): boolean {
  // An absent or empty list means "any"; an unknown value cannot rule an item out (we would
  // rather ask for evidence that turns out unneeded than miss evidence that was needed).
  if (!list || list.length === 0 || value === undefined) return true;
  return list.includes(value);
}

/** The evidence rules that apply to this refund type, reason and order status. */
export function requiredEvidence(rules: RuleSet, ctx: { refundType: RefundType; reasonId?: string; orderStatus?: OrderStatus }): EvidenceRule[] {
  const category = findReason(rules, ctx.reasonId)?.category;
  return rules.evidence.filter(
    (e) =>
      matchesList(e.appliesTo.refundTypes, ctx.refundType) &&
      matchesList(e.appliesTo.reasonCategories, category) &&
      matchesList(e.appliesTo.orderStatuses, ctx.orderStatus),
  );
}

export type EvidenceFacts = { uploads: number; fields: Partial<Record<EvidenceField, string>>; ticked: string[] };

export type EvidenceItem = { id: string; label: LocalText; state: 'ok' | 'missing'; manual: boolean; why: LocalText };

function fieldMatches(pattern: string, value: string | undefined): boolean {
  const v = (value ?? '').trim().slice(0, PATTERN_INPUT_MAX);
  try {
    return new RegExp(pattern).test(v);
  } catch {
    // An invalid pattern never passes validation; if one slips through, a non-empty value counts.
    return v !== '';
  }
}

/**
 * The evidence checklist. An item is ok when its rule is satisfied by the facts read from the
 * form, or when the merchant ticked it by hand (`ticked` holds ids): ticking is how a `manual`
 * item is satisfied, and it also lets the merchant vouch for an item the page could not be read
 * for (e.g. an upload list the extension does not recognise).
 */
export function checkEvidence(
  rules: RuleSet,
  ctx: { refundType: RefundType; reasonId?: string; orderStatus?: OrderStatus },
  facts: EvidenceFacts,
): { complete: boolean; items: EvidenceItem[] } {
  const left = leftInstruction(facts.fields.remark);
  const unfinished = left && {
    id: 'remark',
    label: t('备注说明', 'Remark'),
    state: 'missing' as const,
    manual: false,
    why: t(`备注中的「${left}」是模板的提示，请换成具体内容。`, `"${left}" in the remark is the template's instruction: replace it with the facts.`),
  };
  const items = requiredEvidence(rules, ctx).map((e): EvidenceItem => {
    const sb = e.satisfiedBy;
    if (unfinished && sb.type === 'field' && sb.field === 'remark') return { ...unfinished, id: e.id, label: e.label };
    let ok = facts.ticked.includes(e.id);
    if (!ok) {
      if (sb.type === 'uploads') ok = facts.uploads >= sb.min;
      else if (sb.type === 'field') ok = fieldMatches(sb.pattern, facts.fields[sb.field]);
    }
    return { id: e.id, label: e.label, state: ok ? 'ok' : 'missing', manual: sb.type === 'manual', why: e.why };
  });
  // A remark still holding an instruction counts as missing whether or not a rule asks for a remark: it must not reach the platform.
  if (unfinished && !items.some((i) => i.why === unfinished.why)) items.push(unfinished);
  return { complete: items.every((i) => i.state === 'ok'), items };
}
