/*
 * The background's wiring: message handlers → case service → store; after every change the badge,
 * notifications and the deadline alarms. entrypoints/background.ts only calls createBackground().
 *
 * Everything is state in IndexedDB and browser.alarms, never in timers: the worker may be killed
 * at any moment and a restart (or the next alarm) picks up where it left off. The clock is
 * injected so tests can let a deadline pass while the "worker" sleeps.
 */
import { browser, type Browser } from 'wxt/browser';
import { showBadge, showBadgeProblem } from './badge';
import { CaseService, NOT_FOUND, type CaseChange } from './cases/service';
import { openStore, StoreError, type CaseStore } from './cases/store';
import type { RefundCase } from './cases/schema';
import { withTexts } from './cases/shown';
import { currentLocale, type Locale, type LocalText } from './i18n';
import { fail, ok, type MessageName, type MessageReturn, type Problem } from './messaging/protocol';
import { Payloads, type PayloadOut } from './messaging/payloads.schema';
import { createRouter, type Sender } from './messaging/router';
import { groupByKind, kindForChange, notifyCases, parseBatchNotificationId, parseNotificationId, type NotifyKind } from './notify';
import { formatPath } from './rules/schema';
import { loadRules, resetRules, rulesSlot, saveRules, watchRules, type LoadedRules } from './rules/storage';
import { casesPagePath, orderPageUrl } from './cases/url';
import { panelFile } from './panel-files';
import type { RuleSet } from './rules/schema';
import { isRefundList, isServed, MATCHES, REFUND_LIST_URL } from './sites/kuaishou/routes';

export const ALARM_NEXT_DEADLINE = 'next-deadline';
export const ALARM_SAFETY_NET = 'safety-net';
export const SAFETY_NET_MINUTES = 30;
export { REFUND_LIST_URL };

export interface BackgroundOptions {
  now?: () => number;
  /** Opens the case store (tests pass one on a fresh IDBFactory). */
  openStore?: () => Promise<CaseStore>;
  locale?: () => Locale;
}

export interface Background {
  /** Resolves when the start-up refresh (sweep, badge, alarms) is done. */
  ready: Promise<void>;
  /** Sweep deadlines, recount the badge, re-arm the alarms. */
  refresh(): Promise<void>;
  service(): Promise<CaseService>;
  /** Removes every listener (a test's "worker killed"). */
  dispose(): void;
}

export function createBackground(opts: BackgroundOptions = {}): Background {
  const now = opts.now ?? Date.now;
  const locale = opts.locale ?? currentLocale;
  const open =
    opts.openStore ??
    (() =>
      openStore(undefined, undefined, {
        // Another version took the database: drop this connection and recount at once, so the
        // badge says so (a newer version's database cannot be read) instead of showing stale figures.
        onVersionChange: () => {
          servicePromise = undefined;
          void refresh().catch(() => {});
        },
      }));

  let servicePromise: Promise<CaseService> | undefined;
  const service = (): Promise<CaseService> => {
    if (!servicePromise) {
      servicePromise = open().then((store) => new CaseService(store));
      // A store that failed to open is retried on the next call, not cached as broken.
      servicePromise.catch(() => (servicePromise = undefined));
    }
    return servicePromise;
  };

  let rulesPromise: Promise<LoadedRules> | undefined;
  const rules = (): Promise<LoadedRules> => (rulesPromise ??= loadRules());
  const ctx = async () => ({ now: now(), rules: (await rules()).rules });

  // ---- badge, notifications, alarms -----------------------------------------------------------

  async function refreshOnce(): Promise<void> {
    const svc = await service();
    const { rules: r } = await rules();
    const t = now();
    await notifyDue(await svc.sweepDeadlines(t), r, t);
    await showBadge(await svc.badge(t), locale());
    await armAlarms(svc, t);
  }

  // One refresh at a time, in order: a later change never loses to an earlier recount.
  let refreshTail: Promise<void> = Promise.resolve();
  function refresh(): Promise<void> {
    const run = refreshTail.then(refreshOnce, refreshOnce);
    refreshTail = run.catch((e) => {
      console.error('[refund-helper] refresh failed', e);
      // The badge must not keep saying all is well when the cases cannot be read.
      if (e instanceof StoreError) return showBadgeProblem(e.text, locale()).catch(() => {});
    });
    return run;
  }

  async function armAlarms(svc: CaseService, t: number): Promise<void> {
    const next = await svc.nextDeadline(t);
    if (next === undefined) await browser.alarms.clear(ALARM_NEXT_DEADLINE);
    else await browser.alarms.create(ALARM_NEXT_DEADLINE, { when: next });
    // Re-creating a periodic alarm restarts its period: create it only when missing.
    if (!(await browser.alarms.get(ALARM_SAFETY_NET))) {
      await browser.alarms.create(ALARM_SAFETY_NET, { delayInMinutes: SAFETY_NET_MINUTES, periodInMinutes: SAFETY_NET_MINUTES });
    }
  }

  /** One event's cases of one kind: a single case its own notification, several one summary. */
  function notify(cases: RefundCase[], kind: NotifyKind, r: RuleSet, stamp: number): Promise<boolean> {
    return notifyCases(cases, kind, r, locale(), stamp).catch(() => false);
  }

  /** Cases a deadline marked: a confirmed one is overdue; an approved one reminds the merchant to confirm it. */
  async function notifyDue(cases: RefundCase[], r: RuleSet, stamp: number): Promise<void> {
    await notify(
      cases.filter((c) => c.status === 'confirmed'),
      'overdue',
      r,
      stamp,
    );
    await notify(
      cases.filter((c) => c.status === 'approved'),
      'approved',
      r,
      stamp,
    );
  }

  /** At most one notification per kind per report, however many cases the page moved. */
  async function notifyChanges(changes: CaseChange[]) {
    const { rules: r } = await rules();
    const stamp = now();
    for (const [kind, cases] of groupByKind(changes.map((ch) => ({ case: ch.case, kind: kindForChange(ch.from, ch.to) })))) {
      await notify(cases, kind, r, stamp);
    }
  }

  /** New deadline rules apply to open cases at once: re-time them, notify the newly overdue, recount. */
  async function applyDeadlines(r: RuleSet): Promise<void> {
    const t = now();
    await notifyDue(await (await service()).retimeAll({ now: t, rules: r }), r, t);
    await refresh().catch(() => {});
  }

  /** Focuses a back-office tab showing the refund list, else opens it. */
  async function openRefundList(): Promise<void> {
    const tabs = await browser.tabs.query({ url: MATCHES });
    const tab = tabs.find((t) => t.id !== undefined && t.url && isRefundList(t.url));
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
      return;
    }
    await browser.tabs.create({ url: REFUND_LIST_URL });
  }

  async function openOrder(caseId: string): Promise<MessageReturn<'openOrder'>> {
    const c = await (await service()).get(caseId);
    if (!c) return fail(NOT_FOUND);
    const tabs = await browser.tabs.query({ url: MATCHES });
    const tab = tabs.find((t) => t.id !== undefined && t.url && showsOrder(t.url, c));
    if (tab?.id !== undefined) {
      await browser.tabs.update(tab.id, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => {});
      return ok({ tabId: tab.id, how: 'focused' as const });
    }
    // Without a stored link, the order list (the only public route) is where the merchant finds it.
    // Without a usable stored link (none, or one that is not a back-office page: a record from
    // before the link was checked), the order list is where the merchant finds it.
    const created = await browser.tabs.create({ url: orderPageUrl(c) });
    return ok({ tabId: created.id, how: 'opened' as const });
  }

  // ---- messages ----------------------------------------------------------------------------

  type Handler<K extends MessageName> = (data: PayloadOut<K>, sender: Sender) => Promise<MessageReturn<K>>;
  const router = createRouter();
  const always = () => true;

  /** `refreshIf`: whether a successful answer changed anything the badge or the alarms show. */
  function serve<K extends MessageName>(name: K, handler: Handler<K>, refreshIf?: (data: Extract<MessageReturn<K>, { ok: true }>['data']) => boolean): void {
    router.on(name, async (data, sender) => {
      const parsed = Payloads[name].safeParse(data);
      if (!parsed.success) return refusePayload(name, parsed.error.issues) as MessageReturn<K>;
      try {
        const result = await handler(parsed.data as PayloadOut<K>, sender);
        if (refreshIf && result.ok && refreshIf(result.data as never)) await refresh().catch(() => {});
        return result;
      } catch (e) {
        return fail(errorText(e)) as MessageReturn<K>;
      }
    });
  }

  // A case the panel shows comes with its timeline and 联系客服 message in words (lib/cases/shown.ts).
  const shown = (c: RefundCase) => withTexts(c, locale(), now());

  serve('getCase', async ({ orderId }) => {
    const c = await (await service()).getForOrder(orderId);
    return ok(c && shown(c));
  });

  serve('getCases', async ({ orderIds }) => {
    const svc = await service();
    const found: Record<string, RefundCase> = {};
    for (const id of new Set(orderIds)) {
      const c = await svc.getForOrder(id);
      if (c) found[id] = c;
    }
    return ok(found);
  });

  // The bootstrap asks from a served route, for the part of the panel's runtime its route needs
  // (on the first load and on a client-side navigation into the other part's routes); its own
  // frame gets it, nothing else does.
  serve('loadPanel', async ({ part }, sender) => {
    const tabId = sender.tab?.id;
    let served = false;
    try {
      served = !!sender.url && isServed(new URL(sender.url));
    } catch {}
    if (tabId === undefined || !served) return fail({ 'zh-CN': '此页面不需要退款助手面板。', en: 'This page does not get the panel.' });
    // At once rather than at document_idle: the panel's runtime then waits for the page itself.
    // The part's runtime in the browser's language (entrypoints/panel is built per part and locale).
    const files = [`/${panelFile(part, locale())}` as const];
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files, injectImmediately: true });
    return ok({ loaded: true as const });
  });

  serve(
    'recordSubmit',
    async ({ input, submitId }) => {
      const r = await (await service()).recordSubmit({ input, submitId }, await ctx());
      return ok({ ...r, case: shown(r.case) });
    },
    (d) => d.created,
  );

  serve(
    'reportPage',
    async ({ observations }) => {
      const res = await (await service()).reportPage(observations, await ctx());
      await notifyChanges(res.changes);
      // One observation is a page showing one refund, whose case the panel shows; a list needs no texts.
      return ok(observations.length === 1 ? { ...res, changes: res.changes.map((ch) => ({ ...ch, case: shown(ch.case) })) } : res);
    },
    // A refund list re-read on every navigation mostly changes nothing: no recount then.
    (d) => d.changes.length > 0,
  );

  serve(
    'caseAction',
    async ({ caseId, action, source }, sender) => {
      const r = await (await service()).act(caseId, action, source ?? (sender.tab ? 'panel' : 'popup'), await ctx());
      return r.ok ? ok(shown(r.value)) : fail(r.error);
    },
    always,
  );

  serve('addNote', async ({ caseId, text }) => {
    const r = await (await service()).addNote(caseId, text, { now: now() });
    return r.ok ? ok(r.value) : fail(r.error);
  });

  serve('listCases', async (data) => ok(await (await service()).list(data ?? {})));

  serve('attentionList', async (data) => ok(await (await service()).attention(now(), data?.limit)));

  serve('counts', async () => ok(await (await service()).counts(now())));

  serve('exportCases', async ({ format, caseIds }) => ok(await (await service()).exportCases(format, await ctx(), caseIds)));

  serve('caseRows', async (data) => ok(await (await service()).rows(data?.after, data?.limit ?? 5_000, now())));

  serve('casesById', async ({ caseIds }) => ok(await (await service()).getMany(caseIds)));

  serve(
    'closeCases',
    async ({ caseIds }) => ok(await (await service()).closeMany(caseIds, 'popup', await ctx())),
    (d) => d.closed.length > 0,
  );

  serve(
    'importCases',
    async ({ content }) => {
      const r = await (await service()).importCases(content, await ctx());
      return r.ok ? ok(r.value) : fail(r.error, r.problems);
    },
    always,
  );

  serve('getRules', async () => {
    const loaded = await rules();
    return ok(loaded.warning ? { rules: loaded.rules, warning: loaded.warning } : { rules: loaded.rules });
  });

  serve('setRules', async ({ rules: input }) => {
    const r = await saveRules(input);
    if (!r.ok) {
      const n = r.problems.length;
      return fail(
        {
          'zh-CN': `规则有 ${n} 个问题，未保存；当前规则保持不变。`,
          en: `The rules have ${n} problem${n === 1 ? '' : 's'}; nothing was saved and the current rules stay.`,
        },
        r.problems,
      );
    }
    rulesPromise = Promise.resolve({ rules: r.rules });
    await applyDeadlines(r.rules);
    return ok({ rules: r.rules });
  });

  serve('resetRules', async () => {
    const r = await resetRules();
    rulesPromise = Promise.resolve({ rules: r });
    await applyDeadlines(r);
    return ok({ rules: r });
  });

  serve('backup', async () => ok(await (await service()).backup((await rules()).rules, now())));

  serve(
    'restore',
    async ({ content }) => {
      const r = await (await service()).restore(content, now(), rulesSlot);
      if (!r.ok) return fail(r.error, r.problems);
      rulesPromise = Promise.resolve({ rules: r.value.rules });
      return ok({ cases: r.value.cases });
    },
    always,
  );

  serve('stageCases', async (data) => {
    const r = await (await service()).stageCases(data, now());
    return r.ok ? ok(r.value) : fail(r.error, r.problems);
  });

  serve(
    'commitImport',
    async ({ session, expect }) => {
      const r = await (await service()).commitImport(session, expect, await ctx());
      return r.ok ? ok(r.value) : fail(r.error, r.problems);
    },
    always,
  );

  serve(
    'commitRestore',
    async ({ session, expect, rules: input }) => {
      const r = await (await service()).commitRestore(session, expect, input, now(), rulesSlot);
      if (!r.ok) return fail(r.error, r.problems);
      rulesPromise = Promise.resolve({ rules: r.value.rules });
      return ok({ cases: r.value.cases });
    },
    always,
  );

  serve('discardStaged', async ({ session }) => {
    await (await service()).discardStaged(session);
    return ok(null);
  });

  serve('deleteAll', async () => ok({ deleted: await (await service()).deleteAll() }), always);

  serve('openOrder', async ({ caseId }) => openOrder(caseId));

  serve('openCases', async (data) => ok({ tabId: (await browser.tabs.create({ url: browser.runtime.getURL(casesPagePath(data?.caseId)) })).id }));

  // ---- browser events (registered synchronously, as a service worker must) -------------------

  const onAlarm = (alarm: Browser.alarms.Alarm) => {
    if (alarm.name === ALARM_NEXT_DEADLINE || alarm.name === ALARM_SAFETY_NET) return refresh();
  };
  const onLifecycle = () => refresh();
  const onNotificationClicked = (id: string) => {
    const parsed = parseNotificationId(id);
    const batch = parsed ? null : parseBatchNotificationId(id);
    if (!parsed && !batch) return;
    void browser.notifications.clear(id).catch(() => {});
    return (parsed ? openOrder(parsed.caseId) : openRefundList()).then(() => {});
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onLifecycle);
  browser.runtime.onInstalled.addListener(onLifecycle);
  browser.notifications.onClicked.addListener(onNotificationClicked);
  const unwatch = watchRules((loaded) => (rulesPromise = Promise.resolve(loaded)));

  // A failure is already logged by refresh(); the next message or alarm retries.
  const ready = refresh().catch(() => {});

  return {
    ready,
    refresh,
    service,
    dispose() {
      router.dispose();
      browser.alarms.onAlarm.removeListener(onAlarm);
      browser.runtime.onStartup.removeListener(onLifecycle);
      browser.runtime.onInstalled.removeListener(onLifecycle);
      browser.notifications.onClicked.removeListener(onNotificationClicked);
      unwatch();
    },
  };
}

/** Whether a back-office tab's URL is this case's order (its stored link, or its numbers in the URL). */
function showsOrder(url: string, c: RefundCase): boolean {
  if (c.orderUrl && url === c.orderUrl) return true;
  try {
    const u = new URL(url);
    const values = [...u.searchParams.values(), ...u.pathname.split('/'), ...u.hash.split(/[/?&=#]/)];
    return values.includes(c.orderId) || (c.afterSaleId !== undefined && values.includes(c.afterSaleId));
  } catch {
    return false;
  }
}

function refusePayload(name: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const problems: Problem[] = issues.slice(0, 20).map((i) => {
    const path = formatPath(i.path);
    return { path, message: { 'zh-CN': `${path}：${i.message}`, en: `${path}: ${i.message}` } };
  });
  const first = problems[0]?.message;
  return fail(
    {
      'zh-CN': `消息「${name}」的内容无效，未做任何更改${first ? `：${first['zh-CN']}` : ''}`,
      en: `Message "${name}" refused, nothing changed${first ? `: ${first.en}` : ''}`,
    },
    problems,
  );
}

function errorText(e: unknown): LocalText {
  if (e instanceof StoreError) return e.text;
  const msg = e instanceof Error ? e.message : String(e);
  return { 'zh-CN': `后台出错：${msg}`, en: `Background error: ${msg}` };
}
