// Ant Design tabs (the nav only; the page renders the content below).
import { h } from '../dom.js';

/** tabs({ items: [{ key, label }], activeKey, onChange(key) }) */
export function tabs({ items, activeKey, onChange }) {
  const ink = h('div', { class: 'ant-tabs-ink-bar ant-tabs-ink-bar-animated' });
  const list = h(
    'div',
    { class: 'ant-tabs-nav-list' },
    items.map((item) => {
      const active = item.key === activeKey;
      return h(
        'div',
        { class: ['ant-tabs-tab', active && 'ant-tabs-tab-active'], 'data-node-key': item.key, onClick: () => !active && onChange(item.key) },
        h('div', { role: 'tab', 'aria-selected': String(active), tabindex: active ? '0' : '-1', class: 'ant-tabs-tab-btn', onKeydown: (e) => (e.key === 'Enter' || e.key === ' ') && !active && onChange(item.key) }, item.label),
      );
    }),
    ink,
  );
  const root = h('div', { class: 'ant-tabs ant-tabs-top' }, h('div', { role: 'tablist', class: 'ant-tabs-nav' }, h('div', { class: 'ant-tabs-nav-wrap' }, list)));
  // Place the ink bar under the active tab once laid out.
  requestAnimationFrame(() => {
    const active = list.querySelector('.ant-tabs-tab-active');
    if (active) Object.assign(ink.style, { left: `${active.offsetLeft}px`, width: `${active.offsetWidth}px` });
  });
  return root;
}
