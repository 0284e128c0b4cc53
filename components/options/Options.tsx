/*
 * The options page: the rule set, edited as a draft. Every edit is validated with parseRuleSet;
 * problems show at their field and in the save bar, and Save stays refused until there are none.
 * A saved rule set goes to the background (which validates it again and stores it); open panels
 * pick it up from storage at once.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { tr, type Locale, type LocalText } from '../../lib/i18n';
import { parseRuleSet, type RuleProblem, type RuleSet } from '../../lib/rules/schema';
import { errorText, type OptionsClient } from './client';
import { EditorContext, fieldId, makeT, setIn, type Editor, type Path } from './editor';
import { withGeneratedIds } from './ids';
import type { OptKey } from './i18n';
import { DataSection } from './sections/Data';
import { EvidenceSection } from './sections/Evidence';
import { ReasonsSection } from './sections/Reasons';
import { ExpressSection, NotificationsSection, ShippingSection, SitesSection, TimingSection } from './sections/Settings';

export const SECTIONS: ReadonlyArray<readonly [id: string, title: OptKey]> = [
  ['reasons', 'secReasons'],
  ['evidence', 'secEvidence'],
  ['shipping', 'secShipping'],
  ['timing', 'secTiming'],
  ['express', 'secExpress'],
  ['notifications', 'secNotifications'],
  ['data', 'secData'],
  ['sites', 'secSites'],
];

export interface OptionsProps {
  client: OptionsClient;
  locale: Locale;
  now?: () => number;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: LocalText };

function validate(rules: unknown): RuleProblem[] {
  const r = parseRuleSet(rules);
  return r.ok ? [] : r.problems;
}

/** The field a problem belongs to, or the closest enclosing one that exists on the page. */
function focusProblem(p: RuleProblem) {
  const parts = p.path.match(/[^.[\]]+/g) ?? [];
  for (let n = parts.length; n > 0; n--) {
    const path: Path = parts.slice(0, n).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    const el = document.getElementById(fieldId(path));
    if (el) {
      el.scrollIntoView?.({ block: 'center' });
      el.focus();
      return;
    }
  }
}

export function Options({ client, locale, now = Date.now }: OptionsProps) {
  const t = useMemo(() => makeT(locale), [locale]);
  const [saved, setSaved] = useState<RuleSet | null>(null);
  const [draft, setDraft] = useState<RuleSet | null>(null);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [loadError, setLoadError] = useState<LocalText | null>(null);
  const [warning, setWarning] = useState<LocalText | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [active, setActive] = useState('reasons');

  const replaceAll = useCallback((rules: RuleSet) => {
    setSaved(rules);
    setDraft(rules);
    setProblems([]);
    setSave({ kind: 'idle' });
  }, []);

  const load = useCallback(async () => {
    try {
      const { rules, warning } = await client.getRules();
      replaceAll(rules);
      setWarning(warning ?? null);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [client, replaceAll]);

  useEffect(() => {
    void load();
  }, [load]);

  const edit = useCallback((next: RuleSet) => {
    setDraft(next);
    setProblems(validate(next));
    setSave({ kind: 'idle' });
  }, []);

  const dirty = !!draft && !!saved && JSON.stringify(draft) !== JSON.stringify(saved);

  const doSave = useCallback(async () => {
    if (!draft || !saved) return;
    const next = withGeneratedIds(draft, saved);
    const found = validate(next);
    setProblems(found);
    if (found.length > 0) return;
    setSave({ kind: 'saving' });
    try {
      const res = await client.setRules(next);
      if (res.ok) {
        replaceAll(res.data.rules);
        setWarning(null);
        setSave({ kind: 'saved' });
      } else {
        if (res.problems?.length) setProblems(res.problems);
        setSave({ kind: 'error', text: res.error });
      }
    } catch (e) {
      setSave({ kind: 'error', text: errorText(e) });
    }
  }, [client, draft, saved, replaceAll]);

  // Ctrl/⌘+S saves; leaving with unsaved changes asks first.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (dirty) void doSave();
      }
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, [dirty, doSave]);

  const editor: Editor | null = useMemo(
    () =>
      draft && {
        rules: draft,
        locale,
        problems,
        t,
        l: (text: LocalText) => tr(text, locale),
        set: (path, value) => edit(setIn(draft, path, value)),
        update: (fn) => edit(fn(draft)),
      },
    [draft, locale, problems, t, edit],
  );

  if (!editor || !saved) {
    return (
      <div class="rh-options" data-rh="options" lang={locale}>
        {loadError ? (
          <p class="rh-banner bad" role="alert" data-rh="options-error">
            {tr(loadError, locale)}
          </p>
        ) : (
          <p class="rh-muted">{t('loading')}</p>
        )}
      </div>
    );
  }

  return (
    <EditorContext.Provider value={editor}>
      <div class="rh-options" data-rh="options" lang={locale}>
        <nav class="rh-nav" aria-label={t('navLabel')}>
          <div class="rh-brand">{t('title')}</div>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={active === id ? 'true' : undefined} onClick={() => setActive(id)} data-rh-nav={id}>
                  {t(key)}
                </a>
              </li>
            ))}
          </ul>
          <a class="rh-nav-cases" href="/cases.html" target="_blank" rel="noopener" data-rh="open-cases">
            {t('allCases')}
          </a>
        </nav>
        <main class="rh-main">
          {warning && (
            <p class="rh-banner warn" role="alert" data-rh="rules-warning">
              <b>{t('warning')}：</b>
              {tr(warning, locale)}
            </p>
          )}
          <ReasonsSection />
          <EvidenceSection />
          <ShippingSection />
          <TimingSection />
          <ExpressSection />
          <NotificationsSection />
          <DataSection client={client} saved={saved} onRulesReplaced={replaceAll} onReload={load} now={now} />
          <SitesSection />
        </main>
        {(dirty || problems.length > 0 || save.kind !== 'idle') && (
          <section class={`rh-savebar${problems.length ? ' bad' : ''}`} data-rh="savebar" aria-label={t('save')}>
            <div class="rh-savebar-msg">
              {problems.length > 0 ? (
                <details open>
                  <summary>{t('invalid', { n: problems.length })}</summary>
                  <ul data-rh="rules-problems">
                    {problems.map((p) => (
                      // One problem per path (parseRuleSet keeps the first of each).
                      <li key={p.path} data-path={p.path}>
                        <button type="button" class="rh-link" onClick={() => focusProblem(p)}>
                          {tr(p.message, locale)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              ) : save.kind === 'saved' ? (
                <span data-rh="rules-saved" role="status">
                  ✓ {t('saved')}
                </span>
              ) : save.kind === 'error' ? (
                <span role="alert" data-rh="save-error">
                  {t('failed')}
                  {tr(save.text, locale)}
                </span>
              ) : (
                <span>{t('unsaved')}</span>
              )}
            </div>
            <div class="rh-savebar-actions">
              {dirty && (
                <button type="button" class="rh-btn-ghost" data-rh="rules-discard" onClick={() => replaceAll(saved)}>
                  {t('discard')}
                </button>
              )}
              <button
                type="button"
                class="rh-btn primary"
                data-rh="rules-save"
                disabled={!dirty || problems.length > 0 || save.kind === 'saving'}
                onClick={() => void doSave()}
              >
                {save.kind === 'saving' ? t('saving') : t('save')}
              </button>
            </div>
          </section>
        )}
      </div>
    </EditorContext.Provider>
  );
}
