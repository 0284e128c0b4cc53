/*
 * The case service: the background's writer of cases (a large import or restore is written by
 * the options page through the same file-writes.ts, see transfer.ts). Every change passes the
 * state machine (./model.ts) and lands in the store (./store/) in one transaction with a rev check.
 * No browser.* here and no clock of its own: each call gets `now` and the rules.
 */
import type { LocalText } from '../i18n';
import { findOpenCase } from '../rules/evaluate';
import type { RuleSet } from '../rules/schema';
import type { ObservedStatus } from '../sites/texts';
import {
  addNote as addNoteToCase,
  applyAction,
  attention,
  badgeFromKinds,
  type badgeSummary,
  createCase,
  observe,
  retime,
  supersede,
  TIMED_STATUSES,
  compareUrgency,
  type AttentionKind,
  type MerchantAction,
  type NewCaseInput,
} from './model';
import { newestCase, pickCase, previousApplication } from './identity';
import { toRow, type CaseRow } from './rows';
import type { RefundCase } from './schema';
import { CASE_STATUSES, type CaseStatus, type ChangeSource } from './status';
import { fileMeta, fileParts } from './files';
import { arrayChunks, importCases, restoreCases, type ImportCounts, type RulesSlot } from './file-writes';
import { backupOf, casesOf, checkRules, parseJson, refuse, validateCases, type Outcome, type Problem } from './intake';
import { StoreError, type CaseStore } from './store';
import { ATTENTION_GROUPS, dueMark, groupCount, kindsOf } from './urgency';

export { BACKUP_FORMAT, CASES_FORMAT, CSV_COLUMNS, csvCell } from './files';
export { checkRules, parseCasesFile, type Outcome, type Problem } from './intake';
export type { ImportCounts, RulesSlot } from './file-writes';

export interface Ctx {
  now: number;
  rules: RuleSet;
}

export interface Observation {
  orderId?: string;
  afterSaleId?: string;
  status: ObservedStatus;
  source?: 'page';
  /** The platform's comment as the page shows it (e.g. why it was rejected). */
  comment?: string;
  /** The application time the row or page shows (epoch ms): tells two applications of one order apart. */
  appliedAt?: number;
  /** The platform's processing deadline for the merchant, from the page's own data only (epoch ms). */
  dueAt?: number;
}

export type CaseChange = { case: RefundCase; from: CaseStatus; to: CaseStatus };

export { OVERDUE_NOTE, CONFIRM_REMINDER_NOTE, REAPPLIED_NOTE } from './model';

const META_LAST_SWEEP = 'deadlineSweepAt';
const MAX_RETRIES = 3;
/** Cases per transaction of the deadline sweep and the re-timing. */
export const UPDATE_BATCH = 500;

export const NOT_FOUND: LocalText = { 'zh-CN': '找不到该退款记录（可能已被删除）。', en: 'Refund case not found (it may have been deleted).' };

export class CaseService {
  /** Per key, the tail of the queue of writes: one write at a time per case (and per order for creation). */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly store: CaseStore) {}

  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => {});
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /**
   * Read–change–write of one case, serialised per id; a write another writer slipped in between
   * (rev conflict) makes it re-read and re-apply the change.
   */
  private update<R>(id: string, step: (c: RefundCase) => { next?: RefundCase; result: R }): Promise<{ result: R; case: RefundCase } | undefined> {
    return this.serial(`case:${id}`, async () => {
      for (let attempt = 0; ; attempt++) {
        const current = await this.store.get(id);
        if (!current) return undefined;
        const { next, result } = step(current);
        if (!next) return { result, case: current };
        try {
          return { result, case: await this.store.put(next, current.rev) };
        } catch (e) {
          if (e instanceof StoreError && e.code === 'conflict' && attempt < MAX_RETRIES) continue;
          throw e;
        }
      }
    });
  }

  /**
   * Records a submitted application. The same submitId twice → one case; an open case for the
   * order → that case, `duplicate`. After a rejected or failed application the new one is a new
   * case that follows it (previousCaseId), and the earlier one is linked and closed (supersede).
   */
  recordSubmit(
    { input, submitId }: { input: NewCaseInput; submitId: string },
    { now, rules }: Ctx,
  ): Promise<{ case: RefundCase; created: boolean; duplicate: boolean }> {
    return this.serial(`order:${input.orderId}`, async () => {
      const fresh = createCase(input, rules, now, 'panel');
      const r = await this.store.insert(fresh, {
        submitId,
        now,
        findDuplicate: (existing) => findOpenCase(existing, input.orderId),
        follow: (existing, c) => {
          const prev = previousApplication(existing);
          return prev ? { fresh: { ...c, previousCaseId: prev.id }, previous: supersede(prev, c.id, rules, now, 'panel') } : { fresh: c };
        },
      });
      return { case: r.case, created: r.kind === 'created', duplicate: r.kind === 'duplicate' };
    });
  }

  /**
   * Applies what a page shows to the matching cases (by after-sale number, else as pickCase says):
   * every observation in ONE readwrite transaction (a refund list of 1,000 rows is one
   * commit). Per case the same as a single update: observe() on the stored copy, rev + 1, history.
   * A concurrent single-case write (act, addNote, the sweep) either commits before the batch reads
   * (the batch builds on it) or after, when its rev check fails and it re-reads: nothing is lost.
   */
  async reportPage(observations: Observation[], { now, rules }: Ctx): Promise<{ changes: CaseChange[]; matched: number }> {
    const { matched, changes } = await this.store.updateMatching(observations, pickCase, (c, i) => {
      const seen = observations[i];
      const o = observe(c, seen.status, rules, now, 'page', { afterSaleId: seen.afterSaleId, comment: seen.comment, dueAt: seen.dueAt });
      return o.changed ? o.case : undefined;
    });
    return { changes: changes.map((ch) => ({ case: ch.after, from: ch.before.status, to: ch.after.status })), matched };
  }

  async act(caseId: string, action: MerchantAction, source: ChangeSource, { now, rules }: Ctx): Promise<Outcome<RefundCase>> {
    const r = await this.update(caseId, (c): { next?: RefundCase; result: LocalText | null } => {
      const applied = applyAction(c, action, rules, now, source);
      return applied.ok ? { next: applied.case, result: null } : { result: applied.error };
    });
    if (!r) return { ok: false, error: NOT_FOUND };
    return r.result === null ? { ok: true, value: r.case } : { ok: false, error: r.result };
  }

  async addNote(caseId: string, text: string, { now }: Pick<Ctx, 'now'>): Promise<Outcome<RefundCase>> {
    const r = await this.update(caseId, (c) => ({ next: addNoteToCase(c, text, now), result: true }));
    return r ? { ok: true, value: r.case } : { ok: false, error: NOT_FOUND };
  }

  get(caseId: string): Promise<RefundCase | undefined> {
    return this.store.get(caseId);
  }

  /** The cases of these ids that exist, in the order asked. */
  async getMany(caseIds: string[]): Promise<RefundCase[]> {
    return (await Promise.all(caseIds.map((id) => this.store.get(id)))).filter((c): c is RefundCase => !!c);
  }

  /** The case list's rows (lib/cases/rows.ts), a page at a time in id order; `next` continues after the last. */
  async rows(after: string | undefined, limit: number, now: number): Promise<{ rows: CaseRow[]; next?: string }> {
    const page = await this.store.page(after, limit);
    return { rows: page.map((c) => toRow(c, now)), next: page.length === limit ? page[page.length - 1].id : undefined };
  }

  /** Stops tracking each case (action `close`); a case that cannot be closed (already terminal) is skipped. */
  async closeMany(caseIds: string[], source: ChangeSource, ctx: Ctx): Promise<{ closed: string[]; skipped: number }> {
    const closed: string[] = [];
    for (const id of caseIds) {
      const r = await this.act(id, 'close', source, ctx);
      if (r.ok) closed.push(id);
    }
    return { closed, skipped: caseIds.length - closed.length };
  }

  /** The order's newest application (after a re-application, the new one; it links the earlier one). */
  async getForOrder(orderId: string): Promise<RefundCase | null> {
    return newestCase(await this.store.getByOrder(orderId)) ?? null;
  }

  async list(opts: { query?: string; status?: CaseStatus; limit?: number; offset?: number } = {}): Promise<{ items: RefundCase[]; total: number }> {
    const limit = opts.limit ?? 50;
    const offset = opts.offset ?? 0;
    if (opts.query) {
      const found = (await this.store.search(opts.query, offset + limit)).filter((c) => !opts.status || c.status === opts.status);
      return { items: found.slice(offset, offset + limit), total: found.length };
    }
    const [items, total] = await Promise.all([
      this.store.list({ status: opts.status, limit, offset }),
      opts.status ? this.store.countStatus(opts.status) : this.store.count(),
    ]);
    return { items, total };
  }

  /**
   * The cases needing attention at `now`, most urgent first (compareUrgency: the late ones, then
   * by time left). Each attention kind is a bounded key range (see ATTENTION_GROUPS) already in
   * that order, so the first `limit` of the merge are among the first `limit` of each range: the
   * popup's first screen reads at most 6 × ~50 records whatever the number of stored cases;
   * `total` comes from the counters.
   */
  async attention(now: number, limit?: number): Promise<{ items: Array<{ case: RefundCase; kind: AttentionKind }>; total: number }> {
    const figures = await this.store.attentionFigures(now);
    const total = Object.values(kindsOf(figures)).reduce((a, b) => a + b, 0);
    const groups = ATTENTION_GROUPS.filter((g) => groupCount(g, figures) > 0);
    const read = await this.store.attentionGroups(groups, now, limit);
    const items: Array<{ case: RefundCase; kind: AttentionKind }> = [];
    for (const c of read.flat()) {
      const k = attention(c, now);
      if (k) items.push({ case: c, kind: k });
    }
    items.sort((a, b) => compareUrgency(a.case, b.case, now));
    return { items: limit ? items.slice(0, limit) : items, total };
  }

  /**
   * The badge's figures without reading any case: rejected and failed from the counters, the
   * time-dependent kinds from key-range counts of the due entries.
   */
  async badge(now: number): Promise<ReturnType<typeof badgeSummary>> {
    return badgeFromKinds(kindsOf(await this.store.attentionFigures(now)));
  }

  async counts(now: number): Promise<{ byStatus: Record<CaseStatus, number>; total: number; badge: ReturnType<typeof badgeSummary> }> {
    const figures = await this.store.attentionFigures(now);
    const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, figures.counts[s]])) as Record<CaseStatus, number>;
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { byStatus, total, badge: badgeFromKinds(kindsOf(figures)) };
  }

  /**
   * Finds the cases whose deadline passed since the last sweep and marks each newly overdue
   * (confirmed) or newly due to confirm (approved) one once (a history entry from source `alarm`),
   * so a notification is never repeated — not after a worker restart, not when two sweeps overlap.
   * Returns the cases marked now (status confirmed: overdue; approved: the confirm reminder).
   */
  async sweepDeadlines(now: number): Promise<RefundCase[]> {
    const last = await this.store.getMeta<number>(META_LAST_SWEEP);
    const due = (await this.store.deadlinesBetween(last, now)).filter((c) => dueMark(c, now));
    // Judged again on the stored copy inside each batch's transaction: a sweep running beside this
    // one (or a change since the read) is seen there, so a case is marked once.
    const marked = await this.inBatches(
      due.map((c) => c.id),
      (cur) => dueMark(cur, now),
    );
    await this.store.setMeta(META_LAST_SWEEP, now);
    return marked;
  }

  /**
   * After the deadline rules changed: every case whose clock is running gets its deadline from the
   * new rules; one that is past its new arrival window (or confirm reminder) is marked once, as by
   * the sweep. Returns those.
   */
  async retimeAll({ now, rules }: Ctx): Promise<RefundCase[]> {
    const marked: RefundCase[] = [];
    for (const status of TIMED_STATUSES) {
      const stale = (await this.store.list({ status, limit: Number.MAX_SAFE_INTEGER })).filter((c) => retime(c, rules) !== c);
      const markedIds = new Set<string>();
      const written = await this.inBatches(
        stale.map((c) => c.id),
        (cur) => {
          const retimed = retime(cur, rules);
          const mark = dueMark(retimed, now);
          if (mark) markedIds.add(cur.id);
          const next = mark ?? retimed;
          return next === cur ? undefined : next;
        },
      );
      marked.push(...written.filter((c) => markedIds.has(c.id)));
    }
    return marked;
  }

  /** `store.updateEach` over `ids`, UPDATE_BATCH cases per transaction (each batch all or nothing). */
  private async inBatches(ids: string[], step: (current: RefundCase) => RefundCase | undefined): Promise<RefundCase[]> {
    const out: RefundCase[] = [];
    for (let i = 0; i < ids.length; i += UPDATE_BATCH) {
      for (const c of await this.store.updateEach(ids.slice(i, i + UPDATE_BATCH), step)) out.push(c);
    }
    return out;
  }

  /** The earliest deadline still ahead of `now`, for the alarm. */
  nextDeadline(now: number): Promise<number | undefined> {
    return this.store.nextDeadline(now);
  }

  /** A whole file as one string, of every case or only `caseIds` (the case list's selection): for small files (the runtime message has a 64 MiB limit; the options page builds large ones itself). */
  private async file(
    kind: 'csv' | 'json' | 'backup',
    now: number,
    rules: RuleSet,
    caseIds?: string[],
  ): Promise<{ filename: string; mime: string; content: string }> {
    const parts: string[] = [];
    const source = caseIds ? fromArray(await this.getMany(caseIds)) : this.store.all();
    for await (const part of fileParts(kind, source, { now, rules })) parts.push(part);
    return { ...fileMeta(kind, now), content: parts.join('') };
  }

  exportCases(format: 'json' | 'csv', { now, rules }: Ctx, caseIds?: string[]): Promise<{ filename: string; mime: string; content: string }> {
    return this.file(format, now, rules, caseIds);
  }

  /**
   * A small cases file from one message: validated completely, then merged by case identity in
   * one transaction, or nothing (see file-writes.ts importCases).
   */
  async importCases(content: string, { now, rules }: Ctx): Promise<Outcome<ImportCounts>> {
    const json = parseJson(content);
    if (!json.ok) return json;
    const found = casesOf(json.value);
    if (!found.ok) return found;
    const parsed = validateCases(found.value.cases, found.value.base ? [found.value.base] : []);
    if (!parsed.ok) return parsed;
    return importCases(this.store, arrayChunks(parsed.value), { now, rules, base: found.value.base });
  }

  /** Rules and every case in one JSON file. */
  backup(rules: RuleSet, now: number): Promise<{ filename: string; mime: string; content: string }> {
    return this.file('backup', now, rules);
  }

  /**
   * Restores a backup from one message, all or nothing across rules and cases: both are validated
   * and the rules size-checked before anything is written (see file-writes.ts restoreCases).
   */
  async restore(content: string, now: number, slot: RulesSlot): Promise<Outcome<{ rules: RuleSet; cases: number }>> {
    const json = parseJson(content);
    if (!json.ok) return json;
    const data = backupOf(json.value);
    if (!data.ok) return data;
    const problems: Problem[] = [];
    const rules = checkRules(data.value.rules);
    if (!rules.ok) problems.push(...(rules.problems ?? []));
    const cases = validateCases(data.value.cases, ['cases']);
    if (!cases.ok) problems.push(...(cases.problems ?? []));
    if (problems.length > 0 || !rules.ok || !cases.ok) return refuse(problems);
    const r = await restoreCases(this.store, arrayChunks(cases.value), { now, rules: rules.value, slot });
    return r.ok ? { ok: true, value: { rules: rules.value, cases: r.value } } : r;
  }

  deleteAll(): Promise<number> {
    return this.store.clear();
  }
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}
