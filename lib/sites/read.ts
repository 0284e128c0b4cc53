/**
 * Label-driven reading of a page: platform-free. Every function takes the root to read
 * (a Document or an Element), never the global `document`, so tests hand them a fixture.
 *
 * Rules (SPEC §5):
 * - A label matches when its normalised text (trimmed, whitespace collapsed, invisible characters
 *   removed, trailing ：/: stripped) equals one of the label texts exactly: 订单号 does not match
 *   子订单号, 运费 does not match 运费险.
 * - Duplicated labels: the label texts are tried in the order given; for one text, the first
 *   occurrence in document order that is not hidden (`hidden`, `aria-hidden="true"`, inline
 *   `display:none`, a hidden Ant Design tab pane, a closed `<details>`/`<template>`) and has a
 *   non-empty value is what `find` gives; `every` gives them all, so a reader (kuaishou.ts) can
 *   tell a label printed twice with different values and refuse to pick one. Layout is not
 *   computed: that would be slow and is unavailable in tests.
 * - Cost: one walk over the page's text nodes per read (`labelIndex`), each node looked at once
 *   and only its first `MAX_LABEL + 2 × MAX_VALUE` characters; tables are read by column.
 * - Nothing inside our own `<refund-helper>` host, `<script>`, `<style>`, `<noscript>` or
 *   `<template>` is read.
 * - Values are plain text (`textContent`, never HTML, never `innerText`), at most `MAX_VALUE`
 *   characters: a 1 MB text node is sliced, not scanned.
 */

/** At most this many characters of a value are read. */
export const MAX_VALUE = 200;
/** A label (plus its colon) is never longer than this; longer texts are not label candidates. */
const MAX_LABEL = 110;

// Zero-width characters, the BOM, soft hyphen, bidi embeddings/overrides/isolates and marks.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Anything normalizeText would change: an invisible character, whitespace other than one inner space. */
const NEEDS_NORMALIZING = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[^\S ]| {2}|^ | $/;
const COLON_TAIL = /[：:]$/;
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'REFUND-HELPER']);
/** What a page prints for "no value". */
const EMPTY_VALUES = new Set(['-', '--', '—', '——', '/', '暂无', '无']);

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
function dataOf(t: CharacterData, max: number): string {
  if (max <= 0) return '';
  return t.length > max ? t.substringData(0, max) : t.data;
}

/** Subtrees a value's text never includes: scripts, our own host, what the page hides from everyone. */
function skipSubtree(el: Element): boolean {
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
function textOf(node: Node, max = MAX_VALUE): string {
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
    if (cls && /(^|\s)ant-[\w-]+-hidden(\s|$)/.test(cls)) return true;
  }
  return false;
}

const CONTROL_SELECTOR = 'input:not([type=hidden]):not([type=file]), textarea, select';
/** A select's chosen item: Ant Design 4/5 `.ant-select-selection-item`, Ant Design 3 `.ant-select-selection-selected-value`. */
const SEL_ITEM = '.ant-select-selection-item, .ant-select-selection-selected-value';

function isControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
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
  if (!el.firstElementChild || !el.querySelector(SEL_ITEM + ', ' + CONTROL_SELECTOR)) return textOf(el);
  const selItem = el.querySelector(SEL_ITEM);
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

function isEmptyValue(v: string): boolean {
  return !v || EMPTY_VALUES.has(v);
}

/** Where a label was found: the label element (if any) and the element holding the value. */
export interface LabelHit {
  value: string;
  /** The element holding the value (the control for forms, the cell, the `dd`, …). */
  element: Element;
  /** The element whose text is the label; absent for inline `label：value` text. */
  label?: Element;
  /** The label text (as given) that matched. */
  matched: string;
}

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  if ('getElementById' in root && typeof root.getElementById === 'function') return root.getElementById(id);
  return el.ownerDocument.getElementById(id);
}

/** A header row: inside `thead`, or every cell is a `th`. */
function isHeaderRow(tr: Element): boolean {
  if (tr.parentElement?.nodeName === 'THEAD') return true;
  const cells = Array.from(tr.children);
  return cells.length > 1 && cells.every((c) => c.nodeName === 'TH');
}

/** Column start index of a cell, honouring colspan. */
function columnIndex(cell: Element): number {
  let i = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
    i += Math.max(1, Number(c.getAttribute('colspan')) || 1);
  }
  return i;
}

function cellAt(tr: Element, col: number): Element | undefined {
  let i = 0;
  for (const c of Array.from(tr.children)) {
    if (c.nodeName !== 'TD' && c.nodeName !== 'TH') continue;
    if (i === col) return c;
    i += Math.max(1, Number(c.getAttribute('colspan')) || 1);
    if (i > col) return undefined;
  }
  return undefined;
}

/** The value element that belongs to a label element, by layout. */
function valueElementFor(labelEl: Element): Element | undefined {
  // Ant Design form item: the control column, wherever the label column sits.
  const formLabel = labelEl.closest('.ant-form-item-label');
  if (formLabel) {
    const item = formLabel.closest('.ant-form-item') ?? formLabel.parentElement;
    const control = item?.querySelector('.ant-form-item-control');
    if (control) return control;
  }
  // <label for=ID> (itself or inside the label container)
  const forLabel = labelEl.matches('label[for]') ? labelEl : labelEl.querySelector('label[for]');
  if (forLabel) {
    const id = forLabel.getAttribute('for');
    const target = id ? byId(labelEl, id) : null;
    if (target && !isHidden(target)) return target;
  }
  // Ant Design descriptions: the content of the same item (plain) or the next cell (bordered).
  const descLabel = labelEl.closest('.ant-descriptions-item-label');
  if (descLabel) {
    const sib = descLabel.nextElementSibling;
    if (sib && sib.matches('.ant-descriptions-item-content')) return sib;
    const item = descLabel.closest('.ant-descriptions-item');
    const content = item?.querySelector('.ant-descriptions-item-content');
    if (content) return content;
  }
  // A table header column → the first body row's cell in that column.
  if ((labelEl.nodeName === 'TH' || labelEl.nodeName === 'TD') && labelEl.parentElement) {
    const tr = labelEl.parentElement;
    if (isHeaderRow(tr)) {
      const table = tr.closest('table');
      const col = columnIndex(labelEl);
      const body = table ? firstBodyRow(table) : undefined;
      return body ? cellAt(body, col) : undefined;
    }
  }
  // <th>/<td> label cell → next cell; <dt> → <dd>; sibling elements with any class names.
  const sib = labelEl.nextElementSibling;
  if (sib && !SKIP_TAGS.has(sib.nodeName)) return sib;
  return undefined;
}

function firstBodyRow(table: Element): Element | undefined {
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') !== table) continue;
    if (isHeaderRow(tr) || !isBodyRow(tr)) continue;
    return tr;
  }
  return undefined;
}

function isBodyRow(tr: Element): boolean {
  const cls = tr.getAttribute('class') ?? '';
  if (/ant-table-(measure-row|placeholder|expanded-row)/.test(cls)) return false;
  if (tr.getAttribute('aria-hidden') === 'true') return false;
  return true;
}

function startsWithLabel(text: string, key: string): string | undefined {
  if (!text.startsWith(key)) return undefined;
  const m = /^\s*[：:]\s*/.exec(text.slice(key.length));
  if (!m) return undefined;
  return text.slice(key.length + m[0].length);
}

/** Where the climb from a label's text node ends: the label element, or an inline value. */
interface LabelPlace {
  labelEl?: Element;
  inline?: { element: Element; rest: string };
}

/** Elements that are a label's natural box: the climb stops there. */
function isLabelBox(el: Element): boolean {
  const n = el.nodeName;
  if (n === 'TH' || n === 'TD' || n === 'DT' || n === 'LABEL' || n === 'LI') return true;
  const cls = el.getAttribute('class');
  return !!cls && /(^|\s)ant-(form|descriptions)-item-label(\s|$)/.test(cls);
}

const STOP_TAGS = new Set(['BODY', 'HTML', 'FORM', 'TABLE', 'TBODY', 'THEAD', 'TR', 'UL', 'OL', 'DL']);

/** Does `el` hold a form control outside `except`? Then it is more than a label. */
function hasControlOutside(el: Element, except: Element): boolean {
  for (const c of Array.from(el.querySelectorAll(CONTROL_SELECTOR + ', .ant-select, .ant-radio-group'))) {
    if (!except.contains(c)) return true;
  }
  return false;
}

/**
 * Climb from the text node's parent while the ancestor's text is just the label (and it holds no
 * control besides): the outermost such element is the label element. An ancestor whose text
 * continues "label：value" holds an inline value.
 */
function placeLabel(parent: Element, key: string, rootNode: Node): LabelPlace {
  let labelEl: Element | undefined;
  for (let el: Element | null = parent; el; el = el.parentElement) {
    if (labelEl && (STOP_TAGS.has(el.nodeName) || hasControlOutside(el, labelEl))) break;
    const t = normalizeText(boundedText(el, MAX_LABEL + MAX_VALUE * 2));
    if (labelKey(t) === key) {
      labelEl = el;
      if (el === rootNode || isLabelBox(el)) break;
      continue;
    }
    const rest = startsWithLabel(t, key);
    if (rest !== undefined && rest !== '') return { labelEl, inline: { element: el, rest } };
    break;
  }
  return { labelEl };
}

function resolve(
  textNode: Node,
  parent: Element,
  own: string,
  key: string,
  rootNode: Node,
  seenLabels: Set<Element>,
): LabelHit | undefined {
  // "label：value" in the text node itself.
  const inlineOwn = startsWithLabel(own, key);
  if (inlineOwn !== undefined && inlineOwn !== '') {
    const value = inlineOwn.slice(0, MAX_VALUE);
    if (isEmptyValue(value)) return undefined;
    return { value, element: parent, matched: key };
  }
  if (labelKey(own) !== key) return undefined; // the label is only a prefix of a longer word
  const { labelEl, inline } = placeLabel(parent, key, rootNode);
  if (labelEl) {
    const v = valueElementFor(labelEl);
    if (v) return finish(labelEl, v, key, seenLabels);
  }
  if (inline) {
    const value = inline.rest.slice(0, MAX_VALUE);
    if (isEmptyValue(value)) return undefined;
    return { value, element: inline.element, label: labelEl, matched: key };
  }
  return undefined;
}

function finish(labelEl: Element, valueEl: Element, key: string, seenLabels: Set<Element>): LabelHit | undefined {
  if (seenLabels.has(labelEl)) return undefined;
  seenLabels.add(labelEl);
  const value = valueOf(valueEl);
  // A value that is itself a label (a header row next to another header) is no value.
  if (isEmptyValue(value)) return undefined;
  return { value, element: valueEl, label: labelEl, matched: key };
}

/** A value that is what someone typed or chose in a form, not what the page states. */
export function isFormValue(el: Element): boolean {
  return (
    isControl(el) ||
    !!el.closest('.ant-form-item-control, .ant-select, .ant-radio-group') ||
    !!el.querySelector(CONTROL_SELECTOR + ', .ant-select, .ant-radio-group')
  );
}

export interface FindOptions {
  /** Skip values held by form controls (the refund form's inputs are not facts about the order). */
  skipFormValues?: boolean;
}

/** One text node that is a label (exactly, or "label：value"), found by the index walk. */
interface Candidate {
  /** Position among the walked text nodes: document order across keys. */
  seq: number;
  node: Text;
  parent: Element;
  /** The node's normalised, bounded text. */
  own: string;
  /** The whole text is the label (possibly with its colon), not "label：value". */
  exact: boolean;
  /** Resolved once: the visible hit, or null (no value here, or hidden). */
  hit?: LabelHit | null;
}

// Whitespace and the invisible characters normalizeText removes: skipped to find a text's first character.
const SIGNIFICANT = /[^\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const COLON = /[：:]/;
/** How much of a text node is looked at to tell whether it is a label (plus an inline value). */
const SCAN_CHARS = MAX_LABEL + MAX_VALUE * 2;

/** The label texts of a page, found in one walk (see `labelIndex`). A snapshot of the DOM: build one per read. */
export interface LabelIndex {
  /** The first of `labels` found (labels in order; for one label, the first visible occurrence with a value). */
  find(labels: readonly string[], opts?: FindOptions): LabelHit | undefined;
  /**
   * Every visible occurrence with a value, in document order: of the first of `labels` that has
   * one (its first is what `find` gives), or with `merged`, of all of them.
   */
  every(labels: readonly string[], opts?: FindOptions, merged?: boolean): LabelHit[];
  /**
   * The container of a form field named by one of `labels`: the Ant Design form item's control
   * column, the control a `label[for]` points at, or the label's next sibling. For writing.
   */
  field(labels: readonly string[]): Element | undefined;
}

/**
 * One walk over the text nodes under `root` finds every label of `lists`: each text node is looked
 * at once (its first visible character against the labels' first characters, then one normalise
 * and a map look-up), however many labels and synonyms are asked for. Hits are resolved (label
 * element, value element, value) lazily and once. A label asked for later is indexed then (one
 * more walk, for the new labels only).
 */
export function labelIndex(root: ParentNode, lists: Iterable<readonly string[] | undefined> = []): LabelIndex {
  const rootNode = root as Node;
  const byKey = new Map<string, Candidate[]>();
  const seen = new Map<string, Set<Element>>();

  const ensure = (labels: Iterable<string>) => {
    const missing = new Set<string>();
    for (const l of labels) {
      const k = labelKey(l);
      if (k && !byKey.has(k)) {
        byKey.set(k, []);
        missing.add(k);
      }
    }
    if (!missing.size) return;
    const firsts = new Set([...missing].map((k) => k[0]));
    // A label with a colon inside cannot be split off at the first colon: tried one by one.
    const withColon = [...missing].filter((k) => COLON.test(k));
    const walker = (rootNode.ownerDocument ?? (rootNode as Document)).createTreeWalker(rootNode, 4 /* SHOW_TEXT */);
    for (let n: Node | null, seq = 0; (n = walker.nextNode()); seq++) {
      const raw = dataOf(n as Text, SCAN_CHARS);
      const parent = n.parentElement;
      if (!firsts.has(raw[raw.search(SIGNIFICANT)]) || !parent || SKIP_TAGS.has(parent.nodeName)) continue;
      const own = normalizeText(raw);
      let key = labelKey(own);
      const exact = missing.has(key);
      if (!exact) {
        // "label：value": the text before the first colon is the label.
        key = own.slice(0, Math.max(0, own.search(COLON))).trim();
        if (!missing.has(key)) key = '';
        for (const k of withColon) if (k.length > key.length && startsWithLabel(own, k)) key = k;
        if (!key) continue;
      }
      byKey.get(key)!.push({ seq, node: n as Text, parent, own, exact });
    }
  };

  /** Visible occurrences with a value of one label text, in document order, with their position. */
  const hits = (label: string, opts: FindOptions, first?: boolean): Array<[number, LabelHit]> => {
    const key = labelKey(label);
    const out: Array<[number, LabelHit]> = [];
    ensure([key]);
    let s = seen.get(key);
    if (!s) seen.set(key, (s = new Set()));
    for (const c of byKey.get(key) ?? []) {
      if (c.hit === undefined) {
        const h = resolve(c.node, c.parent, c.own, key, rootNode, s);
        c.hit = h && !isHidden(h.label ?? h.element) ? h : null;
      }
      if (!c.hit || (opts.skipFormValues && isFormValue(c.hit.element))) continue;
      out.push([c.seq, { ...c.hit, matched: label }]);
      if (first) break;
    }
    return out;
  };

  ensure([...lists].flatMap((l) => l ?? []));
  return {
    find(labels, opts = {}) {
      ensure(labels);
      for (const l of labels) {
        const [h] = hits(l, opts, true);
        if (h) return h[1];
      }
      return undefined;
    },
    every(labels, opts = {}, merged) {
      ensure(labels);
      if (merged) {
        return [...new Set(labels)].flatMap((l) => hits(l, opts)).sort((x, y) => x[0] - y[0]).map((x) => x[1]);
      }
      for (const l of labels) {
        const h = hits(l, opts);
        if (h.length) return h.map((x) => x[1]);
      }
      return [];
    },
    field(labels) {
      ensure(labels);
      for (const l of labels) {
        const key = labelKey(l);
        ensure([key]);
        for (const c of byKey.get(key) ?? []) {
          if (!c.exact) continue;
          const { labelEl } = placeLabel(c.parent, key, rootNode);
          const v = labelEl && !isHidden(labelEl) && valueElementFor(labelEl);
          if (v) return v;
        }
      }
      return undefined;
    },
  };
}

/**
 * The value for the first of `labels` found on the page (labels are tried in order; for one
 * label, the first visible occurrence with a value in document order wins).
 */
export function findLabelValue(
  root: ParentNode,
  labels: readonly string[],
): { value: string; element: Element } | undefined {
  const hit = findLabel(root, labels);
  return hit ? { value: hit.value, element: hit.element } : undefined;
}

/** Like `findLabelValue`, with the label element and the label text that matched. */
export function findLabel(root: ParentNode, labels: readonly string[], opts: FindOptions = {}): LabelHit | undefined {
  return labelIndex(root, [labels]).find(labels, opts);
}

/** Every occurrence of any of `labels`, in document order (e.g. one per card on a list page). */
export function findAllLabelValues(root: ParentNode, labels: readonly string[]): LabelHit[] {
  return labelIndex(root, [labels]).every(labels, {}, true);
}

/**
 * The container of a form field named by one of `labels`: the Ant Design form item's control
 * column, the control a `label[for]` points at, or the label's next sibling. For writing.
 */
export function findFieldElement(root: ParentNode, labels: readonly string[]): Element | undefined {
  return labelIndex(root, [labels]).field(labels);
}

/** Is the text one of `texts` (after normalising)? */
export function textIs(text: string, texts: readonly string[]): boolean {
  const k = labelKey(text);
  return texts.some((t) => labelKey(t) === k);
}

interface CompiledTable<K extends string> {
  exact: Map<string, K>;
  /** Every (key, text) pair, longest text first, for the containment rule. */
  parts: Array<[K, string]>;
}
const compiled = new WeakMap<object, CompiledTable<string>>();

/** The table's texts normalised once (texts are data objects reused read after read). */
function compile<K extends string>(table: Partial<Record<K, readonly string[]>>): CompiledTable<K> {
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
export function matchText<K extends string>(
  text: string | undefined,
  table: Partial<Record<K, readonly string[]>>,
): K | undefined {
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

/** The tables under `root`: each `.ant-table` once, and plain tables outside Ant Design ones. */
function tablesIn(root: ParentNode): Element[] {
  const out: Element[] = [];
  const rootEl = root as Element;
  if (rootEl.nodeType === 1 && rootEl.matches?.('.ant-table')) return [rootEl];
  for (const el of Array.from(root.querySelectorAll('.ant-table, table'))) {
    if (el.matches('.ant-table')) {
      if (!el.parentElement?.closest('.ant-table')) out.push(el);
    } else if (!el.closest('.ant-table')) {
      out.push(el);
    }
  }
  if (out.length === 0 && rootEl.nodeName === 'TABLE') out.push(rootEl);
  return out;
}

function headerCells(table: Element): Element[] {
  const thead = table.querySelector('thead');
  let row: Element | null = null;
  if (thead) {
    // The last header row holds the leaf columns (grouped headers span above it).
    const rows = thead.querySelectorAll('tr');
    row = rows[rows.length - 1] ?? null;
  } else {
    for (const tr of Array.from(table.querySelectorAll('tr'))) {
      if (isHeaderRow(tr)) {
        row = tr;
        break;
      }
    }
  }
  return row ? Array.from(row.children).filter((c) => c.nodeName === 'TH' || c.nodeName === 'TD') : [];
}

function bodyRows(table: Element): Element[] {
  const bodies = table.matches('.ant-table')
    ? Array.from(table.querySelectorAll('.ant-table-tbody'))
    : Array.from(table.querySelectorAll('tbody')).filter((b) => b.closest('table') === table);
  const rows: Element[] = [];
  for (const body of bodies.length ? bodies : [table]) {
    for (const tr of Array.from(body.children)) {
      if (tr.nodeName !== 'TR' || !isBodyRow(tr) || isHeaderRow(tr)) continue;
      rows.push(tr);
    }
  }
  return rows;
}

/**
 * Read a list table (an Ant Design table, whose header and body may be separate `<table>`s, or a
 * plain one): header texts → column indexes, then each body row's cells. When several tables are
 * present, the ones matching the most requested columns are read (concatenated in document order).
 * Rows of Ant Design's measure / placeholder / expanded kinds are skipped.
 */
export function readTable<K extends string>(
  root: ParentNode,
  headerLabels: Partial<Record<K, readonly string[]>>,
): Array<Record<K, string | undefined> & { row: Element }> {
  const wanted = Object.entries(headerLabels) as Array<[K, readonly string[] | undefined]>;
  const keysByLabel = new Map<string, K>();
  for (const [k, labels] of wanted) {
    for (const l of labels ?? []) {
      const lk = labelKey(l);
      if (lk && !keysByLabel.has(lk)) keysByLabel.set(lk, k);
    }
  }
  let best: Array<{ table: Element; columns: Map<K, number> }> = [];
  let bestCount = 0;
  for (const table of tablesIn(root)) {
    if (isHidden(table)) continue;
    const columns = new Map<K, number>();
    for (const cell of headerCells(table)) {
      const k = keysByLabel.get(labelKey(textOf(cell, MAX_LABEL)));
      if (k !== undefined && !columns.has(k)) columns.set(k, columnIndex(cell));
    }
    if (columns.size === 0) continue;
    if (columns.size > bestCount) {
      best = [{ table, columns }];
      bestCount = columns.size;
    } else if (columns.size === bestCount) {
      best.push({ table, columns });
    }
  }
  const out: Array<Record<K, string | undefined> & { row: Element }> = [];
  for (const { table, columns } of best) {
    const cols = [...columns.entries()];
    for (const tr of bodyRows(table)) {
      const rec = { row: tr } as Record<K, string | undefined> & { row: Element };
      const cells: Element[] = [];
      let simple = true;
      for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
        const n = c.nodeName;
        if (n !== 'TD' && n !== 'TH') continue;
        cells.push(c);
        if (simple && c.hasAttribute('colspan') && c.getAttribute('colspan') !== '1') simple = false;
      }
      for (const [k, col] of cols) {
        // Fast path: no colspans → direct index.
        const cell = simple ? cells[col] : cellAt(tr, col);
        const v = cell ? valueOf(cell) : '';
        (rec as Record<K, string | undefined>)[k] = isEmptyValue(v) ? undefined : v;
      }
      out.push(rec);
    }
  }
  return out;
}
