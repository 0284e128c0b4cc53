/* The smaller sections: return shipping, deadlines and submit, express refund, page texts, notifications. */
import { useEffect, useState } from 'preact/hooks';
import { tr, type Locale, type LocalText } from '../../../lib/i18n';
import { formatFen, parseMoney } from '../../../lib/money';
import { ORDER_STATUSES, REFUND_TYPES } from '../../../lib/order';
import { CATEGORIES, FAULTS, PAYERS } from '../../../lib/rules/constants';
import type { ShippingRule } from '../../../lib/rules/schema';
import { FORM_FIELDS, OBSERVED_STATUSES, READ_FIELDS } from '../../../lib/sites/texts';
import {
  ChecksField,
  FieldShell,
  ListField,
  LocalTextField,
  NumberField,
  SelectField,
  ToggleField,
  fieldId,
  getIn,
  makeT,
  options,
  pathString,
  problemsUnder,
  useEditor,
  type Path,
} from '../editor';
import {
  CATEGORY_LABELS,
  FAULT_LABELS,
  FORM_FIELD_LABELS,
  OBSERVED_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  PAYER_LABELS,
  READ_FIELD_LABELS,
  REFUND_TYPE_LABELS,
} from '../i18n';
import { Card, Section } from './Section';

/** Who, as a sentence's subject or object: 商家 / the seller. */
const WHO: Record<string, LocalText> = {
  seller: { 'zh-CN': '商家', en: 'the seller' },
  buyer: { 'zh-CN': '买家', en: 'the buyer' },
  courier: { 'zh-CN': '快递', en: 'the courier' },
};

/** A rule as a sentence: "是商家或快递的责任时，退货运费由商家承担" / "When the seller or the courier is at fault, the seller pays return shipping". */
export function shippingSentence(rule: Pick<ShippingRule, 'faults' | 'payer'>, locale: Locale): string {
  const t = makeT(locale);
  const who = (rule.faults ?? []).filter((f) => WHO[f]).map((f) => tr(WHO[f], locale));
  const clauses = [...(who.length ? [t('faultIs', { who: who.join(t('or')) })] : []), ...((rule.faults ?? []).includes('unknown') ? [t('faultUnknown')] : [])];
  if (clauses.length === 0) return t('shippingNoFault');
  const payer = WHO[rule.payer] ? tr(WHO[rule.payer], locale) : String(rule.payer);
  return t('shippingSentence', { when: clauses.join(t('orClause')), payer });
}

export function ShippingSection() {
  const ed = useEditor();
  const rules = ed.rules.shipping?.rules ?? [];
  const [open, setOpen] = useState<number | null>(null);
  const add = () => {
    const rule: ShippingRule = { faults: ['unknown'], payer: 'seller', why: { 'zh-CN': '运费由商家承担。', en: 'The seller pays return shipping.' } };
    ed.update((r) => ({ ...r, shipping: { ...r.shipping, rules: [...r.shipping.rules, rule] } }));
    setOpen(rules.length);
  };
  return (
    <Section id="shipping" title={ed.t('secShipping')} desc={ed.t('descShipping')}>
      <div class="rh-cards">
        {rules.map((rule, i) => {
          const bad = problemsUnder(ed.problems, pathString(['shipping', 'rules', i])).length > 0;
          return (
            <Card
              // biome-ignore lint/suspicious/noArrayIndexKey: a card is its place in the list (its fields' paths are by index); ids are unique only once saved
              key={i}
              title={shippingSentence(rule, ed.locale)}
              open={open === i || bad}
              invalid={bad}
              onToggle={() => setOpen(open === i ? null : i)}
              onRemove={() => {
                ed.update((r) => ({ ...r, shipping: { ...r.shipping, rules: r.shipping.rules.filter((_, j) => j !== i) } }));
                setOpen(null);
              }}
            >
              <ChecksField path={['shipping', 'rules', i, 'faults']} label={ed.t('faults')} options={options(FAULTS, FAULT_LABELS, ed.locale)} />
              <SelectField path={['shipping', 'rules', i, 'payer']} label={ed.t('payer')} options={options(PAYERS, PAYER_LABELS, ed.locale)} />
              <LocalTextField path={['shipping', 'rules', i, 'why']} label={ed.t('why')} multiline />
              {rule.note && (
                <p class="rh-note">
                  {ed.t('source')}：{rule.note}
                </p>
              )}
            </Card>
          );
        })}
      </div>
      <button type="button" class="rh-btn" data-rh="shipping-add" onClick={add}>
        + {ed.t('shippingAdd')}
      </button>
      <SelectField path={['shipping', 'fallback']} label={ed.t('fallback')} options={options(PAYERS, PAYER_LABELS, ed.locale)} />
    </Section>
  );
}

export function TimingSection() {
  const ed = useEditor();
  const onMissing = ed.rules.submit?.onMissingEvidence;
  const setMissing = (v: 'warn' | 'block') => ed.set(['submit', 'onMissingEvidence'], v);
  return (
    <Section id="timing" title={ed.t('secTiming')} desc={ed.t('descTiming')}>
      <div class="rh-grid">
        <NumberField path={['deadlines', 'reviewReminderHours']} label={ed.t('reviewReminderHours')} hint={ed.t('reviewReminderHint')} unit={ed.t('hours')} />
        <NumberField
          path={['deadlines', 'confirmReminderHours']}
          label={ed.t('confirmReminderHours')}
          hint={ed.t('confirmReminderHint')}
          unit={ed.t('hours')}
        />
        <NumberField path={['deadlines', 'arrivalWindowHours']} label={ed.t('arrivalWindowHours')} hint={ed.t('arrivalWindowHint')} unit={ed.t('hours')} />
        <NumberField
          path={['deadlines', 'supportFollowUpHours']}
          label={ed.t('supportFollowUpHours')}
          hint={ed.t('supportFollowUpHint')}
          unit={ed.t('hours')}
        />
      </div>
      <FieldShell path={['submit', 'onMissingEvidence']} label={ed.t('onMissing')} group>
        <div class="rh-radios" role="radiogroup">
          {(['warn', 'block'] as const).map((v) => (
            <label key={v} class={`rh-radio${onMissing === v ? ' on' : ''}`}>
              <input type="radio" name="onMissingEvidence" value={v} checked={onMissing === v} onChange={() => setMissing(v)} data-rh={`submit-${v}`} />
              {ed.t(v === 'warn' ? 'onMissingWarn' : 'onMissingBlock')}
            </label>
          ))}
        </div>
      </FieldShell>
    </Section>
  );
}

/** An amount in 分 edited as yuan ("200", "¥200.00"); what does not parse is kept as text for the validator. */
function MoneyField({ path, label, hint }: { path: Path; label: string; hint?: string }) {
  const ed = useEditor();
  const v = getIn(ed.rules, path);
  const shown = typeof v === 'number' ? formatFen(v, { symbol: false }) : String(v ?? '');
  const [text, setText] = useState(shown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the amount re-syncs the text; typing (text) must not
  useEffect(() => {
    const parsed = parseMoney(text);
    if (!(parsed.ok && parsed.fen === v) && text !== v) setText(shown);
  }, [shown]);
  return (
    <FieldShell path={path} label={label} hint={hint}>
      <span class="rh-with-unit">
        <span class="rh-unit">¥</span>
        <input
          type="text"
          inputMode="decimal"
          id={fieldId(path)}
          value={text}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            setText(raw);
            const parsed = parseMoney(raw);
            ed.set(path, parsed.ok ? parsed.fen : raw);
          }}
        />
      </span>
    </FieldShell>
  );
}

export function ExpressSection() {
  const ed = useEditor();
  const enabled = ed.rules.express?.enabled === true;
  return (
    <Section id="express" title={ed.t('secExpress')} desc={ed.t('descExpress')}>
      <ToggleField path={['express', 'enabled']} label={ed.t('expressEnabled')} />
      <div class={enabled ? '' : 'rh-dim'}>
        <MoneyField path={['express', 'maxAmount']} label={ed.t('maxAmount')} hint={ed.t('maxAmountHint')} />
        <ChecksField path={['express', 'orderStatuses']} label={ed.t('orderStatuses')} options={options(ORDER_STATUSES, ORDER_STATUS_LABELS, ed.locale)} />
        <ChecksField path={['express', 'refundTypes']} label={ed.t('refundTypes')} options={options(REFUND_TYPES, REFUND_TYPE_LABELS, ed.locale)} />
        <ChecksField
          path={['express', 'reasonCategories']}
          label={ed.t('reasonCategories')}
          hint={ed.t('expressCategoriesHint')}
          emptyAsAbsent
          options={options(CATEGORIES, CATEGORY_LABELS, ed.locale)}
        />
        {ed.rules.express?.note && (
          <p class="rh-note">
            {ed.t('source')}：{ed.rules.express.note}
          </p>
        )}
      </div>
    </Section>
  );
}

export function SitesSection() {
  const ed = useEditor();
  const base = ['sites', 'kuaishou'] as const;
  // Collapsed: merchants rarely need it; opened by the merchant, or by a problem in it.
  const [open, setOpen] = useState(false);
  const forced = problemsUnder(ed.problems, 'sites').length > 0;
  const group = (title: string, key: string, keys: readonly string[], labels: Record<string, LocalText>) => (
    <div class="rh-texts-group">
      <h4 class="rh-sub">{title}</h4>
      <div class="rh-grid">
        {keys.map((k) => (
          <ListField key={k} path={[...base, key, k]} label={ed.l(labels[k])} />
        ))}
      </div>
    </div>
  );
  return (
    <Section id="sites" title={ed.t('secSites')}>
      <details class="rh-advanced" data-rh="advanced" open={open || forced} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          {ed.t('sitesTitle')}
          <span class="rh-muted">{ed.t('sitesToggle')}</span>
        </summary>
        <p class="rh-desc">{ed.t('descSites')}</p>
        <h3>{ed.t('siteKuaishou')}</h3>
        {group(ed.t('labels'), 'labels', READ_FIELDS, READ_FIELD_LABELS)}
        {group(ed.t('orderStatusTexts'), 'orderStatusTexts', ORDER_STATUSES, ORDER_STATUS_LABELS)}
        {group(ed.t('afterSaleStatusTexts'), 'afterSaleStatusTexts', OBSERVED_STATUSES, OBSERVED_STATUS_LABELS)}
        {group(ed.t('afterSaleStatusCodes'), 'afterSaleStatusCodes', OBSERVED_STATUSES, OBSERVED_STATUS_LABELS)}
        {group(ed.t('refundTypeTexts'), 'refundTypeTexts', REFUND_TYPES, REFUND_TYPE_LABELS)}
        {group(ed.t('formLabels'), 'formLabels', FORM_FIELDS, FORM_FIELD_LABELS)}
        {group(ed.t('buttons'), 'buttons', ['submit', 'confirmRefund', 'applyRefund'], {
          submit: { 'zh-CN': ed.t('btnSubmit'), en: ed.t('btnSubmit') },
          confirmRefund: { 'zh-CN': ed.t('btnConfirmRefund'), en: ed.t('btnConfirmRefund') },
          applyRefund: { 'zh-CN': ed.t('btnApplyRefund'), en: ed.t('btnApplyRefund') },
        })}
      </details>
    </Section>
  );
}

export function NotificationsSection() {
  const ed = useEditor();
  return (
    <Section id="notifications" title={ed.t('secNotifications')} desc={ed.t('descNotifications')}>
      <div class="rh-toggles">
        <ToggleField path={['notifications', 'approved']} label={ed.t('notifyApproved')} />
        <ToggleField path={['notifications', 'rejected']} label={ed.t('notifyRejected')} />
        <ToggleField path={['notifications', 'failed']} label={ed.t('notifyFailed')} />
        <ToggleField path={['notifications', 'overdue']} label={ed.t('notifyOverdue')} />
      </div>
    </Section>
  );
}
