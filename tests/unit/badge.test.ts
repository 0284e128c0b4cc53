import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyAction, badgeSummary, observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { CaseService } from '../../lib/cases/service';
import { actionApi, BADGE_COLORS, showBadge } from '../../lib/badge';
import { freshStore, HOUR, makeCase, rules, T0 } from './helpers/cases';

beforeEach(() => fakeBrowser.reset());

const NOW = T0 + 100 * HOUR;
const DEFAULT_GREY = [0x5f, 0x5d, 0x5b, 255];
const rgba = (hex: string) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];

let seq = 0;
/** One case in the given situation at NOW. */
function a(kind: 'approved' | 'overdue' | 'rejected' | 'failed' | 'review-slow' | 'follow-up' | 'quiet' | 'refunded'): RefundCase {
  const id = `${kind}-${++seq}`;
  const fresh = makeCase(String(10_000 + seq), NOW - HOUR, {}, id); // review reminder 47 h ahead
  switch (kind) {
    case 'approved':
      return observe(fresh, 'approved', rules, NOW - HOUR).case;
    case 'overdue':
      return observe(makeCase(String(10_000 + seq), T0, {}, id), 'confirmed', rules, T0).case;
    case 'rejected':
    case 'failed':
    case 'refunded':
      return observe(fresh, kind, rules, NOW - HOUR).case;
    case 'review-slow':
      return makeCase(String(10_000 + seq), T0, {}, id);
    case 'follow-up': {
      const rejected = observe(makeCase(String(10_000 + seq), T0, {}, id), 'rejected', rules, T0).case;
      const r = applyAction(rejected, 'contact-support', rules, T0 + HOUR, 'popup');
      if (!r.ok) throw new Error(r.error.en);
      return r.case;
    }
    case 'quiet':
      return fresh;
  }
}

type Mix = Parameters<typeof a>[0][];
const MIXES: Array<[string, Mix, string, 'red' | 'amber' | null, RegExp]> = [
  ['nothing at all', [], '', null, /没有需要处理/],
  ['only cases that need nothing', ['quiet', 'refunded', 'quiet'], '', null, /没有需要处理/],
  ['one approval waiting', ['approved'], '1', 'amber', /1 个待确认退款/],
  ['approvals and quiet ones', ['approved', 'approved', 'quiet'], '2', 'amber', /2 个待确认退款/],
  ['a slow review only', ['review-slow'], '1', 'amber', /1 个审核超时未处理/],
  ['a support follow-up only', ['follow-up'], '1', 'amber', /1 个待跟进客服/],
  ['one overdue', ['overdue'], '1', 'red', /1 个已超时/],
  ['one rejected', ['rejected'], '1', 'red', /1 个审核不通过/],
  ['one failed', ['failed'], '1', 'red', /1 个退款失败/],
  ['approvals and a rejection', ['approved', 'approved', 'rejected'], '3', 'red', /1 个审核不通过，2 个待确认退款/],
  [
    'everything',
    ['overdue', 'rejected', 'failed', 'approved', 'follow-up', 'review-slow', 'quiet'],
    '6',
    'red',
    /1 个已超时，1 个审核不通过，1 个退款失败，1 个待确认退款/,
  ],
];

describe('badge for each mix of cases', () => {
  it.each(MIXES)('%s', async (_label, mix, text, color, title) => {
    const summary = badgeSummary(mix.map(a), NOW);
    await showBadge(summary, 'zh-CN');
    expect(await fakeBrowser.action.getBadgeText({})).toBe(text);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(color ? rgba(BADGE_COLORS[color]) : DEFAULT_GREY);
    expect(await fakeBrowser.action.getTitle({})).toMatch(title);
  });

  it('the same, counted from the store through the attention index', async () => {
    for (const [, mix, text, color] of MIXES) {
      fakeBrowser.reset();
      const { store } = await freshStore();
      await store.importMany(mix.map(a));
      const summary = await new CaseService(store).badge(NOW);
      await showBadge(summary, 'en');
      expect(await fakeBrowser.action.getBadgeText({})).toBe(text);
      expect(summary.color).toBe(color);
      store.close();
    }
  });

  it('more than 99 shows 99+; the title is English for English browsers', async () => {
    const many = Array.from({ length: 120 }, () => a('approved'));
    await showBadge(badgeSummary(many, NOW), 'en');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('99+');
    expect(await fakeBrowser.action.getTitle({})).toBe('Refund Helper: 120 to confirm');
  });

  it('a badge going back to zero is emptied', async () => {
    await showBadge(badgeSummary([a('failed')], NOW), 'zh-CN');
    await showBadge(badgeSummary([], NOW), 'zh-CN');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('actionApi', () => {
  it('uses browserAction where there is no action (Firefox MV2)', () => {
    const b = fakeBrowser as unknown as { action?: unknown; browserAction?: unknown };
    const saved = { action: b.action, browserAction: b.browserAction };
    const browserAction = { setBadgeText: vi.fn() };
    b.browserAction = browserAction;
    b.action = undefined;
    try {
      expect(actionApi()).toBe(browserAction);
    } finally {
      Object.assign(b, saved);
    }
  });
});
