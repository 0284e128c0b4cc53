/*
 * The background's side of issue 17's data work: a stored order link that is not a back-office page
 * is never opened (popup and notification click), a restore over the rules quota is all or nothing
 * in the merchant's words, and the badge says so when the cases cannot be read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openStore, StoreError } from '../../lib/cases/store';
import { send as sendMessage } from '../../lib/messaging/send';
import { notificationId } from '../../lib/notify';
import { defaultRules } from '../../lib/rules/defaults';
import { makeCase, T0 } from './helpers/cases';
import { startWorld, type World } from './helpers/background';

let world: World;
beforeEach(async () => {
  fakeBrowser.reset();
  world = await startWorld();
});
afterEach(async () => {
  await world.stop();
  vi.restoreAllMocks();
});

/** A record written straight into the database (as a tool or an older build could have), bypassing every schema. */
async function storeRaw(orderUrl: string) {
  const store = await openStore(world.name, world.factory);
  const c = { ...makeCase('5580001'), orderUrl };
  await store.importMany([c]);
  store.close();
  return c;
}

describe('opening an order from a case', () => {
  it.each(['https://evil.example/zone/order/detail?id=1', 'data:text/html,<h1>x</h1>', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'a stored link %s is never opened: popup and notification click open the order list',
    async (url) => {
      const c = await storeRaw(url);
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      expect((await sendMessage('openOrder', { caseId: c.id })).ok).toBe(true);
      await fakeBrowser.notifications.onClicked.trigger(notificationId('approved', c.id));
      expect(create.mock.calls.map(([arg]) => arg.url)).toEqual(['https://s.kwaixiaodian.com/zone/order/list', 'https://s.kwaixiaodian.com/zone/order/list']);
    },
  );

  it('an import cannot bring such a link in', async () => {
    const file = JSON.stringify([{ ...makeCase('5580002'), orderUrl: 'https://evil.example/' }]);
    const r = await sendMessage('importCases', { content: file });
    expect(r.ok).toBe(false);
    expect((await sendMessage('counts')).ok && (await sendMessage('counts'))).toMatchObject({ data: { total: 0 } });
  });
});

describe('restore through the background', () => {
  it('rules over the storage quota: nothing restored, and the message is the merchant’s, not the browser’s', async () => {
    await sendMessage('recordSubmit', { input: { orderId: '5581001', refundType: 'refund-only', reasonId: 'quality' }, submitId: 'submit-5581001' });
    const backup = { format: 'refund-helper-backup', version: 1, rules: defaultRules(), cases: [makeCase('5581002')] };
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('rules' in (items as object)) throw new Error('Resource::kQuotaBytes quota exceeded');
      return set(items);
    });
    const r = await sendMessage('restore', { content: JSON.stringify(backup) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error['zh-CN']).toMatch(/规则太大.*未恢复任何内容/);
      expect(r.error.en).not.toMatch(/kQuotaBytes|Background error/);
    }
    const list = await sendMessage('listCases', {});
    expect(list.ok && list.data.items.map((c) => c.orderId)).toEqual(['5581001']);
    expect(await fakeBrowser.storage.local.get('rules')).toEqual({});
  });
});

describe('the badge when the cases cannot be read', () => {
  it('a database from a newer version: a red "!" and the reason in the title, not "nothing needs attention"', async () => {
    await world.stop();
    const { createBackground } = await import('../../lib/background');
    const bg = createBackground({ now: () => T0, openStore: () => Promise.reject(new StoreError('version')), locale: () => 'zh-CN' });
    await bg.ready;
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
    expect(await fakeBrowser.action.getTitle({})).toMatch(/无法读取退款记录.*更新版本/);
    bg.dispose();
    world = await startWorld();
  });
});
