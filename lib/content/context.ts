/*
 * The contract between the core (./core.ts), the page features (./features/) and the entrypoint
 * that wires them: types only.
 */
import type { PanelCommand } from '../commands';
import type { Locale, LocalText, translator } from '../i18n';
import type { PageKind } from '../order';
import type { ShownCase } from '../cases/shown';
import type { RuleSet } from '../rules/schema';
import type { SiteAdapter } from '../sites/adapter';
import type { SiteTexts } from '../sites/texts';
import type { Observation, PanelClient } from './client';
import type { ReportAnswer } from './case-sync';
import type { Layout } from './host';
import type { ModelInput, PageState, PanelActions, PanelModel } from './model';
import type { STRINGS } from './strings';

/** What the view is handed: the entrypoint renders components/panel's <Panel> with it (null: unmount). */
export type PanelProps = { model: PanelModel; layout: Layout & { width: number }; actions: PanelActions };

export interface CoreDeps {
  win: Window & typeof globalThis;
  adapter: SiteAdapter;
  client: PanelClient;
  locale: Locale;
  features: readonly Feature[];
  /** What the panel shows, from the page's state (./model.ts for a page about one order, ./list-model.ts for a list). */
  model(input: ModelInput): PanelModel;
  /** Renders the panel into `mount` (props null: empty it). */
  render(mount: HTMLElement, props: PanelProps | null): void;
  /** The panel's stylesheet, put in the host's shadow root. */
  css: string;
  /** Where the merchant docked the panel, how wide, whether collapsed: remembered in browser.storage.local. */
  loadLayout?: () => Promise<Layout | undefined>;
  saveLayout?: (layout: Layout) => void;
  /** Subscribe to rule changes in storage; returns an unsubscribe. */
  watchRules?: (onChange: () => void) => () => void;
  /** Debounce of page reads, ms (default 60). */
  debounceMs?: number;
  /** How long a new page not showing its order yet counts as still rendering, ms (default 1000; see `rendering`). */
  holdMs?: number;
  /** The first wait before asking for the rules again when the background did not answer, ms (default 500). */
  retryMs?: number;
}

export interface Helper {
  stop(): void;
  /** Read the page now (tests; otherwise mutations schedule it). */
  read(): void;
  /** A keyboard command the background forwarded (lib/commands.ts). */
  command(name: PanelCommand): void;
}

/**
 * One page feature: active on `kinds`. `init` runs when such a page is shown and returns its hooks;
 * `signal` aborts when the page goes (navigation, another kind, the runtime stopping).
 */
export interface Feature {
  kinds: readonly PageKind[];
  init(ctx: Ctx, signal: AbortSignal): Hooks | undefined;
}

export interface Hooks {
  /** Each read of the page, in the order features were given. */
  read?(s: PageState): void;
  /** Each change of the page, before the read it schedules. */
  change?(): void;
  /** The panel actions this page handles. */
  actions?: Partial<PanelActions>;
}

/** What the core offers a feature. */
export interface Ctx {
  win: Window & typeof globalThis;
  doc: Document;
  adapter: SiteAdapter;
  client: PanelClient;
  locale: Locale;
  t: ReturnType<typeof translator<keyof typeof STRINGS>>;
  now(): number;
  /** Undefined until the background answers. */
  rules(): RuleSet | undefined;
  texts(): SiteTexts;
  /** The current page's state (a new one after each navigation). */
  state(): PageState | undefined;
  collapsed(): boolean;
  /** Order number → the URL of its order page, kept across pages (a case records where its order is). */
  orderUrls: Record<string, string>;
  /**
   * Watches every change of the page and every navigation (`left`: the URL left) until `fn`
   * returns true, across pages: what must outlive the page that started it (a submit's outcome).
   */
  watch(fn: (left?: string) => boolean): void;
  /** Said whenever the page shows what it is about: later changes are read debounced. */
  ready(): void;
  /** A new page that has not shown what it is about yet, in its first moments: what is read of it waits. */
  rendering(): boolean;
  /** A number that changes when everything must be read again (rules changed, a fill). */
  generation(): number;
  forget(): void;
  scheduleRead(): void;
  read(): void;
  queueRender(): void;
  renderNow(): void;
  toggle(): void;
  notice(tone: 'info' | 'error' | 'success', text: string): void;
  failNotice(error: LocalText): void;
  setCase(c: ShownCase | null): void;
  fetchCase(orderId: string): Promise<void>;
  /** Sends what the page shows; `then` gets the background's answer (not called for a repeat). */
  report(observations: Observation[], then: (r: ReportAnswer) => unknown): Promise<void>;
  caseAction(action: 'contact-support' | 'confirm', orderId?: string): Promise<void>;
  /** Whether an event comes from inside the panel. */
  ours(e: Event): boolean;
}
