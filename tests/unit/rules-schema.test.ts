import { describe, expect, it } from 'vitest';
import { defaultRules, DEFAULT_RULES } from '../../lib/rules/defaults';
import { formatPath, jsonErrorAt, parseRuleSet, RULES_VERSION, type RuleSet } from '../../lib/rules/schema';
import { KUAISHOU_TEXTS } from '../../lib/sites/texts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function fresh(): Any {
  return JSON.parse(JSON.stringify(DEFAULT_RULES));
}

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

// Each malformed file: a mutation of the defaults → the exact path of the (first) problem.
const MALFORMED: Array<[string, (r: Any) => unknown, string | string[], RegExp?]> = [
  ['unknown category', (r) => (r.reasons[3].category = 'foo'), 'reasons[3].category', /「foo」不是有效的类别，可选：quality、/],
  ['unknown fault', (r) => (r.reasons[0].fault = 'nobody'), 'reasons[0].fault', /不是有效的责任方/],
  ['empty refundTypes', (r) => (r.reasons[2].refundTypes = []), 'reasons[2].refundTypes', /至少需要 1 项/],
  ['unknown refund type', (r) => (r.reasons[1].refundTypes = ['exchange']), 'reasons[1].refundTypes[0]', /「exchange」不是有效的退款类型/],
  ['duplicate reason id', (r) => (r.reasons[4].id = 'quality'), 'reasons[4].id', /^原因「.+」的内部编号：与原因「质量问题」的内部编号「quality」重复$/],
  ['reason id not a slug', (r) => (r.reasons[0].id = 'Bad Id'), 'reasons[0].id', /只能用小写字母、数字和连字符/],
  ['empty reason id', (r) => (r.reasons[0].id = ''), 'reasons[0].id', /不能为空/],
  ['missing label', (r) => delete r.reasons[5].label, 'reasons[5].label', /缺少必填项/],
  ['missing english label', (r) => delete r.reasons[5].label.en, 'reasons[5].label.en', /缺少必填项/],
  ['empty chinese label', (r) => (r.reasons[5].label['zh-CN'] = ''), 'reasons[5].label.zh-CN', /不能为空/],
  ['label is a string', (r) => (r.reasons[1].label = '质量'), 'reasons[1].label', /应为对象/],
  ['unknown template variable', (r) => (r.reasons[6].remarkTemplate['zh-CN'] = '订单 {orderNo}'), 'reasons[6].remarkTemplate.zh-CN', /\{orderNo\}.*不存在/],
  ['unknown template variable (en)', (r) => (r.reasons[0].remarkTemplate.en = 'Order {order_id}'), 'reasons[0].remarkTemplate.en', /\{order_id\}/],
  [
    'misspelt reason key',
    (r) => ((r.reasons[0].catgory = 'quality'), delete r.reasons[0].category),
    ['reasons[0].category', 'reasons[0].catgory'],
    /缺少必填项/,
  ],
  ['no reasons at all', (r) => (r.reasons = []), 'reasons', /至少需要 1 项/],
  ['reasons not a list', (r) => (r.reasons = { quality: {} }), 'reasons', /应为列表，实际是对象/],
  ['duplicate evidence id', (r) => (r.evidence[3].id = 'product-photos'), 'evidence[3].id', /与凭证「.+」的内部编号「product-photos」重复/],
  ['invalid regex', (r) => (r.evidence[2].satisfiedBy.pattern = '[A-Z'), 'evidence[2].satisfiedBy.pattern', /不是有效的正则表达式/],
  ['empty regex', (r) => (r.evidence[2].satisfiedBy.pattern = ''), 'evidence[2].satisfiedBy.pattern', /不能为空/],
  [
    'unknown satisfiedBy type',
    (r) => (r.evidence[0].satisfiedBy = { type: 'magic' }),
    'evidence[0].satisfiedBy.type',
    /「magic」不是有效的类型，可选：uploads、field、manual/,
  ],
  ['uploads without min', (r) => (r.evidence[1].satisfiedBy = { type: 'uploads' }), 'evidence[1].satisfiedBy.min', /缺少必填项/],
  ['uploads min 0', (r) => (r.evidence[1].satisfiedBy.min = 0), 'evidence[1].satisfiedBy.min', /不小于 1/],
  ['uploads min fractional', (r) => (r.evidence[1].satisfiedBy.min = 1.5), 'evidence[1].satisfiedBy.min', /整数/],
  ['unknown evidence field', (r) => (r.evidence[2].satisfiedBy.field = 'phone'), 'evidence[2].satisfiedBy.field', /「phone」不是有效的字段/],
  ['unknown evidence kind', (r) => (r.evidence[0].kind = 'audio'), 'evidence[0].kind', /不是有效的凭证类型/],
  [
    'unknown order status in appliesTo',
    (r) => (r.evidence[0].appliesTo = { orderStatuses: ['lost'] }),
    'evidence[0].appliesTo.orderStatuses[0]',
    /不是有效的订单状态/,
  ],
  ['unknown category in appliesTo', (r) => (r.evidence[0].appliesTo.reasonCategories = ['quality', 'x']), 'evidence[0].appliesTo.reasonCategories[1]', /类别/],
  ['missing appliesTo', (r) => delete r.evidence[3].appliesTo, 'evidence[3].appliesTo', /缺少必填项/],
  ['unknown payer', (r) => (r.shipping.rules[1].payer = 'platform'), 'shipping.rules[1].payer', /不是有效的运费承担方/],
  ['empty faults', (r) => (r.shipping.rules[0].faults = []), 'shipping.rules[0].faults', /至少需要 1 项/],
  ['missing shipping fallback', (r) => delete r.shipping.fallback, 'shipping.fallback', /缺少必填项，可选：seller、buyer/],
  ['negative hours', (r) => (r.deadlines.arrivalWindowHours = -1), 'deadlines.arrivalWindowHours', /必须大于 0/],
  ['zero hours', (r) => (r.deadlines.reviewReminderHours = 0), 'deadlines.reviewReminderHours', /必须大于 0/],
  ['too many hours', (r) => (r.deadlines.supportFollowUpHours = 24 * 90 + 1), 'deadlines.supportFollowUpHours', /不能超过 2160/],
  ['hours as text', (r) => (r.deadlines.arrivalWindowHours = '24'), 'deadlines.arrivalWindowHours', /应为数字，实际是文本「24」/],
  ['misspelt deadline', (r) => (r.deadlines.reviewHour = 5), 'deadlines.reviewHour', /^时限的「reviewHour」：不是已知的设置/],
  ['fractional express amount', (r) => (r.express.maxAmount = 199.5), 'express.maxAmount', /整数/],
  ['express enabled as text', (r) => (r.express.enabled = 'yes'), 'express.enabled', /true 或 false/],
  ['express unknown status', (r) => (r.express.orderStatuses = ['shipped', 'gone']), 'express.orderStatuses[1]', /订单状态/],
  ['unknown onMissingEvidence', (r) => (r.submit.onMissingEvidence = 'ignore'), 'submit.onMissingEvidence', /可选：warn、block/],
  ['notification as number', (r) => (r.notifications.overdue = 1), 'notifications.overdue', /true 或 false/],
  ['unknown top-level key', (r) => (r.colour = 'red'), 'colour', /不是已知的设置/],
  ['site texts: label list is not a list', (r) => (r.sites.kuaishou.labels.orderId = '订单号'), 'sites.kuaishou.labels.orderId', /应为列表/],
  ['site texts: missing label', (r) => delete r.sites.kuaishou.labels.paidAmount, 'sites.kuaishou.labels.paidAmount', /缺少必填项/],
  ['site texts: empty text', (r) => (r.sites.kuaishou.buttons.submit = ['']), 'sites.kuaishou.buttons.submit[0]', /不能为空/],
  ['future version', (r) => (r.version = RULES_VERSION + 1), 'version', new RegExp(`比本扩展支持的版本 ${RULES_VERSION} 新`)],
  [
    'site texts: a missing status key in a current file',
    (r) => delete r.sites.kuaishou.afterSaleStatusTexts.confirmed,
    'sites.kuaishou.afterSaleStatusTexts.confirmed',
    /缺少必填项/,
  ],
  ['missing version', (r) => delete r.version, 'version', /缺少必填项/],
  ['version as text', (r) => (r.version = '2'), 'version', /不是有效的版本号/],
  ['version zero', (r) => (r.version = 0), 'version', /不是有效的版本号/],
];

describe('malformed rule files are rejected with each problem’s path, and its place in words', () => {
  it('has at least 30 cases', () => expect(MALFORMED.length).toBeGreaterThanOrEqual(30));

  it.each(MALFORMED)('%s → %s', (_name, mutate, path, zh) => {
    const r = fresh();
    mutate(r);
    const p = parseRuleSet(r);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const paths = Array.isArray(path) ? path : [path];
    expect(p.problems.map((x) => x.path)).toEqual(paths);
    const [problem] = p.problems;
    // Where, in words, then what: never the JSON path (reasons[0].id) on screen.
    const jsonPath = /[A-Za-z]\[\d+\]|[a-z]\.[a-zA-Z]/;
    expect(problem.message['zh-CN']).not.toMatch(jsonPath);
    expect(problem.message.en).not.toMatch(jsonPath);
    expect(problem.detail).toBeDefined();
    expect(problem.message['zh-CN'].endsWith(`：${problem.detail!['zh-CN']}`)).toBe(true);
    expect(problem.message.en.endsWith(`: ${problem.detail!.en}`)).toBe(true);
    if (zh) expect(problem.message['zh-CN']).toMatch(zh);
    // plain words, not zod's codes
    expect(problem.message.en).not.toMatch(/invalid_type|invalid_value|too_small|Invalid input/);
    // the same problem through the JSON text path
    const q = parseRuleSet(JSON.stringify(r));
    expect(q).toEqual(p);
  });

  it('names the place as the options page does: the item by its name, the field, the language', () => {
    const r = fresh();
    r.reasons[0].remarkTemplate['zh-CN'] = '订单 {orderNo}';
    r.evidence[2].satisfiedBy.min = 0;
    delete r.evidence[2].label; // no name: its place in the list
    r.evidence[2].satisfiedBy = { type: 'uploads', min: 0 };
    r.shipping.rules[1].payer = 'platform';
    const p = parseRuleSet(r);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const byPath = Object.fromEntries(p.problems.map((x) => [x.path, x.message]));
    expect(byPath['reasons[0].remarkTemplate.zh-CN']['zh-CN']).toMatch(/^原因「质量问题」的备注模板（中文）：模板里的变量「\{orderNo\}」不存在/);
    expect(byPath['reasons[0].remarkTemplate.zh-CN'].en).toMatch(/^The remark template \(Chinese\) of reason “Quality problem”: the template variable/);
    expect(byPath['evidence[2].satisfiedBy.min']['zh-CN']).toMatch(/^第 3 个凭证的最少文件数：必须不小于 1/);
    expect(byPath['evidence[2].label'].en).toBe('The name of evidence no. 3: is required but missing');
    expect(byPath['shipping.rules[1].payer']['zh-CN']).toMatch(/^第 2 条运费规则的运费承担方：/);
  });

  it('reports every problem of a file, not just the first', () => {
    const r = fresh();
    r.reasons[3].category = 'foo';
    r.reasons[1].id = 'quality';
    r.evidence[2].satisfiedBy.pattern = '(';
    r.deadlines.arrivalWindowHours = -1;
    const p = parseRuleSet(r);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.problems.map((x) => x.path).sort()).toEqual(
        ['deadlines.arrivalWindowHours', 'evidence[2].satisfiedBy.pattern', 'reasons[1].id', 'reasons[3].category'].sort(),
      );
    }
  });

  it.each([
    ['null', null, /JSON 对象/],
    ['a number', 42, /JSON 对象/],
    ['a list', [], /JSON 对象，实际是列表/],
    ['a JSON list', '[1,2]', /JSON 对象/],
  ])('%s at the root → (root)', (_n, input, zh) => {
    const p = parseRuleSet(input);
    expect(p).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
    if (!p.ok) expect(p.problems[0].message['zh-CN']).toMatch(zh);
  });

  it.each([
    ['{"version": 2,\n "reasons": [}', 2, 14],
    ['{"version": 2,}', 1, 15],
    ['', 1, 1],
    ['{"version": 2', 1, 14],
    ['{\n  "version": 2\n  "reasons": []\n}', 3, 3],
    ["{'version': 2}", 1, 2],
  ])('bad JSON %j → one (root) problem at line %i, column %i', (text, line, col) => {
    const p = parseRuleSet(text);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0].path).toBe('(root)');
    expect(p.problems[0].message['zh-CN']).toContain(`第 ${line} 行第 ${col} 列`);
    expect(p.problems[0].message.en).toContain(`line ${line}, column ${col}`);
  });

  it('jsonErrorAt agrees that valid JSON has no error', () => {
    expect(jsonErrorAt(JSON.stringify(DEFAULT_RULES, null, 2))).toBeUndefined();
    expect(jsonErrorAt('{"a":[1,-2.5e3,"x\\n\\u00e9",true,false,null,{}]}')).toBeUndefined();
  });

  it('a byte-order mark is tolerated', () => {
    expect(parseRuleSet('\uFEFF' + JSON.stringify(DEFAULT_RULES)).ok).toBe(true);
  });
});

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
