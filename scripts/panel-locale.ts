// The panel's runtime is built once per UI locale (panel.zh-CN.js, panel.en.js; the background
// injects the one of the browser's language), and each build keeps only its own side of every
// `localText(zh, en)` call (`localText(zh)` / `localText("", en)`). Texts that must stay whole
// (read in a fixed language whatever the UI's, e.g. a money reason quoted in a Chinese problem
// text) are object literals `{ 'zh-CN': …, en: … }` or the background's data, never touched.
//
// What keeps that sound: in a module of the panel, a text read in a fixed language (`x['zh-CN']`,
// `x.en`, or 'zh-CN' / 'en' passed as an argument) outside that language's side of a `localText`
// call or of a `{ 'zh-CN': …, en: … }` literal fails the build, unless the line (or the one above)
// says why it is safe in a `both locales:` comment. So a stripped text cannot be read in the
// other language unnoticed.
import ts from 'typescript';
import type { Locale } from '../lib/i18n';
import { PANEL_LOCALES } from '../lib/panel-files';

export interface StripResult {
  code: string;
  /** Fixed-language reads outside a same-language `localText` side, without a `both locales:` reason. */
  unsafe: string[];
}

const ARGS: Record<Locale, 0 | 1> = { 'zh-CN': 0, en: 1 };
const MARK = 'both locales:';

/** The names `localText` is imported under from lib/i18n (`import { localText as t }`). */
function localTextNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/(^|\/)i18n$/.test(st.moduleSpecifier.text)) continue;
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) if ((el.propertyName ?? el.name).text === 'localText') names.add(el.name.text);
  }
  return names;
}

/** The locale a node names in a fixed-language read, if it is one. */
function fixedLocale(node: ts.Node): Locale | undefined {
  const lit = (e: ts.Node) =>
    (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && (e.text === 'zh-CN' || e.text === 'en') ? (e.text as Locale) : undefined;
  if (ts.isElementAccessExpression(node)) return lit(node.argumentExpression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'en') return 'en';
  if (ts.isCallExpression(node)) return node.arguments.map(lit).find((l) => l !== undefined);
  return undefined;
}

/** Keeps `keep`'s side of every `localText(zh, en)` call of a module; lists unsafe fixed-language reads. */
export function stripLocale(code: string, fileName: string, keep: Locale): StripResult {
  if (!/'zh-CN'|\.en\b|['"`]en['"`]|localText/.test(code)) return { code, unsafe: [] };
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const names = localTextNames(sf);
  const drops: Array<[number, number, string]> = [];
  const unsafe: string[] = [];
  const lines = code.split('\n');
  const explained = (pos: number) => {
    const line = sf.getLineAndCharacterOfPosition(pos).line;
    return lines[line].includes(MARK) || (line > 0 && lines[line - 1].includes(MARK));
  };
  // `side`: the language whose side of a localText call the node is in (undefined: outside any).
  const visit = (node: ts.Node, side: Locale | undefined) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text) && node.arguments.length === 2) {
      // zh-CN keeps `localText(zh)` (the missing en is never read there); en keeps `localText("", en)`.
      const [zh, en] = node.arguments;
      drops.push(keep === 'zh-CN' ? [zh.getEnd(), en.getEnd(), ''] : [zh.getStart(sf), zh.getEnd(), '""']);
      PANEL_LOCALES.forEach((l) => visit(node.arguments[ARGS[l]], l));
      return;
    }
    // An object literal's `'zh-CN': …` / `en: …` property is that language's side too (never stripped).
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isIdentifier(node.name))) {
      const key = node.name.text;
      if (key === 'zh-CN' || key === 'en') return visit(node.initializer, key);
    }
    const fixed = fixedLocale(node);
    if (fixed !== undefined && fixed !== side && !explained(node.getStart(sf))) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      unsafe.push(`${fileName}:${line + 1}: ${lines[line].trim()}`);
    }
    ts.forEachChild(node, (c) => visit(c, side));
  };
  visit(sf, undefined);
  let out = code;
  for (const [start, end, by] of drops.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + by + out.slice(end);
  return { code: out, unsafe };
}

/** The Vite plugin of one locale's panel build: strips its sources; a fixed-language read without a reason fails the build. */
export function panelLocalePlugin(keep: Locale) {
  return {
    name: 'refund-helper:panel-locale',
    enforce: 'pre' as const,
    config: () => ({ define: { __PANEL_LOCALE__: JSON.stringify(keep) } }),
    transform(code: string, id: string) {
      const file = id.split('?')[0];
      if (file.includes('/node_modules/') || !/\.tsx?$/.test(file) || file.endsWith('/lib/i18n.ts')) return null;
      const r = stripLocale(code, file, keep);
      if (r.unsafe.length) {
        throw new Error(
          `The ${keep} panel keeps only ${keep} texts; these read a text in a fixed language (say why it is safe with a "${MARK}" comment, or build the text as an object literal):\n${r.unsafe.join('\n')}`,
        );
      }
      return r.code === code ? null : { code: r.code, map: null };
    },
  };
}
