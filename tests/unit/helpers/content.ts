/*
 * The panel's runtime on a happy-dom page, as the entrypoint wires it (core, every feature, the
 * real view) with a fake client whose background keeps one case (`w.stored`) under the rules
 * `w.rules`. `useContentWorld()` resets both, and the page, around each test.
 */
import { h, render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { orderSections } from '../../../components/panel/Order';
import { Panel } from '../../../components/panel/Panel';
import { PANEL_CSS } from '../../../components/panel/styles';
import { applyAction, type NewCaseInput } from '../../../lib/cases/model';
import type { RefundCase } from '../../../lib/cases/schema';
import { orderAdvice, withView } from '../../../lib/cases/shown';
import type { CaseChange } from '../../../lib/cases/service';
import type { PanelClient } from '../../../lib/content/client';
import { startCore, type CoreDeps, type Helper } from '../../../lib/content/core';
import { FEATURES } from '../../../lib/content/features';
import { buildListModel } from '../../../lib/content/list-model';
import { buildModel, type ModelInput } from '../../../lib/content/model';
import { PART_KINDS } from '../../../lib/panel-files';
import { defaultRules } from '../../../lib/rules/defaults';
import type { RuleSet } from '../../../lib/rules/schema';
import { kuaishou } from '../../../lib/sites/kuaishou';
import { mountControlledForm } from '../fixtures/controlled-form';
import { HOUR, makeCase, T0 } from './cases';

export const ORDER = '2411080012345678';
export const ORIGIN = 'http://s.kwaixiaodian.com';

export const w: { rules: RuleSet; stored: RefundCase | null; helper?: Helper } = { rules: defaultRules(), stored: null };

/** Both parts' model builders, by page kind: the tests run every feature in one runtime. */
export const anyModel = (input: ModelInput) => (PART_KINDS.lists.includes(input.state.kind) ? buildListModel : buildModel)(input);

export function startHelper(opts: { client: PanelClient } & Partial<CoreDeps>): Helper {
  return startCore({
    win: window as Window & typeof globalThis,
    adapter: kuaishou,
    locale: 'zh-CN',
    features: FEATURES,
    model: anyModel,
    render: (mount, props) => render(props && h(Panel, { ...props, sections: orderSections }), mount),
    css: PANEL_CSS,
    // A page not showing its order is shown at once (tests of the hold set one).
    holdMs: 0,
    ...opts,
  });
}

/** The stored case as the background sends it to the panel: with its view in words, as of now. */
const shown = (c: RefundCase | null) => c && withView(c, 'zh-CN', Date.now());

export function client() {
  const c = {
    getRules: vi.fn(async () => ({ ok: true as const, data: { rules: w.rules, advice: orderAdvice('zh-CN', Date.now()) } })),
    getCase: vi.fn(async (_orderId: string) => ({ ok: true as const, data: shown(w.stored) })),
    getCases: vi.fn(async (ids: string[]) => ({
      ok: true as const,
      data: Object.fromEntries(ids.filter((id) => w.stored?.orderId === id).map((id) => [id, w.stored!])) as Record<string, RefundCase>,
    })),
    recordSubmit: vi.fn(async (input: NewCaseInput, _submitId: string) => {
      w.stored = makeCase(input.orderId, T0, input);
      return { ok: true as const, data: { case: shown(w.stored)!, created: true, duplicate: false } };
    }),
    reportPage: vi.fn(async (_obs: unknown[]) => ({ ok: true as const, data: { changes: [] as CaseChange[], changed: 0, matched: 0 } })),
    caseAction: vi.fn(async (_id: string, action: string) => {
      const r = applyAction(w.stored!, action as 'confirm', w.rules, T0 + 2 * HOUR, 'panel');
      if (!r.ok) return { ok: false as const, error: r.error };
      w.stored = { ...r.case, rev: w.stored!.rev + 1 };
      return { ok: true as const, data: shown(w.stored)! };
    }),
    openCases: vi.fn(async (_caseId?: string) => ({ ok: true as const, data: {} })),
  };
  return c satisfies PanelClient;
}

/** Lets timers (debounce 0), mutation callbacks and microtasks run. */
export async function settle(times = 3) {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 5));
}

export function go(path: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(ORIGIN + path);
}

export function descriptions(items: Array<[string, string]>): HTMLElement {
  const el = document.createElement('div');
  el.className = 'ant-descriptions';
  for (const [label, value] of items) {
    const item = document.createElement('div');
    item.className = 'ant-descriptions-item';
    item.innerHTML = `<span class="ant-descriptions-item-label"></span><span class="ant-descriptions-item-content"></span>`;
    item.children[0].textContent = label;
    item.children[1].textContent = value;
    el.append(item);
  }
  return el;
}

export async function start(c = client()) {
  w.helper = startHelper({ client: c, debounceMs: 0 });
  await settle();
  return c;
}

export const host = () => document.querySelector('refund-helper') as HTMLElement | null;
export const $ = (sel: string) => (host()?.shadowRoot?.querySelector(sel) ?? null) as HTMLElement | null;
export const attr = (sel: string, name: string) => $(sel)?.getAttribute(name) ?? null;

export function useContentWorld() {
  beforeEach(() => {
    w.rules = defaultRules();
    w.stored = null;
    document.body.innerHTML = '';
  });
  afterEach(() => {
    w.helper?.stop();
    w.helper = undefined;
  });
}

/** The refund application page: the order's facts, then the controlled form. */
export function refundFormPage(status = '已发货') {
  go(`/zone/refund/apply?orderId=${ORDER}`);
  document.body.append(
    descriptions([
      ['订单编号', ORDER],
      ['订单状态', status],
      ['实付款', '¥129.00'],
    ]),
  );
  const form = mountControlledForm(document, 'ant');
  const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === '提交申请')!;
  const pageSubmits = vi.fn();
  submit.addEventListener('click', pageSubmits);
  return { form, submit, pageSubmits };
}
