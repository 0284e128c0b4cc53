// The demo's review simulator ("平台审核模拟"): a box fixed at the bottom left, over the menu, that plays the
// platform's side (approve, reject, fail, refund) for the current application, and resets the
// demo data. Not part of the real back office; marked data-demo="review-strip".
import { h, replace } from './dom.js';
import { api } from './api.js';
import { button } from './ui/basic.js';
import { message } from './ui/message.js';

const ACTIONS = [
  { action: 'approve', text: '审核通过', from: ['reviewing'] },
  { action: 'reject', text: '审核不通过', from: ['reviewing'] },
  { action: 'fail', text: '退款失败', from: ['approved', 'confirmed'] },
  { action: 'refund', text: '退款到账', from: ['approved', 'confirmed'] },
];

/** createReviewStrip({ onChanged }) → { el, show(bool), setTarget({ id, status, statusText } | null) } */
export function createReviewStrip({ onChanged }) {
  let target = null;
  const targetText = h('span', { class: 'demo-review-target' });
  const buttons = ACTIONS.map((a) => {
    const btn = button({ text: a.text, size: 'small', attrs: { 'data-demo-action': a.action } });
    btn.addEventListener('click', () => run(a));
    return btn;
  });
  const reset = button({ text: '重置演示数据', size: 'small', danger: true, attrs: { 'data-demo-action': 'reset' } });
  reset.classList.add('demo-review-reset');
  reset.addEventListener('click', async () => {
    try {
      await api.reset();
      message.success('演示数据已重置');
      onChanged();
    } catch (err) {
      message.error(err.message);
    }
  });
  const el = h(
    'div',
    { class: 'demo-review-strip', 'data-demo': 'review-strip', role: 'region', 'aria-label': '平台审核模拟（演示工具）' },
    h('div', null, h('strong', null, '平台审核模拟'), h('div', { class: 'ant-typography-secondary' }, '演示工具，不属于商家后台')),
    targetText,
    buttons,
    reset,
  );

  async function run(a) {
    if (!target) return;
    try {
      await api.review(target.id, a.action);
      message.success(`已模拟平台操作：${a.text}`);
      onChanged();
    } catch (err) {
      message.error(err.message);
    }
  }

  function paint() {
    replace(targetText, target ? `当前售后单：${target.id}（${target.statusText}）` : '打开售后详情或订单详情后，可模拟平台审核');
    ACTIONS.forEach((a, i) => {
      buttons[i].disabled = !target || !a.from.includes(target.status);
    });
  }
  paint();

  return {
    el,
    show(on) {
      el.hidden = !on;
    },
    setTarget(next) {
      target = next;
      paint();
    },
  };
}
