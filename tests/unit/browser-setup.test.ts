import { describe, expect, it } from 'vitest';
import { locateBrowser, planSetup, type Facts } from '../../scripts/setup';

const facts = (f: Partial<Facts>): Facts => ({ missing: [], fontMissing: false, apt: 'none', noInstall: false, ...f });

describe('planSetup: what the set-up step does about a machine', () => {
  it('does nothing when everything is there', () => {
    expect(planSetup(facts({ apt: 'root' }))).toEqual([]);
  });

  it.each([
    ['root', false],
    ['sudo', true],
  ] as const)('installs with apt-get first when it may (%s), then downloads what is still missing', (apt, sudo) => {
    const steps = planSetup(facts({ missing: ['firefox'], apt }));
    expect(steps.map((s) => s.kind)).toEqual(['apt', 'download']);
    expect(steps[0]).toMatchObject({ sudo, packages: expect.arrayContaining(['chromium', 'firefox-esr', 'fonts-wqy-microhei']) });
    expect(steps[1]).toEqual({ kind: 'download', browsers: ['firefox'] });
  });

  it('downloads when apt-get cannot be used (no root, no password-less sudo, not Debian)', () => {
    expect(planSetup(facts({ missing: ['chromium', 'firefox'] }))).toEqual([{ kind: 'download', browsers: ['chromium', 'firefox'] }]);
  });

  it('installs the CJK font alone when only it is missing and apt-get may be used', () => {
    expect(planSetup(facts({ fontMissing: true, apt: 'root' })).map((s) => s.kind)).toEqual(['apt']);
    expect(planSetup(facts({ fontMissing: true }))).toEqual([]);
  });

  it('installs nothing with RH_NO_INSTALL', () => {
    expect(planSetup(facts({ missing: ['chromium'], fontMissing: true, apt: 'root', noInstall: true }))).toEqual([]);
  });
});

describe('locateBrowser', () => {
  it('takes the env var first, and reports one that names a missing file instead of looking elsewhere', () => {
    expect(locateBrowser('firefox', { FIREFOX_PATH: process.execPath })).toEqual({ path: process.execPath });
    expect(locateBrowser('chromium', { CHROMIUM_PATH: '/nowhere/chrome' })).toEqual({ badEnv: 'CHROMIUM_PATH points to a missing file: /nowhere/chrome' });
  });
});
