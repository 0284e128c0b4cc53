/*
 * Large case files between the options page and the extension, without one giant runtime message
 * (a browser refuses messages over 64 MiB: ~90,000 cases):
 *
 * - Saving (CSV, JSON, backup): the options page reads the cases straight from the extension's
 *   IndexedDB (extension pages share the extension origin's database) with a read-only
 *   connection, page by page, and hands the pieces to a Blob. Nothing to chunk, no copy through
 *   the background, and the background stays the only writer.
 * - Importing and restoring: the page reads and parses the file and sends its cases in chunks;
 *   the background validates each chunk with the case schema and keeps it apart (staging) until
 *   the commit writes all of it in one transaction. Cancel drops the staged chunks: nothing written.
 */
import type { LocalText } from '../i18n';
import type { RuleProblem, RuleSet } from '../rules/schema';
import { fileMeta, fileParts, type FileKind } from './files';
import type { RefundCase } from './schema';
import { backupOf, casesOf, checkRules, parseFileJson, type ImportCounts } from './service';
import { openReader, type CaseStore } from './store';

export type Progress = { phase: 'read' | 'send' | 'write' | 'save'; done: number; total: number };
export type TransferOutcome<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: RuleProblem[]; cancelled?: boolean };

/** Cases per message: about 1.5 MB each. */
export const CHUNK = 2000;

export const CANCELLED: LocalText = {
  'zh-CN': '已取消，未写入任何内容。',
  en: 'Cancelled; nothing was written.',
};

type Answer<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: RuleProblem[] };

/** The background's messages a transfer uses (lib/messaging/send.ts, or a fake in tests). */
export interface TransferPort {
  stageCases(data: { session: string; seq: number; offset: number; base: '' | 'cases'; json: string }): Promise<Answer<{ staged: number }>>;
  commitImport(data: { session: string; expect: number }): Promise<Answer<ImportCounts>>;
  commitRestore(data: { session: string; expect: number; rules: unknown }): Promise<Answer<{ cases: number }>>;
  discardStaged(data: { session: string }): Promise<Answer<null>>;
}

export interface TransferOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

function sessionId(): string {
  return `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Lets the page paint the progress between chunks. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function sendChunks(
  port: TransferPort,
  session: string,
  base: '' | 'cases',
  cases: unknown[],
  { onProgress, signal }: TransferOptions,
): Promise<TransferOutcome<null>> {
  const total = cases.length;
  onProgress?.({ phase: 'send', done: 0, total });
  const cancel = async (): Promise<TransferOutcome<null>> => {
    await port.discardStaged({ session }).catch(() => {});
    return { ok: false, error: CANCELLED, cancelled: true };
  };
  // The next chunk's text is made while the background checks the current one; chunks still
  // arrive one after the other (the first one clears what an earlier session left).
  const text = (offset: number) => JSON.stringify(cases.slice(offset, offset + CHUNK));
  let json = text(0);
  for (let seq = 0, offset = 0; offset < total || seq === 0; seq++, offset += CHUNK) {
    if (signal?.aborted) return cancel();
    const answer = port.stageCases({ session, seq, offset, base, json });
    const next = offset + CHUNK < total ? text(offset + CHUNK) : '';
    const r = await answer;
    if (!r.ok) return r;
    json = next;
    onProgress?.({ phase: 'send', done: Math.min(total, offset + CHUNK), total });
    await tick();
    if (total === 0) break;
  }
  if (signal?.aborted) return cancel();
  return { ok: true, data: null };
}

/** Imports a cases file (an export, a backup or a bare array): merged by case identity, all or nothing. */
export async function importFile(port: TransferPort, text: string, opts: TransferOptions = {}): Promise<TransferOutcome<ImportCounts>> {
  opts.onProgress?.({ phase: 'read', done: 0, total: 0 });
  await tick();
  const json = parseFileJson(text);
  if (!json.ok) return { ok: false, error: json.error, problems: json.problems };
  const found = casesOf(json.value);
  if (!found.ok) return { ok: false, error: found.error, problems: found.problems };
  const session = sessionId();
  const sent = await sendChunks(port, session, found.value.base, found.value.cases, opts);
  if (!sent.ok) return sent;
  opts.onProgress?.({ phase: 'write', done: 0, total: found.value.cases.length });
  return port.commitImport({ session, expect: found.value.cases.length });
}

/** Restores a backup: the rules are checked here first (size included), then everything is checked and written by the background, all or nothing. */
export async function restoreFile(port: TransferPort, text: string, opts: TransferOptions = {}): Promise<TransferOutcome<{ cases: number }>> {
  opts.onProgress?.({ phase: 'read', done: 0, total: 0 });
  await tick();
  const json = parseFileJson(text);
  if (!json.ok) return { ok: false, error: json.error, problems: json.problems };
  const backup = backupOf(json.value);
  if (!backup.ok) return { ok: false, error: backup.error, problems: backup.problems };
  // Rules that could never be stored are refused before any case is sent.
  const rules = checkRules(backup.value.rules);
  if (!rules.ok) return { ok: false, error: rules.error, problems: rules.problems };
  const session = sessionId();
  const sent = await sendChunks(port, session, 'cases', backup.value.cases, opts);
  if (!sent.ok) return sent;
  opts.onProgress?.({ phase: 'write', done: 0, total: backup.value.cases.length });
  return port.commitRestore({ session, expect: backup.value.cases.length, rules: backup.value.rules });
}

/**
 * Builds a CSV, JSON or backup file from the extension's database, read directly (see the top of
 * this file). `total`: how many cases there are (the background's count), for the progress.
 */
export async function buildFile(
  kind: FileKind,
  { rules, now, total, open = () => openReader() }: { rules: RuleSet; now: number; total: number; open?: () => Promise<CaseStore> },
  { onProgress, signal }: TransferOptions = {},
): Promise<TransferOutcome<{ filename: string; mime: string; blob: Blob; count: number }>> {
  const store = await open();
  try {
    let count = 0;
    async function* counted(): AsyncGenerator<RefundCase> {
      for await (const c of store.all(1000)) {
        count++;
        yield c;
      }
    }
    const parts: string[] = [];
    onProgress?.({ phase: 'save', done: 0, total });
    for await (const part of fileParts(kind, counted(), { now, rules })) {
      if (signal?.aborted) return { ok: false, error: { 'zh-CN': '已取消。', en: 'Cancelled.' }, cancelled: true };
      parts.push(part);
      onProgress?.({ phase: 'save', done: count, total: Math.max(total, count) });
      await tick();
    }
    const meta = fileMeta(kind, now);
    return { ok: true, data: { ...meta, blob: new Blob(parts, { type: meta.mime }), count } };
  } finally {
    store.close();
  }
}
