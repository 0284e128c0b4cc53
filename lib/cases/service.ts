/*
 * The case service: the single writer of cases. Every change passes the state machine
 * (./model.ts) and lands in the store (./store/) in one transaction with a rev check.
 * No browser.* here and no clock of its own: each call gets `now` and the rules.
 */
import { z } from 'zod';
import type { LocalText } from '../i18n';
import { findOpenCase } from '../rules/evaluate';
import { formatPath, parseRuleSet, type RuleProblem, type RuleSet } from '../rules/schema';
import { rulesSizeProblem } from '../rules/size';
import type { ObservedStatus } from '../sites/texts';
import {
  addNote as addNoteToCase,
  applyAction,
  attention,
  badgeFromKinds,
  badgeSummary,
  createCase,
  CONFIRM_REMINDER_NOTE,
  isConfirmDue,
  isOverdue,
  observe,
  OVERDUE_NOTE,
  recomputeDerived,
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
import { RefundCase as RefundCaseSchema, type RefundCase } from './schema';
import { CASE_STATUSES, type CaseStatus, type ChangeSource } from './status';
import { BACKUP_FORMAT, fileMeta, fileParts } from './files';
import { FileProblem, StoreError, type AttentionFigures, type CaseStore, type MergeCounts } from './store';

export { BACKUP_FORMAT, CASES_FORMAT, CSV_COLUMNS, csvCell } from './files';

export interface Ctx {
  now: number;
  rules: RuleSet;
}

export type Problem = RuleProblem;
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LocalText; problems?: Problem[] };

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

/** Where the rules live, for a restore that must be able to put the old ones back. */
export interface RulesSlot {
  /** The stored value as it is (undefined: none stored, the defaults apply). */
  read(): Promise<unknown>;
  /** Stores `rules` (undefined: remove, back to the defaults); a failure throws. */
  write(rules: RuleSet | unknown | undefined): Promise<void>;
}

export type ImportCounts = MergeCounts & { imported: number };

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
   * Validates a cases file completely, then merges it by case identity in one transaction, or
   * nothing: a stored case is replaced only by a newer copy (see CaseStore.mergeMany).
   */
  async importCases(content: string, { now, rules }: Ctx): Promise<Outcome<ImportCounts>> {
    const parsed = parseCasesFile(content);
    if (!parsed.ok) return parsed;
    return this.guardFile(async () => withImported(await this.store.mergeMany(parsed.value, (c) => prepareImported(c, rules, now))));
  }

  /** Rules and every case in one JSON file. */
  backup(rules: RuleSet, now: number): Promise<{ filename: string; mime: string; content: string }> {
    return this.file('backup', now, rules);
  }

  /**
   * Restores a backup, all or nothing across rules and cases: both are validated and the rules
   * size-checked before anything is written; then the rules are stored (the small, quick write
   * that can fail on the quota), then the cases replace the stored ones in one transaction; if
   * that fails, the old rules are put back.
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
    return this.withRules(rules.value, slot, async () => this.store.replaceAll(cases.value.map((c) => prepareImported(c, rules.value, now))));
  }

  // ---- chunked import and restore (files too large for one message) -----------------------------

  /** Validates one chunk of a file (the same schema as everywhere) and keeps it until the commit. */
  async stageCases(
    { session, seq, offset, base, json }: { session: string; seq: number; offset: number; base: '' | 'cases'; json: string },
    now: number,
  ): Promise<Outcome<{ staged: number }>> {
    const parsed = parseJson(json);
    const r = parsed.ok ? validateCases(parsed.value, base ? [base] : [], offset) : parsed;
    if (!r.ok) {
      await this.store.discardStaged(session).catch(() => {});
      return r;
    }
    await this.store.stage({ session, seq, offset, count: r.value.length, json: JSON.stringify(r.value) }, now);
    return { ok: true, value: { staged: r.value.length } };
  }

  discardStaged(session: string): Promise<void> {
    return this.store.discardStaged(session);
  }

  /** Merges a staged import in one transaction (see mergeMany); `expect`: how many cases the page sent. */
  async commitImport(session: string, expect: number, { now, rules }: Ctx): Promise<Outcome<ImportCounts>> {
    const staged = await this.checkStaged(session, expect);
    if (!staged.ok) return staged;
    return this.guardFile(async () => withImported(await this.store.commitStaged(session, 'merge', (c) => prepareImported(c, rules, now))));
  }

  /** A staged restore with its rules: all or nothing, as restore(). */
  async commitRestore(session: string, expect: number, rulesInput: unknown, now: number, slot: RulesSlot): Promise<Outcome<{ rules: RuleSet; cases: number }>> {
    const rules = checkRules(rulesInput);
    if (!rules.ok) {
      await this.store.discardStaged(session).catch(() => {});
      return refuse(rules.problems ?? []);
    }
    const staged = await this.checkStaged(session, expect);
    if (!staged.ok) return staged;
    return this.withRules(rules.value, slot, () => this.store.commitStaged(session, 'replace', (c) => prepareImported(c, rules.value, now)));
  }

  private async checkStaged(session: string, expect: number): Promise<Outcome<null>> {
    const { cases } = await this.store.stagedCount(session);
    if (cases === expect) return { ok: true, value: null };
    await this.store.discardStaged(session).catch(() => {});
    return { ok: false, error: INTERRUPTED };
  }

  /** A duplicate found across chunks at commit: refused like any other problem of the file. */
  private async guardFile<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (e) {
      if (!(e instanceof StoreError) || !(e.cause instanceof FileProblem)) throw e;
      const p = e.cause;
      return refuse([duplicateProblem(p.index, p.field, p.first, p.value)]);
    }
  }

  private async withRules(rules: RuleSet, slot: RulesSlot, writeCases: () => Promise<number>): Promise<Outcome<{ rules: RuleSet; cases: number }>> {
    const old = await slot.read();
    try {
      await slot.write(rules);
    } catch (e) {
      return { ok: false, error: rulesNotSaved(e) };
    }
    let n: number;
    try {
      const r = await this.guardFile(writeCases);
      if (!r.ok) {
        await slot.write(old);
        return r;
      }
      n = r.value;
    } catch (e) {
      await slot.write(old).catch(() => {});
      const why = e instanceof StoreError ? e.text : { 'zh-CN': String(e), en: String(e) };
      return {
        ok: false,
        error: {
          'zh-CN': `恢复未完成，规则和退款记录都保持原样。${why['zh-CN']}`,
          en: `The restore did not complete; the rules and cases are as they were. ${why.en}`,
        },
      };
    }
    return { ok: true, value: { rules, cases: n } };
  }

  deleteAll(): Promise<number> {
    return this.store.clear();
  }
}

function withImported(c: MergeCounts): ImportCounts {
  return { ...c, imported: c.added + c.updated };
}

const INTERRUPTED: LocalText = {
  'zh-CN': '导入被中断（另一处开始了导入或恢复，或后台重启了），未写入任何内容。请重新选择文件。',
  en: 'The import was interrupted (another import or restore started, or the background restarted); nothing was written. Choose the file again.',
};

/** A rules write that failed (the storage quota): in the merchant's words, with what to do. */
function rulesNotSaved(e: unknown): LocalText {
  const msg = e instanceof Error ? e.message : String(e);
  if (/quota/i.test(msg)) {
    return {
      'zh-CN': '规则太大，浏览器的扩展存储空间放不下，未恢复任何内容；规则和退款记录都保持原样。请缩减规则（例如模板和页面文字）后再备份。',
      en: 'The rules are too large for the browser’s extension storage; nothing was restored and the rules and cases are as they were. Shorten the rules (e.g. templates and page texts) and back up again.',
    };
  }
  return {
    'zh-CN': `规则无法保存，未恢复任何内容；规则和退款记录都保持原样。（${msg}）`,
    en: `The rules could not be saved; nothing was restored and the rules and cases are as they were. (${msg})`,
  };
}

/** The rules of a restore: valid, and small enough to store. */
export function checkRules(input: unknown): Outcome<RuleSet> {
  const rules = parseRuleSet(input);
  if (!rules.ok) return refuse(rules.problems.map((p) => prefixProblem('rules', p)));
  const size = rulesSizeProblem(rules.rules);
  if (size) return refuse([prefixProblem('rules', size)]);
  return { ok: true, value: rules.rules };
}

// ---------------------------------------------------------------------------------------------
// Attention from counters and key ranges

/** Cases per attention kind (the model's attention()), from the store's counters and due counts. */
function kindsOf(f: AttentionFigures): Record<AttentionKind, number> {
  return {
    overdue: f.confirmedDue,
    rejected: f.counts.rejected,
    failed: f.counts.failed,
    approved: f.counts.approved,
    'follow-up': f.escalatedDue,
    'review-slow': f.reviewingDue,
  };
}

type AttentionGroup = { kind: AttentionKind; status: CaseStatus; which: 'due' | 'all' };

/**
 * Each attention kind as one key range: within a range the store returns the popup's order
 * (deadline or since-when ascending, then id), which is compareUrgency's.
 * Every approved case needs attention (it waits for the merchant's confirmation),
 * ordered by approval (its confirm reminder is approval + a fixed number of hours); only a
 * confirmed case can be overdue.
 */
const ATTENTION_GROUPS: readonly AttentionGroup[] = [
  { kind: 'overdue', status: 'confirmed', which: 'due' },
  { kind: 'rejected', status: 'rejected', which: 'all' },
  { kind: 'failed', status: 'failed', which: 'all' },
  { kind: 'approved', status: 'approved', which: 'all' },
  { kind: 'follow-up', status: 'escalated', which: 'due' },
  { kind: 'review-slow', status: 'reviewing', which: 'due' },
];
function groupCount(g: AttentionGroup, f: AttentionFigures): number {
  if (g.which === 'all') return f.counts[g.status];
  switch (g.status) {
    case 'confirmed':
      return f.confirmedDue;
    case 'reviewing':
      return f.reviewingDue;
    case 'escalated':
      return f.escalatedDue;
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Deadline markers

/** Whether the case already carries the marker `note` for the deadline `at` (or a later one). */
function hasMark(c: RefundCase, note: string, at: number): boolean {
  return c.history.some((h) => h.source === 'alarm' && h.note === note && h.at >= at);
}

/**
 * The case with its deadline marker, when one is due and not yet written: a confirmed case past
 * its arrival window (overdue), an approved case past its confirm reminder. Else undefined.
 */
function dueMark(c: RefundCase, now: number): RefundCase | undefined {
  let note: string | undefined;
  if (isOverdue(c, now) && !hasMark(c, OVERDUE_NOTE, c.deadlines.arrivalDueAt!)) note = OVERDUE_NOTE;
  else if (isConfirmDue(c, now) && !hasMark(c, CONFIRM_REMINDER_NOTE, c.deadlines.confirmRemindAt!)) note = CONFIRM_REMINDER_NOTE;
  if (note === undefined) return undefined;
  return recomputeDerived({
    ...c,
    updatedAt: Math.max(c.updatedAt, now),
    history: [...c.history, { from: c.status, to: c.status, at: now, source: 'alarm', note }],
  });
}

// ---------------------------------------------------------------------------------------------
// Files

const MAX_IMPORT = 200_000;

function problem(path: string, zh: string, en: string): Problem {
  return { path, message: { 'zh-CN': `${path}：${zh}`, en: `${path}: ${en}` } };
}

function prefixProblem(prefix: string, p: Problem): Problem {
  const path = p.path === '(root)' ? prefix : `${prefix}.${p.path}`;
  // A rule set's problem already says where in words; only its path moves under the backup's `rules`.
  if (p.detail) return { ...p, path };
  return {
    path,
    message: {
      'zh-CN': p.message['zh-CN'].startsWith(p.path) ? path + p.message['zh-CN'].slice(p.path.length) : `${path}：${p.message['zh-CN']}`,
      en: p.message.en.startsWith(p.path) ? path + p.message.en.slice(p.path.length) : `${path}: ${p.message.en}`,
    },
  };
}

function refuse(problems: Problem[]): { ok: false; error: LocalText; problems: Problem[] } {
  const n = problems.length;
  return {
    ok: false,
    error: { 'zh-CN': `文件有 ${n} 个问题，未导入任何内容。`, en: `The file has ${n} problem${n === 1 ? '' : 's'}; nothing was imported.` },
    problems,
  };
}

function parseJson(content: string): Outcome<unknown> {
  try {
    return { ok: true, value: JSON.parse(content.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return refuse([problem('(root)', `不是有效的 JSON（${msg}）`, `not valid JSON (${msg})`)]);
  }
}

const CasesArray = z.array(RefundCaseSchema).max(MAX_IMPORT, { error: `最多 ${MAX_IMPORT} 条 / at most ${MAX_IMPORT} cases` });

function duplicateProblem(index: number, field: 'id' | 'afterSaleId', first: number, value: string): Problem {
  const what = field === 'id' ? { zh: '编号', en: 'id' } : { zh: '售后单号', en: 'after-sale number' };
  return problem(formatPath(['cases', index, field]), `${what.zh}与第 ${first} 条重复（${value}）`, `the ${what.en} duplicates entry ${first} (${value})`);
}

function zodProblem(issue: z.core.$ZodIssue, base: PropertyKey[]): Problem {
  const path = formatPath([...base, ...issue.path]);
  const zh: Record<string, string> = {
    invalid_type: '类型不对或缺少必填项',
    invalid_value: '不是允许的值',
    too_big: '超出允许的长度或范围',
    too_small: '短于或小于允许的范围',
    invalid_format: '格式不对',
    unrecognized_keys: '有不认识的字段',
  };
  return problem(path, `${zh[issue.code] ?? '无效'}（${issue.message}）`, issue.message);
}

/**
 * The one validation of cases from outside (a file, a chunk of one): the stored-case schema, and no
 * id or after-sale number twice. `offset`: the index in the file of the first entry (a chunk).
 */
export function validateCases(value: unknown, base: PropertyKey[], offset = 0): Outcome<RefundCase[]> {
  const r = CasesArray.safeParse(value);
  if (!r.success) {
    return refuse(
      r.error.issues
        .slice(0, 100)
        .map((i) => zodProblem({ ...i, path: typeof i.path[0] === 'number' ? [i.path[0] + offset, ...i.path.slice(1)] : i.path } as z.core.$ZodIssue, base)),
    );
  }
  const ids = new Map<string, number>();
  const afterSales = new Map<string, number>();
  const problems: Problem[] = [];
  r.data.forEach((c, k) => {
    const i = k + offset;
    const first = ids.get(c.id);
    if (first !== undefined) problems.push(withBase(duplicateProblem(i, 'id', first, c.id), base));
    else ids.set(c.id, i);
    if (c.afterSaleId) {
      const firstAs = afterSales.get(c.afterSaleId);
      if (firstAs !== undefined) problems.push(withBase(duplicateProblem(i, 'afterSaleId', firstAs, c.afterSaleId), base));
      else afterSales.set(c.afterSaleId, i);
    }
  });
  return problems.length ? refuse(problems.slice(0, 100)) : { ok: true, value: r.data };
}

/** duplicateProblem names `cases[i]`; a bare array's entries are `[i]`. */
function withBase(p: Problem, base: PropertyKey[]): Problem {
  if (base[0] === 'cases') return p;
  const strip = (s: string) => s.replace(/^cases(?=\[)/, '');
  return { path: strip(p.path), message: { 'zh-CN': strip(p.message['zh-CN']), en: strip(p.message.en) } };
}

/** A cases file: our export (`{ format, cases }`), a backup, or a bare array of cases. */
export function parseCasesFile(content: string): Outcome<RefundCase[]> {
  const json = parseJson(content);
  if (!json.ok) return json;
  const found = casesOf(json.value);
  return found.ok ? validateCases(found.value.cases, found.value.base ? [found.value.base] : []) : found;
}

/** Where a cases file keeps its cases (not yet validated): a bare array, or `{ cases: [...] }` (an export or a backup). */
export function casesOf(data: unknown): Outcome<{ base: '' | 'cases'; cases: unknown[] }> {
  if (Array.isArray(data)) return { ok: true, value: { base: '', cases: data } };
  if (data && typeof data === 'object' && Array.isArray((data as { cases?: unknown }).cases)) {
    return { ok: true, value: { base: 'cases', cases: (data as { cases: unknown[] }).cases } };
  }
  return refuse([problem('(root)', '应为退款记录数组或带 "cases" 字段的对象', 'expected an array of cases or an object with "cases"')]);
}

/** A backup's parts (not yet validated): its rules and its cases. */
export function backupOf(data: unknown): Outcome<{ rules: unknown; cases: unknown[] }> {
  const d = data as { format?: unknown; rules?: unknown; cases?: unknown } | null;
  if (!d || typeof d !== 'object' || Array.isArray(d) || d.format !== BACKUP_FORMAT) {
    return refuse([
      problem('format', `不是退款助手的备份文件（应有 "format": "${BACKUP_FORMAT}"）`, `not a Refund Helper backup (expected "format": "${BACKUP_FORMAT}")`),
    ]);
  }
  if (!Array.isArray(d.cases)) return refuse([problem('cases', '应为退款记录数组', 'expected an array of cases')]);
  return { ok: true, value: { rules: d.rules ?? null, cases: d.cases } };
}

/** A file's text as JSON, or the problem (a BOM is allowed). */
export function parseFileJson(content: string): Outcome<unknown> {
  return parseJson(content);
}

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

function prepareImported(c: RefundCase, rules: RuleSet, now: number): RefundCase {
  return recomputeDerived({ ...c, history: [...c.history, { from: c.status, to: c.status, at: now, source: 'import' }] }, rules);
}
