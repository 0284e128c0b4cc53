/*
 * The panel's host in the page: `<refund-helper>` with an OPEN shadow root (SPEC §6) holding the
 * styles and the Preact root. Nothing of ours is styled from outside the shadow root; the host's
 * own inline style resets whatever the page's CSS would give it (`all: initial`).
 *
 * Content scripts cannot define custom elements (Chromium gives isolated worlds no
 * `customElements`), and need not: an undefined element with a valid custom-element name can
 * still carry a shadow root.
 */
import { PANEL_CSS } from './styles';

export const HOST_TAG = 'refund-helper';
/** Right edge, below the back office's top bar. */
const TOP = 72;

export interface PanelHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  /** Put the host back if the page removed it (an SPA re-rendering <body>). */
  ensureAttached(): void;
  place(p: Placement): void;
  remove(): void;
}

export type Placement = { side: 'right' | 'left'; maxHeight?: number };

const BASE_STYLE = 'all: initial; position: fixed; z-index: 2147483000; display: block; contain: layout style;';

function styleFor(p: Placement): string {
  const side = p.side === 'left' ? 'left: 0;' : 'right: 0;';
  // The section inside reads the limit from a custom property (custom properties cross the shadow boundary).
  const max = p.maxHeight !== undefined ? `--rh-max: ${Math.max(0, Math.round(p.maxHeight))}px;` : '';
  return `${BASE_STYLE} top: ${TOP}px; ${side} ${max}`;
}

export function createHost(doc: Document): PanelHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', styleFor({ side: 'right' }));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  let placed: Placement = { side: 'right' };
  const parent = () => doc.body ?? doc.documentElement;
  const ensureAttached = () => {
    if (!host.isConnected) parent().appendChild(host);
  };
  ensureAttached();
  return {
    host,
    shadow,
    mount,
    ensureAttached,
    place(p) {
      if (p.side === placed.side && p.maxHeight === placed.maxHeight) return;
      placed = p;
      host.setAttribute('style', styleFor(p));
    },
    remove() {
      host.remove();
    },
  };
}

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Where the panel goes so that it never covers the page's submit button:
 * - the button is clear of the right-hand column the panel takes: right edge;
 * - a button fixed to the viewport (a footer toolbar): right edge, ending above the toolbar;
 * - otherwise, if the left-hand column is clear: left edge;
 * - otherwise the panel is shortened to end above the button (scrolling moves the button, so
 *   the caller re-places it on scroll).
 * Horizontal checks do not depend on scrolling, which is why they come first.
 */
export function choosePlacement(
  viewport: { width: number; height: number },
  panelWidth: number,
  button: (Rect & { fixed?: boolean }) | undefined,
): Placement {
  if (!button) return { side: 'right' };
  const gap = 8;
  const clearOfRight = button.right <= viewport.width - panelWidth - gap;
  if (clearOfRight) return { side: 'right' };
  if (button.fixed) return { side: 'right', maxHeight: button.top - TOP - gap };
  const clearOfLeft = button.left >= panelWidth + gap;
  if (clearOfLeft) return { side: 'left' };
  return { side: 'right', maxHeight: Math.max(0, button.top - TOP - gap) };
}

/** Whether an element is in a fixed-position container (its viewport position ignores scrolling). */
export function isFixed(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  for (let e: Element | null = el; e && e !== el.ownerDocument.body; e = e.parentElement) {
    const pos = win.getComputedStyle(e).position;
    if (pos === 'fixed' || pos === 'sticky') return true;
  }
  return false;
}
