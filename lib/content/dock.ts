/*
 * Where the panel is docked and how the page makes room for it: the merchant's layout (side,
 * width, collapsed; remembered), the page's padding for the panel's column (lib/content/host.ts
 * writes it), and the width the page's content needs when it cannot fit its narrowed room.
 */
import { DEFAULT_LAYOUT, type Layout, type PanelHost, panelWidth, RAIL_WIDTH } from './host';

export interface Dock {
  layout(): Layout;
  /** The layout the view gets: with the width in px for this window. */
  shown(): Layout & { width: number };
  /** The merchant moved, resized or collapsed the panel: make room, re-render, remember it (`save`). */
  set(next: Partial<Layout>, save?: boolean): void;
  /** Make room for the panel as it is now (a new host, the window resized). */
  apply(): void;
  /** Read the page's width once it is drawn: after each read of the page. */
  fitSoon(): void;
  /** A new page: its content's width is found again. */
  fresh(): void;
}

export function createDock(win: Window, host: () => PanelHost | undefined, render: () => void, save?: (l: Layout) => void): Dock {
  let layout = DEFAULT_LAYOUT;
  /** The width the current page's content needs (px; 0: it fits): see fitSoon. */
  let minWidth = 0;
  let fitQueued = false;
  const width = () => panelWidth(layout, win.innerWidth);

  function apply() {
    host()?.dock(layout.side, layout.collapsed ? RAIL_WIDTH : width(), minWidth);
    fitSoon();
  }

  /**
   * Once the page is drawn: content of the page that cannot fit its narrowed width (a table whose
   * columns do not wrap) would lie under the panel; the page gets that width instead and scrolls
   * sideways to it, as in a narrower window. Only grows on a page (a new page starts again from
   * none). Read in a task after the next frame (requestAnimationFrame, then a timeout): the frame
   * has laid the page out by then, so `scrollWidth` costs no layout of its own. Read inside the
   * frame callback it forced one before the page's pending changes were done: a CPU profile of
   * the order detail load put ~90 ms (a loaded machine, 3 loads) of layout on this function.
   */
  function fitSoon() {
    if (!host() || fitQueued) return;
    fitQueued = true;
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        fitQueued = false;
        const b = win.document.body;
        if (host() && b && b.scrollWidth > b.clientWidth && b.scrollWidth > minWidth) {
          minWidth = b.scrollWidth;
          apply();
        }
      }, 0),
    );
  }

  return {
    layout: () => layout,
    shown: () => ({ ...layout, width: width() }),
    set(next, keep = true) {
      layout = { ...layout, ...next };
      if (keep) save?.(layout);
      apply();
      render();
    },
    apply,
    fitSoon,
    fresh() {
      if (!minWidth) return;
      minWidth = 0;
      apply();
    },
  };
}
