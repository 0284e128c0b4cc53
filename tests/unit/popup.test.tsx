// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextFilter, Popup, sortByUrgency, sortForStatus } from '../../components/popup/Popup';
import { ClientError, type AttentionItem, type PopupClient, type RefundCase } from '../../components/popup/client';
import { attention } from '../../lib/cases/model';

const NOW = Date.UTC(2026, 10, 26, 6, 0);
const H = 3_600_000;

function mkCase(p: Partial<RefundCase> & Pick<RefundCase, 'orderId' | 'status'>): RefundCase {
  return {
    id: `case-${p.orderId}`,
    refundType: 'refund-only',
    reasonId: 'quality',
    remark: '',
    createdAt: NOW - 100 * H,
    updatedAt: NOW - 10 * H,
    deadlines: {},
    notes: [],
    history: [],
    rev: 1,
    ...p,
  } as RefundCase;
}

const item = (c: RefundCase): AttentionItem => ({ case: c, kind: attention(c, NOW) ?? '' });

// Deliberately shuffled: the popup orders them itself.
const CASES = [
  mkCase({
    orderId: '1001',
    status: 'approved',
    approvedAt: NOW - 2 * H,
    deadlines: { arrivalDueAt: NOW + 22 * H },
    attentionAt: NOW - 2 * H,
    nextDeadline: NOW + 22 * H,
  }),
  mkCase({
    orderId: '1002',
    status: 'confirmed',
    approvedAt: NOW - 30 * H,
    deadlines: { arrivalDueAt: NOW - 6 * H },
    attentionAt: NOW - 6 * H,
    nextDeadline: NOW - 6 * H,
  }),
  mkCase({ orderId: '1003', status: 'rejected', attentionAt: NOW - 1 * H }),
  mkCase({
    orderId: '1004',
    status: 'confirmed',
    approvedAt: NOW - 48 * H,
    deadlines: { arrivalDueAt: NOW - 24 * H },
    attentionAt: NOW - 24 * H,
    nextDeadline: NOW - 24 * H,
  }),
  mkCase({
    orderId: '1005',
    status: 'approved',
    approvedAt: NOW - 1 * H,
    deadlines: { arrivalDueAt: NOW + 5 * H },
    attentionAt: NOW - 1 * H,
    nextDeadline: NOW + 5 * H,
  }),
];

function fakeClient(overrides: Partial<PopupClient> = {}): PopupClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    counts: vi.fn(async () => ({ byStatus: { approved: 2, confirmed: 2, rejected: 1, refunded: 3 }, attention: 5, total: 8 })),
    attentionList: vi.fn(async () => CASES.map(item)),
    search: vi.fn(async (q: string) => CASES.filter((c) => c.orderId.startsWith(q)).map(item)),
    byStatus: vi.fn(async (s: string) => CASES.filter((c) => c.status === s).map(item)),
    openUrl: vi.fn(async (url: string) => void calls.push(`url:${url}`)),
    openOrder: vi.fn(async (id: string) => void calls.push(`open:${id}`)),
    caseAction: vi.fn(async (id: string, a: string) => void calls.push(`${a}:${id}`)),
    supportMessage: (c) => `support ${c.orderId}`,
    copy: vi.fn(async () => {}),
    openOptions: vi.fn(async () => {}),
    ...overrides,
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function flush(ms = 0) {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

async function mount(client: PopupClient, locale: 'zh-CN' | 'en' = 'zh-CN') {
  await act(async () => {
    render(<Popup client={client} locale={locale} now={() => NOW} searchDelay={0} />, root);
  });
  await flush();
}

const listed = (sel = '[data-rh="attention-list"]') => [...root.querySelectorAll(`${sel} [data-rh-case]`)].map((el) => el.getAttribute('data-rh-case'));

describe('popup', () => {
  it('orders the attention list: overdue first (longest overdue on top), then by deadline', async () => {
    await mount(fakeClient());
    expect(listed()).toEqual(['1004', '1002', '1003', '1005', '1001']);
    const first = root.querySelector('[data-rh-case="1004"]')!;
    expect(first.getAttribute('data-status')).toBe('confirmed');
    expect(first.getAttribute('data-attention')).toBe('overdue');
    expect(first.querySelector('[data-rh="due"]')!.textContent).toContain('超时 1 天');
    expect(root.querySelector('[data-rh-case="1005"] [data-rh="due"]')!.textContent).toBe('请在 5 小时内确认退款');
  });

  it('sortByUrgency is stable against input order', () => {
    const reversed = [...CASES].reverse().map(item);
    expect(sortByUrgency(reversed, NOW).map((i) => i.case.orderId)).toEqual(['1004', '1002', '1003', '1005', '1001']);
  });

  it('shows the attention count and per-status counts', async () => {
    await mount(fakeClient());
    const n = root.querySelector('[data-rh="attention-count"]')!;
    expect(n.getAttribute('data-value')).toBe('5');
    expect(n.textContent).toBe('5');
    expect(root.querySelector('[data-rh-count="refunded"]')!.getAttribute('data-value')).toBe('3');
    expect(root.querySelector('[data-rh-count="draft"]')!.getAttribute('data-value')).toBe('0');
  });

  it('shows the number as soon as the counts answer, before the attention list arrives; uses the answers asked before render', async () => {
    let releaseList!: (items: AttentionItem[]) => void;
    const client = fakeClient();
    const initial = {
      counts: client.counts(),
      items: new Promise<AttentionItem[]>((r) => (releaseList = r)),
    };
    await act(async () => {
      render(<Popup client={client} locale="zh-CN" now={() => NOW} searchDelay={0} initial={initial} />, root);
    });
    await flush();
    expect(root.querySelector('[data-rh="attention-count"]')!.textContent).toBe('5');
    expect(root.querySelector('[data-rh="attention-list"]')).toBeNull();
    await act(async () => releaseList(CASES.map(item)));
    await flush();
    expect(listed()).toEqual(['1004', '1002', '1003', '1005', '1001']);
    // The entrypoint's requests were used: none sent again by the first load.
    expect(client.counts).toHaveBeenCalledTimes(1);
    expect(client.attentionList).not.toHaveBeenCalled();
  });

  it('searches by order number and lists the results as the same items', async () => {
    const client = fakeClient();
    await mount(client);
    const input = root.querySelector<HTMLInputElement>('[data-rh="search"]')!;
    await act(async () => {
      input.value = '1002';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush(5);
    expect(client.search).toHaveBeenLastCalledWith('1002');
    expect(listed('[data-rh="search-results"]')).toEqual(['1002']);
    expect(root.querySelector('[data-rh="attention-list"]')).toBeNull();

    await act(async () => {
      input.value = '9';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await flush(5);
    expect(root.querySelector('[data-rh="search-empty"]')).not.toBeNull();

    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await flush(5);
    expect(listed()).toHaveLength(5);
  });

  it('copies the support message and says so', async () => {
    const client = fakeClient();
    await mount(client);
    const btn = root.querySelector<HTMLButtonElement>('[data-rh-case="1003"] [data-rh="case-copy"]')!;
    await act(async () => btn.click());
    await flush();
    expect(client.copy).toHaveBeenCalledWith('support 1003');
    expect(btn.textContent).toContain('已复制');
  });

  it('marks support contacted, stops tracking, then reloads', async () => {
    const client = fakeClient();
    await mount(client);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1003"] [data-rh="case-contacted"]')!.click());
    await flush();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1001"] [data-rh="case-stop"]')!.click());
    await flush();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1001"] [data-rh="case-open"]')!.click());
    await flush();
    expect(client.calls).toEqual(['contact-support:case-1003', 'close:case-1001', 'open:case-1001']);
    expect(client.attentionList).toHaveBeenCalledTimes(3);
    // Approved but not overdue: nothing to escalate yet.
    expect(root.querySelector('[data-rh-case="1005"] [data-rh="case-contacted"]')).toBeNull();
  });

  it('shows a refused action in the merchant’s language', async () => {
    const client = fakeClient({
      caseAction: vi.fn(async () => {
        throw new ClientError({ 'zh-CN': '不能关闭', en: 'Cannot close' });
      }),
    });
    await mount(client, 'en');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1001"] [data-rh="case-stop"]')!.click());
    await flush();
    expect(root.querySelector('[data-rh="popup-error"]')!.textContent).toContain('Cannot close');
  });

  it('tells a new merchant what to do when there are no cases', async () => {
    const client = fakeClient({
      counts: vi.fn(async () => ({ byStatus: {}, attention: 0, total: 0 })),
      attentionList: vi.fn(async () => []),
    });
    await mount(client);
    const empty = root.querySelector('[data-rh="empty"]')!;
    expect(empty.textContent).toContain('打开一个订单');
    expect(root.querySelector('[data-rh="attention-count"]')!.getAttribute('data-value')).toBe('0');
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh="open-options"]')!.click());
    expect(client.openOptions).toHaveBeenCalled();
  });

  it('says all clear when cases exist but none needs attention', async () => {
    await mount(fakeClient({ counts: vi.fn(async () => ({ byStatus: { refunded: 2 }, attention: 0, total: 2 })), attentionList: vi.fn(async () => []) }));
    expect(root.querySelector('[data-rh="all-clear"]')).not.toBeNull();
  });

  it('the issue’s order: two late reviews above an approval due in 23 hours', () => {
    const review = (orderId: string, late: number) =>
      mkCase({ orderId, status: 'reviewing', deadlines: { reviewRemindAt: NOW - late * H }, attentionAt: NOW - late * H, nextDeadline: NOW - late * H });
    const soon = mkCase({
      orderId: '2003',
      status: 'approved',
      approvedAt: NOW - H,
      deadlines: { confirmRemindAt: NOW + 23 * H },
      attentionAt: NOW - H,
      nextDeadline: NOW + 23 * H,
    });
    const items = [soon, review('2001', 4), review('2002', 1)].map(item);
    expect(sortByUrgency(items, NOW).map((i) => i.case.orderId)).toEqual(['2001', '2002', '2003']);
  });

  it('a tile filters the list to its status; the same tile again shows all', async () => {
    const client = fakeClient();
    await mount(client);
    const tile = () => root.querySelector<HTMLButtonElement>('[data-rh-count="confirmed"]')!;
    expect(tile().getAttribute('aria-pressed')).toBe('false');
    await act(async () => tile().click());
    await flush();
    expect(client.byStatus).toHaveBeenCalledWith('confirmed', 50);
    expect(tile().getAttribute('aria-pressed')).toBe('true');
    expect(listed('[data-rh="status-list"]')).toEqual(['1004', '1002']);
    expect(root.querySelector('[data-rh="attention-list"]')).toBeNull();
    expect(root.querySelector('[data-rh="filter"] h2')!.textContent).toContain('已确认，待到账（2）');

    await act(async () => tile().click());
    await flush();
    expect(root.querySelector('[data-rh="status-list"]')).toBeNull();
    expect(listed()).toEqual(['1004', '1002', '1003', '1005', '1001']);
  });

  it('nextFilter toggles; a finished status lists the newest first', () => {
    expect(nextFilter(null, 'approved')).toBe('approved');
    expect(nextFilter('approved', 'approved')).toBeNull();
    expect(nextFilter('approved', 'rejected')).toBe('rejected');
    const done = [mkCase({ orderId: 'old', status: 'refunded', updatedAt: NOW - 9 * H }), mkCase({ orderId: 'new', status: 'refunded', updatedAt: NOW - H })];
    expect(sortForStatus(done.map(item), 'refunded', NOW).map((i) => i.case.orderId)).toEqual(['new', 'old']);
  });

  it('a card says its status once, names the product when the page showed it, and its deadline in words', async () => {
    const titled = { ...CASES[4], productTitle: '纯棉短袖T恤 白色 XL' };
    await mount(fakeClient({ attentionList: vi.fn(async () => [titled, ...CASES.slice(0, 4)].map(item)) }));
    const card = root.querySelector('[data-rh-case="1005"]')!;
    expect(card.querySelector('[data-rh="case-title"]')!.textContent).toBe('纯棉短袖T恤 白色 XL');
    expect(card.textContent).toContain('订单 1005');
    expect(card.querySelector('[data-rh="due"]')!.textContent).toBe('请在 5 小时内确认退款');
    const rejected = root.querySelector('[data-rh-case="1003"]')!;
    expect(rejected.querySelector('[data-rh="case-title"]')!.textContent).toBe('订单 1003');
    // The status once: no second label repeating it.
    expect(rejected.textContent!.split('审核不通过').length - 1).toBe(1);
    expect(root.querySelector('[data-rh-case="1004"] [data-rh="due"]')!.textContent).toBe('到账已超时 1 天');
    expect(root.querySelector('[data-rh-case="1004"] [data-rh="case-stop"]')!.textContent).toBe('停止跟踪');
    expect(root.textContent).not.toContain('完成');
  });

  it('opens the back office’s order list and refund list', async () => {
    const client = fakeClient();
    await mount(client);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh="open-order-list"]')!.click());
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh="open-refund-list"]')!.click());
    expect(client.calls).toEqual(['url:https://s.kwaixiaodian.com/zone/order/list', 'url:https://s.kwaixiaodian.com/zone/refund/list']);
  });
});
