/*
 * A small status chip placed in the page beside an order (the order list). It lives in the page's
 * DOM, so it carries its own shadow root with its styles and an inline `all: initial` on the host:
 * the page's CSS cannot restyle it and it cannot restyle the page. Marked `data-rh-chip`.
 * Plain DOM (no Preact) so many chips cost little.
 */
export const CHIP_TAG = 'refund-helper-chip';

const CHIP_CSS =
  'span{font:12px/18px sans-serif;padding:0 6px;border-radius:4px;border:1px solid #91caff;background:#e6f4ff;color:#0958d9;white-space:nowrap}' +
  '.attention{border-color:#ffa39e;background:#fff1f0;color:#cf1322}.done{border-color:#b7eb8f;background:#f6ffed;color:#389e0d}';

export interface ChipInfo {
  orderId: string;
  status: string;
  label: string;
  title: string;
  tone: 'normal' | 'attention' | 'done';
}

/** Creates or updates the chip for `info` inside `container`; returns it. */
export function upsertChip(container: Element, info: ChipInfo): HTMLElement {
  const doc = container.ownerDocument;
  let chip = Array.from(container.querySelectorAll(CHIP_TAG)).find(
    (c) => c.getAttribute('data-order-id') === info.orderId,
  ) as HTMLElement | undefined;
  let span: HTMLElement;
  if (!chip) {
    chip = doc.createElement(CHIP_TAG);
    chip.setAttribute('data-rh-chip', '');
    chip.setAttribute('data-order-id', info.orderId);
    chip.setAttribute('style', 'all: initial; display: inline-block; vertical-align: middle; margin-left: 6px;');
    const root = chip.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CHIP_CSS;
    span = doc.createElement('span');
    root.append(style, span);
    container.appendChild(chip);
  } else {
    span = chip.shadowRoot!.querySelector('span')!;
  }
  if (chip.getAttribute('data-status') !== info.status) chip.setAttribute('data-status', info.status);
  if (span.textContent !== info.label) span.textContent = info.label;
  if (span.getAttribute('title') !== info.title) span.setAttribute('title', info.title);
  const cls = info.tone === 'normal' ? '' : info.tone;
  if ((span.getAttribute('class') ?? '') !== cls) span.setAttribute('class', cls);
  return chip;
}

/** Where a chip goes in a listed order's row: the cell (or smallest element) that prints the order number. */
export function chipContainer(row: Element, orderId: string): Element {
  let best: Element = row;
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (child.nodeName === CHIP_TAG.toUpperCase()) continue;
      if ((child.textContent ?? '').includes(orderId)) {
        best = child;
        walk(child);
        return;
      }
    }
  };
  walk(row);
  // Prefer the table cell over an inner link/text span, so the chip does not join the link.
  return best.closest('td, th') ?? best;
}

export function removeChips(root: ParentNode): void {
  for (const c of Array.from(root.querySelectorAll(CHIP_TAG))) c.remove();
}
