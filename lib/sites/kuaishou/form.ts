/**
 * The Kuaishou refund application form: what it shows (readForm) and filling it (fillForm); where
 * it and the page's buttons are is find.ts. Writing goes through lib/sites/dom/form.ts, which
 * React-controlled inputs accept.
 */
import { formatFen } from '../../money';
import { localText as failure, type LocalText } from '../../i18n';
import type { FillReport, FillValues, FormFacts } from '../adapter';
import { chooseRadio, selectAntOption, setNativeValue } from '../dom/form';
import { formRoot } from './find';
import { labelIndex, type LabelIndex } from '../dom/labels';
import { isHidden, matchText, normalizeText, textOf, valueOf } from '../dom/text';
import type { FormField, SiteTexts } from '../texts';
import { labelList, parseId, parsePageMoney } from './values';
import { CHOICE_BUTTON, ERROR, INPUT_NUMBER, NOTICE, RADIO_GROUP, SELECT, SUCCESS, UPLOAD_ITEM, UPLOAD_ITEM_GONE } from '../dom/antd';

/** The control inside a form field container. */
function controlIn(field: Element): Element {
  if (field.matches('input, select, textarea')) {
    return field.closest(`${SELECT}, ${RADIO_GROUP}, ${INPUT_NUMBER}`) ?? field;
  }
  return field;
}

/** A form field's control; `index` a walk of the form as it is now (the fill changes the page: a new one per field). */
function fieldOf(index: LabelIndex | Element, labels: readonly string[] | undefined): Element | undefined {
  if (!labels?.length) return undefined;
  const f = ('field' in index ? index : labelIndex(index)).field(labels);
  return f ? controlIn(f) : undefined;
}

export function readForm(doc: Document, texts: SiteTexts): FormFacts {
  const facts: FormFacts = { uploads: 0 };
  const L = texts.formLabels;
  const root = formRoot(doc, texts);
  // One walk of the form for every field.
  const index = labelIndex(root, Object.values(L));
  const text = (labels: readonly string[] | undefined) => {
    const f = fieldOf(index, labels);
    const v = f ? valueOf(f) : '';
    return v || undefined;
  };
  const type = text(L.refundType);
  const t = matchText(type, texts.refundTypeTexts);
  if (t) facts.refundType = t;
  const reason = text(L.reason);
  // A select's placeholder ("请选择退款原因") is not a chosen reason.
  if (reason && !/^请选择/.test(reason)) facts.reasonText = reason;
  const amount = text(L.amount);
  if (amount) {
    const m = parsePageMoney(amount);
    if (m.ok && m.fen >= 0) facts.amountFen = m.fen;
  }
  // The remark as typed (not normalised: line breaks are the merchant's).
  const remark = fieldOf(index, L.remark);
  const remarkValue = String((remark && textControl(remark))?.value ?? '');
  if (remarkValue.trim()) facts.remark = remarkValue.slice(0, 1000);
  const tracking = parseId(text(L.trackingNo));
  if (tracking) facts.trackingNo = tracking;
  const courier = text(L.courier);
  if (courier && !/^请选择|^请输入/.test(courier)) facts.courier = courier.slice(0, 64);

  const evidence = fieldOf(index, L.evidence);
  const scope: ParentNode = evidence ?? root;
  const items = Array.from(scope.querySelectorAll(UPLOAD_ITEM)).filter((i) => !UPLOAD_ITEM_GONE.test(i.getAttribute('class') ?? '') && !isHidden(i));
  facts.uploads = items.length;
  if (!items.length && evidence) {
    facts.uploads = Array.from(evidence.querySelectorAll('img')).filter((i) => !isHidden(i)).length;
  }
  return facts;
}

function notFoundReason(labels: readonly string[] | undefined): LocalText {
  return failure(`表单中未找到「${labelList(labels)}」`, `The form has no field "${labelList(labels)}"`);
}

/** A select (native or Ant Design: selectAntOption tells them apart), else a radio group. */
async function chooseIn(field: Element, labels: string[]): Promise<boolean> {
  if (field.matches(`select, ${SELECT}`) || field.querySelector(`select, ${SELECT}`)) return selectAntOption(field, labels);
  if (field.querySelector(`input[type=radio], ${CHOICE_BUTTON}, [role=radio]`) || field.matches(RADIO_GROUP)) {
    return chooseRadio(field, labels);
  }
  return false;
}

function textControl(field: Element): HTMLInputElement | HTMLTextAreaElement | undefined {
  if (field.matches('input, textarea')) return field as HTMLInputElement;
  return (field.querySelector('textarea, input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox])') ?? undefined) as
    | HTMLInputElement
    | undefined;
}

function nextFrame(doc: Document): Promise<void> {
  const win = doc.defaultView;
  // Called on the window, never detached: Firefox's Xray wrappers refuse a detached setTimeout.
  return new Promise((r) => (win ? win.setTimeout(r, 30) : setTimeout(r, 30)));
}

export async function fillForm(doc: Document, texts: SiteTexts, values: FillValues): Promise<FillReport> {
  const report: FillReport = { filled: [], failed: [] };
  const L = texts.formLabels;
  const fail = (field: keyof FillValues, reason: LocalText) => report.failed.push({ field, reason });
  const form = () => formRoot(doc, texts);

  // The type first: choosing 退货退款 may reveal the tracking fields.
  if (values.refundType) {
    const field = fieldOf(form(), L.refundType);
    const wanted = [...(texts.refundTypeTexts[values.refundType] ?? [])];
    if (!field) fail('refundType', notFoundReason(L.refundType));
    else if (await chooseIn(field, wanted)) report.filled.push('refundType');
    else fail('refundType', failure(`没有「${wanted.join(' / ')}」选项`, `No option "${wanted.join(' / ')}"`));
    await nextFrame(doc);
  }

  if (values.reasonLabels?.length) {
    const field = fieldOf(form(), L.reason);
    if (!field) fail('reasonLabels', notFoundReason(L.reason));
    else if (await chooseIn(field, values.reasonLabels)) report.filled.push('reasonLabels');
    else fail('reasonLabels', failure(`退款原因中没有「${values.reasonLabels.join(' / ')}」`, `No reason option "${values.reasonLabels.join(' / ')}"`));
  }

  const writeText = async (key: keyof FillValues, labels: readonly string[] | undefined, value: string) => {
    const field = fieldOf(form(), labels);
    if (!field) return fail(key, notFoundReason(labels));
    const control = textControl(field);
    if (!control || field.matches(SELECT) || field.querySelector(SELECT)) {
      // A select (e.g. courier): choose the option with that text.
      if (await chooseIn(field, [value])) return void report.filled.push(key);
      return fail(key, failure(`「${labelList(labels)}」中没有「${value}」选项`, `No option "${value}" in "${labelList(labels)}"`));
    }
    if (control.disabled || control.readOnly) {
      return fail(key, failure(`「${labelList(labels)}」不可编辑`, `"${labelList(labels)}" is read-only`));
    }
    setNativeValue(control, value);
    await nextFrame(doc);
    if (normalizeText(String(control.value)) === normalizeText(value)) report.filled.push(key);
    else fail(key, failure(`「${labelList(labels)}」没有接受填入的值`, `"${labelList(labels)}" did not take the value`));
  };

  if (values.amountFen !== undefined) await writeText('amountFen', L.amount, formatFen(values.amountFen, { symbol: false }));
  if (values.remark !== undefined) await writeText('remark', L.remark, values.remark);
  if (values.trackingNo !== undefined) await writeText('trackingNo', L.trackingNo, values.trackingNo);
  if (values.courier !== undefined) await writeText('courier', L.courier, values.courier);
  return report;
}

/** Focuses a text field of the form and selects `text` in it (its first occurrence), for the merchant to type over. */
export function selectInField(doc: Document, texts: SiteTexts, field: FormField, text: string): boolean {
  const f = fieldOf(formRoot(doc, texts), texts.formLabels[field]);
  const c = f && textControl(f);
  const at = c ? String(c.value).indexOf(text) : -1;
  if (!c || at < 0) return false;
  c.focus();
  c.setSelectionRange(at, at + text.length);
  return true;
}

/**
 * The messages the page shows, each a success (true) or an error (false). A toast of the page's
 * own style (no success or error class: an info message, a plain notification) is what its words
 * say: 失败 / 错误 an error, else 成功 / 已提交 a success.
 */
export function feedback(doc: Document): Map<Element, boolean> {
  const out = new Map<Element, boolean>();
  const shown = (sel: string) => Array.from(doc.querySelectorAll(sel)).filter((el) => !isHidden(el));
  for (const el of shown(ERROR)) out.set(el, false);
  for (const el of shown(SUCCESS)) out.set(el, true);
  for (const el of shown(NOTICE)) {
    const t = textOf(el);
    if (el.querySelector(`${SUCCESS},${ERROR}`)) continue;
    if (/失败|错误/.test(t)) out.set(el, false);
    else if (/成功|已提交/.test(t)) out.set(el, true);
  }
  return out;
}
