/** @jsxRuntime classic */
/** @jsx h */
/*
 * The panel's view: a PanelModel in, callbacks out. No browser.*, no page access. Every page value
 * is rendered as text (Preact escapes it; no dangerouslySetInnerHTML); the stable data-rh hooks
 * are on the elements tests and merchants' tools drive. Classic JSX (`h`) rather than the automatic runtime: it keeps
 * preact/jsx-runtime out of the content script (≈0.3 KB gzip of its 30 KB budget).
 */
import { h, type JSX } from 'preact';
import { translator } from '../../lib/i18n';
import { REFUND_TYPES, type RefundType } from '../../lib/order';
import { STRINGS, type StringKey } from '../../lib/content/strings';
import type { CaseView, MissingView, PanelActions, PanelModel } from '../../lib/content/model';

export type { PanelActions };

type T = (k: StringKey, vars?: Record<string, string | number>) => string;
type Ev<E extends EventTarget> = JSX.TargetedEvent<E>;

export function Panel({ model, collapsed, actions }: { model: PanelModel; collapsed: boolean; actions: PanelActions }) {
  const t: T = translator(STRINGS, model.locale);
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
      <button type="button" class="toggle" data-rh="toggle" aria-expanded={!collapsed} onClick={actions.toggle}>
        <b class="logo" aria-hidden="true">
          退
        </b>
        <span class="title">{t('title')}</span>
        <span class="chev" aria-hidden="true">
          {collapsed ? '‹' : '›'}
        </span>
      </button>
      <div class="body" hidden={collapsed}>
        {model.notices.map((n) => (
          <p key={n.text} class={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
            {n.text}
          </p>
        ))}
        {model.unknownStatus && (
          <p class="box warn" data-rh="unknown-status" role="status">
            {model.unknownStatus}
          </p>
        )}
        {model.duplicate && (
          <p class="box warn" data-rh="duplicate" role="alert">
            {model.duplicate}
          </p>
        )}
        {model.reapply && (
          <div class="box warn" data-rh="reapply">
            <b>{model.reapply.text}</b>
            {model.reapply.comment && (
              <p data-rh="platform-comment">
                {t('platformComment')}：{model.reapply.comment}
              </p>
            )}
            {model.reapply.add.length > 0 && (
              <p data-rh="reapply-add">
                {t('reapplyAdd')}：{model.reapply.add.join('、')}
              </p>
            )}
          </div>
        )}
        {model.fields.length > 0 && (
          <dl>
            {model.fields.map((f) => (
              <div key={f.name} data-rh-field={f.name} data-value={String(f.value)}>
                <dt>{t(`field.${f.name}`)}</dt>
                <dd>
                  {f.text}
                  {f.note && (
                    <small class="muted" title={f.title}>
                      {f.note}
                    </small>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {model.missing.length > 0 && (
          <div class="box" data-rh="missing">
            <b>{t('missingTitle')}</b>
            {model.missing.map((m) => (
              <Missing key={m.field} m={m} t={t} onProvide={actions.provide} />
            ))}
          </div>
        )}
        {model.advice && (
          <div class="box advice" data-rh="advice" data-value={model.advice.value}>
            <small class="muted">{t('adviceTitle')}</small>
            <b>{model.advice.text}</b>
            <small>{model.advice.why}</small>
          </div>
        )}
        {form && (
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
              {t('expressTitle')}: <b>{t(form.express.eligible ? 'expressYes' : 'expressNo')}</b>
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
        )}
        {evidence && (
          <div class="box" data-rh="evidence" data-complete={String(evidence.complete)}>
            <b>
              {t('evidenceTitle')}{' '}
              <span class={evidence.complete ? 'ok' : 'bad'}>
                {evidence.items.length
                  ? evidence.complete
                    ? t('evidenceComplete')
                    : t('evidenceIncomplete', { n: evidence.items.filter((i) => i.state === 'missing').length })
                  : t('evidenceNone')}
              </span>
            </b>
            <ul class="list">
              {evidence.items.map((i) => {
                // A manual item is a checkbox button: a click (or Space/Enter) on the item itself
                // ticks it. One read from the page is not tickable: a read-only checkbox tells
                // assistive tech its state.
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
                      onClick={i.manual ? () => actions.tick(i.id) : undefined}
                    >
                      <i class={`mark ${i.state}`} aria-hidden="true">
                        {i.state === 'ok' ? '✓' : '!'}
                      </i>
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
        )}
        {model.caseView && <Case cv={model.caseView} t={t} actions={actions} />}
        {model.list && (
          <div class="box" data-rh="list-summary">
            {model.list.map((l) => (
              <p key={l}>{l}</p>
            ))}
          </div>
        )}
        <button type="button" class="btn" data-rh="open-cases" onClick={actions.openCases}>
          {t('allCases')}
        </button>
      </div>
      {warning && (
        <div
          class={`pop ${warning.mode}`}
          style={warning.anchor /* numbers: Preact adds px */}
          data-rh="submit-warning"
          data-mode={warning.mode}
          role="alertdialog"
          aria-label={t('warnTitle')}
        >
          <b>{t('warnTitle')}</b>
          <p>{warning.text}</p>
          <ul>
            {warning.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p class="acts">
            <button type="button" class="btn" data-rh="add-evidence" onClick={actions.addEvidence}>
              {t('warnAdd')}
            </button>
            {warning.mode === 'warn' && (
              <button type="button" class="btn primary" data-rh="submit-anyway" onClick={actions.submitAnyway}>
                {t('warnAnyway')}
              </button>
            )}
          </p>
        </div>
      )}
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

function Case({ cv, t, actions }: { cv: CaseView; t: T; actions: PanelActions }) {
  const support = cv.support;
  return (
    <div class="box" data-rh="case" data-status={cv.status} data-overdue={String(cv.overdue)}>
      <b>
        {t('field.caseStatus')}: {cv.statusText}
      </b>
      {cv.lines.map((l) => (
        <small key={l} class={cv.overdue ? 'bad' : 'muted'}>
          {l}
        </small>
      ))}
      <p data-rh="next-step">
        {t('nextTitle')}: {cv.next}
      </p>
      {support && (
        <div class="box">
          <small class="muted">{t('supportTitle')}</small>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling message must be reachable by keyboard. */}
          <pre data-rh="support-message" tabIndex={0}>
            {support.message}
          </pre>
          <p>
            <button type="button" class="btn" data-rh="copy-support" onClick={() => actions.copySupport(support.message)}>
              {t('copy')}
            </button>{' '}
            {support.canRecord && (
              <button type="button" class="btn" data-rh="contact-support" onClick={actions.contactSupport}>
                {t('contacted')}
              </button>
            )}
          </p>
          {support.contactedText && (
            <small class="ok" data-rh="support-contacted">
              {support.contactedText}
            </small>
          )}
        </div>
      )}
      <ol class="list muted" data-rh="timeline">
        {cv.timeline.map((line, i) => (
          <li key={i}>
            <small>{line}</small>
          </li>
        ))}
      </ol>
    </div>
  );
}
