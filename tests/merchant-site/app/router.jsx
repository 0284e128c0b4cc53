// Client-side routing, as the real back office does it: one shell for every page, links and
// history.pushState, no reloads. A tiny router of our own (no react-router): the pages need
// only the current URL, navigate() and a way to reload their data.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

const RouteContext = createContext(null);

export function useRoute() {
  return useContext(RouteContext);
}

export function RouterProvider({ children, onNavigate }) {
  const [href, setHref] = useState(() => location.href);
  const [reloads, setReloads] = useState(0);
  const [reviewTarget, setReviewTarget] = useState(null);

  const navigate = useCallback(
    (to, { replace = false } = {}) => {
      const url = new URL(to, location.href);
      if (replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      window.scrollTo(0, 0);
      setHref(url.href);
      onNavigate?.();
    },
    [onNavigate],
  );

  useEffect(() => {
    const onPop = () => setHref(location.href);
    const onClick = (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!a || a.target || a.hasAttribute('download')) return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || !url.pathname.startsWith('/zone/')) return;
      e.preventDefault();
      navigate(url.href);
    };
    window.addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, [navigate]);

  // A new page has no review target until it shows one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new page (href), which the reset itself does not read
  useEffect(() => setReviewTarget(null), [href]);

  const url = new URL(href);
  const value = {
    url,
    path: url.pathname.replace(/\/+$/, '') || '/',
    params: url.searchParams,
    navigate,
    /** Reload the current page's data (remount). */
    refresh: () => setReloads((n) => n + 1),
    reloads,
    reviewTarget,
    setReviewTarget,
  };
  return <RouteContext.Provider value={value}>{children}</RouteContext.Provider>;
}

/**
 * Loads a page's data: `{ data, error, loading, reload }`. `key` changes (a new query) reload in
 * place: the old data stays shown (tables show their own spinner) until the new data is there.
 */
export function useLoad(load, key) {
  const { reloads } = useRoute();
  const [state, setState] = useState({ data: undefined, error: undefined, loading: true });
  const seq = useRef(0);
  const [again, setAgain] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a new closure each render; `key` names what it loads, `reloads` and `again` ask again
  useEffect(() => {
    const id = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => id === seq.current && setState({ data, error: undefined, loading: false }),
      (error) => {
        if (id !== seq.current) return;
        console.error(error);
        setState({ data: undefined, error, loading: false });
      },
    );
  }, [key, reloads, again]);
  return { ...state, reload: () => setAgain((n) => n + 1) };
}

/** The current URL with some query parameters changed (empty values removed). */
export function withQuery(url, changes) {
  const next = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.searchParams.delete(k);
    else next.searchParams.set(k, String(v));
  }
  return next.pathname + next.search;
}

/** A positive integer from the query, or the fallback. */
export function intParam(params, name, fallback) {
  const n = Number(params.get(name));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
