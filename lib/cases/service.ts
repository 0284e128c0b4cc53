/*
 * The case service: the single writer of cases. Every change passes the state machine
 * (./model.ts) and lands in the store (./store.ts) in one transaction with a rev check.
 * No browser.* here and no clock of its own: each call gets `now` and the rules.
 */
import { z } from 'zod';
import type { LocalText } from '../i18n';
import { formatFen } from '../money';
import type { RefundType } from '../order';
import { findOpenCase } from '../rules/evaluate';
import { formatPath, parseRuleSet, type RuleProblem, type RuleSet } from '../rules/schema';
import type { ObservedStatus } from '../sites/texts';
import {
  addNote as addNoteToCase,
  applyAction,
  attention,
  badgeFromKinds,
  badgeSummary,
  compareUrgency,
  createCase,
  formatChinaTime,
  isOverdue,
  observe,
  recomputeDerived,
  retime,
  STATUS_LABELS,
  TIMED_STATUSES,
  URGENCY,
  type AttentionKind,
  type MerchantAction,
  type NewCaseInput,
} from './model';
import { toRow, type CaseRow } from './rows';
import { RefundCase as RefundCaseSchema, type RefundCase } from './schema';
import { CASE_STATUSES, type CaseStatus, type ChangeSource } from './status';
import { StoreError, type AttentionFigures, type CaseStore } from './store';

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
}

export type CaseChange = { case: RefundCase; from: CaseStatus; to: CaseStatus };

/** The history note the deadline sweep writes when a case passes its arrival window. */
export const OVERDUE_NOTE = '超过到账时限 / past the arrival window';

const META_LAST_SWEEP = 'deadlineSweepAt';
const MAX_RETRIES = 3;

export const NOT_FOUND: LocalText = { 'zh-CN': '找不到该退款记录（可能已被删除）。', en: 'Refund case not found (it may have been deleted).' };

const REFUND_TYPE_LABELS: Record<RefundType, string> = { 'refund-only': '仅退款', 'return-refund': '退货退款' };

export const CSV_COLUMNS = [
  '订单编号',
  '售后单号',
  '状态',
  '退款类型',
  '原因',
  '退款金额(元)',
  '物流单号',
  '快递公司',
  '创建时间',
  '更新时间',
] as const;

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
  private update<R>(
    id: string,
    step: (c: RefundCase) => { next?: RefundCase; result: R },
  ): Promise<{ result: R; case: RefundCase } | undefined> {
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

  /** Records a submitted application. The same submitId twice → one case; an open case for the order → that case, `duplicate`. */
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
      });
      return { case: r.case, created: r.kind === 'created', duplicate: r.kind === 'duplicate' };
    });
  }

  /**
   * Applies what a page shows to the matching cases (by after-sale number, else the order's open
   * case): every observation in ONE readwrite transaction (a refund list of 1,000 rows is one
   * commit). Per case the same as a single update: observe() on the stored copy, rev + 1, history.
   * A concurrent single-case write (act, addNote, the sweep) either commits before the batch reads
   * (the batch builds on it) or after, when its rev check fails and it re-reads: nothing is lost.
   */
  async reportPage(observations: Observation[], { now, rules }: Ctx): Promise<{ changes: CaseChange[]; matched: number }> {
    const { matched, changes } = await this.store.updateMatching(
      observations,
      (existing, orderId) => findOpenCase(existing, orderId),
      (c, i) => {
        const seen = observations[i];
        const o = observe(c, seen.status, rules, now, 'page', seen.afterSaleId ? { afterSaleId: seen.afterSaleId } : undefined);
        return o.changed ? o.case : undefined;
      },
    );
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

  /** The order's open case, else its most recently updated one. */
  async getForOrder(orderId: string): Promise<RefundCase | null> {
    const cases = await this.store.getByOrder(orderId);
    if (cases.length === 0) return null;
    return findOpenCase(cases, orderId) ?? cases.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
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
   * The cases needing attention at `now`, most urgent first. Each attention kind is a bounded key
   * range (see ATTENTION_GROUPS), read in urgency order only as far as `limit` needs, so the
   * popup's first screen reads ~50 records whatever the number of stored cases; `total` comes
   * from the counters.
   */
  async attention(now: number, limit?: number): Promise<{ items: Array<{ case: RefundCase; kind: AttentionKind }>; total: number }> {
    const figures = await this.store.attentionFigures(now);
    // An approved case without a deadline is in no range (only a record from before deadlines were stored): scan then.
    if (figures.approvedUndated > 0) return this.attentionScan(now, limit);
    const kinds = kindsOf(figures);
    const total = Object.values(kinds).reduce((a, b) => a + b, 0);
    const want = limit ?? Infinity;
    const groups: Array<{ kind: AttentionKind; status: CaseStatus; which: 'due' | 'later' | 'all' }> = [];
    let before = 0;
    for (const g of ATTENTION_GROUPS) {
      if (before >= want) break;
      const n = groupCount(g, figures);
      if (n > 0) groups.push(g);
      // Both overdue ranges share one kind: the kind's count is added once, after its last group.
      if (g.last) before += kinds[g.kind];
    }
    const read = await this.store.attentionGroups(groups, now, limit);
    const items: Array<{ case: RefundCase; kind: AttentionKind }> = [];
    for (const kind of URGENCY) {
      const cases = groups.flatMap((g, i) => (g.kind === kind ? read[i] : []));
      // Overdue merges two ranges (approved, confirmed); the others are one range, already in order.
      if (kind === 'overdue') cases.sort((a, b) => compareUrgency(a, b, now));
      for (const c of cases) {
        const k = attention(c, now);
        if (k) items.push({ case: c, kind: k });
      }
    }
    return { items: limit ? items.slice(0, limit) : items, total };
  }

  /** The attention list by reading every case in the attention index (a fallback, see attention()). */
  private async attentionScan(now: number, limit?: number): Promise<{ items: Array<{ case: RefundCase; kind: AttentionKind }>; total: number }> {
    const items: Array<{ case: RefundCase; kind: AttentionKind }> = [];
    for (const c of await this.store.attentionCases(now)) {
      const kind = attention(c, now);
      if (kind) items.push({ case: c, kind });
    }
    items.sort((a, b) => compareUrgency(a.case, b.case, now));
    return { items: limit ? items.slice(0, limit) : items, total: items.length };
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
   * Finds the cases whose deadline passed since the last sweep and marks each newly overdue one
   * once (a history entry from source `alarm`), so a notification is never repeated — not after a
   * worker restart, not when two sweeps overlap. Returns the cases marked now.
   */
  async sweepDeadlines(now: number): Promise<RefundCase[]> {
    const last = await this.store.getMeta<number>(META_LAST_SWEEP);
    const due = await this.store.deadlinesBetween(last, now);
    const marked: RefundCase[] = [];
    for (const c of due) {
      if (!isOverdue(c, now) || hasOverdueMark(c)) continue;
      const r = await this.update(c.id, (cur) =>
        isOverdue(cur, now) && !hasOverdueMark(cur) ? { next: markOverdue(cur, now), result: true } : { result: false },
      );
      if (r?.result) marked.push(r.case);
    }
    await this.store.setMeta(META_LAST_SWEEP, now);
    return marked;
  }

  /**
   * After the deadline rules changed: every case whose clock is running gets its deadline from the
   * new rules; one that is past its new arrival window is marked overdue (once). Returns those.
   */
  async retimeAll({ now, rules }: Ctx): Promise<RefundCase[]> {
    const marked: RefundCase[] = [];
    for (const status of TIMED_STATUSES) {
      for (const c of await this.store.list({ status, limit: Number.MAX_SAFE_INTEGER })) {
        if (retime(c, rules) === c) continue;
        const r = await this.update(c.id, (cur) => {
          let next = retime(cur, rules);
          const overdue = isOverdue(next, now) && !hasOverdueMark(next);
          if (overdue) next = markOverdue(next, now);
          return next === cur ? { result: false } : { next, result: overdue };
        });
        if (r?.result) marked.push(r.case);
      }
    }
    return marked;
  }

  /** The earliest deadline still ahead of `now`, for the alarm. */
  nextDeadline(now: number): Promise<number | undefined> {
    return this.store.nextDeadline(now);
  }

  /** Every case, or only `caseIds` (the case list's selection). */
  async exportCases(format: 'json' | 'csv', { now, rules }: Ctx, caseIds?: string[]): Promise<{ filename: string; mime: string; content: string }> {
    const stamp = fileStamp(now);
    const source = caseIds ? await this.getMany(caseIds) : this.store.all();
    if (format === 'json') {
      const cases = caseIds ? (source as RefundCase[]) : await this.allCases();
      return {
        filename: `refund-cases-${stamp}.json`,
        mime: 'application/json',
        content: JSON.stringify({ format: CASES_FORMAT, version: 1, exportedAt: now, cases }, null, 2),
      };
    }
    const reasons = new Map(rules.reasons.map((r) => [r.id, r.label['zh-CN']]));
    const rows: string[] = [CSV_COLUMNS.map(csvCell).join(',')];
    for await (const c of source) {
      rows.push(
        [
          idCell(c.orderId),
          idCell(c.afterSaleId ?? ''),
          csvCell(STATUS_LABELS[c.status]['zh-CN']),
          csvCell(REFUND_TYPE_LABELS[c.refundType] ?? c.refundType),
          csvCell(reasons.get(c.reasonId) ?? c.reasonId),
          csvCell(c.refundAmount === undefined ? '' : formatFen(c.refundAmount, { symbol: false })),
          idCell(c.trackingNo ?? ''),
          csvCell(c.courier ?? ''),
          csvCell(formatChinaTime(c.createdAt)),
          csvCell(formatChinaTime(c.updatedAt)),
        ].join(','),
      );
    }
    // BOM: Excel reads a BOM-less CSV as the system code page and garbles 汉字. CRLF: RFC 4180.
    return { filename: `refund-cases-${stamp}.csv`, mime: 'text/csv;charset=utf-8', content: '\uFEFF' + rows.join('\r\n') + '\r\n' };
  }

  /** Validates a cases file completely, then writes all of it in one transaction, or nothing. */
  async importCases(content: string, { now, rules }: Ctx): Promise<Outcome<{ imported: number }>> {
    const parsed = parseCasesFile(content);
    if (!parsed.ok) return parsed;
    const cases = parsed.value.map((c) => prepareImported(c, rules, now));
    const imported = await this.store.importMany(cases);
    return { ok: true, value: { imported } };
  }

  /** Rules and every case in one JSON file. */
  async backup(rules: RuleSet, now: number): Promise<{ filename: string; mime: string; content: string }> {
    const cases = await this.allCases();
    return {
      filename: `refund-helper-backup-${fileStamp(now)}.json`,
      mime: 'application/json',
      content: JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: now, rules, cases }, null, 2),
    };
  }

  /**
   * Restores a backup: rules and cases are both validated before anything is written; the cases
   * then replace the stored ones in one transaction. The caller stores the returned rules.
   */
  async restore(content: string, now: number): Promise<Outcome<{ rules: RuleSet; cases: number }>> {
    const json = parseJson(content);
    if (!json.ok) return json;
    const data = json.value as { format?: unknown; rules?: unknown; cases?: unknown } | null;
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.format !== BACKUP_FORMAT) {
      return refuse([
        problem('format', `不是退款助手的备份文件（应有 "format": "${BACKUP_FORMAT}"）`, `not a Refund Helper backup (expected "format": "${BACKUP_FORMAT}")`),
      ]);
    }
    const problems: Problem[] = [];
    const rules = parseRuleSet(data.rules ?? null);
    if (!rules.ok) problems.push(...rules.problems.map((p) => prefixProblem('rules', p)));
    const cases = validateCases(data.cases, ['cases']);
    if (!cases.ok) problems.push(...(cases.problems ?? []));
    if (problems.length > 0 || !rules.ok || !cases.ok) return refuse(problems);
    const prepared = cases.value.map((c) => prepareImported(c, rules.rules, now));
    const n = await this.store.replaceAll(prepared);
    return { ok: true, value: { rules: rules.rules, cases: n } };
  }

  deleteAll(): Promise<number> {
    return this.store.clear();
  }

  private async allCases(): Promise<RefundCase[]> {
    const cases: RefundCase[] = [];
    for await (const c of this.store.all()) cases.push(c);
    return cases;
  }
}

/** 202611261200: China time, for file names. */
function fileStamp(now: number): string {
  return formatChinaTime(now).replace(/\D/g, '');
}

// ---------------------------------------------------------------------------------------------
// Attention from counters and key ranges

/** Cases per attention kind (the model's attention()), from the store's counters and due counts. */
function kindsOf(f: AttentionFigures): Record<AttentionKind, number> {
  return {
    overdue: f.approvedDue + f.confirmedDue,
    rejected: f.counts.rejected,
    failed: f.counts.failed,
    approved: f.counts.approved - f.approvedDue,
    'follow-up': f.escalatedDue,
    'review-slow': f.reviewingDue,
  };
}

type AttentionGroup = { kind: AttentionKind; status: CaseStatus; which: 'due' | 'later' | 'all'; last: boolean };

/**
 * Each attention kind as key ranges, in urgency order (URGENCY): within a range the store returns
 * the popup's order (deadline or since-when ascending, then id), which is compareUrgency's.
 */
const ATTENTION_GROUPS: readonly AttentionGroup[] = [
  { kind: 'overdue', status: 'approved', which: 'due', last: false },
  { kind: 'overdue', status: 'confirmed', which: 'due', last: true },
  { kind: 'rejected', status: 'rejected', which: 'all', last: true },
  { kind: 'failed', status: 'failed', which: 'all', last: true },
  { kind: 'approved', status: 'approved', which: 'later', last: true },
  { kind: 'follow-up', status: 'escalated', which: 'due', last: true },
  { kind: 'review-slow', status: 'reviewing', which: 'due', last: true },
];
function groupCount(g: AttentionGroup, f: AttentionFigures): number {
  if (g.which === 'all') return f.counts[g.status];
  if (g.which === 'later') return f.counts.approved - f.approvedDue - f.approvedUndated;
  switch (g.status) {
    case 'approved':
      return f.approvedDue;
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
// Overdue marker

function hasOverdueMark(c: RefundCase): boolean {
  const due = c.deadlines.arrivalDueAt ?? 0;
  return c.history.some((h) => h.source === 'alarm' && h.note === OVERDUE_NOTE && h.at >= due);
}

function markOverdue(c: RefundCase, now: number): RefundCase {
  return recomputeDerived({
    ...c,
    updatedAt: Math.max(c.updatedAt, now),
    history: [...c.history, { from: c.status, to: c.status, at: now, source: 'alarm', note: OVERDUE_NOTE }],
  });
}

// ---------------------------------------------------------------------------------------------
// Files

export const CASES_FORMAT = 'refund-helper-cases';
export const BACKUP_FORMAT = 'refund-helper-backup';
const MAX_IMPORT = 200_000;

/** One CSV field: a leading = + - @ (a formula to Excel) gets a `'`; quoted, quotes doubled. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * A number column: long digit strings (a 19-digit order number) become 2.41E+18 in Excel and the
 * digits are lost. A leading tab makes Excel keep the cell as text; it is invisible there.
 */
function idCell(value: string): string {
  return /^\d{12,}$/.test(value) ? `"\t${value}"` : csvCell(value);
}

function problem(path: string, zh: string, en: string): Problem {
  return { path, message: { 'zh-CN': `${path}：${zh}`, en: `${path}: ${en}` } };
}

function prefixProblem(prefix: string, p: Problem): Problem {
  const path = p.path === '(root)' ? prefix : `${prefix}.${p.path}`;
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

const CasesArray = z.array(RefundCaseSchema).max(MAX_IMPORT);

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

function validateCases(value: unknown, base: PropertyKey[]): Outcome<RefundCase[]> {
  const r = CasesArray.safeParse(value);
  if (!r.success) return refuse(r.error.issues.slice(0, 100).map((i) => zodProblem(i, base)));
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  r.data.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      problems.push(problem(formatPath([...base, i, 'id']), `与第 ${first} 条重复（${c.id}）`, `duplicates entry ${first} (${c.id})`));
    } else seen.set(c.id, i);
  });
  return problems.length ? refuse(problems) : { ok: true, value: r.data };
}

/** A cases file: our export (`{ format, cases }`), a backup, or a bare array of cases. */
export function parseCasesFile(content: string): Outcome<RefundCase[]> {
  const json = parseJson(content);
  if (!json.ok) return json;
  const data = json.value;
  if (Array.isArray(data)) return validateCases(data, []);
  if (data && typeof data === 'object' && 'cases' in data) return validateCases((data as { cases: unknown }).cases, ['cases']);
  return refuse([problem('(root)', '应为退款记录数组或带 "cases" 字段的对象', 'expected an array of cases or an object with "cases"')]);
}

function prepareImported(c: RefundCase, rules: RuleSet, now: number): RefundCase {
  return recomputeDerived(
    { ...c, history: [...c.history, { from: c.status, to: c.status, at: now, source: 'import' }] },
    rules,
  );
}
