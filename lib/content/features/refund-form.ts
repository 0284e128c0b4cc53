/*
 * The refund application form: read what it shows, fill it from the panel's choices, guard its
 * submit while evidence is missing (./guard.ts decides), and record the case once the page
 * accepts the application: its success message, its form closing with no error, or the
 * new after-sale's page. An error the page shows, a cancelled form or leaving for another page
 * drops it.
 */
import type { NewCaseInput } from '../../cases/model';
import type { RefundType } from '../../order';
import { leftInstruction, refundAmount, shippingPayer } from '../../rules/evaluate';
import type { RuleSet } from '../../rules/schema';
import type { FillValues } from '../../sites/adapter';
import { isHidden, squash } from '../../sites/dom/text';
import { kindOfRoute } from '../../sites/kuaishou/routes';
import { parseId } from '../../sites/kuaishou/values';
import type { Feature } from '../core';
import { anchorAt, decideSubmit } from '../guard';
import { effectiveOrder, effectiveRefundType, evidenceOf, proposedRemark, type PageState } from '../model';
import { MODAL_CLOSE, MODAL_OUTSIDE } from '../../sites/dom/antd';

/** How long after an allowed submit the page's answer may still be recognised. */
const SUBMIT_WINDOW = 20_000;
/** What closes a form without submitting it: a modal's ×, its mask, 取消 / 返回 / 关闭. */
const CANCEL = /取消|返回|关闭|cancel|close/i;

/** "不想要了/七天无理由": the whole label, then each part (as the page's options may print it). */
export function reasonTexts(reason: RuleSet['reasons'][number]): string[] {
  const zh = reason.label['zh-CN']; // both locales: the rules are the background's data, never stripped
  return [...new Set([zh, ...zh.split('/').map((x) => x.trim())])].filter(Boolean);
}

function stop(e: Event) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

type Pending = { input: NewCaseInput; submitId: string; at: number; cancelled?: boolean };
/** The one submit waiting for the page's answer, whichever page the merchant is on by then. */
const latest = new WeakMap<object, Pending>();

export const refundForm: Feature = {
  kinds: ['refund-form'],
  init(ctx, signal) {
    const { win, doc, locale, t, adapter, state, texts, now, renderNow, rules } = ctx;
    const openedAt = now();
    let sig = '';
    /** Set by the warning's 仍要提交 for the one submit it makes. */
    let submitAnyway = false;
    /** The page's submit button the warning points at. */
    let warnedAt: Element | undefined;
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
      if (s?.kind !== 'refund-form' || s.filling || !r) return;
      s.filling = true;
      renderNow();
      // The address is the form's before the page shows it (a slow back end): wait for the form,
      // 10 s at most, and fill it with what the page then shows (its paid amount).
      for (let i = 0; i < 300 && !adapter.findForm(doc, texts()); i++) await new Promise((go) => win.setTimeout(go, 30));
      if (signal.aborted) return;
      ctx.read();
      const order = effectiveOrder(s);
      const refundType: RefundType = s.choice.refundType ?? effectiveRefundType(s);
      const reason = r.reasons.find((x) => x.id === s.choice.reasonId);
      // Never a guess: without the paid amount none is written; an amount the form holds (a partial refund typed) stays, capped at it.
      const amount = order.paidAmount === undefined ? undefined : refundAmount(order, s.form?.amountFen).amount;
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
      s.fillReport = undefined;
      renderNow();
      try {
        const res = await adapter.fillForm(doc, texts(), values);
        s.fillReport = { filled: res.filled, failed: res.failed.map((f) => ({ field: f.field, reason: f.reason[locale] })) };
        // The template's instruction is for the merchant to replace: the cursor goes there, selecting it.
        const left = res.filled.includes('remark') && leftInstruction(values.remark);
        if (left) adapter.selectInField(doc, texts(), 'remark', left);
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
      const decision = decideSubmit({ complete, mode, submitAnyway });
      submitAnyway = false;
      lastGuard = { at: now(), allowed: decision === 'allow' };
      if (decision === 'allow') {
        s.warning = undefined;
        warnedAt = undefined;
        expectOutcome(s);
      } else {
        stop(e);
        warnedAt = adapter.findButton(doc, texts().buttons.submit ?? []) ?? (e.target as Element);
        s.warning = { mode: decision, anchor: anchorOf(warnedAt) };
      }
      renderNow();
    }

    const anchorOf = (el: Element) => anchorAt(el.getBoundingClientRect(), { width: win.innerWidth, height: win.innerHeight });

    /** The warning's 仍要提交 (warn mode only): the page's own submit, let through once. */
    function submitAnyway_() {
      const s = state();
      if (s?.warning?.mode !== 'warn' || !warnedAt?.isConnected) return;
      submitAnyway = true;
      (warnedAt as HTMLElement).click();
      submitAnyway = false; // the click was guarded synchronously; never left for a later one
    }

    function reasonFromPage(text: string | undefined): string | undefined {
      const key = text && squash(text);
      if (!key) return undefined;
      return rules()?.reasons.find((r) => reasonTexts(r).some((l) => squash(l) && key.includes(squash(l))))?.id;
    }

    /**
     * The case to record once the page accepts the application: a new success message, the form
     * closing (not cancelled), or the new after-sale's page. A new error, a cancel that closes the
     * form without a success, or leaving for any other page drops it; without an answer it lapses.
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
        productTitle: order.items?.[0]?.title,
      };
      // The messages already shown are not the answer to this submit.
      const before = adapter.feedback(doc);
      const root = adapter.formRoot(doc, texts());
      const pending: Pending = {
        // JSON drops the absent fields (the background's schema is strict about shapes).
        input: JSON.parse(JSON.stringify(input)) as NewCaseInput,
        // Stable across double clicks and re-renders: one opening of the form, one case.
        submitId: `${order.orderId}-${openedAt}`,
        at: now(),
      };
      // A later submit replaces an earlier one still waiting.
      latest.set(ctx, pending);
      const done = (ok: unknown) => {
        latest.delete(ctx);
        if (ok) void record(pending);
        return true;
      };
      ctx.watch((left) => {
        if (latest.get(ctx) !== pending || now() - pending.at > SUBMIT_WINDOW) return true;
        if (left !== undefined) {
          // Navigation: to the new after-sale's page (its number is the case's), else away.
          const to = new URL(win.location.href);
          const id = kindOfRoute(to) === 'refund-detail' && parseId(to.searchParams.get('id') ?? to.searchParams.get('refundId') ?? undefined);
          if (id) pending.input.afterSaleId = id;
          return done(id);
        }
        const answers = [...adapter.feedback(doc)].filter(([el]) => !before.has(el)).map(([, ok]) => ok);
        if (answers.length) return done(!answers.includes(false));
        if (root.isConnected && !isHidden(root)) return false;
        // Closed with no error: accepted, unless cancelled (then a late success message may still come).
        return pending.cancelled ? false : done(true);
      });
    }

    async function record(p: Pending) {
      const res = await ctx.client.recordSubmit(p.input, p.submitId);
      if (!res.ok) return ctx.failNotice(res.error);
      const s = state();
      if (s && effectiveOrder(s).orderId === p.input.orderId) ctx.setCase(res.data.case);
      ctx.notice('success', res.data.duplicate ? t('recordedDuplicate') : t('recorded'));
    }

    const on = (type: string, fn: (e: Event) => void) => win.addEventListener(type, fn, { capture: true, signal });
    const cancel = () => {
      const p = latest.get(ctx);
      if (p) p.cancelled = true;
    };
    on('click', (e) => {
      const target = e.target as Element;
      if (!state() || ctx.ours(e) || !target?.closest) return;
      if (adapter.findButton(doc, texts().buttons.submit ?? [])?.contains(target)) return guard(e);
      const btn = target.closest('button,[role=button],a');
      if (target.matches(MODAL_OUTSIDE) || btn?.matches(MODAL_CLOSE) || CANCEL.test(squash(btn?.textContent ?? ''))) cancel();
    });
    on('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && !ctx.ours(e) && cancel());
    // The warning follows its button when the page scrolls or resizes.
    const follow = () => {
      const s = state();
      if (s?.warning && warnedAt?.isConnected) {
        s.warning = { ...s.warning, anchor: anchorOf(warnedAt) };
        ctx.queueRender();
      }
    };
    on('scroll', follow);
    on('resize', follow);
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
        // 去补充: the warning closes and the panel, open, shows the checklist of what is missing.
        addEvidence: () => {
          update((s) => (s.warning = undefined));
          if (ctx.collapsed()) ctx.toggle();
        },
        submitAnyway: submitAnyway_,
      },
    };
  },
};
