/*
 * The refund application form: read what it shows, fill it from the panel's choices, guard its
 * submit while evidence is missing (./guard.ts decides), and record the case once the page
 * accepts the application (its success message, or leaving the form).
 */
import type { NewCaseInput } from '../../cases/model';
import type { RefundType } from '../../order';
import { refundAmount, shippingPayer } from '../../rules/evaluate';
import type { RuleSet } from '../../rules/schema';
import type { FillValues } from '../../sites/adapter';
import { squash } from '../../sites/dom/text';
import type { Feature } from '../core';
import { decideSubmit } from '../guard';
import { effectiveOrder, effectiveRefundType, evidenceOf, proposedRemark, type PageState } from '../model';
import { shown } from './confirm-refund';

const SUCCESS = '.ant-message-success,.ant-result-success';
/** How long after an allowed submit the page's success may still be recognised. */
const SUBMIT_WINDOW = 20_000;

/** "不想要了/七天无理由": the whole label, then each part (as the page's options may print it). */
export function reasonTexts(reason: RuleSet['reasons'][number]): string[] {
  const zh = reason.label['zh-CN'];
  return [...new Set([zh, ...zh.split('/').map((x) => x.trim())])].filter(Boolean);
}

function stop(e: Event) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** The one submit waiting for the page's answer, whichever page the merchant is on by then. */
const latest = new WeakMap<object, object>();

export const refundForm: Feature = {
  kinds: ['refund-form'],
  init(ctx, signal) {
    const { win, doc, locale, t, adapter, state, texts, now, renderNow, rules } = ctx;
    const openedAt = now();
    let sig = '';
    let warnedOnce = false;
    let lastGuard: { at: number; allowed: boolean } | undefined;

    const update = (fn: (s: PageState) => void) => {
      const s = state();
      if (!s) return;
      fn(s);
      renderNow();
    };

    const read = (s: PageState) => {
      const form = adapter.readForm(doc, texts());
      const next = JSON.stringify([form, ctx.generation()]);
      if (next === sig) return;
      sig = next;
      s.form = form;
      ctx.queueRender();
    };

    async function fill() {
      const s = state();
      const r = rules();
      if (!s || s.kind !== 'refund-form' || s.filling || !r) return;
      const order = effectiveOrder(s);
      const refundType: RefundType = s.choice.refundType ?? effectiveRefundType(s);
      const reason = r.reasons.find((x) => x.id === s.choice.reasonId);
      const amount = refundAmount(order).amount;
      const values: FillValues = { refundType };
      if (reason) {
        values.reasonLabels = reasonTexts(reason);
        values.remark = proposedRemark(r, s);
      }
      if (amount !== undefined) values.amountFen = amount;
      // Tracking and courier of the return when known: a re-application after a rejection has them on its case.
      const known = s.caseRec;
      if (refundType === 'return-refund' && known) {
        if (known.trackingNo && !s.form?.trackingNo) values.trackingNo = known.trackingNo;
        if (known.courier && !s.form?.courier) values.courier = known.courier;
      }
      s.choice.refundType = refundType;
      s.filling = true;
      s.fillReport = undefined;
      renderNow();
      try {
        const res = await adapter.fillForm(doc, texts(), values);
        s.fillReport = { filled: res.filled, failed: res.failed.map((f) => ({ field: f.field, reason: f.reason[locale] })) };
      } catch (err) {
        s.fillReport = { filled: [], failed: [{ field: 'remark', reason: String(err) }] };
      }
      s.filling = false;
      ctx.forget();
      ctx.read();
      renderNow();
    }


    /** One submit attempt: let it through, or stop it and say what is missing. */
    function guard(e: Event) {
      const s = state()!;
      // Read the form now: the last debounced read may be a moment old.
      s.form = adapter.readForm(doc, texts());
      const complete = evidenceOf(rules()!, s).complete;
      const mode = rules()!.submit.onMissingEvidence;
      const decision = decideSubmit({ complete, mode, warnedBefore: warnedOnce });
      lastGuard = { at: now(), allowed: decision === 'allow' };
      if (decision === 'allow') {
        s.warning = undefined;
        expectOutcome(s);
      } else {
        stop(e);
        if (decision === 'warn') warnedOnce = true;
        s.warning = { mode: decision };
        if (ctx.collapsed()) ctx.toggle();
      }
      renderNow();
    }

    function reasonFromPage(text: string | undefined): string | undefined {
      const key = text && squash(text);
      if (!key) return undefined;
      return rules()?.reasons.find((r) => reasonTexts(r).some((l) => squash(l) && key.includes(squash(l))))?.id;
    }

    /**
     * The case to record once the page accepts the application: its success message, or leaving
     * the form, records it; a page that refuses the application shows neither, and it lapses.
     */
    function expectOutcome(s: PageState) {
      const order = effectiveOrder(s);
      if (!order.orderId) return;
      const form = s.form!;
      const refundType = effectiveRefundType(s);
      const reasonId = s.choice.reasonId ?? reasonFromPage(form.reasonText) ?? 'other';
      const r = rules();
      const input: NewCaseInput = {
        orderId: order.orderId,
        refundType,
        reasonId,
        remark: form.remark?.slice(0, 2000),
        paidAmount: order.paidAmount,
        refundAmount: refundAmount(order, form.amountFen).amount,
        trackingNo: form.trackingNo?.slice(0, 64),
        courier: form.courier?.slice(0, 64),
        shippingPayer: refundType === 'return-refund' && r ? shippingPayer(r, reasonId).payer : undefined,
        orderUrl: (ctx.orderUrls[order.orderId] ?? win.location.href).slice(0, 2048),
      };
      const pending = {
        // JSON drops the absent fields (the background's schema is strict about shapes).
        input: JSON.parse(JSON.stringify(input)) as NewCaseInput,
        // Stable across double clicks and re-renders: one opening of the form, one case.
        submitId: `${order.orderId}-${openedAt}`,
        at: now(),
        url: win.location.href,
      };
      // A later submit replaces an earlier one still waiting.
      latest.set(ctx, pending);
      ctx.watch((left) => {
        if (latest.get(ctx) !== pending || now() - pending.at > SUBMIT_WINDOW) return true;
        if (left === undefined ? !shown(doc, SUCCESS) : left !== pending.url) return false;
        latest.delete(ctx);
        void record(pending);
        return true;
      });
    }

    async function record(p: { input: NewCaseInput; submitId: string }) {
      const res = await ctx.client.recordSubmit(p.input, p.submitId);
      if (!res.ok) return ctx.failNotice(res.error);
      const s = state();
      if (s && effectiveOrder(s).orderId === p.input.orderId) ctx.setCase(res.data.case);
      ctx.notice('success', res.data.duplicate ? t('recordedDuplicate') : t('recorded'));
    }

    const on = (type: string, fn: (e: Event) => void) => win.addEventListener(type, fn, { capture: true, signal });
    on('click', (e) => {
      const target = e.target as Element;
      if (!state() || ctx.ours(e) || !target?.closest) return;
      if (adapter.findButton(doc, texts().buttons.submit ?? [])?.contains(target)) guard(e);
    });
    on('submit', (e) => {
      if (ctx.ours(e)) return;
      // A click on the submit button already decided for this submit (Enter in a field clicks it too).
      if (lastGuard && now() - lastGuard.at < 1000) {
        if (!lastGuard.allowed) stop(e);
      } else guard(e);
    });
    // The page's own input and change events on the form: read debounced.
    const onInput = (e: Event) => !ctx.ours(e) && ctx.scheduleRead();
    on('input', onInput);
    on('change', onInput);
    return {
      read,
      actions: {
        fill: () => void fill(),
        setRefundType: (type) => update((s) => (s.choice.refundType = type)),
        // A new reason brings its own remark template (an edited remark belongs to the old reason).
        setReason: (id) => update((s) => (s.choice = { ...s.choice, reasonId: id || undefined, remark: undefined })),
        setRemark: (text) => update((s) => (s.choice.remark = text)),
        tick: (id) => update((s) => (s.ticked = s.ticked.includes(id) ? s.ticked.filter((x) => x !== id) : [...s.ticked, id])),
        dismissWarning: () => update((s) => (s.warning = undefined)),
      },
    };
  },
};
