/*
 * Large case files between the options page and the extension's database, without runtime
 * messages carrying them (a browser refuses messages over 64 MiB: ~90,000 cases; and copying a
 * 150 MB file through the background took longer than writing it):
 *
 * - Saving (CSV, JSON, backup): the options page reads the cases straight from the extension's
 *   IndexedDB (extension pages share the extension origin's database), page by page, and hands
 *   the pieces to a Blob.
 * - Importing and restoring: the options page reads the file as a stream, chunk by chunk
 *   (file-read.ts: it never holds the whole text nor every parsed case), and writes it itself, in
 *   one transaction, checking each chunk of entries with the case schema (intake.ts, the same
 *   check as every message's) while the database writes the one before, through the same store
 *   code as the background (file-writes.ts; the kept counters change in that transaction). Then
 *   one message asks the background to recount the badge and re-arm the alarms. A refused entry,
 *   a cancel or a closed page aborts the transaction: nothing written. Only an extension page can
 *   open this database: a back-office tab cannot.
 */
import type { LocalText } from '../i18n';
import type { RuleProblem, RuleSet } from '../rules/schema';
import { CANCELLED, CHUNK, checkedChunks, importCases, restoreCases, type ImportCounts, type RulesSlot, type WriteOutcome } from './file-writes';
import { CaseFileReader, type FileSource } from './file-read';
import { fileMeta, fileParts, type FileKind } from './files';
import { backupOf, casesOf, checkRules, notJson, type Outcome } from './intake';
import { JsonSyntax } from './json-stream';
import type { RefundCase } from './schema';
import { openExisting, type CaseStore } from './store';

export { CANCELLED, CHUNK } from './file-writes';

export type { FileSource } from './file-read';

/** `total`: 0 while not known (a file read as a stream); `share`: how much of the file was read (0–1). */
export type Progress = { phase: 'read' | 'write' | 'save'; done: number; total: number; share?: number };
export type TransferOutcome<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: RuleProblem[]; cancelled?: boolean };

/** What an import or restore needs from the extension (the options client, or a fake in tests). */
export interface TransferPort {
  /** The case database as the background made it (asking the background first opens and upgrades it). */
  open(): Promise<CaseStore>;
  /** The rules in force: an imported case's deadlines are counted from them. */
  rules(): Promise<RuleSet>;
  /** Where the rules are stored (a restore replaces them). */
  slot: RulesSlot;
  /** Tells the background the cases changed: it recounts the badge and re-arms the alarms. */
  written(): Promise<unknown>;
  now(): number;
}

export interface TransferOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** Pieces of a saved file (1,000 cases each) gathered into one Blob. */
const PARTS_PER_BLOB = 10;

/** Lets the page paint the progress before a long step. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

function answer<T>(r: WriteOutcome<T>): TransferOutcome<T> {
  if (r.ok) return { ok: true, data: r.value };
  return 'cancelled' in r ? { ok: false, error: r.error, cancelled: true } : { ok: false, error: r.error, problems: r.problems };
}

/** Opens the database, writes, closes; the background recounts after a write that took. */
async function writing<T>(port: TransferPort, write: (store: CaseStore) => Promise<WriteOutcome<T>>): Promise<TransferOutcome<T>> {
  const store = await port.open();
  let r: WriteOutcome<T>;
  try {
    r = await write(store);
  } finally {
    store.close();
  }
  // Should the background not answer, its next alarm recounts: the cases are written either way.
  if (r.ok) await port.written().catch(() => {});
  return answer(r);
}

/** The write phase's progress: entries written so far, and how much of the file was read (its count is known at the end). */
function writeProgress(file: CaseFileReader, onProgress: TransferOptions['onProgress']) {
  onProgress?.({ phase: 'write', done: 0, total: 0, share: 0 });
  return (done: number) => onProgress?.({ phase: 'write', done, total: 0, share: file.size > 0 ? file.bytesRead / file.size : 1 });
}

/** Reads a file up to its cases array (its members before it); a file that is not JSON refused. */
async function begin(file: CaseFileReader): Promise<Outcome<Record<string, unknown>>> {
  try {
    return { ok: true, value: await file.begin() };
  } catch (e) {
    if (e instanceof JsonSyntax) return notJson(e.message);
    throw e;
  }
}

/** Where the file keeps its cases (a bare array, or `{ cases: [...] }`), or why it is not a cases file. */
function casesPlace(file: CaseFileReader, head: Record<string, unknown>): Outcome<'' | 'cases'> {
  if (file.root === 'array') return { ok: true, value: '' };
  const found = casesOf(file.casesSeen ? { cases: [] } : file.root === 'object' ? head : head.value);
  return found.ok ? { ok: true, value: found.value.base } : found;
}

/**
 * Imports a cases file (an export, a backup or a bare array), read as a stream: merged by case
 * identity, all or nothing, cancellable.
 */
export async function importFile(port: TransferPort, source: FileSource, opts: TransferOptions = {}): Promise<TransferOutcome<ImportCounts>> {
  const { onProgress, signal } = opts;
  onProgress?.({ phase: 'read', done: 0, total: 0 });
  await tick();
  const file = new CaseFileReader(source, CHUNK);
  try {
    const head = await begin(file);
    if (!head.ok) return { ok: false, error: head.error, problems: head.problems };
    const base = casesPlace(file, head.value);
    if (!base.ok) return { ok: false, error: base.error, problems: base.problems };
    const rules = await port.rules();
    if (signal?.aborted) return { ok: false, error: CANCELLED, cancelled: true };
    const onWritten = writeProgress(file, onProgress);
    const r = await writing(port, (store) =>
      importCases(store, checkedChunks(file, base.value, signal), { now: port.now(), rules, base: base.value }, { onWritten }),
    );
    if (r.ok) onProgress?.({ phase: 'write', done: file.count, total: file.count, share: 1 });
    return r;
  } finally {
    await file.close();
  }
}

/**
 * Restores a backup, read as a stream: the rules are checked first (size included), then the cases
 * and the rules are written, all or nothing, cancellable. Our backups keep the rules before the
 * cases; a file with them after is read through once for its rules, then again for its cases.
 */
export async function restoreFile(port: TransferPort, source: FileSource, opts: TransferOptions = {}): Promise<TransferOutcome<{ cases: number }>> {
  const { onProgress, signal } = opts;
  onProgress?.({ phase: 'read', done: 0, total: 0 });
  await tick();
  let file = new CaseFileReader(source, CHUNK);
  try {
    let head = await begin(file);
    if (head.ok && file.casesSeen && !Object.hasOwn(head.value, 'rules')) {
      const rest = await file.end().then(
        (members): Outcome<Record<string, unknown>> => ({ ok: true, value: members }),
        (e) => (e instanceof JsonSyntax ? notJson(e.message) : Promise.reject(e)),
      );
      await file.close();
      file = new CaseFileReader(source, CHUNK);
      head = rest.ok ? await begin(file).then((h) => (h.ok ? rest : h)) : rest;
    }
    if (!head.ok) return { ok: false, error: head.error, problems: head.problems };
    const backup = backupOf({ ...head.value, cases: file.casesSeen ? [] : head.value.cases });
    if (!backup.ok) return { ok: false, error: backup.error, problems: backup.problems };
    // Rules that could never be stored are refused before any case is written.
    const rules = checkRules(backup.value.rules);
    if (!rules.ok) return { ok: false, error: rules.error, problems: rules.problems };
    if (signal?.aborted) return { ok: false, error: CANCELLED, cancelled: true };
    const onWritten = writeProgress(file, onProgress);
    const r = await writing(port, (store) =>
      restoreCases(store, checkedChunks(file, 'cases', signal), { now: port.now(), rules: rules.value, slot: port.slot }, { onWritten }),
    );
    if (r.ok) onProgress?.({ phase: 'write', done: file.count, total: file.count, share: 1 });
    return r.ok ? { ok: true, data: { cases: r.data } } : r;
  } finally {
    await file.close();
  }
}

/**
 * Builds a CSV, JSON or backup file from the extension's database, read directly (see the top of
 * this file). `total`: how many cases there are (the background's count), for the progress.
 */
export async function buildFile(
  kind: FileKind,
  { rules, now, total, open = () => openExisting() }: { rules: RuleSet; now: number; total: number; open?: () => Promise<CaseStore> },
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
    // Every few pieces go into a Blob (the browser keeps its bytes outside the page's heap), so
    // the page never holds the whole file's text.
    const blobs: Blob[] = [];
    let parts: string[] = [];
    onProgress?.({ phase: 'save', done: 0, total });
    for await (const part of fileParts(kind, counted(), { now, rules })) {
      if (signal?.aborted) return { ok: false, error: { 'zh-CN': '已取消。', en: 'Cancelled.' }, cancelled: true };
      parts.push(part);
      if (parts.length >= PARTS_PER_BLOB) {
        blobs.push(new Blob(parts));
        parts = [];
      }
      onProgress?.({ phase: 'save', done: count, total: Math.max(total, count) });
      await tick();
    }
    const meta = fileMeta(kind, now);
    return { ok: true, data: { ...meta, blob: new Blob([...blobs, ...parts], { type: meta.mime }), count } };
  } finally {
    store.close();
  }
}
