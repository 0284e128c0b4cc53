/*
 * The panel's host in the page: `<refund-helper>` with an OPEN shadow root (tests and the merchant's
 * own tools reach the panel through it; the stable hooks are its data-rh attributes) holding the
 * styles and the Preact root. Nothing of ours is styled from outside the shadow root; the host's
 * own inline style resets whatever the page's CSS would give it (`all: initial`).
 *
 * Content scripts cannot define custom elements (Chromium gives isolated worlds no
 * `customElements`), and need not: an undefined element with a valid custom-element name can
 * still carry a shadow root.
 */

export const HOST_TAG = 'refund-helper';
export { CHIP_TAG } from './chip';
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

export type Placement = { side: 'right' | 'left'; top: number; maxHeight?: number };

const BASE_STYLE = 'all: initial; position: fixed; z-index: 2147483000; display: block;';

function styleFor(p: Placement): string {
  // The section inside reads the height limit from a custom property (they cross the shadow boundary).
  const max = p.maxHeight !== undefined ? `--rh-max: ${Math.round(p.maxHeight)}px;` : '';
  return `${BASE_STYLE} top: ${Math.round(p.top)}px; ${p.side}: 0; ${max}`;
}

/** `css`: the panel's stylesheet (the view's), put in the shadow root. */
export function createHost(doc: Document, css: string): PanelHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', styleFor({ side: 'right', top: TOP }));
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  let placed: Placement = { side: 'right', top: TOP };
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
      if (p.side === placed.side && p.top === placed.top && p.maxHeight === placed.maxHeight) return;
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

/** Below this height the panel would be of no use: another place is chosen. */
const MIN_HEIGHT = 160;
const GAP = 8;

/**
 * Where the panel goes so that it never covers the page's own action buttons (提交申请, 确认退款,
 * 申请退款): in the right-hand column, the longest stretch of the viewport (below the top bar)
 * that no button crosses; if that is too short, the same on the left; else the longest anyway.
 * Viewport coordinates: the caller places again on scroll and resize.
 */
export function choosePlacement(viewport: { width: number; height: number }, panelWidth: number, buttons: Rect[]): Placement {
  let best: Placement & { room: number } = { side: 'right', top: TOP, room: -1 };
  for (const side of ['right', 'left'] as const) {
    const [x0, x1] = side === 'right' ? [viewport.width - panelWidth - GAP, viewport.width] : [0, panelWidth + GAP];
    const blocks = buttons
      .filter((b) => b.right > x0 && b.left < x1 && b.bottom > TOP && b.top < viewport.height)
      .map((b) => [b.top - GAP, b.bottom + GAP])
      .sort((a, b) => a[0] - b[0]);
    let start = TOP;
    for (const [top, bottom] of [...blocks, [viewport.height, viewport.height]]) {
      const room = top - start;
      if (room > best.room) best = { side, top: start, room, maxHeight: blocks.length ? room : undefined };
      start = Math.max(start, bottom);
    }
    if (best.room >= MIN_HEIGHT) break;
  }
  const { room: _room, ...placement } = best;
  return placement;
}
