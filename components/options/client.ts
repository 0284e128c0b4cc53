/*
 * What the options page needs from the rest of the extension, as an interface (tests pass a
 * fake; no browser.* in components). createOptionsClient builds the real one over the
 * background's messages; the entrypoint passes lib/messaging/send's `send` in.
 */
import type { LocalText } from '../../lib/i18n';
import type { FileKind } from '../../lib/cases/files';
import type { ImportCounts } from '../../lib/cases/service';
import { buildFile, importFile, restoreFile, type FileSource, type TransferOptions, type TransferOutcome, type TransferPort } from '../../lib/cases/transfer';
import type { FilePayload, MessageData, MessageName, MessageReturn, Result } from '../../lib/messaging/protocol';
import type { RuleProblem, RuleSet } from '../../lib/rules/schema';
import { rulesSlot } from '../../lib/rules/storage';
import { openExisting } from '../../lib/cases/store';
import { unwrap } from '../popup/client';

export type { FileKind, ImportCounts, TransferOptions, TransferOutcome };
export type { Progress } from '../../lib/cases/transfer';

export { ClientError, errorText } from '../popup/client';
export type { FilePayload };

/** ok with data, or the background's message and, for a refused file, each problem. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: RuleProblem[] };

export interface OptionsClient {
  getRules(): Promise<{ rules: RuleSet; warning?: LocalText }>;
  /** Validated again by the background; a refused set changes nothing. */
  setRules(rules: unknown): Promise<Outcome<{ rules: RuleSet }>>;
  resetRules(): Promise<RuleSet>;
  /**
   * Builds a CSV, JSON or backup file of every case (read straight from the extension's database,
   * any number of cases) and hands it to the merchant.
   */
  saveFile(kind: FileKind, opts?: TransferOptions): Promise<TransferOutcome<{ filename: string; count: number }>>;
  /** Imports a cases file (written by this page, see lib/cases/transfer.ts): merged by identity, all or nothing, cancellable. */
  importFile(file: FileSource, opts?: TransferOptions): Promise<TransferOutcome<ImportCounts>>;
  /** Restores a backup (written by this page): rules and cases, all or nothing, cancellable. */
  restoreFile(file: FileSource, opts?: TransferOptions): Promise<TransferOutcome<{ cases: number }>>;
  deleteAll(): Promise<{ deleted: number }>;
  /** Hands a generated file to the merchant (a Blob and an `<a download>`). */
  download(file: FilePayload | BlobFile): void;
}

export type BlobFile = { filename: string; mime: string; blob: Blob };

export type Request = <K extends MessageName>(type: K, data?: MessageData<K>) => Promise<MessageReturn<K>>;

/**
 * Downloads without the `downloads` permission: a Blob URL on an `<a download>`. The last anchor
 * stays in the document (hidden, `data-rh="last-download"`) until the next download replaces it,
 * so its URL stays readable, e.g. by a test that fetches it.
 */
export function downloadFile(file: FilePayload | BlobFile, doc: Document = document): HTMLAnchorElement {
  const previous = doc.querySelector<HTMLAnchorElement>('a[data-rh="last-download"]');
  if (previous) {
    URL.revokeObjectURL(previous.href);
    previous.remove();
  }
  const url = URL.createObjectURL('blob' in file ? file.blob : new Blob([file.content], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  a.dataset.rh = 'last-download';
  a.dataset.mime = file.mime;
  doc.body.appendChild(a);
  a.click();
  return a;
}

export function createOptionsClient(request: Request, download: (file: FilePayload | BlobFile) => void = (f) => void downloadFile(f)): OptionsClient {
  const outcome = async <T>(p: Promise<Result<T>>): Promise<Outcome<T>> => {
    const res = await p;
    return res.ok ? res : { ok: false, error: res.error, problems: res.problems };
  };
  const port: TransferPort = {
    async open() {
      // Asking the background first makes sure it has opened (and upgraded) the database.
      await unwrap(request('counts'));
      return openExisting();
    },
    rules: async () => (await unwrap(request('getRules'))).rules,
    slot: rulesSlot,
    written: () => request('casesWritten'),
    now: Date.now,
  };
  return {
    getRules: () => unwrap(request('getRules')),
    setRules: (rules) => outcome(request('setRules', { rules })),
    resetRules: async () => (await unwrap(request('resetRules'))).rules,
    async saveFile(kind, opts) {
      // Asking the background first also makes sure it has opened (and upgraded) the database
      // before this page reads it.
      const [{ total }, { rules }] = await Promise.all([unwrap(request('counts')), unwrap(request('getRules'))]);
      const built = await buildFile(kind, { rules, now: Date.now(), total }, opts);
      if (!built.ok) return built;
      download(built.data);
      return { ok: true, data: { filename: built.data.filename, count: built.data.count } };
    },
    importFile: (file, opts) => importFile(port, file, opts),
    restoreFile: (file, opts) => restoreFile(port, file, opts),
    deleteAll: () => unwrap(request('deleteAll')),
    download,
  };
}
