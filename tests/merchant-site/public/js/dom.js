// Tiny DOM builder. Strings become text nodes: page data is never parsed as HTML.

/**
 * h('div', { class: 'a', onClick: fn, dataset: { x: 1 } }, 'text', child, [more])
 * Props: `class`, `style` (object), `dataset` (object), `on<Event>` listeners, `ref` (called with
 * the element); `true` sets an empty attribute, `false`/`null`/`undefined` set nothing.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) applyProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements (icons). */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  if (props) applyProps(el, props);
  append(el, children);
  return el;
}

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', Array.isArray(value) ? cx(...value) : value);
    else if (key === 'style') Object.assign(el.style, value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'ref') value(el);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

/** Append children: nodes, strings/numbers (as text), arrays; null/false/undefined skipped. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Replace all children. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Class names: cx('a', cond && 'b') → 'a b'. */
export function cx(...names) {
  return names.filter(Boolean).join(' ');
}

/** Toggle a class. */
export function toggle(el, name, on) {
  el.classList.toggle(name, Boolean(on));
}
