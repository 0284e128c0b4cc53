/**
 * Locale handling. The merchant's UI is Simplified Chinese by default and English when the
 * browser is English; other languages get Chinese (the back office itself is Chinese).
 * Catalogues live beside the surface that uses them as `Record<key, LocalText>`.
 */
export type Locale = 'zh-CN' | 'en';
export type LocalText = { 'zh-CN': string; en: string };

export function pickLocale(language: string | undefined): Locale {
  return language && /^en\b/i.test(language) ? 'en' : 'zh-CN';
}

/** The browser's UI language; callers outside a browser pass their own. */
export function currentLocale(): Locale {
  const nav = (globalThis as { navigator?: { language?: string } }).navigator;
  return pickLocale(nav?.language);
}

/** Text in the locale, with `{name}` placeholders filled from `vars`. */
export function tr(text: LocalText, locale: Locale, vars?: Record<string, string | number>): string {
  const s = text[locale] ?? text['zh-CN'];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** A catalogue bound to a locale: `const t = translator(CATALOGUE, locale); t('key', { n: 3 })`. */
export function translator<K extends string>(catalogue: Record<K, LocalText>, locale: Locale) {
  return (key: K, vars?: Record<string, string | number>) => tr(catalogue[key], locale, vars);
}

/** A length of time, rounded to its largest unit: "3 小时" / "3 h", "2 天" / "2 d", at least a minute. */
export function formatDuration(ms: number, locale: Locale): string {
  const abs = Math.abs(ms);
  const [n, unitZh, unitEn] =
    abs < 3_600_000
      ? [Math.max(1, Math.round(abs / 60_000)), '分钟', 'min']
      : abs < 86_400_000
        ? [Math.round(abs / 3_600_000), '小时', 'h']
        : [Math.round(abs / 86_400_000), '天', 'd'];
  return locale === 'en' ? `${n} ${unitEn}` : `${n} ${unitZh}`;
}

/** Relative time for deadlines, e.g. "3 小时后" / "超时 2 天" / "in 3 h" / "2 d overdue". */
export function formatRelative(deltaMs: number, locale: Locale): string {
  const d = formatDuration(deltaMs, locale);
  if (locale === 'en') return deltaMs >= 0 ? `in ${d}` : `${d} overdue`;
  return deltaMs >= 0 ? `${d}后` : `超时 ${d}`;
}

/** Date and time as the merchant reads it: 2026-11-26 14:05. Local time. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A text in both UI languages: `localText('已退款', 'Refunded')`. */
export function localText(zh: string, en: string): LocalText {
  return { 'zh-CN': zh, en };
}
