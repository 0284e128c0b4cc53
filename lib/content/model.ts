/*
 * From what the page shows, what the merchant chose and the case the background holds, to what
 * the panel displays. Pure: no DOM, no browser.*, no clock (`now` is passed), so each page kind's
 * view is testable from plain data. The view (Panel.tsx) only renders the result.
 */
import { translator, type Locale } from '../i18n';
import { formatFen } from '../money';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderSnapshot, type PageKind, type RefundType, type SnapshotField } from '../order';
import type { RefundCase } from '../cases/schema';
import type { CaseStatus } from '../cases/status';
import type { CaseView, OrderAdvice, ShownCase } from '../cases/shown';
import { checkEvidence, defaultRefundType, expressEligibility, refundAmount, remarkFor, shippingPayer, suggestReasons, type Advice } from '../rules/evaluate';
import type { RuleSet } from '../rules/schema';
import type { FormFacts, ListedOrder, ListedRefund, ReadResult } from '../sites/adapter';
import { STRINGS, type StringKey } from './strings';
import type { WarningAnchor } from './guard';
import type { DockSide } from './host';
import { adviceAction, type AdviceAction, caseViewOf } from './case-view';

export type { AdviceAction, CaseView };

/** What the panel's view calls back (components/panel/Panel.tsx). */
export interface PanelActions {
  /** Collapse to the rail, or expand. */
  toggle(): void;
  /** Dock at the window's other edge. */
  dock(side: DockSide): void;
  /** A new width from the resize handle; `done` when the merchant lets go (then it is remembered). */
  resize(width: number, done: boolean): void;
  /** Bring the page's own control into view and focus it (the advice's action). */
  reveal(key: 'confirmRefund' | 'cancelOrder' | 'applyRefund'): void;
  provide(field: SnapshotField, text: string): void;
  setRefundType(type: RefundType): void;
  setReason(id: string): void;
  setRemark(text: string): void;
  fill(): void;
  tick(id: string): void;
  /** The warning's 去补充: close it and show the checklist. */
  addEvidence(): void;
  /** The warning's 仍要提交 (warn mode): the page's submit, let through once. */
  submitAnyway(): void;
  copySupport(text: string): void;
  contactSupport(): void;
  /** The case list, on the case the panel shows if any. */
  openCases(): void;
}

// ---------------------------------------------------------------------------------------------
// What the content side knows about the page

/** What the merchant chose in the panel on the refund form. */
export interface Choice {
  refundType?: RefundType;
  reasonId?: string;
  /** Set once the merchant edits the remark; until then the reason's template is shown. */
  remark?: string;
}

export interface PageState {
  kind: PageKind;
  read?: ReadResult;
  /** Values the merchant typed for fields the page did not show. */
  typed: Partial<Record<SnapshotField, string | number>>;
  typedErrors: Partial<Record<SnapshotField, string>>;
  /** undefined: not loaded (yet); null: the order has no case. */
  caseRec?: ShownCase | null;
  form?: FormFacts;
  choice: Choice;
  /** Evidence ids the merchant ticked by hand. */
  ticked: string[];
  warning?: { mode: 'warn' | 'block'; anchor?: WarningAnchor };
  filling?: boolean;
  fillReport?: { filled: string[]; failed: Array<{ field: string; reason: string }> };
  refunds?: ListedRefund[];
  orders?: ListedOrder[];
  /** Order list: the cases of the listed orders, by order id (for the chips). */
  listCases?: Record<string, RefundCase>;
  listUpdated?: number;
  /** Refund list: how many listed refunds the helper tracks (the background's count). */
  listTracked?: number;
  /** Status texts the page shows that the rules do not know (refund list rows, a refund's status): no case moved on them. */
  unknownStatuses?: string[];
  notices: Notice[];
}

export function emptyState(kind: PageKind): PageState {
  return { kind, typed: {}, typedErrors: {}, choice: {}, ticked: [], notices: [] };
}

// ---------------------------------------------------------------------------------------------
// What the view shows

export type FieldName =
  | 'orderId'
  | 'afterSaleId'
  | 'orderStatus'
  | 'paidAmount'
  | 'refundAmount'
  | 'trackingNo'
  | 'courier'
  | 'shippingPayer'
  | 'caseStatus'
  | 'refundType';

export interface FieldView {
  name: FieldName;
  /** data-value: 分 for money, ids, status codes. */
  value: string | number;
  text: string;
  note?: string;
  /** Where a computed value comes from (the note then says it is computed). */
  title?: string;
}

export type InputKind = 'money' | 'status' | 'text';

export interface MissingView {
  field: SnapshotField;
  label: string;
  reason: string;
  input: InputKind;
  error?: string;
  /** A status input's choices: [code, the page's word for it]. */
  options?: Array<[string, string]>;
}

export interface FormView {
  refundType: RefundType;
  reasons: Array<{ id: string; label: string; suggested: boolean }>;
  reasonId?: string;
  remark: string;
  amountWhy: string;
  express: { eligible: boolean; why: string };
  filling: boolean;
  fillResult: string[];
}

export interface EvidenceItemView {
  id: string;
  label: string;
  state: 'ok' | 'missing';
  manual: boolean;
  ticked: boolean;
  why: string;
}

export interface Notice {
  tone: 'info' | 'error' | 'success';
  text: string;
}

export interface PanelModel {
  locale: Locale;
  kind: PageKind;
  fields: FieldView[];
  missing: MissingView[];
  advice?: { value: Advice; text: string; why: string; action?: AdviceAction };
  duplicate?: string;
  /** On the form after a rejected or failed application: this is a new one; why the last ended, what to add. */
  reapply?: { text: string; comment?: string; add: string[] };
  form?: FormView;
  evidence?: { complete: boolean; items: EvidenceItemView[] };
  warning?: { mode: 'warn' | 'block'; text: string; missing: string[]; anchor?: WarningAnchor };
  caseView?: CaseView;
  list?: string[];
  unknownStatus?: string;
  notices: Notice[];
}

// ---------------------------------------------------------------------------------------------

/** The panel's name for each field the fill writes. */
const FILL_LABELS: Record<string, StringKey> = {
  refundType: 'refundTypeLabel',
  reasonLabels: 'reasonLabel',
  amountFen: 'field.refundAmount',
  remark: 'remarkLabel',
  trackingNo: 'field.trackingNo',
  courier: 'field.courier',
};

/** Statuses in which a second application for the order would be a duplicate. */
const OPEN: readonly CaseStatus[] = ['draft', 'reviewing', 'approved', 'confirmed', 'escalated'];
export function inputKindOf(field: SnapshotField): InputKind {
  return /Amount|Total|discount|Fee/.test(field) ? 'money' : field === 'status' ? 'status' : 'text';
}

const labelKeyOf = (f: SnapshotField) => `field.${f === 'status' ? 'orderStatus' : f}` as StringKey;

/** The snapshot with the merchant's typed values laid over the fields the page did not show. */
export function effectiveOrder(state: Pick<PageState, 'read' | 'typed'>): Partial<OrderSnapshot> {
  return { ...state.read?.snapshot, ...state.typed } as Partial<OrderSnapshot>;
}

/** The refund type the page's form will submit: the page's own choice, else the panel's, else the default. */
export function effectiveRefundType(state: Pick<PageState, 'form' | 'choice' | 'read' | 'typed'>): RefundType {
  return state.form?.refundType ?? state.choice.refundType ?? defaultRefundType(effectiveOrder(state));
}

/** The evidence checklist against what the page's form currently holds. */
export function evidenceOf(rules: RuleSet, state: PageState) {
  const form = state.form ?? { uploads: 0 };
  return checkEvidence(
    rules,
    { refundType: effectiveRefundType(state), reasonId: state.choice.reasonId, orderStatus: effectiveOrder(state).status },
    { uploads: form.uploads, fields: { trackingNo: form.trackingNo, courier: form.courier, remark: form.remark }, ticked: state.ticked },
  );
}

/** The remark the panel proposes; zh-CN whatever the UI language: it goes to the platform's Chinese reviewers. */
export function proposedRemark(rules: RuleSet, state: PageState): string {
  const { remark, reasonId } = state.choice;
  if (remark !== undefined) return remark;
  // both locales: remarkFor reads the rules (the background's data, never stripped) and MISSING_VAR (a literal).
  return reasonId ? remarkFor(rules, reasonId, effectiveOrder(state), 'zh-CN', { trackingNo: state.form?.trackingNo, courier: state.form?.courier }) : '';
}

/** What a page's model is built from (the core keeps it; each part of the runtime has its builder). */
export interface ModelInput {
  state: PageState;
  /** Undefined until the background answers. */
  rules?: RuleSet;
  locale: Locale;
  now: number;
  /** The advice per order status in words, from the background with the rules (a case's own comes with the case). */
  advice?: OrderAdvice;
}

/** What every page's panel shows: the notices, a page status the rules do not know. */
export function baseModel(state: PageState, locale: Locale): PanelModel {
  const model: PanelModel = { locale, kind: state.kind, fields: [], missing: [], notices: state.notices };
  const texts = state.unknownStatuses;
  if (texts?.length) model.unknownStatus = translator(STRINGS, locale)('unknownStatus', { text: texts.join(locale === 'zh-CN' ? '」「' : '", "') });
  return model;
}

/** A page about one order (its detail, the refund form, the refund detail); the lists' is ./list-model.ts. */
export function buildModel({ state, rules, locale, now, advice }: ModelInput): PanelModel {
  const T = translator(STRINGS, locale);
  const { kind, read, typed } = state;
  const model = baseModel(state, locale);
  if (!read) return model;

  const order = effectiveOrder(state);
  // On the form after a rejection or failure, the order's last case is the previous application,
  // not this one: its status is not shown as this application's (nor its 联系客服 advice).
  const ended = (kind === 'refund-form' && state.caseRec?.view?.ended) || '';
  const previous = ended ? state.caseRec! : undefined;
  const c = previous ? undefined : (state.caseRec ?? undefined);
  const computed = new Map(read.computed.map((x) => [x.field, x]));
  // A computed value (or one from the page's own data) is marked as such; its title says from what.
  const mark = (field: SnapshotField, x = computed.get(field)) =>
    typed[field] !== undefined ? { note: T('typedByYou') } : x ? { note: T(x.data ? 'fromData' : 'computed'), title: x.reason[locale] } : undefined;
  const add = (name: FieldName, value: string | number | undefined, text?: string, field: SnapshotField = name as SnapshotField) => {
    if (value !== undefined && value !== '') model.fields.push({ name, value, text: text ?? String(value), ...mark(field) });
  };
  const money = (fen?: number) => (fen === undefined ? undefined : formatFen(fen));

  add('orderId', order.orderId);
  if (kind === 'refund-detail') {
    add('afterSaleId', order.afterSaleId);
    add('refundType', order.refundType, order.refundType && T(`refundType.${order.refundType}`));
  }
  // The page's own words for the status (the back office is Chinese); the code for a typed one.
  add(
    'orderStatus',
    order.status,
    locale === 'en' || typed.status ? order.status && ORDER_STATUS_LABELS[order.status][locale] : (order.statusText ?? order.status),
    'status',
  );
  add('paidAmount', order.paidAmount, money(order.paidAmount));
  if (kind === 'refund-detail') add('refundAmount', order.refundAmount, money(order.refundAmount));
  // On the form, what the form holds (the return shipment); elsewhere what the page shows.
  const shipment: { trackingNo?: string; courier?: string } = (kind === 'refund-form' ? state.form : order) ?? {};
  add('trackingNo', shipment.trackingNo);
  add('courier', shipment.courier);

  for (const m of read.snapshot.missing) {
    // The adapter lists what the page kind should show and did not; a refund type is not typed
    // in (the page's refund form has its own), nor is a field typed already.
    if (m.field === 'refundType' || typed[m.field] !== undefined) continue;
    model.missing.push({
      field: m.field,
      label: T(labelKeyOf(m.field)),
      // A conflict's reason in the panel's language (the snapshot holds it in zh-CN).
      reason: read.conflicts?.find((c) => c.field === m.field)?.reason[locale] ?? m.reason,
      input: inputKindOf(m.field),
      error: state.typedErrors[m.field],
      options: ORDER_STATUSES.map((x) => [x, rules?.sites.kuaishou.orderStatusTexts[x]?.[0] ?? x]),
    });
  }

  const orderAdvice = advice?.[order.status ?? 'unknown'];
  const shown = c?.view?.advice ?? orderAdvice;
  if (shown) model.advice = { value: shown.value, text: T(`advice.${shown.value}`), why: shown.why, action: adviceAction(shown.value, kind, c, T) };

  if (kind === 'refund-form' && c && OPEN.includes(c.status)) model.duplicate = T('duplicate', { status: c.view?.statusText ?? c.status });
  if (kind === 'refund-form' && rules) {
    const refundType = state.choice.refundType ?? state.form?.refundType ?? defaultRefundType(order);
    const suggestions = suggestReasons(rules, { refundType, orderStatus: order.status });
    const reasonId = suggestions.some((s) => s.reason.id === state.choice.reasonId) ? state.choice.reasonId : undefined;
    const s: PageState = { ...state, choice: { ...state.choice, reasonId } };
    const amount = refundAmount(order);
    const express = expressEligibility(rules, order, refundType, reasonId);
    const report = state.fillReport;
    model.form = {
      refundType,
      reasons: suggestions.map((x) => ({ id: x.reason.id, label: x.reason.label[locale], suggested: x.suggested })),
      reasonId,
      remark: proposedRemark(rules, s),
      amountWhy: amount.why[locale],
      express: { eligible: express.eligible, why: express.why[locale] },
      filling: !!state.filling,
      // What the fill could not write, and why (what it wrote, the page's form shows).
      fillResult: (report?.failed ?? []).map((f) => T('fillFailed', { field: T(FILL_LABELS[f.field]), reason: f.reason })),
    };
    // Why this amount is said once, under the form (amountWhy); the field says only whether it is computed.
    if (amount.amount !== undefined)
      model.fields.push({ name: 'refundAmount', value: amount.amount, text: formatFen(amount.amount), ...(!typed.paidAmount && mark('paidAmount')) });
    if (reasonId && effectiveRefundType(s) === 'return-refund') {
      const payer = shippingPayer(rules, reasonId);
      model.fields.push({ name: 'shippingPayer', value: payer.payer, text: T(`payer.${payer.payer}`), note: payer.why[locale] });
    }
    const ev = evidenceOf(rules, s);
    if (previous) {
      // What to add: the evidence the rules ask for that the previous application did not carry
      // (its fields are known; photos and ticks are not, so those are always listed).
      const lacked = evidenceOf(rules, {
        ...s,
        form: { ...s.form, uploads: 0, trackingNo: previous.trackingNo, courier: previous.courier, remark: previous.remark },
        ticked: [],
      });
      model.reapply = {
        text: T('reapply', { status: ended }),
        comment: previous.platformComment,
        add: lacked.items.filter((i) => i.state === 'missing').map((i) => i.label[locale]),
      };
    }
    const items = ev.items.map((i) => ({
      id: i.id,
      label: i.label[locale],
      state: i.state,
      manual: i.manual,
      ticked: state.ticked.includes(i.id),
      why: i.why[locale],
    }));
    model.evidence = { complete: ev.complete, items };
    if (state.warning && !ev.complete) {
      model.warning = {
        mode: state.warning.mode,
        text: T(state.warning.mode === 'block' ? 'warnBlock' : 'warnWarn'),
        missing: items.filter((i) => i.state === 'missing').map((i) => i.label),
        anchor: state.warning.anchor,
      };
    }
  }

  if (c) {
    add('caseStatus', c.status, c.view?.statusText);
    if (!model.fields.some((f) => f.name === 'shippingPayer')) add('shippingPayer', c.shippingPayer, c.shippingPayer && T(`payer.${c.shippingPayer}`));
    if (c.view) model.caseView = caseViewOf(c.view, orderAdvice?.why, locale, now);
  }
  return model;
}
