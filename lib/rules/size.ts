/*
 * How large a rule set may be. The rules live in `browser.storage.local`, whose quota in Chromium
 * is 10 MB for everything the extension keeps there (Resource::kQuotaBytes); the default rule set
 * is about 20 KB. A cap of 1 MB leaves room for the rest and is checked before anything is
 * written, so a restore or an import never fails halfway on the quota.
 */
import type { RuleProblem } from './schema';

export const RULES_MAX_BYTES = 1024 * 1024;

/** The rule set's size as stored (its JSON, UTF-8 bytes). */
export function rulesBytes(rules: unknown): number {
  return new TextEncoder().encode(JSON.stringify(rules) ?? '').length;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** A problem when the rule set is over RULES_MAX_BYTES, in the merchant's words. */
export function rulesSizeProblem(rules: unknown): RuleProblem | undefined {
  const n = rulesBytes(rules);
  if (n <= RULES_MAX_BYTES) return undefined;
  const size = formatBytes(n);
  const cap = formatBytes(RULES_MAX_BYTES);
  return {
    path: '(root)',
    message: {
      'zh-CN': `规则太大（${size}，上限 ${cap}），未保存任何内容。请删减规则，例如过长的备注模板或页面文字。`,
      en: `The rules are too large (${size}, the limit is ${cap}); nothing was saved. Shorten them, e.g. long remark templates or page texts.`,
    },
  };
}
