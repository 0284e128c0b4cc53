import type { ComponentChildren } from 'preact';
import { useEditor } from '../editor';

export function Section(props: { id: string; title: string; desc?: string; children: ComponentChildren }) {
  return (
    <section class="rh-section" id={props.id} aria-labelledby={`${props.id}-h`} data-rh-section={props.id}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      {props.desc && <p class="rh-desc">{props.desc}</p>}
      {props.children}
    </section>
  );
}

/** A collapsible card for one item of a list (a reason, an evidence rule). */
export function Card(props: {
  title: string;
  subtitle?: string;
  open: boolean;
  invalid?: boolean;
  onToggle(): void;
  onRemove?(): void;
  dataKey?: Record<string, string>;
  children: ComponentChildren;
}) {
  const ed = useEditor();
  return (
    <div class={`rh-card${props.open ? ' open' : ''}${props.invalid ? ' invalid' : ''}`} {...props.dataKey}>
      <div class="rh-card-head">
        <button type="button" class="rh-card-toggle" data-rh="card-toggle" aria-expanded={props.open} onClick={props.onToggle}>
          <span class="rh-caret" aria-hidden="true">
            {props.open ? '▾' : '▸'}
          </span>
          <span class="rh-card-title">{props.title}</span>
          {props.subtitle && <span class="rh-card-sub">{props.subtitle}</span>}
          {props.invalid && <span class="rh-badge-bad">!</span>}
        </button>
        {props.onRemove && (
          <button type="button" class="rh-btn-ghost danger" data-rh="card-remove" onClick={props.onRemove}>
            {ed.t('remove')}
          </button>
        )}
      </div>
      {props.open && <div class="rh-card-body">{props.children}</div>}
    </div>
  );
}
