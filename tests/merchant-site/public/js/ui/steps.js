// Ant Design steps: items with status finish / process / wait / error.
import { h } from '../dom.js';
import { icon } from '../icons.js';

/** steps([{ title, description, status }]) */
export function steps(items) {
  return h(
    'div',
    { class: 'ant-steps ant-steps-horizontal ant-steps-label-horizontal' },
    items.map((item, i) =>
      h(
        'div',
        { class: ['ant-steps-item', `ant-steps-item-${item.status}`, item.status === 'process' && 'ant-steps-item-active'] },
        h(
          'div',
          { class: 'ant-steps-item-container' },
          h('div', { class: 'ant-steps-item-tail' }),
          h('div', { class: 'ant-steps-item-icon' }, h('span', { class: 'ant-steps-icon' }, item.status === 'finish' ? icon('check') : item.status === 'error' ? icon('close') : String(i + 1))),
          h('div', { class: 'ant-steps-item-content' }, h('div', { class: 'ant-steps-item-title' }, item.title), item.description && h('div', { class: 'ant-steps-item-description' }, item.description)),
        ),
      ),
    ),
  );
}
