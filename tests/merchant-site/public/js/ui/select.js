// An Ant Design single select, drawn like Ant's: the selector holds a read-only combobox input
// and the selected item; the dropdown is rendered into <body> on first open and then hidden with
// `ant-select-dropdown-hidden`. Opens on mousedown (or a bare click), keyboard usable.
// There is no native <select>: the value lives in page state, set through `onChange`.
import { h, replace } from '../dom.js';
import { icon } from '../icons.js';

/** select({ id, placeholder, options: [text], onChange(text) }) → { el, set(value), setError(bool) } */
export function select({ id, placeholder, options, onChange }) {
  const listId = `${id}_list`;
  let value = '';
  let open = false;
  let active = 0;
  let dropdown = null;
  let items = [];
  let mousedownSeen = false;

  const input = h('input', {
    type: 'search',
    id,
    class: 'ant-select-selection-search-input',
    role: 'combobox',
    autocomplete: 'off',
    readonly: true,
    unselectable: 'on',
    'aria-expanded': 'false',
    'aria-haspopup': 'listbox',
    'aria-owns': listId,
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    value: '',
    style: { opacity: '0' },
  });
  const shown = h('span', { class: 'ant-select-selection-placeholder' }, placeholder);
  const selector = h('div', { class: 'ant-select-selector' }, h('span', { class: 'ant-select-selection-search' }, input), shown);
  const el = h('div', { class: 'ant-select ant-select-single ant-select-show-arrow' }, selector, h('span', { class: 'ant-select-arrow', unselectable: 'on', 'aria-hidden': 'true' }, icon('down')));

  function buildDropdown() {
    items = options.map((text, i) =>
      h(
        'div',
        {
          class: 'ant-select-item ant-select-item-option',
          title: text,
          role: 'option',
          id: `${id}_list_${i}`,
          'aria-selected': 'false',
          onMousedown: (e) => e.preventDefault(),
          onMouseenter: () => setActive(i),
          onClick: () => choose(i),
        },
        h('div', { class: 'ant-select-item-option-content' }, text),
        h('span', { class: 'ant-select-item-option-state', unselectable: 'on', 'aria-hidden': 'true' }),
      ),
    );
    dropdown = h(
      'div',
      { class: 'ant-select-dropdown ant-select-dropdown-placement-bottomLeft', style: { position: 'absolute' } },
      h('div', { role: 'listbox', id: listId }, h('div', { class: 'rc-virtual-list' }, h('div', { class: 'rc-virtual-list-holder' }, h('div', { class: 'rc-virtual-list-holder-inner' }, items)))),
    );
    document.body.appendChild(h('div', { style: { position: 'absolute', top: '0', left: '0', width: '100%' } }, dropdown));
    paintItems();
  }

  function paintItems() {
    items.forEach((item, i) => {
      const selected = options[i] === value;
      item.classList.toggle('ant-select-item-option-selected', selected);
      item.setAttribute('aria-selected', String(selected));
      replace(item.lastChild, selected ? icon('check') : null);
    });
  }

  function setOpen(next) {
    if (next === open) return;
    open = next;
    if (open) {
      if (!dropdown) buildDropdown();
      const r = el.getBoundingClientRect();
      Object.assign(dropdown.style, { left: `${r.left + window.scrollX}px`, top: `${r.bottom + window.scrollY + 4}px`, width: `${r.width}px` });
      setActive(Math.max(0, options.indexOf(value)));
      document.addEventListener('mousedown', onOutside, true);
    } else {
      document.removeEventListener('mousedown', onOutside, true);
    }
    dropdown?.classList.toggle('ant-select-dropdown-hidden', !open);
    el.classList.toggle('ant-select-open', open);
    input.setAttribute('aria-expanded', String(open));
  }

  function setActive(i) {
    active = i;
    items.forEach((item, j) => item.classList.toggle('ant-select-item-option-active', j === i));
    if (items[i]) {
      input.setAttribute('aria-activedescendant', items[i].id);
      items[i].scrollIntoView?.({ block: 'nearest' });
    }
  }

  function choose(i) {
    setOpen(false);
    input.focus();
    if (options[i] !== value) onChange(options[i]);
  }

  function onOutside(e) {
    if (!el.contains(e.target) && !dropdown?.contains(e.target)) setOpen(false);
  }

  selector.addEventListener('mousedown', (e) => {
    mousedownSeen = true;
    e.preventDefault();
    input.focus();
    setOpen(!open);
  });
  selector.addEventListener('click', () => {
    // A script's bare .click() has no mousedown before it.
    if (!mousedownSeen) {
      input.focus();
      setOpen(!open);
    }
    mousedownSeen = false;
  });
  input.addEventListener('focus', () => el.classList.add('ant-select-focused'));
  input.addEventListener('blur', () => {
    el.classList.remove('ant-select-focused');
    setOpen(false);
  });
  input.addEventListener('keydown', (e) => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        break;
      case 'Enter':
        e.preventDefault();
        if (open) choose(active);
        else setOpen(true);
        break;
      case ' ':
        e.preventDefault();
        if (!open) setOpen(true);
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  });

  return {
    el,
    /** Render the value from state. */
    set(next) {
      if (next === value && shown.textContent === (next || placeholder)) return;
      value = next;
      shown.className = value ? 'ant-select-selection-item' : 'ant-select-selection-placeholder';
      if (value) shown.setAttribute('title', value);
      else shown.removeAttribute('title');
      replace(shown, value || placeholder);
      paintItems();
    },
    setError(on) {
      el.classList.toggle('ant-select-status-error', Boolean(on));
    },
    /** Remove the portal (when the page goes away). */
    destroy() {
      setOpen(false);
      dropdown?.parentElement?.remove();
    },
  };
}
