// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OptionsClient, TransferOptions } from '../../components/options/client';
import { Options } from '../../components/options/Options';
import { defaultRules } from '../../lib/rules/defaults';
import type { RuleSet } from '../../lib/rules/schema';
import { slugFromLabel, uniqueId, withGeneratedIds } from '../../components/options/ids';
import { shippingSentence } from '../../components/options/sections/Settings';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function fakeClient(overrides: Partial<OptionsClient> = {}) {
  let stored = defaultRules();
  const client = {
    getRules: vi.fn(async () => ({ rules: structuredClone(stored) })),
    setRules: vi.fn(async (rules: unknown) => {
      stored = structuredClone(rules as RuleSet);
      return { ok: true as const, data: { rules: structuredClone(stored) } };
    }),
    resetRules: vi.fn(async () => (stored = defaultRules())),
    saveFile: vi.fn(async (kind: string) => ({ ok: true as const, data: { filename: `cases.${kind}`, count: 2 } })),
    importFile: vi.fn(async () => ({ ok: true as const, data: { imported: 2, added: 2, updated: 0, skipped: 0 } })),
    restoreFile: vi.fn(async () => ({ ok: true as const, data: { cases: 3 } })),
    deleteAll: vi.fn(async () => ({ deleted: 5 })),
    download: vi.fn(),
    ...overrides,
  } satisfies OptionsClient;
  return { client, stored: () => stored };
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

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function mount(client: OptionsClient, locale: 'zh-CN' | 'en' = 'zh-CN') {
  await act(async () => {
    render(<Options client={client} locale={locale} now={() => Date.UTC(2026, 10, 26)} />, root);
  });
  await flush();
}

const $ = <T extends Element = HTMLElement>(sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`not found: ${sel}`);
  return el as T;
};

async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(el: Element) {
  await act(async () => (el as HTMLElement).click());
  await flush();
}

const fieldErrors = (path: string) => [...root.querySelectorAll(`[data-rh="field-error"][data-path="${path}"]`)].map((e) => e.textContent);

describe('options: rule editor validation', () => {
  it('a bad deadline shows at its field and is not saved', async () => {
    const { client } = fakeClient();
    await mount(client);
    await type($('#f-deadlines_arrivalWindowHours'), '0');
    expect(fieldErrors('deadlines.arrivalWindowHours')[0]).toMatch(/大于 0/);
    expect($('#f-deadlines_arrivalWindowHours').getAttribute('aria-invalid')).toBe('true');
    const save = $<HTMLButtonElement>('[data-rh="rules-save"]');
    expect(save.disabled).toBe(true);
    await click(save);
    await act(async () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }));
    });
    expect(client.setRules).not.toHaveBeenCalled();
    // Named in words, never as a JSON path.
    expect($('[data-rh="rules-problems"]').textContent).toContain('时限的到账时限：必须大于 0');
    expect($('[data-rh="rules-problems"]').textContent).not.toContain('deadlines.');
  });

  it('a bad regular expression shows at its field and is not saved', async () => {
    const { client } = fakeClient();
    await mount(client, 'en');
    await click($('[data-rh-evidence-rule="tracking-number"] [data-rh="card-toggle"]'));
    await type($('#f-evidence_2_satisfiedBy_pattern'), '[A-Z');
    expect(fieldErrors('evidence[2].satisfiedBy.pattern')[0]).toMatch(/not a valid regular expression/);
    expect($<HTMLButtonElement>('[data-rh="rules-save"]').disabled).toBe(true);
    expect(client.setRules).not.toHaveBeenCalled();
  });

  it('shows no internal id; a new reason is named from its label when saved, saved ids are kept', async () => {
    const { client, stored } = fakeClient();
    await mount(client, 'en');
    expect(root.querySelector('[id$="_id"]')).toBeNull();
    expect(root.textContent).not.toContain('purchase-proof');
    expect(root.textContent).not.toContain('not-as-described');
    await click($('[data-rh="reason-add"]'));
    const n = stored().reasons.length;
    await type($(`#f-reasons_${n}_label_en`), 'Arrived late');
    await type($(`#f-reasons_${n}_label_zh-CN`), '到货太晚');
    expect(root.querySelector('[id$="_id"]')).toBeNull();
    await click($('[data-rh="rules-save"]'));
    const ids = stored().reasons.map((r) => r.id);
    expect(ids.slice(0, n)).toEqual(defaultRules().reasons.map((r) => r.id));
    expect(ids[n]).toBe('arrived-late');
  });

  it('an unknown template variable is refused; fixing it re-enables save', async () => {
    const { client } = fakeClient();
    await mount(client);
    await click($('[data-rh-reason="quality"] [data-rh="card-toggle"]'));
    const tpl = $<HTMLTextAreaElement>('#f-reasons_0_remarkTemplate_zh-CN');
    await type(tpl, '订单 {orderNo}');
    expect(fieldErrors('reasons[0].remarkTemplate.zh-CN')[0]).toContain('{orderNo}');
    await type(tpl, '订单 {orderId} 退 {amount}');
    expect(fieldErrors('reasons[0].remarkTemplate.zh-CN')).toEqual([]);
    expect($('[data-rh="remark-preview"]').textContent).toBe('订单 2411261234567890 退 ¥129.00');
    expect($<HTMLButtonElement>('[data-rh="rules-save"]').disabled).toBe(false);
  });

  it('the confirm reminder is a setting of its own, in the merchant’s words', async () => {
    const { client, stored } = fakeClient();
    await mount(client);
    expect($<HTMLInputElement>('#f-deadlines_confirmReminderHours').value).toBe('24');
    expect(root.textContent).toContain('确认退款提醒');
    await type($('#f-deadlines_confirmReminderHours'), '6');
    await click($('[data-rh="rules-save"]'));
    expect(stored().deadlines.confirmReminderHours).toBe(6);
  });

  it('a valid edit saves the whole rule set, and discard restores the saved one', async () => {
    const { client, stored } = fakeClient();
    await mount(client);
    await type($('#f-deadlines_arrivalWindowHours'), '12');
    await click($('[data-rh="rules-save"]'));
    expect(client.setRules).toHaveBeenCalledTimes(1);
    expect(stored().deadlines.arrivalWindowHours).toBe(12);
    expect(root.querySelector('[data-rh="rules-saved"]')).not.toBeNull();

    await type($('#f-deadlines_reviewReminderHours'), '5');
    await click($('[data-rh="rules-discard"]'));
    expect($<HTMLInputElement>('#f-deadlines_reviewReminderHours').value).toBe('48');
  });

  it('edits site texts, under a collapsed 高级, as comma-separated lists', async () => {
    const { client, stored } = fakeClient();
    await mount(client);
    const advanced = $<HTMLDetailsElement>('[data-rh-section="sites"] [data-rh="advanced"]');
    expect(advanced.open).toBe(false);
    expect($('[data-rh-section="sites"] h2').textContent).toBe('高级');
    await click(advanced.querySelector('summary')!);
    expect(advanced.open).toBe(true);
    await type($('#f-sites_kuaishou_labels_paidAmount'), '实付款，实付金额, 买家实付, 付款金额,');
    await click($('[data-rh="rules-save"]'));
    expect(stored().sites.kuaishou.labels.paidAmount).toEqual(['实付款', '实付金额', '买家实付', '付款金额']);
  });
});

describe('options: rule tester', () => {
  it('lists the required evidence and the advice for a situation', async () => {
    const { client } = fakeClient();
    await mount(client);
    const out = () => $('[data-rh="tester-evidence"]').getAttribute('data-value');
    expect(out()).toBe('purchase-proof product-photos tracking-number courier');
    const select = async (hook: string, value: string) =>
      act(async () => {
        const s = $<HTMLSelectElement>(`[data-rh="${hook}"]`);
        s.value = value;
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await select('tester-refund-type', 'refund-only');
    expect(out()).toBe('');
    await select('tester-order-status', 'unshipped');
    expect($('[data-rh="tester-advice"]').getAttribute('data-value')).toBe('cancel-order');
    await select('tester-reason', 'changed-mind');
    expect($('[data-rh="tester-payer"]').getAttribute('data-value')).toBe('buyer');
  });
});

describe('options: data', () => {
  it('exports the saved rules as JSON', async () => {
    const { client } = fakeClient();
    await mount(client);
    await click($('[data-rh="rules-export"]'));
    const file = vi.mocked(client.download).mock.calls[0][0];
    expect(file.filename).toMatch(/^refund-helper-rules-\d{8}-\d{4}\.json$/);
    expect(JSON.parse(file.content)).toEqual(defaultRules());
  });

  it('a malformed import lists each problem with its path and changes nothing', async () => {
    const { client } = fakeClient();
    await mount(client, 'en');
    const bad = { ...defaultRules(), deadlines: { reviewReminderHours: -1, arrivalWindowHours: 24, supportFollowUpHours: 24 } };
    (bad.reasons[2] as { category: string }).category = 'nope';
    await type($('[data-rh="rules-paste"]'), JSON.stringify(bad));
    await click($('[data-rh="rules-paste-apply"]'));
    const items = [...root.querySelectorAll('[data-rh="rules-error"] li')];
    expect(items.map((li) => li.getAttribute('data-path')).sort()).toEqual(['deadlines.reviewReminderHours', 'reasons[2].category']);
    expect(items.map((li) => li.textContent).sort()).toEqual([
      'The category of reason “Wrong item sent”: "nope" is not a valid category; choose one of: quality, not-as-described, wrong-item, damaged, missing, logistics, buyer, other',
      'The review reminder of the deadlines: must be greater than 0, not -1',
    ]);
    expect(client.setRules).not.toHaveBeenCalled();

    await type($('[data-rh="rules-paste"]'), '{ "version": 2, ');
    await click($('[data-rh="rules-paste-apply"]'));
    expect($('[data-rh="rules-error"]').textContent).toContain('The rule file is not valid JSON: at line 1');
    expect(client.setRules).not.toHaveBeenCalled();
  });

  it('a valid import replaces the rules', async () => {
    const { client, stored } = fakeClient();
    await mount(client);
    const next = defaultRules();
    next.deadlines.arrivalWindowHours = 6;
    await type($('[data-rh="rules-paste"]'), JSON.stringify(next));
    await click($('[data-rh="rules-paste-apply"]'));
    expect(root.querySelector('[data-rh="rules-error"]')).toBeNull();
    expect(stored().deadlines.arrivalWindowHours).toBe(6);
    expect($<HTMLInputElement>('#f-deadlines_arrivalWindowHours').value).toBe('6');
    expect($('[data-rh="rules-status"]').getAttribute('data-ok')).toBe('true');
  });

  it('reset asks first', async () => {
    const { client } = fakeClient();
    await mount(client);
    await click($('[data-rh="rules-reset"]'));
    expect(client.resetRules).not.toHaveBeenCalled();
    await click($('[data-rh="rules-reset-confirm"]'));
    expect(client.resetRules).toHaveBeenCalledTimes(1);
  });

  it('delete all needs the typed word', async () => {
    const { client } = fakeClient();
    await mount(client);
    await click($('[data-rh="delete-all"]'));
    const confirm = $<HTMLButtonElement>('[data-rh="delete-confirm"]');
    expect(confirm.disabled).toBe(true);
    await type($('[data-rh="delete-confirm-input"]'), '删');
    expect(confirm.disabled).toBe(true);
    await type($('[data-rh="delete-confirm-input"]'), '删除');
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(client.deleteAll).toHaveBeenCalledTimes(1);
    expect($('[data-rh="delete-status"]').textContent).toContain('5');
  });

  it('exports cases as CSV and JSON, and says how many cases the file holds', async () => {
    const { client } = fakeClient();
    await mount(client);
    await click($('[data-rh="cases-export-csv"]'));
    expect($('[data-rh="cases-status"]').textContent).toContain('cases.csv');
    await click($('[data-rh="cases-export-json"]'));
    expect(vi.mocked(client.saveFile).mock.calls.map((c) => c[0])).toEqual(['csv', 'json']);
    expect($('[data-rh="cases-status"]').textContent).toMatch(/cases\.json.*2/);
  });
});

describe('options: written for merchants', () => {
  it('an import shows how far the write is, and Cancel stays available while it writes', async () => {
    let signal: AbortSignal | undefined;
    const { client } = fakeClient({
      importFile: vi.fn(async (_text: string, opts?: TransferOptions) => {
        signal = opts?.signal;
        opts?.onProgress?.({ phase: 'write', done: 2000, total: 6000 });
        await new Promise<void>((resolve) => signal!.addEventListener('abort', () => resolve()));
        return { ok: false as const, error: { 'zh-CN': '已取消', en: 'Cancelled' }, cancelled: true };
      }),
    });
    await mount(client);
    const input = $<HTMLInputElement>('[data-rh="cases-import"]');
    Object.defineProperty(input, 'files', { value: [new File(['[]'], 'cases.json', { type: 'application/json' })], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    const bar = $('[data-rh="data-progress"]');
    expect(bar.getAttribute('data-phase')).toBe('write');
    expect(bar.textContent).toContain('正在检查并写入 2,000 / 6,000 条');
    const cancel = $<HTMLButtonElement>('[data-rh="data-cancel"]');
    expect(cancel.disabled).toBe(false);
    await click(cancel);
    expect(signal?.aborted).toBe(true);
    expect(root.querySelector('[data-rh="data-progress"]')).toBeNull();
    expect($('[data-rh="cases-status"]').textContent).toBe('已取消，未写入任何内容。');
  });

  it('a shipping rule reads as a sentence', () => {
    expect(shippingSentence({ faults: ['seller', 'courier'], payer: 'seller' }, 'zh-CN')).toBe('是商家或快递的责任时，退货运费由商家承担');
    expect(shippingSentence({ faults: ['buyer', 'unknown'], payer: 'buyer' }, 'zh-CN')).toBe('是买家的责任，或责任不明时，退货运费由买家承担');
    expect(shippingSentence({ faults: ['seller', 'courier'], payer: 'seller' }, 'en')).toBe(
      'When the seller or the courier is at fault, the seller pays return shipping',
    );
  });

  it('shows each shipping rule as its sentence, never "商家、快递 → 商家"', async () => {
    const { client } = fakeClient();
    await mount(client);
    const titles = [...root.querySelectorAll('[data-rh-section="shipping"] .rh-card-title')].map((e) => e.textContent);
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t).toMatch(/时，退货运费由(商家|买家)承担$/);
    expect(root.querySelector('[data-rh-section="shipping"]')!.textContent).not.toContain('→');
  });

  it('ids come from the English label, unique, and stay once saved', () => {
    expect(slugFromLabel('Quality problem', 'reason')).toBe('quality-problem');
    expect(slugFromLabel('Crème brûlée!', 'reason')).toBe('creme-brulee');
    expect(slugFromLabel('质量问题', 'reason')).toBe('reason');
    expect(uniqueId('reason', new Set(['reason', 'reason-2']))).toBe('reason-3');
    const saved = defaultRules();
    const draft = structuredClone(saved);
    draft.reasons[0].label.en = 'Renamed'; // a saved reason keeps its id
    draft.reasons.push({ ...structuredClone(saved.reasons[1]), id: 'reason-new', label: { 'zh-CN': '质量', en: 'Quality' } });
    draft.reasons.push({ ...structuredClone(saved.reasons[1]), id: 'reason-new-2', label: { 'zh-CN': '其他问题', en: '' } });
    const ids = withGeneratedIds(draft, saved).reasons.map((r) => r.id);
    expect(ids[0]).toBe(saved.reasons[0].id);
    expect(ids.slice(-2)).toEqual(['quality-2', 'reason']); // `quality` is taken by the saved reason
  });

  // A section without its card background: a colour variable used but never defined.
  it('every colour variable the extension pages use is defined', () => {
    const css = (f: string) => readFileSync(join(__dirname, '../../components', f), 'utf8');
    const theme = css('common/theme.css');
    // A page's stylesheet with the parts it imports (./part.css), in order.
    const sheet = (f: string): string => css(f).replace(/@import "\.\/([\w-]+\.css)";/g, (_m, part: string) => sheet(join(dirname(f), part)));
    for (const f of ['options/options.css', 'popup/popup.css', 'cases/cases.css']) {
      const text = theme + sheet(f);
      const defined = new Set([...text.matchAll(/(--rh-[\w-]+)\s*:/g)].map((m) => m[1]));
      const used = [...new Set([...text.matchAll(/var\((--rh-[\w-]+)/g)].map((m) => m[1]))];
      expect(
        used.filter((v) => !defined.has(v)),
        f,
      ).toEqual([]);
    }
  });
});
