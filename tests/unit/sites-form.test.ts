// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseNativeOption, chooseRadio, pickOption, selectAntOption, setNativeValue } from '../../lib/sites/dom/form';
import { kuaishou } from '../../lib/sites/kuaishou';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';
import { addUploads, mountControlledForm } from './fixtures/controlled-form';

/** The window's own document (the fixture's Ant dropdown uses its timers), emptied after each test. */
function freshDoc(): Document {
  document.body.innerHTML = '';
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the controlled fixture behaves like React', () => {
  it.each(['ant', 'plain'] as const)('%s: a plain `el.value =` write plus an input event is overwritten', (layout) => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, layout);
    const amount = doc.getElementById('amount') as HTMLInputElement;
    amount.value = '12.00';
    amount.dispatchEvent(new Event('input', { bubbles: true }));
    expect(form.state.amount).toBe('');
    expect(amount.value).toBe('');
    expect(form.ignored).toBe(1);
  });
});

describe('setNativeValue', () => {
  it.each([
    ['input', 'amount', '12.00'],
    ['textarea', 'remark', '收到时外包装破损，<b>照片</b>见凭证'],
  ] as const)('a %s takes the value and the state follows', (_kind, id, value) => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'ant');
    const el = doc.getElementById(id) as HTMLInputElement;
    setNativeValue(el, value);
    expect(form.state[id]).toBe(value);
    expect(el.value).toBe(value);
    form.rerender();
    expect(el.value).toBe(value);
  });

  it('dispatches bubbling input then change, also in a document without a window', () => {
    const doc = document.implementation.createHTMLDocument('windowless');
    expect(doc.defaultView).toBeNull();
    doc.body.innerHTML = '<div id="wrap"><input id="i"></div>';
    const seen: string[] = [];
    for (const t of ['input', 'change']) doc.getElementById('wrap')!.addEventListener(t, (e) => seen.push(`${e.type}:${e.bubbles}`));
    setNativeValue(doc.getElementById('i') as HTMLInputElement, 'x');
    expect(seen).toEqual(['input:true', 'change:true']);
  });

  it('writes the money input as formatFen without symbol', async () => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'plain');
    const report = await kuaishou.fillForm(doc, KUAISHOU_TEXTS, { amountFen: 129_900 });
    expect(report).toEqual({ filled: ['amountFen'], failed: [] });
    expect(form.state.amount).toBe('1299.00');
  });
});

describe('choosing options', () => {
  it.each([
    [['质量问题'], '质量问题'],
    [['少件/漏发', '少件'], '少件/漏发'],
    [['七天无理由'], '不想要了/七天无理由'],
    [['破损'], '商品破损'],
  ])('native select: %j → %s', (labels, expected) => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'plain');
    expect(chooseNativeOption(doc.getElementById('reason') as HTMLSelectElement, labels)).toBe(true);
    expect(form.state.reason).toBe(expected);
  });

  it('native select: no matching option → false, state untouched', () => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'plain');
    expect(chooseNativeOption(doc.getElementById('reason') as HTMLSelectElement, ['尺码不合适'])).toBe(false);
    expect(form.state.reason).toBe('');
  });

  it.each(['ant', 'plain'] as const)('%s radio group: clicks the radio and the state follows', (layout) => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, layout);
    const group = doc.getElementById('refundType')!;
    expect(chooseRadio(group, ['退货退款'])).toBe(true);
    expect(form.state.refundType).toBe('return-refund');
    expect(chooseRadio(group, ['仅退款'])).toBe(true);
    expect(form.state.refundType).toBe('refund-only');
    expect(chooseRadio(group, ['换货'])).toBe(false);
  });

  it('Ant select: opens the dropdown, waits for it, clicks the option', async () => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'ant');
    const select = doc.querySelector('.ant-select[data-field=reason]')!;
    expect(await selectAntOption(select, ['与描述不符'])).toBe(true);
    expect(form.state.reason).toBe('与描述不符');
    expect(select.querySelector('.ant-select-selection-item')?.textContent).toBe('与描述不符');
    // Again, with the dropdown already rendered once (hidden, then shown).
    expect(await selectAntOption(select, ['发错货'])).toBe(true);
    expect(form.state.reason).toBe('发错货');
  });

  it('Ant select: an option that does not exist → false after the bounded wait', async () => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'ant');
    const select = doc.querySelector('.ant-select[data-field=reason]')!;
    expect(await selectAntOption(select, ['尺码不合适'])).toBe(false);
    expect(form.state.reason).toBe('');
  });

  it('Ant select: a select that never opens → false within about a second', async () => {
    const doc = freshDoc();
    doc.body.innerHTML = '<div class="ant-select"><div class="ant-select-selector"><input readonly></div></div>';
    expect(await selectAntOption(doc.querySelector('.ant-select')!, ['质量问题'])).toBe(false);
  });

  it.each([
    [['质量问题'], ['商品质量问题', '质量问题'], '质量问题'],
    [['质量问题'], ['商品质量问题', '其他'], '商品质量问题'],
    [['问题', '质量问题'], ['商品质量问题', '包装问题'], '商品质量问题'],
    [['发错'], ['其他'], undefined],
  ])('pickOption(%j) among %j → %s', (wanted, options, expected) => {
    expect(pickOption(options, (o) => o, wanted)).toBe(expected);
  });
});

describe('kuaishou.fillForm against the controlled form', () => {
  it.each(['ant', 'plain'] as const)('%s layout: fills every field, the tracking fields after choosing 退货退款', async (layout) => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, layout);
    expect(doc.getElementById('trackingNo')).toBeNull();
    const report = await kuaishou.fillForm(doc, KUAISHOU_TEXTS, {
      refundType: 'return-refund',
      reasonLabels: ['质量问题'],
      amountFen: 9_900,
      remark: '收到后发现开线，已拍照。',
      trackingNo: 'SF1234567890',
      courier: '顺丰速运',
    });
    expect(report.failed).toEqual([]);
    expect(report.filled).toEqual(['refundType', 'reasonLabels', 'amountFen', 'remark', 'trackingNo', 'courier']);
    expect(form.state).toEqual({
      refundType: 'return-refund',
      reason: '质量问题',
      amount: '99.00',
      remark: '收到后发现开线，已拍照。',
      trackingNo: 'SF1234567890',
      courier: '顺丰速运',
    });

    addUploads(form, 2, 1);
    expect(kuaishou.readForm(doc, KUAISHOU_TEXTS)).toEqual({
      refundType: 'return-refund',
      reasonText: '质量问题',
      amountFen: 9_900,
      remark: '收到后发现开线，已拍照。',
      uploads: 2,
      trackingNo: 'SF1234567890',
      courier: '顺丰速运',
    });
  });

  it('reports each field it could not fill, with a reason, and fills the rest', async () => {
    const doc = freshDoc();
    const form = mountControlledForm(doc, 'ant');
    const report = await kuaishou.fillForm(doc, KUAISHOU_TEXTS, {
      refundType: 'refund-only',
      reasonLabels: ['尺码不合适'],
      remark: '买家要求',
      trackingNo: 'SF1',
    });
    expect(report.filled).toEqual(['refundType', 'remark']);
    expect(report.failed.map((f) => f.field)).toEqual(['reasonLabels', 'trackingNo']);
    expect(report.failed[0].reason['zh-CN']).toContain('尺码不合适');
    expect(report.failed[1].reason['zh-CN']).toContain('未找到');
    expect(report.failed[1].reason.en).toBeTruthy();
    expect(form.state.remark).toBe('买家要求');
  });

  it('readForm on an empty form: only uploads, placeholders are no values', () => {
    const doc = freshDoc();
    mountControlledForm(doc, 'ant');
    expect(kuaishou.readForm(doc, KUAISHOU_TEXTS)).toEqual({ uploads: 0 });
  });
});

describe('the application form in a modal over the order detail (fields from the form only)', () => {
  /** The demo's order detail with the form open in a modal (npm run site:fixtures), in the window's document. */
  function modalPage() {
    const html = readFileSync(join(process.cwd(), 'tests/unit/fixtures/antd/order-detail-apply-modal.html'), 'utf8');
    document.body.innerHTML = html;
    const form = document.getElementById('refundForm')!;
    // The return fields as the form shows them once 退货退款 is chosen (antd form items).
    const item = (id: string, label: string) => {
      const el = document.createElement('div');
      el.className = 'ant-form-item';
      el.innerHTML = `<div class="ant-row ant-form-item-row"><div class="ant-col ant-form-item-label"><label for="${id}">${label}</label></div><div class="ant-col ant-form-item-control"><div class="ant-form-item-control-input"><input id="${id}" class="ant-input" value=""></div></div></div>`;
      form.lastElementChild!.before(el);
      return el.querySelector('input')!;
    };
    return { tracking: item('trackingNo', '物流单号'), courier: item('courier', '快递公司') };
  }

  it("the order's outbound 物流单号 row is not the return's: empty until the merchant types it, then what was typed", () => {
    const { tracking, courier } = modalPage();
    // The page behind the modal shows the order's logistics.
    expect(document.querySelector('dl')!.textContent).toContain('YT7512093846120');
    let facts = kuaishou.readForm(document, KUAISHOU_TEXTS);
    expect(facts.trackingNo).toBeUndefined();
    expect(facts.courier).toBeUndefined();
    setNativeValue(tracking, 'SF1300000000001');
    setNativeValue(courier, '顺丰速运');
    facts = kuaishou.readForm(document, KUAISHOU_TEXTS);
    expect(facts).toMatchObject({ trackingNo: 'SF1300000000001', courier: '顺丰速运' });
  });

  it("fill writes the modal form's fields, never the order's rows", async () => {
    const { tracking } = modalPage();
    const report = await kuaishou.fillForm(document, KUAISHOU_TEXTS, { trackingNo: 'SF1300000000001' });
    expect(report.failed).toEqual([]);
    expect(tracking.value).toBe('SF1300000000001');
    expect(document.querySelector('dl')!.textContent).toContain('YT7512093846120');
  });
});

describe('the page’s answer to a submit', () => {
  it('success and error messages, and a toast of the page’s own whose words say so', () => {
    document.body.innerHTML = `
      <div class="ant-message-notice" id="a"><div class="ant-message-custom-content ant-message-info">提交成功，请等待平台审核</div></div>
      <div class="ant-notification-notice" id="b">提交失败，请稍后重试</div>
      <div class="ant-message-notice" id="c"><div class="ant-message-custom-content ant-message-success">已提交</div></div>
      <div class="ant-form-item-explain-error" id="d">请选择退款原因</div>
      <div class="ant-alert ant-alert-error" id="e" style="display:none">hidden</div>`;
    const fb = [...kuaishou.feedback(document)].map(([el, ok]) => [el.id || el.parentElement!.id, ok]);
    expect(fb).toEqual(
      expect.arrayContaining([
        ['a', true],
        ['b', false],
        ['c', true],
        ['d', false],
      ]),
    );
    expect(fb.map(([id]) => id)).not.toContain('e');
  });
});
