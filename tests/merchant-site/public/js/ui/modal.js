// Ant Design modal: .ant-modal-root > mask + wrap > .ant-modal > .ant-modal-content with
// header, body and a footer of 取消 / 确定.
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { button, withLoading } from './basic.js';

/**
 * openModal({ title, content, okText, cancelText, onOk }) → Promise<boolean> (true when 确定
 * succeeded). `onOk` may be async; a throw keeps the modal open (the caller shows the error).
 */
export function openModal({ title, content, okText = '确定', cancelText = '取消', onOk, width }) {
  return new Promise((resolve) => {
    const previousFocus = document.activeElement;
    const ok = button({ text: okText, type: 'primary' });
    const cancel = button({ text: cancelText });
    const close = (result) => {
      document.removeEventListener('keydown', onKey, true);
      root.remove();
      if (previousFocus instanceof HTMLElement) previousFocus.focus();
      resolve(result);
    };
    const onKey = (e) => {
      if (e.key === 'Escape') close(false);
    };
    ok.addEventListener('click', async () => {
      try {
        if (onOk) await withLoading(ok, onOk);
        close(true);
      } catch {
        // stays open; onOk reported the problem
      }
    });
    cancel.addEventListener('click', () => close(false));
    const titleId = `modal-title-${Date.now()}`;
    const dialog = h(
      'div',
      { class: 'ant-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId, style: width ? { width: `${width}px` } : undefined },
      h(
        'div',
        { class: 'ant-modal-content' },
        h('button', { type: 'button', class: 'ant-modal-close', 'aria-label': 'Close', onClick: () => close(false) }, icon('close')),
        h('div', { class: 'ant-modal-header' }, h('div', { class: 'ant-modal-title', id: titleId }, title)),
        h('div', { class: 'ant-modal-body' }, content),
        h('div', { class: 'ant-modal-footer' }, cancel, ok),
      ),
    );
    const wrap = h('div', { class: 'ant-modal-wrap', tabindex: '-1', onMousedown: (e) => e.target === wrap && close(false) }, dialog);
    const root = h('div', { class: 'ant-modal-root' }, h('div', { class: 'ant-modal-mask' }), wrap);
    document.body.appendChild(root);
    document.addEventListener('keydown', onKey, true);
    ok.focus();
  });
}
