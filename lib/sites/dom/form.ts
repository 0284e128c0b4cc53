/**
 * Writing into the page's form, which React controls: a value is set with the element type's
 * native setter (bypassing React's value tracker) and announced with bubbling `input` and
 * `change` events, so React's onChange sees it and its state (not just the DOM) changes.
 * Works across realms: the prototypes and event constructors come from the element's own window.
 */
import { isHidden, labelKey, normalizeText, optionLabelText } from './text';
import { CHOICE_BUTTON, DROPDOWN, OPTION, OPTION_CONTENT, OPTION_DISABLED, SELECT, SELECT_OPENER, SELECTION_ITEM } from './antd';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The element's window; a document without one (DOMParser, createHTMLDocument) falls back to ours. */
function windowOf(el: Element): Window & typeof globalThis {
  return (el.ownerDocument.defaultView ?? globalThis) as Window & typeof globalThis;
}

/**
 * The native `value` setter from the element's own class prototype, as the element is seen from
 * here (the content script's world, or the page's through Firefox's Xray): never an own-property
 * override on the element such as React's value tracker.
 */
function nativeSetter(el: Element): ((v: unknown) => void) | undefined {
  for (let proto = Object.getPrototypeOf(el); proto; proto = Object.getPrototypeOf(proto)) {
    const desc = Object.getOwnPropertyDescriptor(proto, 'value');
    if (desc?.set) return desc.set;
  }
  return undefined;
}

function fire(el: Element, type: string, init: EventInit = { bubbles: true }): void {
  const win = windowOf(el);
  el.dispatchEvent(new win.Event(type, init));
}

function fireMouse(el: Element, type: string): void {
  const win = windowOf(el);
  const Ctor = win.MouseEvent ?? win.Event;
  el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, view: win } as MouseEventInit));
}

/** Set a React-controlled input/textarea/select's value and tell React. */
export function setNativeValue(el: Control, value: string): void {
  const set = nativeSetter(el);
  if (set) set.call(el, value);
  else el.value = value;
  fire(el, 'input');
  fire(el, 'change');
}

/** Match page option texts against wanted labels: exact (normalised) first, then containment, longest wins. */
export function pickOption<T>(options: readonly T[], textOf: (o: T) => string, wanted: readonly string[]): T | undefined {
  const keys = wanted.map(labelKey).filter(Boolean);
  if (!keys.length) return undefined;
  const texts = options.map((o) => labelKey(textOf(o)));
  for (const k of keys) {
    const i = texts.indexOf(k);
    if (i >= 0) return options[i];
  }
  // "商品质量问题" for 质量问题, or "质量问题（需上传凭证）": the option containing the longest label.
  let best: T | undefined;
  let bestLen = 0;
  texts.forEach((t, i) => {
    for (const k of keys) {
      if (t?.includes(k) && k.length > bestLen) {
        best = options[i];
        bestLen = k.length;
      }
    }
  });
  return best;
}

/** Choose a native `<select>` option by its text (or value). */
export function chooseNativeOption(select: HTMLSelectElement, optionLabels: readonly string[]): boolean {
  const opts = Array.from(select.options).filter((o) => !o.disabled);
  const opt = pickOption(opts, (o) => o.textContent ?? '', optionLabels) ?? pickOption(opts, (o) => o.value, optionLabels);
  if (!opt) return false;
  setNativeValue(select, opt.value);
  return select.value === opt.value;
}

/**
 * Choose a radio in a group (native radios, Ant Design radio/radio-button wrappers) by the text
 * next to it. Clicks it, as a user would (React listens to `click` for radios); returns whether it
 * ended checked.
 */
export function chooseRadio(group: Element, optionLabels: readonly string[]): boolean {
  const radios = Array.from(group.querySelectorAll('input[type=radio]')) as HTMLInputElement[];
  if (radios.length) {
    const radio = pickOption(
      radios.filter((r) => !r.disabled),
      (r) => optionLabelText(r) || r.value,
      optionLabels,
    );
    if (!radio) return false;
    if (radio.checked) return true;
    radio.click();
    if (!radio.checked) {
      // A page that ignores clicks on the input itself: click the wrapper it renders.
      const wrap = radio.closest('label') ?? radio.parentElement;
      if (wrap && wrap !== group) (wrap as HTMLElement).click?.();
    }
    return radio.checked;
  }
  // Button groups without inputs: click the element whose text matches.
  const buttons = Array.from(group.querySelectorAll(`button, [role=radio], ${CHOICE_BUTTON}`));
  const btn = pickOption(buttons, (b) => b.textContent ?? '', optionLabels) as HTMLElement | undefined;
  if (!btn) return false;
  btn.click();
  return true;
}

/**
 * Wait until `probe` returns something (DOM mutations or a short poll), at most `timeoutMs`.
 * Resolves undefined on timeout.
 */
export function waitFor<T>(doc: Document, probe: () => T | undefined | null, timeoutMs = 1000): Promise<T | undefined> {
  const first = probe();
  if (first) return Promise.resolve(first);
  const win = doc.defaultView ?? globalThis;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: T | undefined) => {
      if (done) return;
      done = true;
      observer?.disconnect();
      win.clearInterval(poll);
      win.clearTimeout(timer);
      resolve(v);
    };
    const check = () => {
      const v = probe();
      if (v) finish(v);
    };
    const MO = (win as typeof globalThis).MutationObserver;
    const observer = MO ? new MO(check) : undefined;
    observer?.observe(doc.documentElement ?? doc, { childList: true, subtree: true, attributes: true });
    const poll = win.setInterval(check, 50);
    const timer = win.setTimeout(() => finish(undefined), timeoutMs);
  });
}

function selectionText(select: Element): string {
  const item = select.querySelector(SELECTION_ITEM);
  return item ? normalizeText(item.getAttribute('title') || item.textContent || '') : '';
}

/** The open dropdown of this select: via the search input's aria-controls/aria-owns, else the last visible one. */
function dropdownOf(select: Element, doc: Document): Element | undefined {
  // The search input (4/5), or the combobox itself when there is none (Ant Design 3's `.ant-select-selection`).
  const combo = select.querySelector('input') ?? select.querySelector('[role=combobox]');
  for (const attr of ['aria-controls', 'aria-owns']) {
    const id = combo?.getAttribute(attr);
    const list = id ? doc.getElementById(id) : null;
    const dd = list?.closest(DROPDOWN);
    if (dd && !isHidden(dd) && dd.querySelector(OPTION)) return dd;
  }
  const open = Array.from(doc.querySelectorAll(DROPDOWN)).filter((d) => !isHidden(d) && d.querySelector(OPTION));
  return open[open.length - 1];
}

function optionText(o: Element): string {
  const content = o.querySelector(OPTION_CONTENT);
  return o.getAttribute('title') || (content ?? o).textContent || '';
}

/**
 * Choose an option of an Ant Design select (or a native `<select>`) by its text. Opens the
 * dropdown as a user would (mousedown on the selector), waits for the options to render (≤ ~1 s),
 * clicks the matching one, and checks the selection shows it. If the option is not rendered
 * (virtual list) and the select is searchable, types the label to filter first.
 */
export async function selectAntOption(selectRoot: Element, optionLabels: string[]): Promise<boolean> {
  if (selectRoot.nodeName === 'SELECT') return chooseNativeOption(selectRoot as HTMLSelectElement, optionLabels);
  const native = selectRoot.querySelector('select');
  if (native && !selectRoot.querySelector(SELECT)) return chooseNativeOption(native, optionLabels);
  const select = selectRoot.matches(SELECT) ? selectRoot : selectRoot.querySelector(SELECT);
  if (!select) return false;
  const doc = select.ownerDocument;
  const current = selectionText(select);
  if (current && pickOption([current], (x) => x, optionLabels) !== undefined) return true; // already chosen
  // The element that opens the dropdown on mousedown/click: 4/5 `.ant-select-selector`, 3 `.ant-select-selection`.
  const selector = (select.querySelector(SELECT_OPENER) ?? select) as HTMLElement;
  const input = select.querySelector('input') as HTMLInputElement | null;
  input?.focus?.();
  fireMouse(selector, 'mousedown');
  fireMouse(selector, 'mouseup');
  fireMouse(selector, 'click');
  // Options render together: once the dropdown has shown options for a moment without a match,
  // stop waiting (a missing option costs ~200 ms, not the whole second).
  let openedAt = 0;
  const findOption = (): Element | 'none' | undefined => {
    const dd = dropdownOf(select, doc);
    if (!dd) return undefined;
    const opts = Array.from(dd.querySelectorAll(OPTION)).filter((o) => !OPTION_DISABLED.some((c) => o.classList.contains(c)));
    const hit = pickOption(opts, optionText, optionLabels);
    if (hit) return hit;
    openedAt ||= Date.now();
    return Date.now() - openedAt > 200 ? 'none' : undefined;
  };
  let found = await waitFor(doc, findOption, 1000);
  if (found === 'none' && input && !input.readOnly) {
    setNativeValue(input, optionLabels[0] ?? '');
    openedAt = 0;
    found = await waitFor(doc, findOption, 500);
  }
  if (!found || found === 'none') {
    fireMouse(selector, 'mousedown'); // close it again
    return false;
  }
  const option = found;
  const label = normalizeText(optionText(option));
  for (const type of ['mouseenter', 'mousemove', 'mouseover', 'mousedown', 'mouseup', 'click']) fireMouse(option, type);
  const shown = await waitFor(doc, () => (labelKey(selectionText(select)) === labelKey(label) ? true : undefined), 500);
  return shown === true;
}
