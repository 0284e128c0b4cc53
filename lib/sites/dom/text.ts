/**
 * Platform-free text of a page: normalising (whitespace, invisible characters, a trailing colon),
 * bounded reads of a node's text, hidden elements, a control's value, and matching a page text
 * onto a table of known texts. Every function takes the node to read, never the global
 * `document`, so tests hand them a fixture.
 *
 * - Values are plain text (`textContent`, never HTML, never `innerText`), at most `MAX_VALUE`
 *   characters: a 1 MB text node is sliced, not scanned.
 * - Nothing inside our own `<refund-helper>` host, `<script>`, `<style>`, `<noscript>` or
 *   `<template>` is read.
 */
import { HIDDEN_STATE, SELECTION_ITEM } from './antd';
/** At most this many characters of a value are read. */
export const MAX_VALUE = 200;
/** A label (plus its colon) is never longer than this; longer texts are not label candidates. */
export const MAX_LABEL = 110;

// Zero-width characters, the BOM, soft hyphen, bidi embeddings/overrides/isolates and marks.
export const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Anything normalizeText would change: an invisible character, whitespace other than one inner space. */
export const NEEDS_NORMALIZING = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[^\S ]| {2}|^ | $/;
export const COLON_TAIL = /[：:]$/;
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'REFUND-HELPER']);
/** What a page prints for "no value". */
export const EMPTY_VALUES = new Set(['-', '--', '—', '——', '/', '暂无', '无']);

/** Remove invisible characters, collapse whitespace (incl. NBSP and the ideographic space), trim. */
export function normalizeText(s: string): string {
  // Most page texts are already normal: one test instead of two replaces and a trim.
  if (!NEEDS_NORMALIZING.test(s)) return s;
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** A label as compared: normalised, trailing colon dropped. */
export function labelKey(s: string): string {
  return normalizeText(s).replace(COLON_TAIL, '').trim();
}

/** A button's or an option's text as compared: as `labelKey`, without spaces (Ant Design writes two-character buttons "确 定"). */
export function squash(s: string): string {
  return labelKey(s.slice(0, 200)).replace(/ /g, '');
}

/** A text node's data, at most `max` characters: a 1 MB node is never copied whole. */
export function dataOf(t: CharacterData, max: number): string {
  if (max <= 0) return '';
  return t.length > max ? t.substringData(0, max) : t.data;
}

/** Subtrees a value's text never includes: scripts, our own host, what the page hides from everyone. */
export function skipSubtree(el: Element): boolean {
  return SKIP_TAGS.has(el.nodeName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * The element's text as `textContent` would give it, but stopping after `max` characters (a huge
 * value costs no more than a short one) and leaving out script/style/template content, our own
 * `<refund-helper>` and `hidden` / `aria-hidden` descendants (an avatar letter, a screen-reader-less
 * icon): the visible words only.
 */
export function boundedText(node: Node, max = MAX_VALUE): string {
  if (node.nodeType === 3) return dataOf(node as Text, max);
  let out = '';
  let n: Node | null = node.firstChild;
  while (n) {
    const type = n.nodeType;
    if (type === 3) {
      out += dataOf(n as Text, max - out.length);
      if (out.length >= max) break;
    } else if (type === 1 && n.firstChild && !skipSubtree(n as Element)) {
      n = n.firstChild;
      continue;
    }
    // Next in document order, not leaving `node`.
    while (n && n !== node && !n.nextSibling) n = n.parentNode;
    if (!n || n === node) break;
    n = n.nextSibling;
  }
  return out;
}

/** Normalised, bounded text of a node. Slightly more than `max` is read so normalising can shrink it. */
export function textOf(node: Node, max = MAX_VALUE): string {
  return normalizeText(boundedText(node, max * 2)).slice(0, max);
}

/**
 * Inside something the page hides (`hidden`, `aria-hidden`, inline `display:none` /
 * `visibility:hidden`, an Ant Design `ant-…-hidden` state class: a closed tab pane, dropdown, modal,
 * popover), or inside our own host / a script. Cheap: attributes only.
 */
export function isHidden(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (SKIP_TAGS.has(e.nodeName)) return true;
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    const style = e.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
    const cls = e.getAttribute('class');
    if (cls && HIDDEN_STATE.test(cls)) return true;
  }
  return false;
}

export const CONTROL_SELECTOR = 'input:not([type=hidden]):not([type=file]), textarea, select';

export function isControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  return el.nodeName === 'INPUT' || el.nodeName === 'TEXTAREA' || el.nodeName === 'SELECT';
}

/** What a form control currently shows: a select's chosen option text, a radio group's checked label. */
export function controlText(el: Element): string {
  if (el.nodeName === 'SELECT') {
    const sel = el as HTMLSelectElement;
    // selectedOptions, not selectedIndex: some DOMs (happy-dom) report -1 for a `selected` attribute.
    const opt = sel.selectedOptions?.[0] ?? Array.from(sel.options).find((o) => o.value === sel.value);
    return normalizeText(opt ? boundedText(opt) || opt.value : sel.value).slice(0, MAX_VALUE);
  }
  if (el.nodeName === 'INPUT') {
    const input = el as HTMLInputElement;
    if (input.type === 'radio' || input.type === 'checkbox') {
      return input.checked ? optionLabelText(input) : '';
    }
  }
  return normalizeText(String((el as HTMLInputElement).value ?? '').slice(0, MAX_VALUE * 2)).slice(0, MAX_VALUE);
}

/** The visible text that names a radio/checkbox: its wrapping label, a `label[for]`, or its wrapper. */
export function optionLabelText(input: Element): string {
  const wrap = input.closest('label');
  if (wrap) return textOf(wrap);
  const id = input.getAttribute('id');
  if (id) {
    const doc = input.ownerDocument;
    for (const l of Array.from(doc.querySelectorAll('label[for]'))) {
      if (l.getAttribute('for') === id) return textOf(l);
    }
  }
  return input.parentElement ? textOf(input.parentElement) : '';
}

/**
 * The value shown inside a value container: a form control's value, an Ant Design select's chosen
 * item, a checked radio, otherwise the text.
 */
export function valueOf(el: Element): string {
  if (isControl(el)) return controlText(el);
  // Fast path (most table cells): plain text, or markup without any control in it.
  if (!el.firstElementChild || !el.querySelector(SELECTION_ITEM + ', ' + CONTROL_SELECTOR)) return textOf(el);
  const selItem = el.querySelector(SELECTION_ITEM);
  if (selItem) return normalizeText(selItem.getAttribute('title') || boundedText(selItem)).slice(0, MAX_VALUE);
  const radios = el.querySelectorAll('input[type=radio]');
  if (radios.length) {
    for (const r of Array.from(radios)) if ((r as HTMLInputElement).checked) return optionLabelText(r);
    return '';
  }
  const control = el.querySelector(CONTROL_SELECTOR);
  if (control) return controlText(control);
  return textOf(el);
}

export function isEmptyValue(v: string): boolean {
  return !v || EMPTY_VALUES.has(v);
}

/** Is the text one of `texts` (after normalising)? */
export function textIs(text: string, texts: readonly string[]): boolean {
  const k = labelKey(text);
  return texts.some((t) => labelKey(t) === k);
}

export interface CompiledTable<K extends string> {
  exact: Map<string, K>;
  /** Every (key, text) pair, longest text first, for the containment rule. */
  parts: Array<[K, string]>;
}
export const compiled = new WeakMap<object, CompiledTable<string>>();

/** The table's texts normalised once (texts are data objects reused read after read). */
export function compile<K extends string>(table: Partial<Record<K, readonly string[]>>): CompiledTable<K> {
  let c = compiled.get(table) as CompiledTable<K> | undefined;
  if (c) return c;
  const exact = new Map<string, K>();
  const parts: Array<[K, string]> = [];
  for (const [k, texts] of Object.entries(table) as Array<[K, readonly string[] | undefined]>) {
    for (const x of texts ?? []) {
      const xk = labelKey(x);
      if (!xk) continue;
      if (!exact.has(xk)) exact.set(xk, k);
      parts.push([k, xk]);
    }
  }
  parts.sort((a, b) => b[1].length - a[1].length);
  c = { exact, parts };
  compiled.set(table, c as CompiledTable<string>);
  return c;
}

/**
 * Map a page text onto a key of `table`: an exact text first; otherwise the longest table text
 * the page text contains (so 审核不通过 can never become 审核通过). Two different keys tied on the
 * longest contained text → undefined (ambiguous, better unknown than wrong).
 */
export function matchText<K extends string>(text: string | undefined, table: Partial<Record<K, readonly string[]>>): K | undefined {
  if (!text) return undefined;
  const t = labelKey(text);
  if (!t) return undefined;
  const { exact, parts } = compile(table);
  const hit = exact.get(t);
  if (hit !== undefined) return hit;
  let best: K | undefined;
  let bestLen = 0;
  for (const [k, xk] of parts) {
    if (xk.length < bestLen) break; // longest first: nothing longer is left
    if (!t.includes(xk)) continue;
    if (best === undefined) {
      best = k;
      bestLen = xk.length;
    } else if (k !== best) {
      return undefined; // two keys tied on the longest contained text
    }
  }
  return best;
}
