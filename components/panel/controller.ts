/*
 * The content script's logic: which page this is, reading it, keeping the panel and the cases in
 * step with it, the submit guard and the 确认退款 watch. The entrypoint only wires it to the
 * browser (entrypoints/merchant.content/index.tsx); tests drive it with a happy-dom window and a
 * fake client.
 *
 * Work on the page, by design:
 * - a route the extension does not serve: a URL check on navigation only (Navigation API in
 *   Chromium; elsewhere a MutationObserver whose callback only compares `location.href`);
 * - a served route: one MutationObserver on <body>. Until the page shows its order (or list) after
 *   a navigation, a change of the page is read at once (the panel is ready as soon as the page
 *   is); after that, changes are read debounced. The page's input/change events (capture) on the
 *   form are read debounced too; no polling, nothing patched. The panel re-renders only when
 *   what was read changed.
 *
 * Written as a closure rather than a class: local names minify, member names would not, and
 * the content script has a 30 KB gzip budget (SPEC §7).
 */
import { h, render } from 'preact';
import { translator, type Locale } from '../../lib/i18n';
import { parseMoney } from '../../lib/money';
import type { PageKind, RefundType, SnapshotField } from '../../lib/order';
import type { RefundCase } from '../../lib/cases/schema';
import { STATUS_LABELS, attention, type NewCaseInput } from '../../lib/cases/model';
import { TERMINAL_STATUSES } from '../../lib/cases/status';
import { refundAmount, shippingPayer } from '../../lib/rules/evaluate';
import type { RuleSet } from '../../lib/rules/schema';
import type { FillValues, SiteAdapter } from '../../lib/sites/adapter';
import { parseId } from '../../lib/sites/kuaishou/values';
import { isServed } from '../../lib/sites/kuaishou/routes';
import { isHidden, squash } from '../../lib/sites/dom/text';
import type { SiteTexts } from '../../lib/sites/texts';
import { chipContainer, removeChips, upsertChip, CHIP_TAG } from '../common/chip';
import type { Observation, PanelClient } from './client';
import { decideSubmit } from './guard';
import { choosePlacement, createHost, HOST_TAG, type PanelHost } from './host';
import { buildModel, effectiveOrder, effectiveRefundType, emptyState, evidenceOf, inputKindOf, proposedRemark, type PageState } from './model';
import { Panel, type PanelActions } from './Panel';
import { STRINGS, type StringKey } from './strings';

export interface HelperDeps {
  win: Window & typeof globalThis;
  adapter: SiteAdapter;
  client: PanelClient;
  locale: Locale;
  /** The collapsed state remembered in browser.storage.local (`panelCollapsed`). */
  loadCollapsed?: () => Promise<boolean>;
  saveCollapsed?: (collapsed: boolean) => void;
  /** Subscribe to rule changes in storage; returns an unsubscribe. */
  watchRules?: (onChange: () => void) => () => void;
  /** Debounce of page reads, ms (default 60). */
  debounceMs?: number;
}

export interface Helper {
  stop(): void;
  /** Read the page now (tests; otherwise mutations schedule it). */
  read(): void;
}

/** Routes the panel serves: the URL check that runs before anything else. */
export const servedPath = isServed;

const MODAL = '.ant-modal-wrap,[role=dialog],.ant-popover';
const OK_TEXTS = ['确定', '确认', '好的', 'OK'];
const SUCCESS = '.ant-message-success,.ant-result-success';
/** How long after an allowed submit the page's success may still be recognised. */
const SUBMIT_WINDOW = 20_000;


export function startHelper(deps: HelperDeps): Helper {
  const { win, adapter, client, locale } = deps;
  const doc = win.document;
  const now = Date.now;
  const t = translator(STRINGS, locale);
  const texts = () => rules?.sites.kuaishou as SiteTexts;
  const timeout = (fn: () => void, ms: number) => win.setTimeout(fn, ms);

  /** Undefined until the background answers: the form helper and the guard wait for them. */
  let rules: RuleSet | undefined;
  let rulesWarning: string | undefined;
  let rulesTries = 0;
  let collapsed = false;
  let host: PanelHost | undefined;
  let state: PageState | undefined;
  let href = '';
  let orderKey = '';
  let observer: MutationObserver | undefined;
  let navObserver: MutationObserver | undefined;
  let readTimer: number | undefined;
  let maxTimer: number | undefined;
  /** Reads still done at once on a change of the page: until it shows the order after a navigation (at most a few). */
  let eager = 0;
  /** The URL changed and the new page was not read yet. */
  let navigated = false;
  let renderQueued = false;
  let layoutQueued = false;
  let stopped = false;
  let lastSig = '';
  let lastReport = '';
  let formOpenedAt = 0;
  let warnedOnce = false;
  let lastGuard: { at: number; allowed: boolean } | undefined;
  let pending: { input: NewCaseInput; submitId: string; at: number; url: string } | undefined;
  let confirmFor: { orderId: string; timer: number; ok: boolean; modal: boolean } | undefined;
  const orderUrls: Record<string, string> = {};
  const cleanups: Array<() => void> = [];

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions | boolean) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  const ours = (e: Event) => e.composedPath().some((n) => (n as Node).nodeName === HOST_TAG.toUpperCase());
  const isOurNode = (n: Node | null) => !!n && (n.nodeName === CHIP_TAG.toUpperCase() || n.nodeName === HOST_TAG.toUpperCase());

  function notice(tone: 'info' | 'error' | 'success', text: string) {
    if (!state) return;
    state.notices = [{ tone, text }];
    queueRender();
  }
  const failNotice = (error: { 'zh-CN': string; en: string }) => notice('error', t('actionFailed', { detail: error[locale] }));

  // -------------------------------------------------------------------------------------------
  // Rules

  async function loadRules() {
    const res = await client.getRules();
    if (stopped) return;
    if (res.ok) {
      rules = res.data.rules;
      rulesWarning = res.data.warning?.[locale];
    } else if (!rules) {
      // A service worker still starting: ask again shortly, a few times.
      if (++rulesTries < 4) timeout(() => void loadRules(), 500 * rulesTries);
      return;
    } else rulesWarning = res.error[locale];
    // Texts or evidence rules may have changed: read again.
    lastSig = lastReport = '';
    route();
    queueRender();
  }

  // -------------------------------------------------------------------------------------------
  // Navigation

  const onMaybeNavigated = () => {
    if (win.location.href !== href) route();
  };

  /**
   * The URL changed, or the page rendered: decide what this page is and (un)mount the panel.
   * `rendered`: called for a change of the page (the DOM shows the new URL's page already).
   */
  function route(rendered?: boolean) {
    if (stopped) return;
    const url = new URL(win.location.href);
    const changed = url.href !== href;
    if (changed) {
      navigated = true;
      // A submit followed by leaving the form is the page accepting it.
      if (pending && href === pending.url && now() - pending.at < SUBMIT_WINDOW) void recordPending();
      href = url.href;
      warnedOnce = false;
      lastGuard = undefined;
    }
    if (!adapter.matches(url) || !servedPath(url)) {
      unmount();
      // Unserved route: only follow navigation, as cheaply as the browser allows.
      observer?.disconnect();
      observer = undefined;
      if (!(win as { navigation?: unknown }).navigation && !navObserver) {
        navObserver = new win.MutationObserver(onMaybeNavigated);
        navObserver.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
      }
      return;
    }
    navObserver?.disconnect();
    navObserver = undefined;
    if (!texts()) return; // loadRules routes again when the rules arrive
    if (!observer) {
      observer = new win.MutationObserver(onMutations);
      observer.observe(doc.body ?? doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['class', 'style', 'hidden', 'value', 'aria-hidden', 'title'],
      });
    }
    if (changed && !rendered && state) {
      // The app has not rendered the new URL's page yet (the DOM is the old page's): the panel
      // forgets the old page at once, and the new page's first change is read at once (reset
      // makes the reads eager); without any, the debounced read looks.
      reset(state.kind);
      return scheduleRead();
    }
    // Read now: the page just changed, or the rules came after it rendered.
    read();
  }

  function reset(kind: PageKind) {
    state = emptyState(kind);
    if (rulesWarning) state.notices.push({ tone: 'info', text: rulesWarning });
    lastSig = lastReport = orderKey = '';
    eager = 8;
    formOpenedAt = now();
    // A new page: its panel (loading until read) replaces the old one's.
    queueRender();
    if (kind !== 'order-list') removeChips(doc);
  }

  function onMutations(records: MutationRecord[]) {
    if (win.location.href !== href) return route(true);
    // Our own chips and host do not count as the page changing.
    const relevant = records.some(
      (r) =>
        !isOurNode(r.target) &&
        !(r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isOurNode)),
    );
    if (!relevant) return host?.ensureAttached();
    if (!state) return route(true);
    checkPending();
    watchConfirm();
    if (eager > 0) {
      eager--;
      read();
    } else scheduleRead();
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /** Debounced; a burst of mutations (a countdown on the page) still reads every 250 ms at least. */
  function scheduleRead() {
    if (stopped) return;
    win.clearTimeout(readTimer);
    readTimer = timeout(read, deps.debounceMs ?? 60);
    maxTimer ??= timeout(read, 250);
  }

  /** Read the page (a new one after a navigation) and render what changed. */
  function read() {
    win.clearTimeout(readTimer);
    win.clearTimeout(maxTimer);
    readTimer = maxTimer = undefined;
    if (stopped) return;
    const url = new URL(win.location.href);
    const kind = texts() && adapter.pageKind(url, doc, texts());
    if (!kind) {
      // Not rendered enough to tell yet; the observer calls back when it is.
      if (navigated) unmount();
      navigated = false;
      return;
    }
    if (navigated || state?.kind !== kind) reset(kind);
    navigated = false;
    mount();
    const s = state!;
    try {
      if (kind === 'refund-list') readRefundList(s);
      else if (kind === 'order-list') readOrderList(s);
      else {
        const read = adapter.readOrder(doc, texts(), url, now());
        const form = kind === 'refund-form' ? adapter.readForm(doc, texts()) : undefined;
        const o = read.snapshot;
        // The page shows the order (not only the URL's number): later changes are read debounced.
        if (o.orderId && (o.statusText || o.paidAmount !== undefined || o.refundAmount !== undefined)) eager = 0;
        const sig = JSON.stringify([{ ...o, readAt: 0 }, read.afterSaleStatus, form]);
        if (sig !== lastSig) {
          lastSig = sig;
          s.read = read;
          s.form = form;
          onOrderRead(s);
          queueRender();
        }
      }
    } catch (err) {
      // Reading never throws into the page; say what happened instead.
      notice('error', String(err instanceof Error ? err.message : err));
    }
    checkPending();
    placeSoon();
  }

  function onOrderRead(s: PageState) {
    // A page re-rendering (loading state) shows no order for a moment: the order coming back is
    // fetched again, so nothing written meanwhile is missed.
    const key = effectiveOrder(s).orderId ?? '';
    if (key !== orderKey) {
      orderKey = key;
      if (key && s.kind === 'order-detail') orderUrls[key] = win.location.href;
      if (key) void fetchCase(key);
    }
    const seen = s.read?.afterSaleStatus;
    const { orderId, afterSaleId } = s.read!.snapshot;
    if (seen && (orderId || afterSaleId)) {
      // The reply names the cases the status moved: this order's, if it did, is the one to show.
      void report([{ orderId, afterSaleId, status: seen }], (r) => {
        const moved = r.changes.find((ch) => ch.case.orderId === orderId);
        if (moved) setCase(moved.case);
      });
    }
  }

  function readRefundList(s: PageState) {
    const refunds = adapter.readRefundList(doc, texts());
    if (refunds.length) eager = 0;
    const sig = JSON.stringify(refunds.map((r) => [r.orderId, r.afterSaleId, r.status]));
    if (sig === lastSig) return;
    lastSig = sig;
    s.refunds = refunds;
    const obs: Observation[] = refunds
      .filter((r) => r.status && (r.orderId || r.afterSaleId))
      .map((r) => ({ orderId: r.orderId, afterSaleId: r.afterSaleId, status: r.status! }));
    // The background answers how many listed refunds it tracks and which it moved (no per-row look-ups).
    void report(obs, (r) => {
      s.listTracked = r.matched;
      s.listUpdated = r.changes.length;
    });
    queueRender();
  }

  function readOrderList(s: PageState) {
    const orders = adapter.readOrderList(doc, texts());
    if (orders.length) eager = 0;
    const sig = JSON.stringify(orders.map((o) => o.orderId));
    s.orders = orders;
    if (sig === lastSig) return renderChips(s); // same orders; rows may have re-rendered
    lastSig = sig;
    void fetchListCases(
      s,
      orders.map((o) => o.orderId).slice(0, 100),
    ).then(() => renderChips(s));
    queueRender();
  }

  function renderChips(s: PageState) {
    if (s !== state || !s.orders) return;
    for (const o of s.orders) {
      const c = s.listCases?.[o.orderId];
      if (!c) continue;
      const label = STATUS_LABELS[c.status][locale];
      upsertChip(chipContainer(o.row, o.orderId), {
        orderId: o.orderId,
        status: c.status,
        label: `${t('title')}·${label}`,
        title: `${t('field.caseStatus')}: ${label}`,
        tone: attention(c, now()) ? 'attention' : TERMINAL_STATUSES.includes(c.status) ? 'done' : 'normal',
      });
    }
  }

  async function report(observations: Observation[], then: (result: { changes: Array<{ case: RefundCase }>; matched: number }) => unknown) {
    const sig = JSON.stringify(observations);
    if (observations.length && sig !== lastReport) {
      lastReport = sig;
      // JSON drops the undefined ids.
      const res = await client.reportPage(JSON.parse(sig), win.location.href);
      if (stopped) return;
      if (!res.ok) {
        lastReport = '';
        failNotice(res.error);
      }
      if (res.ok) await then(res.data);
    } else if (!observations.length) await then({ changes: [], matched: 0 });
    queueRender();
  }

  /**
   * Answers can cross: a read started before a write may come back after it. A case never goes
   * back to an older revision of itself.
   */
  function setCase(c: RefundCase | null) {
    const cur = state?.caseRec;
    if (!state || (cur && (!c || (c.id === cur.id && c.rev < cur.rev)))) return;
    state.caseRec = c;
    // Still no case (not loaded → none) shows the same panel: no render.
    if (cur || c) queueRender();
  }

  async function fetchCase(orderId: string) {
    const res = await client.getCase(orderId);
    if (stopped || !state) return;
    if (!res.ok) return failNotice(res.error);
    if (effectiveOrder(state).orderId === orderId) setCase(res.data);
  }

  /** One round trip for the whole list. */
  async function fetchListCases(s: PageState, orderIds: string[]) {
    const res = await client.getCases(orderIds);
    s.listCases = res.ok ? res.data : {};
    queueRender();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  /** Attach the panel; a new one renders (an attached one re-renders only when its model changes). */
  function mount() {
    if (host) return host.ensureAttached();
    host = createHost(doc);
    queueRender();
  }

  function unmount() {
    if (host) {
      render(null, host.mount);
      host.remove();
      host = undefined;
    }
    removeChips(doc);
    state = undefined;
    orderKey = '';
  }

  function queueRender() {
    if (renderQueued || stopped) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      renderNow();
    });
  }

  function renderNow() {
    if (stopped || !host || !state) return;
    render(h(Panel, { model: buildModel(state, rules, locale, now()), collapsed, actions }), host.mount);
  }

  /**
   * In the next frame, at most once a frame: after the panel's render, so measuring the buttons
   * costs the frame's one layout (right after a read it would force one, and the render another).
   */
  function placeSoon() {
    if (!host || layoutQueued) return;
    layoutQueued = true;
    win.requestAnimationFrame(() => {
      layoutQueued = false;
      place();
    });
  }

  /** Keep the panel off the page's own action buttons (see choosePlacement). */
  function place() {
    if (!host) return;
    const { submit, confirmRefund, applyRefund } = texts().buttons;
    const rects = [submit, confirmRefund, applyRefund]
      .map((labels) => adapter.findButton(doc, labels ?? [])?.getBoundingClientRect())
      .filter((r): r is DOMRect => !!r && r.width > 0);
    host.place(choosePlacement({ width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight }, collapsed ? 40 : 320, rects));
  }

  // -------------------------------------------------------------------------------------------
  // The merchant's actions in the panel

  const update = (fn: (s: PageState) => void) => {
    if (!state) return;
    fn(state);
    renderNow();
  };

  const actions: PanelActions = {
    toggle() {
      collapsed = !collapsed;
      deps.saveCollapsed?.(collapsed);
      const active = host?.shadow.activeElement;
      renderNow();
      // Esc from inside the body lands on the toggle, so the focus stays in the panel.
      if (collapsed && active) (host?.shadow.querySelector('[data-rh="toggle"]') as HTMLElement | null)?.focus();
      place();
    },
    provide,
    setRefundType: (type) => update((s) => (s.choice.refundType = type)),
    // A new reason brings its own remark template (an edited remark belongs to the old reason).
    setReason: (id) => update((s) => (s.choice = { ...s.choice, reasonId: id || undefined, remark: undefined })),
    setRemark: (text) => update((s) => (s.choice.remark = text)),
    fill: () => void fill(),
    tick: (id) => update((s) => (s.ticked = s.ticked.includes(id) ? s.ticked.filter((x) => x !== id) : [...s.ticked, id])),
    dismissWarning: () => update((s) => (s.warning = undefined)),
    copySupport: (text) =>
      void copyText(win)(text).then((ok) => {
        notice(ok ? 'success' : 'error', t(ok ? 'copied' : 'copyFailed'));
      }),
    contactSupport: () => void caseAction('contact-support'),
  };

  /** A value the merchant typed for a field the page did not show; checked, never guessed. */
  function provide(field: SnapshotField, raw: string) {
    const s = state;
    if (!s) return;
    const text = raw.trim();
    const kind = inputKindOf(field);
    let error: string | undefined;
    let value: string | number | undefined;
    if (!text) error = t('missingEmpty');
    else if (kind === 'money') {
      const m = parseMoney(text);
      if (!m.ok) error = m.reason[locale];
      else if (m.fen < 0) error = t('missingNegative');
      else value = m.fen;
    } else if (kind === 'status') value = text; // a choice of the panel's own <select>
    else if (field === 'orderId' || field === 'afterSaleId' || field === 'trackingNo') {
      // As the page's numbers are read (lib/sites/kuaishou/values.ts parseId): the whole text one number.
      if (parseId(text) === text) value = text;
      else error = t('missingBadId');
    } else value = text.slice(0, 64);
    s.typedErrors = { ...s.typedErrors, [field]: error };
    if (value !== undefined) {
      s.typed = { ...s.typed, [field]: value };
      if (field === 'orderId') void fetchCase((orderKey = value as string));
    }
    renderNow();
  }

  async function fill() {
    const s = state;
    if (!s || s.kind !== 'refund-form' || s.filling || !rules) return;
    const order = effectiveOrder(s);
    const refundType: RefundType = s.choice.refundType ?? effectiveRefundType(s);
    const reason = rules.reasons.find((r) => r.id === s.choice.reasonId);
    const amount = refundAmount(order).amount;
    const values: FillValues = { refundType };
    if (reason) {
      values.reasonLabels = reasonTexts(reason);
      values.remark = proposedRemark(rules, s);
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
      const r = await adapter.fillForm(doc, texts(), values);
      s.fillReport = { filled: r.filled, failed: r.failed.map((f) => ({ field: f.field, reason: f.reason[locale] })) };
    } catch (err) {
      s.fillReport = { filled: [], failed: [{ field: 'remark', reason: String(err) }] };
    }
    s.filling = false;
    lastSig = '';
    read();
    renderNow();
  }

  async function caseAction(action: 'contact-support' | 'confirm', orderId = state && effectiveOrder(state).orderId) {
    if (!orderId) return;
    // The case the panel shows is the order's; only a row of the refund list needs looking up.
    let c: RefundCase | null | undefined = state?.caseRec?.orderId === orderId ? state.caseRec : undefined;
    if (!c) {
      const got = await client.getCase(orderId);
      c = got.ok ? got.data : undefined;
    }
    if (!c) return;
    const res = await client.caseAction(c.id, action);
    if (stopped || !state) return;
    if (!res.ok) return failNotice(res.error);
    if (state.caseRec?.orderId === orderId || effectiveOrder(state).orderId === orderId) setCase(res.data);
    if (action === 'confirm') notice('success', t('confirmRecorded'));
    queueRender();
  }

  // -------------------------------------------------------------------------------------------
  // The page's buttons: the submit guard and 确认退款

  function onClick(e: Event) {
    const target = e.target as Element;
    if (!state || ours(e) || !target?.closest) return;
    if (confirmFor && target.closest(MODAL)) onModalClick(target);
    if (state.kind === 'refund-form') {
      if (adapter.findButton(doc, texts().buttons.submit ?? [])?.contains(target)) guard(e);
      return;
    }
    const btn = target.closest('button,[role=button],a,.ant-btn');
    if (btn && !btn.closest(MODAL) && (texts().buttons.confirmRefund ?? []).some((x) => squash(x) === squash(btn.textContent ?? ''))) {
      onConfirmClick(btn);
    }
  }

  function onSubmit(e: Event) {
    if (state?.kind !== 'refund-form' || ours(e)) return;
    // A click on the submit button already decided for this submit (Enter in a field clicks it too).
    if (lastGuard && now() - lastGuard.at < 1000) {
      if (!lastGuard.allowed) stop(e);
    } else guard(e);
  }

  /** One submit attempt: let it through, or stop it and say what is missing (guard.ts). */
  function guard(e: Event) {
    const s = state!;
    // Read the form now: the last debounced read may be a moment old.
    s.form = adapter.readForm(doc, texts());
    const complete = evidenceOf(rules!, s).complete;
    const mode = rules!.submit.onMissingEvidence;
    const decision = decideSubmit({ complete, mode, warnedBefore: warnedOnce });
    lastGuard = { at: now(), allowed: decision === 'allow' };
    if (decision === 'allow') {
      s.warning = undefined;
      preparePending(s);
    } else {
      stop(e);
      if (decision === 'warn') warnedOnce = true;
      s.warning = { mode: decision };
      if (collapsed) actions.toggle();
    }
    renderNow();
  }

  /** The case to record once the page accepts the application. */
  function preparePending(s: PageState) {
    const order = effectiveOrder(s);
    if (!order.orderId) return;
    const form = s.form!;
    const refundType = effectiveRefundType(s);
    const reasonId = s.choice.reasonId ?? reasonFromPage(form.reasonText) ?? 'other';
    const input: NewCaseInput = {
      orderId: order.orderId,
      refundType,
      reasonId,
      remark: form.remark?.slice(0, 2000),
      paidAmount: order.paidAmount,
      refundAmount: refundAmount(order, form.amountFen).amount,
      trackingNo: form.trackingNo?.slice(0, 64),
      courier: form.courier?.slice(0, 64),
      shippingPayer: refundType === 'return-refund' && rules ? shippingPayer(rules, reasonId).payer : undefined,
      orderUrl: (orderUrls[order.orderId] ?? win.location.href).slice(0, 2048),
    };
    pending = {
      // JSON drops the absent fields (the background's schema is strict about shapes).
      input: JSON.parse(JSON.stringify(input)),
      // Stable across double clicks and re-renders: one opening of the form, one case.
      submitId: `${order.orderId}-${formOpenedAt}`,
      at: now(),
      url: win.location.href,
    };
  }

  function reasonFromPage(text: string | undefined): string | undefined {
    const key = text && squash(text);
    if (!key) return undefined;
    return rules?.reasons.find((r) => reasonTexts(r).some((l) => squash(l) && key.includes(squash(l))))?.id;
  }

  /**
   * After an allowed submit: the page's success message (or leaving the form, see route) records
   * the case; a page that refuses the application shows neither, and the pending record lapses.
   */
  function checkPending() {
    if (!pending) return;
    if (now() - pending.at > SUBMIT_WINDOW) pending = undefined;
    else if (shown(doc, SUCCESS)) void recordPending();
  }

  async function recordPending() {
    const p = pending;
    if (!p) return;
    pending = undefined;
    const res = await client.recordSubmit(p.input, p.submitId);
    if (stopped) return;
    if (!res.ok) return failNotice(res.error);
    if (state && effectiveOrder(state).orderId === p.input.orderId) setCase(res.data.case);
    notice('success', res.data.duplicate ? t('recordedDuplicate') : t('recorded'));
  }

  /**
   * 确认退款 clicked. When the page asks for confirmation in a modal, the case is confirmed once the
   * modal closes after a click on its OK button (so a failed confirmation that keeps the modal open
   * does not count); cancel, ×, the mask or Esc close it without that click, which drops it. With
   * no modal after a moment, the click
   * itself counts.
   */
  function onConfirmClick(btn: Element) {
    const s = state!;
    const row = s.kind === 'refund-list' ? (s.refunds ?? []).find((r) => r.row.contains(btn)) : undefined;
    const orderId = row?.orderId ?? effectiveOrder(s).orderId;
    if (!orderId) return;
    dropConfirm();
    const pc = {
      orderId,
      ok: false,
      modal: false,
      timer: timeout(() => {
        if (confirmFor === pc && !pc.modal && !shown(doc, MODAL)) {
          confirmFor = undefined;
          void caseAction('confirm', orderId);
        }
      }, 400),
    };
    confirmFor = pc;
  }

  function onModalClick(target: Element) {
    const pc = confirmFor!;
    pc.modal = true;
    const btn = target.closest('button,[role=button],.ant-btn');
    if (btn && !btn.matches('.ant-modal-close') && (btn.matches('.ant-btn-primary') || OK_TEXTS.includes(squash(btn.textContent ?? '')))) pc.ok = true;
    // Any other button (取消, ×) or the mask closes the modal without confirming.
    else if (btn || target.matches('.ant-modal-wrap,.ant-modal-mask')) dropConfirm();
  }

  /** On page changes while a confirmation is pending: the modal opened, or closed. */
  function watchConfirm() {
    const pc = confirmFor;
    if (!pc) return;
    if (shown(doc, MODAL)) pc.modal = true;
    else if (pc.modal) {
      dropConfirm();
      if (pc.ok) void caseAction('confirm', pc.orderId);
    }
  }

  function dropConfirm() {
    if (confirmFor) win.clearTimeout(confirmFor.timer);
    confirmFor = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Start

  listen(win, 'click', onClick, true);
  listen(win, 'submit', onSubmit, true);
  const onInput = (e: Event) => state?.kind === 'refund-form' && !ours(e) && scheduleRead();
  listen(win, 'input', onInput, true);
  listen(win, 'change', onInput, true);
  listen(win, 'popstate', onMaybeNavigated);
  // At most once a frame, and only while the panel is shown.
  listen(win, 'resize', placeSoon, { passive: true });
  listen(win, 'scroll', placeSoon, { passive: true, capture: true });
  // Chromium: same-document navigations (the page's pushState included) without observing the DOM.
  const nav = (win as { navigation?: EventTarget }).navigation;
  if (nav?.addEventListener) listen(nav, 'currententrychange', onMaybeNavigated);
  if (deps.watchRules) cleanups.push(deps.watchRules(() => void loadRules()));
  void loadRules();
  void deps.loadCollapsed?.().then((c) => {
    if (c !== collapsed) {
      collapsed = c;
      queueRender();
    }
  });
  route();

  return {
    stop() {
      if (stopped) return;
      unmount();
      stopped = true;
      for (const c of cleanups.splice(0)) c();
      observer?.disconnect();
      navObserver?.disconnect();
      [readTimer, maxTimer, confirmFor?.timer].forEach((x) => win.clearTimeout(x));
    },
    read,
  };
}

/** "不想要了/七天无理由": the whole label, then each part (as the page's options may print it). */
function reasonTexts(reason: RuleSet['reasons'][number]): string[] {
  const zh = reason.label['zh-CN'];
  return [...new Set([zh, ...zh.split('/').map((x) => x.trim())])].filter(Boolean);
}

function stop(e: Event) {
  e.preventDefault();
  e.stopImmediatePropagation();
}

/** A shown element matching the selector (attribute checks only: no layout). */
function shown(doc: Document, selector: string): boolean {
  return Array.from(doc.querySelectorAll(selector)).some((el) => !isHidden(el));
}

/**
 * Copy with the async Clipboard API. It needs a secure context: on plain http (the demo) the
 * merchant selects the message, which is focusable, and copies it by hand.
 */
function copyText(win: Window) {
  return (text: string): Promise<boolean> =>
    win.isSecureContext && win.navigator.clipboard
      ? win.navigator.clipboard.writeText(text).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
}
