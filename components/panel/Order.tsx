/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/*
 * What the panel shows on a page about one order (its detail, the refund form, the refund
 * detail): the application's warnings, the fields the page did not show, the evidence, the form
 * helper, the case and the advice, the page's facts in the body; the submit warning over the page.
 * The entrypoint hands them to the frame (./Panel.tsx) in the `orders` part only, so the lists
 * part carries none of these views.
 */
// biome-ignore lint/correctness/noUnusedImports: h (and Fragment) are the classic JSX factories the pragmas above name.
import { Fragment, h } from 'preact';
import { Action, Case } from './Case';
import { Evidence, FormHelper, Missing } from './Form';
import { Icon } from './icons';
import type { PartSections } from './Panel';

export const orderSections: PartSections = ({ model, t, actions }) => {
  const { form, evidence, warning, caseView: cv, advice } = model;
  // The page's facts, one compact line: the page shows them already (the case's status is in its box).
  const facts = model.fields.filter((f) => f.name !== 'caseStatus');
  return {
    body: (
      <>
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
      </>
    ),
    over: warning && (
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
    ),
  };
};
