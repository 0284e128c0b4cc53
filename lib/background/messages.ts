/* The messages of the panel, the popup, the case list and the rules (data in and out: data-messages.ts). */
import { browser } from 'wxt/browser';
import type { RefundCase } from '../cases/schema';
import { orderAdvice } from '../cases/shown';
import { casesPagePath } from '../cases/url';
import { fail, ok } from '../messaging/protocol';
import { panelFile } from '../panel-files';
import { resetRules, saveRules } from '../rules/storage';
import { isServed } from '../sites/kuaishou/routes';
import type { BackgroundContext } from './context';
import { always } from './serve';
import { openOrder } from './tabs';

export function serveMessages(bg: BackgroundContext): void {
  const { serve, service, rules, keepRules, ctx, now, locale, shown, notifyChanges, applyDeadlines } = bg;

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
      // Created while the badge is recounted (serve's refresh, before the answer): the answer does
      // not wait for the browser's notifications one step after the other. A failure shows nothing.
      void notifyChanges(res.changes).catch(() => {});
      // One observation is a page showing one refund, whose case the panel shows (with its view).
      // A list shows only counts: its 1,000 changed cases were ~0.6 MB of JSON to build, send and parse.
      const { matched, changes } = res;
      return ok(
        observations.length === 1
          ? { matched, changed: changes.length, changes: changes.map((ch) => ({ ...ch, case: shown(ch.case) })) }
          : { matched, changed: changes.length, changes: [] },
      );
    },
    // A refund list re-read on every navigation mostly changes nothing: no recount then.
    (d) => d.changed > 0,
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

  serve('caseRows', async (data) => ok(await (await service()).rows(data?.after, data?.limit ?? 5_000, now())));

  serve('casesById', async ({ caseIds }) => ok(await (await service()).getMany(caseIds)));

  serve(
    'closeCases',
    async ({ caseIds }) => ok(await (await service()).closeMany(caseIds, 'popup', await ctx())),
    (d) => d.closed.length > 0,
  );

  serve('getRules', async () => {
    const loaded = await rules();
    // The panel's advice for an order with no case, in its language (a case's comes with the case).
    const advice = orderAdvice(locale(), now());
    return ok(loaded.warning ? { rules: loaded.rules, warning: loaded.warning, advice } : { rules: loaded.rules, advice });
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
    keepRules({ rules: r.rules });
    await applyDeadlines(r.rules);
    return ok({ rules: r.rules });
  });

  serve('resetRules', async () => {
    const r = await resetRules();
    keepRules({ rules: r });
    await applyDeadlines(r);
    return ok({ rules: r });
  });

  serve('openOrder', async ({ caseId }) => openOrder(service, caseId));

  serve('openCases', async (data) => ok({ tabId: (await browser.tabs.create({ url: browser.runtime.getURL(casesPagePath(data?.caseId)) })).id }));
}
