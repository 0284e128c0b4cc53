// Bundle sizes of the production build: every file, raw and gzip (level 9, as a store or CDN would
// serve it; the browser reads the raw file from disk, so raw is what it parses).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  path: string;
  raw: number;
  gzip: number;
}

export interface BundleReport {
  dir: string;
  files: BundleFile[];
  contentScript: BundleFile[];
  totalJs: { raw: number; gzip: number };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

export function bundleReport(dir: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const csFiles = new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]));
  const files = walk(dir)
    .map((p) => {
      const data = readFileSync(p);
      return { path: relative(dir, p), raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const js = files.filter((f) => f.path.endsWith('.js'));
  return {
    dir,
    files,
    contentScript: files.filter((f) => csFiles.has(f.path)),
    totalJs: { raw: js.reduce((s, f) => s + f.raw, 0), gzip: js.reduce((s, f) => s + f.gzip, 0) },
  };
}
