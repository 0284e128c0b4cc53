// 申请退款: the refund application form. Every input is controlled the way React does it (see
// ui/controlled.js): the form state below is the truth, changed only by the inputs' events, and
// the DOM is rendered from it. The reason is a custom Ant select (no native <select>).
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { parseYuan, yuan, yuanPlain } from '../format.js';
import { icon } from '../icons.js';
import { alert, button, card, pageHeader } from '../ui/basic.js';
import { controlRadio, controlText } from '../ui/controlled.js';
import { descriptions } from '../ui/descriptions.js';
import { message } from '../ui/message.js';
import { select } from '../ui/select.js';
import { orderHref, refundHref } from './common.js';

export const REASONS = ['质量问题', '商品与描述不符', '卖家发错货', '商品破损/污渍', '少件/漏发', '未收到货', '不想要了/七天无理由退货', '拍错/多拍', '其他'];
const COURIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递', '极兔速递', '邮政EMS', '京东快递'];
const TYPES = [
  { value: 'refund-only', label: '仅退款' },
  { value: 'return-refund', label: '退货退款' },
];
const MAX_FILES = 9;
const REMARK_MAX = 200;
const OPEN_REFUND = ['reviewing', 'approved', 'confirmed'];

export default {
  title: '申请退款',
  menu: 'refund',

  load(ctx) {
    return api.order(ctx.params.get('orderId') ?? '');
  },

  view(order, ctx) {
    return refundForm(order, ctx);
  },
};

/** A form item as Ant Design draws it; the error line exists only while there is an error. */
function formItem({ id, label, required, control, extra }) {
  const controlCol = h('div', { class: 'ant-col ant-form-item-control' }, h('div', { class: 'ant-form-item-control-input' }, h('div', { class: 'ant-form-item-control-input-content' }, control)));
  const extraEl = extra && h('div', { class: 'ant-form-item-extra' }, extra);
  if (extraEl) controlCol.append(extraEl);
  const el = h(
    'div',
    { class: 'ant-form-item' },
    h('div', { class: 'ant-row ant-form-item-row' }, h('div', { class: 'ant-col ant-form-item-label' }, h('label', { for: id, class: required && 'ant-form-item-required', title: label }, label)), controlCol),
  );
  let explain = null;
  let shown = '';
  return {
    el,
    setError(text) {
      if (text === shown) return;
      shown = text;
      el.classList.toggle('ant-form-item-has-error', Boolean(text));
      if (!text) {
        explain?.remove();
        explain = null;
        return;
      }
      if (!explain) {
        explain = h('div', { class: 'ant-form-item-explain ant-form-item-explain-connected', role: 'alert' });
        controlCol.insertBefore(explain, extraEl ?? null);
      }
      replace(explain, h('div', { class: 'ant-form-item-explain-error' }, text));
    },
  };
}

function refundForm(order, ctx) {
  const unshipped = order.status === 'unshipped';
  const state = {
    refundType: '',
    reason: '',
    amount: yuanPlain(order.paidFen),
    remark: '',
    files: [], // { uid, name, status: 'uploading' | 'done', url }
    trackingNo: '',
    courier: '',
    touched: new Set(),
    submitting: false,
    serverError: '',
  };

  const validators = {
    refundType: () => (state.refundType ? '' : '请选择退款类型'),
    reason: () => (state.reason ? '' : '请选择退款原因'),
    amount: () => {
      if (!state.amount.trim()) return '请输入退款金额';
      const fen = parseYuan(state.amount);
      if (Number.isNaN(fen)) return '请输入正确的金额，最多两位小数';
      if (fen <= 0) return '退款金额必须大于 0';
      if (fen > order.paidFen) return `退款金额不能超过实付款 ${yuan(order.paidFen)}`;
      return '';
    },
    remark: () => (state.remark.length > REMARK_MAX ? `备注说明不能超过 ${REMARK_MAX} 个字` : ''),
    trackingNo: () => (state.refundType === 'return-refund' && state.trackingNo.trim() && !/^[A-Za-z0-9-]{6,32}$/.test(state.trackingNo.trim()) ? '请输入正确的物流单号' : ''),
    courier: () => '',
  };
  const errorOf = (field) => (state.touched.has(field) ? validators[field]() : '');

  const setField = (field, value) => {
    state[field] = value;
    state.touched.add(field);
  };

  // ---- 退款类型
  const radios = TYPES.map((t) => {
    const disabled = t.value === 'return-refund' && unshipped;
    const input = h('input', { type: 'radio', class: 'ant-radio-input', name: 'refundType', value: t.value, disabled });
    const dot = h('span', { class: ['ant-radio', disabled && 'ant-radio-disabled'] }, input, h('span', { class: 'ant-radio-inner' }));
    const wrapper = h('label', { class: ['ant-radio-wrapper', disabled && 'ant-radio-wrapper-disabled'] }, dot, h('span', null, t.label));
    const ctl = controlRadio(input, { onChange: (v) => setField('refundType', v), render });
    return { value: t.value, wrapper, dot, ctl };
  });
  const typeItem = formItem({
    id: 'refundType',
    label: '退款类型',
    required: true,
    control: h('div', { id: 'refundType', class: 'ant-radio-group ant-radio-group-outline', role: 'radiogroup' }, radios.map((r) => r.wrapper)),
    extra: unshipped ? '订单尚未发货，仅支持“仅退款”' : '退货退款需买家寄回商品，请填写退货物流信息',
  });

  // ---- 退款原因
  const reasonSelect = select({
    id: 'reason',
    placeholder: '请选择退款原因',
    options: REASONS,
    onChange: (v) => {
      setField('reason', v);
      render();
    },
  });
  ctx.onLeave(() => reasonSelect.destroy());
  const reasonItem = formItem({ id: 'reason', label: '退款原因', required: true, control: reasonSelect.el });

  // ---- 退款金额
  const amountInput = h('input', { id: 'amount', class: 'ant-input', type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '请输入退款金额' });
  const amountWrap = h('span', { class: 'ant-input-affix-wrapper' }, h('span', { class: 'ant-input-prefix' }, '¥'), amountInput);
  amountInput.addEventListener('focus', () => amountWrap.classList.add('ant-input-affix-wrapper-focused'));
  amountInput.addEventListener('blur', () => amountWrap.classList.remove('ant-input-affix-wrapper-focused'));
  const amountCtl = controlText(amountInput, { onChange: (v) => setField('amount', v), render });
  const amountItem = formItem({ id: 'amount', label: '退款金额', required: true, control: amountWrap, extra: `最多可退 ${yuan(order.paidFen)}（实付款，含运费 ${yuan(order.shippingFeeFen)}），款项将原路退回` });

  // ---- 备注说明
  const remarkInput = h('textarea', { id: 'remark', class: 'ant-input', rows: '4', maxlength: String(REMARK_MAX), placeholder: '请具体描述问题，并与退款原因一致，便于平台审核' });
  const remarkCount = h('span', { class: 'ant-input-data-count' });
  const remarkWrap = h('div', { class: 'ant-input-textarea ant-input-textarea-show-count' }, remarkInput, remarkCount);
  const remarkCtl = controlText(remarkInput, { onChange: (v) => setField('remark', v.slice(0, REMARK_MAX)), render });
  const remarkItem = formItem({ id: 'remark', label: '备注说明', control: remarkWrap });

  // ---- 上传凭证
  const fileInput = h('input', { type: 'file', id: 'evidence', accept: 'image/*,video/*', multiple: true, style: { display: 'none' } });
  const trigger = h('span', { class: 'ant-upload', role: 'button', tabindex: '0' }, fileInput, button({ text: '上传凭证', icon: 'upload', attrs: { tabindex: '-1' } }));
  trigger.addEventListener('click', (e) => {
    if (e.target !== fileInput) fileInput.click();
  });
  trigger.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fileInput.click();
    }
  });
  fileInput.addEventListener('change', () => {
    addFiles([...(fileInput.files ?? [])]);
    fileInput.value = '';
  });
  const uploadList = h('div', { class: 'ant-upload-list ant-upload-list-picture' });
  const uploadItem = formItem({
    id: 'evidence',
    label: '上传凭证',
    control: h('span', { class: 'ant-upload-wrapper' }, h('div', { class: 'ant-upload ant-upload-select' }, trigger, h('span', { class: 'ant-upload-hint' }, `支持图片、视频，最多 ${MAX_FILES} 个`)), uploadList),
    extra: '建议上传购买凭证（订单截图）和商品照片；退货退款还需填写退货物流信息',
  });
  let uid = 0;
  function addFiles(files) {
    const room = MAX_FILES - state.files.length;
    if (files.length > room) message.warning(`最多上传 ${MAX_FILES} 个凭证`);
    for (const file of files.slice(0, Math.max(0, room))) {
      const entry = { uid: `rc-upload-${Date.now()}-${++uid}`, name: file.name, status: 'uploading', url: file.type.startsWith('image/') ? URL.createObjectURL(file) : '', video: file.type.startsWith('video/') };
      state.files.push(entry);
      setTimeout(() => {
        entry.status = 'done';
        if (ctx.isCurrent()) render();
      }, 150 + 100 * state.files.length);
    }
    render();
  }
  function removeFile(entry) {
    state.files = state.files.filter((f) => f !== entry);
    if (entry.url) URL.revokeObjectURL(entry.url);
    render();
  }
  ctx.onLeave(() => state.files.forEach((f) => f.url && URL.revokeObjectURL(f.url)));
  /** Keyed update of the list (as React reconciles): an item's nodes live as long as the file. */
  function paintFiles() {
    const nodes = state.files.map((f) => {
      if (!f.node) {
        f.progress = h('div', { class: 'ant-upload-list-item-progress' }, h('i', { style: { width: '60%' } }));
        f.item = h(
          'div',
          { class: 'ant-upload-list-item' },
          h('span', { class: 'ant-upload-list-item-thumbnail' }, f.url ? h('img', { src: f.url, alt: f.name, class: 'ant-upload-list-item-image' }) : icon(f.video ? 'video' : 'paperclip')),
          h('span', { class: 'ant-upload-list-item-name', title: f.name }, f.name),
          h('span', { class: 'ant-upload-list-item-actions' }, button({ type: 'text', size: 'small', icon: 'delete', onClick: () => removeFile(f), attrs: { title: '删除文件', class: 'ant-btn ant-btn-text ant-btn-sm ant-btn-icon-only ant-upload-list-item-action' } })),
        );
        f.node = h('div', { class: 'ant-upload-list-item-container' }, f.item);
      }
      f.item.classList.toggle('ant-upload-list-item-uploading', f.status === 'uploading');
      f.item.classList.toggle('ant-upload-list-item-done', f.status === 'done');
      if (f.status === 'uploading' && !f.progress.isConnected) f.item.append(f.progress);
      if (f.status !== 'uploading') f.progress.remove();
      return f.node;
    });
    const current = [...uploadList.children];
    if (current.length !== nodes.length || current.some((n, i) => n !== nodes[i])) replace(uploadList, nodes);
  }

  // ---- 物流单号 / 快递公司 (退货退款 only)
  const trackingInput = h('input', { id: 'trackingNo', class: 'ant-input', type: 'text', autocomplete: 'off', placeholder: '请输入买家退货的物流单号' });
  const trackingCtl = controlText(trackingInput, { onChange: (v) => setField('trackingNo', v), render });
  const trackingItem = formItem({ id: 'trackingNo', label: '物流单号', control: trackingInput });
  const courierInput = h('input', { id: 'courier', class: 'ant-input', type: 'text', autocomplete: 'off', list: 'courierOptions', placeholder: '请选择或输入快递公司' });
  const courierCtl = controlText(courierInput, { onChange: (v) => setField('courier', v), render });
  const courierItem = formItem({ id: 'courier', label: '快递公司', control: [courierInput, h('datalist', { id: 'courierOptions' }, COURIERS.map((c) => h('option', { value: c })))] });

  // ---- actions
  const submitBtn = button({ text: '提交申请', type: 'primary', htmlType: 'submit', size: 'large' });
  const actions = h('div', { class: 'apply-actions' }, submitBtn, button({ text: '返回订单', size: 'large', onClick: () => ctx.navigate(orderHref(order.id)) }));
  const serverErrorHost = h('div', { dataset: { text: '' } });

  const form = h('form', { class: 'ant-form ant-form-horizontal', id: 'refundForm', autocomplete: 'off', novalidate: true }, serverErrorHost, typeItem.el, reasonItem.el, amountItem.el, remarkItem.el, uploadItem.el, actions);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (state.submitting) return;
    for (const f of Object.keys(validators)) state.touched.add(f);
    state.serverError = '';
    render();
    const firstError = Object.keys(validators).find((f) => validators[f]());
    if (firstError) {
      const target = firstError === 'refundType' ? form.querySelector('.ant-radio-input:not([disabled])') : document.getElementById(firstError);
      target?.focus();
      return;
    }
    state.submitting = true;
    render();
    const returning = state.refundType === 'return-refund';
    try {
      const created = await api.createRefund({
        orderId: order.id,
        refundType: state.refundType,
        reasonText: state.reason,
        amountFen: parseYuan(state.amount),
        remark: state.remark.trim(),
        trackingNo: returning ? state.trackingNo.trim() : '',
        courier: returning ? state.courier.trim() : '',
        files: state.files.map((f) => f.name),
      });
      message.success('提交成功，请等待平台审核');
      ctx.navigate(refundHref(created.id));
    } catch (err) {
      state.serverError = err.message;
      message.error(err.message);
    } finally {
      state.submitting = false;
      if (ctx.isCurrent()) render();
    }
  });

  function render() {
    for (const r of radios) {
      const on = state.refundType === r.value;
      r.ctl.set(on);
      r.wrapper.classList.toggle('ant-radio-wrapper-checked', on);
      r.dot.classList.toggle('ant-radio-checked', on);
    }
    reasonSelect.set(state.reason);
    amountCtl.set(state.amount);
    remarkCtl.set(state.remark);
    replace(remarkCount, `${state.remark.length} / ${REMARK_MAX}`);
    remarkWrap.dataset.count = remarkCount.textContent;
    trackingCtl.set(state.trackingNo);
    courierCtl.set(state.courier);
    paintFiles();

    // 物流单号 and 快递公司 exist only for 退货退款 (mounted and unmounted, as React renders).
    const returning = state.refundType === 'return-refund';
    if (returning && !trackingItem.el.isConnected) {
      form.insertBefore(trackingItem.el, actions);
      form.insertBefore(courierItem.el, actions);
    }
    if (!returning && trackingItem.el.isConnected) {
      trackingItem.el.remove();
      courierItem.el.remove();
    }

    typeItem.setError(errorOf('refundType'));
    reasonItem.setError(errorOf('reason'));
    reasonSelect.setError(errorOf('reason'));
    amountItem.setError(errorOf('amount'));
    amountWrap.classList.toggle('ant-input-affix-wrapper-status-error', Boolean(errorOf('amount')));
    remarkItem.setError(errorOf('remark'));
    trackingItem.setError(errorOf('trackingNo'));

    submitBtn.classList.toggle('ant-btn-loading', state.submitting);
    if (serverErrorHost.dataset.text !== state.serverError) {
      serverErrorHost.dataset.text = state.serverError;
      replace(serverErrorHost, state.serverError && alert({ type: 'error', message: '提交失败', description: state.serverError }));
    }
  }
  render();

  return [
    pageHeader({ crumbs: [{ title: '售后' }, { title: '订单详情', href: orderHref(order.id) }, { title: '申请退款' }], title: '申请退款' }),
    alert({ type: 'info', message: '请如实填写退款信息，平台客服将在 1-3 个工作日内完成审核。审核通过后请及时确认退款，款项一般在 24 小时内原路退回。' }),
    blockedNotice(order),
    card(
      { title: '订单信息', class: 'apply-summary' },
      descriptions({
        column: 4,
        items: [
          { label: '订单编号', content: order.id },
          { label: '订单状态', content: order.statusText },
          { label: '商品', content: order.items.map((i) => `${i.title} ×${i.quantity}`).join('；') },
          { label: '实付款', content: yuan(order.paidFen) },
        ],
      }),
    ),
    card({ title: '退款信息' }, form),
  ];
}

/** Why this order cannot be refunded, if it cannot (the server refuses it too). */
function blockedNotice(order) {
  const refund = order.refund;
  if (refund && OPEN_REFUND.includes(refund.status)) {
    return alert({ type: 'warning', message: h('span', null, `该订单已有进行中的售后申请（售后单号 ${refund.id}），请勿重复提交。`, ' ', h('a', { href: refundHref(refund.id) }, '查看售后')) });
  }
  const text = { unpaid: '该订单尚未付款，无需申请退款。', closed: '该订单已关闭，无法申请退款。', refunded: '该订单已退款，不能重复申请。' }[order.status];
  if (text) return alert({ type: 'warning', message: text });
  if (order.status === 'unshipped') return alert({ type: 'info', message: '订单尚未发货：建议直接在订单详情中取消订单，款项将原路退回买家。' });
  return null;
}
