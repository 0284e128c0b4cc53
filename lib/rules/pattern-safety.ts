/*
 * Overlapping alternation under a repetition: `(a|a)*`, `(\d|\w)+`, `(ab|a[bc])*`. The safe-regex
 * check (nested repetition, star height) does not see these, yet a backtracking engine tries every
 * way to split the text among the alternatives: `^(a|a)*$` takes seconds on 25 characters, and
 * the checked input is 256 long. Patterns run on the merchant's back-office page at every form
 * read, so such a pattern could freeze the tab.
 *
 * The check, structural and conservative: inside any repetition of more than a few times, two
 * alternatives of one group that can begin with the same character are refused. Alternatives that
 * start differently (`(SF|YT|ZTO)+`) are decided by their first character, so they never branch
 * and stay linear.
 */
import ret, { types, type Tokens } from 'ret';
import type { LocalText } from './constants';

type Token = Tokens;
type Range = readonly [number, number];

const MAX_CHAR = 0xffff;
const ANY: Range[] = [[0, MAX_CHAR]];
/** A repetition of at most this many times cannot blow up on a short field. */
const FEW = 8;

/** The code-point ranges of a set token (`[a-z]`, `\d`, `.`, a negated set). */
function setRanges(token: { set: Array<{ type: number; value?: number; from?: number; to?: number; set?: unknown; not?: boolean }>; not: boolean }): Range[] {
  const out: Range[] = [];
  for (const t of token.set) {
    if (t.type === types.CHAR) out.push([t.value!, t.value!]);
    else if (t.type === types.RANGE) out.push([t.from!, t.to!]);
    else if (t.type === types.SET) out.push(...setRanges(t as never));
  }
  return token.not ? complement(out) : out;
}

function complement(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [from, to] of sorted) {
    if (from > next) out.push([next, from - 1]);
    next = Math.max(next, to + 1);
  }
  if (next <= MAX_CHAR) out.push([next, MAX_CHAR]);
  return out;
}

function overlaps(a: Range[], b: Range[]): boolean {
  return a.some(([f1, t1]) => b.some(([f2, t2]) => f1 <= t2 && f2 <= t1));
}

interface First {
  ranges: Range[];
  /** The sequence can match the empty text (so what follows it can come first). */
  empty: boolean;
}

/** The characters a sequence of tokens can begin with. */
function firstOfSequence(stack: Token[]): First {
  const ranges: Range[] = [];
  for (const t of stack) {
    const f = firstOf(t);
    ranges.push(...f.ranges);
    if (!f.empty) return { ranges, empty: false };
  }
  return { ranges, empty: true };
}

function firstOf(t: Token): First {
  switch (t.type) {
    case types.CHAR:
      return { ranges: [[t.value, t.value]], empty: false };
    case types.SET:
      return { ranges: setRanges(t as never), empty: false };
    case types.POSITION:
      return { ranges: [], empty: true };
    case types.REFERENCE:
      return { ranges: ANY, empty: true };
    case types.REPETITION: {
      const f = firstOf(t.value);
      return { ranges: f.ranges, empty: f.empty || t.min === 0 };
    }
    case types.GROUP:
    case types.ROOT: {
      const g = t as { options?: Token[][]; stack?: Token[]; followedBy?: boolean; notFollowedBy?: boolean; lookBehind?: boolean };
      if (g.followedBy || g.notFollowedBy || g.lookBehind) return { ranges: [], empty: true };
      const options = g.options ?? [g.stack ?? []];
      const each = options.map(firstOfSequence);
      return { ranges: each.flatMap((f) => f.ranges), empty: each.some((f) => f.empty) };
    }
    default:
      return { ranges: ANY, empty: true };
  }
}

/** Whether a group's alternatives include two that can begin with the same character. */
function ambiguous(options: Token[][]): boolean {
  const firsts = options.map((o) => firstOfSequence(o).ranges);
  for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) if (overlaps(firsts[i], firsts[j])) return true;
  return false;
}

function walk(t: Token, repeated: boolean): boolean {
  if (t.type === types.REPETITION) return walk(t.value, repeated || t.max === Infinity || t.max === null || t.max > FEW); // null: unbounded
  if (t.type !== types.GROUP && t.type !== types.ROOT) return false;
  const g = t as { options?: Token[][]; stack?: Token[] };
  if (g.options && repeated && ambiguous(g.options)) return true;
  return (g.options ?? [g.stack ?? []]).some((seq) => seq.some((x) => walk(x, repeated)));
}

/** Whether `pattern` has overlapping alternatives under a repetition (an unparsable pattern: no; RegExp says why). */
export function hasOverlappingAlternation(pattern: string): boolean {
  let root: Token;
  try {
    root = ret(pattern);
  } catch {
    return false;
  }
  return walk(root, false);
}

/** Why `pattern` is refused, in the merchant's words, or undefined. `shown`: the pattern as the message quotes it. */
export function patternHazard(pattern: string, shown: string = pattern): LocalText | undefined {
  if (!hasOverlappingAlternation(pattern)) return undefined;
  return {
    'zh-CN': `「${shown}」可能让后台页面卡住（重复中的几个分支能匹配同样的文字，如 (a|a)* 或 (\\d|\\w)+），请让每个分支以不同的字符开头，或改写得更简单，例如 ^[A-Za-z0-9]{8,30}$`,
    en: `"${shown}" could freeze the back-office page (alternatives inside a repetition that can match the same text, such as (a|a)* or (\\d|\\w)+); make each alternative start with a different character, or write it more simply, e.g. ^[A-Za-z0-9]{8,30}$`,
  };
}
