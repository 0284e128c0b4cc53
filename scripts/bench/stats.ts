// Order statistics for benchmark samples: medians and spreads, never means (a 2-core shared
// machine has long tails; one stall would move a mean but not a median).
export interface Summary {
  n: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
}

/** Linear interpolation between closest ranks (the "R-7" / numpy default). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: number[]): Summary {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    n: s.length,
    median: quantile(s, 0.5),
    p25: quantile(s, 0.25),
    p75: quantile(s, 0.75),
    min: s.length ? s[0] : NaN,
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** Paired differences (with − without), for A/B runs that were interleaved pair by pair. */
export function pairedDeltas(withExt: number[], without: number[]): number[] {
  const n = Math.min(withExt.length, without.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(withExt[i] - without[i]);
  return out;
}

export function round(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
