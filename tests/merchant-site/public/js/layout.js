// The back office frame: top header, left menu, content area.
import { h } from './dom.js';
import { icon } from './icons.js';

const MENU = [
  { key: 'order', title: '订单管理', href: '/zone/order/list', icon: 'order' },
  { key: 'refund', title: '退款管理', href: '/zone/refund/list', icon: 'refund' },
  { key: 'shop', title: '店铺设置', href: '/zone/shop/settings', icon: 'setting' },
];

export function createLayout() {
  const content = h('main', { class: 'ant-layout-content app-content', id: 'page' });
  const items = MENU.map((m) =>
    h('li', { class: 'ant-menu-item', role: 'menuitem', 'data-menu-id': m.key }, icon(m.icon, 'ant-menu-item-icon'), h('a', { href: m.href, class: 'ant-menu-title-content' }, m.title)),
  );
  const el = h(
    'section',
    { class: 'ant-layout' },
    h(
      'header',
      { class: 'ant-layout-header app-header' },
      h('a', { class: 'app-logo', href: '/zone/order/list' }, h('img', { src: '/static/logo.svg', alt: '' }), '快手小店', h('small', null, '商家后台')),
      h(
        'div',
        { class: 'app-header-right' },
        h('span', { title: '消息通知' }, icon('bell')),
        h('span', { title: '帮助中心' }, icon('question')),
        h('span', { class: 'app-shop' }, h('span', { class: 'app-avatar' }, '山'), '山野小铺旗舰店'),
      ),
    ),
    h(
      'section',
      { class: 'ant-layout ant-layout-has-sider app-body' },
      h('aside', { class: 'ant-layout-sider ant-layout-sider-light app-sider' }, h('ul', { class: 'ant-menu ant-menu-root ant-menu-inline ant-menu-light', role: 'menu' }, items)),
      h('section', { class: 'ant-layout' }, content),
    ),
  );
  return {
    el,
    content,
    setMenu(key) {
      items.forEach((li) => li.classList.toggle('ant-menu-item-selected', li.dataset.menuId === key));
    },
  };
}
