/**
 * Builds the demo back office's React pages (app/ → dist/) when dist/ is missing or older than its
 * sources, so `npm run site`, the e2e tests, the demo and the bench work on a fresh clone with no
 * extra step. SITE_BUILD=1 always builds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
export const DIST_DIR = join(HERE, 'dist');
const SOURCES = [join(HERE, 'app'), join(HERE, 'vite.config.ts'), join(ROOT, 'package-lock.json')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function siteIsStale(): boolean {
  const shell = join(DIST_DIR, 'index.html');
  return !existsSync(shell) || statSync(shell).mtimeMs < Math.max(...SOURCES.map(newestMtime));
}

/** Builds dist/ if needed (synchronously: ~10–20 s on 2 cores); returns whether it built. */
export function ensureSiteBuilt(opts: { force?: boolean; quiet?: boolean } = {}): boolean {
  if (!opts.force && !process.env.SITE_BUILD && !siteIsStale()) return false;
  if (!opts.quiet) console.log('[merchant-site] building the React pages (app/ → dist/)');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(HERE, 'vite.config.ts')], {
    cwd: ROOT,
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit'],
  });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureSiteBuilt({ force: true });
