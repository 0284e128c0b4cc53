// The `list` section: the refund list with 1,000 rows, A/B, and rows in the page → the background synced.
import type { Page } from 'puppeteer';
import { createCase } from '../../lib/cases/model';
import { defaultRules } from '../../lib/rules/defaults';
import type { SiteServer } from '../../tests/merchant-site/server';
import type { BrowserHandle } from '../browsers';
import { abLoads, abRows } from './ab';
import type { Plain } from './browsers';
import { clearCasesDirect, send } from './ext';
import { LIST_ROWS, PAIRS, SETTLE } from './options';
import { measureLoad } from './pageload';
import { instrumentContentWorld, lastReport, readMessages, rowsProbe, waitForReply, type MsgRecord } from './refundlist';
import { log, results, row, spread } from './report';
import { summarize } from './stats';

export async function sectionList(ext: BrowserHandle, plain: Plain, site: SiteServer, extPage: Page): Promise<void> {
  const url = `${site.origin}/zone/refund/list?pageSize=${LIST_ROWS}`;
  // The cases behind the rows: every listed refund is a tracked case still `reviewing`, the
  // worst first visit (every row matched, most rows change status). Each recorded when its
  // application was made: a row applied before a case was recorded is not that case (identity.ts).
  const api = (await (await fetch(`http://127.0.0.1:${site.port}/api/refunds?pageSize=${LIST_ROWS}`)).json()) as {
    items: Array<{ id: string; orderId: string; status: string; createdAt: number }>;
  };
  const rules = defaultRules();
  const tracked = api.items.map((r) =>
    createCase(
      { orderId: r.orderId, refundType: 'refund-only', reasonId: 'quality', paidAmount: 1000, refundAmount: 1000 },
      rules,
      r.createdAt,
      'panel',
      `bench-list-${r.orderId}`,
    ),
  );
  const byStatus: Record<string, number> = {};
  for (const r of api.items) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  log(`list: ${api.items.length} rows, statuses ${JSON.stringify(byStatus)}`);
  const resetCases = async () => {
    await clearCasesDirect(extPage);
    const r = await send(extPage, 'importCases', { content: JSON.stringify(tracked) });
    if (!r.result.ok) throw new Error(`importCases refused: ${JSON.stringify(r.result).slice(0, 500)}`);
  };

  // (1) A/B page cost, with the cases in place for every "with" run.
  await resetCases();
  const ab = await abLoads('list', ext.browser, plain.browser, (w) => ({
    url,
    contentSelector: 'tbody.ant-table-tbody > tr:nth-child(1000)',
    waitPanel: false,
    settleMs: SETTLE + 700,
    before: w ? async () => resetCases() : undefined,
  }));
  abRows('refund list 1000', ab);

  // (2) Rows in the DOM → background synced, with the content script's messages instrumented:
  // the worst first visit (every row matched, most change status) of 1,000 rows and of 100 (the
  // back office's largest page), and the common revisit (the same 1,000 rows again, nothing changed).
  const first = await syncRuns(ext, site, resetCases, LIST_ROWS, true);
  syncRows('refund list 1000', first.first, 150);
  syncRows('refund list 1000 revisit', first.again!, 150);
  const hundred = await syncRuns(ext, site, resetCases, 100, false);
  syncRows('refund list 100', hundred.first, 50);

  // (3) The background's own share: the same reports sent from an idle extension page. On the list
  // page the reply waits for the page's main thread, which the demo back office keeps busy for
  // ~400 ms after its 1,000 rows appear (its own long tasks, with or without the extension).
  for (const [section, payload, again] of [
    ['refund list 1000', first.first.payload, true],
    ['refund list 100', hundred.first.payload, false],
  ] as const) {
    if (!payload) continue;
    const firstMs: number[] = [];
    const againMs: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      await resetCases();
      firstMs.push((await send(extPage, 'reportPage', JSON.parse(payload))).ms);
      if (again) againMs.push((await send(extPage, 'reportPage', JSON.parse(payload))).ms);
    }
    idleRow(section, 'the same report from an idle extension page: round trip (the background alone)', firstMs);
    if (again) idleRow(`${section} revisit`, 'the same report again from an idle extension page (nothing changes)', againMs);
  }
}

function idleRow(section: string, metric: string, ms: number[]): void {
  const s = summarize(ms);
  row({ section, metric, unit: 'ms', value: s.median, spread: spread(s) });
  Object.assign((results[section] ??= {}) as object, { idle: s });
}

type SyncRuns = {
  sync: number[];
  read: number[];
  trip: number[];
  detail: Array<{ rowsAt: number | null; msgs: MsgRecord[] }>;
  /** The data of a reportPage the content script sent (JSON). */
  payload?: string;
};

/** PAIRS visits of the list with `pageSize` rows, each on freshly reset cases (and then, with `again`, a second visit of the same page). */
async function syncRuns(
  ext: BrowserHandle,
  site: SiteServer,
  resetCases: () => Promise<void>,
  pageSize: number,
  again: boolean,
): Promise<{ first: SyncRuns; again?: SyncRuns }> {
  const url = `${site.origin}/zone/refund/list?pageSize=${pageSize}`;
  const runs = (): SyncRuns => ({ sync: [], read: [], trip: [], detail: [] });
  const out = { first: runs(), again: again ? runs() : undefined };
  for (let i = 0; i < PAIRS; i++) {
    await resetCases();
    for (const into of [out.first, out.again]) if (into) await visit(ext, url, pageSize, into, i);
  }
  return out;
}

async function visit(ext: BrowserHandle, url: string, pageSize: number, into: SyncRuns, i: number): Promise<void> {
  let ctx: { contextId: () => number | undefined } | undefined;
  let msgs: MsgRecord[] = [];
  const s = await measureLoad(ext.browser, {
    url,
    contentSelector: `tbody.ant-table-tbody > tr:nth-child(${pageSize})`,
    waitPanel: false,
    settleMs: 200,
    extraProbe: rowsProbe(pageSize),
    before: async (_page, cdp) => {
      ctx = await instrumentContentWorld(cdp, ext.extensionBaseUrl);
    },
    after: async (page, cdp) => {
      msgs = await waitForReply(page, cdp, ctx!.contextId, 'reportPage');
      await new Promise((r) => setTimeout(r, 300));
      msgs = await readMessages(cdp, ctx!.contextId());
      into.payload ??= await lastReport(cdp, ctx!.contextId());
    },
  });
  const rowsAt = s.probe.marks.rows ?? s.probe.contentAt;
  const reports = msgs.filter((m) => m.type === 'reportPage');
  into.detail.push({ rowsAt, msgs });
  if (!reports.length || rowsAt == null) {
    log(`list sync ${pageSize} #${i}: ${reports.length} reportPage messages, rowsAt ${rowsAt}; messages: ${JSON.stringify(msgs).slice(0, 300)}`);
    return;
  }
  const last = reports.reduce((a, b) => ((b.repliedAt ?? Infinity) > (a.repliedAt ?? Infinity) ? b : a));
  into.sync.push((last.repliedAt ?? NaN) - rowsAt);
  into.read.push(reports[0].sentAt - rowsAt);
  into.trip.push(reports.reduce((a, m) => a + ((m.repliedAt ?? NaN) - m.sentAt), 0));
}

function syncRows(section: string, runs: SyncRuns, budget: number): void {
  const sync = summarize(runs.sync);
  const read = summarize(runs.read);
  const trip = summarize(runs.trip);
  const sample = runs.detail.find((d) => d.msgs.some((m) => m.type === 'reportPage'));
  const rp = sample?.msgs.filter((m) => m.type === 'reportPage') ?? [];
  const sum = (k: 'observations' | 'matched' | 'changes') => rp.reduce((a, m) => a + (m[k] ?? 0), 0);
  row({
    section,
    metric: `rows in DOM → background applied reportPage (reply received)`,
    unit: 'ms',
    value: sync.median,
    spread: spread(sync),
    budget,
    // The rows matched and changed say which scenario was measured (a first visit changes most).
    note: rp.length
      ? `${rp.length} reportPage message(s), ${sum('observations')} observations, ${sum('matched')} matched, ${sum('changes')} changes, ${rp.reduce((a, m) => a + m.size, 0)} bytes`
      : 'no reportPage seen',
  });
  row({ section, metric: '… of which: rows in DOM → reportPage sent (read)', unit: 'ms', value: read.median, spread: spread(read) });
  row({ section, metric: '… of which: reportPage round trip(s) (background)', unit: 'ms', value: trip.median, spread: spread(trip) });
  results[section] = { ...(results[section] as object), sync, read, trip, messages: runs.detail.slice(0, 3) };
}
