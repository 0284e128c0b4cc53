/* The case database's earlier layouts, for the upgrade tests: each index by name, as the version that made it. */

const INDEXES: Record<string, string | string[]> = {
  'by-order': 'orderId', // v1
  'by-status': 'status', // v1, dropped by v7
  'by-after-sale': 'afterSaleId', // v2
  'by-updated': 'updatedAt', // v2
  'by-attention': 'attentionAt', // v3, dropped by v7
  'by-deadline': 'nextDeadline', // v3, dropped by v7
  'by-status-updated': ['status', 'updatedAt'], // v3
  'by-status-deadline': ['status', 'nextDeadline'], // v4
  'by-status-attention': ['status', 'attentionAt'], // v4
};

/** The indexes of the `cases` store as of version 3, and of versions 4–6. */
export const V3_INDEXES = ['by-order', 'by-status', 'by-after-sale', 'by-updated', 'by-attention', 'by-deadline', 'by-status-updated'];
export const V6_INDEXES = [...V3_INDEXES, 'by-status-deadline', 'by-status-attention'];

/** Creates the `cases` store with `indexes` (V3_INDEXES, V6_INDEXES) and the `submits` and `meta` stores. */
export function legacyStores(db: IDBDatabase, indexes: readonly string[]): IDBObjectStore {
  const cases = db.createObjectStore('cases', { keyPath: 'id' });
  for (const name of indexes) cases.createIndex(name, INDEXES[name]);
  db.createObjectStore('submits', { keyPath: 'submitId' });
  db.createObjectStore('meta', { keyPath: 'key' });
  return cases;
}
