// Ant Design descriptions: rows of .ant-descriptions-item-label / -content (the colon is CSS).
import { h } from '../dom.js';

/** descriptions({ title, column: 3, items: [{ label, content, span }] }) */
export function descriptions({ title, extra, column = 3, items }) {
  const rows = [];
  let row = [];
  let used = 0;
  for (const item of items) {
    const span = Math.min(item.span ?? 1, column);
    if (used + span > column) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ ...item, span });
    used += span;
  }
  if (row.length) rows.push(row);
  return h(
    'div',
    { class: 'ant-descriptions' },
    title && h('div', { class: 'ant-descriptions-header' }, h('div', { class: 'ant-descriptions-title' }, title), extra && h('div', { class: 'ant-descriptions-extra' }, extra)),
    h(
      'div',
      { class: 'ant-descriptions-view' },
      h(
        'table',
        null,
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              { class: 'ant-descriptions-row' },
              r.map((item) =>
                h('td', { class: 'ant-descriptions-item', colspan: item.span }, h('div', { class: 'ant-descriptions-item-container' }, h('span', { class: 'ant-descriptions-item-label' }, item.label), h('span', { class: 'ant-descriptions-item-content' }, item.content))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
