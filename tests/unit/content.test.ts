// The content script's small decisions, as tables: which routes it serves, the submit guard,
// where the panel goes, and the wire format of its messages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/send';
import { isServed as servedPath } from '../../lib/sites/kuaishou/routes';
import { anchorAt, decideSubmit, WARNING_WIDTH } from '../../lib/content/guard';
import { choosePlacement } from '../../lib/content/host';

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

describe('panel placement', () => {
  const vp = { width: 1280, height: 900 };
  const btn = (left: number, top: number, width = 88, height = 32) => ({ left, right: left + width, top, bottom: top + height });

  it('no buttons: right edge below the top bar', () => {
    expect(choosePlacement(vp, 320, [])).toEqual({ side: 'right', top: 72 });
  });
  it('a button clear of the right column changes nothing', () => {
    expect(choosePlacement(vp, 320, [btn(400, 600)])).toEqual({ side: 'right', top: 72 });
  });
  it('a button in the right column near the top: the panel starts below it', () => {
    const p = choosePlacement(vp, 320, [btn(1050, 186)]);
    expect(p.side).toBe('right');
    expect(p.top).toBeGreaterThanOrEqual(186 + 32);
  });
  it('a button in the right column lower down: the panel ends above it if the room there is larger', () => {
    const p = choosePlacement(vp, 320, [btn(1100, 800)]);
    expect(p).toMatchObject({ side: 'right', top: 72 });
    expect(72 + p.maxHeight!).toBeLessThanOrEqual(800);
  });
  it('buttons all down the right column: the left edge', () => {
    const column = Array.from({ length: 9 }, (_, i) => btn(1000, 80 + i * 100, 200, 90));
    expect(choosePlacement(vp, 320, column).side).toBe('left');
  });
  it('never overlaps a button when there is room', () => {
    for (const b of [btn(960, 72), btn(1200, 300), btn(980, 500, 290, 40)]) {
      const p = choosePlacement(vp, 320, [b]);
      const top = p.top;
      const bottom = top + (p.maxHeight ?? vp.height);
      expect(b.bottom <= top || b.top >= bottom || p.side === 'left').toBe(true);
    }
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
