/**
 * `npm run setup [-- chromium] [firefox]`: makes sure the browsers the demo, the end-to-end tests
 * and the bench need are on this machine, and installs them when they are not.
 *
 * Called by `npm run demo` and `npm run bench` (Chromium) and by the e2e run's global set-up (the
 * browsers it covers), so a machine with only Node needs no step of its own. In order:
 * 1. use what is there: CHROMIUM_PATH / PUPPETEER_EXECUTABLE_PATH and FIREFOX_PATH, puppeteer's
 *    cache (~/.cache/puppeteer), the system's Chromium/Chrome and Firefox;
 * 2. else, on Debian/Ubuntu as root or with password-less sudo: `apt-get install chromium
 *    firefox-esr fonts-wqy-microhei` (the font makes Chinese show in screenshots);
 * 3. else download Chrome for Testing and Firefox into puppeteer's cache (`npx puppeteer browsers
 *    install`), where the network allows;
 * 4. else one message naming the command to run, and a non-zero exit.
 * Never asks a question (apt-get -y, sudo -n) and never reinstalls what is found: a run that
 * finds everything only looks at a few paths.
 *
 * RH_NO_INSTALL=1 only looks (steps 2 and 3 are skipped). RH_PRETEND_NO_BROWSERS=1 makes the
 * first look find nothing, so the install path runs on a machine that has the browsers (the
 * set-up's own test of a bare machine); the look after installing is real.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type BrowserKind = 'chromium' | 'firefox';

const SYSTEM_PATHS: Record<BrowserKind, string[]> = {
  chromium: [
    // The binary itself: Debian's /usr/bin/chromium wrapper prints a harmless shell warning.
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  firefox: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'],
};

const ENV_VARS: Record<BrowserKind, string[]> = {
  chromium: ['CHROMIUM_PATH', 'PUPPETEER_EXECUTABLE_PATH'],
  firefox: ['FIREFOX_PATH'],
};

const APT_PACKAGES = ['chromium', 'firefox-esr', 'fonts-wqy-microhei', 'fontconfig'];

export const INSTALL_HINT =
  'Install them: `sudo apt-get install chromium firefox-esr fonts-wqy-microhei` ' +
  '(Debian/Ubuntu), or `npx puppeteer browsers install chrome firefox`, or point to binaries with ' +
  'CHROMIUM_PATH=/path/to/chrome and FIREFOX_PATH=/path/to/firefox.';

/** Puppeteer's downloaded browser, if any. Loaded lazily: most runs find a browser before. */
function puppeteerCache(kind: BrowserKind): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const puppeteer = require('puppeteer') as { executablePath(o?: { browser: string }): string };
    const path = kind === 'chromium' ? puppeteer.executablePath() : puppeteer.executablePath({ browser: 'firefox' });
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined; // puppeteer not installed yet, or nothing downloaded (skipDownload)
  }
}

export interface Located {
  path?: string;
  /** Set when an env var names a file that does not exist: a mistake to report, not to work around. */
  badEnv?: string;
}

/** Env var, then puppeteer's cache, then the system's browser. */
export function locateBrowser(kind: BrowserKind, env: NodeJS.ProcessEnv = process.env): Located {
  for (const name of ENV_VARS[kind]) {
    const value = env[name];
    if (value) return existsSync(value) ? { path: value } : { badEnv: `${name} points to a missing file: ${value}` };
  }
  return { path: puppeteerCache(kind) ?? SYSTEM_PATHS[kind].find((p) => existsSync(p)) };
}

/** A browser's path, or an error that says what to install. */
export function findBrowser(kind: BrowserKind): string {
  const { path, badEnv } = locateBrowser(kind);
  if (path) return path;
  throw new Error(`${badEnv ?? `No ${kind === 'chromium' ? 'Chromium' : 'Firefox'} found.`} ${INSTALL_HINT}`);
}

function hasCjkFont(): boolean | undefined {
  if (process.platform !== 'linux') return undefined; // macOS and Windows ship CJK fonts
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export interface Facts {
  missing: BrowserKind[];
  /** A Linux machine without a font for 汉字 (screenshots would show boxes). */
  fontMissing: boolean;
  /** apt-get is there, and we are root or may sudo without a password. */
  apt: 'root' | 'sudo' | 'none';
  noInstall: boolean;
}

export type Step = { kind: 'apt'; sudo: boolean; packages: string[] } | { kind: 'download'; browsers: BrowserKind[] };

/** What to do about what is missing, in order; an empty list means nothing to do. */
export function planSetup(f: Facts): Step[] {
  if (f.noInstall || (!f.missing.length && !(f.fontMissing && f.apt !== 'none'))) return [];
  const steps: Step[] = [];
  if (f.apt !== 'none') steps.push({ kind: 'apt', sudo: f.apt === 'sudo', packages: APT_PACKAGES });
  if (f.missing.length) steps.push({ kind: 'download', browsers: f.missing });
  return steps;
}

function aptAccess(): Facts['apt'] {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) return 'none';
  if (process.getuid?.() === 0) return 'root';
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : 'none';
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  console.log(`[setup] $ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } }).status === 0;
}

function runStep(step: Step): void {
  if (step.kind === 'apt') {
    const [cmd, pre] = step.sudo ? ['sudo', ['-n', 'apt-get']] : ['apt-get', []];
    console.log(`[setup] installing ${step.packages.join(', ')} with apt-get (about 1–2 minutes, ~1 GB)`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!run(cmd, [...pre, 'update', '-q'], env) || !run(cmd, [...pre, 'install', '-y', '-q', ...step.packages], env)) {
      console.log('[setup] apt-get did not install everything; trying the next way');
    }
    return;
  }
  for (const kind of step.browsers) {
    if (locateBrowser(kind).path) continue;
    const name = kind === 'chromium' ? 'chrome' : 'firefox';
    console.log(`[setup] downloading ${name} into puppeteer's cache`);
    try {
      execFileSync('npx', ['--no-install', 'puppeteer', 'browsers', 'install', name], { stdio: ['ignore', 'inherit', 'inherit'] });
    } catch {
      console.log(`[setup] the download of ${name} failed (no network to its host?)`);
    }
  }
}

/**
 * Makes sure `kinds` are there, installing them when they are not. Returns their paths, or throws
 * one message naming what to run.
 */
export function ensureBrowsers(kinds: readonly BrowserKind[], env: NodeJS.ProcessEnv = process.env): Record<BrowserKind, string | undefined> {
  const pretend = !!env.RH_PRETEND_NO_BROWSERS;
  const look = () => Object.fromEntries(kinds.map((k) => [k, locateBrowser(k, env)])) as Record<BrowserKind, Located>;
  let found = look();
  const bad = kinds.map((k) => found[k].badEnv).filter(Boolean);
  if (bad.length) throw new Error(`${bad.join('; ')}. ${INSTALL_HINT}`);

  const missing = pretend ? [...kinds] : kinds.filter((k) => !found[k].path);
  const fontMissing = hasCjkFont() === false;
  const steps = planSetup({ missing, fontMissing, apt: missing.length || fontMissing ? aptAccess() : 'none', noInstall: !!env.RH_NO_INSTALL });
  if (fontMissing && !steps.some((s) => s.kind === 'apt')) {
    console.log('[setup] no font for Chinese text: screenshots will show boxes (Debian: apt-get install fonts-wqy-microhei)');
  }
  for (const step of steps) {
    runStep(step);
    found = look();
    if (kinds.every((k) => found[k].path)) break;
  }
  const still = kinds.filter((k) => !found[k].path);
  if (still.length) {
    const names = still.map((k) => (k === 'chromium' ? 'Chromium' : 'Firefox')).join(' and ');
    const why = env.RH_NO_INSTALL ? ' (RH_NO_INSTALL is set: nothing was installed)' : ', and installing failed (see above)';
    throw new Error(`${names} ${still.length > 1 ? 'are' : 'is'} needed and not installed${why}. ${INSTALL_HINT}`);
  }
  return Object.fromEntries(kinds.map((k) => [k, found[k].path])) as Record<BrowserKind, string | undefined>;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2).filter((a): a is BrowserKind => a === 'chromium' || a === 'firefox');
  const kinds: BrowserKind[] = args.length ? args : ['chromium', 'firefox'];
  try {
    const paths = ensureBrowsers(kinds);
    for (const k of kinds) console.log(`[setup] ${k}: ${paths[k]}`);
  } catch (e) {
    console.error(`[setup] ${(e as Error).message}`);
    process.exit(1);
  }
}
