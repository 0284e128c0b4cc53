// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, sortByUrgency } from '../../components/popup/Popup';
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
  mkCase({ orderId: '1001', status: 'approved', approvedAt: NOW - 2 * H, deadlines: { arrivalDueAt: NOW + 22 * H }, attentionAt: NOW - 2 * H, nextDeadline: NOW + 22 * H }),
  mkCase({ orderId: '1002', status: 'confirmed', approvedAt: NOW - 30 * H, deadlines: { arrivalDueAt: NOW - 6 * H }, attentionAt: NOW - 6 * H, nextDeadline: NOW - 6 * H }),
  mkCase({ orderId: '1003', status: 'rejected', attentionAt: NOW - 1 * H }),
  mkCase({ orderId: '1004', status: 'confirmed', approvedAt: NOW - 48 * H, deadlines: { arrivalDueAt: NOW - 24 * H }, attentionAt: NOW - 24 * H, nextDeadline: NOW - 24 * H }),
  mkCase({ orderId: '1005', status: 'approved', approvedAt: NOW - 1 * H, deadlines: { arrivalDueAt: NOW + 5 * H }, attentionAt: NOW - 1 * H, nextDeadline: NOW + 5 * H }),
];

function fakeClient(overrides: Partial<PopupClient> = {}): PopupClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    counts: vi.fn(async () => ({ byStatus: { approved: 2, confirmed: 2, rejected: 1, refunded: 3 }, attention: 5, total: 8 })),
    attentionList: vi.fn(async () => CASES.map(item)),
    search: vi.fn(async (q: string) => CASES.filter((c) => c.orderId.startsWith(q)).map(item)),
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

const listed = (sel = '[data-rh="attention-list"]') =>
  [...root.querySelectorAll(`${sel} [data-rh-case]`)].map((el) => el.getAttribute('data-rh-case'));

describe('popup', () => {
  it('orders the attention list: overdue first (longest overdue on top), then by deadline', async () => {
    await mount(fakeClient());
    expect(listed()).toEqual(['1004', '1002', '1003', '1005', '1001']);
    const first = root.querySelector('[data-rh-case="1004"]')!;
    expect(first.getAttribute('data-status')).toBe('confirmed');
    expect(first.getAttribute('data-attention')).toBe('overdue');
    expect(first.querySelector('[data-rh="due"]')!.textContent).toContain('超时 1 天');
    expect(root.querySelector('[data-rh-case="1005"] [data-rh="due"]')!.textContent).toContain('5 小时后');
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

  it('marks support contacted and done, then reloads', async () => {
    const client = fakeClient();
    await mount(client);
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1003"] [data-rh="case-contacted"]')!.click());
    await flush();
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1001"] [data-rh="case-done"]')!.click());
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
    await act(async () => root.querySelector<HTMLButtonElement>('[data-rh-case="1001"] [data-rh="case-done"]')!.click());
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
});
