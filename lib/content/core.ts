/*
 * The panel's runtime on a served page: the core. It owns navigation, observation, read
 * scheduling, the page state, the host element and rendering; what a page shows and does is in
 * the page features (./features/), each active on its page kinds and cleaned up through its
 * AbortSignal when the page changes; what it tells the background about cases, and the case it
 * shows, are ./case-sync.ts. The view comes in as `render` (the entrypoint mounts
 * components/panel), so nothing here imports a view; tests hand the core a happy-dom window, a
 * fake client and the real view.
 *
 * Work on the page, by design:
 * - a route the extension does not serve: a URL check on navigation only (Navigation API in
 *   Chromium; elsewhere a MutationObserver whose callback only compares `location.href`);
 * - a served route: one MutationObserver on <body>. Until the page shows its order (or list) after
 *   a navigation, a change of the page is read at once (the panel is ready as soon as the page
 *   is), but what it finds is not shown while the page is still rendering (up to `holdMs`: no
 *   order yet is not every field missing); after that, changes are read debounced. No polling,
 *   nothing patched. The panel re-renders only when what was read changed.
 *
 * Written as closures rather than classes: local names minify, member names would not, and the
 * panel's runtime has a 30 KB gzip budget.
 */
import { translator, type LocalText } from '../i18n';
import type { PageKind } from '../order';
import type { OrderAdvice } from '../cases/shown';
import type { RuleSet } from '../rules/schema';
import { MODAL_OUTSIDE } from '../sites/dom/antd';
import { isServed } from '../sites/kuaishou/routes';
import type { SiteTexts } from '../sites/texts';
import { CHIP_TAG } from './chip';
import type { CoreDeps, Ctx, Helper, Hooks } from './context';
import { type CaseSync, createCaseSync } from './case-sync';
import { copyText } from './clipboard';
import { createDock } from './dock';
import { createHost, HOST_TAG, type PanelHost, panelWidth } from './host';
import { emptyState, type PageState, type PanelActions } from './model';
import { STRINGS } from './strings';

export type { CoreDeps, Ctx, Feature, Helper, Hooks, PanelProps } from './context';

export function startCore(deps: CoreDeps): Helper {
  const { win, adapter, client, locale } = deps;
  const doc = win.document;
  const now = Date.now;
  const t = translator(STRINGS, locale);
  const texts = () => rules?.sites.kuaishou as SiteTexts;
  const timeout = (fn: () => void, ms: number) => win.setTimeout(fn, ms);

  let rules: RuleSet | undefined;
  /** The advice per order status in words (the background's, with the rules). */
  let advice: OrderAdvice | undefined;
  let rulesWarning: string | undefined;
  let rulesTries = 0;
  let host: PanelHost | undefined;
  const dock = createDock(
    win,
    () => host,
    () => renderNow(),
    deps.saveLayout,
  );
  let state: PageState | undefined;
  let href = '';
  let observer: MutationObserver | undefined;
  let navObserver: MutationObserver | undefined;
  let readTimer: number | undefined;
  let maxTimer: number | undefined;
  /** Reads still done at once on a change of the page: until it shows the order after a navigation (at most a few). */
  let eager = 0;
  /**
   * A new page's first moments (`holdMs`): until it shows its order (or has changed as often as
   * `eager` allows), it is still rendering, and what a read finds there (no order yet: every
   * field missing) is not shown. Showing it cost a full render of the missing fields' forms, soon
   * replaced, and flashed them at the merchant.
   */
  let held = false;
  /** The URL changed and the new page was not read yet. */
  let navigated = false;
  let renderQueued = false;
  let stopped = false;
  let gen = 0;
  /** The current page's features: their hooks and the controller that ends them. */
  let page: { abort: AbortController; hooks: Hooks[]; actions: Partial<PanelActions> } | undefined;
  let watchers: Array<(left?: string) => boolean> = [];
  const cleanups: Array<() => void> = [];

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions | boolean) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };
  const ours = (e: Event) => e.composedPath().some((n) => (n as Node).nodeName === HOST_TAG.toUpperCase());
  const isOurNode = (n: Node | null) => !!n && (n.nodeName === CHIP_TAG.toUpperCase() || n.nodeName === HOST_TAG.toUpperCase());
  const runWatchers = (left?: string) => {
    watchers = watchers.filter((w) => !w(left));
  };

  function notice(tone: 'info' | 'error' | 'success', text: string) {
    if (!state) return;
    state.notices = [{ tone, text }];
    queueRender();
  }
  const failNotice = (error: LocalText) => notice('error', t('actionFailed', { detail: error[locale] }));

  // -------------------------------------------------------------------------------------------
  // Rules

  async function loadRules() {
    const res = await client.getRules();
    if (stopped) return;
    if (res.ok) {
      rules = res.data.rules;
      advice = res.data.advice;
      rulesWarning = res.data.warning?.[locale];
    } else if (!rules) {
      // A service worker still starting: ask again, waiting a little longer each time (up to 5 s),
      // for as long as the page is open. Without the rules the page cannot be read, and giving up
      // after a few tries left the panel empty for good (seen in CI, with the debugger attached
      // to every target).
      rulesTries++;
      timeout(() => void loadRules(), Math.min((deps.retryMs ?? 500) * rulesTries, 5_000));
      return;
    } else rulesWarning = res.error[locale];
    // Texts or evidence rules may have changed: read again.
    gen++;
    unreport();
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
      const left = href;
      href = url.href;
      runWatchers(left);
    }
    if (!isServed(url)) {
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

  /** A new page: its state, its features, its panel (loading until read) replacing the old one's. */
  function reset(kind: PageKind) {
    state = emptyState(kind);
    dock.fresh();
    if (rulesWarning) state.notices.push({ tone: 'info', text: rulesWarning });
    unreport();
    eager = 8;
    held = true;
    // A page that never shows its order is shown as it is (its missing fields) after the hold.
    timeout(() => {
      held = false;
      if (eager) read();
    }, deps.holdMs ?? 1000);
    page?.abort.abort();
    const abort = new AbortController();
    const hooks = deps.features.flatMap((f) => (f.kinds.includes(kind) && f.init(ctx, abort.signal)) || []);
    page = { abort, hooks, actions: Object.assign({}, ...hooks.map((x) => x.actions)) };
    queueRender();
  }

  function onMutations(records: MutationRecord[]) {
    if (win.location.href !== href) return route(true);
    // Our own chips and host do not count as the page changing.
    const relevant = records.some(
      (r) => !isOurNode(r.target) && !(r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isOurNode)),
    );
    if (!relevant) return host?.ensureAttached();
    if (!state) return route(true);
    runWatchers();
    page?.hooks.forEach((x) => x.change?.());
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

  /** Read the page (a new one after a navigation): each feature reads what it shows. */
  function read() {
    win.clearTimeout(readTimer);
    win.clearTimeout(maxTimer);
    readTimer = maxTimer = undefined;
    if (stopped) return;
    const kind = texts() && adapter.pageKind(new URL(win.location.href), doc, texts());
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
      for (const x of page!.hooks) x.read?.(s);
    } catch (err) {
      // Reading never throws into the page; say what happened instead.
      notice('error', String(err instanceof Error ? err.message : err));
    }
    runWatchers();
    dock.fitSoon();
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  /** Attach the panel; a new one renders (an attached one re-renders only when its model changes). */
  function mount() {
    if (host) return host.ensureAttached();
    host = createHost(doc, deps.css, MODAL_OUTSIDE);
    dock.apply();
    queueRender();
  }

  function unmount() {
    state = undefined;
    page?.abort.abort();
    page = undefined;
    if (host) {
      deps.render(host.mount, null);
      host.remove();
      host = undefined;
    }
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
    deps.render(host.mount, {
      model: deps.model({ state, rules, locale, now: now(), advice }),
      layout: dock.shown(),
      actions: { ...actions, ...page?.actions } as PanelActions,
    });
  }

  function toggle() {
    const active = host?.shadow.activeElement;
    dock.set({ collapsed: !dock.layout().collapsed });
    // Esc from inside the body lands on the collapse button, so the focus stays in the panel.
    if (dock.layout().collapsed && active) (host?.shadow.querySelector('[data-rh="collapse"]') as HTMLElement | null)?.focus();
  }

  // The others come from the page's features; the view offers each only where its feature runs.
  const actions: Partial<PanelActions> = {
    toggle,
    dock: (side) => dock.set({ side }),
    // The advice's action: the page's own control, brought into view and focused (nothing clicked).
    reveal: (key) => {
      const labels = texts().buttons[key] ?? [];
      const el = adapter.findButton(doc, labels) as HTMLElement | null;
      if (!el) return notice('error', t('noControl', { name: labels[0] ?? key }));
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    },
    // While dragging: shown at once, remembered when the merchant lets go.
    resize: (width, done) => dock.set({ width: panelWidth({ ...dock.layout(), width }, win.innerWidth) }, done),
    copySupport: (text) =>
      void copyText(win)(text).then((ok) => {
        notice(ok ? 'success' : 'error', t(ok ? 'copied' : 'copyFailed'));
      }),
    contactSupport: () => void ctx.caseAction('contact-support'),
    openCases: () => void client.openCases(state?.caseRec?.id).then((r) => r.ok || failNotice(r.error)),
  };

  const base: Omit<Ctx, keyof CaseSync> = {
    win,
    doc,
    adapter,
    client,
    locale,
    t,
    now,
    rules: () => rules,
    texts,
    state: () => state,
    collapsed: () => dock.layout().collapsed,
    orderUrls: {},
    watch: (fn) => watchers.push(fn),
    ready: () => (eager = 0),
    rendering: () => held && eager > 0,
    generation: () => gen,
    forget: () => gen++,
    scheduleRead,
    read,
    queueRender,
    renderNow,
    toggle,
    notice,
    failNotice,
    ours,
  };
  const { unreport, stop: stopCases, ...sync } = createCaseSync(base);
  const ctx: Ctx = Object.assign(base, sync);

  // -------------------------------------------------------------------------------------------
  // Start

  listen(win, 'popstate', onMaybeNavigated);
  // The panel's width follows the window's (at most half of it): no layout is read.
  listen(win, 'resize', dock.apply, { passive: true });
  // Chromium: same-document navigations (the page's pushState included) without observing the DOM.
  const nav = (win as { navigation?: EventTarget }).navigation;
  if (nav?.addEventListener) listen(nav, 'currententrychange', onMaybeNavigated);
  if (deps.watchRules) cleanups.push(deps.watchRules(() => void loadRules()));
  void loadRules();
  void deps.loadLayout?.().then((l) => {
    if (l) dock.set(l, false);
  });
  route();

  return {
    stop() {
      if (stopped) return;
      unmount();
      stopped = true;
      watchers = [];
      for (const c of cleanups.splice(0)) c();
      observer?.disconnect();
      navObserver?.disconnect();
      [readTimer, maxTimer].forEach((x) => win.clearTimeout(x));
      stopCases();
    },
    read,
    command(name) {
      if (!host || !state) return;
      if (name === 'toggle-panel') {
        toggle();
        // The keyboard stays with the panel: on its first control when it opened.
        (host.shadow.querySelector(dock.layout().collapsed ? '[data-rh="collapse"]' : '.body button, .body select') as HTMLElement | null)?.focus();
      } else if (page?.actions.fill) page.actions.fill();
      else notice('info', t('fillElsewhere'));
    },
  };
}
