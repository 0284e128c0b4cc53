/**
 * The production builds keep their size budgets (scripts/size.ts): the bootstrap every back-office
 * page parses ≤ 6 KB gzip, the panel's runtime ≤ 30 KB gzip. In the e2e project because it needs
 * the build (`npm test` builds before it); it launches no browser.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSizes, failures } from '../../scripts/size';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.each(['chrome-mv3', 'firefox-mv2'])('size budgets: %s', (build) => {
  it('every budgeted file fits', () => {
    expect(failures(checkSizes(join(ROOT, '.output', build)))).toEqual([]);
  });
});
