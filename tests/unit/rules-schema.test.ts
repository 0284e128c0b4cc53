import { describe, expect, it } from 'vitest';
import { defaultRules, DEFAULT_RULES } from '../../lib/rules/defaults';
import { formatPath, parseRuleSet, RULES_VERSION } from '../../lib/rules/schema';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';
import { fresh } from './helpers/rules';

describe('the default rules', () => {
  it('are a valid current rule set, unchanged by parsing', () => {
    const r = parseRuleSet(DEFAULT_RULES);
    expect(r).toEqual({ ok: true, rules: DEFAULT_RULES });
    expect(DEFAULT_RULES.version).toBe(RULES_VERSION);
  });

  it('parse from their JSON text too', () => {
    expect(parseRuleSet(JSON.stringify(DEFAULT_RULES, null, 2))).toEqual({ ok: true, rules: DEFAULT_RULES });
  });

  it('defaultRules() is a deep copy', () => {
    const a = defaultRules();
    a.reasons[0].label['zh-CN'] = 'changed';
    a.deadlines.arrivalWindowHours = 1;
    expect(DEFAULT_RULES.reasons[0].label['zh-CN']).toBe('质量问题');
    expect(DEFAULT_RULES.deadlines.arrivalWindowHours).toBe(24);
    expect(defaultRules()).toEqual(DEFAULT_RULES);
  });

  it('have the stable reason and evidence ids, each with a note naming the guide', () => {
    expect(DEFAULT_RULES.reasons.map((r) => r.id)).toEqual([
      'quality',
      'not-as-described',
      'wrong-item',
      'damaged',
      'missing-parts',
      'not-received',
      'changed-mind',
      'other',
    ]);
    expect(DEFAULT_RULES.evidence.map((e) => e.id)).toEqual(['purchase-proof', 'product-photos', 'tracking-number', 'courier']);
    for (const rule of [...DEFAULT_RULES.reasons, ...DEFAULT_RULES.evidence, ...DEFAULT_RULES.shipping.rules, DEFAULT_RULES.express]) {
      expect(rule.note).toContain('快手小店移动端极速退款教程');
    }
  });

  it.each([
    ['quality', '质量问题'],
    ['not-as-described', '与描述不符'],
    ['wrong-item', '发错货'],
    ['damaged', '破损'],
    ['missing-parts', '少件/漏发'],
    ['not-received', '未收到货'],
    ['changed-mind', '不想要了/七天无理由'],
    ['other', '其他'],
  ])('reason %s is labelled %s', (id, label) => {
    expect(DEFAULT_RULES.reasons.find((r) => r.id === id)?.label['zh-CN']).toBe(label);
  });
});

describe('parseRuleSet fills defaults for optional sections', () => {
  it('deadlines, submit, notifications, sites, express', () => {
    const r = fresh();
    delete r.deadlines;
    delete r.submit;
    delete r.notifications;
    delete r.sites;
    delete r.express;
    const p = parseRuleSet(r);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.rules.deadlines).toEqual({ reviewReminderHours: 48, confirmReminderHours: 24, arrivalWindowHours: 24, supportFollowUpHours: 24 });
    expect(p.rules.submit).toEqual({ onMissingEvidence: 'warn' });
    expect(p.rules.notifications).toEqual({ approved: true, rejected: true, failed: true, overdue: true });
    expect(p.rules.sites.kuaishou).toEqual(KUAISHOU_TEXTS);
    expect(p.rules.express.enabled).toBe(false);
  });

  it('fractional hours are allowed (tests shorten deadlines)', () => {
    const r = fresh();
    r.deadlines.arrivalWindowHours = 0.001;
    const p = parseRuleSet(r);
    expect(p.ok && p.rules.deadlines.arrivalWindowHours).toBe(0.001);
  });

  it('never shares objects with the constants or between parses', () => {
    const r = fresh();
    delete r.sites;
    delete r.express;
    const a = parseRuleSet(r);
    const b = parseRuleSet(r);
    if (!a.ok || !b.ok) throw new Error('expected ok');
    expect(a.rules.sites.kuaishou).toEqual(KUAISHOU_TEXTS);
    expect(a.rules.sites.kuaishou).not.toBe(KUAISHOU_TEXTS);
    expect(a.rules.sites.kuaishou.labels.orderId).not.toBe(KUAISHOU_TEXTS.labels.orderId);
    expect(a.rules.express.orderStatuses).not.toBe(b.rules.express.orderStatuses);
    const c = parseRuleSet(DEFAULT_RULES);
    expect(c.ok && c.rules.reasons[0]).not.toBe(DEFAULT_RULES.reasons[0]);
  });

  it('does not mutate its input', () => {
    const r = fresh();
    delete r.deadlines;
    const before = JSON.stringify(r);
    parseRuleSet(r);
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['reasons', 3, 'category'], 'reasons[3].category'],
    [['deadlines', 'arrivalWindowHours'], 'deadlines.arrivalWindowHours'],
    [['evidence', 0, 'satisfiedBy', 'pattern'], 'evidence[0].satisfiedBy.pattern'],
    [['reasons', 0, 'label', 'zh-CN'], 'reasons[0].label.zh-CN'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
