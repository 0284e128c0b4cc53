/*
 * The panel's host in the page: `<refund-helper>` with an OPEN shadow root (tests and the merchant's
 * own tools reach the panel through it; the stable hooks are its data-rh attributes) holding the
 * styles and the Preact root. Nothing of ours is styled from outside the shadow root; the host's
 * own inline style resets whatever the page's CSS would give it (`all: initial`).
 *
 * Content scripts cannot define custom elements (Chromium gives isolated worlds no
 * `customElements`), and need not: an undefined element with a valid custom-element name can
 * still carry a shadow root.
 *
 * The panel is docked: a full-height column at the window's right (or left) edge, and the page
 * narrows by as much (a padding on <html>, one rule in a <style> of ours), so the page's own
 * buttons, fields and values are never under it, whatever the page shows and at any width.
 * Collapsed, it is a narrow rail the page also makes room for. The host is `display: contents`:
 * it makes no stacking context, so the panel sits under the page's own pop-ups (Ant Design's
 * modals, drop-downs and messages start at z-index 1000) while the submit warning, which belongs
 * to a click of the merchant's, sits above them.
 */

export const HOST_TAG = 'refund-helper';
export { CHIP_TAG } from './chip';

export type DockSide = 'right' | 'left';

/** Where the panel is and how wide: what the merchant chose, remembered in browser.storage.local. */
export interface Layout {
  side: DockSide;
  collapsed: boolean;
  /** px; unset: a width for the window (`panelWidth`). */
  width?: number;
}

export const DEFAULT_LAYOUT: Layout = { side: 'right', collapsed: false };

/** The collapsed rail's width in px (the view's `.rail`). */
export const RAIL_WIDTH = 32;
const MIN_WIDTH = 260;

/**
 * The panel's width in a window `viewWidth` px wide: the merchant's, kept between 260 px and half
 * the window (at most 560 px) so the page keeps room; by default 320 px, 280 px below 1200 px.
 */
export function panelWidth(layout: Layout, viewWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(560, Math.floor(viewWidth / 2)));
  const w = layout.width ?? (viewWidth < 1200 ? 280 : 320);
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, w)));
}

/** A stored layout, checked (storage is the extension's, but a bad value must not break the panel). */
export function parseLayout(v: unknown): Layout {
  const o = (v && typeof v === 'object' ? v : {}) as Partial<Layout>;
  const width = typeof o.width === 'number' && Number.isFinite(o.width) ? o.width : undefined;
  return { side: o.side === 'left' ? 'left' : 'right', collapsed: o.collapsed === true, ...(width !== undefined && { width }) };
}

export interface PanelHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  /** Put the host (and the page's room for it) back if the page removed them (an SPA re-rendering <body>). */
  ensureAttached(): void;
  /**
   * Make the page `px` narrower on `side` (the panel's column); `minWidth` (px, 0: none): the
   * width the page's content needs, so what cannot fit scrolls sideways instead of lying under
   * the panel (the root's padding counts in the scrollable width, in every browser; its margin
   * does not in Firefox).
   */
  dock(side: DockSide, px: number, minWidth: number): void;
  remove(): void;
}

/**
 * `css`: the panel's stylesheet (the view's), put in the shadow root. `beside`: the page's
 * full-window overlays (a modal's mask and wrap) that must end at the panel too: a modal then
 * centres in the page's room, and its mask, which closes the modal when clicked, leaves the
 * panel usable (the form in a modal is filled from the panel).
 */
export function createHost(doc: Document, css: string, beside = ''): PanelHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all:initial;display:contents');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  // The page's room for the panel: the only thing of ours styled outside the shadow root.
  const room = doc.createElement('style');
  room.setAttribute('data-refund-helper', '');
  const ensureAttached = () => {
    if (!host.isConnected) (doc.body ?? doc.documentElement).appendChild(host);
    if (!room.isConnected) (doc.head ?? doc.documentElement).appendChild(room);
  };
  ensureAttached();
  return {
    host,
    shadow,
    mount,
    ensureAttached,
    dock(side, px, minWidth) {
      const w = Math.round(px);
      const rule =
        `html{padding-${side}:${w}px!important${minWidth ? `;box-sizing:border-box!important;min-width:${minWidth + w}px` : ''}}` +
        (beside ? `${beside}{${side}:${w}px!important}` : '');
      if (room.textContent !== rule) room.textContent = rule;
    },
    remove() {
      host.remove();
      room.remove();
    },
  };
}
