/*
 * The case data in and out, for the options page and the case list: export, import (at once or
 * staged in chunks, then committed), backup and restore (with the rules), delete everything.
 */
import { fail, ok } from '../messaging/protocol';
import { rulesSlot } from '../rules/storage';
import type { BackgroundContext } from './context';
import { always } from './serve';

export function serveDataMessages(bg: BackgroundContext): void {
  const { serve, service, rules, keepRules, ctx, now } = bg;

  serve('exportCases', async ({ format, caseIds }) => ok(await (await service()).exportCases(format, await ctx(), caseIds)));

  serve(
    'importCases',
    async ({ content }) => {
      const r = await (await service()).importCases(content, await ctx());
      return r.ok ? ok(r.value) : fail(r.error, r.problems);
    },
    always,
  );

  serve('backup', async () => ok(await (await service()).backup((await rules()).rules, now())));

  serve(
    'restore',
    async ({ content }) => {
      const r = await (await service()).restore(content, now(), rulesSlot);
      if (!r.ok) return fail(r.error, r.problems);
      keepRules({ rules: r.value.rules });
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
      keepRules({ rules: r.value.rules });
      return ok({ cases: r.value.cases });
    },
    always,
  );

  serve('discardStaged', async ({ session }) => {
    await (await service()).discardStaged(session);
    return ok(null);
  });

  serve('deleteAll', async () => ok({ deleted: await (await service()).deleteAll() }), always);
}
