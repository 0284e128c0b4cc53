import { describe, expect, it } from 'vitest';
import { formatRelative, pickLocale, tr } from '../../lib/i18n';

describe('i18n', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('language %s → %s', (lang, locale) => {
    expect(pickLocale(lang)).toBe(locale);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(tr({ 'zh-CN': '共 {n} 个 {x}', en: '{n} cases' }, 'zh-CN', { n: 3 })).toBe('共 3 个 {x}');
    expect(tr({ 'zh-CN': '共 {n} 个', en: '{n} cases' }, 'en', { n: 3 })).toBe('3 cases');
  });

  it.each([
    [30 * 60_000, 'zh-CN', '30 分钟后'],
    [-2 * 86_400_000, 'zh-CN', '超时 2 天'],
    [5 * 3_600_000, 'en', 'in 5 h'],
    [-3 * 3_600_000, 'en', '3 h overdue'],
  ] as const)('relative %d ms in %s → %s', (delta, locale, text) => {
    expect(formatRelative(delta, locale)).toBe(text);
  });
});
