/*
 * Who may ask what. A back-office tab runs page-facing code (the bootstrap and the panel's
 * runtime) next to scripts we do not control: whatever reaches that isolated world must not be
 * able to export, restore or delete the merchant's data. So a tab may send the panel's messages
 * only; everything else (files, rules, deletion, the case list) comes from the extension's own
 * pages (popup, options, cases), whose URL is the extension's origin.
 */
import { isBackOfficeUrl } from '../cases/url';
import type { MessageName } from './protocol';

/** What the bootstrap and the panel send (lib/content/client.ts, entrypoints/merchant.content). */
export const PANEL_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>([
  'loadPanel',
  'getRules',
  'getCase',
  'getCases',
  'recordSubmit',
  'reportPage',
  'caseAction',
  // Opens a tab of the extension's case list: it hands the page nothing.
  'openCases',
]);

export type Asker = 'extension-page' | 'back-office-tab' | 'unknown';

/** `extensionRoot`: `runtime.getURL('/')`, e.g. `chrome-extension://ID/`. */
export function askerOf(sender: { url?: string; tab?: unknown }, extensionRoot: string): Asker {
  const url = sender.url ?? '';
  if (extensionRoot && url.startsWith(extensionRoot)) return 'extension-page';
  if (sender.tab && isBackOfficeUrl(url)) return 'back-office-tab';
  return 'unknown';
}

export function mayAsk(name: MessageName, asker: Asker): boolean {
  if (asker === 'extension-page') return true;
  return asker === 'back-office-tab' && PANEL_MESSAGES.has(name);
}
