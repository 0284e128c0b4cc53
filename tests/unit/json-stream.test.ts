/*
 * The case file read in pieces (lib/cases/json-stream.ts): whatever the pieces, the entries and
 * the root object's other members are what JSON.parse of the whole file gives; what JSON.parse
 * refuses is refused.
 */
import { describe, expect, it } from 'vitest';
import { CaseArraySplitter, JsonSyntax, parseEntries } from '../../lib/cases/json-stream';

/** The file split into pieces of `size` characters, read through the splitter. */
function read(text: string, size: number): { head: Record<string, unknown>; entries: unknown[]; root: string | undefined } {
  const s = new CaseArraySplitter();
  const texts: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    s.push(text.slice(i, i + size));
    texts.push(...s.take());
  }
  const head = s.end();
  texts.push(...s.take());
  return { head, entries: parseEntries(texts, 0), root: s.root };
}

const tricky = [
  { id: 'a', note: 'quote " inside, a backslash \\ and \\" and "\\\\"', list: [1, [2, { x: '}]' }]], empty: {} },
  { id: 'b', text: '{"cases": [1, 2]}', zh: '退款，规则：[ ] { } ,', esc: '\u0000\n\t\\' },
  'a string entry',
  42,
  null,
  [],
  { id: 'c', nested: { cases: [9, 9] } },
];

describe('a case file read in pieces', () => {
  const files: Array<[string, string]> = [
    ['a bare array', JSON.stringify(tricky)],
    ['an export', JSON.stringify({ format: 'refund-helper-cases', version: 1, cases: tricky })],
    ['a backup with its rules first', JSON.stringify({ format: 'refund-helper-backup', rules: { reasons: [{ id: 'r', label: '[{,}]' }] }, cases: tricky })],
    ['members after the cases, indented', JSON.stringify({ cases: tricky, rules: { x: [1, 2] }, version: 1 }, null, 2)],
    ['a BOM and white space', `\uFEFF \n ${JSON.stringify({ cases: tricky })} \n`],
    ['an empty cases array', JSON.stringify({ format: 'x', cases: [] })],
    ['escaped key spelling', '{"\\u0063ases": [1, 2], "v": "\\\\"}'],
  ];
  for (const [label, text] of files) {
    it(`${label}: the same entries and members as JSON.parse, in pieces of 1, 3, 7 and 64 K characters`, () => {
      const whole = JSON.parse(text.replace(/^\uFEFF/, ''));
      const cases = Array.isArray(whole) ? whole : whole.cases;
      const { cases: _c, ...rest } = Array.isArray(whole) ? { cases: [] } : whole;
      for (const size of [1, 3, 7, 65_536]) {
        const r = read(text, size);
        expect(r.entries).toEqual(cases);
        expect(r.head).toEqual(rest);
        expect(r.root).toBe(Array.isArray(whole) ? 'array' : 'object');
      }
    });
  }

  it('a root that is neither an array nor an object is handed back as it is', () => {
    expect(read('"just text"', 2).head).toEqual({ value: 'just text' });
    expect(read('  12 ', 1).root).toBe('other');
  });

  const broken: Array<[string, string]> = [
    ['an empty file', ''],
    ['a truncated file', JSON.stringify({ cases: tricky }).slice(0, -20)],
    ['a file ending inside a string', '{"cases": ["abc'],
    ['a missing bracket', '{"cases": [1, 2}'],
    ['an empty entry', '[1,,2]'],
    ['a trailing comma', '[1, 2,]'],
    ['a trailing comma among members', '{"cases": [], "a": 1,}'],
    ['two values in one entry', '[{"a":1} {"b":2}]'],
    ['a bad entry', '[{"a":1}, {"b":tru}]'],
    ['text after the value', '[1, 2] x'],
    ['a member without a comma after the cases', '{"cases": [1] "a": 2}'],
    ['a bad member', '{"a": nope, "cases": []}'],
    ['an unquoted key', '{cases: []}'],
  ];
  it.each(broken)('%s is refused, as JSON.parse refuses it', (_label, text) => {
    expect(() => JSON.parse(text)).toThrow();
    for (const size of [1, 5, 65_536]) expect(() => read(text, size)).toThrow(JsonSyntax);
  });

  it('a second cases array is refused (JSON.parse would keep the last; a streamed file cannot take back the first)', () => {
    expect(() => read('{"cases": [1], "cases": [2]}', 4)).toThrow(/"cases" appears twice/);
  });

  it('a bad entry is named by its place in the file', () => {
    expect(() => parseEntries(['{"a":1}', '{"b":tru}'], 4000)).toThrow(/entry 4001/);
  });
});
