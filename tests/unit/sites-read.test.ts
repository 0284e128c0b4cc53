// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findAllLabelValues, findLabel, findLabelValue, labelIndex } from '../../lib/sites/dom/labels';
import { readTable } from '../../lib/sites/dom/tables';
import { matchText, normalizeText } from '../../lib/sites/dom/text';
import { kuaishou } from '../../lib/sites/kuaishou';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.body.innerHTML = html;
  return doc;
}

const L = KUAISHOU_TEXTS.labels;

describe('findLabelValue: layouts', () => {
  it.each([
    ['inline, full-width colon', '<p>订单号：2412345678</p>', L.orderId, '2412345678'],
    ['inline, ASCII colon and spaces', '<div>\n  订单编号 :   2412345678 \n</div>', L.orderId, '2412345678'],
    ['inline, value in nested markup', '<p><span>实付款</span>：<b><i>¥</i>12.00</b></p>', L.paidAmount, '¥12.00'],
    ['inline, label and colon in one element', '<p><span>实付金额：</span><span>¥8.80</span></p>', L.paidAmount, '¥8.80'],
    ['label[for] → input value', '<label for="t1">物流单号</label><div><input id="t1" value="SF1234567890"></div>', L.trackingNo, 'SF1234567890'],
    [
      'label[for] → select option text',
      '<label for="c1">快递公司</label><select id="c1"><option value="sf" selected>顺丰速运</option></select>',
      L.courier,
      '顺丰速运',
    ],
    ['label[for] → textarea', '<label for="r">备注</label><textarea id="r">坏了</textarea>', ['备注'], '坏了'],
    ['th → td in a row', '<table><tr><th>运单号</th><td>YT998877</td></tr></table>', L.trackingNo, 'YT998877'],
    ['td → td in a row, colon', '<table><tr><td>物流公司：</td><td><span>中通快递</span></td></tr></table>', L.courier, '中通快递'],
    [
      'table header column → first body cell',
      '<table><thead><tr><th>订单号</th><th>实付款</th></tr></thead><tbody><tr><td>2412345678</td><td>¥9.90</td></tr></tbody></table>',
      L.paidAmount,
      '¥9.90',
    ],
    ['dt/dd', '<dl><dt>支付方式</dt><dd>微信支付</dd><dt>运费</dt><dd>¥0.00</dd></dl>', L.shippingFee, '¥0.00'],
    [
      'Ant descriptions (plain)',
      `<div class="ant-descriptions"><table><tbody><tr class="ant-descriptions-row">
        <td class="ant-descriptions-item"><div class="ant-descriptions-item-container">
          <span class="ant-descriptions-item-label ant-descriptions-item-colon">售后单号</span>
          <span class="ant-descriptions-item-content">AS20240001</span></div></td>
        <td class="ant-descriptions-item"><div class="ant-descriptions-item-container">
          <span class="ant-descriptions-item-label">售后类型</span>
          <span class="ant-descriptions-item-content"><span>仅退款</span></span></div></td>
      </tr></tbody></table></div>`,
      L.refundType,
      '仅退款',
    ],
    [
      'Ant descriptions (bordered th/td)',
      `<div class="ant-descriptions ant-descriptions-bordered"><table><tbody><tr class="ant-descriptions-row">
        <th class="ant-descriptions-item-label">退款金额</th><td class="ant-descriptions-item-content">¥12.00</td>
        <th class="ant-descriptions-item-label">售后类型</th><td class="ant-descriptions-item-content">退货退款</td>
      </tr></tbody></table></div>`,
      L.refundAmount,
      '¥12.00',
    ],
    [
      'Ant form item → input',
      `<div class="ant-form-item"><div class="ant-row"><div class="ant-col ant-form-item-label"><label title="退款金额">退款金额</label></div>
        <div class="ant-col ant-form-item-control"><div class="ant-form-item-control-input"><input class="ant-input" value="12.00"></div>
        <div class="ant-form-item-extra">最多可退 ¥99.00</div></div></div></div>`,
      L.refundAmount,
      '12.00',
    ],
    [
      'Ant form item → select item',
      `<div class="ant-form-item"><div class="ant-row"><div class="ant-col ant-form-item-label"><label for="reason">退款原因</label></div>
        <div class="ant-col ant-form-item-control"><div class="ant-select"><div class="ant-select-selector">
        <span class="ant-select-selection-search"><input id="reason" readonly></span>
        <span class="ant-select-selection-item" title="质量问题">质量问题</span></div></div></div></div></div>`,
      ['退款原因'],
      '质量问题',
    ],
    [
      'hashed label/value siblings',
      '<div class="item__x9"><div class="label__BFlU4">退款金额</div><div class="content__Rf0s7">¥12.00</div></div>',
      L.refundAmount,
      '¥12.00',
    ],
    [
      'hashed siblings, trailing colon, nested',
      '<div class="row__a"><div class="label__b"><span>快递公司：</span></div><div class="content__c"><a href="#">顺丰速运</a></div></div>',
      L.courier,
      '顺丰速运',
    ],
    ['synonym: 物流公司', '<div class="l__1">物流公司</div><div class="v__2">圆通速递</div>', L.courier, '圆通速递'],
    ['synonym: 运单号', '<p>运单号：YT123456</p>', L.trackingNo, 'YT123456'],
    ['synonym: 订单编号 with newlines', '<div><span>\n 订单编号 \n</span><span>\n 2412345678 \n</span></div>', L.orderId, '2412345678'],
  ] as const)('%s', (_name, html, labels, expected) => {
    expect(findLabelValue(page(html), labels)?.value).toBe(expected);
  });

  it('returns the element holding the value', () => {
    const doc = page('<div class="a__1">退款金额</div><div class="b__2" id="v">¥12.00</div>');
    expect(findLabelValue(doc, L.refundAmount)?.element.id).toBe('v');
  });

  it('works on an element root, not just a document', () => {
    const doc = page('<section id="s1"><p>订单号：111111</p></section><section id="s2"><p>订单号：222222</p></section>');
    expect(findLabelValue(doc.getElementById('s2')!, L.orderId)?.value).toBe('222222');
  });
});

describe('findLabelValue: exact labels', () => {
  it.each([
    [
      '订单号 does not match 子订单号',
      '<div><span>子订单号</span><span>999999</span></div><div><span>订单号</span><span>2412345678</span></div>',
      ['订单号'],
      '2412345678',
    ],
    ['订单号 does not match 子订单号 (inline)', '<p>子订单号：999999</p><p>订单号：2412345678</p>', ['订单号'], '2412345678'],
    ['运费 does not match 运费险', '<p>运费险：¥1.00</p><p>运费：¥8.00</p>', ['运费'], '¥8.00'],
    ['运费 alone absent', '<p>运费险：¥1.00</p><div class="x__1">运费险</div><div>¥1.00</div>', ['运费'], undefined],
    ['a label inside a sentence is no label', '<p>请核对订单号后再提交</p>', ['订单号'], undefined],
    ['label priority: first label text wins over document order', '<p>实付金额：¥1.00</p><p>实付款：¥2.00</p>', ['实付款', '实付金额'], '¥2.00'],
    ['an empty value ("-") is skipped for the next occurrence', '<p>物流单号：-</p><p>物流单号：SF999999</p>', ['物流单号'], 'SF999999'],
    ['a label with no value anywhere', '<div><span>物流单号</span></div>', ['物流单号'], undefined],
  ] as const)('%s', (_name, html, labels, expected) => {
    expect(findLabelValue(page(html), labels)?.value).toBe(expected);
  });
});

describe('findLabelValue: hostile page text', () => {
  it('returns markup in values as plain text and inserts or runs nothing', () => {
    const doc = page('<p>备注：&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror="window.__pwned=2"&gt;</p>');
    const before = doc.getElementsByTagName('*').length;
    const v = findLabelValue(doc, ['备注']);
    expect(v?.value).toBe('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">');
    expect(doc.getElementsByTagName('*').length).toBe(before);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('skips script, style and template content', () => {
    const doc = page('<script>var a = "订单号：666666"</script><template><p>订单号：777777</p></template><p>订单号：2412345678</p>');
    expect(findLabelValue(doc, ['订单号'])?.value).toBe('2412345678');
  });

  it.each([
    ['a 1 MB inline value', (big: string) => `<p>备注：${big}</p>`],
    ['a 1 MB sibling value', (big: string) => `<div class="l__a">备注</div><div class="v__b">${big}</div>`],
    ['a 1 MB cell', (big: string) => `<table><tr><th>备注</th><td>${big}</td></tr></table>`],
  ])('bounds %s to 200 characters', (_name, make) => {
    const doc = document.implementation.createHTMLDocument('big');
    const big = 'x'.repeat(1_000_000);
    doc.body.innerHTML = make(big);
    const v = findLabelValue(doc, ['备注']);
    expect(v?.value.length).toBeLessThanOrEqual(200);
    expect(v?.value.startsWith('xxx')).toBe(true);
  });

  it('finds a label after a 1 MB text node without scanning it', () => {
    const doc = page(`<p>${'字'.repeat(1_000_000)}</p><p>订单号：2412345678</p>`);
    expect(findLabelValue(doc, ['订单号'])?.value).toBe('2412345678');
  });

  it.each([
    ['zero-width inside the value', '<p>订单号：\u200B2412\u200C345\u200D678\uFEFF</p>', '2412345678'],
    ['bidi controls around the value', '<p>订单号：\u202E2412345678\u202C</p>', '2412345678'],
    ['isolates and marks', '<p>订单号：\u20662412345678\u2069\u200F</p>', '2412345678'],
    ['zero-width inside the label', '<p>订\u200B单号：2412345678</p>', '2412345678'],
    ['right-to-left text stays text', '<p>备注：مرحبا 你好</p>', undefined],
  ])('strips invisible characters: %s', (_name, html, expected) => {
    const v = findLabelValue(page(html), ['订单号', '备注'])?.value;
    if (expected) expect(v).toBe(expected);
    else expect(v).toBe('مرحبا 你好');
  });

  it.each([
    ['hidden attribute', '<p hidden>订单号：111111</p><p>订单号：2412345678</p>'],
    ['inline display:none', '<div style="display: none"><p>订单号：111111</p></div><p>订单号：2412345678</p>'],
    ['aria-hidden', '<div aria-hidden="true"><p>订单号：111111</p></div><p>订单号：2412345678</p>'],
    ['our own <refund-helper> host', '<refund-helper><p>订单号：111111</p></refund-helper><p>订单号：2412345678</p>'],
    ['a hidden Ant tab pane', '<div class="ant-tabs-tabpane ant-tabs-tabpane-hidden"><p>订单号：111111</p></div><p>订单号：2412345678</p>'],
  ])('duplicated labels: the first visible one wins (%s)', (_name, html) => {
    expect(findLabelValue(page(html), ['订单号'])?.value).toBe('2412345678');
  });

  it('duplicated visible labels: the first in document order wins', () => {
    expect(findLabelValue(page('<p>订单号：111111</p><p>订单号：222222</p>'), ['订单号'])?.value).toBe('111111');
  });

  it('findLabel says which label text matched', () => {
    expect(findLabel(page('<p>实付金额：¥1.00</p>'), L.paidAmount)?.matched).toBe('实付金额');
  });

  it('findAllLabelValues returns every occurrence in order', () => {
    const doc = page('<div>订单编号：111111</div><div><span>订单号</span><span>222222</span></div><div>订单编号：333333</div>');
    expect(findAllLabelValues(doc, L.orderId).map((h) => h.value)).toEqual(['111111', '222222', '333333']);
  });
});

describe('labelIndex: one walk, every label', () => {
  const doc = () =>
    page(`<p>订单号：111111</p><div hidden><p>订单编号：999999</p></div>
      <dl><dt>订单编号</dt><dd>222222</dd><dt>实付款</dt><dd>¥1.00</dd></dl>
      <div><span class="l__1">订单编号</span><span class="v__2">222222</span></div>
      <p>订单编号：-</p><p>子订单编号：333333</p>`);

  it('every: every visible occurrence with a value of the first label that has one, in document order', () => {
    const index = labelIndex(doc(), [L.orderId, L.paidAmount]);
    expect(index.every(L.orderId).map((h) => [h.matched, h.value])).toEqual([
      ['订单编号', '222222'],
      ['订单编号', '222222'],
    ]);
    expect(index.find(L.orderId)?.value).toBe('222222');
    expect(index.find(L.paidAmount)?.value).toBe('¥1.00');
  });

  it('every, merged: every label of the list, in document order', () => {
    const index = labelIndex(doc(), [L.orderId]);
    expect(index.every(L.orderId, {}, true).map((h) => h.value)).toEqual(['111111', '222222', '222222']);
  });

  it('a label not indexed at construction is found all the same', () => {
    const index = labelIndex(doc(), [L.paidAmount]);
    expect(index.find(['订单号'])?.value).toBe('111111');
    expect(index.every(L.orderId)).toHaveLength(2);
    expect(findAllLabelValues(doc(), ['订单号'])).toHaveLength(1);
  });

  it('field: the value container of a form label, for writing', () => {
    const d = page(`<div class="ant-form-item"><div class="ant-form-item-label"><label>退款原因</label></div>
      <div class="ant-form-item-control"><select><option>质量问题</option></select></div></div>`);
    expect(labelIndex(d, [['退款原因']]).field(['退款原因'])?.className).toBe('ant-form-item-control');
  });

  it('a label containing a colon is matched too', () => {
    expect(findLabelValue(page('<p>单号:A：AB123456</p>'), ['单号:A'])?.value).toBe('AB123456');
  });

  it('value text leaves out what the page hides from everyone (an avatar letter) and scripts', () => {
    const d = page(`<table><thead><tr><th>商品</th><th>单价</th></tr></thead><tbody><tr>
      <td><div aria-hidden="true">新</div><div>新疆长绒棉四件套</div><script>x=1</script></td><td>¥1.00</td></tr></tbody></table>`);
    expect(readTable(d, { title: ['商品'] })[0].title).toBe('新疆长绒棉四件套');
  });
});

describe('normalizeText', () => {
  it.each([
    ['  a \n\t b  ', 'a b'],
    ['\u3000实付款\u00a0', '实付款'],
    ['\u200B\u202E订单\u2066号\uFEFF', '订单号'],
    ['', ''],
  ])('%j → %j', (input, out) => {
    expect(normalizeText(input)).toBe(out);
  });
});

describe('matchText', () => {
  const table = KUAISHOU_TEXTS.afterSaleStatusTexts;
  it.each([
    ['审核通过', 'approved'],
    ['审核不通过', 'rejected'],
    ['审核未通过', 'rejected'],
    ['售后审核不通过（凭证不足）', 'rejected'],
    ['审核通过，待确认退款', 'approved'],
    ['退款成功', 'refunded'],
    ['待商家处理', 'reviewing'],
    [' 退款失败 ', 'failed'],
    ['售后关闭', 'closed'],
    ['不认识的状态', undefined],
    ['', undefined],
  ] as const)('%j → %s', (text, expected) => {
    expect(matchText(text, table)).toBe(expected);
  });

  it('is undefined when two statuses tie on the longest contained text', () => {
    expect(matchText('甲乙', { a: ['甲'], b: ['乙'] })).toBeUndefined();
  });
});

describe('readTable', () => {
  const headers = { orderId: L.orderId, status: L.afterSaleStatus, amount: L.refundAmount };

  it('reads an Ant Design table whose header and body are separate tables', () => {
    const doc = page(`<div class="ant-table"><div class="ant-table-container">
      <div class="ant-table-header"><table><thead class="ant-table-thead"><tr>
        <th class="ant-table-cell ant-table-selection-column"><input type="checkbox"></th>
        <th class="ant-table-cell">订单编号</th><th class="ant-table-cell">退款金额</th><th class="ant-table-cell">售后状态</th>
      </tr></thead></table></div>
      <div class="ant-table-body"><table><tbody class="ant-table-tbody">
        <tr aria-hidden="true" class="ant-table-measure-row"><td></td><td></td><td></td><td></td></tr>
        <tr class="ant-table-row"><td><input type="checkbox"></td><td><a>2412345678</a></td><td>¥12.00</td><td><span class="ant-tag">待审核</span></td></tr>
        <tr class="ant-table-row"><td><input type="checkbox"></td><td>2412345679</td><td>-</td><td>退款成功</td></tr>
      </tbody></table></div></div></div>`);
    const rows = readTable(doc, headers);
    expect(rows.map(({ row: _r, ...r }) => r)).toEqual([
      { orderId: '2412345678', amount: '¥12.00', status: '待审核' },
      { orderId: '2412345679', amount: undefined, status: '退款成功' },
    ]);
    expect(rows[0].row.nodeName).toBe('TR');
  });

  it('reads a plain table with colspan in the header', () => {
    const doc = page(`<table>
      <tr><th colspan="2">商品</th><th>订单号</th><th>状态</th></tr>
      <tr><td>img</td><td>T恤</td><td>111111</td><td>已发货</td></tr>
      <tr><td>img</td><td>短裤</td><td>222222</td><td>待发货</td></tr></table>`);
    const rows = readTable(doc, { orderId: ['订单号'], status: ['状态'] });
    expect(rows.map((r) => [r.orderId, r.status])).toEqual([
      ['111111', '已发货'],
      ['222222', '待发货'],
    ]);
  });

  it('picks the table that matches the most columns', () => {
    const doc = page(`<table><thead><tr><th>订单号</th></tr></thead><tbody><tr><td>999999</td></tr></tbody></table>
      <table><thead><tr><th>订单号</th><th>售后状态</th></tr></thead><tbody><tr><td>111111</td><td>待审核</td></tr></tbody></table>`);
    expect(readTable(doc, headers).map((r) => r.orderId)).toEqual(['111111']);
  });

  it('returns nothing when no header matches', () => {
    expect(readTable(page('<table><tr><th>名称</th></tr><tr><td>x</td></tr></table>'), headers)).toEqual([]);
  });

  it('reads 1,000 rows', () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<tr class="ant-table-row"><td>${2400000000 + i}</td><td>¥${i}.00</td><td>${i % 2 ? '退款成功' : '待审核'}</td></tr>`,
    ).join('');
    const doc = page(`<div class="ant-table"><table><thead class="ant-table-thead"><tr><th>订单编号</th><th>退款金额</th><th>退款状态</th></tr></thead>
      <tbody class="ant-table-tbody">${rows}</tbody></table></div>`);
    const out = readTable(doc, headers);
    expect(out).toHaveLength(1000);
    expect(out[0]).toMatchObject({ orderId: '2400000000', amount: '¥0.00', status: '待审核' });
    expect(out[999]).toMatchObject({ orderId: '2400000999', amount: '¥999.00', status: '退款成功' });
  });
});

describe('实付 computed only when every line of the price breakdown is understood', () => {
  const hashed = (pairs: Array<[string, string]>) =>
    `<div class="amounts__Hx92d">${pairs.map(([l, v]) => `<span class="label__BFlU4">${l}</span><span class="content__Rf0s7">${v}</span>`).join('')}</div>`;
  const read = (html: string) =>
    kuaishou.readOrder(
      page(`<p>订单号：2411230045127796</p><p>订单状态：已发货</p>${html}`),
      KUAISHOU_TEXTS,
      new URL('https://s.kwaixiaodian.com/zone/order/detail'),
      0,
    );

  it('a discount line under a label it does not know: 实付 is missing (never goods − the known discounts), the line is named', () => {
    const r = read(
      hashed([
        ['商品总价', '¥199.00'],
        ['店铺优惠', '-¥20.00'],
        ['主播专享券', '-¥10.00'],
        ['运费', '¥0.00'],
        ['应付金额', '¥169.00'],
      ]),
    );
    expect(r.snapshot.paidAmount).toBeUndefined();
    expect(r.computed).toEqual([]);
    const m = r.snapshot.missing.find((x) => x.field === 'paidAmount');
    expect(m?.reason).toContain('主播专享券 -¥10.00');
    expect(m?.reason).toContain('应付金额 ¥169.00');
  });

  it('every line known: computed, and said so', () => {
    const r = read(
      hashed([
        ['商品总价', '¥199.00'],
        ['店铺优惠', '-¥20.00'],
        ['运费', '¥8.00'],
      ]),
    );
    expect(r.snapshot.paidAmount).toBe(18_700);
    expect(r.computed.map((c) => c.field)).toEqual(['paidAmount']);
  });
});
