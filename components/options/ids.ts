/*
 * Reason and evidence ids are the rules' internal keys (cases store the reason's id): the merchant
 * never sees or types one. A new item gets its id from its English label when first saved; a
 * saved item, or one from an imported rules file, keeps the id it has.
 */
import { SLUG_RE, type RuleSet } from '../../lib/rules/schema';

const MAX_ID = 64;

/** "Quality problem" → `quality-problem`; a label with no Latin letters or digits → `fallback`. */
export function slugFromLabel(label: string | undefined, fallback: string): string {
  const slug = (label ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_ID - 4)
    .replace(/^-+|-+$/g, '');
  return SLUG_RE.test(slug) ? slug : fallback;
}

/** `base`, else `base-2`, `base-3`, … : the first not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

type Item = { id: string; label?: { en?: string } };

function assign<T extends Item>(list: readonly T[], keep: ReadonlySet<string>, fallback: string): T[] {
  const kept = new Set(list.filter((x) => keep.has(x.id)).map((x) => x.id));
  const taken = new Set(kept);
  return list.map((x) => {
    if (kept.has(x.id)) return x;
    const id = uniqueId(slugFromLabel(x.label?.en, fallback), taken);
    taken.add(id);
    return id === x.id ? x : { ...x, id };
  });
}

/**
 * The draft with an id from its label for every reason and evidence rule that the saved rules do
 * not have (added since the last save); every other id is kept as it is.
 */
export function withGeneratedIds(draft: RuleSet, saved: RuleSet): RuleSet {
  const reasons = assign(draft.reasons ?? [], new Set(saved.reasons.map((r) => r.id)), 'reason');
  const evidence = assign(draft.evidence ?? [], new Set(saved.evidence.map((e) => e.id)), 'evidence');
  return { ...draft, reasons, evidence };
}
