import { useState } from 'preact/hooks';
import { formatFen } from '../../../lib/money';
import { REFUND_TYPES } from '../../../lib/order';
import { CATEGORIES, FAULTS, TEMPLATE_VARS } from '../../../lib/rules/constants';
import { MISSING_VAR, renderRemark } from '../../../lib/rules/evaluate';
import type { Reason } from '../../../lib/rules/schema';
import { ChecksField, LocalTextField, SelectField, options, pathString, problemsUnder, useEditor } from '../editor';
import { CATEGORY_LABELS, FAULT_LABELS, REFUND_TYPE_LABELS } from '../i18n';
import { uniqueId } from '../ids';
import { Card, Section } from './Section';

/** The sample order the remark preview is rendered with. */
export const SAMPLE_ORDER = {
  orderId: '2411261234567890',
  afterSaleId: '5011261234567890',
  amount: formatFen(12900),
  trackingNo: 'SF1234567890123',
  courier: '顺丰速运',
};

/** A placeholder until the first save names it from its label (ids.ts). */
export function placeholderId(prefix: string, existing: ReadonlyArray<{ id: string }>): string {
  return uniqueId(`${prefix}-new`, new Set(existing.map((x) => x.id)));
}

export function RemarkPreview({ reason }: { reason: Reason }) {
  const ed = useEditor();
  const tpl = reason.remarkTemplate?.[ed.locale] ?? '';
  const text = renderRemark(tpl, { ...SAMPLE_ORDER, reason: reason.label?.[ed.locale] }, MISSING_VAR[ed.locale]);
  return (
    <div class="rh-preview">
      <div class="rh-preview-label">{ed.t('preview')}</div>
      <p data-rh="remark-preview" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

export function ReasonsSection() {
  const ed = useEditor();
  const reasons = ed.rules.reasons ?? [];
  const [open, setOpen] = useState<number | null>(null);

  const add = () => {
    const id = placeholderId('reason', reasons);
    const reason: Reason = {
      id,
      label: { 'zh-CN': '新原因', en: 'New reason' },
      category: 'other',
      fault: 'unknown',
      refundTypes: ['refund-only', 'return-refund'],
      remarkTemplate: { 'zh-CN': '订单 {orderId} 申请退款 {amount}，原因：{reason}。', en: 'Order {orderId}: refund requested: {amount}; reason: {reason}.' },
    };
    ed.update((r) => ({ ...r, reasons: [...r.reasons, reason] }));
    setOpen(reasons.length);
  };
  const remove = (i: number) => {
    ed.update((r) => ({ ...r, reasons: r.reasons.filter((_, j) => j !== i) }));
    setOpen(null);
  };

  return (
    <Section id="reasons" title={ed.t('secReasons')} desc={ed.t('descReasons')}>
      <div class="rh-cards">
        {reasons.map((reason, i) => {
          const bad = problemsUnder(ed.problems, pathString(['reasons', i])).length > 0;
          return (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: a card is its place in the list (its fields' paths are by index); ids are unique only once saved
              key={i}
              dataKey={{ 'data-rh-reason': reason.id }}
              title={reason.label?.[ed.locale] || ed.t('unnamed')}
              subtitle={ed.l(CATEGORY_LABELS[reason.category] ?? { 'zh-CN': String(reason.category), en: String(reason.category) })}
              open={open === i || bad}
              invalid={bad}
              onToggle={() => setOpen(open === i ? null : i)}
              onRemove={reasons.length > 1 ? () => remove(i) : undefined}
            >
              <div class="rh-grid">
                <SelectField path={['reasons', i, 'category']} label={ed.t('category')} options={options(CATEGORIES, CATEGORY_LABELS, ed.locale)} />
                <SelectField path={['reasons', i, 'fault']} label={ed.t('fault')} options={options(FAULTS, FAULT_LABELS, ed.locale)} />
              </div>
              <LocalTextField path={['reasons', i, 'label']} label={ed.t('label')} />
              <ChecksField path={['reasons', i, 'refundTypes']} label={ed.t('refundTypes')} options={options(REFUND_TYPES, REFUND_TYPE_LABELS, ed.locale)} />
              <LocalTextField
                path={['reasons', i, 'remarkTemplate']}
                label={ed.t('remarkTemplate')}
                multiline
                hint={`${ed.t('templateVars')} ${TEMPLATE_VARS.map((v) => `{${v}}`).join(' ')}`}
              />
              <RemarkPreview reason={reason} />
              {reason.note && (
                <p class="rh-note">
                  {ed.t('source')}：{reason.note}
                </p>
              )}
            </Card>
          );
        })}
      </div>
      <button type="button" class="rh-btn" data-rh="reason-add" onClick={add}>
        + {ed.t('reasonAdd')}
      </button>
    </Section>
  );
}
