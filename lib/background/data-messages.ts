/*
 * The case data in and out, for the options page and the case list: export, import, backup and
 * restore (with the rules; a large file is written by the options page itself, then
 * `casesWritten`), delete everything.
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

  // A large import or restore is written by the options page itself (lib/cases/file-writes.ts);
  // the badge and the alarms follow here.
  serve('casesWritten', async () => ok(null), always);

  serve('deleteAll', async () => ok({ deleted: await (await service()).deleteAll() }), always);
}
