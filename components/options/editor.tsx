/*
 * The rule editor's plumbing: the draft rule set, immutable updates by path, and the problems
 * parseRuleSet found, matched to the field that shows them. Field components read all of that
 * from one context so the sections stay declarative.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { tr, type Locale, type LocalText } from '../../lib/i18n';
import type { RuleProblem, RuleSet } from '../../lib/rules/schema';
import { OPT, type OptKey } from './i18n';

export type PathKey = string | number;
export type Path = readonly PathKey[];

/** `['reasons', 3, 'label', 'zh-CN']` → `reasons[3].label.zh-CN` (parseRuleSet's notation). */
export function pathString(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out === '' ? '(root)' : out;
}

export function getIn(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[key];
  }
  return v;
}

/** A copy of `root` with the value at `path` replaced; only the objects along the path are copied. */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base = (root ?? (typeof key === 'number' ? [] : {})) as Record<PathKey, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<PathKey, unknown>;
  const next = setIn(base[key], rest, value);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy as T;
}

/** Problems at `path` or below it. */
export function problemsUnder(problems: readonly RuleProblem[], path: string): RuleProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** What is wrong without where (the field it shows at already says where). */
export function bareMessage(p: RuleProblem, locale: Locale): string {
  return tr(p.detail ?? p.message, locale);
}

export function fieldId(path: Path): string {
  return `f-${pathString(path).replace(/[^\w-]+/g, '_')}`;
}

export interface Editor {
  rules: RuleSet;
  locale: Locale;
  problems: readonly RuleProblem[];
  t(key: OptKey, vars?: Record<string, string | number>): string;
  l(text: LocalText): string;
  set(path: Path, value: unknown): void;
  update(fn: (draft: RuleSet) => RuleSet): void;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const ed = useContext(EditorContext);
  if (!ed) throw new Error('useEditor outside <EditorContext.Provider>');
  return ed;
}

export function makeT(locale: Locale) {
  return (key: OptKey, vars?: Record<string, string | number>) => tr(OPT[key], locale, vars);
}

// ---------------------------------------------------------------------------------------------
// Fields

interface FieldShellProps {
  path: Path;
  label: string;
  hint?: string;
  children: ComponentChildren;
  /** Checkbox groups and the like label themselves with a fieldset legend. */
  group?: boolean;
  class?: string;
}

export function FieldShell({ path, label, hint, children, group, class: cls }: FieldShellProps) {
  const ed = useEditor();
  const ps = pathString(path);
  const problems = problemsUnder(ed.problems, ps);
  const id = fieldId(path);
  const className = `rh-field${problems.length ? ' has-error' : ''}${cls ? ` ${cls}` : ''}`;
  const errs =
    problems.length > 0 ? (
      <ul class="rh-field-errors" id={`${id}-err`}>
        {problems.map((p) => (
          <li key={p.path + p.message.en} data-rh="field-error" data-path={p.path}>
            {bareMessage(p, ed.locale)}
          </li>
        ))}
      </ul>
    ) : null;
  if (group) {
    return (
      <fieldset class={className} data-path={ps} id={id} tabIndex={-1}>
        <legend>{label}</legend>
        {children}
        {hint && <small class="rh-hint">{hint}</small>}
        {errs}
      </fieldset>
    );
  }
  return (
    <div class={className} data-path={ps}>
      <label for={id}>{label}</label>
      {children}
      {hint && <small class="rh-hint">{hint}</small>}
      {errs}
    </div>
  );
}

function invalidProps(ed: Editor, path: Path) {
  const bad = problemsUnder(ed.problems, pathString(path)).length > 0;
  return bad ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(path)}-err` } : {};
}

const valueOf = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

export function TextField(props: { path: Path; label: string; hint?: string; multiline?: boolean; placeholder?: string; mono?: boolean }) {
  const ed = useEditor();
  const v = getIn(ed.rules, props.path);
  const common = {
    id: fieldId(props.path),
    value: typeof v === 'string' ? v : v === undefined ? '' : String(v),
    placeholder: props.placeholder,
    class: props.mono ? 'mono' : undefined,
    onInput: (e: Event) => ed.set(props.path, valueOf(e)),
    ...invalidProps(ed, props.path),
  };
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      {props.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </FieldShell>
  );
}

/** A number; what is not a number is kept as typed so the validator names the problem. */
export function NumberField(props: { path: Path; label: string; hint?: string; unit?: string }) {
  const ed = useEditor();
  const v = getIn(ed.rules, props.path);
  const shown = v === undefined ? '' : String(v);
  // Local text, so partial input ("0.", "1e") is not rewritten while typing.
  const [text, setText] = useState(shown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the value re-syncs the text; typing (text) must not
  useEffect(() => {
    if (toNumberOrText(text) !== v) setText(shown);
  }, [shown]);
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      <span class="rh-with-unit">
        <input
          type="text"
          inputMode="decimal"
          id={fieldId(props.path)}
          value={text}
          onInput={(e) => {
            const raw = valueOf(e);
            setText(raw);
            ed.set(props.path, toNumberOrText(raw));
          }}
          {...invalidProps(ed, props.path)}
        />
        {props.unit && <span class="rh-unit">{props.unit}</span>}
      </span>
    </FieldShell>
  );
}

function toNumberOrText(raw: string): number | string {
  const s = raw.trim();
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : raw;
}

export function SelectField<V extends string>(props: { path: Path; label: string; hint?: string; options: ReadonlyArray<readonly [V, string]> }) {
  const ed = useEditor();
  const v = getIn(ed.rules, props.path);
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      <select id={fieldId(props.path)} value={String(v ?? '')} onChange={(e) => ed.set(props.path, valueOf(e))} {...invalidProps(ed, props.path)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A set of values as chips with checkboxes; the stored list keeps the options' order. */
export function ChecksField<V extends string>(props: {
  path: Path;
  label: string;
  hint?: string;
  options: ReadonlyArray<readonly [V, string]>;
  /** An empty list is stored as absent (optional lists that mean "any"). */
  emptyAsAbsent?: boolean;
}) {
  const ed = useEditor();
  const raw = getIn(ed.rules, props.path);
  const list = Array.isArray(raw) ? (raw as string[]) : [];
  const toggle = (value: V, on: boolean) => {
    const next = props.options.map(([o]) => o).filter((o) => (o === value ? on : list.includes(o)));
    // Values the options do not know (from an imported file) are kept, for the validator to name.
    const unknown = list.filter((x) => !props.options.some(([o]) => o === x));
    const all = [...next, ...unknown];
    ed.set(props.path, all.length === 0 && props.emptyAsAbsent ? undefined : all);
  };
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint} group>
      <div class="rh-chips">
        {props.options.map(([value, label]) => (
          <label key={value} class={`rh-chip-check${list.includes(value) ? ' on' : ''}`}>
            <input
              type="checkbox"
              value={value}
              checked={list.includes(value)}
              onChange={(e) => toggle(value, (e.currentTarget as HTMLInputElement).checked)}
            />
            {label}
          </label>
        ))}
      </div>
    </FieldShell>
  );
}

export function ToggleField(props: { path: Path; label: string; hint?: string }) {
  const ed = useEditor();
  const on = getIn(ed.rules, props.path) === true;
  const id = fieldId(props.path);
  return (
    <div class="rh-toggle-row" data-path={pathString(props.path)}>
      <label class="rh-switch" for={id}>
        <input
          type="checkbox"
          role="switch"
          aria-checked={on}
          id={id}
          checked={on}
          onChange={(e) => ed.set(props.path, (e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="rh-switch-track" aria-hidden="true" />
        <span>{props.label}</span>
      </label>
      {props.hint && <small class="rh-hint">{props.hint}</small>}
    </div>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A list of texts edited as one comma-separated line; keeps what is typed (e.g. a trailing comma). */
export function ListField(props: { path: Path; label: string; hint?: string }) {
  const ed = useEditor();
  const raw = getIn(ed.rules, props.path);
  const list = Array.isArray(raw) ? raw.map(String) : [];
  const joined = list.join(ed.locale === 'en' ? ', ' : '，');
  const [text, setText] = useState(joined);
  // Follow outside changes (import, reset, discard) without fighting the typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the list re-syncs the text; typing (text) must not
  useEffect(() => {
    if (splitList(text).join('\u0000') !== list.join('\u0000')) setText(joined);
  }, [joined]);
  return (
    <FieldShell path={props.path} label={props.label} hint={props.hint}>
      <input
        type="text"
        id={fieldId(props.path)}
        value={text}
        onInput={(e) => {
          const v = valueOf(e);
          setText(v);
          ed.set(props.path, splitList(v));
        }}
        {...invalidProps(ed, props.path)}
      />
    </FieldShell>
  );
}

/** A text in both languages, side by side. */
export function LocalTextField(props: { path: Path; label: string; hint?: string; multiline?: boolean }) {
  const ed = useEditor();
  return (
    <div class="rh-pair">
      <TextField path={[...props.path, 'zh-CN']} label={`${props.label} · ${ed.t('zh')}`} multiline={props.multiline} hint={props.hint} />
      <TextField path={[...props.path, 'en']} label={`${props.label} · ${ed.t('en')}`} multiline={props.multiline} />
    </div>
  );
}

export function options<K extends string>(keys: readonly K[], labels: Record<K, LocalText>, locale: Locale): Array<readonly [K, string]> {
  return keys.map((k) => [k, tr(labels[k], locale)] as const);
}
