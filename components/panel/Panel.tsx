/*
 * The panel's view: a PanelModel in, callbacks out. No browser.*, no page access. Every page value
 * is rendered as text (Preact escapes it; no dangerouslySetInnerHTML); the hooks of SPEC §6 are
 * on the elements tests drive.
 */
import type { JSX } from 'preact';
import { tr } from '../../lib/i18n';
import { ORDER_STATUSES, REFUND_TYPES, type RefundType, type SnapshotField } from '../../lib/order';
import { STRINGS, type StringKey } from './strings';
import type { CaseView, MissingView, PanelModel } from './model';

export interface PanelActions {
  toggle(): void;
  provide(field: SnapshotField, text: string): void;
  setRefundType(type: RefundType): void;
  setReason(id: string): void;
  setRemark(text: string): void;
  resetRemark(): void;
  fill(): void;
  tick(id: string): void;
  dismissWarning(): void;
  copySupport(text: string): void;
  contactSupport(): void;
}

type T = (k: StringKey, vars?: Record<string, string | number>) => string;
type Ev<E extends EventTarget> = JSX.TargetedEvent<E>;

export function Panel({ model, collapsed, actions }: { model: PanelModel; collapsed: boolean; actions: PanelActions }) {
  const t: T = (k, vars) => tr(STRINGS[k], model.locale, vars);
  const { form, evidence, warning } = model;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !collapsed) {
      e.stopPropagation();
      actions.toggle();
    }
  };
  return (
    <section
      class={collapsed ? 'rh collapsed' : 'rh'}
      data-rh="panel"
      data-page-kind={model.kind}
      data-collapsed={String(collapsed)}
      aria-label={t('title')}
      lang={model.locale}
      onKeyDown={onKeyDown}
    >
      <button type="button" class="rh-toggle" data-rh="toggle" aria-expanded={!collapsed} title={t(collapsed ? 'expand' : 'collapse')} onClick={actions.toggle}>
        <b class="rh-logo" aria-hidden="true">
          退
        </b>
        <span class="rh-title">{t('title')}</span>
        <span class="rh-chev" aria-hidden="true">
          {collapsed ? '‹' : '›'}
        </span>
      </button>
      <div class="rh-body" hidden={collapsed}>
        {model.notices.map((n) => (
          <p key={n.text} class={`rh-notice rh-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
            {n.text}
          </p>
        ))}
        {model.loading && <p class="rh-muted">{t('loading')}</p>}
        {model.duplicate && (
          <p class="rh-box rh-warn" data-rh="duplicate" role="alert">
            {model.duplicate}
          </p>
        )}
        {warning && (
          <div class={`rh-box rh-warn rh-${warning.mode}`} data-rh="submit-warning" data-mode={warning.mode} role="alert">
            <b>{t('warnTitle')}</b>
            <p>{warning.text}</p>
            <ul>
              {warning.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <button type="button" class="rh-btn" onClick={actions.dismissWarning}>
              {t('warnDismiss')}
            </button>
          </div>
        )}
        {model.fields.length > 0 && (
          <dl>
            {model.fields.map((f) => (
              <div key={f.name} data-rh-field={f.name} data-value={String(f.value)}>
                <dt>{t(`field.${f.name}`)}</dt>
                <dd>
                  {f.text}
                  {f.note && <small class="rh-muted">{f.note}</small>}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {model.missing.length > 0 && (
          <div class="rh-box" data-rh="missing">
            <b>{t('missingTitle')}</b>
            {model.missing.map((m) => (
              <Missing key={m.field} m={m} t={t} onProvide={actions.provide} />
            ))}
          </div>
        )}
        {model.advice && (
          <div class="rh-box rh-advice" data-rh="advice" data-value={model.advice.value}>
            <small class="rh-muted">{t('adviceTitle')}</small>
            <b>{model.advice.text}</b>
            <small>{model.advice.why}</small>
          </div>
        )}
        {form && (
          <div class="rh-box" data-rh="form-helper">
            <b>{t('formTitle')}</b>
            <label>
              {t('refundTypeLabel')}
              <select data-rh="refund-type" value={form.refundType} onChange={(e: Ev<HTMLSelectElement>) => actions.setRefundType(e.currentTarget.value as RefundType)}>
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
            {form.suggestWhy && <small class="rh-muted">{form.suggestWhy}</small>}
            <label>
              <span>
                {t('remarkLabel')}{' '}
                {form.remarkEdited && (
                  <button type="button" class="rh-link" onClick={actions.resetRemark}>
                    {t('remarkReset')}
                  </button>
                )}
              </span>
              <textarea data-rh="remark" rows={4} value={form.remark} onInput={(e: Ev<HTMLTextAreaElement>) => actions.setRemark(e.currentTarget.value)} />
            </label>
            <small class="rh-muted">{form.amountWhy}</small>
            <p data-rh="express" data-value={String(form.express.eligible)}>
              {t('expressTitle')}: <b>{t(form.express.eligible ? 'expressYes' : 'expressNo')}</b>
              <small class="rh-muted">{form.express.why}</small>
            </p>
            <button type="button" class="rh-btn rh-primary" data-rh="fill-form" disabled={form.filling} onClick={actions.fill}>
              {t(form.filling ? 'filling' : 'fill')}
            </button>
            {form.fillResult.map((line) => (
              <small key={line} data-rh="fill-result" role="status">
                {line}
              </small>
            ))}
          </div>
        )}
        {evidence && (
          <div class="rh-box" data-rh="evidence" data-complete={String(evidence.complete)}>
            <b>
              {t('evidenceTitle')}{' '}
              <span class={evidence.complete ? 'rh-ok' : 'rh-bad'}>
                {evidence.items.length
                  ? evidence.complete
                    ? t('evidenceComplete')
                    : t('evidenceIncomplete', { n: evidence.items.filter((i) => i.state === 'missing').length })
                  : t('evidenceNone')}
              </span>
            </b>
            <ul class="rh-list">
              {evidence.items.map((i) => {
                const body = [
                  <i key="m" class={`rh-mark rh-${i.state}`} aria-hidden="true">
                    {i.state === 'ok' ? '✓' : '!'}
                  </i>,
                  <span key="t">
                    {i.label}
                    <span class="rh-sr"> {t(i.state === 'ok' ? 'evidenceOk' : 'evidenceMissing')}</span>
                    {i.state === 'missing' && <small class="rh-muted">{i.why}</small>}
                    {i.manual && !i.ticked && <small class="rh-hint">{t('evidenceTick')}</small>}
                  </span>,
                ];
                // A manual item is a checkbox: a click (or Space/Enter) on the item itself ticks it.
                return (
                  <li key={i.id}>
                    {i.manual ? (
                      <button type="button" role="checkbox" aria-checked={i.ticked} class="rh-ev" data-rh-evidence={i.id} data-state={i.state} onClick={() => actions.tick(i.id)}>
                        {body}
                      </button>
                    ) : (
                      <div class="rh-ev" data-rh-evidence={i.id} data-state={i.state}>
                        {body}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {model.caseView && <Case cv={model.caseView} t={t} copied={model.copied} actions={actions} />}
        {model.list && (
          <div class="rh-box" data-rh="list-summary">
            {model.list.lines.map((l) => (
              <p key={l}>{l}</p>
            ))}
            <ul class="rh-list">
              {model.list.items.slice(0, 20).map((i) => (
                <li key={i.orderId} data-rh-list-case={i.orderId} data-status={i.status}>
                  {i.orderId} <span class={i.attention ? 'rh-bad' : 'rh-muted'}>{i.text}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function Missing({ m, t, onProvide }: { m: MissingView; t: T; onProvide: PanelActions['provide'] }) {
  // Uncontrolled: the typed text stays in the input across re-renders and is read on submit.
  const submit = (e: Ev<HTMLFormElement>) => {
    e.preventDefault();
    onProvide(m.field, (e.currentTarget.elements.namedItem('v') as HTMLInputElement).value);
  };
  return (
    <form data-rh-missing={m.field} onSubmit={submit}>
      <label>
        {m.label}
        <small class="rh-muted">{m.reason}</small>
        {m.input === 'status' ? (
          <select name="v">
            <option value="">{t('missingChooseStatus')}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`orderStatus.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          <input name="v" inputMode={m.input === 'money' ? 'decimal' : undefined} aria-invalid={m.error ? 'true' : undefined} />
        )}
      </label>
      <button type="submit" class="rh-btn" data-rh="provide">
        {t('missingSave')}
      </button>
      {m.error && (
        <small class="rh-bad" role="alert">
          {m.error}
        </small>
      )}
    </form>
  );
}

function Case({ cv, t, copied, actions }: { cv: CaseView; t: T; copied?: 'ok' | 'failed'; actions: PanelActions }) {
  const support = cv.support;
  return (
    <div class="rh-box" data-rh="case" data-status={cv.status} data-overdue={String(cv.overdue)}>
      <b>
        {t('field.caseStatus')}: {cv.statusText} {cv.attentionText && <span class="rh-bad">· {cv.attentionText}</span>}
      </b>
      {cv.lines.map((l) => (
        <small key={l} class={cv.overdue ? 'rh-bad' : 'rh-muted'}>
          {l}
        </small>
      ))}
      <p data-rh="next-step">
        {t('nextTitle')}: {cv.next}
      </p>
      {support && (
        <>
          <small class="rh-muted">{t('supportTitle')}</small>
          <pre data-rh="support-message" tabIndex={0}>
            {support.message}
          </pre>
          <p>
            <button type="button" class="rh-btn" data-rh="copy-support" onClick={() => actions.copySupport(support.message)}>
              {t(copied === 'ok' ? 'copied' : 'copy')}
            </button>{' '}
            {support.canRecord && (
              <button type="button" class="rh-btn" data-rh="contact-support" onClick={actions.contactSupport}>
                {t('contacted')}
              </button>
            )}
          </p>
          {copied === 'failed' && <small class="rh-bad">{t('copyFailed')}</small>}
          {support.contactedText && (
            <small class="rh-ok" data-rh="support-contacted">
              {support.contactedText}
            </small>
          )}
        </>
      )}
      <ol class="rh-list rh-muted" data-rh="timeline">
        {cv.timeline.map((line, i) => (
          <li key={i}>
            <small>{line}</small>
          </li>
        ))}
      </ol>
    </div>
  );
}
