/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/*
 * The panel's view: a PanelModel in, callbacks out. No browser.*, no page access. Every page value
 * is rendered as text (Preact escapes it; no dangerouslySetInnerHTML); the stable data-rh hooks
 * are on the elements tests and merchants' tools drive. Classic JSX (`h`) rather than the automatic runtime: it keeps
 * preact/jsx-runtime out of the content script (≈0.3 KB gzip of its 30 KB budget).
 */
// biome-ignore lint/correctness/noUnusedImports: h (and Fragment) are the classic JSX factories the pragmas above name.
import { Fragment, h } from 'preact';
import type { PanelProps } from '../../lib/content/context';
import type { DockSide } from '../../lib/content/host';
import type { PanelActions } from '../../lib/content/model';
import { STRINGS, type StringKey } from '../../lib/content/strings';
import { translator } from '../../lib/i18n';
import type { ComponentChildren } from 'preact';
import type { PanelModel } from '../../lib/content/model';
import { Countdown } from './Case';
import { Icon } from './icons';

export type { PanelActions };

export type T = (k: StringKey, vars?: Record<string, string | number>) => string;

/**
 * What a part of the runtime shows beyond the frame (./Order.tsx for an order's pages): its
 * sections in the body, and what goes over the page (shown with the panel collapsed too).
 */
export type PartSections = (p: { model: PanelModel; t: T; actions: PanelActions }) => { body: ComponentChildren; over?: ComponentChildren };

export function Panel({ model, layout, actions, sections }: PanelProps & { sections?: PartSections }) {
  const t: T = translator(STRINGS, model.locale);
  const cv = model.caseView;
  const { side, collapsed, width } = layout;
  const parts = sections?.({ model, t, actions });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !collapsed) {
      e.stopPropagation();
      actions.toggle();
    }
  };
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
        {parts?.body}
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
      {parts?.over}
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
