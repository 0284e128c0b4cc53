/*
 * How the background answers a message: the payload parsed with zod first (a bad one is refused
 * with its problems, nothing changed), the handler's throw turned into a failure in words, and a
 * recount after an answer that changed what the badge or the alarms show.
 */
import { StoreError } from '../cases/store';
import type { LocalText } from '../i18n';
import { fail, type MessageName, type MessageReturn, type Problem } from '../messaging/protocol';
import { Payloads, type PayloadOut } from '../messaging/payloads.schema';
import type { Router, Sender } from '../messaging/router';
import { formatPath } from '../rules/schema';

export type Handler<K extends MessageName> = (data: PayloadOut<K>, sender: Sender) => Promise<MessageReturn<K>>;

/** `refreshIf`: whether a successful answer changed anything the badge or the alarms show. */
export type Serve = <K extends MessageName>(
  name: K,
  handler: Handler<K>,
  refreshIf?: (data: Extract<MessageReturn<K>, { ok: true }>['data']) => boolean,
) => void;

/** For `refreshIf`: every successful answer may have changed the counts. */
export const always = () => true;

export function createServe(router: Router, refresh: () => Promise<void>): Serve {
  return (name, handler, refreshIf) => {
    router.on(name, async (data, sender) => {
      const parsed = Payloads[name].safeParse(data);
      if (!parsed.success) return refusePayload(name, parsed.error.issues) as MessageReturn<typeof name>;
      try {
        const result = await handler(parsed.data as PayloadOut<typeof name>, sender);
        if (refreshIf && result.ok && refreshIf(result.data as never)) await refresh().catch(() => {});
        return result;
      } catch (e) {
        return fail(errorText(e)) as MessageReturn<typeof name>;
      }
    });
  };
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
