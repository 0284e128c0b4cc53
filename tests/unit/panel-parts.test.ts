// @vitest-environment happy-dom
// The panel's runtime in two parts (lib/panel-files.ts): which part a route needs, and that each
// part carries every feature of its page kinds (that the route's part serves what the route shows:
// tests/unit/sites-kuaishou.test.ts, beside the page kinds).
import { describe, expect, it } from 'vitest';
import { FEATURES, LIST_FEATURES, ORDER_FEATURES } from '../../lib/content/features';
import { PAGE_KINDS } from '../../lib/order';
import { PART_KINDS, PANEL_PARTS } from '../../lib/panel-files';
import { kuaishou } from '../../lib/sites/kuaishou';
import { listsSite, ordersSite } from '../../lib/sites/kuaishou/parts';
import { partOf } from '../../lib/sites/kuaishou/routes';
import { KUAISHOU_TEXTS as T } from '../../lib/sites/texts';

const url = (path: string) => new URL(`https://s.kwaixiaodian.com${path}`);

describe('partOf: the part of the runtime a route needs', () => {
  it.each([
    ['/zone/order/list', 'lists'],
    ['/zone/order/list/', 'lists'],
    ['/zone/order/list?page=2&q=24', 'lists'],
    ['/zone/refund/list', 'lists'],
    ['/zone/refund/list?status=10', 'lists'],
    ['/zone/order/detail?id=2412345678', 'orders'],
    ['/zone/order/detail-v2?oid=1', 'orders'],
    ['/zone/refund/apply?orderId=2412345678', 'orders'],
    ['/zone/refund/detail?id=AS1', 'orders'],
    ['/zone/refund/info?id=1', 'orders'],
    ['/zone/order', 'orders'],
    ['/zone/shop/settings', undefined],
    ['/zone/goods/list', undefined],
    ['/', undefined],
  ])('%s → %s', (path, part) => {
    expect(partOf(url(path))).toBe(part);
  });

  it('is undefined off the back office', () => {
    expect(partOf(new URL('https://example.com/zone/order/list'))).toBeUndefined();
    expect(partOf(new URL('ftp://s.kwaixiaodian.com/zone/order/detail'))).toBeUndefined();
  });
});

describe('the parts', () => {
  it('share out every page kind, each to one part', () => {
    expect(PANEL_PARTS.flatMap((p) => PART_KINDS[p]).sort()).toEqual([...PAGE_KINDS].sort());
  });

  it("carry every feature of their page kinds, in the runtime's order (a feature of both kinds in both)", () => {
    const of = (part: keyof typeof PART_KINDS) => FEATURES.filter((f) => f.kinds.some((k) => PART_KINDS[part].includes(k)));
    expect(LIST_FEATURES).toEqual(of('lists'));
    expect(ORDER_FEATURES).toEqual(of('orders'));
  });

  it("see no page of the other part's kinds (until the other part's runtime stops them)", () => {
    expect(kuaishou.pageKind(url('/zone/order/list'), document, T)).toBe('order-list');
    expect(ordersSite.pageKind(url('/zone/order/list'), document, T)).toBeUndefined();
    expect(ordersSite.pageKind(url('/zone/refund/list'), document, T)).toBeUndefined();
    expect(listsSite.pageKind(url('/zone/order/detail?id=1'), document, T)).toBeUndefined();
    expect(listsSite.pageKind(url('/zone/refund/apply?orderId=1'), document, T)).toBeUndefined();
  });
});
