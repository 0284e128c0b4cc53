// CPU profiles of the extension, attributed to its source: a V8 sampling profile (CDP Profiler)
// of a page target (content script + page) or of the service worker, each sample's frame mapped
// through the profiling build's source maps (wxt.profile.config.ts) to the original module and
// function. Tells which module to change when a budget is missed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'puppeteer';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// ---- a minimal source map reader (VLQ mappings → original source/line/name) -------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

interface Segment {
  col: number;
  src: number;
  line: number;
  name: number;
}

class SourceMap {
  private lines: Segment[][] = [];
  readonly sources: string[];
  readonly names: string[];
  constructor(json: { mappings: string; sources: string[]; names: string[] }) {
    this.sources = json.sources;
    this.names = json.names;
    let src = 0;
    let line = 0;
    let name = 0;
    for (const l of json.mappings.split(';')) {
      let col = 0;
      const segs: Segment[] = [];
      for (const seg of l.split(',')) {
        if (!seg) continue;
        const v: number[] = [];
        let shift = 0;
        let value = 0;
        for (const ch of seg) {
          const d = B64_INDEX.get(ch)!;
          value += (d & 31) << shift;
          if (d & 32) shift += 5;
          else {
            v.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        col += v[0];
        if (v.length >= 4) {
          src += v[1];
          line += v[2];
          if (v.length >= 5) name += v[4];
          segs.push({ col, src, line, name: v.length >= 5 ? name : -1 });
        }
      }
      this.lines.push(segs);
    }
  }
  /** 0-based generated line/column → original source and line (1-based). */
  lookup(line: number, col: number): { source: string; line: number } | undefined {
    const segs = this.lines[line];
    if (!segs?.length) return undefined;
    let best: Segment | undefined;
    for (const s of segs) {
      if (s.col <= col) best = s;
      else break;
    }
    best ??= segs[0];
    return { source: this.sources[best.src], line: best.line + 1 };
  }
}

const maps = new Map<string, SourceMap | null>();
function mapFor(buildDir: string | undefined, url: string): SourceMap | null {
  if (!buildDir) return null;
  const path = new URL(url).pathname.replace(/^\//, '');
  const file = join(buildDir, path + '.map');
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
  return maps.get(file)!;
}

function shortSource(s: string): string {
  return s.replace(/^.*?\/(node_modules|lib|components|entrypoints)\//, '$1/').replace(/^(\.\.\/)+/, '');
}

export interface Attributed {
  /** ms of self time per original module (extension code) or per bucket ("page", "(program)", "(gc)"…). */
  byModule: Array<[string, number]>;
  /** ms of self time per original function (module:line name). */
  byFunction: Array<[string, number]>;
  totalMs: number;
  extensionMs: number;
}

/** `buildDir`: where the build's source maps are (none: frames are named by file). */
export function attribute(profile: Profile, buildDir: string | undefined, extOrigin: string): Attributed {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let ext = 0;
  for (const [id, ms] of self) {
    const cf = nodes.get(id)!.callFrame;
    total += ms;
    let module: string;
    let fn: string;
    if (cf.url.startsWith(extOrigin)) {
      ext += ms;
      const m = mapFor(buildDir, cf.url)?.lookup(cf.lineNumber, cf.columnNumber);
      module = m ? shortSource(m.source) : new URL(cf.url).pathname;
      fn = `${module}:${m?.line ?? cf.lineNumber + 1} ${cf.functionName || '(anonymous)'}`;
    } else if (!cf.url) {
      module = cf.functionName.startsWith('(') ? cf.functionName : '(native/V8)';
      fn = module;
    } else {
      module = `page: ${new URL(cf.url).pathname}`;
      fn = `${module} ${cf.functionName}`;
    }
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const sort = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10] as [string, number]);
  return { byModule: sort(byModule), byFunction: sort(byFunction), totalMs: total, extensionMs: ext };
}

export async function startProfile(cdp: CDPSession, intervalUs = 100): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<Profile> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable').catch(() => {});
  return profile as unknown as Profile;
}

export function formatAttributed(title: string, a: Attributed, top = 12): string {
  const lines = [`${title}: ${a.totalMs.toFixed(1)} ms sampled, ${a.extensionMs.toFixed(1)} ms in extension code`];
  lines.push('  by module (self time):');
  for (const [k, v] of a.byModule.slice(0, top)) lines.push(`    ${v.toFixed(1).padStart(8)} ms  ${k}`);
  lines.push('  by function (self time):');
  for (const [k, v] of a.byFunction.slice(0, top)) lines.push(`    ${v.toFixed(1).padStart(8)} ms  ${k}`);
  return lines.join('\n');
}
