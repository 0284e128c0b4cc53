/**
 * Makes sure the browsers are there (installing them on a bare machine), then builds the
 * extension (and the demo back office's React pages) for the e2e run when the builds are missing
 * or older than the sources.
 * `npm test` builds just before (`npm run build:all`), so this is a no-op there; `npm run test:e2e`
 * alone rebuilds what changed. E2E_SKIP_BUILD=1 uses whatever is in .output/, E2E_BUILD=1 always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, ROOT } from '../../scripts/browsers';
import { ensureSiteBuilt } from '../merchant-site/build';
import { e2eBrowsers } from './browsers-env';
import { ensureBrowsers } from '../../scripts/setup';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(buildDir: string, sourcesMtime: number): boolean {
  const manifest = join(buildDir, 'manifest.json');
  return !existsSync(manifest) || statSync(manifest).mtimeMs < sourcesMtime;
}

export default function setup(): void {
  // The browsers first: on a bare machine this installs them (scripts/setup.ts).
  ensureBrowsers(e2eBrowsers());
  if (process.env.E2E_SKIP_BUILD) return;
  // Once here rather than in the first spec's startSite() (which would build it too).
  ensureSiteBuilt();
  const sourcesMtime = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  const force = !!process.env.E2E_BUILD;
  const builds = [
    { kind: 'chromium', dir: CHROME_BUILD, args: ['wxt', 'build'] },
    { kind: 'firefox', dir: FIREFOX_BUILD, args: ['wxt', 'build', '-b', 'firefox'] },
  ] as const;
  for (const b of builds) {
    if (!e2eBrowsers().includes(b.kind)) continue;
    if (!force && !isStale(b.dir, sourcesMtime)) continue;
    console.log(`[e2e] building ${b.dir} (missing or older than the sources)`);
    // The production build `npm run build` makes: vitest's NODE_ENV=test would make Vite emit JSX
    // development info (source paths, +0.6 KB gzip in the panel), a build nobody ships.
    execFileSync('npx', b.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
