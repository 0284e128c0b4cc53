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
import { instrumentContentWorld, readMessages, rowsProbe, waitForReply, type MsgRecord } from './refundlist';
import { log, results, row, spread } from './report';
import { summarize } from './stats';

export async function sectionList(ext: BrowserHandle, plain: Plain, site: SiteServer, extPage: Page): Promise<void> {
  const url = `${site.origin}/zone/refund/list?pageSize=${LIST_ROWS}`;
  // The cases behind the rows: every listed refund is a tracked case still `reviewing`, the
  // worst first visit (every row matched, most rows change status).
  const api = (await (await fetch(`http://127.0.0.1:${site.port}/api/refunds?pageSize=${LIST_ROWS}`)).json()) as {
    items: Array<{ id: string; orderId: string; status: string }>;
  };
  const rules = defaultRules();
  const t0 = Date.now() - 3 * 3_600_000;
  const tracked = api.items.map((r, i) =>
    createCase(
      { orderId: r.orderId, refundType: 'refund-only', reasonId: 'quality', paidAmount: 1000, refundAmount: 1000 },
      rules,
      t0 + i,
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

  // (2) Rows in the DOM → background synced, with the content script's messages instrumented.
  const syncs: number[] = [];
  const reads: number[] = [];
  const trips: number[] = [];
  const detail: Array<{ rowsAt: number | null; msgs: MsgRecord[] }> = [];
  const origin = ext.extensionBaseUrl;
  for (let i = 0; i < PAIRS; i++) {
    await resetCases();
    let ctx: { contextId: () => number | undefined } | undefined;
    let msgs: MsgRecord[] = [];
    const s = await measureLoad(ext.browser, {
      url,
      contentSelector: 'tbody.ant-table-tbody > tr:nth-child(1000)',
      waitPanel: false,
      settleMs: 200,
      extraProbe: rowsProbe(LIST_ROWS),
      before: async (_page, cdp) => {
        ctx = await instrumentContentWorld(cdp, origin);
      },
      after: async (page, cdp) => {
        msgs = await waitForReply(page, cdp, ctx!.contextId, 'reportPage');
        await new Promise((r) => setTimeout(r, 300));
        msgs = await readMessages(cdp, ctx!.contextId());
      },
    });
    const rowsAt = s.probe.marks.rows ?? s.probe.contentAt;
    const reports = msgs.filter((m) => m.type === 'reportPage');
    detail.push({ rowsAt, msgs });
    if (!reports.length || rowsAt == null) {
      log(`list sync #${i}: ${reports.length} reportPage messages, rowsAt ${rowsAt}; messages: ${JSON.stringify(msgs).slice(0, 300)}`);
      continue;
    }
    const last = reports.reduce((a, b) => ((b.repliedAt ?? Infinity) > (a.repliedAt ?? Infinity) ? b : a));
    const first = reports[0];
    syncs.push((last.repliedAt ?? NaN) - rowsAt);
    reads.push(first.sentAt - rowsAt);
    trips.push(reports.reduce((a, m) => a + ((m.repliedAt ?? NaN) - m.sentAt), 0));
  }
  const sync = summarize(syncs);
  const read = summarize(reads);
  const trip = summarize(trips);
  const sample = detail.find((d) => d.msgs.some((m) => m.type === 'reportPage'));
  const rp = sample?.msgs.filter((m) => m.type === 'reportPage') ?? [];
  row({
    section: 'refund list 1000',
    metric: `rows in DOM → background applied reportPage (reply received)`,
    unit: 'ms',
    value: sync.median,
    spread: spread(sync),
    budget: 150,
    note: rp.length
      ? `${rp.length} reportPage message(s), ${rp.reduce((a, m) => a + (m.observations ?? 0), 0)} observations, ${rp.reduce((a, m) => a + (m.changes ?? 0), 0)} changes, ${rp.reduce((a, m) => a + m.size, 0)} bytes`
      : 'no reportPage seen',
  });
  row({ section: 'refund list 1000', metric: '… of which: rows in DOM → reportPage sent (read)', unit: 'ms', value: read.median, spread: spread(read) });
  row({ section: 'refund list 1000', metric: '… of which: reportPage round trip(s) (background)', unit: 'ms', value: trip.median, spread: spread(trip) });
  Object.assign(results['refund list 1000'] as object, { sync, read, trip, messages: detail.slice(0, 3) });
}
