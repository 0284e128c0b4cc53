import { useEffect, useRef, useState } from 'preact/hooks';
import { tr, type LocalText } from '../../../lib/i18n';
import { PATTERN_INPUT_MAX } from '../../../lib/rules/constants';
import { parseRuleSet, type RuleProblem, type RuleSet } from '../../../lib/rules/schema';
import { formatBytes, RULES_MAX_BYTES } from '../../../lib/rules/size';
import { errorText, type FileKind, type OptionsClient, type Progress } from '../client';
import { useEditor } from '../editor';
import { Section } from './Section';

type Note = { ok: boolean; text: string } | null;

function ProblemList({ problems, hook, title }: { problems: readonly RuleProblem[]; hook: string; title: string }) {
  const ed = useEditor();
  return (
    <div class="rh-problems" role="alert" data-rh={hook}>
      <p class="rh-problems-title">{title}</p>
      <ul>
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file's problems, replaced whole and never reordered; two may share a path
          <li key={i} data-path={p.path}>
            {ed.l(p.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Status({ note, hook }: { note: Note; hook: string }) {
  if (!note) return null;
  return (
    <p class={`rh-status ${note.ok ? 'ok' : 'bad'}`} role="status" data-rh={hook} data-ok={String(note.ok)}>
      {note.text}
    </p>
  );
}

/** The chosen file, to read as a stream (a 150 MB case file is never one string); the input is cleared. */
function chosenFile(input: HTMLInputElement): File | null {
  const file = input.files?.[0] ?? null;
  input.value = ''; // the same file can be chosen again
  return file;
}

async function readFile(input: HTMLInputElement): Promise<string | null> {
  const file = input.files?.[0];
  if (!file) return null;
  try {
    return await file.text();
  } finally {
    input.value = ''; // the same file can be chosen again
  }
}

/** Focus the element when `open` becomes true (a confirmation that just appeared). */
function useFocusWhen<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  return ref;
}

type Op = 'import' | 'restore' | FileKind;
type Busy = { op: Op; progress: Progress; abort: AbortController } | null;

/** The running file operation: a bar, what it is doing, and Cancel (an import or restore cancelled mid-write writes nothing: one transaction). */
function Transfer({ busy }: { busy: Busy }) {
  const ed = useEditor();
  if (!busy) return null;
  const { phase, done, total, share } = busy.progress;
  // A file read as a stream: its count is known at its end, so the bar follows how much was read.
  const key = phase === 'read' ? 'progressRead' : phase === 'write' ? (total > 0 ? 'progressWrite' : 'progressWriteStream') : 'progressSave';
  const fmt = (n: number) => n.toLocaleString(ed.locale);
  const bar = phase === 'read' ? undefined : total > 0 ? { value: done, max: total } : share !== undefined ? { value: share, max: 1 } : undefined;
  const pct = `${Math.floor((share ?? 0) * 100)}%`;
  return (
    <div class="rh-transfer" data-rh="data-progress" data-op={busy.op} data-phase={phase} data-done={done} data-total={total}>
      <progress aria-label={ed.t('progressLabel')} {...(bar ?? {})} />
      <span role="status">{ed.t(key, { done: fmt(done), total: fmt(total), pct })}</span>
      <button type="button" class="rh-btn-ghost" data-rh="data-cancel" disabled={busy.abort.signal.aborted} onClick={() => busy.abort.abort()}>
        {ed.t('cancel')}
      </button>
    </div>
  );
}

function stamp(now: number): string {
  const d = new Date(now);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

export interface DataSectionProps {
  client: OptionsClient;
  /** The rules as saved (what an export writes). */
  saved: RuleSet;
  /** The rules changed outside the editor (import, reset, restore, delete). */
  onRulesReplaced(rules: RuleSet): void;
  /** Reload the rules from the background (after restore/delete). */
  onReload(): Promise<void>;
  now?: () => number;
}

export function DataSection({ client, saved, onRulesReplaced, onReload, now = Date.now }: DataSectionProps) {
  const ed = useEditor();
  const [rulesProblems, setRulesProblems] = useState<RuleProblem[] | null>(null);
  const [rulesNote, setRulesNote] = useState<Note>(null);
  const [paste, setPaste] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);
  const [casesNote, setCasesNote] = useState<Note>(null);
  const [casesProblems, setCasesProblems] = useState<RuleProblem[] | null>(null);
  const [backupNote, setBackupNote] = useState<Note>(null);
  const [restoreProblems, setRestoreProblems] = useState<RuleProblem[] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteWord, setDeleteWord] = useState('');
  const [deleteNote, setDeleteNote] = useState<Note>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const busyRef = useRef(false);
  /** One file operation at a time, with its progress and a cancel. */
  const run = async (op: Op, fn: (opts: { onProgress: (p: Progress) => void; signal: AbortSignal }) => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    const abort = new AbortController();
    setBusy({ op, progress: { phase: 'read', done: 0, total: 0 }, abort });
    try {
      await fn({ onProgress: (progress) => setBusy({ op, progress, abort }), signal: abort.signal });
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };
  const resetRef = useFocusWhen<HTMLButtonElement>(confirmReset);
  const deleteRef = useFocusWhen<HTMLInputElement>(deleting);
  const fail = (e: unknown): Note => ({ ok: false, text: ed.t('failed') + tr(errorText(e), ed.locale) });
  const problemsOf = (error: LocalText, problems?: RuleProblem[]) => (problems && problems.length > 0 ? problems : [{ path: '(root)', message: error }]);

  const exportRules = () => {
    const file = { filename: `refund-helper-rules-${stamp(now())}.json`, mime: 'application/json', content: `${JSON.stringify(saved, null, 2)}\n` };
    client.download(file);
    setRulesNote({ ok: true, text: ed.t('exported', { name: file.filename }) });
  };

  const importRules = async (text: string) => {
    setRulesNote(null);
    const parsed = parseRuleSet(text);
    if (!parsed.ok) {
      setRulesProblems(parsed.problems);
      return;
    }
    try {
      const res = await client.setRules(parsed.rules);
      if (!res.ok) {
        setRulesProblems(problemsOf(res.error, res.problems));
        return;
      }
      setRulesProblems(null);
      onRulesReplaced(res.data.rules);
      const migrated = parsed.migratedFrom !== undefined ? ed.t('rulesMigrated', { v: parsed.migratedFrom }) : '';
      setRulesNote({ ok: true, text: ed.t('rulesImported') + migrated });
      setPaste('');
    } catch (e) {
      setRulesNote(fail(e));
    }
  };

  const reset = async () => {
    setConfirmReset(false);
    try {
      onRulesReplaced(await client.resetRules());
      setRulesProblems(null);
      setRulesNote({ ok: true, text: ed.t('rulesResetDone') });
    } catch (e) {
      setRulesNote(fail(e));
    }
  };

  const saveFile = (kind: FileKind, setNote: (n: Note) => void) =>
    run(kind, async (opts) => {
      setNote(null);
      try {
        const res = await client.saveFile(kind, opts);
        setNote(
          res.ok
            ? { ok: true, text: ed.t('exportedCount', { name: res.data.filename, n: res.data.count }) }
            : { ok: false, text: res.cancelled ? ed.t('saveCancelled') : ed.t('failed') + tr(res.error, ed.locale) },
        );
      } catch (e) {
        setNote(fail(e));
      }
    });

  const importCases = (file: File) =>
    run('import', async (opts) => {
      setCasesNote(null);
      setCasesProblems(null);
      try {
        const res = await client.importFile(file, opts);
        if (!res.ok) {
          if (res.cancelled) setCasesNote({ ok: false, text: ed.t('cancelled') });
          else setCasesProblems(problemsOf(res.error, res.problems));
          return;
        }
        const { added, updated, skipped } = res.data;
        setCasesNote({ ok: true, text: ed.t('casesImported', { added, updated, skipped }) });
      } catch (e) {
        setCasesNote(fail(e));
      }
    });

  const restore = (file: File) =>
    run('restore', async (opts) => {
      setBackupNote(null);
      setRestoreProblems(null);
      try {
        const res = await client.restoreFile(file, opts);
        if (!res.ok) {
          if (res.cancelled) setBackupNote({ ok: false, text: ed.t('cancelled') });
          else setRestoreProblems(problemsOf(res.error, res.problems));
          return;
        }
        await onReload();
        setBackupNote({ ok: true, text: ed.t('restored', { n: res.data.cases }) });
      } catch (e) {
        setBackupNote(fail(e));
      }
    });

  const word = ed.t('deleteWord');
  const deleteAll = async () => {
    try {
      const { deleted } = await client.deleteAll();
      setDeleting(false);
      setDeleteWord('');
      await onReload();
      setDeleteNote({ ok: true, text: ed.t('deleted', { n: deleted }) });
    } catch (e) {
      setDeleteNote(fail(e));
    }
  };

  return (
    <Section id="data" title={ed.t('secData')} desc={ed.t('descData')}>
      <div class="rh-block">
        <h3>{ed.t('rulesHeading')}</h3>
        <div class="rh-row">
          <button type="button" class="rh-btn" data-rh="rules-export" onClick={exportRules}>
            {ed.t('rulesExport')}
          </button>
          <label class="rh-btn rh-file">
            {ed.t('rulesImport')}
            <input
              type="file"
              accept=".json,application/json"
              data-rh="rules-import"
              onChange={async (e) => {
                const text = await readFile(e.currentTarget as HTMLInputElement);
                if (text !== null) await importRules(text);
              }}
            />
          </label>
        </div>
        <small class="rh-hint">{ed.t('rulesImportHint')}</small>
        <small class="rh-hint" data-rh="rules-limits">
          {ed.t('rulesLimitsHint', { cap: formatBytes(RULES_MAX_BYTES), n: PATTERN_INPUT_MAX })}
        </small>
        <label class="rh-field" for="rules-paste">
          <span>{ed.t('rulesPaste')}</span>
        </label>
        <textarea
          id="rules-paste"
          class="mono"
          rows={4}
          data-rh="rules-paste"
          value={paste}
          onInput={(e) => setPaste((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="rh-row">
          <button type="button" class="rh-btn" data-rh="rules-paste-apply" disabled={!paste.trim()} onClick={() => void importRules(paste)}>
            {ed.t('rulesPasteApply')}
          </button>
        </div>
        {rulesProblems && <ProblemList problems={rulesProblems} hook="rules-error" title={ed.t('rulesErrorTitle', { n: rulesProblems.length })} />}
        <Status note={rulesNote} hook="rules-status" />
        <div class="rh-row">
          {!confirmReset ? (
            <button type="button" class="rh-btn-ghost danger" data-rh="rules-reset" onClick={() => setConfirmReset(true)}>
              {ed.t('rulesReset')}
            </button>
          ) : (
            <div class="rh-confirm" role="alertdialog" aria-label={ed.t('rulesReset')}>
              <p>{ed.t('rulesResetAsk')}</p>
              <button type="button" class="rh-btn danger" data-rh="rules-reset-confirm" onClick={() => void reset()} ref={resetRef}>
                {ed.t('rulesResetYes')}
              </button>
              <button type="button" class="rh-btn-ghost" data-rh="rules-reset-cancel" onClick={() => setConfirmReset(false)}>
                {ed.t('cancel')}
              </button>
            </div>
          )}
        </div>
      </div>

      <div class="rh-block">
        <h3>{ed.t('casesHeading')}</h3>
        <div class="rh-row">
          <button type="button" class="rh-btn" data-rh="cases-export-csv" disabled={!!busy} onClick={() => void saveFile('csv', setCasesNote)}>
            {ed.t('casesExportCsv')}
          </button>
          <button type="button" class="rh-btn" data-rh="cases-export-json" disabled={!!busy} onClick={() => void saveFile('json', setCasesNote)}>
            {ed.t('casesExportJson')}
          </button>
          <label class="rh-btn rh-file">
            {ed.t('casesImport')}
            <input
              type="file"
              accept=".json,application/json"
              data-rh="cases-import"
              disabled={!!busy}
              onChange={async (e) => {
                const file = chosenFile(e.currentTarget as HTMLInputElement);
                if (file) await importCases(file);
              }}
            />
          </label>
        </div>
        <small class="rh-hint">{ed.t('casesImportHint')}</small>
        {busy && (busy.op === 'import' || busy.op === 'csv' || busy.op === 'json') && <Transfer busy={busy} />}
        {casesProblems && <ProblemList problems={casesProblems} hook="cases-error" title={ed.t('problemsTitle', { n: casesProblems.length })} />}
        <Status note={casesNote} hook="cases-status" />
      </div>

      <div class="rh-block">
        <h3>{ed.t('backupHeading')}</h3>
        <div class="rh-row">
          <button type="button" class="rh-btn" data-rh="backup" disabled={!!busy} onClick={() => void saveFile('backup', setBackupNote)}>
            {ed.t('backup')}
          </button>
          <label class="rh-btn rh-file">
            {ed.t('restore')}
            <input
              type="file"
              accept=".json,application/json"
              data-rh="restore"
              disabled={!!busy}
              onChange={async (e) => {
                const file = chosenFile(e.currentTarget as HTMLInputElement);
                if (file) await restore(file);
              }}
            />
          </label>
        </div>
        <small class="rh-hint">
          {ed.t('backupHint')} {ed.t('restoreHint')}
        </small>
        {busy && (busy.op === 'restore' || busy.op === 'backup') && <Transfer busy={busy} />}
        {restoreProblems && <ProblemList problems={restoreProblems} hook="restore-error" title={ed.t('problemsTitle', { n: restoreProblems.length })} />}
        <Status note={backupNote} hook="backup-status" />
      </div>

      <div class="rh-block rh-danger-zone">
        <h3>{ed.t('dangerHeading')}</h3>
        {!deleting ? (
          <button type="button" class="rh-btn-ghost danger" data-rh="delete-all" onClick={() => setDeleting(true)}>
            {ed.t('deleteAll')}
          </button>
        ) : (
          <div class="rh-confirm" role="alertdialog" aria-labelledby="delete-ask">
            <label id="delete-ask" for="delete-word">
              {ed.t('deleteAsk', { word })}
            </label>
            <input
              id="delete-word"
              type="text"
              autoComplete="off"
              data-rh="delete-confirm-input"
              value={deleteWord}
              ref={deleteRef}
              onInput={(e) => setDeleteWord((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="button" class="rh-btn danger" data-rh="delete-confirm" disabled={deleteWord.trim() !== word} onClick={() => void deleteAll()}>
              {ed.t('deleteYes')}
            </button>
            <button
              type="button"
              class="rh-btn-ghost"
              onClick={() => {
                setDeleting(false);
                setDeleteWord('');
              }}
            >
              {ed.t('cancel')}
            </button>
          </div>
        )}
        <Status note={deleteNote} hook="delete-status" />
      </div>
    </Section>
  );
}
