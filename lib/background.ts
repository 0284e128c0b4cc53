/*
 * The background's wiring: message handlers (lib/background/) → case service → store; after every
 * change the badge, notifications and the deadline alarms. entrypoints/background.ts only calls
 * createBackground().
 *
 * Everything is state in IndexedDB and browser.alarms, never in timers: the worker may be killed
 * at any moment and a restart (or the next alarm) picks up where it left off. The clock is
 * injected so tests can let a deadline pass while the "worker" sleeps.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundContext } from './background/context';
import { serveDataMessages } from './background/data-messages';
import { serveMessages } from './background/messages';
import { createServe } from './background/serve';
import { openOrder, openRefundList } from './background/tabs';
import { showBadge, showBadgeProblem } from './badge';
import { CaseService, type CaseChange } from './cases/service';
import { openStore, StoreError, type CaseStore } from './cases/store';
import type { RefundCase } from './cases/schema';
import { withView } from './cases/shown';
import { currentLocale, type Locale } from './i18n';
import { createRouter } from './messaging/router';
import { groupByKind, kindForChange, notifyCases, parseBatchNotificationId, parseNotificationId, type NotifyKind } from './notify';
import { loadRules, watchRules, type LoadedRules } from './rules/storage';
import type { RuleSet } from './rules/schema';
import { REFUND_LIST_URL } from './sites/kuaishou/routes';

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

  /**
   * At most one notification per kind per report, however many cases the page moved. The kinds'
   * notifications are created at once (in NOTIFY_KINDS order): each waits for the browser to load
   * its icon.
   */
  async function notifyChanges(changes: CaseChange[]) {
    const { rules: r } = await rules();
    const stamp = now();
    const groups = groupByKind(changes.map((ch) => ({ case: ch.case, kind: kindForChange(ch.from, ch.to) })));
    await Promise.all(groups.map(([kind, cases]) => notify(cases, kind, r, stamp)));
  }

  /** New deadline rules apply to open cases at once: re-time them, notify the newly overdue, recount. */
  async function applyDeadlines(r: RuleSet): Promise<void> {
    const t = now();
    await notifyDue(await (await service()).retimeAll({ now: t, rules: r }), r, t);
    await refresh().catch(() => {});
  }

  // ---- messages (lib/background/: the handlers, by concern) -------------------------------------

  const router = createRouter();
  const bg: BackgroundContext = {
    serve: createServe(router, refresh),
    service,
    rules,
    keepRules: (loaded) => (rulesPromise = Promise.resolve(loaded)),
    ctx,
    now,
    locale,
    // A case the panel shows comes with its view in words: status, countdown, advice, timeline, 联系客服 message (lib/cases/shown.ts).
    shown: (c) => withView(c, locale(), now()),
    notifyChanges,
    applyDeadlines,
  };
  serveMessages(bg);
  serveDataMessages(bg);

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
    return (parsed ? openOrder(service, parsed.caseId) : openRefundList()).then(() => {});
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
