/**
 * Where the Kuaishou refund application form and the page's own buttons are: what the page kind
 * (pages.ts) and the panel's placement need on every served page, apart from reading and filling
 * the form (form.ts), which only the refund form needs.
 */
import { isFormValue, labelIndex } from '../dom/labels';
import { isHidden, squash } from '../dom/text';
import type { SiteTexts } from '../texts';
import { LINK_BUTTON, MODAL } from '../dom/antd';

/** The 退款原因 field under `root` when it is a form control (not the description of an existing refund). */
function reasonField(root: Element, texts: SiteTexts): Element | undefined {
  const labels = texts.formLabels.reason ?? [];
  const f = labelIndex(root, [labels]).field(labels);
  return f && isFormValue(f) ? f : undefined;
}

/**
 * The application form, if the page shows one: the last shown `<form>` (a modal's comes after the
 * page it covers), else dialog, with a 退款原因 field; else the page itself when it has that field.
 */
export function findForm(doc: Document, texts: SiteTexts): Element | undefined {
  const body = doc.body ?? doc.documentElement;
  const all = Array.from(doc.querySelectorAll(`form,${MODAL},[role=dialog]`)).reverse();
  return all.find((el) => !isHidden(el) && reasonField(el, texts)) ?? (reasonField(body, texts) && body);
}

/** Where the form's fields are read and written, and only there: the order's own 物流单号 beside a modal form is not the return's. */
export function formRoot(doc: Document, texts: SiteTexts): Element {
  return findForm(doc, texts) ?? doc.body ?? doc.documentElement;
}

const BUTTON_SELECTOR = `button, [role=button], ${LINK_BUTTON}, input[type=submit], input[type=button]`;

export function findButton(doc: Document, texts: readonly string[]): HTMLElement | undefined {
  const keys = texts.map(squash).filter(Boolean);
  if (!keys.length) return undefined;
  const buttons = Array.from(doc.querySelectorAll(BUTTON_SELECTOR)) as HTMLElement[];
  const names = buttons.map((b) => squash(b.nodeName === 'INPUT' ? (b as HTMLInputElement).value : (b.textContent ?? '')));
  // Texts in the given order: 提交申请 before the looser 提交. The text first, then (for the few
  // that match) whether the button is shown and enabled.
  for (const k of keys) {
    for (let i = 0; i < buttons.length; i++) {
      const b = buttons[i];
      if (names[i] === k && !isHidden(b) && !(b as HTMLButtonElement).disabled && b.getAttribute('aria-disabled') !== 'true') return b;
    }
  }
  return undefined;
}
