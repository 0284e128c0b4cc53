// Ant Design pagination: 共 N 条, prev, page numbers with ellipses, next.
import { h } from '../dom.js';
import { icon } from '../icons.js';

export function pagination({ total, page, pageSize, onChange }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const item = (n) =>
    h('li', { title: String(n), class: ['ant-pagination-item', `ant-pagination-item-${n}`, n === page && 'ant-pagination-item-active'], tabindex: '0', onClick: () => n !== page && onChange(n) }, h('a', { rel: 'nofollow' }, String(n)));
  const nav = (cls, title, to, disabled, iconName) =>
    h('li', { title, class: [cls, disabled && 'ant-pagination-disabled'], 'aria-disabled': String(disabled), tabindex: disabled ? undefined : '0', onClick: () => !disabled && onChange(to) }, h('button', { class: 'ant-pagination-item-link', type: 'button', tabindex: '-1', disabled }, icon(iconName)));

  const numbers = [];
  const from = Math.max(2, page - 2);
  const to = Math.min(pages - 1, page + 2);
  numbers.push(item(1));
  if (from > 2) numbers.push(h('li', { class: 'ant-pagination-jump-prev', title: '向前 5 页', onClick: () => onChange(Math.max(1, page - 5)) }, '•••'));
  for (let n = from; n <= to; n++) numbers.push(item(n));
  if (to < pages - 1) numbers.push(h('li', { class: 'ant-pagination-jump-next', title: '向后 5 页', onClick: () => onChange(Math.min(pages, page + 5)) }, '•••'));
  if (pages > 1) numbers.push(item(pages));

  return h(
    'ul',
    { class: 'ant-pagination' },
    h('li', { class: 'ant-pagination-total-text' }, `共 ${total} 条`),
    nav('ant-pagination-prev', '上一页', page - 1, page <= 1, 'left'),
    numbers,
    nav('ant-pagination-next', '下一页', page + 1, page >= pages, 'right'),
  );
}
