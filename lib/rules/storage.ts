/*
 * Where the merchant's rule set lives: `browser.storage.local`, key `rules`.
 *
 * Local, not sync: a rule set with its reasons, templates and page texts runs to tens of KB,
 * above `storage.sync`'s 8 KB per item (QUOTA_BYTES_PER_ITEM) and near its 100 KB total.
 *
 * Every read is validated with parseRuleSet: a stored value that no longer parses (hand-edited,
 * written by a broken build) falls back to the defaults with a warning instead of crashing.
 */
import { browser } from 'wxt/browser';
import type { LocalText } from '../i18n';
import { RULES_KEY } from './constants';
import { defaultRules } from './defaults';
import { parseRuleSet, type RuleProblem, type RuleSet } from './schema';
import { rulesSizeProblem } from './size';

export { RULES_KEY };

export interface LoadedRules {
  rules: RuleSet;
  /** Set when the stored rules could not be used and the defaults stand in. */
  warning?: LocalText;
}

const CORRUPT: LocalText = {
  'zh-CN': '已保存的规则无法读取，已暂时改用默认规则。请在设置页重新导入或重置规则。',
  en: 'The saved rules could not be read; the defaults are used for now. Import or reset the rules on the options page.',
};

/** Reads the rule set; never throws for a bad stored value. */
export async function loadRules(): Promise<LoadedRules> {
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(RULES_KEY))[RULES_KEY];
  } catch (e) {
    return { rules: defaultRules(), warning: withDetail(CORRUPT, e) };
  }
  if (stored === undefined || stored === null) return { rules: defaultRules() };
  const parsed = parseRuleSet(stored);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return { rules: defaultRules(), warning: first ? withDetail(CORRUPT, `${first.message.en}`, first.message['zh-CN']) : CORRUPT };
  }
  // An older stored version is migrated in memory; write it back so the next read is direct.
  if (parsed.migratedFrom !== undefined) await browser.storage.local.set({ [RULES_KEY]: parsed.rules }).catch(() => {});
  return { rules: parsed.rules };
}

export type SaveRulesResult = { ok: true; rules: RuleSet } | { ok: false; problems: RuleProblem[] };

const QUOTA: LocalText = {
  'zh-CN': '浏览器的扩展存储空间已满，规则未保存，当前规则保持不变。请缩减规则（例如模板和页面文字）后重试。',
  en: 'The browser’s extension storage is full; the rules were not saved and the current rules stay. Shorten the rules (e.g. templates and page texts) and try again.',
};

/**
 * Validates and stores a rule set; a bad one, or one over the size cap, is refused with its
 * problems and nothing changes. A storage failure (the quota) is a problem in the merchant's words.
 */
export async function saveRules(input: unknown): Promise<SaveRulesResult> {
  const parsed = parseRuleSet(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const size = rulesSizeProblem(parsed.rules);
  if (size) return { ok: false, problems: [size] };
  try {
    await browser.storage.local.set({ [RULES_KEY]: parsed.rules });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: '(root)', message: /quota/i.test(msg) ? QUOTA : withDetail(QUOTA, e) }] };
  }
  return { ok: true, rules: parsed.rules };
}

/** The stored value as it is, and a writer that puts any value back (a restore's undo). */
export const rulesSlot = {
  async read(): Promise<unknown> {
    return (await browser.storage.local.get(RULES_KEY))[RULES_KEY];
  },
  async write(value: unknown): Promise<void> {
    if (value === undefined) await browser.storage.local.remove(RULES_KEY);
    else await browser.storage.local.set({ [RULES_KEY]: value });
  },
};

export async function resetRules(): Promise<RuleSet> {
  await browser.storage.local.remove(RULES_KEY);
  return defaultRules();
}

/**
 * Calls `cb` with the new rules whenever they change in storage (from the options page or a
 * restore), so open panels and the background apply them at once. Returns an unsubscribe.
 */
export function watchRules(cb: (loaded: LoadedRules) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(RULES_KEY in changes)) return;
    const value = changes[RULES_KEY].newValue;
    if (value === undefined || value === null) {
      cb({ rules: defaultRules() });
      return;
    }
    const parsed = parseRuleSet(value);
    cb(parsed.ok ? { rules: parsed.rules } : { rules: defaultRules(), warning: CORRUPT });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

function withDetail(text: LocalText, detailEn: unknown, detailZh?: string): LocalText {
  const en = detailEn instanceof Error ? detailEn.message : String(detailEn);
  return { 'zh-CN': `${text['zh-CN']}（${detailZh ?? en}）`, en: `${text.en} (${en})` };
}
