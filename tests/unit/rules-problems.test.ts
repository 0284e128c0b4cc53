import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../lib/rules/defaults';
import { jsonErrorAt, parseRuleSet, RULES_VERSION } from '../../lib/rules/schema';
import { type Any, fresh } from './helpers/rules';

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
    (r) => {
      r.reasons[0].catgory = 'quality';
      delete r.reasons[0].category;
    },
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
