// The bench's rows (a figure against its budget), the results file's sections, and the printed table.
import { round, type Summary } from './stats';

export interface Row {
  section: string;
  metric: string;
  unit: string;
  /** The figure the budget is judged on (a median unless said). */
  value: number;
  spread?: string;
  budget?: number;
  /** value / budget, for budgets of the "≤" kind. */
  ratio?: number;
  pass?: boolean;
  note?: string;
}

export const rows: Row[] = [];
export function row(r: Omit<Row, 'ratio' | 'pass'>): void {
  const out: Row = { ...r, value: round(r.value, 2) };
  if (r.budget !== undefined && Number.isFinite(r.value)) {
    if (r.budget !== 0) out.ratio = round(r.value / r.budget, 2);
    out.pass = r.value <= r.budget;
  } else if (r.budget !== undefined) {
    out.pass = false;
  }
  rows.push(out);
}
export const spread = (s: Summary, digits = 1) =>
  `p25–p75 ${round(s.p25, digits)}–${round(s.p75, digits)}; min–max ${round(s.min, digits)}–${round(s.max, digits)}; n=${s.n}`;

export const results: Record<string, unknown> = {};

export function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

export function table(): string {
  const head = ['section', 'metric', 'value', 'budget', 'ratio', 'pass', 'spread / note'];
  const lines = rows.map((r) => [
    r.section,
    r.metric,
    `${r.value} ${r.unit}`,
    r.budget !== undefined ? `≤ ${r.budget} ${r.unit}` : '',
    r.ratio !== undefined ? String(r.ratio) : '',
    r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS',
    [r.spread, r.note].filter(Boolean).join(' · '),
  ]);
  const widths = head.map((h, i) => Math.min(i === 6 ? 200 : 70, Math.max(h.length, ...lines.map((l) => l[i].length))));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(fmt)].join('\n');
}
