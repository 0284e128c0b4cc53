// What the content script is made of: `npx wxt build --analyze` writes stats.html
// (rollup-plugin-visualizer); its embedded data gives each module's rendered (minified) length in
// each bundle. `node --import tsx scripts/bench/analyze.ts [stats.html] [bundle]` prints the
// biggest modules and packages of one bundle (default: the content script). Used by `npm run
// bench -- --analyze` and to explain a missed bundle budget in BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Node {
  name: string;
  uid?: string;
  children?: Node[];
}
interface Data {
  tree: Node;
  nodeParts: Record<string, { renderedLength: number; gzipLength?: number; metaUid: string }>;
  nodeMetas: Record<string, { id: string }>;
}

export interface ModuleSize {
  id: string;
  rendered: number;
}

export function readStats(file: string): Data {
  const html = readFileSync(file, 'utf8');
  const m = /const data = (\{.*?\});\s*\n/s.exec(html);
  if (!m) throw new Error(`${file}: no visualizer data`);
  return JSON.parse(m[1]) as Data;
}

export function modulesOf(data: Data, bundle: string): ModuleSize[] {
  const root = data.tree.children?.find((c) => c.name === bundle);
  if (!root) throw new Error(`no bundle ${bundle} in stats (have: ${data.tree.children?.map((c) => c.name).join(', ')})`);
  const out: ModuleSize[] = [];
  const visit = (n: Node) => {
    if (n.uid) {
      const part = data.nodeParts[n.uid];
      out.push({ id: data.nodeMetas[part.metaUid]?.id ?? n.name, rendered: part.renderedLength });
    }
    n.children?.forEach(visit);
  };
  visit(root);
  return out.sort((a, b) => b.rendered - a.rendered);
}

/** node_modules/<pkg> or the project folder (lib/sites, components/panel…). */
export function groupOf(id: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (nm) return nm[1];
  const rel = id.replace(/^.*?\/(lib|components|entrypoints)\//, '$1/');
  const parts = rel.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
}

export function report(file: string, bundle: string): string {
  const mods = modulesOf(readStats(file), bundle);
  const total = mods.reduce((a, m) => a + m.rendered, 0);
  const groups = new Map<string, number>();
  for (const m of mods) groups.set(groupOf(m.id), (groups.get(groupOf(m.id)) ?? 0) + m.rendered);
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
  const lines = [`${bundle}: ${(total / 1024).toFixed(1)} KB rendered (minified, before gzip)`, '', 'by package / folder:'];
  for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1])) lines.push(`  ${(n / 1024).toFixed(1).padStart(7)} KB ${pct(n).padStart(6)}  ${g}`);
  lines.push('', 'biggest modules:');
  for (const m of mods.slice(0, 25))
    lines.push(
      `  ${(m.rendered / 1024).toFixed(1).padStart(7)} KB ${pct(m.rendered).padStart(6)}  ${m.id.replace(/^.*?\/(node_modules|lib|components|entrypoints)\//, '$1/')}`,
    );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(report(process.argv[2] ?? 'stats.html', process.argv[3] ?? 'content-scripts/merchant.js'));
}
