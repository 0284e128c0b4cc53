// The per-locale panel build (scripts/panel-locale.ts): each build keeps its own language of every
// localText call, and a text read in a fixed language outside that language's side fails the
// build unless the code says why it is safe.
import { describe, expect, it } from 'vitest';
import { stripLocale } from '../../scripts/panel-locale';

const SRC = `import { localText as t } from '../i18n';
export const A = t('已退款', 'Refunded');
export const B = t(\`共 \${n} 条\`, \`\${n} (of \${m})\`);
export const KEPT = { 'zh-CN': '（未填写）', en: '(not provided)' };
`;

describe('stripLocale', () => {
  it('keeps only the build’s language of each localText call, and leaves literals whole', () => {
    const zh = stripLocale(SRC, 'x.ts', 'zh-CN');
    expect(zh.unsafe).toEqual([]);
    expect(zh.code).toContain("t('已退款')");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal, on purpose.
    expect(zh.code).toContain('t(`共 ${n} 条`)');
    expect(zh.code).not.toMatch(/Refunded|of \$/);
    expect(zh.code).toContain("en: '(not provided)'");
    const en = stripLocale(SRC, 'x.ts', 'en');
    expect(en.code).toContain(`t("", 'Refunded')`);
    expect(en.code).not.toContain('已退款');
    expect(en.code).toContain("'zh-CN': '（未填写）'");
  });

  it('touches only calls of localText imported from i18n', () => {
    const src = `import { t } from './other';\nexport const A = t('已退款', 'Refunded');\n`;
    expect(stripLocale(src, 'x.ts', 'zh-CN').code).toBe(src);
  });

  it('refuses a fixed-language read outside its own side, naming the line', () => {
    const src = `import { localText } from '../i18n';
const S = localText('已退款', 'Refunded');
export const remark = S['zh-CN'];
export const label = S.en;
export const sent = render(S, 'zh-CN');
`;
    for (const keep of ['zh-CN', 'en'] as const) {
      const r = stripLocale(src, 'lib/x.ts', keep);
      expect(r.unsafe).toEqual([
        "lib/x.ts:3: export const remark = S['zh-CN'];",
        'lib/x.ts:4: export const label = S.en;',
        "lib/x.ts:5: export const sent = render(S, 'zh-CN');",
      ]);
    }
  });

  it('accepts reads inside the same language’s side, and reads explained with "both locales:"', () => {
    const src = `import { localText as t } from '../i18n';
const who = t('商家', 'the seller');
export const why = t(\`默认由\${who['zh-CN']}承担\`, \`by default \${who.en} pays\`);
export const wrapped = { 'zh-CN': \`\${who['zh-CN']}（x）\`, en: \`\${who.en} (x)\` };
// both locales: the rules are the background's data, never stripped
export const label = rules.label['zh-CN'];
`;
    expect(stripLocale(src, 'x.ts', 'zh-CN').unsafe).toEqual([]);
    expect(stripLocale(src, 'x.ts', 'en').unsafe).toEqual([]);
  });
});
