import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALARM_NEXT_DEADLINE, ALARM_SAFETY_NET, REFUND_LIST_URL, SAFETY_NET_MINUTES } from '../../lib/background';
import { BADGE_COLORS } from '../../lib/badge';
import { send as sendMessage } from '../../lib/messaging/send';
import { batchNotificationId, notificationId, parseBatchNotificationId } from '../../lib/notify';
import { defaultRules } from '../../lib/rules/defaults';
import { HOUR, input, T0 } from './helpers/cases';
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

const rgba = (hex: string) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];

async function submit(orderId: string, extra = {}) {
  const r = await sendMessage('recordSubmit', { input: input(orderId, extra), submitId: `submit-${orderId}` });
  if (!r.ok) throw new Error(r.error.en);
  return r.data.case;
}
async function platformSays(orderId: string, status: 'approved' | 'confirmed' | 'rejected' | 'failed' | 'refunded') {
  const r = await sendMessage('reportPage', { observations: [{ orderId, status }] });
  if (!r.ok) throw new Error(r.error.en);
  return r.data;
}
const alarm = (name: string) => fakeBrowser.alarms.get(name);
const fire = (name: string) => fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: world.clock.now });

describe('alarms', () => {
  it('arms next-deadline at the earliest deadline and a periodic safety net', async () => {
    expect(await alarm(ALARM_NEXT_DEADLINE)).toBeUndefined(); // nothing tracked yet
    expect(await alarm(ALARM_SAFETY_NET)).toMatchObject({ periodInMinutes: SAFETY_NET_MINUTES });
    await submit('1001'); // review reminder T0 + 48 h
    expect((await alarm(ALARM_NEXT_DEADLINE))?.scheduledTime).toBe(T0 + 48 * HOUR);
    await platformSays('1001', 'approved'); // confirm reminder T0 + 24 h
    expect((await alarm(ALARM_NEXT_DEADLINE))?.scheduledTime).toBe(T0 + 24 * HOUR);
    await platformSays('1001', 'refunded');
    expect(await alarm(ALARM_NEXT_DEADLINE)).toBeUndefined();
  });

  it('the safety net is not re-created (its period would restart) while it exists', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await world.bg.refresh();
    await world.bg.refresh();
    expect((create.mock.calls as unknown[][]).filter(([name]) => name === ALARM_SAFETY_NET)).toHaveLength(0);
  });

  it('are re-armed after a restart that lost them', async () => {
    await submit('1002');
    await world.stop();
    await fakeBrowser.alarms.clearAll();
    await world.restart();
    expect((await alarm(ALARM_NEXT_DEADLINE))?.scheduledTime).toBe(T0 + 48 * HOUR);
    expect(await alarm(ALARM_SAFETY_NET)).toBeDefined();
  });

  it('are re-armed on browser start-up and on install/update', async () => {
    await submit('1003');
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await alarm(ALARM_NEXT_DEADLINE)).toBeDefined();
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    expect(await alarm(ALARM_SAFETY_NET)).toBeDefined();
  });
});

describe('a deadline passing while the worker is asleep', () => {
  it('the alarm finds the case overdue: one notification, a red badge, history from the alarm', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const c = await submit('2001', { refundAmount: 12_900 });
    world.clock.now = T0 + HOUR;
    await platformSays('2001', 'approved');
    expect(create).toHaveBeenCalledTimes(1); // approved
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.amber));
    world.clock.now = T0 + 2 * HOUR;
    await platformSays('2001', 'confirmed'); // 退款执行中: the arrival window starts, due T0 + 26 h

    // The worker is killed; the browser keeps the alarm; 30 h pass.
    await world.stop();
    world.clock.now = T0 + 30 * HOUR;
    const bg = await world.restart(); // woken by the alarm: a fresh load...
    await fire(ALARM_NEXT_DEADLINE); // ...then the alarm event itself
    await fire(ALARM_SAFETY_NET);
    await bg.refresh();

    const overdue = (create.mock.calls as unknown[][]).filter(([id]) => id === notificationId('overdue', c.id));
    expect(overdue).toHaveLength(1);
    expect(overdue[0][1]).toMatchObject({
      type: 'basic',
      iconUrl: expect.stringMatching(/\/icon\/128\.png$/),
      title: '退款超时未到账',
      message: expect.stringContaining('2001'),
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.red));
    expect(await fakeBrowser.action.getTitle({})).toMatch(/1 个已超时/);
    const saved = await sendMessage('getCase', { orderId: '2001' });
    expect(saved.ok && saved.data?.history.at(-1)).toMatchObject({ source: 'alarm', from: 'confirmed', to: 'confirmed' });

    // Another restart later still does not repeat it.
    world.clock.now = T0 + 40 * HOUR;
    await world.restart();
    await fire(ALARM_SAFETY_NET);
    expect((create.mock.calls as unknown[][]).filter(([id]) => id === notificationId('overdue', c.id))).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('on approved, rejected and failed from the page; not on the merchant own actions', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const a = await submit('3001');
    const b = await submit('3002');
    const c = await submit('3003');
    await platformSays('3001', 'approved');
    await platformSays('3002', 'rejected');
    await platformSays('3003', 'failed');
    await platformSays('3003', 'failed'); // the same again: no change, no notification
    expect(create.mock.calls.map(([id]) => id)).toEqual([notificationId('approved', a.id), notificationId('rejected', b.id), notificationId('failed', c.id)]);
    await sendMessage('caseAction', { caseId: a.id, action: 'confirm' });
    expect(create).toHaveBeenCalledTimes(3);
  });

  it('one report moving several cases: one summary per kind, a single change keeps its own', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const cases = [];
    for (const o of ['3401', '3402', '3403', '3404', '3405', '3406']) cases.push(await submit(o));
    const statuses = ['approved', 'approved', 'approved', 'rejected', 'rejected', 'failed'] as const;
    const r = await sendMessage('reportPage', {
      observations: cases.map((c, i) => ({ orderId: c.orderId, status: statuses[i] })),
    });
    expect(r.ok && r.data.changed).toBe(6);
    const calls = create.mock.calls as unknown as Array<[string, { title: string; message: string }]>;
    expect(calls.map(([id]) => id)).toEqual([
      batchNotificationId('approved', world.clock.now, cases[0].id),
      batchNotificationId('rejected', world.clock.now, cases[3].id),
      notificationId('failed', cases[5].id),
    ]);
    expect(calls[0][1]).toMatchObject({ title: '3 个退款已审核通过，请确认退款', message: expect.stringContaining('3401、3402、3403') });
    expect(calls[1][1]).toMatchObject({ title: '2 个退款审核不通过' });
    expect(calls[2][1]).toMatchObject({ title: '退款失败', message: expect.stringContaining('3406') });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');

    // A summary's click opens the refund list (or focuses the tab showing it).
    const tabsCreate = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(parseBatchNotificationId(calls[0][0])).toEqual({ kind: 'approved', firstCaseId: cases[0].id });
    await fakeBrowser.notifications.onClicked.trigger(calls[0][0]);
    expect(tabsCreate).toHaveBeenCalledWith({ url: REFUND_LIST_URL });
    const listTab = (await fakeBrowser.tabs.query({ url: '*://s.kwaixiaodian.com/*' })).find((t) => t.url === REFUND_LIST_URL)!;
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await fakeBrowser.notifications.onClicked.trigger(calls[1][0]);
    expect(update).toHaveBeenCalledWith(listTab.id, { active: true });
    expect(tabsCreate).toHaveBeenCalledTimes(1);
  });

  it('an approved case not confirmed by its confirm reminder: one reminder, never an overdue', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const a = await submit('3601');
    await platformSays('3601', 'approved');
    expect((await alarm(ALARM_NEXT_DEADLINE))?.scheduledTime).toBe(T0 + 24 * HOUR);
    world.clock.now = T0 + 25 * HOUR;
    await fire(ALARM_NEXT_DEADLINE);
    await world.bg.refresh();
    world.clock.now = T0 + 80 * HOUR;
    await fire(ALARM_SAFETY_NET);
    await world.bg.refresh();
    expect(create.mock.calls.map(([id]) => id)).toEqual([notificationId('approved', a.id), notificationId('approved', a.id)]);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.amber));
    expect(await fakeBrowser.action.getTitle({})).toMatch(/1 个待确认退款/);
  });

  it('several cases overdue at one sweep: one summary notification', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const a = await submit('3501');
    const b = await submit('3502');
    await sendMessage('reportPage', {
      observations: [
        { orderId: '3501', status: 'confirmed' },
        { orderId: '3502', status: 'confirmed' },
      ],
    });
    // 退款执行中 (confirmed) is the merchant's own step: no notification.
    expect(create).not.toHaveBeenCalled();
    world.clock.now = T0 + 30 * HOUR;
    await fire(ALARM_NEXT_DEADLINE);
    await world.bg.refresh();
    const overdue = create.mock.calls as unknown as Array<[string, { title: string }]>;
    expect(overdue).toHaveLength(1);
    expect(parseBatchNotificationId(overdue[0][0])?.kind).toBe('overdue');
    expect(overdue[0][1].title).toBe('2 个退款超时未到账');
    expect([a.id, b.id]).toContain(parseBatchNotificationId(overdue[0][0])?.firstCaseId);
  });

  it('each kind can be switched off in the rules', async () => {
    const rules = defaultRules();
    rules.notifications = { approved: false, rejected: true, failed: true, overdue: false };
    expect((await sendMessage('setRules', { rules })).ok).toBe(true);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await submit('3101');
    await platformSays('3101', 'approved');
    await platformSays('3101', 'confirmed');
    world.clock.now = T0 + 30 * HOUR;
    await fire(ALARM_NEXT_DEADLINE);
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(rgba(BADGE_COLORS.red)); // still counted
  });

  it('a click focuses the tab showing the order, else opens its page', async () => {
    const orderUrl = 'https://s.kwaixiaodian.com/zone/order/detail?orderId=3201';
    const c = await submit('3201', { orderUrl });
    const other = await submit('3202');
    const tab = await fakeBrowser.tabs.create({ url: 'https://s.kwaixiaodian.com/zone/refund/detail?orderId=3201&x=1' });
    await fakeBrowser.tabs.create({ url: 'https://evil.example/?orderId=3201' });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');

    await fakeBrowser.notifications.onClicked.trigger(notificationId('approved', c.id));
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(create).not.toHaveBeenCalled();

    await fakeBrowser.notifications.onClicked.trigger(notificationId('rejected', other.id));
    expect(create).toHaveBeenCalledWith({ url: 'https://s.kwaixiaodian.com/zone/order/list' });

    const opened = await sendMessage('openOrder', { caseId: c.id });
    expect(opened).toEqual({ ok: true, data: { tabId: tab.id, how: 'focused' } });
    await fakeBrowser.tabs.remove(tab.id!).catch(() => {});
  });

  it('openOrder opens the stored order link when no tab shows it; an unknown case is an error', async () => {
    const orderUrl = 'https://s.kwaixiaodian.com/zone/order/detail?orderId=3301';
    const c = await submit('3301', { orderUrl });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const r = await sendMessage('openOrder', { caseId: c.id });
    expect(r.ok && r.data.how).toBe('opened');
    expect(create).toHaveBeenCalledWith({ url: orderUrl });
    expect((await sendMessage('openOrder', { caseId: 'nope' })).ok).toBe(false);
  });

  it('ignores clicks on notifications that are not ours', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('someone-else:1');
    expect(create).not.toHaveBeenCalled();
  });
});

describe('storage failures reach the sender as a message, not a crash', () => {
  it('a store that cannot open', async () => {
    await world.stop();
    const { createBackground } = await import('../../lib/background');
    const { StoreError } = await import('../../lib/cases/store');
    const bg = createBackground({ now: () => T0, openStore: () => Promise.reject(new StoreError('unavailable')), locale: () => 'zh-CN' });
    await bg.ready;
    const r = await sendMessage('counts');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error['zh-CN']).toMatch(/无法打开本地数据库/);
    bg.dispose();
    world = await startWorld();
  });
});

describe('a case the panel shows comes with its view in words', () => {
  it('status, advice, timeline and 联系客服 message in the browser language, on the replies the panel renders from', async () => {
    const c = await submit('5001');
    expect(c.view?.timeline).toEqual([expect.stringMatching(/创建：审核中$/)]);
    expect(c.view).toMatchObject({ statusText: '审核中', tone: 'info', advice: { value: 'wait' } });
    expect(c.view?.support).toBeUndefined();
    expect(c.view?.ended).toBeUndefined();
    const detail = await platformSays('5001', 'rejected');
    const moved = detail.changes[0].case;
    expect(moved.view?.timeline[0]).toMatch(/审核中 → 审核不通过$/);
    expect(moved.view).toMatchObject({ tone: 'bad', ended: '审核不通过', advice: { value: 'contact-support', why: '审核不通过，可联系客服处理。' } });
    expect(moved.view?.support?.message).toMatch(/^您好，我有一笔退款需要协助处理。\n订单编号：5001\n/);
    expect(moved.view?.support?.message).toContain('审核不通过，请告知原因及后续处理方式。');
    const got = await sendMessage('getCase', { orderId: '5001' });
    expect(got.ok && got.data?.view?.support?.message).toBe(moved.view?.support?.message);
    const acted = await sendMessage('caseAction', { caseId: c.id, action: 'contact-support' });
    expect(acted.ok && acted.data.view?.timeline[0]).toMatch(/审核不通过 → 已联系客服/);
    expect(acted.ok && acted.data.view?.support?.contactedText).toMatch(/^已于 .+ 联系客服$/);
    // Escalated from a rejection: the application still ended rejected (a new one may follow).
    expect(acted.ok && acted.data.view?.ended).toBe('审核不通过');
  });

  it('the rules come with the advice for an order with no case, per order status', async () => {
    const got = await sendMessage('getRules');
    expect(got.ok && got.data.advice.unshipped).toEqual({ value: 'cancel-order', why: '订单未发货，可直接取消订单，无需退款流程。' });
    expect(got.ok && got.data.advice.delivered.value).toBe('return-refund');
    expect(got.ok && got.data.advice.unknown.value).toBe('wait');
  });

  it('a list report (many refunds) gets the counts, no cases: nothing there shows one case', async () => {
    await submit('5002');
    await submit('5003');
    const r = await sendMessage('reportPage', {
      observations: [
        { orderId: '5002', status: 'approved' },
        { orderId: '5003', status: 'approved' },
      ],
    });
    expect(r.ok && { matched: r.data.matched, changed: r.data.changed, changes: r.data.changes }).toEqual({ matched: 2, changed: 2, changes: [] });
    const stored = await sendMessage('getCase', { orderId: '5003' });
    expect(stored.ok && stored.data?.status).toBe('approved');
  });
});
