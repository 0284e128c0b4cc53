import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send as request, send as sendMessage } from '../../lib/messaging/send';
import type { MessageName } from '../../lib/messaging/protocol';
import { Payloads } from '../../lib/messaging/payloads.schema';
import { RULES_KEY } from '../../lib/rules/storage';
import { caseOfHash } from '../../lib/cases/url';
import { HOUR, input, makeCase, T0 } from './helpers/cases';
import { startWorld, type World } from './helpers/background';

let world: World;
beforeEach(async () => {
  fakeBrowser.reset();
  world = await startWorld();
});
afterEach(async () => {
  await world.stop();
});

const send = sendMessage as unknown as (type: MessageName, data?: unknown) => Promise<{ ok: boolean; data?: any; error?: any; problems?: any[] }>;

async function snapshot() {
  const svc = await world.bg.service();
  const cases: unknown[] = [];
  for await (const c of svc.store.all()) cases.push(c);
  return { cases, rules: (await fakeBrowser.storage.local.get(RULES_KEY))[RULES_KEY] };
}

describe('every message has a payload schema', () => {
  it('the protocol and the schemas name the same messages', () => {
    expect(Object.keys(Payloads).sort()).toEqual(
      [
        'addNote',
        'attentionList',
        'backup',
        'caseAction',
        'caseRows',
        'casesById',
        'closeCases',
        'counts',
        'deleteAll',
        'exportCases',
        'getCase',
        'getCases',
        'getRules',
        'casesWritten',
        'importCases',
        'listCases',
        'loadPanel',
        'openCases',
        'openOrder',
        'recordSubmit',
        'reportPage',
        'resetRules',
        'restore',
        'setRules',
      ].sort(),
    );
  });
});

describe('round trips through the real messenger', () => {
  it('record, report, act, note, read', async () => {
    const rec = await sendMessage('recordSubmit', { input: input('1001'), submitId: 'submit-0001' });
    expect(rec.ok).toBe(true);
    if (!rec.ok) return;
    expect(rec.data).toMatchObject({ created: true, duplicate: false, case: { orderId: '1001', status: 'reviewing' } });

    const again = await sendMessage('recordSubmit', { input: input('1001'), submitId: 'submit-0001' });
    expect(again.ok && again.data.created).toBe(false);

    const popup = world.harness.sender;
    const listUrl = 'https://s.kwaixiaodian.com/zone/refund/list';
    world.harness.sender = { id: 'x', url: listUrl, tab: { id: 7, url: listUrl } };
    const rep = await sendMessage('reportPage', {
      observations: [{ orderId: '1001', afterSaleId: 'AS1001', status: 'approved' }],
    });
    expect(rep.ok && rep.data.changes.map((c) => [c.from, c.to])).toEqual([['reviewing', 'approved']]);

    const act = await sendMessage('caseAction', { caseId: rec.data.case.id, action: 'confirm' });
    expect(act.ok && act.data.status).toBe('confirmed');
    expect(act.ok && act.data.history.at(-1)?.source).toBe('panel'); // from a tab: the panel
    world.harness.sender = popup;

    const note = await sendMessage('addNote', { caseId: rec.data.case.id, text: '  已联系买家  ' });
    expect(note.ok && note.data.notes.map((n) => n.text)).toEqual(['已联系买家']);

    const got = await sendMessage('getCase', { orderId: '1001' });
    expect(got.ok && got.data?.status).toBe('confirmed');
    expect(await sendMessage('getCase', { orderId: '4040' })).toEqual({ ok: true, data: null });

    const list = await sendMessage('listCases', { query: '10' });
    expect(list.ok && list.data.total).toBe(1);
    expect((await sendMessage('listCases', {})).ok).toBe(true);
    expect((await request('listCases')).ok).toBe(true);

    const counts = await sendMessage('counts');
    expect(counts.ok && counts.data.byStatus.confirmed).toBe(1);

    world.clock.now = T0 + 30 * HOUR;
    const att = await sendMessage('attentionList', { limit: 5 });
    expect(att.ok && att.data.items.map((i) => i.kind)).toEqual(['overdue']);
  });

  it('an illegal action comes back as a failed Result with a message in both languages', async () => {
    const rec = await sendMessage('recordSubmit', { input: input('1002'), submitId: 'submit-0002' });
    if (!rec.ok) throw new Error('record failed');
    const r = await sendMessage('caseAction', { caseId: rec.data.case.id, action: 'confirm' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error['zh-CN']).toMatch(/不能执行/);
      expect(r.error.en).toMatch(/cannot/);
    }
  });

  it('rules: get, set (refused with paths), reset', async () => {
    const got = await sendMessage('getRules');
    expect(got.ok && got.data.rules.deadlines.arrivalWindowHours).toBe(24);
    if (!got.ok) return;
    const bad = await sendMessage('setRules', { rules: { ...got.data.rules, deadlines: { ...got.data.rules.deadlines, reviewReminderHours: 'soon' } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems?.[0].path).toBe('deadlines.reviewReminderHours');
    expect((await fakeBrowser.storage.local.get(RULES_KEY))[RULES_KEY]).toBeUndefined();
    const good = await sendMessage('setRules', { rules: { ...got.data.rules, deadlines: { ...got.data.rules.deadlines, reviewReminderHours: 2 } } });
    expect(good.ok && good.data.rules.deadlines.reviewReminderHours).toBe(2);
    const after = await sendMessage('getRules');
    expect(after.ok && after.data.rules.deadlines.reviewReminderHours).toBe(2);
    const reset = await sendMessage('resetRules');
    expect(reset.ok && reset.data.rules.deadlines.reviewReminderHours).toBe(48);
  });

  it('a corrupt stored rule set: defaults with a warning', async () => {
    await fakeBrowser.storage.local.set({ [RULES_KEY]: { version: 2, reasons: 'broken' } });
    const got = await sendMessage('getRules');
    expect(got.ok && got.data.rules.reasons.length).toBeGreaterThan(0);
    expect(got.ok && got.data.warning?.['zh-CN']).toMatch(/默认规则/);
  });

  it('export, import, backup, restore, delete all', async () => {
    await sendMessage('recordSubmit', { input: input('1003'), submitId: 'submit-0003' });
    const csv = await sendMessage('exportCases', { format: 'csv' });
    expect(csv.ok && csv.data.content.startsWith('\uFEFF"订单编号"')).toBe(true);
    const json = await sendMessage('exportCases', { format: 'json' });
    const backup = await sendMessage('backup');
    if (!json.ok || !backup.ok) throw new Error('export failed');
    expect(await sendMessage('deleteAll')).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await sendMessage('importCases', { content: json.data.content })).toEqual({ ok: true, data: { imported: 1, added: 1, updated: 0, skipped: 0 } });
    await sendMessage('deleteAll');
    expect(await sendMessage('restore', { content: backup.data.content })).toEqual({ ok: true, data: { cases: 1 } });
    const bad = await sendMessage('importCases', { content: '[{"id":"x"}]' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems?.length).toBeGreaterThan(0);
  });

  it('request() never throws: no background is a failed Result', async () => {
    await world.stop();
    const r = await request('counts');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error['zh-CN']).toMatch(/无法连接/);
    world.bg = (await startWorld()).bg; // for afterEach
  });
});

const longText = 'x'.repeat(2001);
const goodInput = input('2001');

/** Each is refused by its schema; none may write anything. */
const MALFORMED: Array<[MessageName, unknown]> = [
  ['getCase', undefined],
  ['getCase', {}],
  ['getCase', { orderId: '' }],
  ['getCase', { orderId: 123 }],
  ['getCase', { orderId: '1001; DROP TABLE' }],
  ['getCase', { orderId: '1'.repeat(65) }],
  ['recordSubmit', { input: goodInput }],
  ['recordSubmit', { input: goodInput, submitId: 'short' }],
  ['recordSubmit', { input: { ...goodInput, orderId: undefined }, submitId: 'submit-x1' }],
  ['recordSubmit', { input: { ...goodInput, refundType: 'exchange' }, submitId: 'submit-x2' }],
  ['recordSubmit', { input: { ...goodInput, refundAmount: 12.5 }, submitId: 'submit-x3' }],
  ['recordSubmit', { input: { ...goodInput, refundAmount: -100 }, submitId: 'submit-x4' }],
  ['recordSubmit', { input: { ...goodInput, paidAmount: '129' }, submitId: 'submit-x5' }],
  ['recordSubmit', { input: { ...goodInput, remark: longText }, submitId: 'submit-x6' }],
  ['recordSubmit', { input: { ...goodInput, buyerPhone: '13800000000' }, submitId: 'submit-x7' }],
  ['recordSubmit', { input: { ...goodInput, orderUrl: 'javascript:alert(1)' }, submitId: 'submit-x8' }],
  ['recordSubmit', { input: { ...goodInput, orderUrl: 'https://evil.example/zone/order/1' }, submitId: 'submit-x9' }],
  ['recordSubmit', { input: { ...goodInput, shippingPayer: 'platform' }, submitId: 'submit-xa' }],
  ['recordSubmit', { input: goodInput, submitId: 'submit-xb', extra: true }],
  ['recordSubmit', 'not an object'],
  ['reportPage', { observations: [{ orderId: '2001', status: 'approved' }], url: 'https://s.kwaixiaodian.com/' }],
  ['reportPage', { observations: [{ status: 'approved' }] }],
  ['reportPage', { observations: [{ orderId: '2001', status: 'teleported' }] }],
  ['reportPage', { observations: [{ orderId: '2001', status: 'approved', source: 'alarm' }] }],
  ['reportPage', { observations: Array.from({ length: 2001 }, () => ({ orderId: '2001', status: 'approved' })) }],
  ['reportPage', { observations: 'all of them' }],
  ['caseAction', { caseId: 'c-1' }],
  ['caseAction', { caseId: 'c-1', action: 'refund-everything' }],
  ['caseAction', { caseId: '', action: 'confirm' }],
  ['caseAction', { caseId: 'c-1', action: 'confirm', source: 'alarm' }],
  ['addNote', { caseId: 'c-1', text: '   ' }],
  ['addNote', { caseId: 'c-1', text: longText }],
  ['addNote', { caseId: 'c-1' }],
  ['listCases', { limit: 0 }],
  ['listCases', { limit: 10_000 }],
  ['listCases', { status: 'lost' }],
  ['listCases', { offset: -1 }],
  ['attentionList', { limit: 'all' }],
  ['counts', { verbose: true }],
  ['exportCases', { format: 'xlsx' }],
  ['exportCases', undefined],
  ['importCases', { content: '' }],
  ['importCases', { content: 42 }],
  ['setRules', {}],
  ['setRules', { rules: { version: 2 }, force: true }],
  ['restore', {}],
  ['deleteAll', { everything: 'yes' }],
  ['openOrder', { caseId: 42 }],
  ['resetRules', { now: true }],
  ['getRules', 'please'],
  ['backup', [1]],
];

describe('malformed payloads are refused and write nothing', () => {
  it(`has at least 30 cases (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MALFORMED.map(([name, data], i) => [i, name, data] as const))('#%i %s', async (_i, name, data) => {
    // Something to lose: one case, stored rules.
    await sendMessage('recordSubmit', { input: input('9001'), submitId: 'submit-seed' });
    const rules = await sendMessage('getRules');
    if (rules.ok) await sendMessage('setRules', { rules: rules.data.rules });
    const before = await snapshot();

    const r = await send(name, data);
    expect(r.ok).toBe(false);
    expect(r.error.en).toMatch(new RegExp(`^Message "${name}" refused, nothing changed`));
    expect(r.error['zh-CN']).toMatch(new RegExp(`^消息「${name}」的内容无效`));
    expect(r.problems?.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('a valid payload with a bad file inside is refused by content, nothing written', async () => {
    await sendMessage('recordSubmit', { input: input('9002'), submitId: 'submit-seed2' });
    const before = await snapshot();
    const bad = JSON.stringify({ cases: [makeCase('9003'), { ...makeCase('9004'), status: 'x' }] });
    const r = await sendMessage('importCases', { content: bad });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.map((p) => p.path)).toEqual(['cases[1].status']);
    const restore = await sendMessage('restore', { content: bad });
    expect(restore.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may ask what (lib/messaging/authority.ts)', () => {
  const tabUrl = 'https://s.kwaixiaodian.com/zone/order/detail?id=1001';
  const fromTab = (url = tabUrl) => ({ id: fakeBrowser.runtime.id, url, tab: { id: 9, url } });

  it('a back-office tab may send the panel’s messages, and nothing that reads out, replaces or deletes data', async () => {
    await (await world.bg.service()).store.insert(makeCase('1001', T0));
    const before = await snapshot();
    world.harness.sender = fromTab();
    expect((await send('getCase', { orderId: '1001' })).ok).toBe(true);
    expect((await send('getRules')).ok).toBe(true);
    for (const [type, data] of [
      ['backup', undefined],
      ['deleteAll', undefined],
      ['exportCases', { format: 'json' }],
      ['listCases', {}],
      ['resetRules', undefined],
      ['importCases', { content: '[]' }],
      ['closeCases', { caseIds: ['c-1001'] }],
    ] as const) {
      const r = await send(type, data);
      expect(r.ok, type).toBe(false);
      expect(r.error['zh-CN']).toContain('只能在退款助手自己的页面');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a back-office tab may open the case list, on its case’s drawer', async () => {
    world.harness.sender = fromTab();
    const opened = await send('openCases', { caseId: 'c-1001/a b' });
    const plain = await send('openCases');
    expect(opened.ok && plain.ok).toBe(true);
    const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
    const drawer = urls.find((u) => u?.includes('#case='));
    expect(drawer).toBe(fakeBrowser.runtime.getURL('/cases.html#case=c-1001%2Fa%20b' as never));
    expect(caseOfHash(new URL(drawer!).hash)).toBe('c-1001/a b');
    expect(urls).toContain(fakeBrowser.runtime.getURL('/cases.html' as never));
  });

  it('a tab on another host may send nothing; the extension’s own pages may send everything', async () => {
    world.harness.sender = fromTab('https://evil.example/zone/order/detail?id=1001');
    expect((await send('getCase', { orderId: '1001' })).ok).toBe(false);
    world.harness.sender = {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL('/options.html' as never),
      tab: { id: 3, url: fakeBrowser.runtime.getURL('/options.html' as never) },
    };
    expect((await send('backup')).ok).toBe(true);
    expect((await send('deleteAll')).ok).toBe(true);
  });
});
