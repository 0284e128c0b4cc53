/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/*
 * The panel's view: a PanelModel in, callbacks out. No browser.*, no page access. Every page value
 * is rendered as text (Preact escapes it; no dangerouslySetInnerHTML); the stable data-rh hooks
 * are on the elements tests and merchants' tools drive. Classic JSX (`h`) rather than the automatic runtime: it keeps
 * preact/jsx-runtime out of the content script (≈0.3 KB gzip of its 30 KB budget).
 */
import { Fragment, h, type JSX } from 'preact';
import type { Deadline } from '../../lib/cases/deadline';
import type { PanelProps } from '../../lib/content/context';
import type { DockSide } from '../../lib/content/host';
import type { AdviceAction, CaseView, MissingView, PanelActions, PanelModel } from '../../lib/content/model';
import { STRINGS, type StringKey } from '../../lib/content/strings';
import { formatDateTime, translator } from '../../lib/i18n';
import { REFUND_TYPES, type RefundType } from '../../lib/order';
import { Icon } from './icons';

export type { PanelActions };

type T = (k: StringKey, vars?: Record<string, string | number>) => string;
type Ev<E extends EventTarget> = JSX.TargetedEvent<E>;

export function Panel({ model, layout, actions }: PanelProps) {
  const t: T = translator(STRINGS, model.locale);
  const { form, evidence, warning, caseView: cv, advice } = model;
  const { side, collapsed, width } = layout;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !collapsed) {
      e.stopPropagation();
      actions.toggle();
    }
  };
  // The page's facts, one compact line: the page shows them already (the case's status is in its box).
  const facts = model.fields.filter((f) => f.name !== 'caseStatus');
  return (
    <section
      class={`rh ${side}${collapsed ? ' rail' : ''}`}
      style={{ width: collapsed ? undefined : width }}
      data-rh="panel"
      data-page-kind={model.kind}
      data-collapsed={String(collapsed)}
      aria-label={t('title')}
      lang={model.locale}
      onKeyDown={onKeyDown}
    >
      {collapsed ? (
        <button type="button" class="expand" data-rh="collapse" aria-expanded="false" title={t('expand')} onClick={actions.toggle}>
          <b class="logo">退</b>
          <Icon name={side === 'right' ? 'left' : 'right'} />
          {cv && <i class={`dot ${cv.tone}`} title={cv.statusText} />}
          {cv?.deadline && <Countdown d={cv.deadline} />}
        </button>
      ) : (
        <>
          <Grip side={side} width={width} label={t('resize')} resize={actions.resize} />
          <header class="head">
            <b class="logo" aria-hidden="true">
              退
            </b>
            <b class="title">{t('title')}</b>
            <button
              type="button"
              class="icon"
              data-rh="dock"
              data-value={side}
              title={t(side === 'right' ? 'dockLeft' : 'dockRight')}
              onClick={() => actions.dock(side === 'right' ? 'left' : 'right')}
            >
              <Icon name="swap" />
            </button>
            <button
              type="button"
              class="icon"
              data-rh="collapse"
              aria-expanded="true"
              title={t('collapse')}
              aria-label={t('collapse')}
              onClick={actions.toggle}
            >
              <Icon name={side} />
            </button>
          </header>
        </>
      )}
      {/* Collapsed, the body stays (hidden): its hooks stay readable for tests and the merchant's tools. */}
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
        {model.missing.length > 0 && (
          <div class="box" data-rh="missing">
            <b>{t('missingTitle')}</b>
            {model.missing.map((m) => (
              <Missing key={m.field} m={m} t={t} onProvide={actions.provide} />
            ))}
          </div>
        )}
        {evidence && <Evidence ev={evidence} t={t} tick={actions.tick} />}
        {form && <FormHelper form={form} t={t} actions={actions} />}
        {cv && <Case cv={cv} advice={advice} t={t} actions={actions} />}
        {advice && !cv && (
          <div class="box advice" data-rh="advice" data-value={advice.value}>
            <small class="muted">{t('adviceTitle')}</small>
            <b>{advice.text}</b>
            <small>{advice.why}</small>
            <Action a={advice.action} reveal={actions.reveal} />
          </div>
        )}
        {facts.length > 0 && (
          <p class="facts muted">
            {facts.map((f) => (
              <span key={f.name} data-rh-field={f.name} data-value={String(f.value)} title={t(`field.${f.name}`)}>
                <span class="sr">{t(`field.${f.name}`)}</span>
                {f.text}
                {f.note && (
                  <small class="note" title={f.title}>
                    {f.note}
                  </small>
                )}
              </span>
            ))}
          </p>
        )}
        {model.list && (
          <div class="box" data-rh="list-summary">
            {model.list.map((l) => (
              <p key={l}>{l}</p>
            ))}
          </div>
        )}
        <button type="button" class="btn link" data-rh="open-cases" onClick={actions.openCases}>
          {t('allCases')} <Icon name="out" />
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
          <b>
            <Icon name="warn" />
            {t('warnTitle')}
          </b>
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

/** The resize handle on the panel's inner edge: drag it, or focus it and use the arrow keys. */
function Grip({ side, width, label, resize }: { side: DockSide; width: number; label: string; resize: PanelActions['resize'] }) {
  const widthAt = (e: PointerEvent) => (side === 'right' ? (e.view?.innerWidth ?? 0) - e.clientX : e.clientX);
  const move = (e: PointerEvent) => {
    const el = e.currentTarget as Element;
    if (el.hasPointerCapture(e.pointerId)) resize(widthAt(e), e.type === 'pointerup');
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a vertical splitter has no HTML element; role=separator with a value is the pattern.
    <div
      class="grip"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(e) => (e.currentTarget as Element).setPointerCapture(e.pointerId)}
      onPointerMove={move}
      onPointerUp={move}
      onKeyDown={(e) => {
        const d = e.key === 'ArrowLeft' ? 16 : e.key === 'ArrowRight' ? -16 : 0;
        if (d) resize(width + (side === 'right' ? d : -d), true);
      }}
    />
  );
}

/** The deadline, relative ("3 小时后…"); the exact time on hover. */
function Countdown({ d }: { d: Deadline }) {
  return (
    <span class={d.late ? 'due bad' : 'due'} data-rh="countdown" data-due={d.due} title={d.due ? formatDateTime(d.due) : undefined}>
      {d.text}
    </span>
  );
}

function Action({ a, reveal }: { a?: AdviceAction; reveal: PanelActions['reveal'] }) {
  if (!a) return null;
  return 'href' in a ? (
    <a class="btn primary" data-rh="advice-action" href={a.href}>
      {a.text}
    </a>
  ) : (
    <button type="button" class="btn primary" data-rh="advice-action" onClick={() => reveal(a.reveal)}>
      {a.text}
    </button>
  );
}

function FormHelper({ form, t, actions }: { form: NonNullable<PanelModel['form']>; t: T; actions: PanelActions }) {
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

function Evidence({ ev, t, tick }: { ev: NonNullable<PanelModel['evidence']>; t: T; tick: PanelActions['tick'] }) {
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

function Case({ cv, advice, t, actions }: { cv: CaseView; advice: PanelModel['advice']; t: T; actions: PanelActions }) {
  const support = cv.support;
  return (
    <div class="box" data-rh="case" data-status={cv.status} data-overdue={String(cv.overdue)}>
      <p class="status">
        <i class={`dot ${cv.tone}`} />
        <b data-rh-field="caseStatus" data-value={cv.status}>
          {cv.statusText}
        </b>
        {cv.deadline && <Countdown d={cv.deadline} />}
      </p>
      {cv.lines.map((l) => (
        <small key={l} class="muted">
          {l}
        </small>
      ))}
      <div class="next" data-rh="advice" data-value={advice?.value}>
        <p data-rh="next-step">
          {t('nextTitle')}：{cv.next}
        </p>
        <Action a={advice?.action} reveal={actions.reveal} />
      </div>
      {support && (
        <div class="box">
          <small class="muted">{t('supportTitle')}</small>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling message must be reachable by keyboard. */}
          <pre data-rh="support-message" tabIndex={0}>
            {support.message}
          </pre>
          <p class="acts start">
            <button type="button" class="btn" data-rh="copy-support" onClick={() => actions.copySupport(support.message)}>
              {t('copy')}
            </button>
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
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at its end; two entries can read the same.
          <li key={i}>
            <small>{line}</small>
          </li>
        ))}
      </ol>
    </div>
  );
}
