import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The rules engine and the case model are pure (so most logic is tested as plain tables): no browser APIs, no framework, no
 * clock of their own. And the modules the content script runs must not pull zod in at runtime
 * (the panel runtime's 30 KB gzip budget): only `import type` from the schema modules.
 */

const ROOT = join(__dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/**
 * lib/rules/** is pure except the storage adapter, which reads and writes the rule set with
 * `browser.storage` by design (the wiring beside the engine, not part of it).
 */
const IMPURE_BY_DESIGN = ['lib/rules/storage.ts'];

const PURE = [
  join(ROOT, 'lib/money.ts'),
  join(ROOT, 'lib/order.ts'),
  ...walk(join(ROOT, 'lib/rules')).filter((p) => !IMPURE_BY_DESIGN.includes(relative(ROOT, p))),
  join(ROOT, 'lib/cases/model.ts'),
  join(ROOT, 'lib/cases/schema.ts'),
  join(ROOT, 'lib/cases/status.ts'),
].map((p) => relative(ROOT, p));

/** Modules the content script imports: no zod at runtime, directly or through a schema module. */
const ZOD_FREE = [
  'lib/money.ts',
  'lib/order.ts',
  'lib/cases/status.ts',
  'lib/cases/model.ts',
  'lib/rules/constants.ts',
  'lib/rules/defaults.ts',
  'lib/rules/evaluate.ts',
];

/** Source without comments and string contents, so a word in a comment or a message does not count. */
function code(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

function imports(src: string): Array<{ spec: string; typeOnly: boolean }> {
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    out.push({ spec: m[4], typeOnly: !!m[2] });
  }
  for (const m of src.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of src.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

describe('the pure core', () => {
  it('covers the expected files', () => {
    expect(PURE).toEqual(
      expect.arrayContaining(['lib/money.ts', 'lib/rules/schema.ts', 'lib/rules/evaluate.ts', 'lib/rules/defaults.ts', 'lib/cases/model.ts']),
    );
  });

  const FORBIDDEN_IMPORTS = [/^wxt(\/|$)/, /preact/, /^#imports$/, /browser/, /webextension/, /^@webext-core\//];
  it.each(PURE)('%s imports no browser or framework module', (file) => {
    const src = readFileSync(join(ROOT, file), 'utf8');
    for (const { spec } of imports(src)) {
      for (const re of FORBIDDEN_IMPORTS) expect(spec, `${file} imports ${spec}`).not.toMatch(re);
    }
  });

  const FORBIDDEN_CODE: Array<[string, RegExp]> = [
    ['Date.now(', /\bDate\.now\s*\(/],
    ['new Date() without an argument', /\bnew\s+Date\s*\(\s*\)/],
    ['new Date without parentheses', /\bnew\s+Date\b(?!\s*\()/],
    ['performance.now', /\bperformance\.now\b/],
    ['document', /(?<![.\w$])document\b/],
    ['window', /(?<![.\w$])window\b/],
    ['chrome.', /(?<![.\w$])chrome\s*\./],
    ['browser.', /(?<![.\w$])browser\s*\./],
    ['setTimeout/setInterval', /\bset(Timeout|Interval)\s*\(/],
    ['localStorage/indexedDB', /\b(localStorage|sessionStorage|indexedDB)\b/],
    ['fetch', /(?<![.\w$])fetch\s*\(/],
  ];
  it.each(PURE)('%s uses no clock, DOM or extension API', (file) => {
    const src = code(readFileSync(join(ROOT, file), 'utf8'));
    for (const [what, re] of FORBIDDEN_CODE) expect(re.test(src), `${file} uses ${what}`).toBe(false);
  });

  it.each(ZOD_FREE)('%s pulls no zod in at runtime', (file) => {
    const src = readFileSync(join(ROOT, file), 'utf8');
    for (const { spec, typeOnly } of imports(src)) {
      if (typeOnly) continue;
      expect(spec, `${file} imports ${spec}`).not.toBe('zod');
      expect(spec, `${file} imports the schema module ${spec} at runtime`).not.toMatch(/schema$/);
    }
    // a named import list may mark only some names as types: then none may be a runtime schema import
    for (const m of src.matchAll(/^\s*import\s*\{([^}]*)\}\s*from\s*['"]([^'"]*schema)['"]/gm)) {
      const names = m[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      expect(
        names.every((n) => n.startsWith('type ')),
        `${file}: import { ${m[1].trim()} } from '${m[2]}'`,
      ).toBe(true);
    }
  });

  it('the checks catch what they look for', () => {
    const bad = code(`const a = Date.now(); const b = new Date(); window.x; document.title; chrome.runtime; browser.tabs; // window\nconst s = 'document'`);
    expect(FORBIDDEN_CODE.filter(([, re]) => re.test(bad)).map(([w]) => w)).toEqual([
      'Date.now(',
      'new Date() without an argument',
      'document',
      'window',
      'chrome.',
      'browser.',
    ]);
    const fine = code(`const d = new Date(ms); const t = formatFen(1); // Date.now() in a comment\nconst msg = 'see window';`);
    expect(FORBIDDEN_CODE.filter(([, re]) => re.test(fine))).toEqual([]);
    expect(imports(`import { x } from 'wxt/browser';\nimport type { Y } from './schema';`)).toEqual([
      { spec: 'wxt/browser', typeOnly: false },
      { spec: './schema', typeOnly: true },
    ]);
  });
});
