// The case list page's messages, through the real messenger and background: rows a page at a
// time, cases by id, bulk stop tracking, export of a selection.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send as sendMessage } from '../../lib/messaging/send';
import type { MessageName } from '../../lib/messaging/protocol';
import { input } from './helpers/cases';
import { startWorld, type World } from './helpers/background';

let world: World;
beforeEach(async () => {
  fakeBrowser.reset();
  world = await startWorld();
});
afterEach(async () => {
  await world.stop();
});

const send = sendMessage as unknown as (type: MessageName, data?: unknown) => Promise<{ ok: boolean; data?: any; error?: any }>;

async function record(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await send('recordSubmit', { input: input(String(3000 + i)), submitId: `submit-rows-${i}` });
    ids.push(r.data.case.id);
  }
  return ids;
}

describe('the case list messages', () => {
  it('caseRows: every case once, a page at a time, as rows', async () => {
    const ids = await record(7);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const r = await send('caseRows', { after, limit: 3 });
      expect(r.ok).toBe(true);
      seen.push(...r.data.rows.map((row: { id: string }) => row.id));
      expect(r.data.rows[0]).toMatchObject({ status: 'reviewing', orderId: expect.any(String), submittedAt: expect.any(Number) });
      after = r.data.next;
      pages++;
    } while (after);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(pages).toBe(3);
  });

  it('casesById: the cases that exist, in the order asked', async () => {
    const [a, b] = await record(2);
    const r = await send('casesById', { caseIds: [b, 'no-such-case', a] });
    expect(r.data.map((c: { id: string }) => c.id)).toEqual([b, a]);
  });

  it('closeCases: closes what can be closed, skips what already ended, and the counts follow', async () => {
    const [a, b] = await record(2);
    expect((await send('closeCases', { caseIds: [a] })).data).toEqual({ closed: [a], skipped: 0 });
    expect((await send('closeCases', { caseIds: [a, b] })).data).toEqual({ closed: [b], skipped: 1 });
    const counts = await send('counts');
    expect(counts.data.byStatus).toMatchObject({ closed: 2, reviewing: 0 });
  });

  it('exportCases with caseIds: only the selection', async () => {
    const [a, , c] = await record(3);
    const csv = await send('exportCases', { format: 'csv', caseIds: [a, c] });
    expect(csv.data.content.trim().split('\r\n')).toHaveLength(3); // header + 2
    const json = await send('exportCases', { format: 'json', caseIds: [c] });
    expect(JSON.parse(json.data.content).cases.map((x: { id: string }) => x.id)).toEqual([c]);
  });

  it('refuses malformed payloads without writing', async () => {
    expect((await send('closeCases', { caseIds: [] })).ok).toBe(false);
    expect((await send('caseRows', { limit: 0 })).ok).toBe(false);
    expect((await send('casesById', { caseIds: Array(501).fill('x') })).ok).toBe(false);
  });
});
