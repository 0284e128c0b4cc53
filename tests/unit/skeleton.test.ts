import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('test setup', () => {
  it('has IndexedDB and the fake browser', () => {
    expect(typeof indexedDB.open).toBe('function');
    expect(typeof fakeBrowser.storage.local.get).toBe('function');
  });
});
