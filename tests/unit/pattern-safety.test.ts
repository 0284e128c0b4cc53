/*
 * Evidence patterns with overlapping alternatives inside a repetition (`(a|a)*`): the safe-regex
 * check lets them through, yet they take seconds on a short field. Refused when the rules are
 * checked (saved, imported, restored), saying why in both languages; ordinary patterns still pass.
 */
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../lib/rules/defaults';
import { parseRuleSet } from '../../lib/rules/schema';

function withPattern(pattern: string) {
  const r = defaultRules();
  const i = r.evidence.findIndex((e) => e.satisfiedBy.type === 'field');
  (r.evidence[i].satisfiedBy as { pattern: string }).pattern = pattern;
  return { parsed: parseRuleSet(r), i };
}

describe('overlapping alternation under a repetition', () => {
  it.each(['^(a|a)*$', '^(\\d|\\w)+$', '^(?:[a-c]|[c-e])+$', '((a|a)b)*', '(.|x){10,}', '^(SF|S\\d)+$'])('the pattern %s is refused, saying why', (pattern) => {
    const { parsed, i } = withPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual([`evidence[${i}].satisfiedBy.pattern`]);
    expect(parsed.problems[0].message['zh-CN']).toMatch(/可能让后台页面卡住.*每个分支以不同的字符开头/);
    expect(parsed.problems[0].message.en).toMatch(/could freeze the back-office page.*start with a different character/);
  });

  it.each(['^[A-Za-z0-9]{8,30}$', '\\S', '^(SF|YT|ZTO)\\d{10,15}$', '^(SF|YT|ZTO)+$', '^(a|b)*$', '(a|a){2}', '^(?:ab|cd|e)+$'])(
    'the pattern %s is accepted',
    (pattern) => {
      expect(withPattern(pattern).parsed.ok).toBe(true);
    },
  );
});
