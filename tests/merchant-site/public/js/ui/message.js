// Ant Design global messages (top centre, auto-dismissed).
import { h } from '../dom.js';
import { icon } from '../icons.js';

const ICONS = { success: 'check-circle', error: 'close-circle', warning: 'exclamation-circle', info: 'info-circle' };
let holder;

function show(type, text, duration = 3000) {
  if (!holder || !holder.isConnected) {
    holder = h('div', { class: 'ant-message ant-message-top' });
    document.body.appendChild(holder);
  }
  const notice = h('div', { class: 'ant-message-notice' }, h('div', { class: 'ant-message-notice-content' }, h('div', { class: ['ant-message-custom-content', `ant-message-${type}`] }, icon(ICONS[type]), h('span', null, text))));
  holder.appendChild(notice);
  setTimeout(() => notice.remove(), duration);
}

export const message = {
  success: (text, d) => show('success', text, d),
  error: (text, d) => show('error', text, d),
  warning: (text, d) => show('warning', text, d),
  info: (text, d) => show('info', text, d),
};
