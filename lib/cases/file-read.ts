/*
 * A case file read as a stream, chunk by chunk (json-stream.ts splits it): the page holds about one
 * chunk of entries and one piece of the file at a time, never the whole text (150 MB at 200,000
 * cases) nor every parsed case.
 */
import { CaseArraySplitter, parseEntries } from './json-stream';

/** A file the merchant chose (read as a stream), or its text (small files, tests). */
export type FileSource = Blob | string;

/** Characters per piece when the source is a string. */
const PIECE = 1 << 16;

/** Entries of the file not yet checked: parsed JSON, and the index in the file of the first. */
export type RawChunk = { entries: unknown[]; offset: number };

/** The file's text in pieces, and how many of its bytes (or characters, for a string) were read. */
async function* pieces(source: FileSource, read: (n: number) => void): AsyncGenerator<string> {
  if (typeof source === 'string') {
    for (let i = 0; i < source.length; i += PIECE) {
      read(Math.min(PIECE, source.length - i));
      yield source.slice(i, i + PIECE);
    }
    return;
  }
  const reader = source.stream().getReader();
  const decoder = new TextDecoder(); // UTF-8, a BOM dropped, as Blob.text() reads it
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read(value.byteLength);
      yield decoder.decode(value, { stream: true });
    }
    yield decoder.decode();
  } finally {
    await reader.cancel().catch(() => {}); // stop reading when the write stopped early
  }
}

/**
 * Reads a case file: `begin` until its cases array starts, `next` the following `chunk` entries
 * (parsed, not checked), `end` the root's members once every entry was read. Throws JsonSyntax
 * where the file is not valid JSON.
 */
export class CaseFileReader {
  private readonly splitter = new CaseArraySplitter();
  private readonly text: AsyncGenerator<string>;
  private finished = false;
  private head: Record<string, unknown> = {};
  private offset = 0;
  /** Bytes (characters for a string) read so far. */
  bytesRead = 0;
  readonly size: number;

  constructor(
    source: FileSource,
    private readonly chunk: number,
  ) {
    this.size = typeof source === 'string' ? source.length : source.size;
    this.text = pieces(source, (n) => {
      this.bytesRead += n;
    });
  }

  /** 'array': a bare array of cases; 'object': `{ …, cases: [...] }`; else not a cases file (see `end`). */
  get root() {
    return this.splitter.root;
  }

  /** Whether the cases array began (the root array, or the root object's `cases`). */
  get casesSeen(): boolean {
    return this.splitter.casesSeen;
  }

  /** Entries handed out so far. */
  get count(): number {
    return this.offset;
  }

  private async pull(): Promise<void> {
    const r = await this.text.next();
    if (r.done) {
      this.head = this.splitter.end();
      this.finished = true;
    } else this.splitter.push(r.value);
  }

  /** Reads until the cases array begins or the file ends; the root object's members before it. */
  async begin(): Promise<Record<string, unknown>> {
    while (!this.finished && !this.splitter.casesSeen) await this.pull();
    return this.finished ? this.head : this.splitter.membersSoFar();
  }

  /** The next chunk of entries, or undefined after the last. */
  async next(): Promise<RawChunk | undefined> {
    while (!this.finished && this.splitter.ready < this.chunk) await this.pull();
    const texts = this.splitter.take(this.chunk);
    if (texts.length === 0) return undefined;
    const chunk = { entries: parseEntries(texts, this.offset), offset: this.offset };
    this.offset += texts.length;
    return chunk;
  }

  /** Reads to the end of the file (entries left are dropped): the root's members besides the cases. */
  async end(): Promise<Record<string, unknown>> {
    while (!this.finished) {
      await this.pull();
      this.splitter.take();
    }
    return this.head;
  }

  /** Stops reading (a cancel, a refusal). */
  async close(): Promise<void> {
    await this.text.return(undefined);
  }
}
