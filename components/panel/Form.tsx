/** @jsxRuntime classic */
/** @jsx h */
/*
 * The panel on the refund form: the evidence checklist (first: what the page does not say), the
 * application helper (type, reason, remark, fill) and the fields the page did not show, typed in.
 */
// biome-ignore lint/correctness/noUnusedImports: h (and Fragment) are the classic JSX factories the pragmas above name.
import { h, type JSX } from 'preact';
import type { MissingView, PanelActions, PanelModel } from '../../lib/content/model';
import { REFUND_TYPES, type RefundType } from '../../lib/order';
import { Icon } from './icons';
import type { T } from './Panel';

type Ev<E extends EventTarget> = JSX.TargetedEvent<E>;

export function FormHelper({ form, t, actions }: { form: NonNullable<PanelModel['form']>; t: T; actions: PanelActions }) {
  return (
    <div class="box" data-rh="form-helper">
      <b>{t('formTitle')}</b>
      <label>
        {t('refundTypeLabel')}
        <select
          data-rh="refund-type"
          value={form.refundType}
          onChange={(e: Ev<HTMLSelectElement>) => actions.setRefundType(e.currentTarget.value as RefundType)}
        >
          {REFUND_TYPES.map((rt) => (
            <option key={rt} value={rt} data-value={rt}>
              {t(`refundType.${rt}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reasonLabel')}
        <select data-rh="reason" value={form.reasonId ?? ''} onChange={(e: Ev<HTMLSelectElement>) => actions.setReason(e.currentTarget.value)}>
          <option value="">{t('reasonChoose')}</option>
          {[true, false].map((suggested) => {
            const list = form.reasons.filter((r) => r.suggested === suggested);
            return (
              list.length > 0 && (
                <optgroup key={String(suggested)} label={t(suggested ? 'reasonSuggested' : 'reasonOthers')}>
                  {list.map((r) => (
                    <option key={r.id} value={r.id} data-value={r.id} data-suggested={String(suggested)}>
                      {r.label}
                    </option>
                  ))}
                </optgroup>
              )
            );
          })}
        </select>
      </label>
      <label>
        {t('remarkLabel')}
        <textarea data-rh="remark" rows={4} value={form.remark} onInput={(e: Ev<HTMLTextAreaElement>) => actions.setRemark(e.currentTarget.value)} />
      </label>
      <small class="muted">{form.amountWhy}</small>
      <p data-rh="express" data-value={String(form.express.eligible)}>
        {t('expressTitle')}：<b>{t(form.express.eligible ? 'expressYes' : 'expressNo')}</b>
        <small class="muted">{form.express.why}</small>
      </p>
      <button type="button" class="btn primary" data-rh="fill-form" disabled={form.filling} onClick={actions.fill}>
        {t(form.filling ? 'filling' : 'fill')}
      </button>
      {form.fillResult.map((line) => (
        <small key={line} data-rh="fill-result" role="status">
          {line}
        </small>
      ))}
    </div>
  );
}

export function Evidence({ ev, t, tick }: { ev: NonNullable<PanelModel['evidence']>; t: T; tick: PanelActions['tick'] }) {
  const missing = ev.items.filter((i) => i.state === 'missing').length;
  return (
    <div class="box" data-rh="evidence" data-complete={String(ev.complete)}>
      <b>
        {t('evidenceTitle')}{' '}
        <span class={ev.complete ? 'ok' : 'bad'}>
          {ev.items.length ? (ev.complete ? t('evidenceComplete') : t('evidenceIncomplete', { n: missing })) : t('evidenceNone')}
        </span>
      </b>
      <ul class="list">
        {ev.items.map((i) => {
          // A manual item is a checkbox button: a click (or Space/Enter) on the item itself ticks
          // it. One read from the page is not tickable: a read-only checkbox tells assistive tech.
          const Item = i.manual ? 'button' : 'div';
          return (
            <li key={i.id}>
              <Item
                type={i.manual ? 'button' : undefined}
                role="checkbox"
                aria-checked={i.manual ? i.ticked : i.state === 'ok'}
                aria-readonly={i.manual ? undefined : 'true'}
                class="ev"
                data-rh-evidence={i.id}
                data-state={i.state}
                onClick={i.manual ? () => tick(i.id) : undefined}
              >
                <i class={`cb ${i.state}`}>{i.state === 'ok' && <Icon name="check" />}</i>
                <span>
                  {i.label}
                  {i.state === 'missing' && <small class="muted">{i.why}</small>}
                  {i.manual && !i.ticked && <small class="hint">{t('evidenceTick')}</small>}
                </span>
              </Item>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function Missing({ m, t, onProvide }: { m: MissingView; t: T; onProvide: PanelActions['provide'] }) {
  // Uncontrolled: the typed text stays in the input across re-renders and is read on submit.
  const submit = (e: Ev<HTMLFormElement>) => {
    e.preventDefault();
    onProvide(m.field, (e.currentTarget.elements.namedItem('v') as HTMLInputElement).value);
  };
  return (
    <form data-rh-missing={m.field} onSubmit={submit}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control (a select or an input) is inside, chosen by the field's kind. */}
      <label>
        {m.label}
        <small class="muted">{m.reason}</small>
        {m.input === 'status' ? (
          <select name="v">
            <option value="">{t('missingChooseStatus')}</option>
            {m.options?.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        ) : (
          <input name="v" inputMode={m.input === 'money' ? 'decimal' : undefined} aria-invalid={m.error ? 'true' : undefined} />
        )}
      </label>
      <button type="submit" class="btn" data-rh="provide">
        {t('missingSave')}
      </button>
      {m.error && (
        <small class="bad" role="alert">
          {m.error}
        </small>
      )}
    </form>
  );
}
