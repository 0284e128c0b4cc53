/*
 * A case file's JSON read piece by piece, so a 150 MB file is never one string nor one parsed
 * value: the entries of its cases array (the root array, or the root object's `cases`) come out
 * as the text of each entry, and the root object's other members (format, rules…) are kept and
 * parsed at the end. Only the nesting is tracked here (strings, escapes, brackets): each entry's
 * and member's own syntax is JSON.parse's, so what is valid is exactly what JSON.parse accepts.
 *
 * Own code rather than a streaming JSON library: the libraries build every value token by token
 * in JavaScript (several times slower than JSON.parse on 200,000 cases), and what is needed here
 * is only where each top-level entry starts and ends.
 */

/** The file is not valid JSON (or not one value): the message says where. */
export class JsonSyntax extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonSyntax';
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** The longest entry or root member kept while it is read (a case is far smaller; the rules are capped at 1 MB). */
export const MAX_PART = 16_000_000;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Feed it the file's text in pieces (`push`), take the entries' texts as they complete (`take`),
 * then `end()`: the root object's other members, parsed. Throws JsonSyntax where the nesting is
 * wrong; an entry's own syntax is checked when it is parsed (parseEntries).
 */
export class CaseArraySplitter {
  /** 'array': the root is the cases array; 'object': the cases are the root object's `cases`. */
  root: 'array' | 'object' | 'other' | undefined;
  /** Whether the cases array has begun (the root array, or the root object's `cases` member). */
  casesSeen = false;
  private buf = '';
  /** Where the scan goes on in `buf`. */
  private at = 0;
  /** Open containers, innermost last: '{' or '['. */
  private stack: number[] = [];
  private inString = false;
  /** The piece before ended inside a string on a backslash: the next character is escaped. */
  private escaped = false;
  /** Depth at which the cases array's entries sit (1: the root array; 2: the root object's `cases`); 0: not in it. */
  private entryDepth = 0;
  /** Start in `buf` of the entry or root member being read (-1: none). */
  private start = -1;
  /** A value ended at the entries' or members' level and no comma followed yet (the cases member counts). */
  private valueDone = false;
  /** After a comma at the entries' or members' level: another value must come. */
  private afterComma = false;
  private entries: string[] = [];
  private members: string[] = [];
  private closed = false;
  /** Characters dropped from the front of `buf` so far (for the place of a syntax error). */
  private offset = 0;

  push(text: string): void {
    if (text.length === 0) return;
    this.buf += text;
    this.scan();
    // Keep only what is still needed: the entry or member being read.
    const keep = this.root === 'other' ? 0 : this.start >= 0 ? this.start : this.at;
    if (keep > 0) {
      this.offset += keep;
      this.buf = this.buf.slice(keep);
      this.at -= keep;
      if (this.start >= 0) this.start = 0;
    }
    if (this.buf.length > MAX_PART) this.fail(this.buf.length, `one value is over ${MAX_PART / 1_000_000} MB`);
  }

  /** Up to `max` of the entries read so far, in file order (each one's text), and forgets them. */
  take(max = Number.POSITIVE_INFINITY): string[] {
    if (this.entries.length <= max) {
      const out = this.entries;
      this.entries = [];
      return out;
    }
    return this.entries.splice(0, max);
  }

  /** The root object's members read so far (a backup's rules come before its cases), parsed. */
  membersSoFar(): Record<string, unknown> {
    return this.root === 'object' ? (parseOrThrow(`{${this.members.join(',')}}`) as Record<string, unknown>) : {};
  }

  /** Entries read and not yet taken. */
  get ready(): number {
    return this.entries.length;
  }

  /**
   * The end of the file: the root object's members other than the cases array, parsed ({} for a
   * root array; `{ value }` for a root that is neither: not a cases file).
   */
  end(): Record<string, unknown> {
    if (this.root === 'other') return { value: parseOrThrow(this.buf) };
    if (this.root === undefined) return { value: parseOrThrow(this.buf) }; // empty: JSON.parse's own message
    if (this.inString || this.stack.length > 0 || !this.closed) throw new JsonSyntax('the file ends early (is it complete?)');
    if (this.root === 'array') return {};
    return parseOrThrow(`{${this.members.join(',')}}`) as Record<string, unknown>;
  }

  private fail(i: number, what: string): never {
    throw new JsonSyntax(`${what} (at character ${this.offset + i})`);
  }

  /** From `i` inside a string: where it ends (after its closing quote), or -1 when it goes on past `s`. */
  private stringEnd(s: string, i: number): number {
    let j = i;
    if (this.escaped) {
      this.escaped = false;
      j++;
    }
    for (;;) {
      const q = s.indexOf('"', j);
      // The quote ends the string unless an odd run of backslashes is right before it.
      let k = q === -1 ? s.length : q;
      while (k > j && s.charCodeAt(k - 1) === BACKSLASH) k--;
      const run = (q === -1 ? s.length : q) - k;
      if (q === -1) {
        this.escaped = run % 2 === 1;
        return -1;
      }
      if (run % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  private scan(): void {
    const s = this.buf;
    const n = s.length;
    let i = this.at;
    if (this.root === 'other') {
      this.at = n;
      return;
    }
    while (i < n) {
      if (this.inString) {
        const e = this.stringEnd(s, i);
        if (e < 0) break;
        this.inString = false;
        i = e;
        continue;
      }
      const c = s.charCodeAt(i);
      if (this.closed || this.root === undefined) {
        if (isSpace(c) || (c === 0xfeff && this.root === undefined)) {
          i++;
          continue;
        }
        if (this.closed) this.fail(i, 'text after the end of the JSON value');
        if (c !== OPEN_BRACKET && c !== OPEN_BRACE) {
          this.root = 'other'; // not a cases file; end() says why
          this.at = n;
          return;
        }
        this.root = c === OPEN_BRACKET ? 'array' : 'object';
        this.casesSeen = c === OPEN_BRACKET;
        this.entryDepth = c === OPEN_BRACKET ? 1 : 0;
        this.stack.push(c);
        i++;
        continue;
      }
      const depth = this.stack.length;
      // At the level of the entries (inside the cases array) or of the root object's members.
      const level = depth === this.entryDepth ? 'entry' : depth === 1 ? 'member' : undefined;
      if (level && this.start < 0 && !isSpace(c) && c !== COMMA && c !== CLOSE_BRACKET && c !== CLOSE_BRACE) {
        if (this.valueDone) this.fail(i, 'a comma missing');
        this.start = i;
        this.afterComma = false;
      }
      if (c === QUOTE) {
        // Most strings end in this piece without an escaped quote: skip to their end at once.
        const q = s.indexOf('"', i + 1);
        if (q !== -1 && s.charCodeAt(q - 1) !== BACKSLASH) {
          i = q + 1;
          continue;
        }
        this.inString = true;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (c === OPEN_BRACKET && level === 'member' && this.isCasesKey(s.slice(this.start, i))) {
          // The root object's `cases`: its entries are split; the member itself is not kept.
          if (this.casesSeen) this.fail(i, '"cases" appears twice');
          this.casesSeen = true;
          this.entryDepth = 2;
          this.start = -1;
        }
        this.stack.push(c);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        const open = this.stack.pop();
        if (open !== (c === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) this.fail(i, `unexpected "${String.fromCharCode(c)}"`);
        if (level) {
          if (this.afterComma) this.fail(i, 'a comma before the end of a list');
          this.finish(level, i);
          this.valueDone = false;
        }
        if (depth === this.entryDepth) {
          this.entryDepth = 0; // the cases array ended: the `cases` member is done
          if (depth === 2) this.valueDone = true;
        }
        if (this.stack.length === 0) this.closed = true;
      } else if (c === COMMA && level) {
        if (this.start < 0 && !this.valueDone) this.fail(i, 'an empty entry');
        this.finish(level, i);
        this.valueDone = false;
        this.afterComma = true;
      }
      i++;
    }
    this.at = this.inString ? n : i;
  }

  /** The entry or member that began at `start` ends before `i`. */
  private finish(level: 'entry' | 'member', i: number): void {
    if (this.start < 0) return;
    const text = this.buf.slice(this.start, i);
    if (level === 'entry') this.entries.push(text);
    else this.members.push(text);
    this.start = -1;
  }

  /** Whether a member's text so far is the key `cases` and its colon (any spelling JSON allows). */
  private isCasesKey(text: string): boolean {
    const t = text.trim();
    if (!t.endsWith(':')) return false;
    try {
      return JSON.parse(t.slice(0, -1)) === 'cases';
    } catch {
      return false;
    }
  }
}

function parseOrThrow(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new JsonSyntax(e instanceof Error ? e.message : String(e));
  }
}

/**
 * Entries' texts parsed: one JSON.parse for them all (as fast as parsing the whole file); should
 * that fail, each on its own, so the message names the entry. `first`: the file index of the first.
 */
export function parseEntries(texts: readonly string[], first: number): unknown[] {
  if (texts.length === 0) return [];
  try {
    return JSON.parse(`[${texts.join(',')}]`) as unknown[];
  } catch {
    return texts.map((t, k) => {
      try {
        return JSON.parse(t);
      } catch (e) {
        throw new JsonSyntax(`entry ${first + k}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }
}
