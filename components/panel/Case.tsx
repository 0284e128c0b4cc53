/** @jsxRuntime classic */
/** @jsx h */
/*
 * The case the panel shows: its status and countdown first, the next step with its action, the
 * 联系客服 message when there is a problem, the timeline.
 */
// biome-ignore lint/correctness/noUnusedImports: h (and Fragment) are the classic JSX factories the pragmas above name.
import { h } from 'preact';
import type { Deadline } from '../../lib/cases/deadline';
import type { AdviceAction, CaseView, PanelActions, PanelModel } from '../../lib/content/model';
import { formatDateTime } from '../../lib/i18n';
import type { T } from './Panel';

export function Case({ cv, advice, t, actions }: { cv: CaseView; advice: PanelModel['advice']; t: T; actions: PanelActions }) {
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
/** The deadline, relative ("3 小时后…"); the exact time on hover. */
export function Countdown({ d }: { d: Deadline }) {
  return (
    <span class={d.late ? 'due bad' : 'due'} data-rh="countdown" data-due={d.due} title={d.due ? formatDateTime(d.due) : undefined}>
      {d.text}
    </span>
  );
}

export function Action({ a, reveal }: { a?: AdviceAction; reveal: PanelActions['reveal'] }) {
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
