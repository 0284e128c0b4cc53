/**
 * `npm run demo [-- --headless] [--port N] [--no-build]`
 *
 * Builds the Chrome extension, serves the demo back office (with its variant records) under its real
 * host name and opens Chromium with the extension on the order list. The extension starts with the
 * two cases of the variant order applied for twice (scripts/demo-cases.ts): a re-application after
 * a rejection, two cases on one order.
 * - With a display: a window to try things in, until Ctrl+C.
 * - Without one (CI, a server) or with --headless: walks the main path (order list → a shipped
 *   order with a discount → its panel → 申请退款), saves screenshots to demo-output/ and prints
 *   what the panel showed. Exits non-zero when the panel did not appear.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { ElementHandle, Page } from 'puppeteer';
import { SEED, startSite, type SiteServer } from '../tests/merchant-site/server';
import { waitInPanel } from '../tests/e2e/shadow';
import { sendFromPage } from '../tests/e2e/messages';
import { reapplyCases } from './demo-cases';
import { CHROME_BUILD, launchChromium, ROOT, type BrowserHandle } from './browsers';
import { ensureBrowsers } from './setup';

const { values: args } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    port: { type: 'string', default: '8080' },
    'no-build': { type: 'boolean', default: false },
    lang: { type: 'string', default: 'zh-CN' },
  },
});

const OUT_DIR = join(ROOT, 'demo-output');
const VIEWPORT = { width: 1280, height: 900 };
const PANEL = 'refund-helper >>> [data-rh="panel"]';

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = args.headless || !hasDisplay;

function step(msg: string): void {
  console.log(`\n▶ ${msg}`);
}

function fail(msg: string): never {
  console.error(`\n✖ ${msg}`);
  process.exit(1);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function main(): Promise<void> {
  step('Looking for Chromium (installs it when missing: scripts/setup.ts)');
  try {
    console.log(`  ${ensureBrowsers(['chromium']).chromium}`);
  } catch (e) {
    fail((e as Error).message);
  }
  if (!args['no-build']) {
    step('Building the Chrome extension (npx wxt build)');
    try {
      execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      fail('`npx wxt build` failed (see above).');
    }
    console.log(`  ${relative(ROOT, CHROME_BUILD)}/ ready`);
  }

  const wanted = Number(args.port);
  const port = Number.isInteger(wanted) && wanted > 0 && (await portIsFree(wanted)) ? wanted : 0;
  const site = await startSite({ port, seed: { variants: true } });
  if (port === 0) console.log(`  port ${args.port} is taken; using ${site.port}`);
  const start = `${site.origin}/zone/order/list`;

  let ext: BrowserHandle;
  try {
    ext = await launchChromium({ headless, lang: args.lang });
  } catch (e) {
    await site.close();
    fail(`Could not start Chromium with the extension: ${(e as Error).message}${headless ? '' : '\n  (no usable display? run `npm run demo -- --headless`)'}`);
  }

  try {
    await seedCases(ext);
  } catch (e) {
    await ext.close();
    await site.close();
    fail(`Could not give the extension the demo's cases: ${(e as Error).message}`);
  }

  if (!headless) await interactive(ext, site, start);
  else await walk(ext, site, start);
}

/** The re-application's two cases, imported as a merchant would import a cases file. */
async function seedCases(ext: BrowserHandle): Promise<void> {
  step(`Cases: two applications of order ${SEED.variants.orders.twoAfterSales} (rejected, then applied again)`);
  const page = await ext.openExtensionPage('cases.html');
  try {
    const r = await sendFromPage(page, 'importCases', { content: JSON.stringify(reapplyCases()) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    console.log(`  ${r.data.imported} cases imported`);
  } finally {
    await page.close();
  }
}

async function interactive(ext: BrowserHandle, site: SiteServer, start: string): Promise<void> {
  const [page] = await ext.browser.pages();
  await (page ?? (await ext.browser.newPage())).goto(start);
  console.log(`
退款助手 demo is running in a Chromium window.

  Back office: ${start}
  (served on 127.0.0.1:${site.port}; ${new URL(start).host} is mapped to it inside this browser only)

Try:
  - 订单 → 查看详情 on a 已发货 order (e.g. ${SEED.orders.shippedDiscounted}): the panel shows what it read and its advice
  - 申请退款 on that order: pick a refund type and reason in the panel, then fill the form
  - 售后 → 退款列表 / a refund's detail; the review strip plays the platform (通过/驳回/失败/退款)
  - order ${SEED.variants.orders.twoAfterSales}, applied for twice: after the refund list, the case list (toolbar icon →
    退款记录) shows two cases, the first 已关闭 (已重新申请) with ${SEED.variants.refunds.firstRejected}, the second with
    ${SEED.variants.refunds.second}
  - the toolbar icon: popup with the cases that need attention; its options page: rules

Ctrl+C to stop.`);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await ext.close();
    await site.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  ext.browser.on('disconnected', () => {
    console.log('The browser window was closed.');
    void stop(0);
  });
}

async function readPanel(page: Page): Promise<Array<[string, string]>> {
  const rows: Array<[string, string]> = [];
  // One query per selector: puppeteer's `>>>` does not combine with a selector list.
  const els = [...(await page.$$(PANEL)), ...(await page.$$('refund-helper >>> [data-rh-field]')), ...(await page.$$('refund-helper >>> [data-rh="advice"]'))];
  for (const el of els) {
    rows.push(
      await el.evaluate((el): [string, string] => {
        const rh = el.getAttribute('data-rh');
        const name = rh === 'panel' ? 'page kind' : rh === 'advice' ? 'advice' : (el.getAttribute('data-rh-field') ?? '?');
        const value = rh === 'panel' ? (el.getAttribute('data-page-kind') ?? '') : (el.getAttribute('data-value') ?? '');
        if (rh === 'panel') return [name, value];
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70);
        return [name, `${value || '(no value)'}${text && text !== value ? `  “${text}”` : ''}`];
      }),
    );
  }
  return rows;
}

function printReport(title: string, rows: Array<[string, string]>): void {
  console.log(`\n  ${title}`);
  if (!rows.length) console.log('    (nothing)');
  const w = Math.max(0, ...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`    ${k.padEnd(w)}  ${v}`);
}

async function walk(ext: BrowserHandle, site: SiteServer, start: string): Promise<void> {
  const orderId = SEED.orders.shippedDiscounted;
  const shots: string[] = [];
  const notes: string[] = [];
  mkdirSync(OUT_DIR, { recursive: true });
  const shoot = async (page: Page, name: string) => {
    const path = join(OUT_DIR, name);
    await page.screenshot({ path, fullPage: true });
    shots.push(relative(ROOT, path));
  };
  const loaded = (page: Page) =>
    page.waitForFunction(() => !!document.querySelector('#root > *') && !document.querySelector('.page-loading'), { timeout: 15_000 });

  let exitCode = 0;
  const page = await ext.browser.newPage();
  await page.setViewport(VIEWPORT);
  try {
    step(`Order list: ${start}`);
    await page.goto(start, { waitUntil: 'load' });
    await loaded(page);
    await shoot(page, '1-order-list.png');

    step(`Order detail of the shipped, discounted order ${orderId}`);
    let link = await page.$(`a[href*="id=${orderId}"]`);
    if (!link) {
      // Not on the first page of the list: search for it, as a merchant would.
      await page.goto(`${start}?q=${orderId}`, { waitUntil: 'load' });
      await loaded(page);
      link = await page.$(`a[href*="id=${orderId}"]`);
    }
    if (link)
      await link.click(); // client-side navigation, as in the real back office
    else await page.goto(`${site.origin}/zone/order/detail?id=${orderId}`, { waitUntil: 'load' });
    await page.waitForFunction((id) => location.search.includes(id), { timeout: 10_000 }, orderId);
    await loaded(page);

    try {
      await waitInPanel(page, '[data-rh="panel"]', { timeout: 15_000 });
    } catch {
      await shoot(page, '2-order-detail-no-panel.png');
      console.error(`  page: ${page.url()}`);
      exitCode = 1;
      throw new Error(
        `The panel (<refund-helper> with [data-rh="panel"]) did not appear on the order detail page within 15 s. Screenshot: demo-output/2-order-detail-no-panel.png`,
      );
    }
    // Give the panel a moment to finish reading the page.
    await new Promise((r) => setTimeout(r, 1_000));
    const detail = await readPanel(page);
    await shoot(page, '2-order-detail-panel.png');

    step('申请退款 form');
    // The page's own button (light DOM only: the panel may say 申请退款 too).
    const apply = await page.evaluateHandle(
      () => [...document.querySelectorAll('button, a')].find((el) => el.textContent?.replace(/\s/g, '') === '申请退款') ?? null,
    );
    const applyEl = apply.asElement() as ElementHandle<Element> | null;
    if (applyEl) {
      await applyEl.scrollIntoView();
      const covered = await applyEl.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top && !el.contains(top) ? top.tagName.toLowerCase() : null;
      });
      if (covered) notes.push(`the page's 申请退款 button is covered by <${covered}> at ${VIEWPORT.width}×${VIEWPORT.height}; clicked it through the DOM`);
      await applyEl.evaluate((el) => (el as HTMLElement).click());
    } else await page.goto(`${site.origin}/zone/refund/apply?orderId=${orderId}`, { waitUntil: 'load' });
    await page.waitForFunction(() => location.pathname.includes('/zone/refund/apply'), { timeout: 10_000 });
    await loaded(page);
    await waitInPanel(page, '[data-rh="panel"][data-page-kind="refund-form"]', { timeout: 5_000 }).catch(() => {
      notes.push('no panel of kind refund-form appeared on the 申请退款 form within 5 s');
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const form = await readPanel(page);
    await shoot(page, '3-refund-form.png');

    // One click fills the page's form: choose the reason the guide's example uses, then fill.
    const reason = await page.waitForSelector('pierce/[data-rh="reason"]', { timeout: 5_000 }).catch(() => null);
    if (reason) {
      await reason.select('quality');
      await page
        .waitForFunction(() => !!document.querySelector('refund-helper')?.shadowRoot?.querySelector('textarea')?.value.trim(), { timeout: 5_000, polling: 100 })
        .catch(() => notes.push('the panel showed no remark for 质量问题'));
      await (await page.waitForSelector('pierce/[data-rh="fill-form"]'))?.click();
      const filled = await page
        .waitForFunction(() => !!(document.querySelector('#refundForm textarea') as HTMLTextAreaElement | null)?.value.trim(), {
          timeout: 5_000,
          polling: 100,
        })
        .then(
          () => true,
          () => false,
        );
      if (!filled) notes.push("一键填入 did not fill the page's 备注说明 within 5 s");
      await new Promise((r) => setTimeout(r, 500));
      await shoot(page, '4-refund-form-filled.png');
    } else notes.push('the panel showed no reason control on the 申请退款 form');

    const twice = await twoApplications(ext, site, page, shoot).catch((e: Error) => {
      notes.push(`the re-application: ${e.message}`);
      return [] as Array<[string, string]>;
    });

    console.log(`\n退款助手 demo report (Chromium ${await ext.browser.version()}, headless)`);
    printReport(`Order detail ${orderId}: the panel showed`, detail);
    printReport('申请退款 form: the panel showed', form);
    printReport(`Order ${SEED.variants.orders.twoAfterSales}, applied for twice: the case list shows`, twice);
    for (const n of notes) console.log(`\n  ⚠ ${n}`);
  } catch (e) {
    exitCode ||= 1;
    console.error(`\n✖ ${(e as Error).message}`);
  } finally {
    console.log(`\n  Screenshots (${VIEWPORT.width}×${VIEWPORT.height}, full page):`);
    for (const s of shots) console.log(`    ${s}`);
    await ext.close();
    await site.close();
  }
  process.exit(exitCode);
}

/**
 * The re-application: the refund list read (each row moves its own case), then the case list's
 * rows of the order applied for twice, as [after-sale number, status].
 */
async function twoApplications(
  ext: BrowserHandle,
  site: SiteServer,
  page: Page,
  shoot: (p: Page, name: string) => Promise<void>,
): Promise<Array<[string, string]>> {
  const order = SEED.variants.orders.twoAfterSales;
  step(`Refund list, then the case list: order ${order}, applied for twice`);
  await page.goto(`${site.origin}/zone/refund/list`, { waitUntil: 'load' });
  await waitInPanel(page, '[data-rh="panel"][data-page-kind="refund-list"]', { timeout: 15_000 });
  await shoot(page, '5-refund-list.png');
  const cases = await ext.openExtensionPage('cases.html', { waitFor: '[data-rh="shown-count"]' });
  try {
    // Numbered once the refund list was read: the second application gets its own number.
    await cases.waitForFunction(
      (o: string) =>
        [...document.querySelectorAll(`[data-rh="case-table"] tbody tr[data-rh-case="${o}"]`)].filter((tr) => tr.getAttribute('data-after-sale')).length === 2,
      { timeout: 15_000, polling: 200 },
      order,
    );
    await shoot(cases, '6-case-list-two-applications.png');
    return await cases.$$eval(`[data-rh="case-table"] tbody tr[data-rh-case="${order}"]`, (trs) =>
      trs.map((tr): [string, string] => [tr.getAttribute('data-after-sale') || '(no number)', tr.getAttribute('data-status') ?? '']),
    );
  } finally {
    await cases.close();
  }
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
