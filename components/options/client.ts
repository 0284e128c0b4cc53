/*
 * What the options page needs from the rest of the extension, as an interface (tests pass a
 * fake; no browser.* in components). createOptionsClient builds the real one over the
 * background's messages; the entrypoint passes lib/messaging/send's `send` in.
 */
import type { LocalText } from '../../lib/i18n';
import type { FilePayload, MessageData, MessageName, MessageReturn, Result } from '../../lib/messaging/protocol';
import type { RuleProblem, RuleSet } from '../../lib/rules/schema';
import { unwrap } from '../popup/client';

export { ClientError, errorText } from '../popup/client';
export type { FilePayload };

/** ok with data, or the background's message and, for a refused file, each problem. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: LocalText; problems?: RuleProblem[] };

export interface OptionsClient {
  getRules(): Promise<{ rules: RuleSet; warning?: LocalText }>;
  /** Validated again by the background; a refused set changes nothing. */
  setRules(rules: unknown): Promise<Outcome<{ rules: RuleSet }>>;
  resetRules(): Promise<RuleSet>;
  exportCases(format: 'json' | 'csv'): Promise<FilePayload>;
  importCases(content: string): Promise<Outcome<{ imported: number }>>;
  backup(): Promise<FilePayload>;
  restore(content: string): Promise<Outcome<{ cases: number }>>;
  deleteAll(): Promise<{ deleted: number }>;
  /** Hands a generated file to the merchant (a Blob and an `<a download>`). */
  download(file: FilePayload): void;
}

export type Request = <K extends MessageName>(type: K, data?: MessageData<K>) => Promise<MessageReturn<K>>;

/**
 * Downloads without the `downloads` permission: a Blob URL on an `<a download>`. The last anchor
 * stays in the document (hidden, `data-rh="last-download"`) until the next download replaces it,
 * so its URL stays readable, e.g. by a test that fetches it.
 */
export function downloadFile(file: FilePayload, doc: Document = document): HTMLAnchorElement {
  const previous = doc.querySelector<HTMLAnchorElement>('a[data-rh="last-download"]');
  if (previous) {
    URL.revokeObjectURL(previous.href);
    previous.remove();
  }
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
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

export function createOptionsClient(request: Request, download: (file: FilePayload) => void = (f) => void downloadFile(f)): OptionsClient {
  const outcome = async <T>(p: Promise<Result<T>>): Promise<Outcome<T>> => {
    const res = await p;
    return res.ok ? res : { ok: false, error: res.error, problems: res.problems };
  };
  return {
    getRules: () => unwrap(request('getRules')),
    setRules: (rules) => outcome(request('setRules', { rules })),
    resetRules: async () => (await unwrap(request('resetRules'))).rules,
    exportCases: (format) => unwrap(request('exportCases', { format })),
    importCases: (content) => outcome(request('importCases', { content })),
    backup: () => unwrap(request('backup')),
    restore: (content) => outcome(request('restore', { content })),
    deleteAll: () => unwrap(request('deleteAll')),
    download,
  };
}
