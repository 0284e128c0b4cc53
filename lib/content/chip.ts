/*
 * A small status chip placed in the page beside an order (the order list). It lives in the page's
 * DOM, so it is styled inline from `all: initial` up (the page's CSS cannot restyle it, short of
 * !important rules aimed at it, and it cannot restyle the page), and its text sits in its own
 * shadow root: the page's text (what the page or the adapter reads from the row) is unchanged.
 * Marked `data-rh-chip`. Plain DOM, no Preact, so many chips cost little.
 */
export const CHIP_TAG = 'refund-helper-chip';

const TONES = { normal: '#e6f4ff;color:#0958d9', attention: '#fff1f0;color:#cf1322', done: '#f6ffed;color:#389e0d' };

export interface ChipInfo {
  orderId: string;
  status: string;
  label: string;
  title: string;
  tone: keyof typeof TONES;
}

/** Creates or updates the chip for `info` inside `container`; returns it. */
export function upsertChip(container: Element, info: ChipInfo): HTMLElement {
  let chip = Array.from(container.querySelectorAll(CHIP_TAG)).find((c) => c.getAttribute('data-order-id') === info.orderId) as
    | HTMLElement
    | undefined;
  if (!chip) {
    chip = container.ownerDocument.createElement(CHIP_TAG);
    chip.setAttribute('data-rh-chip', '');
    chip.setAttribute('data-order-id', info.orderId);
    chip.attachShadow({ mode: 'open' });
    container.appendChild(chip);
  }
  const attrs: Record<string, string> = {
    'data-status': info.status,
    title: info.title,
    style: `all:initial;display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;font:12px/18px sans-serif;white-space:nowrap;background:${TONES[info.tone]}`,
  };
  for (const [k, v] of Object.entries(attrs)) if (chip.getAttribute(k) !== v) chip.setAttribute(k, v);
  const root = chip.shadowRoot!;
  if (root.textContent !== info.label) root.textContent = info.label;
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
