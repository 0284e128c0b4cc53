// Small Ant Design look-alike components: button, card, tag, status badge, alert, empty, result,
// spin, breadcrumb. Each returns a DOM node.
import { h } from '../dom.js';
import { icon } from '../icons.js';

/** button({ text, type: 'primary'|'default'|'link'|'text', danger, size, htmlType, icon, onClick, disabled }) */
export function button({ text, type = 'default', danger, size, htmlType = 'button', icon: iconName, onClick, disabled, attrs } = {}) {
  return h(
    'button',
    {
      type: htmlType,
      class: ['ant-btn', `ant-btn-${type}`, danger && 'ant-btn-dangerous', size === 'large' && 'ant-btn-lg', size === 'small' && 'ant-btn-sm', !text && 'ant-btn-icon-only'],
      disabled,
      onClick,
      ...attrs,
    },
    iconName && icon(iconName),
    text && h('span', null, text),
  );
}

/** Show a spinner in the button while `task` runs. */
export async function withLoading(btn, task) {
  btn.classList.add('ant-btn-loading');
  const spinner = h('span', { class: 'ant-btn-loading-icon' }, icon('loading'));
  btn.prepend(spinner);
  try {
    return await task();
  } finally {
    spinner.remove();
    btn.classList.remove('ant-btn-loading');
  }
}

export function card({ title, extra, class: cls, bodyClass } = {}, ...children) {
  return h(
    'div',
    { class: ['ant-card', 'ant-card-bordered', cls] },
    title && h('div', { class: 'ant-card-head' }, h('div', { class: 'ant-card-head-title' }, title), extra && h('div', { class: 'ant-card-extra' }, extra)),
    h('div', { class: ['ant-card-body', bodyClass] }, children),
  );
}

export function tag(text, color = 'default') {
  return h('span', { class: ['ant-tag', `ant-tag-${color}`] }, text);
}

/** Ant Badge with status dot: status 'processing' | 'success' | 'warning' | 'error' | 'default'. */
export function statusBadge(text, status = 'default') {
  return h('span', { class: 'ant-badge ant-badge-status' }, h('span', { class: ['ant-badge-status-dot', `ant-badge-status-${status}`] }), h('span', { class: 'ant-badge-status-text' }, text));
}

const ALERT_ICON = { info: 'info-circle', success: 'check-circle', warning: 'exclamation-circle', error: 'close-circle' };

export function alert({ type = 'info', message, description, action }) {
  return h(
    'div',
    { class: ['ant-alert', `ant-alert-${type}`, description && 'ant-alert-with-description'], role: 'alert' },
    h('span', { class: 'ant-alert-icon' }, icon(ALERT_ICON[type])),
    h('div', { class: 'ant-alert-content' }, h('div', { class: 'ant-alert-message' }, message), description && h('div', { class: 'ant-alert-description' }, description)),
    action && h('div', { class: 'ant-alert-action' }, action),
  );
}

export function empty(text = '暂无数据') {
  return h('div', { class: 'ant-empty ant-empty-normal' }, h('div', { class: 'ant-empty-image' }, icon('order')), h('div', { class: 'ant-empty-description' }, text));
}

export function result({ status = 'info', title, subTitle, extra }) {
  const iconName = { error: 'close-circle', warning: 'exclamation-circle', info: 'info-circle', success: 'check-circle' }[status];
  return h(
    'div',
    { class: ['ant-result', `ant-result-${status}`] },
    h('div', { class: 'ant-result-icon' }, icon(iconName)),
    h('div', { class: 'ant-result-title' }, title),
    subTitle && h('div', { class: 'ant-result-subtitle' }, subTitle),
    extra && h('div', { class: 'ant-result-extra' }, extra),
  );
}

export function spin({ size, tip } = {}) {
  return h(
    'div',
    { class: ['ant-spin', 'ant-spin-spinning', size === 'large' && 'ant-spin-lg'], 'aria-live': 'polite', 'aria-busy': 'true' },
    h('span', { class: 'ant-spin-dot ant-spin-dot-spin' }, [1, 2, 3, 4].map(() => h('i', { class: 'ant-spin-dot-item' }))),
    tip && h('div', { class: 'ant-spin-text' }, tip),
  );
}

/** breadcrumb([{ title, href }]) */
export function breadcrumb(items) {
  const list = h('ol');
  items.forEach((item, i) => {
    if (i > 0) list.append(h('li', { class: 'ant-breadcrumb-separator', 'aria-hidden': 'true' }, '/'));
    list.append(h('li', null, h('span', { class: 'ant-breadcrumb-link' }, item.href ? h('a', { href: item.href }, item.title) : item.title)));
  });
  return h('nav', { class: 'ant-breadcrumb' }, list);
}

/** Standard page header: breadcrumb, title and actions on the right. */
export function pageHeader({ crumbs, title, actions }) {
  return h('div', { class: 'page-header' }, crumbs && breadcrumb(crumbs), h('div', { class: 'page-header-row' }, h('h1', null, title), actions && h('div', { class: 'ant-space' }, actions)));
}
