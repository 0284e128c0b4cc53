/**
 * Permissions are the least that work: the BUILT manifests (what a store reviews and a
 * browser grants), and a scan of the built JavaScript for the extension APIs it calls.
 *
 * It lives in the e2e project because it needs the production build (.output/chrome-mv3 and
 * .output/firefox-mv2), which `npm test` makes with `npm run build:all` before `test:e2e`. It
 * launches no browser. Run alone: `npm run build:all && npx vitest run --project e2e tests/e2e/hardening-manifest`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { panelFiles } from '../../lib/panel-files';
import { GECKO_ID } from '../../wxt.config';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BACK_OFFICE = '*://s.kwaixiaodian.com/*';
const BACK_OFFICE_HOST = 's.kwaixiaodian.com';
/** What the product needs, nothing more (scripting: the panel's runtime is injected on served routes only). */
const API_PERMISSIONS = ['alarms', 'notifications', 'scripting', 'storage'];

type Manifest = Record<string, any>;

const BUILDS = [
  { name: 'chrome-mv3', dir: join(ROOT, '.output/chrome-mv3'), mv: 3 },
  { name: 'firefox-mv2', dir: join(ROOT, '.output/firefox-mv2'), mv: 2 },
] as const;

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No build at ${dir}: run \`npm run build:all\` first (npm test does).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsFiles(p));
    else if (p.endsWith('.js')) out.push(p);
  }
  return out;
}

/** A match pattern's host part (`*://HOST/*` → HOST); `<all_urls>` → '*'. */
function hostOf(pattern: string): string {
  if (pattern === '<all_urls>') return '*';
  const m = /^[^:]+:\/\/([^/]*)\//.exec(pattern);
  return m ? m[1].replace(/:\d+$/, '') : pattern;
}

/**
 * Extension API namespaces and the permission each needs. `null`: usable without a permission.
 * A namespace not in this table is not expected in this extension at all.
 */
const NAMESPACE_PERMISSION: Record<string, string | null> = {
  runtime: null,
  i18n: null,
  action: null,
  browserAction: null,
  extension: null,
  tabs: null, // basic use; `url` filtering/reading needs host access, checked below
  windows: null,
  storage: 'storage',
  alarms: 'alarms',
  notifications: 'notifications',
  scripting: 'scripting',
};

/** Namespaces that need a permission this extension must not have. */
const FORBIDDEN_NAMESPACES = [
  'cookies',
  'webRequest',
  'webRequestBlocking',
  'declarativeNetRequest',
  'history',
  'bookmarks',
  'downloads',
  'identity',
  'management',
  'contextMenus',
  'menus',
  'proxy',
  'debugger',
  'webNavigation',
  'permissions',
  'offscreen',
  'sidePanel',
  'sidebarAction',
  'tabGroups',
  'topSites',
  'privacy',
  'browsingData',
  'nativeMessaging',
  'geolocation',
  'pageCapture',
  'tabCapture',
  'desktopCapture',
  'search',
  'sessions',
  'userScripts',
  'contentSettings',
  'declarativeContent',
  'devtools',
  'enterprise',
  'gcm',
  'idle',
  'power',
  'system',
  'tts',
  'ttsEngine',
  'vpnProvider',
  'wallpaper',
  'webAuthenticationProxy',
];

/** Members of arrays, strings and plain objects: `case.history.some(…)` is not `browser.history`. */
const NOT_API_MEMBERS = new Set([
  'length',
  'some',
  'every',
  'map',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'forEach',
  'reduce',
  'push',
  'pop',
  'shift',
  'unshift',
  'slice',
  'splice',
  'concat',
  'join',
  'includes',
  'indexOf',
  'lastIndexOf',
  'at',
  'sort',
  'reverse',
  'flat',
  'flatMap',
  'keys',
  'values',
  'entries',
  'trim',
  'split',
  'replace',
  'startsWith',
  'endsWith',
  'toString',
  'valueOf',
  'then',
  'catch',
]);

/** `<x>.<namespace>.<member>` in minified code: the namespace survives minification as a property name. */
function apiUses(code: string): Map<string, Set<string>> {
  const names = [...Object.keys(NAMESPACE_PERMISSION), ...FORBIDDEN_NAMESPACES].join('|');
  const re = new RegExp(`(?:\\b(?:browser|chrome)|[\\w$)\\]])\\.(${names})\\.([A-Za-z_$][\\w$]*)`, 'g');
  const out = new Map<string, Set<string>>();
  for (const m of code.matchAll(re)) {
    // `c.history.length`, `x.search.map(…)`: our own fields that share an API's name, not the API.
    if (NOT_API_MEMBERS.has(m[2])) continue;
    const set = out.get(m[1]) ?? new Set<string>();
    set.add(m[2]);
    out.set(m[1], set);
  }
  return out;
}

/** The one script in the page's main world (entrypoints/page-data.content.ts). */
const MAIN_WORLD_SCRIPT = 'content-scripts/page-data.js';

describe.each(BUILDS)('built manifest: $name', ({ dir, mv }) => {
  const manifest = readManifest(dir);
  const raw = readFileSync(join(dir, 'manifest.json'), 'utf8');

  it(`is manifest v${mv}`, () => {
    expect(manifest.manifest_version).toBe(mv);
  });

  it('asks for exactly storage, alarms, notifications and scripting, plus host access to the back office only', () => {
    const perms: string[] = manifest.permissions ?? [];
    const apiPerms = perms.filter((p) => !p.includes('://') && p !== '<all_urls>').sort();
    expect(apiPerms).toEqual(API_PERMISSIONS);
    const hostPerms = [...perms.filter((p) => p.includes('://') || p === '<all_urls>'), ...(manifest.host_permissions ?? [])];
    for (const p of hostPerms) expect(p, 'host permission').toBe(BACK_OFFICE);
    expect(manifest.optional_permissions ?? [], 'optional_permissions').toEqual([]);
    expect(manifest.optional_host_permissions ?? [], 'optional_host_permissions').toEqual([]);
  });

  it('runs its content script on the back office only', () => {
    const scripts: Array<{ matches: string[]; exclude_matches?: string[]; all_frames?: boolean; world?: string }> = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const cs of scripts) {
      expect(cs.matches.length).toBeGreaterThan(0);
      for (const m of cs.matches) expect(hostOf(m), m).toBe(BACK_OFFICE_HOST);
    }
    // The isolated world is what keeps the page's scripts away from the extension's. The one
    // exception is the observer of the page's own responses, which must wrap the page's fetch.
    const main = scripts.filter((cs) => (cs.world ?? 'ISOLATED') !== 'ISOLATED');
    expect(main.map((cs) => [cs.world, (cs as { js?: string[] }).js])).toEqual([['MAIN', [MAIN_WORLD_SCRIPT]]]);
  });

  it('the main-world observer holds no extension API and starts no request of its own', () => {
    const code = readFileSync(join(dir, MAIN_WORLD_SCRIPT), 'utf8');
    expect(code).not.toMatch(/\b(?:chrome|browser)\.(?:runtime|storage|tabs)/);
    expect(code).not.toMatch(/new\s+XMLHttpRequest|sendBeacon|WebSocket|EventSource|import\s*\(|(?:https?|wss?):\/\//);
    // Its only network call is the page's own: the saved fetch applied to the page's arguments.
    expect(code.match(/(?<![\w$.])fetch\s*\(|\.fetch\s*\(|\.apply\(this,/g) ?? []).toEqual(['.apply(this,', '.apply(this,']);
  });

  it("keeps the panel's runtime out of the manifest: injected on a served route, exposed to no page", () => {
    for (const { file } of panelFiles()) {
      expect(existsSync(join(dir, file))).toBe(true);
      expect(raw).not.toContain(file);
    }
  });

  it('names no localhost, loopback address or wildcard host anywhere', () => {
    expect(raw).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0/);
    expect(raw).not.toContain('<all_urls>');
    expect(raw).not.toMatch(/"\*:\/\/\*\//);
    expect(raw).not.toMatch(/https?:\/\/\*\//);
  });

  it('exposes nothing to web pages or other extensions beyond the back office', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    const war = manifest.web_accessible_resources ?? [];
    for (const entry of war) {
      if (typeof entry === 'string') continue; // MV2: a list of paths; Firefox scopes them by UUID
      for (const m of entry.matches ?? []) expect(hostOf(m), `web_accessible_resources match ${m}`).toBe(BACK_OFFICE_HOST);
    }
  });

  it('keeps the default content security policy (no eval, no remote code)', () => {
    const csp = manifest.content_security_policy;
    const text = typeof csp === 'string' ? csp : JSON.stringify(csp ?? '');
    expect(text).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(manifest.update_url).toBeUndefined();
  });

  if (mv === 2) {
    it('carries the gecko id and the data collection declaration', () => {
      const gecko = manifest.browser_specific_settings?.gecko;
      expect(gecko?.id).toBe(GECKO_ID);
      expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    });
  }

  it('uses in its code every permission it declares, and no API it has no permission for', () => {
    const uses = new Map<string, Set<string>>();
    const where = new Map<string, Set<string>>();
    for (const file of jsFiles(dir)) {
      for (const [ns, members] of apiUses(readFileSync(file, 'utf8'))) {
        const set = uses.get(ns) ?? new Set<string>();
        members.forEach((m) => set.add(m));
        uses.set(ns, set);
        const w = where.get(ns) ?? new Set<string>();
        w.add(relative(dir, file));
        where.set(ns, w);
      }
    }
    const forbidden = [...uses.keys()].filter((ns) => FORBIDDEN_NAMESPACES.includes(ns));
    expect(
      forbidden.map((ns) => `${ns}.{${[...uses.get(ns)!].join(',')}} in ${[...where.get(ns)!].join(', ')}`),
      'APIs used without a declared permission',
    ).toEqual([]);

    const declared = new Set<string>(manifest.permissions ?? []);
    const needed = new Set([...uses.keys()].map((ns) => NAMESPACE_PERMISSION[ns]).filter((p): p is string => !!p));
    for (const p of needed) expect(declared.has(p), `code uses the ${p} API: the permission must be declared`).toBe(true);
    // Least privilege: a declared permission nothing uses should go.
    for (const p of API_PERMISSIONS) expect(needed.has(p), `"${p}" is declared but no built script calls its API`).toBe(true);

    // tabs.query({ url }) and reading tab.url need host access to that URL: the back office is
    // covered by the content script's match pattern (Chrome counts it as a host permission).
    if (uses.has('tabs')) {
      const hosts = new Set(
        [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c: any) => c.matches)]
          .filter((p: string) => p.includes('://'))
          .map(hostOf),
      );
      expect(hosts.has(BACK_OFFICE_HOST)).toBe(true);
    }
  });

  it('ships no code that talks to the network or loads remote code', () => {
    const offenders: string[] = [];
    for (const file of jsFiles(dir)) {
      // Vite's modulepreload polyfill (popup/options chunks) fetches the page's own
      // <link rel="modulepreload"> files: chrome-extension:// URLs, never the network. Cut it out
      // before the scan; \`build.modulePreload.polyfill: false\` would drop it from the build.
      const code = readFileSync(file, 'utf8').replace(MODULEPRELOAD_POLYFILL, '');
      const rel = relative(dir, file);
      // The main-world observer names fetch and XMLHttpRequest to wrap the page's own (checked above).
      if (rel === MAIN_WORLD_SCRIPT) continue;
      for (const [what, re] of [
        ['fetch()', /(?<![\w$.])fetch\s*\(|\.fetch\s*\(/],
        ['XMLHttpRequest', /XMLHttpRequest/],
        ['sendBeacon', /sendBeacon/],
        ['WebSocket', /WebSocket/],
        ['EventSource', /EventSource/],
        ['importScripts', /importScripts\s*\(/],
        ['eval', /(?<![\w$.])eval\s*\(/],
        ['new Function', /new\s+Function\s*\(/],
      ] as const) {
        if (re.test(code)) offenders.push(`${rel}: ${what}`);
      }
      // Every absolute URL in the code: only the back office (and XML namespaces, which are names, not requests).
      for (const m of code.matchAll(/\b(?:https?|wss?):\/\/([a-z0-9.-]+)/gi)) {
        const host = m[1].toLowerCase();
        // XML namespaces (www.w3.org) and zod's JSON Schema `$schema` ids (json-schema.org) are
        // names compared as strings, never fetched.
        if (host === BACK_OFFICE_HOST || host === 'www.w3.org' || host === 'json-schema.org') continue;
        offenders.push(`${rel}: URL ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** `…function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}…` as Vite minifies it. */
const MODULEPRELOAD_POLYFILL = /if\([\w$]+\.ep\)return;[\w$]+\.ep=!0;(?:let|const|var) [\w$]+=[\w$]+\([\w$]+\);fetch\([\w$]+\.href,[\w$]+\)/g;

describe('the two builds agree', () => {
  it('declare the same API permissions and content script matches', () => {
    const [c, f] = BUILDS.map((b) => readManifest(b.dir));
    const api = (m: Manifest) => (m.permissions ?? []).filter((p: string) => !p.includes('://')).sort();
    expect(api(f)).toEqual(api(c));
    const matches = (m: Manifest) => (m.content_scripts ?? []).map((cs: any) => [...cs.matches].sort());
    expect(matches(f)).toEqual(matches(c));
  });
});
