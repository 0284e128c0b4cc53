import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../lib/rules/defaults';
import { parseRuleSet, RULES_VERSION, type RuleSet } from '../../lib/rules/schema';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';
import { type Any, fresh } from './helpers/rules';

describe('migration from version 1', () => {
  function v1(): Any {
    const r = fresh();
    r.version = 1;
    delete r.deadlines;
    delete r.notifications;
    delete r.express;
    r.reviewHours = 12;
    r.arrivalHours = 36;
    r.followUpHours = 6;
    return r;
  }

  it('moves the flat hours into deadlines and adds notifications and a disabled express', () => {
    const p = parseRuleSet(v1());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.migratedFrom).toBe(1);
    const rules: RuleSet = p.rules;
    expect(rules.version).toBe(RULES_VERSION);
    expect(rules.deadlines).toEqual({ reviewReminderHours: 12, confirmReminderHours: 24, arrivalWindowHours: 36, supportFollowUpHours: 6 });
    expect(rules.notifications).toEqual({ approved: true, rejected: true, failed: true, overdue: true });
    expect(rules.express.enabled).toBe(false);
    expect(rules.reasons).toEqual(DEFAULT_RULES.reasons);
  });

  it('a v1 file without hours gets the default deadlines', () => {
    const r = v1();
    delete r.reviewHours;
    delete r.arrivalHours;
    delete r.followUpHours;
    const p = parseRuleSet(r);
    expect(p.ok && p.rules.deadlines).toEqual(DEFAULT_RULES.deadlines);
  });

  it('reports a bad v1 field at its path in the file as written', () => {
    const r = v1();
    r.arrivalHours = -3;
    const p = parseRuleSet(r);
    expect(p).toMatchObject({ ok: false, problems: [{ path: 'arrivalHours' }] });
    if (!p.ok) expect(p.problems[0].message['zh-CN']).toMatch(/^时限的到账时限：必须大于 0/);
  });

  it('does not mark a current file as migrated', () => {
    const p = parseRuleSet(fresh());
    expect(p.ok && 'migratedFrom' in p).toBe(false);
  });
});

describe('migration from version 2 (the observed status `confirmed`, 退款执行中)', () => {
  /** A v2 rule set as stored before `confirmed` existed: 退款执行中 listed under approved. */
  function v2(): Any {
    const r = fresh();
    r.version = 2;
    const texts = r.sites.kuaishou.afterSaleStatusTexts;
    delete texts.confirmed;
    texts.approved = ['审核通过', '待确认退款', '退款执行中'];
    return r;
  }

  it('a stored v2 rule set still loads: the missing status gets its default texts, 退款执行中 moves to confirmed', () => {
    const p = parseRuleSet(v2());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.migratedFrom).toBe(2);
    expect(p.rules.version).toBe(RULES_VERSION);
    expect(p.rules.sites.kuaishou.afterSaleStatusTexts).toEqual(KUAISHOU_TEXTS.afterSaleStatusTexts);
    expect(p.rules.sites.kuaishou.afterSaleStatusTexts.approved).not.toContain('退款执行中');
    expect(p.rules.sites.kuaishou.afterSaleStatusTexts.confirmed).toEqual(KUAISHOU_TEXTS.afterSaleStatusTexts.confirmed);
  });

  it("keeps the merchant's own edits of the other statuses", () => {
    const r = v2();
    r.sites.kuaishou.afterSaleStatusTexts.approved = ['审核已通过', '退款执行中'];
    r.sites.kuaishou.afterSaleStatusTexts.failed = ['打款失败'];
    const p = parseRuleSet(r);
    const texts = p.ok ? p.rules.sites.kuaishou.afterSaleStatusTexts : undefined;
    expect(texts).toMatchObject({ failed: ['打款失败'], confirmed: KUAISHOU_TEXTS.afterSaleStatusTexts.confirmed });
    // The merchant's wording first, the platform's wordings version 4 added after it.
    expect(texts?.approved[0]).toBe('审核已通过');
    expect(texts?.approved).not.toContain('审核通过');
    expect(texts?.approved).not.toContain('退款执行中');
  });

  it('adds the default texts of every status key a file lacks', () => {
    const r = v2();
    delete r.sites.kuaishou.afterSaleStatusTexts.closed;
    const p = parseRuleSet(r);
    expect(p.ok && p.rules.sites.kuaishou.afterSaleStatusTexts.closed).toEqual(KUAISHOU_TEXTS.afterSaleStatusTexts.closed);
  });

  it('a v2 file without site texts gets the defaults; one with broken texts is still refused at its path', () => {
    const r = v2();
    delete r.sites;
    expect(parseRuleSet(r)).toMatchObject({ ok: true, rules: { sites: { kuaishou: KUAISHOU_TEXTS } } });
    const broken = v2();
    broken.sites.kuaishou.afterSaleStatusTexts.rejected = '审核不通过';
    expect(parseRuleSet(broken)).toMatchObject({ ok: false, problems: [{ path: 'sites.kuaishou.afterSaleStatusTexts.rejected' }] });
  });

  it('a v1 file goes through both steps', () => {
    const r = v2();
    r.version = 1;
    const p = parseRuleSet(r);
    expect(p.ok && p.rules.sites.kuaishou.afterSaleStatusTexts.confirmed).toEqual(KUAISHOU_TEXTS.afterSaleStatusTexts.confirmed);
    expect(p.ok && p.migratedFrom).toBe(1);
  });
});

describe('migration from version 3 (the platform wordings, 平台介入 as escalated, 平台意见 and 申请时间)', () => {
  /** The page texts version 3 shipped, as a v3 file stores them. */
  const V3_TEXTS = {
    labels: {
      ...KUAISHOU_TEXTS.labels,
      afterSaleId: ['售后单号', '售后编号', '退款编号'],
      refundAmount: ['退款金额'],
      refundType: ['售后类型', '退款类型'],
    } as Any,
    afterSaleStatusTexts: {
      reviewing: ['待审核', '等待审核', '审核中', '平台介入', '待商家处理'],
      approved: ['审核通过', '待确认退款'],
      confirmed: ['退款执行中', '已确认退款'],
      refunded: ['退款成功', '已退款'],
      rejected: ['审核不通过', '审核未通过', '已拒绝'],
      failed: ['退款失败'],
      closed: ['售后关闭', '已关闭'],
    } as Any,
    formLabels: {
      refundType: ['退款类型', '售后类型'],
      reason: ['退款原因'],
      amount: ['退款金额'],
      remark: ['备注说明', '补充描述', '备注'],
      evidence: ['上传凭证', '凭证'],
      trackingNo: ['物流单号', '运单号', '快递单号'],
      courier: ['快递公司', '物流公司'],
    },
  };
  function v3(): Any {
    const r = fresh();
    r.version = 3;
    delete V3_TEXTS.labels.platformComment;
    delete V3_TEXTS.labels.appliedAt;
    r.sites.kuaishou = { ...r.sites.kuaishou, ...structuredClone(V3_TEXTS) };
    return r;
  }

  it('a rule set stored by version 3 loads with every wording of the current defaults', () => {
    const p = parseRuleSet(v3());
    expect(p.ok && p.migratedFrom).toBe(3);
    if (!p.ok) return;
    const k = p.rules.sites.kuaishou;
    // What a merchant who never edited the texts gets: the current defaults, as sets.
    for (const table of ['labels', 'afterSaleStatusTexts', 'formLabels'] as const) {
      for (const [key, list] of Object.entries(KUAISHOU_TEXTS[table])) {
        expect(new Set((k[table] as Record<string, string[]>)[key]), `${table}.${key}`).toEqual(new Set(list));
      }
    }
  });

  it('退款关闭 and 平台介入 now move a case (mapped with the migrated texts); 问题描述 names the remark', async () => {
    const { mapAfterSaleStatus } = await import('../../lib/sites/kuaishou/read-lists');
    const p = parseRuleSet(v3());
    if (!p.ok) throw new Error('not ok');
    const k = p.rules.sites.kuaishou;
    expect(mapAfterSaleStatus('退款关闭', k)).toBe('closed');
    expect(mapAfterSaleStatus('平台介入中', k)).toBe('escalated');
    expect(k.afterSaleStatusTexts.reviewing).not.toContain('平台介入');
    expect(k.formLabels.remark).toContain('问题描述');
  });

  it("keeps the merchant's edits: a wording they moved stays where they put it, their own wordings stay first", () => {
    const r = v3();
    const t = r.sites.kuaishou.afterSaleStatusTexts;
    t.approved = ['审核已通过', '退款中'];
    t.closed = ['撤单'];
    const p = parseRuleSet(r);
    if (!p.ok) throw new Error('not ok');
    const k = p.rules.sites.kuaishou.afterSaleStatusTexts;
    expect(k.approved.slice(0, 2)).toEqual(['审核已通过', '退款中']);
    expect(k.confirmed).not.toContain('退款中');
    expect(k.closed[0]).toBe('撤单');
    expect(k.closed).toContain('退款关闭');
  });
});
