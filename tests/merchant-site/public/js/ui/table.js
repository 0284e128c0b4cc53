// Ant Design table: .ant-table > table > thead.ant-table-thead th / tbody.ant-table-tbody tr td.
import { h } from '../dom.js';
import { empty, spin } from './basic.js';

/**
 * table({ columns: [{ title, key, render(row, i), align, width }], rows, rowKey, size })
 * `render` returns a node or a string; without it the row's `key` field is shown as text.
 */
export function table({ columns, rows, rowKey = 'id', size }) {
  const head = h('thead', { class: 'ant-table-thead' }, h('tr', null, columns.map((c) => h('th', { class: cellClass(c), scope: 'col', style: c.width ? { width: c.width } : undefined }, c.title))));
  const body = h('tbody', { class: 'ant-table-tbody' });
  const frag = document.createDocumentFragment();
  rows.forEach((row, i) => {
    const tr = h('tr', { class: 'ant-table-row ant-table-row-level-0', 'data-row-key': row[rowKey] });
    for (const c of columns) {
      const value = c.render ? c.render(row, i) : row[c.key];
      tr.appendChild(h('td', { class: cellClass(c) }, value));
    }
    frag.appendChild(tr);
  });
  if (!rows.length) {
    frag.appendChild(h('tr', { class: 'ant-table-placeholder' }, h('td', { class: 'ant-table-cell', colspan: columns.length }, empty())));
  }
  body.appendChild(frag);
  const tableEl = h(
    'div',
    { class: ['ant-table', size === 'small' && 'ant-table-small'] },
    h('div', { class: 'ant-table-container' }, h('div', { class: 'ant-table-content' }, h('table', { style: { tableLayout: 'auto' } }, head, body))),
  );
  return h('div', { class: 'ant-table-wrapper' }, h('div', { class: 'ant-spin-nested-loading' }, h('div', { class: 'ant-spin-container' }, tableEl)));
}

function cellClass(c) {
  return ['ant-table-cell', c.align === 'right' && 'ant-table-cell-align-right'];
}

/** Show Ant's nested loading over a table wrapper while data reloads. */
export function setTableLoading(wrapper, loading) {
  const nested = wrapper.querySelector('.ant-spin-nested-loading');
  const container = wrapper.querySelector('.ant-spin-container');
  if (!nested || !container) return;
  nested.querySelector(':scope > .ant-spin')?.remove();
  container.classList.toggle('ant-spin-blur', loading);
  if (loading) nested.prepend(spin());
}
