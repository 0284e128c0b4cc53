/*
 * A small status chip placed in the page beside an order (the order list). It lives in the page's
 * DOM, so it is styled inline from `all: initial` up (the page's CSS cannot restyle it, short of
 * !important rules aimed at it, and it cannot restyle the page), and its text sits in its own
 * shadow root: the page's text (what the page or the adapter reads from the row) is unchanged.
 * Marked `data-rh-chip`. Plain DOM, no Preact, so many chips cost little.
 */
export const CHIP_TAG = 'refund-helper-chip';

/**
 * The dot's colour says what the case wants: red, the merchant (approved, rejected, failed, a
 * deadline passed); blue, the platform (under review, confirmed, with support); green, refunded;
 * grey, ended without a refund (closed, cancelled). The tooltip says it in words.
 */
export const DOTS = { attention: '#ff4d4f', waiting: '#1677ff', done: '#52c41a', ended: '#bfbfbf' };
export type ChipTone = keyof typeof DOTS;

export interface ChipInfo {
  orderId: string;
  status: string;
  /** A short word (two to four characters in Chinese): the chip must not widen the page's column. */
  label: string;
  /** The whole status and what the colour means. */
  title: string;
  tone: ChipTone;
}

/** Creates or updates the chip for `info` inside `container`; returns it. */
export function upsertChip(container: Element, info: ChipInfo): HTMLElement {
  let chip = Array.from(container.querySelectorAll(CHIP_TAG)).find((c) => c.getAttribute('data-order-id') === info.orderId) as HTMLElement | undefined;
  if (!chip) {
    chip = container.ownerDocument.createElement(CHIP_TAG);
    chip.setAttribute('data-rh-chip', '');
    chip.setAttribute('data-order-id', info.orderId);
    chip.attachShadow({ mode: 'open' });
    container.appendChild(chip);
  }
  const attrs: Record<string, string> = {
    'data-status': info.status,
    'data-tone': info.tone,
    title: info.title,
    // A dot and a short word under the number. width 0 + min-width 100%: it adds nothing to the
    // column's width in any browser's table layout, then takes the cell's width (cut with … if need be).
    style: `all:initial;display:block;width:0;min-width:100%;font:12px/20px sans-serif;color:#595959;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:default`,
  };
  for (const [k, v] of Object.entries(attrs)) if (chip.getAttribute(k) !== v) chip.setAttribute(k, v);
  const root = chip.shadowRoot!;
  if (!root.firstChild) root.append(container.ownerDocument.createElement('i'), '');
  const dot = `display:inline-block;width:6px;height:6px;border-radius:50%;margin-right:4px;vertical-align:middle;background:${DOTS[info.tone]}`;
  if (root.firstElementChild!.getAttribute('style') !== dot) root.firstElementChild!.setAttribute('style', dot);
  if (root.lastChild!.textContent !== info.label) root.lastChild!.textContent = info.label;
  return chip;
}

/** Where a chip goes in a listed order's row: the cell (or smallest element) that prints the order number. */
export function chipContainer(row: Element, orderId: string): Element {
  let best: Element = row;
  for (let found = true; found; ) {
    found = false;
    for (const child of Array.from(best.children)) {
      if (child.nodeName !== CHIP_TAG.toUpperCase() && (child.textContent ?? '').includes(orderId)) {
        best = child;
        found = true;
        break;
      }
    }
  }
  // The table cell rather than an inner link, so the chip does not join the link.
  return best.closest('td, th') ?? best;
}

export function removeChips(root: ParentNode): void {
  for (const c of Array.from(root.querySelectorAll(CHIP_TAG))) c.remove();
}
