import type { CaseChange, CaseService } from '../cases/service';
import type { RefundCase } from '../cases/schema';
import type { ShownCase } from '../cases/shown';
import type { Locale } from '../i18n';
import type { RuleSet } from '../rules/schema';
import type { LoadedRules } from '../rules/storage';
import type { Serve } from './serve';

/** What the message handlers get from createBackground: its state, its clock and its after-change duties. */
export interface BackgroundContext {
  serve: Serve;
  service(): Promise<CaseService>;
  rules(): Promise<LoadedRules>;
  /** The rules just saved or restored become the ones every later message reads. */
  keepRules(loaded: LoadedRules): void;
  /** The time and rules a service call runs under. */
  ctx(): Promise<{ now: number; rules: RuleSet }>;
  now(): number;
  locale(): Locale;
  /** A case with what the panel shows of it in words (lib/cases/shown.ts). */
  shown(c: RefundCase): ShownCase;
  notifyChanges(changes: CaseChange[]): Promise<void>;
  /** New deadline rules apply to open cases at once. */
  applyDeadlines(r: RuleSet): Promise<void>;
}
