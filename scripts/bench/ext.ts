// Talking to the extension from one of its own pages (chrome-extension://ID/…): messages as the
// product's sender builds them (lib/messaging/protocol.ts `request`), and bulk writes into the case
// database.
import type { Page } from 'puppeteer';
import { request, type MessageName } from '../../lib/messaging/protocol';
import type { RefundCase } from '../../lib/cases/schema';
import { META_COUNTS } from '../../lib/cases/store';

export interface Envelope<T = unknown> {
  ok: boolean;
  data?: T;
  error?: unknown;
  problems?: unknown;
}

/** Sends one ProtocolMap message as the product's own `sendMessage` would; returns the Result and the round trip in ms. */
export async function send<T = unknown>(page: Page, type: string, data?: unknown): Promise<{ result: Envelope<T>; ms: number }> {
  return page.evaluate(
    async (message) => {
      const type = message.type;
      const t0 = performance.now();
      const reply = await new Promise<any>((resolve, reject) =>
        (globalThis as any).chrome.runtime.sendMessage(message, (r: any) => {
          const le = (globalThis as any).chrome.runtime.lastError;
          if (le) reject(new Error(le.message));
          else resolve(r);
        }),
      );
      const ms = performance.now() - t0;
      if (!reply) throw new Error(`no reply to ${type}`);
      return { result: reply, ms };
    },
    request(type as MessageName, data as never) as { type: string; data?: unknown },
  ) as Promise<{ result: Envelope<T>; ms: number }>;
}

/**
 * Writes cases straight into the extension's IndexedDB (the database must exist: the background
 * opens it on start). Far faster than `importCases` for 50,000 records; the records come from the
 * product's own model (cases-gen.ts), so they are what the background would have stored.
 * Bypassing the store, it also drops the store's kept per-status counters (same transaction): the
 * store recounts them from the records on its next read, before anything is measured.
 */
export async function putCasesDirect(page: Page, cases: RefundCase[], chunk = 5000): Promise<void> {
  for (let i = 0; i < cases.length; i += chunk) {
    const part = cases.slice(i, i + chunk);
    await page.evaluate(
      async (part, countsKey) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('refund-helper');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
          req.onupgradeneeded = () => reject(new Error('the case database does not exist yet'));
        });
        try {
          await new Promise<void>((resolve, reject) => {
            const withMeta = db.objectStoreNames.contains('meta');
            const tx = db.transaction(withMeta ? ['cases', 'meta'] : ['cases'], 'readwrite');
            const store = tx.objectStore('cases');
            for (const c of part) store.put(c);
            if (withMeta) tx.objectStore('meta').delete(countsKey);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error ?? new Error('aborted'));
          });
        } finally {
          db.close();
        }
      },
      part as any,
      META_COUNTS,
    );
  }
}

export async function clearCasesDirect(page: Page): Promise<void> {
  await page.evaluate(async (countsKey) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('refund-helper');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const names = [...db.objectStoreNames].filter((n) => n === 'cases' || n === 'submits' || n === 'meta');
        const tx = db.transaction(names, 'readwrite');
        for (const n of names) {
          if (n === 'meta')
            tx.objectStore(n).delete(countsKey); // the store's counters: recounted on its next read
          else tx.objectStore(n).clear();
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, META_COUNTS);
}
