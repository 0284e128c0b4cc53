// The size check itself: a file within its budget passes, one over it fails naming the file and
// the excess in bytes, a missing one fails too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BUDGETS, checkSizes, describe as describeSize, failures, gzipSize, type Budget } from '../../scripts/size';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, Buffer | string>): string {
  dir = mkdtempSync(join(tmpdir(), 'rh-size-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
}

describe('size budgets', () => {
  // Random bytes do not compress: their gzip size is about their length.
  const big = randomBytes(3000);
  const small = 'x'.repeat(3000);

  it('passes files within their budget', () => {
    const d = build({ 'content-scripts/merchant.js': small, 'panel.js': small });
    const budgets: Budget[] = [
      { file: 'content-scripts/merchant.js', name: 'bootstrap', maxGzip: 1000 },
      { file: 'panel.js', name: 'panel runtime', maxGzip: 1000 },
    ];
    expect(failures(checkSizes(d, budgets))).toEqual([]);
  });

  it('fails a file over its budget, naming it and by how many bytes', () => {
    const d = build({ 'content-scripts/merchant.js': small, 'panel.js': big });
    const budgets: Budget[] = [
      { file: 'content-scripts/merchant.js', name: 'bootstrap', maxGzip: 1000 },
      { file: 'panel.js', name: 'panel runtime', maxGzip: 2000 },
    ];
    const over = gzipSize(join(d, 'panel.js')) - 2000;
    expect(over).toBeGreaterThan(900);
    const f = failures(checkSizes(d, budgets));
    expect(f).toHaveLength(1);
    expect(f[0]).toContain('panel runtime panel.js');
    expect(f[0]).toContain(`OVER by ${over} B`);
  });

  it('fails a budgeted file missing from the build', () => {
    const d = build({ 'panel.js': small });
    const f = failures(checkSizes(d, [{ file: 'content-scripts/merchant.js', name: 'bootstrap', maxGzip: 1000 }]));
    expect(f).toEqual(['bootstrap content-scripts/merchant.js: missing from the build']);
  });
});

describe('a budget shared by files parsed together', () => {
  it('counts every file of the budget, and fails when one is missing', () => {
    const d = build({ 'content-scripts/merchant.js': randomBytes(700), 'content-scripts/page-data.js': randomBytes(700) });
    const budget: Budget = { file: 'content-scripts/merchant.js', with: ['content-scripts/page-data.js'], name: 'bootstrap', maxGzip: 1000 };
    const [r] = checkSizes(d, [budget]);
    expect(r.gzip).toBe(gzipSize(join(d, 'content-scripts/merchant.js')) + gzipSize(join(d, 'content-scripts/page-data.js')));
    expect(failures([r])[0]).toContain('bootstrap content-scripts/merchant.js + content-scripts/page-data.js');
    const missing = checkSizes(d, [{ ...budget, with: ['content-scripts/gone.js'] }]);
    expect(failures(missing)[0]).toContain('missing from the build');
  });
});

describe('the project budgets', () => {
  it("hold the bootstrap to 6 KB and each panel runtime (one per part and UI locale) to its part's check", () => {
    // Every file the background may inject is checked: each part in each UI locale.
    expect(BUDGETS.map((b) => [b.file, b.maxGzip, b.goalGzip])).toEqual([
      ['content-scripts/merchant.js', 6 * 1024, undefined],
      ['panel-lists.zh-CN.js', 22 * 1024, 30 * 1024],
      ['panel-lists.en.js', 22 * 1024, 30 * 1024],
      ['panel-orders.zh-CN.js', 30 * 1024, 30 * 1024],
      ['panel-orders.en.js', 30 * 1024, 30 * 1024],
    ]);
  });

  it('a file over its goal but within its budget passes, and the line says the miss', () => {
    const r = { file: 'panel.js', name: 'panel', maxGzip: 2000, goalGzip: 1000, gzip: 1500, over: -500 };
    expect(failures([r])).toEqual([]);
    expect(describeSize(r)).toContain('the 0.98 KB goal: missed by 500 B');
  });
});
