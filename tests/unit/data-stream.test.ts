/*
 * An import or restore read from the chosen file as a stream (the options page never holds the
 * whole text): the same outcome as the text, and a file found broken late (cut off, text after
 * its end) refused with nothing written, since every chunk goes into the one transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { prepareImported } from '../../lib/cases/intake';
import type { RefundCase } from '../../lib/cases/schema';
import type { CaseStore } from '../../lib/cases/store';
import { buildFile, CHUNK, importFile, restoreFile } from '../../lib/cases/transfer';
import { defaultRules } from '../../lib/rules/defaults';
import { freshStore, HOUR, makeCase, memorySlot, rules, T0, transferPort } from './helpers/cases';

const open: CaseStore[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

async function setup(slot = memorySlot()) {
  const fresh = await freshStore();
  open.push(fresh.store);
  return { store: fresh.store, ...transferPort(fresh, { slot }) };
}

const many = (n: number): RefundCase[] =>
  Array.from({ length: n }, (_, i) => makeCase(String(20_000_000 + i), T0, { productTitle: `商品 “${i}” \\ 规则` }, `s-${i}`));
const blob = (text: string) => new Blob([text], { type: 'application/json' });

describe('a file read as a stream', () => {
  it('an export chosen as a file (a BOM, Chinese text, escapes): every case written, as from its text', async () => {
    const { store, port, calls } = await setup();
    const cases = many(CHUNK + 30);
    const r = await importFile(port, blob(`\uFEFF${JSON.stringify({ format: 'refund-helper-cases', version: 1, cases })}`));
    expect(r).toEqual({ ok: true, data: { imported: cases.length, added: cases.length, updated: 0, skipped: 0 } });
    expect(calls).toEqual(['open', 'written']);
    expect(await store.count()).toBe(cases.length);
    expect((await store.get(`s-${CHUNK + 7}`))!.productTitle).toBe(`商品 “${CHUNK + 7}” \\ 规则`);
  });

  it('a file cut off in a later chunk: not valid JSON, nothing written, the background not told', async () => {
    const { store, port, calls } = await setup();
    const text = JSON.stringify({ cases: many(CHUNK * 2 + 5) });
    const r = await importFile(port, blob(text.slice(0, -300)));
    expect(r).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
    if (!r.ok) expect(r.problems?.[0].message.en).toMatch(/not valid JSON/);
    expect(await store.count()).toBe(0);
    expect(calls).not.toContain('written');
  });

  it('text after the end of the cases file: refused, nothing written', async () => {
    const { store, port } = await setup();
    const r = await importFile(port, blob(`${JSON.stringify(many(CHUNK + 1))} {"more": 1}`));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems?.[0].message.en).toMatch(/not valid JSON \(text after the end/);
    expect(await store.count()).toBe(0);
  });

  it('a file that is not a cases file is refused as before', async () => {
    const { port } = await setup();
    for (const text of ['42', '{"format":"refund-helper-cases"}', '{"cases": {"a": 1}}']) {
      const r = await importFile(port, blob(text));
      expect(r.ok ? [] : r.problems?.map((p) => p.message.en)).toEqual(['(root): expected an array of cases or an object with "cases"']);
    }
  });

  it('a backup with its rules after its cases: read once for the rules, then the rules and cases restored', async () => {
    const slot = memorySlot('old rules');
    const { store, port } = await setup(slot);
    const custom = { ...defaultRules(), deadlines: { reviewReminderHours: 5, confirmReminderHours: 8, arrivalWindowHours: 6, supportFollowUpHours: 7 } };
    const cases = many(CHUNK + 3);
    const text = JSON.stringify({ format: 'refund-helper-backup', version: 1, cases, rules: custom });
    const r = await restoreFile(port, blob(text));
    expect(r).toEqual({ ok: true, data: { cases: cases.length } });
    expect(await store.count()).toBe(cases.length);
    expect((slot.value as typeof custom).deadlines.reviewReminderHours).toBe(5);
  });

  it('a backup cut off after its rules: refused, the rules and cases as they were', async () => {
    const slot = memorySlot('old rules');
    const { store, port } = await setup(slot);
    await store.importMany([makeCase('20999999', T0, {}, 'kept')]);
    const text = JSON.stringify({ format: 'refund-helper-backup', version: 1, rules: defaultRules(), cases: many(CHUNK + 3) });
    const r = await restoreFile(port, blob(text.slice(0, text.length - 50)));
    expect(r.ok).toBe(false);
    expect(slot.value).toBe('old rules');
    expect((await store.list()).map((c) => c.id)).toEqual(['kept']);
  });
});

describe('a file built from the database (backup, JSON and CSV export)', () => {
  it('a backup built in pieces restores every case as it was, with its rules; an export imports them all; the CSV has a row per case', async () => {
    const from = await setup();
    const cases = many(2 * CHUNK + 17);
    await from.store.importMany(cases);
    const now = T0 + 2 * HOUR;
    const built = (kind: 'backup' | 'json' | 'csv') => buildFile(kind, { rules, now, total: cases.length, open: from.port.open });
    const backup = await built('backup');
    if (!backup.ok) throw new Error('backup not built');
    expect(backup.data.count).toBe(cases.length);
    expect(backup.data.filename).toMatch(/\.json$/);

    // Restored into another database: every case as it was (plus the restore's own history
    // entry), and the rules of the file.
    const into = await setup(memorySlot('old'));
    expect(await restoreFile(into.port, backup.data.blob)).toEqual({ ok: true, data: { cases: cases.length } });
    expect(into.slot.value).toEqual(rules);
    for (const i of [0, CHUNK, 2 * CHUNK + 16])
      expect(await into.store.get(`s-${i}`)).toEqual(prepareImported((await from.store.get(`s-${i}`))!, rules, T0 + HOUR));

    const json = await built('json');
    const again = await setup();
    if (!json.ok) throw new Error('JSON export not built');
    expect(await importFile(again.port, json.data.blob)).toMatchObject({ ok: true, data: { imported: cases.length, added: cases.length } });

    const csv = await built('csv');
    if (!csv.ok) throw new Error('CSV export not built');
    const lines = (await csv.data.blob.text()).trimEnd().split(/\r?\n/);
    expect(lines).toHaveLength(cases.length + 1);
    // The UTF-8 byte order mark that tells a spreadsheet the file's encoding (text() drops it).
    expect([...new Uint8Array(await csv.data.blob.slice(0, 3).arrayBuffer())]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('a build cancelled half-way gives no file', async () => {
    const { store, port } = await setup();
    await store.importMany(many(CHUNK + 5));
    const ctl = new AbortController();
    const r = await buildFile(
      'backup',
      { rules, now: T0, total: CHUNK + 5, open: port.open },
      { signal: ctl.signal, onProgress: (p) => p.done >= 1000 && ctl.abort() },
    );
    expect(r).toMatchObject({ ok: false, cancelled: true });
  });
});
