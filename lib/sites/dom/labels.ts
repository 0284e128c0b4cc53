/**
 * Label-driven reading of a page: platform-free. Every function takes the root to read
 * (a Document or an Element), never the global `document`, so tests hand them a fixture.
 *
 * - A label matches when its normalised text (trimmed, whitespace collapsed, invisible characters
 *   removed, trailing ：/: stripped) equals one of the label texts exactly: 订单号 does not match
 *   子订单号, 运费 does not match 运费险. A near match would read the wrong field's value.
 * - Duplicated labels: the label texts are tried in the order given; for one text, the first
 *   occurrence in document order that is not hidden (`hidden`, `aria-hidden="true"`, inline
 *   `display:none`, a hidden Ant Design tab pane, a closed `<details>`/`<template>`) and has a
 *   non-empty value is what `find` gives; `every` gives them all, so a reader (a site module) can
 *   tell a label printed twice with different values and refuse to pick one. Layout is not
 *   computed: that would be slow and is unavailable in tests.
 * - Cost: one walk over the page's text nodes per read (`labelIndex`), each node looked at once
 *   and only its first `MAX_LABEL + 2 × MAX_VALUE` characters; tables are read by column.
 */
import {
  CONTROL_SELECTOR,
  MAX_LABEL,
  MAX_VALUE,
  SKIP_TAGS,
  boundedText,
  dataOf,
  isControl,
  isEmptyValue,
  isHidden,
  labelKey,
  normalizeText,
  valueOf,
} from './text';
import { cellAt, columnIndex, firstBodyRow, isHeaderRow } from './tables';
import { DESC_CONTENT, DESC_ITEM, DESC_LABEL, FORM_ITEM, FORM_ITEM_CONTROL, FORM_ITEM_LABEL, ITEM_LABEL_CLASS, RADIO_GROUP, SELECT } from './antd';

/** A native control or an Ant Design one (select, radio group). */
const HOLDS_CONTROL = `${CONTROL_SELECTOR}, ${SELECT}, ${RADIO_GROUP}`;

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

/** The value element that belongs to a label element, by layout. */
function valueElementFor(labelEl: Element): Element | undefined {
  // Ant Design form item: the control column, wherever the label column sits.
  const formLabel = labelEl.closest(FORM_ITEM_LABEL);
  if (formLabel) {
    const item = formLabel.closest(FORM_ITEM) ?? formLabel.parentElement;
    const control = item?.querySelector(FORM_ITEM_CONTROL);
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
  const descLabel = labelEl.closest(DESC_LABEL);
  if (descLabel) {
    const sib = descLabel.nextElementSibling;
    if (sib?.matches(DESC_CONTENT)) return sib;
    const item = descLabel.closest(DESC_ITEM);
    const content = item?.querySelector(DESC_CONTENT);
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
  return !!cls && ITEM_LABEL_CLASS.test(cls);
}

const STOP_TAGS = new Set(['BODY', 'HTML', 'FORM', 'TABLE', 'TBODY', 'THEAD', 'TR', 'UL', 'OL', 'DL']);

/** Does `el` hold a form control outside `except`? Then it is more than a label. */
function hasControlOutside(el: Element, except: Element): boolean {
  for (const c of Array.from(el.querySelectorAll(HOLDS_CONTROL))) {
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

function resolve(parent: Element, own: string, key: string, rootNode: Node, seenLabels: Set<Element>): LabelHit | undefined {
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
  return isControl(el) || !!el.closest(`${FORM_ITEM_CONTROL}, ${SELECT}, ${RADIO_GROUP}`) || !!el.querySelector(HOLDS_CONTROL);
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
      // Most text nodes are not a label: their parent is not even looked up.
      if (!firsts.has(raw[raw.search(SIGNIFICANT)])) continue;
      const parent = n.parentElement;
      if (!parent || SKIP_TAGS.has(parent.nodeName)) continue;
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
        const h = resolve(c.parent, c.own, key, rootNode, s);
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
        return [...new Set(labels)]
          .flatMap((l) => hits(l, opts))
          .sort((x, y) => x[0] - y[0])
          .map((x) => x[1]);
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
export function findLabelValue(root: ParentNode, labels: readonly string[]): { value: string; element: Element } | undefined {
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
