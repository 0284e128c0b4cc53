// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseRow } from '../../lib/cases/rows';
import type { CasesClient } from '../../components/cases/client';

// The canvas is not drawn here (happy-dom has no 2D context): the e2e tests draw the charts.
vi.mock('../../components/cases/charts', () => ({ PALETTE: ['#000'], useChart: () => ({ canvas: { current: null }, png: () => undefined }) }));
const { CasesPage } = await import('../../components/cases/CasesPage');

const NOW = Date.UTC(2026, 10, 26, 6, 0);
const H = 3_600_000;
const STATUSES = ['reviewing', 'approved', 'rejected', 'refunded'] as const;

function row(i: number): CaseRow {
  const status = STATUSES[i % 4];
  return {
    id: `c${i}`,
    orderId: `24${String(i).padStart(14, '0')}`,
    afterSaleId: `AS${i}`,
    status,
    refundType: i % 2 ? 'return-refund' : 'refund-only',
    reasonId: i % 3 ? 'quality' : 'damaged',
    amount: 1000 + i,
    createdAt: NOW - i * H,
    updatedAt: NOW - i * H,
    submittedAt: NOW - i * H,
    decidedAt: status === 'reviewing' ? undefined : NOW - i * H + 10 * H,
    rejected: status === 'rejected',
    attention: status === 'approved' || status === 'rejected' ? status : undefined,
  };
}
const ROWS = Array.from({ length: 2000 }, (_, i) => row(i));

function fakeClient(over: Partial<CasesClient> = {}): CasesClient {
  return {
    loadRows: vi.fn(async (onRows) => {
      onRows(ROWS.slice(0, 1000));
      onRows(ROWS.slice(1000));
    }),
    newestRows: vi.fn(async (n: number) => ROWS.slice(0, n)),
    getCase: vi.fn(async () => undefined),
    closeCases: vi.fn(async (ids: string[]) => ({ closed: ids, skipped: 0 })),
    exportCases: vi.fn(async () => {}),
    openOrder: vi.fn(async () => {}),
    reasonLabels: vi.fn(async () => ({ quality: { 'zh-CN': '质量问题', en: 'Quality problem' } })),
    openOptions: vi.fn(async () => {}),
    ...over,
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

const $ = (sel: string) => root.querySelector(sel);
const shownRows = () => [...root.querySelectorAll('[data-rh="case-table"] tbody tr[data-rh-case]')];
async function flush() {
  for (let i = 0; i < 5; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
}
/** Flushes renders until `sel` is shown (the statistics load their module on first use). */
async function until(sel: string) {
  for (let i = 0; i < 50 && !$(sel); i++) await act(async () => await new Promise((r) => setTimeout(r, 10)));
  return $(sel);
}
async function type(sel: string, value: string) {
  const input = $(sel) as HTMLInputElement;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('CasesPage: the list', () => {
  it('renders only the rows in view of 2,000, counts them all, and filters by search and status', async () => {
    const client = fakeClient();
    await act(async () => render(<CasesPage client={client} locale="zh-CN" now={() => NOW} />, root));
    await flush();
    expect($('[data-rh="shown-count"]')?.getAttribute('data-value')).toBe('2000');
    const rendered = shownRows().length;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    // Newest first.
    expect(shownRows()[0].getAttribute('data-rh-case')).toBe(ROWS[0].orderId);

    await type('[data-rh="case-search"]', 'AS1234');
    expect(shownRows().map((r) => r.getAttribute('data-after-sale'))).toEqual(['AS1234']);
    await type('[data-rh="case-search"]', '');

    await act(async () => ($('[data-rh="status-filter"][data-value="rejected"]') as HTMLButtonElement).click());
    expect($('[data-rh="shown-count"]')?.getAttribute('data-value')).toBe('500');
    expect(new Set(shownRows().map((r) => r.getAttribute('data-status')))).toEqual(new Set(['rejected']));
  });

  it('shows no count and no statistics until every row is read', async () => {
    let finish!: () => void;
    const client = fakeClient({
      loadRows: vi.fn(async (onRows) => {
        onRows(ROWS.slice(0, 1000));
        await new Promise<void>((r) => (finish = r));
      }),
    });
    await act(async () => render(<CasesPage client={client} locale="zh-CN" now={() => NOW} tab="stats" />, root));
    await flush();
    expect($('[data-rh="loading"]')?.textContent).toContain('1000');
    expect($('[data-rh="stats"]')).toBeNull();
    await act(async () => finish());
    await until('[data-rh="stats"]');
    expect($('[data-rh="stats"] [data-rh-stat="count"]')?.getAttribute('data-value')).toBe('1000');
  });

  it('stops tracking the selected rows that the filters show, after the merchant confirms', async () => {
    const client = fakeClient();
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    await act(async () => render(<CasesPage client={client} locale="en" now={() => NOW} />, root));
    await flush();
    const box = shownRows()[1].querySelector('input[type="checkbox"]') as HTMLInputElement;
    await act(async () => box.click());
    expect($('[data-rh="bulk"]')?.textContent).toContain('1 selected');
    await act(async () => ($('[data-rh="bulk-stop"]') as HTMLButtonElement).click());
    await flush();
    expect(client.closeCases).toHaveBeenCalledWith([ROWS[1].id]);
    expect($('[data-rh="notice"]')?.textContent).toBe('Stopped tracking 1');
    vi.unstubAllGlobals();
  });
});

describe('CasesPage: statistics', () => {
  it('figures over the period: count, amount in 分, review median, rejection rate', async () => {
    await act(async () => render(<CasesPage client={fakeClient()} locale="zh-CN" now={() => NOW} tab="stats" />, root));
    await until('[data-rh="stats"]');
    const stat = (n: string) => $(`[data-rh="stats"] [data-rh-stat="${n}"]`)?.getAttribute('data-value');
    expect(stat('count')).toBe('2000');
    expect(stat('amount')).toBe(String(ROWS.reduce((s, r) => s + r.amount!, 0)));
    expect(stat('reviewMedianHours')).toBe('10');
    expect(stat('rejectionRate')).toBe(String(500 / 1500));
    // The last 7 days: 168 hourly cases.
    const period = $('[data-rh="period-filter"]') as HTMLSelectElement;
    await act(async () => {
      period.value = '7';
      period.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(stat('count')).toBe('169');
  });
});
