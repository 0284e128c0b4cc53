/*
 * Data at scale and under hostile input: one case schema wherever a case enters, import merged by
 * identity, chunked import and restore (staged, all or nothing, cancellable), restore all or nothing
 * across rules and cases, rules size cap, evidence patterns that cannot hang a page, the CSV guard.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CaseService, csvCell, parseCasesFile } from '../../lib/cases/service';
import type { CaseStore, WriteFileOptions } from '../../lib/cases/store';
import { CHUNK, importFile, restoreFile } from '../../lib/cases/transfer';
import { isBackOfficeUrl, orderPageUrl } from '../../lib/cases/url';
import { PATTERN_INPUT_MAX } from '../../lib/rules/constants';
import { defaultRules } from '../../lib/rules/defaults';
import { checkEvidence } from '../../lib/rules/evaluate';
import { parseRuleSet, type RuleSet } from '../../lib/rules/schema';
import { RULES_MAX_BYTES } from '../../lib/rules/size';
import { saveRules } from '../../lib/rules/storage';
import { freshStore, HOUR, makeCase, memorySlot, rules, T0, transferPort } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

async function setup() {
  const fresh = await freshStore();
  open.push(fresh.store);
  return { ...fresh, svc: new CaseService(fresh.store) };
}
const at = (now: number) => ({ now, rules });
const asJson = (x: unknown) => JSON.stringify(x);

const many = (n: number, from = 0, now = T0): RefundCase[] =>
  Array.from({ length: n }, (_, i) => makeCase(String(10_000_000 + from + i), now, {}, `bulk-${from + i}`));

describe('one case schema wherever a case enters', () => {
  const hostile: Array<[string, Partial<RefundCase> | Record<string, unknown>, string]> = [
    ['an order link to another host', { orderUrl: 'https://evil.example/zone/order/detail?id=1' }, 'orderUrl'],
    ['a data: link', { orderUrl: 'data:text/html,<script>alert(1)</script>' }, 'orderUrl'],
    ['a file: link', { orderUrl: 'file:///etc/passwd' }, 'orderUrl'],
    ['a javascript: link', { orderUrl: 'javascript:alert(1)' }, 'orderUrl'],
    ['a look-alike host', { orderUrl: 'https://s.kwaixiaodian.com.evil.example/zone' }, 'orderUrl'],
    ['credentials in the link', { orderUrl: 'https://user:pw@s.kwaixiaodian.com/zone' }, 'orderUrl'],
    ['a negative amount', { refundAmount: -100 }, 'refundAmount'],
    ['a fractional amount (yuan, not 分)', { paidAmount: 12.5 }, 'paidAmount'],
    ['a date in the year 275760', { updatedAt: 8.64e15 }, 'updatedAt'],
    ['a date before 2000', { createdAt: 0 }, 'createdAt'],
    ['a history date out of range', { history: [{ from: null, to: 'reviewing', at: 8.64e15, source: 'panel' }] }, 'history[0].at'],
  ];
  it.each(hostile)('an import with %s is refused and nothing is written', async (_label, patch, field) => {
    const { svc, store } = await setup();
    const r = await svc.importCases(asJson([makeCase('5550001'), { ...makeCase('5550002'), ...patch }]), at(T0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.map((p) => p.path)).toContain(`[1].${field}`);
    expect(await store.count()).toBe(0);
  });

  it.each(hostile)('a restore with %s is refused: rules and cases stay', async (_label, patch) => {
    const { svc, store } = await setup();
    await store.importMany([makeCase('5551000')]);
    const slot = memorySlot('old rules');
    const file = { format: 'refund-helper-backup', version: 1, rules: defaultRules(), cases: [{ ...makeCase('5551001'), ...patch }] };
    expect((await svc.restore(asJson(file), T0, slot)).ok).toBe(false);
    expect(slot.value).toBe('old rules');
    expect(slot.writes).toBe(0);
    expect((await store.list()).map((c) => c.orderId)).toEqual(['5551000']);
  });

  it('a large file the options page writes itself: a hostile case in a later chunk is refused with its place, nothing written', async () => {
    const fresh = await setup();
    const { port, calls } = transferPort(fresh);
    const cases: unknown[] = many(CHUNK * 2);
    cases[CHUNK + 5] = { ...(cases[CHUNK + 5] as RefundCase), orderUrl: 'file:///x' };
    const r = await importFile(port, asJson({ cases }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe(`cases[${CHUNK + 5}].orderUrl`);
    expect(await fresh.store.count()).toBe(0);
    expect(calls).not.toContain('written');
  });

  it('back-office links over https and http are kept', () => {
    for (const url of ['https://s.kwaixiaodian.com/zone/order/detail?id=1', 'http://s.kwaixiaodian.com:8080/zone/order/detail?id=1']) {
      const r = parseCasesFile(asJson([{ ...makeCase('5552001'), orderUrl: url }]));
      expect(r.ok && r.value[0].orderUrl).toBe(url);
      expect(isBackOfficeUrl(url)).toBe(true);
    }
  });

  it('opening an order never follows a stored link that is not a back-office page', () => {
    expect(orderPageUrl({ orderUrl: 'data:text/html,x' })).toBe('https://s.kwaixiaodian.com/zone/order/list');
    expect(orderPageUrl({ orderUrl: 'https://evil.example/' })).toBe('https://s.kwaixiaodian.com/zone/order/list');
    expect(orderPageUrl({})).toBe('https://s.kwaixiaodian.com/zone/order/list');
    expect(orderPageUrl({ orderUrl: 'https://s.kwaixiaodian.com/zone/order/detail?id=9' })).toBe('https://s.kwaixiaodian.com/zone/order/detail?id=9');
  });
});

describe('import merges by case identity', () => {
  it('adds new cases, takes a newer copy, never an older or equal one, and says which', async () => {
    const { svc, store } = await setup();
    const stored = [makeCase('5560001', T0), makeCase('5560002', T0 + 5 * HOUR), makeCase('5560003', T0)];
    await store.importMany(stored);
    const newer = observe(stored[0], 'approved', rules, T0 + 2 * HOUR).case; // updatedAt later
    const older = { ...stored[1], updatedAt: T0, remark: 'older copy' }; // stored is newer
    const same = { ...stored[2], remark: 'same time, other text' }; // equal: the stored one stays
    const fresh = makeCase('5560004', T0);
    const r = await svc.importCases(asJson({ cases: [newer, older, same, fresh] }), at(T0 + 3 * HOUR));
    expect(r).toEqual({ ok: true, value: { imported: 2, added: 1, updated: 1, skipped: 2 } });
    expect((await store.get(stored[0].id))!.status).toBe('approved');
    expect((await store.get(stored[1].id))!.remark).not.toBe('older copy');
    expect((await store.get(stored[2].id))!.remark).not.toBe('same time, other text');
    expect(await store.count()).toBe(4);
    expect(await store.countByStatus()).toMatchObject({ approved: 1, reviewing: 3 });
    // The same file again changes nothing.
    const again = await svc.importCases(asJson({ cases: [newer, older, same, fresh] }), at(T0 + 4 * HOUR));
    expect(again).toEqual({ ok: true, value: { imported: 0, added: 0, updated: 0, skipped: 4 } });
  });

  it('a case known by its after-sale number is the same case under another id', async () => {
    const { svc, store } = await setup();
    const mine = makeCase('5561001', T0, { afterSaleId: 'AS5561001' }, 'local-id');
    await store.importMany([mine]);
    const theirs = { ...observe(mine, 'approved', rules, T0 + HOUR).case, id: 'other-id' };
    const r = await svc.importCases(asJson([theirs]), at(T0 + 2 * HOUR));
    expect(r).toMatchObject({ ok: true, value: { added: 0, updated: 1 } });
    expect(await store.count()).toBe(1);
    expect((await store.get('local-id'))!.status).toBe('approved');
  });

  it('two entries of one file with the same after-sale number are refused', async () => {
    const { svc, store } = await setup();
    const a = makeCase('5562001', T0, { afterSaleId: 'AS1' }, 'a');
    const b = makeCase('5562002', T0, { afterSaleId: 'AS1' }, 'b');
    const r = await svc.importCases(asJson([a, b]), at(T0));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe('[1].afterSaleId');
    expect(await store.count()).toBe(0);
  });
});

describe('a large import or restore, written by the options page in one transaction', () => {
  it(`checks and writes ${CHUNK}-case chunks, reports the progress, then tells the background`, async () => {
    const fresh = await setup();
    const { port, calls } = transferPort(fresh);
    const cases = many(CHUNK * 2 + 7);
    const seen: string[] = [];
    const shares: number[] = [];
    const r = await importFile(port, asJson({ format: 'refund-helper-cases', cases }), {
      onProgress: (p) => {
        seen.push(`${p.phase}:${p.done}/${p.total}`);
        if (p.share !== undefined) shares.push(p.share);
      },
    });
    expect(r).toEqual({ ok: true, data: { imported: cases.length, added: cases.length, updated: 0, skipped: 0 } });
    expect(calls).toEqual(['open', 'written']);
    // Read as a stream: the count is known at the end; meanwhile the bar follows the file read.
    expect(seen).toEqual([
      'read:0/0',
      'write:0/0',
      `write:${CHUNK}/0`,
      `write:${2 * CHUNK}/0`,
      `write:${cases.length}/0`,
      `write:${cases.length}/${cases.length}`,
    ]);
    expect(shares[0]).toBe(0);
    expect(shares.at(-1)).toBe(1);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(await fresh.store.count()).toBe(cases.length);
    expect(await fresh.store.countByStatus()).toMatchObject({ reviewing: cases.length });
    // Each entry got its import history entry and the derived fields.
    expect((await fresh.store.get('bulk-5'))!.history.at(-1)).toMatchObject({ source: 'import', at: T0 + HOUR });
  });

  it('cancel while writing: nothing written, the background not told', async () => {
    const fresh = await setup();
    const { port, calls } = transferPort(fresh);
    const abort = new AbortController();
    const r = await importFile(port, asJson(many(CHUNK * 3)), {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.phase === 'write' && p.done >= CHUNK) abort.abort();
      },
    });
    expect(r).toMatchObject({ ok: false, cancelled: true });
    expect(calls).not.toContain('written');
    expect(await fresh.store.count()).toBe(0);
    expect(await fresh.store.countByStatus()).toMatchObject({ reviewing: 0 });
  });

  it('an id repeated across chunks is refused: nothing written', async () => {
    const fresh = await setup();
    const { port } = transferPort(fresh);
    const cases = many(CHUNK + 3);
    cases[CHUNK + 1] = { ...cases[CHUNK + 1], id: cases[5].id };
    const r = await importFile(port, asJson({ cases }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe(`cases[${CHUNK + 1}].id`);
    expect(await fresh.store.count()).toBe(0);
  });

  it('a bad case in a later chunk of a bare array: refused with its place in the file, nothing written', async () => {
    const fresh = await setup();
    const { port } = transferPort(fresh);
    const cases: unknown[] = many(CHUNK + 3);
    cases[CHUNK + 2] = { ...(cases[CHUNK + 2] as RefundCase), refundAmount: -1 };
    const r = await importFile(port, asJson(cases));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe(`[${CHUNK + 2}].refundAmount`);
    expect(await fresh.store.count()).toBe(0);
  });

  it('restore: rules and cases replaced together', async () => {
    const fresh = await setup();
    await fresh.store.importMany(many(3, 900_000));
    const custom: RuleSet = {
      ...defaultRules(),
      deadlines: { reviewReminderHours: 5, confirmReminderHours: 8, arrivalWindowHours: 6, supportFollowUpHours: 7 },
    };
    const { port, slot, calls } = transferPort(fresh, { slot: memorySlot('old') });
    const cases = many(CHUNK + 1);
    const r = await restoreFile(port, asJson({ format: 'refund-helper-backup', version: 1, rules: custom, cases }));
    expect(r).toEqual({ ok: true, data: { cases: cases.length } });
    expect((slot.value as RuleSet).deadlines.reviewReminderHours).toBe(5);
    expect(await fresh.store.count()).toBe(cases.length);
    expect(await fresh.store.get('bulk-900000')).toBeUndefined();
    expect(calls).toEqual(['open', 'written']);
  });

  it('restore with a bad case in a later chunk: the rules never written, the cases as they were', async () => {
    const fresh = await setup();
    await fresh.store.importMany(many(3, 900_000));
    const { port, slot } = transferPort(fresh, { slot: memorySlot('old') });
    const cases: unknown[] = many(CHUNK + 3);
    cases[CHUNK + 2] = { ...(cases[CHUNK + 2] as RefundCase), createdAt: 0 };
    const r = await restoreFile(port, asJson({ format: 'refund-helper-backup', version: 1, rules: defaultRules(), cases }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].path).toBe(`cases[${CHUNK + 2}].createdAt`);
    expect(slot).toMatchObject({ value: 'old', writes: 0 });
    expect((await fresh.store.list()).map((c) => c.id).sort()).toEqual(['bulk-900000', 'bulk-900001', 'bulk-900002']);
  });

  it('restore whose rules the storage refuses (quota): the cases as they were, the message the merchant’s', async () => {
    const fresh = await setup();
    await fresh.store.importMany(many(3, 900_000));
    const slot = memorySlot('old');
    slot.failWith = new Error('Resource::kQuotaBytes quota exceeded');
    const { port, calls } = transferPort(fresh, { slot });
    const r = await restoreFile(port, asJson({ format: 'refund-helper-backup', version: 1, rules: defaultRules(), cases: many(CHUNK + 1) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error['zh-CN']).toMatch(/规则太大.*未恢复任何内容.*保持原样/);
    expect(slot.value).toBe('old');
    expect(await fresh.store.count()).toBe(3);
    expect(await fresh.store.countByStatus()).toMatchObject({ reviewing: 3 });
    expect(calls).not.toContain('written');
  });
});

describe('restore: all or nothing across rules and cases', () => {
  const backupOf = (rules: unknown, cases: RefundCase[]) => asJson({ format: 'refund-helper-backup', version: 1, rules, cases });

  it('rules over the storage quota: nothing restored, both as they were, the message says what to do', async () => {
    const { svc, store } = await setup();
    await store.importMany([makeCase('5570001')]);
    const slot = memorySlot('old rules');
    slot.failWith = new Error('Resource::kQuotaBytes quota exceeded');
    const r = await svc.restore(backupOf(defaultRules(), [makeCase('5570002')]), T0, slot);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error['zh-CN']).toMatch(/规则太大.*未恢复任何内容.*保持原样.*请缩减规则/);
      expect(r.error.en).toMatch(/nothing was restored/);
      expect(r.error.en).not.toMatch(/kQuotaBytes|Background error/);
    }
    expect(slot.value).toBe('old rules');
    expect((await store.list()).map((c) => c.orderId)).toEqual(['5570001']);
  });

  it('the cases write fails: the rules are never written', async () => {
    const { svc, store } = await setup();
    await store.importMany([makeCase('5571001')]);
    const slot = memorySlot(undefined); // the defaults: no stored rules
    store.writeFile = async () => {
      throw new Error('disk gone');
    };
    const custom = { ...defaultRules(), deadlines: { reviewReminderHours: 5, confirmReminderHours: 8, arrivalWindowHours: 6, supportFollowUpHours: 7 } };
    const r = await svc.restore(backupOf(custom, [makeCase('5571002')]), T0, slot);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error['zh-CN']).toMatch(/恢复未完成，规则和退款记录都保持原样/);
    expect(slot.value).toBeUndefined();
    expect(slot.writes).toBe(0);
    expect((await store.list()).map((c) => c.orderId)).toEqual(['5571001']);
  });

  it('the cases fail to commit after the rules were stored: the old rules are put back', async () => {
    const { svc, store } = await setup();
    await store.importMany([makeCase('5573001')]);
    const slot = memorySlot('old rules');
    const write = store.writeFile.bind(store) as (...a: unknown[]) => Promise<unknown>;
    // The transaction fails at its very end, once the rules are stored (as a commit refused by the disk would).
    store.writeFile = ((mode: unknown, next: unknown, prepare: unknown, opts: WriteFileOptions) =>
      write(mode, next, prepare, {
        ...opts,
        beforeCommit: async () => {
          await opts.beforeCommit?.();
          throw new Error('commit failed');
        },
      })) as typeof store.writeFile;
    const r = await svc.restore(backupOf(defaultRules(), [makeCase('5573002')]), T0, slot);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error['zh-CN']).toMatch(/恢复未完成，规则和退款记录都保持原样/);
    expect(slot).toMatchObject({ value: 'old rules', writes: 2 });
    expect((await store.list()).map((c) => c.orderId)).toEqual(['5573001']);
  });

  it(`rules over the ${RULES_MAX_BYTES / 1024 / 1024} MB cap are refused before anything is written`, async () => {
    const { svc, store } = await setup();
    await store.importMany([makeCase('5572001')]);
    const big = defaultRules();
    const huge = {
      ...big,
      reasons: Array.from({ length: 200 }, (_, i) => ({
        ...big.reasons[0],
        id: `r-${i}`,
        remarkTemplate: { 'zh-CN': '很长的模板'.repeat(400), en: 'long template '.repeat(140) },
      })),
    };
    expect(parseRuleSet(huge).ok).toBe(true); // valid, only too large
    const slot = memorySlot('old');
    const r = await svc.restore(backupOf(huge, [makeCase('5572002')]), T0, slot);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].message['zh-CN']).toMatch(/规则太大（.*上限 1\.0 MB）/);
    expect(slot.writes).toBe(0);
    expect((await store.list()).map((c) => c.orderId)).toEqual(['5572001']);
    // The same cap where the options page saves the rules.
    const saved = await saveRules(huge);
    expect(saved.ok).toBe(false);
    expect(await fakeBrowser.storage.local.get('rules')).toEqual({});
  });
});

describe('evidence patterns cannot hang the page', () => {
  it.each(['^(a+)+$', '(x+x+)+y', '(.*a){12}', '^(\\d+)*$'])('a rules file with the pattern %s is refused, saying why', (pattern) => {
    const r = defaultRules();
    const i = r.evidence.findIndex((e) => e.satisfiedBy.type === 'field');
    (r.evidence[i].satisfiedBy as { pattern: string }).pattern = pattern;
    const parsed = parseRuleSet(r);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0].path).toBe(`evidence[${i}].satisfiedBy.pattern`);
      expect(parsed.problems[0].message['zh-CN']).toMatch(/可能让后台页面卡住/);
      expect(parsed.problems[0].message.en).toMatch(/could freeze the back-office page/);
    }
  });

  it('the default patterns pass', () => {
    expect(parseRuleSet(defaultRules()).ok).toBe(true);
  });

  it(`a pattern runs on the first ${PATTERN_INPUT_MAX} characters of a field only`, () => {
    const r = defaultRules();
    r.evidence = [
      {
        ...r.evidence.find((e) => e.satisfiedBy.type === 'field')!,
        id: 'long',
        appliesTo: {},
        satisfiedBy: { type: 'field', field: 'remark', pattern: 'END$' },
      },
    ];
    const check = (remark: string) => checkEvidence(r, { refundType: 'refund-only' }, { uploads: 0, fields: { remark }, ticked: [] }).items[0].state;
    expect(check('x'.repeat(PATTERN_INPUT_MAX - 3) + 'END')).toBe('ok');
    expect(check('x'.repeat(PATTERN_INPUT_MAX) + 'END')).toBe('missing');
  });
});

describe('CSV formula guard', () => {
  it.each([
    ['\u0000=cmd', `"'=cmd"`],
    ['\n=1+1', `"'\n=1+1"`],
    ['\u200b=1+1', `"'\u200b=1+1"`],
    ['\ufeff=1+1', `"'\ufeff=1+1"`],
    ['＝1+1', `"'＝1+1"`],
    ['＋86', `"'＋86"`],
    ['－2', `"'－2"`],
    ['＠SUM(A1)', `"'＠SUM(A1)"`],
    [' =1+1', `"' =1+1"`],
    ['顺丰', '"顺丰"'],
    ['a=b', '"a=b"'],
  ])('csvCell(%j)', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
