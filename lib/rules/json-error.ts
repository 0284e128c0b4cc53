import type { LocalText } from './constants';
import { problem, type RuleProblem } from './problems';

/**
 * Where JSON text first goes wrong, found by a small scanner: engines' JSON.parse messages do not
 * always name a position (V8 sometimes quotes a snippet instead). Returns the offset of the first
 * offending character (text.length when the text ends too early) and what was expected there.
 */
export function jsonErrorAt(text: string): { pos: number; expected: LocalText } | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly pos: number,
      readonly expected: LocalText,
    ) {}
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (zh: string, en: string): never => {
    throw new Stop(i, { 'zh-CN': zh, en });
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('\\u 后应为 4 位十六进制数', 'four hex digits after \\u');
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i])) i++;
        else fail('有效的转义字符', 'a valid escape character');
      } else if (ch < ' ')
        fail('字符串内容（换行等控制字符须写成 \\n 这样的转义）', 'string content (a line break or other control character must be escaped, e.g. \\n)');
      else i++;
    }
    fail('字符串的结束引号 "', 'the closing quote " of a string');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('用双引号括起的字段名', 'a field name in double quotes');
        str();
        ws();
        if (text[i] !== ':') fail('冒号 :', 'a colon :');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('逗号 , 或 }', 'a comma , or }');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('逗号 , 或 ]', 'a comma , or ]');
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail('一个值（对象、列表、文本、数字、true、false 或 null）', 'a value (object, list, text, number, true, false or null)');
  };
  try {
    value();
    ws();
    if (i < text.length) fail('文件结束（多余的内容）', 'the end of the file (extra content)');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { pos: e.pos, expected: e.expected };
    throw e;
  }
}

/** A JSON syntax error as one problem at (root), with line and column people can find. */
export function jsonProblem(text: string, err: unknown): RuleProblem {
  const raw = err instanceof Error ? err.message : String(err);
  const at = jsonErrorAt(text);
  if (!at) return problem('(root)', `不是有效的 JSON：${raw}`, `is not valid JSON: ${raw}`);
  const before = text.slice(0, at.pos);
  const line = before.split('\n').length;
  const col = at.pos - before.lastIndexOf('\n');
  const found =
    at.pos >= text.length
      ? { 'zh-CN': '文件已结束', en: 'the file ended' }
      : text[at.pos] < ' '
        ? {
            'zh-CN': `遇到控制字符 U+${text.charCodeAt(at.pos).toString(16).padStart(4, '0').toUpperCase()}`,
            en: `found the control character U+${text.charCodeAt(at.pos).toString(16).padStart(4, '0').toUpperCase()}`,
          }
        : { 'zh-CN': `遇到「${text[at.pos]}」`, en: `found "${text[at.pos]}"` };
  return problem(
    '(root)',
    `不是有效的 JSON：第 ${line} 行第 ${col} 列（位置 ${at.pos}）应为${at.expected['zh-CN']}，但${found['zh-CN']}`,
    `is not valid JSON: at line ${line}, column ${col} (position ${at.pos}) expected ${at.expected.en}, but ${found.en}`,
  );
}
