// Client-side routing: one shell for every page; links and history.pushState, no reloads.
// A page module exports { title, menu, load(ctx), view(data, ctx) } and optionally
// `reloadInPlace: true` (same path, new query: keep the page and show the table's own spinner).
import { replace } from './dom.js';
import { button, result, spin } from './ui/basic.js';
import { setTableLoading } from './ui/table.js';

/**
 * createRouter({ routes: [{ path, page }], fallback, layout, strip, stripOn(path) })
 */
export function createRouter({ routes, fallback, layout, strip, stripOn }) {
  let seq = 0;
  let current = null; // { page, path }
  let leaveFns = [];

  function match(pathname) {
    const clean = pathname.replace(/\/+$/, '') || '/';
    return routes.find((r) => r.path === clean)?.page ?? fallback;
  }

  function navigate(href, { replace: replaceState = false } = {}) {
    const url = new URL(href, location.href);
    if (replaceState) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void render({ scroll: true });
  }

  async function render({ scroll = false, remount = false } = {}) {
    const id = ++seq;
    const url = new URL(location.href);
    const page = match(url.pathname);
    const inPlace = !remount && page.reloadInPlace && current?.page === page && current.path === url.pathname;
    if (!inPlace) {
      for (const fn of leaveFns) fn();
      leaveFns = [];
    }
    current = { page, path: url.pathname };
    const root = layout.content;
    const ctx = {
      url,
      params: url.searchParams,
      root,
      isCurrent: () => id === seq,
      navigate,
      refresh: () => render({ remount: true }),
      onLeave: (fn) => leaveFns.push(fn),
      setReviewTarget: (t) => strip.setTarget(t),
    };
    layout.setMenu(page.menu);
    document.title = `${page.title} - 快手小店商家后台`;
    strip.show(stripOn(url.pathname));
    strip.setTarget(null);
    if (scroll) window.scrollTo(0, 0);

    const table = inPlace ? root.querySelector('.ant-table-wrapper') : null;
    if (table) setTableLoading(table, true);
    else replace(root, loadingView());
    try {
      const data = await page.load(ctx);
      if (!ctx.isCurrent()) return;
      replace(root, page.view(data, ctx));
    } catch (err) {
      if (!ctx.isCurrent()) return;
      console.error(err);
      const notFound = err && err.status === 404;
      replace(
        root,
        result({
          status: notFound ? 'warning' : 'error',
          title: notFound ? '数据不存在' : '加载失败',
          subTitle: err?.message ?? String(err),
          extra: button({ text: '重新加载', type: 'primary', onClick: () => render({ remount: true }) }),
        }),
      );
    }
  }

  function loadingView() {
    const box = document.createElement('div');
    box.className = 'page-loading';
    box.appendChild(spin({ size: 'large', tip: '加载中...' }));
    return box;
  }

  function start() {
    window.addEventListener('popstate', () => void render());
    document.addEventListener('click', (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!a || a.target || a.hasAttribute('download')) return;
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin || !url.pathname.startsWith('/zone/')) return;
      e.preventDefault();
      navigate(url.href);
    });
    void render();
  }

  return { start, navigate, refresh: () => render({ remount: true }) };
}
