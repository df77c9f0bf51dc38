/**
 * Browser benchmark: Chromium against the local host seeded with 5,000 objectives and 20,000
 * updates (generateLargeData), on the workbench page built minified (production React, as
 * shipped). Prints, per web part, the requests on first load (from the host's request log),
 * the time to first render (navigation start to the first data row on screen) and, for the
 * objectives tracker, the time to an interactive filter (typing in the search box until the
 * list shows the match). Targets: ≤ 2 data requests, first render ≤ 1.5 s (Microsoft's page
 * diagnostics flag a web part over 2 s). It prints figures and asserts nothing.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startLocalHost } from '../local/host/server';
import { generateLargeData } from '../local/sample-data/generate';

/** Targets of issue 8. */
export const BROWSER_TARGETS = { firstRenderMs: 1500, diagnosticsFlagMs: 2000, dataRequests: 2 } as const;

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One web part's figures. */
export interface BrowserFigure {
  webPart: string;
  /** Method and path of each SharePoint REST request of the first load. */
  dataPaths: string[];
  requests: number;
  dataRequests: number;
  firstRenderMs: number;
  /** From the page requesting the web part's code to its first render (the web part's own time, as page diagnostics count it). */
  webPartMs?: number;
  filterMs?: number;
}

/**
 * Loads a package or script outside the esbuild bundle the bench runs as: playwright-core
 * (which resolves its own files at run time) and the ES module build script.
 */
function rootRequire(root: string): NodeRequire {
  return createRequire(path.join(root, 'package.json'));
}

async function buildPage(root: string): Promise<string> {
  // A computed specifier keeps esbuild from bundling the .mjs (it reads import.meta.url).
  const script = pathToFileURL(path.join(root, 'local', 'scripts', 'build-workbench.mjs')).href;
  const { buildWorkbench } = (await import(script)) as {
    buildWorkbench(o: { root: string; outDir: string; minify: boolean; sourcemap: boolean }): Promise<{ outDir: string }>;
  };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-bench-browser-'));
  await buildWorkbench({ root, outDir, minify: true, sourcemap: false });
  return outDir;
}

/**
 * Records, in the page, when the web part first shows its data (ms since navigation start):
 * its heading is there, its spinner is gone and some content (a row, a region or a list item) is shown.
 */
const FIRST_RENDER_PROBE = `
  (() => {
    const check = () => {
      if (window.__ssmFirstRender !== undefined) return;
      const part = document.querySelector('[data-webpart]');
      if (!part || !part.querySelector('h2') || part.querySelector('.ms-Spinner')) return;
      if (part.querySelector('[role="row"], .ms-DetailsRow, tbody tr, section[aria-label], li')) window.__ssmFirstRender = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();
`;

async function measureWebPart(
  browser: Browser,
  baseUrl: string,
  host: { resetRequestLog(): void; requestLog(): { method: string; path: string }[] },
  webPart: string,
  visits = 1
): Promise<BrowserFigure> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') await route.continue();
      else await route.abort('blockedbyclient');
    });
    await context.addInitScript({ content: FIRST_RENDER_PROBE });
    const page = await context.newPage();
    // Earlier visits in the same browser profile leave what a returning user has (cache, the lists' lengths).
    for (let visit = 1; visit < visits; visit++) {
      await page.goto(`${baseUrl}/?webpart=${webPart}`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __ssmFirstRender?: number }).__ssmFirstRender !== undefined, undefined, { timeout: 60_000 });
      await page.waitForLoadState('networkidle');
    }
    host.resetRequestLog();
    await page.goto(`${baseUrl}/?webpart=${webPart}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __ssmFirstRender?: number }).__ssmFirstRender !== undefined, undefined, { timeout: 60_000 });
    const firstRenderMs = await page.evaluate(() => (window as unknown as { __ssmFirstRender: number }).__ssmFirstRender);
    // The workbench marks when it starts loading the web parts' code (local/workbench/webparts.tsx).
    const webPartsStart = await page.evaluate(() => performance.getEntriesByName('ssm-webparts-start')[0]?.startTime);
    // Let anything the first render triggers (paging, permission checks) finish before counting.
    await page.waitForLoadState('networkidle');
    const log = host.requestLog().filter((r) => !/favicon\.ico$/.test(r.path));
    const data = log.filter((r) => /\/_api\//i.test(r.path));
    const figure: BrowserFigure = {
      webPart: visits > 1 ? `${webPart} (again)` : webPart,
      requests: log.length,
      dataRequests: data.length,
      dataPaths: data.map((r) => `${r.method} ${decodeURIComponent(r.path.replace(/^.*\/_api\//i, '_api/')).slice(0, 90)}`),
      firstRenderMs,
      webPartMs: webPartsStart === undefined ? undefined : firstRenderMs - webPartsStart
    };
    if (webPart === 'objectivesTracker') figure.filterMs = await measureFilter(page);
    return figure;
  } finally {
    await context.close();
  }
}

/**
 * Types a search in the objectives search box and waits until the list shows only matches.
 * Returns undefined when the web part has no search box.
 */
async function measureFilter(page: Page): Promise<number | undefined> {
  const box = page.getByRole('searchbox', { name: /search objectives/i }).or(page.getByRole('textbox', { name: /search objectives/i })).first();
  if ((await box.count()) === 0) return undefined;
  // A title the generator is sure to produce, typed as a user would.
  const needle = 'Procure';
  await box.focus();
  const started = Date.now();
  await box.pressSequentially(needle);
  await page.waitForFunction(
    (n) => {
      const rows = Array.from(document.querySelectorAll('[data-webpart] .ms-DetailsRow'));
      return rows.length > 0 && rows.every((r) => (r.textContent ?? '').toLowerCase().includes(n.toLowerCase()));
    },
    needle,
    { timeout: 60_000 }
  );
  return Date.now() - started;
}

/** Runs the benchmark and prints the figures against the targets. */
export async function runBrowserBenchmark(root = process.cwd()): Promise<BrowserFigure[]> {
  console.log('\nBrowser: 5,000 objectives / 20,000 updates in Chromium (workbench page, minified)');
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.log(`  ${CHROMIUM_PATH} is missing: run \`node local/scripts/ensure-chromium.mjs\` (as root) first.`);
    return [];
  }
  const { chromium } = rootRequire(root)('playwright-core') as typeof import('playwright-core');
  const staticDir = await buildPage(root);
  const seed = generateLargeData({ objectives: 5000, updatesPerObjective: 4 });
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed, staticDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const figures: BrowserFigure[] = [];
  try {
    console.log(`  seeded ${seed.objectives.length} objectives and ${seed.objectiveUpdates.length} updates`);
    // Warm-up load so one-off costs (font files, JIT) do not land on the first web part measured.
    await measureWebPart(browser, host.url, host, 'objectivesTracker');
    for (const webPart of ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport']) {
      figures.push(await measureWebPart(browser, host.url, host, webPart));
    }
    // A returning user: the highlight report remembers how long its lists are (idHints.ts).
    figures.push(await measureWebPart(browser, host.url, host, 'highlightReport', 2));
  } finally {
    await browser.close();
    await host.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER');
  console.log(`  ${'web part'.padEnd(24)} ${'requests'.padStart(8)} ${'data'.padStart(6)} ${'first render'.padStart(13)} ${'web part'.padStart(9)} ${'filter'.padStart(9)}`);
  for (const f of figures) {
    console.log(
      `  ${f.webPart.padEnd(24)} ${String(f.requests).padStart(8)} ${String(f.dataRequests).padStart(6)} ${`${Math.round(f.firstRenderMs)} ms`.padStart(13)} ${(f.webPartMs === undefined ? '–' : `${Math.round(f.webPartMs)} ms`).padStart(9)} ${(f.filterMs === undefined ? '–' : `${f.filterMs} ms`).padStart(9)}` +
        `   data requests ${verdict(f.dataRequests <= BROWSER_TARGETS.dataRequests)} (≤ ${BROWSER_TARGETS.dataRequests}),` +
        ` first render ${verdict(f.firstRenderMs <= BROWSER_TARGETS.firstRenderMs)} (≤ ${BROWSER_TARGETS.firstRenderMs} ms)` +
        ((f.webPartMs ?? f.firstRenderMs) > BROWSER_TARGETS.diagnosticsFlagMs ? ', web part flagged by page diagnostics (> 2 s)' : '')
    );
  }
  for (const f of figures) if (f.dataRequests > BROWSER_TARGETS.dataRequests) console.log(`  ${f.webPart} data requests:\n${f.dataPaths.map((p) => `    ${p}`).join('\n')}`);
  console.log('  requests = every request of the page (HTML, script, styles, fonts, data); data = SharePoint REST requests (_api).');
  console.log('  first render = from navigation start (the whole workbench page loading); web part = from the page requesting the');
  console.log("  web part's code to its first render, what SharePoint's page diagnostics time for each web part (flagged over 2 s).");
  console.log('  (again) = the same web part opened a second time in the same browser, as a returning user.');
  return figures;
}
