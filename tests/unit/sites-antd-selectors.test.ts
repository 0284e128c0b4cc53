// @vitest-environment happy-dom
// Every Ant Design class name the extension relies on (lib/sites/dom/antd.ts) against the pages it
// serves, as captured from the demo back office (`npm run site:fixtures`: antd 5, and the Ant Design
// 3 form). An upgrade of the demo's Ant Design that renames a class fails here, naming the selector
// and the page. Classes that exist only while something happens (an open dropdown, a message after
// a submit, an upload) are not in a static page: the end-to-end tests named below prove them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as antd from '../../lib/sites/dom/antd';
import { chooseRadio, selectAntOption } from '../../lib/sites/dom/form';
import { isBodyRow } from '../../lib/sites/dom/tables';
import { kuaishou } from '../../lib/sites/kuaishou';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';

type Name = keyof typeof antd;

const FORMS = ['refund-apply', 'refund-apply-errors', 'refund-apply-antd3', 'order-detail-apply-modal'];
const ORDER_PAGES = ['order-detail-shipped-discounted', 'order-detail-coupon-label', 'order-detail-two-after-sales'];
const REFUND_DETAILS = ['refund-detail-approved', 'refund-detail-rejected', 'refund-detail-closed', 'refund-detail-intervening'];
const LISTS = ['order-list', 'refund-list'];

/** Selector → the captured pages where the extension needs it (it must match in each). */
const IN_PAGES: Partial<Record<Name, string[]>> = {
  FORM_ITEM: FORMS,
  FORM_ITEM_LABEL: FORMS,
  FORM_ITEM_CONTROL: FORMS,
  DESC_ITEM: [...ORDER_PAGES, ...FORMS],
  DESC_LABEL: [...ORDER_PAGES, ...FORMS],
  DESC_CONTENT: [...ORDER_PAGES, ...FORMS],
  ITEM_LABEL_CLASS: [...ORDER_PAGES, ...FORMS],
  SELECT: FORMS,
  RADIO_GROUP: FORMS,
  INPUT_NUMBER: ['refund-apply', 'refund-apply-errors', 'order-detail-apply-modal'],
  SELECT_OPENER: FORMS,
  TABLE: [...LISTS, ...ORDER_PAGES, ...REFUND_DETAILS],
  TABLE_BODY: [...LISTS, ...ORDER_PAGES, ...REFUND_DETAILS],
  HIDDEN_STATE: LISTS,
  MODAL: ['order-detail-apply-modal'],
  MODAL_LAYER: ['order-detail-apply-modal'],
  MODAL_OUTSIDE: ['order-detail-apply-modal'],
  MODAL_CLOSE: ['order-detail-apply-modal'],
  BUTTON: [...FORMS, ...ORDER_PAGES, ...REFUND_DETAILS, ...LISTS],
  PRIMARY_BUTTON: [...FORMS, 'refund-detail-approved'],
  ERROR: ['refund-apply-errors'],
};

/** Selector → where it is proven instead: on a simulated Ant Design select, live, or below. */
const PROVEN_ELSEWHERE: Partial<Record<Name, string>> = {
  SELECTION_ITEM: 'tests/unit/sites-form.test.ts (Ant select), tests/e2e/site-antd.test.ts (5 and 3)',
  DROPDOWN: 'tests/unit/sites-form.test.ts (Ant select), tests/e2e/site-antd.test.ts (5 and 3)',
  OPTION: 'tests/unit/sites-form.test.ts (Ant select), tests/e2e/site-antd.test.ts (5 and 3)',
  OPTION_CONTENT: 'tests/unit/sites-form.test.ts (Ant select)',
  SUCCESS: "tests/unit/sites-form.test.ts (the page's answer to a submit), tests/e2e/trust-form.test.ts",
  NOTICE: "tests/unit/sites-form.test.ts (the page's answer to a submit), tests/e2e/trust-form.test.ts",
  CHOICE_BUTTON: 'below',
  OPTION_DISABLED: 'below',
  TABLE_AUX_ROW: 'below',
  UPLOAD_ITEM: 'below',
  UPLOAD_ITEM_GONE: 'below',
  LINK_BUTTON: 'below',
};

function page(name: string): Document {
  const doc = document.implementation.createHTMLDocument(name);
  doc.body.innerHTML = readFileSync(join(process.cwd(), 'tests/unit/fixtures/antd', `${name}.html`), 'utf8');
  return doc;
}

function matches(doc: Document, sel: (typeof antd)[Name]): boolean {
  if (typeof sel === 'string') return doc.querySelector(sel) !== null;
  if (sel instanceof RegExp) return Array.from(doc.querySelectorAll('[class]')).some((el) => sel.test(el.getAttribute('class') ?? ''));
  return sel.some((cls) => doc.getElementsByClassName(cls).length > 0);
}

describe('the Ant Design class names the extension relies on', () => {
  it('each is either checked against the captured pages or named with the test that proves it live', () => {
    const unclassified = (Object.keys(antd) as Name[]).filter((k) => !IN_PAGES[k] === !PROVEN_ELSEWHERE[k]);
    expect(unclassified).toEqual([]);
  });

  const pages = new Map<string, Document>();
  for (const [name, where] of Object.entries(IN_PAGES) as [Name, string[]][]) {
    it(`${name} is on ${where.length} captured page(s)`, () => {
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: every selector of the module, by name, is what this test checks.
      const selector = antd[name];
      const missing = where.filter((p) => !matches(pages.get(p) ?? pages.set(p, page(p)).get(p)!, selector));
      expect(missing, `${name} (${String(selector)}) not found on`).toEqual([]);
    });
  }

  it('the Ant Design 3 form is served by the 3 alternatives of the selectors that differ', () => {
    const doc = page('refund-apply-antd3');
    expect(doc.querySelector('.ant-select-selection')).not.toBeNull();
    expect(doc.querySelector('.ant-select-selector')).toBeNull();
    expect(doc.querySelector(antd.SELECT_OPENER)).toBe(doc.querySelector('.ant-select-selection'));
  });
});

describe('the ones a static page does not show, on Ant Design markup', () => {
  const html = (body: string) => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = body;
    return doc;
  };

  it('a choice shown as buttons without inputs (segmented): the one with the text is clicked', () => {
    const doc = html('<div class="ant-segmented"><div class="ant-segmented-item">仅退款</div><div class="ant-segmented-item">退货退款</div></div>');
    const clicked: string[] = [];
    doc.querySelectorAll('.ant-segmented-item').forEach((el) => el.addEventListener('click', () => clicked.push(el.textContent!)));
    expect(chooseRadio(doc.querySelector('.ant-segmented')!, ['退货退款'])).toBe(true);
    expect(clicked).toEqual(['退货退款']);
  });

  it.each(['ant-select-item ant-select-item-option ant-select-item-option-disabled', 'ant-select-dropdown-menu-item ant-select-dropdown-menu-item-disabled'])(
    'a disabled option (%s) is never chosen',
    async (cls) => {
      const doc = html(`<div class="ant-select"><div class="ant-select-selector"><input></div></div>
        <div class="ant-select-dropdown"><div class="${cls}" title="质量问题">质量问题</div></div>`);
      let clicked = false;
      doc.querySelector('[title="质量问题"]')!.addEventListener('click', () => (clicked = true));
      expect(await selectAntOption(doc.querySelector('.ant-select')!, ['质量问题'])).toBe(false);
      expect(clicked).toBe(false);
    },
  );

  it('layout rows of a table (placeholder, measure, expanded) are not data rows', () => {
    const doc = html('<table><tbody><tr class="ant-table-placeholder"><td>暂无数据</td></tr><tr class="ant-table-row"><td>1</td></tr></tbody></table>');
    expect(Array.from(doc.querySelectorAll('tr')).map(isBodyRow)).toEqual([false, true]);
  });

  it('uploaded evidence counts; an upload that failed or is being removed does not', () => {
    const doc = html(`<form><div class="ant-form-item"><div class="ant-form-item-label"><label>上传凭证</label></div><div class="ant-form-item-control">
      <div class="ant-upload-list"><div class="ant-upload-list-item ant-upload-list-item-done">a.png</div>
      <div class="ant-upload-list-item ant-upload-list-item-error">b.png</div><div class="ant-upload-list-item ant-upload-list-item-removed">c.png</div></div>
      </div></div></form>`);
    expect(kuaishou.readForm(doc, KUAISHOU_TEXTS).uploads).toBe(1);
  });

  it('a link styled as a button is a button', () => {
    const doc = html('<div><a class="ant-btn ant-btn-primary" href="#">确认退款</a></div>');
    expect(kuaishou.findButton(doc, ['确认退款'])?.nodeName).toBe('A');
  });
});
