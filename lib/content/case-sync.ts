/*
 * What the panel tells the background about cases and what it gets back: a page's report (sent
 * once per change of what the page shows), the case the panel shows (never an older revision of
 * itself, asked for again when its next deadline passes: its words change then), and the
 * merchant's actions on it. The core (./core.ts) builds these into the features' Ctx; they read
 * the rest of it (the page's state, undefined once the page is gone or the runtime stopped).
 */
import type { RefundCase } from '../cases/schema';
import type { ShownCase } from '../cases/shown';
import type { Observation } from './client';
import type { Ctx } from './context';
import { effectiveOrder } from './model';

/** `changed`: how many cases moved (absent when nothing was reported; a list's answer carries only the count). */
export type ReportAnswer = { changes: Array<{ case: ShownCase }>; changed?: number; matched: number };
export type CaseSync = Pick<Ctx, 'report' | 'setCase' | 'fetchCase' | 'caseAction'>;

export function createCaseSync(ctx: Omit<Ctx, keyof CaseSync>): CaseSync & { unreport(): void; stop(): void } {
  const { win, client, now, state: current, failNotice, queueRender } = ctx;
  let lastReport = '';
  /** Asks for the shown case again when its next deadline passes. */
  let dueTimer: number | undefined;

  async function report(observations: Observation[], then: (r: ReportAnswer) => unknown) {
    const sig = JSON.stringify(observations);
    if (sig === lastReport) return;
    lastReport = sig;
    if (observations.length) {
      // JSON drops the undefined ids.
      const res = await client.reportPage(JSON.parse(sig));
      if (!current()) return;
      if (!res.ok) {
        lastReport = '';
        failNotice(res.error);
      } else await then(res.data);
    } else await then({ changes: [], matched: 0 });
    queueRender();
  }

  /**
   * Answers can cross: a read started before a write may come back after it. A case never goes
   * back to an older revision of itself.
   */
  function setCase(c: ShownCase | null) {
    const state = current();
    const cur = state?.caseRec;
    if (!state || (cur && (!c || (c.id === cur.id && c.rev < cur.rev)))) return;
    state.caseRec = c;
    win.clearTimeout(dueTimer);
    const due = c?.view?.deadline?.due;
    // Past it, the background words the case anew (late, its advice); a timer holds ~24 days at most.
    if (c && due && due > now()) dueTimer = win.setTimeout(() => void fetchCase(c.orderId), Math.min(due - now() + 1000, 2 ** 31 - 1));
    // Still no case (not loaded → none) shows the same panel: no render.
    if (cur || c) queueRender();
  }

  async function fetchCase(orderId: string) {
    const res = await client.getCase(orderId);
    const state = current();
    if (!state) return;
    if (!res.ok) return failNotice(res.error);
    if (effectiveOrder(state).orderId === orderId) setCase(res.data);
  }

  async function caseAction(action: 'contact-support' | 'confirm', orderId = current() && effectiveOrder(current()!).orderId) {
    if (!orderId) return;
    // The case the panel shows is the order's; only a row of the refund list needs looking up.
    const shown = current()?.caseRec;
    let c: RefundCase | null | undefined = shown?.orderId === orderId ? shown : undefined;
    if (!c) {
      const got = await client.getCase(orderId);
      c = got.ok ? got.data : undefined;
    }
    if (!c) return;
    const res = await client.caseAction(c.id, action);
    const state = current();
    if (!state) return;
    if (!res.ok) return failNotice(res.error);
    if (state.caseRec?.orderId === orderId || effectiveOrder(state).orderId === orderId) setCase(res.data);
    if (action === 'confirm') ctx.notice('success', ctx.t('confirmRecorded'));
    queueRender();
  }

  return {
    report,
    setCase,
    fetchCase,
    caseAction,
    /** Everything is reported again on the next read (a new page, new rules). */
    unreport: () => {
      lastReport = '';
    },
    stop: () => win.clearTimeout(dueTimer),
  };
}
