// The content script's small decisions, as tables: which routes it serves, the submit guard,
// the panel's width, and the wire format of its messages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/send';
import { isServed as servedPath } from '../../lib/sites/kuaishou/routes';
import { anchorAt, decideSubmit, WARNING_WIDTH } from '../../lib/content/guard';
import { DEFAULT_LAYOUT, panelWidth, parseLayout } from '../../lib/content/host';

describe('served routes', () => {
  it.each([
    ['/zone/order/list', true],
    ['/zone/order/detail?id=1', true],
    ['/zone/order', true],
    ['/zone/refund/apply?orderId=1', true],
    ['/zone/refund/detail?id=1', true],
    ['/zone/refund/list', true],
    ['/zone/shop/settings', false],
    ['/zone/orders', false],
    ['/', false],
    ['/zone/refundx/list', false],
  ])('%s → %s', (path, served) => {
    expect(servedPath(new URL(`http://s.kwaixiaodian.com${path}`))).toBe(served);
  });
});

describe('submit guard', () => {
  it.each([
    [true, 'warn', false, 'allow'],
    [true, 'block', false, 'allow'],
    [false, 'warn', false, 'warn'],
    [false, 'warn', true, 'allow'],
    [false, 'block', false, 'block'],
    [false, 'block', true, 'block'],
  ] as const)('complete=%s, rules say %s, 仍要提交 chosen=%s → %s', (complete, mode, submitAnyway, decision) => {
    expect(decideSubmit({ complete, mode, submitAnyway })).toBe(decision);
  });

  it('the warning sits under the submit button, or above it when the button is in the lower half; always on screen', () => {
    const view = { width: 1024, height: 768 };
    expect(anchorAt({ top: 100, bottom: 132, left: 200 }, view)).toEqual({ left: 200, top: 140 });
    expect(anchorAt({ top: 700, bottom: 732, left: 200 }, view)).toEqual({ left: 200, bottom: 76 });
    expect(anchorAt({ top: 100, bottom: 132, left: 1000 }, view).left).toBe(1024 - WARNING_WIDTH - 8);
    expect(anchorAt({ top: 100, bottom: 132, left: -40 }, view).left).toBe(8);
  });
});

describe('panel layout', () => {
  it('a width for the window unless the merchant chose one, kept between 260 px and half the window', () => {
    expect(panelWidth(DEFAULT_LAYOUT, 1280)).toBe(320);
    expect(panelWidth(DEFAULT_LAYOUT, 1024)).toBe(280);
    expect(panelWidth({ ...DEFAULT_LAYOUT, width: 420 }, 1280)).toBe(420);
    expect(panelWidth({ ...DEFAULT_LAYOUT, width: 900 }, 1280)).toBe(560);
    expect(panelWidth({ ...DEFAULT_LAYOUT, width: 500 }, 800)).toBe(400);
    expect(panelWidth({ ...DEFAULT_LAYOUT, width: 100 }, 1280)).toBe(260);
  });
  it('a stored layout is read defensively', () => {
    expect(parseLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ side: 'left', collapsed: true, width: 300 })).toEqual({ side: 'left', collapsed: true, width: 300 });
    expect(parseLayout({ side: 'top', collapsed: 'yes', width: 'wide' })).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ width: Number.NaN })).toEqual(DEFAULT_LAYOUT);
  });
});

describe('messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends { type, data } and resolves the Result the background answers', async () => {
    const spy = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
    const res = await send('getCase', { orderId: '1001' });
    expect(res).toEqual({ ok: true, data: null });
    expect(spy.mock.calls[0][0]).toEqual({ type: 'getCase', data: { orderId: '1001' } });
    await send('getRules');
    expect(spy.mock.calls[1][0]).toEqual({ type: 'getRules' });
  });

  it('an unreachable background is a failed Result, never a throw', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const res = await send('getRules');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.en).toContain('Extension context invalidated');
  });

  it('no answer (no handler, another listener replied) is a failed Result', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ something: 'else' } as never);
    const res = await send('getRules');
    expect(res.ok).toBe(false);
  });
});
