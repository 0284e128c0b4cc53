/*
 * A checked file written into the store: the import (merged by case identity) and the restore
 * (the rules and every case), each in ONE transaction, chunk by chunk (store/bulk.ts writeFile),
 * all or nothing. The same code whether the background writes a small file from one message or
 * the options page writes a large one itself (transfer.ts).
 */
import type { LocalText } from '../i18n';
import type { RuleSet } from '../rules/schema';
import type { CaseFileReader } from './file-read';
import { duplicateProblem, MAX_IMPORT, notJson, prepareImported, problem, refuse, validateCases, withBase, type Outcome } from './intake';
import { JsonSyntax } from './json-stream';
import type { RefundCase } from './schema';
import { FileProblem, StoreError, type CaseStore, type Chunk, type MergeCounts, type NextChunk } from './store';

export type ImportCounts = MergeCounts & { imported: number };

/** Where the rules live, for a restore that must be able to put the old ones back. */
export interface RulesSlot {
  /** The stored value as it is (undefined: none stored, the defaults apply). */
  read(): Promise<unknown>;
  /** Stores `rules` (undefined: remove, back to the defaults); a failure throws. */
  write(rules: RuleSet | unknown | undefined): Promise<void>;
}

/** Entries per chunk: a chunk is checked while the database writes the one before. */
export const CHUNK = 2000;

export const CANCELLED: LocalText = {
  'zh-CN': '已取消，未写入任何内容。',
  en: 'Cancelled; nothing was written.',
};

export type WriteOutcome<T> = Outcome<T> | { ok: false; error: LocalText; cancelled: true };

export interface WriteOptions {
  signal?: AbortSignal;
  /** How many of the file's entries are written so far. */
  onWritten?: (done: number) => void;
}

/** A file's entries refused, or the merchant's cancel: thrown out of a chunk to abort the write. */
class Stop extends Error {
  constructor(readonly outcome: WriteOutcome<never>) {
    super('stopped');
  }
}

/**
 * The file's entries as chunks, read and checked with the case schema when each is asked for (the
 * entries of a file that is refused late were never written: the write aborts). `base`: where the
 * file keeps its cases ('' for a bare array), for each problem's place. After the last chunk the
 * file is read to its end: text after the cases that is not valid JSON refuses the file too.
 */
export function checkedChunks(file: CaseFileReader, base: '' | 'cases', signal?: AbortSignal): () => Promise<Chunk | undefined> {
  const stop = (e: unknown): never => {
    if (e instanceof JsonSyntax) throw new Stop(notJson(e.message));
    throw e;
  };
  return async () => {
    if (signal?.aborted) throw new Stop({ ok: false, error: CANCELLED, cancelled: true });
    const raw = await file.next().catch(stop);
    if (!raw) {
      const rest = await file.end().catch(stop);
      if (Object.hasOwn(rest, 'cases')) throw new Stop(refuse([problem('cases', '出现了两次', 'appears twice')]));
      return undefined;
    }
    if (raw.offset + raw.entries.length > MAX_IMPORT) {
      const at = base || '(root)';
      throw new Stop(refuse([problem(at, `最多 ${MAX_IMPORT} 条（文件更多）`, `at most ${MAX_IMPORT} cases (the file has more)`)]));
    }
    const r = validateCases(raw.entries, base ? [base] : [], raw.offset);
    if (!r.ok) throw new Stop(r);
    return { cases: r.value, offset: raw.offset };
  };
}

/** Cases already checked, as chunks. */
export function arrayChunks(cases: RefundCase[]): () => Chunk | undefined {
  let offset = 0;
  return () => {
    if (offset >= cases.length) return undefined;
    const chunk = { cases: cases.slice(offset, offset + CHUNK), offset };
    offset += CHUNK;
    return chunk;
  };
}

/** The write's outcome: a refusal, a cancel or a duplicate across chunks in the merchant's words; a storage failure thrown. */
async function outcome<T>(base: '' | 'cases', fn: () => Promise<T>): Promise<WriteOutcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    const cause = e instanceof StoreError ? (e as { cause?: unknown }).cause : e;
    if (cause instanceof Stop) return cause.outcome;
    if (cause instanceof FileProblem) return refuse([withBase(duplicateProblem(cause.index, cause.field, cause.first, cause.value), base ? [base] : [])]);
    throw e;
  }
}

/** Merges the file into the store: a stored case is replaced only by a strictly newer copy; says what it added, updated and skipped. */
export async function importCases(
  store: CaseStore,
  next: NextChunk,
  { now, rules, base }: { now: number; rules: RuleSet; base: '' | 'cases' },
  { onWritten }: WriteOptions = {},
): Promise<WriteOutcome<ImportCounts>> {
  return outcome(base, async () => {
    const c = await store.writeFile('merge', next, (x) => prepareImported(x, rules, now), { onWritten });
    return { ...c, imported: c.added + c.updated };
  });
}

/**
 * Replaces the rules and every case, all or nothing: the cases are written in one transaction and
 * the rules stored at its end, before it commits (a rules write that fails, e.g. over the storage
 * quota, aborts the cases with it); should the commit itself fail, the old rules are put back.
 */
export async function restoreCases(
  store: CaseStore,
  next: NextChunk,
  { now, rules, slot }: { now: number; rules: RuleSet; slot: RulesSlot },
  { onWritten }: WriteOptions = {},
): Promise<WriteOutcome<number>> {
  const old = await slot.read();
  let stored = false;
  const beforeCommit = async () => {
    try {
      await slot.write(rules);
      stored = true;
    } catch (e) {
      throw new Stop({ ok: false, error: rulesNotSaved(e) });
    }
  };
  try {
    return await outcome('cases', () => store.writeFile('replace', next, (c) => prepareImported(c, rules, now), { beforeCommit, onWritten }));
  } catch (e) {
    if (stored) await slot.write(old).catch(() => {});
    const why = e instanceof StoreError ? e.text : { 'zh-CN': String(e), en: String(e) };
    return {
      ok: false,
      error: {
        'zh-CN': `恢复未完成，规则和退款记录都保持原样。${why['zh-CN']}`,
        en: `The restore did not complete; the rules and cases are as they were. ${why.en}`,
      },
    };
  }
}

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
