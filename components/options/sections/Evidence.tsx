import { useState } from 'preact/hooks';
import { ORDER_STATUSES, REFUND_TYPES, type OrderStatus, type RefundType } from '../../../lib/order';
import { CATEGORIES, EVIDENCE_FIELDS, EVIDENCE_KINDS } from '../../../lib/rules/constants';
import { adviseOrder, expressEligibility, requiredEvidence, shippingPayer } from '../../../lib/rules/evaluate';
import type { EvidenceRule, RuleSet, SatisfiedBy } from '../../../lib/rules/schema';
import {
  ChecksField,
  FieldShell,
  LocalTextField,
  NumberField,
  SelectField,
  TextField,
  fieldId,
  options,
  pathString,
  problemsUnder,
  useEditor,
} from '../editor';
import { ADVICE_LABELS, CATEGORY_LABELS, FIELD_LABELS, KIND_LABELS, ORDER_STATUS_LABELS, PAYER_LABELS, REFUND_TYPE_LABELS } from '../i18n';
import { placeholderId } from './Reasons';
import { Card, Section } from './Section';

const SATISFIED_DEFAULTS: Record<SatisfiedBy['type'], SatisfiedBy> = {
  uploads: { type: 'uploads', min: 1 },
  field: { type: 'field', field: 'trackingNo', pattern: '\\S' },
  manual: { type: 'manual' },
};

function SatisfiedByFields({ i, sb }: { i: number; sb: SatisfiedBy }) {
  const ed = useEditor();
  const path = ['evidence', i, 'satisfiedBy'] as const;
  const id = fieldId([...path, 'type']);
  return (
    <div class="rh-grid">
      <FieldShell path={[...path, 'type']} label={ed.t('satisfiedBy')}>
        <select
          id={id}
          value={sb?.type}
          onChange={(e) => ed.set(path, SATISFIED_DEFAULTS[(e.currentTarget as HTMLSelectElement).value as SatisfiedBy['type']])}
        >
          <option value="uploads">{ed.t('byUploads')}</option>
          <option value="field">{ed.t('byField')}</option>
          <option value="manual">{ed.t('byManual')}</option>
        </select>
      </FieldShell>
      {sb?.type === 'uploads' && <NumberField path={[...path, 'min']} label={ed.t('minUploads')} />}
      {sb?.type === 'field' && (
        <>
          <SelectField path={[...path, 'field']} label={ed.t('field')} options={options(EVIDENCE_FIELDS, FIELD_LABELS, ed.locale)} />
          <TextField path={[...path, 'pattern']} label={ed.t('pattern')} mono />
        </>
      )}
    </div>
  );
}

export function EvidenceSection() {
  const ed = useEditor();
  const list = ed.rules.evidence ?? [];
  const [open, setOpen] = useState<number | null>(null);

  const add = () => {
    const rule: EvidenceRule = {
      id: placeholderId('evidence', list),
      label: { 'zh-CN': '新凭证', en: 'New evidence' },
      kind: 'photo',
      satisfiedBy: { type: 'uploads', min: 1 },
      appliesTo: {},
      why: { 'zh-CN': '请上传相关凭证。', en: 'Please upload the evidence.' },
    };
    ed.update((r) => ({ ...r, evidence: [...r.evidence, rule] }));
    setOpen(list.length);
  };
  const remove = (i: number) => {
    ed.update((r) => ({ ...r, evidence: r.evidence.filter((_, j) => j !== i) }));
    setOpen(null);
  };

  return (
    <Section id="evidence" title={ed.t('secEvidence')} desc={ed.t('descEvidence')}>
      <div class="rh-cards">
        {list.map((rule, i) => {
          const bad = problemsUnder(ed.problems, pathString(['evidence', i])).length > 0;
          return (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: a card is its place in the list (its fields' paths are by index); ids are unique only once saved
              key={i}
              dataKey={{ 'data-rh-evidence-rule': rule.id }}
              title={rule.label?.[ed.locale] || ed.t('unnamed')}
              subtitle={ed.l(KIND_LABELS[rule.kind] ?? { 'zh-CN': String(rule.kind), en: String(rule.kind) })}
              open={open === i || bad}
              invalid={bad}
              onToggle={() => setOpen(open === i ? null : i)}
              onRemove={() => remove(i)}
            >
              <div class="rh-grid">
                <SelectField path={['evidence', i, 'kind']} label={ed.t('kind')} options={options(EVIDENCE_KINDS, KIND_LABELS, ed.locale)} />
              </div>
              <LocalTextField path={['evidence', i, 'label']} label={ed.t('label')} />
              <SatisfiedByFields i={i} sb={rule.satisfiedBy} />
              <h4 class="rh-sub">{ed.t('appliesTo')}</h4>
              <ChecksField
                path={['evidence', i, 'appliesTo', 'refundTypes']}
                label={ed.t('refundTypes')}
                hint={ed.t('any')}
                emptyAsAbsent
                options={options(REFUND_TYPES, REFUND_TYPE_LABELS, ed.locale)}
              />
              <ChecksField
                path={['evidence', i, 'appliesTo', 'reasonCategories']}
                label={ed.t('reasonCategories')}
                emptyAsAbsent
                options={options(CATEGORIES, CATEGORY_LABELS, ed.locale)}
              />
              <ChecksField
                path={['evidence', i, 'appliesTo', 'orderStatuses']}
                label={ed.t('orderStatuses')}
                emptyAsAbsent
                options={options(ORDER_STATUSES, ORDER_STATUS_LABELS, ed.locale)}
              />
              <LocalTextField path={['evidence', i, 'why']} label={ed.t('why')} multiline />
              {rule.note && (
                <p class="rh-note">
                  {ed.t('source')}：{rule.note}
                </p>
              )}
            </Card>
          );
        })}
      </div>
      <button type="button" class="rh-btn" data-rh="evidence-add" onClick={add}>
        + {ed.t('evidenceAdd')}
      </button>
      <RuleTester />
    </Section>
  );
}

/** A paid amount for the tester's express check: the sample order's. */
const SAMPLE_PAID = 12900;

/**
 * Pick a refund type, a reason and an order status: the evidence the panel will ask for, its
 * advice, who pays return shipping and express eligibility, from the rules being edited.
 */
export function RuleTester({ now = Date.now }: { now?: () => number }) {
  const ed = useEditor();
  const reasons = ed.rules.reasons ?? [];
  const [refundType, setRefundType] = useState<RefundType>('return-refund');
  const [reasonId, setReasonId] = useState<string>(reasons[0]?.id ?? '');
  const [orderStatus, setOrderStatus] = useState<OrderStatus>('delivered');

  let result: {
    evidence: EvidenceRule[];
    advice: ReturnType<typeof adviseOrder>;
    payer?: ReturnType<typeof shippingPayer>;
    express: ReturnType<typeof expressEligibility>;
  } | null = null;
  try {
    const rules = ed.rules as RuleSet;
    const rid = reasonId || undefined;
    result = {
      evidence: requiredEvidence(rules, { refundType, reasonId: rid, orderStatus }),
      advice: adviseOrder({ status: orderStatus }, undefined, now()),
      payer: rid ? shippingPayer(rules, rid) : undefined,
      express: expressEligibility(rules, { status: orderStatus, paidAmount: SAMPLE_PAID }, refundType, rid),
    };
  } catch {
    result = null; // the draft is mid-edit and malformed; the problems list says why
  }

  return (
    <div class="rh-tester" data-rh="rule-tester">
      <h3>{ed.t('tester')}</h3>
      <p class="rh-desc">{ed.t('testerDesc')}</p>
      <div class="rh-grid">
        <label class="rh-field">
          <span>{ed.t('refundType')}</span>
          <select data-rh="tester-refund-type" value={refundType} onChange={(e) => setRefundType((e.currentTarget as HTMLSelectElement).value as RefundType)}>
            {options(REFUND_TYPES, REFUND_TYPE_LABELS, ed.locale).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="rh-field">
          <span>{ed.t('reason')}</span>
          <select data-rh="tester-reason" value={reasonId} onChange={(e) => setReasonId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{ed.t('noReason')}</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label?.[ed.locale] || r.id}
              </option>
            ))}
          </select>
        </label>
        <label class="rh-field">
          <span>{ed.t('orderStatus')}</span>
          <select
            data-rh="tester-order-status"
            value={orderStatus}
            onChange={(e) => setOrderStatus((e.currentTarget as HTMLSelectElement).value as OrderStatus)}
          >
            {options(ORDER_STATUSES, ORDER_STATUS_LABELS, ed.locale).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result && (
        <div class="rh-tester-out" aria-live="polite">
          <div>
            <h4>{ed.t('requiredEvidence')}</h4>
            {result.evidence.length === 0 ? (
              <p data-rh="tester-evidence" data-value="">
                {ed.t('noEvidence')}
              </p>
            ) : (
              <ul data-rh="tester-evidence" data-value={result.evidence.map((e) => e.id).join(' ')}>
                {result.evidence.map((e) => (
                  <li key={e.id} data-rh-tester-evidence={e.id}>
                    <b>{e.label?.[ed.locale] || e.id}</b> — {e.why?.[ed.locale]}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h4>{ed.t('advice')}</h4>
            <p data-rh="tester-advice" data-value={result.advice.advice}>
              <b>{ed.l(ADVICE_LABELS[result.advice.advice])}</b> — {ed.l(result.advice.why)}
            </p>
            {result.payer && (
              <>
                <h4>{ed.t('shippingPayer')}</h4>
                <p data-rh="tester-payer" data-value={result.payer.payer}>
                  <b>{ed.l(PAYER_LABELS[result.payer.payer])}</b> — {ed.l(result.payer.why)}
                </p>
              </>
            )}
            <h4>{ed.t('express')}</h4>
            <p data-rh="tester-express" data-value={String(result.express.eligible)}>
              <b>{ed.t(result.express.eligible ? 'eligible' : 'notEligible')}</b> — {ed.l(result.express.why)}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
