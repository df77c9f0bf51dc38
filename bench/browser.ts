/**
 * Browser benchmark: Chromium against the local host seeded with 5,000 objectives and 20,000
 * updates (generateLargeData), on the workbench page built minified (production React, as
 * shipped). Each web part is measured twice, on loopback and with Chromium's network emulation
 * (100 ms round trip, 20 Mbit/s down, 5 Mbit/s up, answers gzipped as SharePoint Online's are),
 * beside two baselines measured the same way:
 *
 * - floor: the REST requests the web part made, replayed with one raw `fetch` each (all at
 *   once) plus `JSON.parse`, no rendering: what no web part can beat;
 * - plain: a PnPjs web part as the usual samples write it (`for await` paging of each list it
 *   needs at 5,000 a page, then a Fluent DetailsList; bench/plain/), on the same data.
 *
 * It also measures every web part on loopback at 20,000 objectives / 80,000 updates, the Teams
 * tab's cold start of the highlight report and the save of one quarterly update with emulated
 * latency, then prints each target as met or not met. It prints figures and asserts nothing.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { LocalHost, LocalHostOptions, startLocalHost } from '../local/host/server';
import { generateLargeData } from '../local/sample-data/generate';
import { sampleData } from '../local/sample-data';
import type { Person } from '../src/domain/types';
import { SCHEMA, ListKey } from '../src/data/schema';
import { startGzipProxy } from './gzipProxy';
import {
  BENCH_WEB_PARTS,
  BrowserPart,
  BenchWebPart,
  EMULATED_NETWORK,
  NetworkCondition,
  PERFORMANCE_TARGETS,
  PLAIN_LISTS,
  RecordedRequest,
  TargetLine,
  WEB_PART_TIME_TARGETS_MS,
  emulatedNetworkConditions,
  formatBytes,
  formatMs,
  formatPreciseRatio,
  formatRatio,
  formatTargetLines,
  medianRun,
  parseRestBody,
  ratio,
  replayable,
  targetLine
} from './report';

const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** How long one load may take before the benchmark gives up on it (an emulated plain load of every list is slow). */
const LOAD_TIMEOUT_MS = 90_000;

/** How long no request may be in flight before a load counts as finished (for the request and byte counts). */
const QUIET_MS = 750;

/** What was measured of one load. */
export interface LoadFigure {
  /** Every request of the load (page, script, styles, fonts, data), from the host's log. */
  requests: number;
  /** SharePoint REST requests (`_api`) sent before the first data was shown. */
  dataRequests: number;
  /** Bytes received for those, as on the wire. */
  dataBytes: number;
  /** REST requests sent after the first render, until the network was quiet (the rest of a long report, say). */
  laterDataRequests: number;
  /** Bytes received for those. */
  laterDataBytes: number;
  /** Highlight report: the web part's code requested to the whole report ready ("Download for committee" enabled). */
  wholeMs?: number;
  /** Bytes received for scripts. */
  scriptBytes: number;
  /** Bytes received in all. */
  totalBytes: number;
  /** Navigation start to the first data shown. */
  firstRenderMs: number;
  /** The web part's code requested to its first data shown (the floor: its requests sent to parsed). */
  webPartMs: number;
  /** JS heap in use after the first render and a garbage collection. */
  heapBytes: number;
  /** The REST requests before the first render, as the floor replays them. */
  recorded: RecordedRequest[];
  /** Time to a filtered list after typing a search (objectives tracker, loopback). */
  filterMs?: number;
}

/** One web part under one network condition: ours and the two baselines. */
export interface ComparedFigure {
  webPart: BenchWebPart;
  condition: NetworkCondition;
  ours: LoadFigure;
  floor?: LoadFigure;
  plain?: LoadFigure;
}

/** Everything the browser benchmark measured. */
export interface BrowserResult {
  /** Loads per figure at 5,000 objectives (the median is kept). */
  repeats: number;
  compared: ComparedFigure[];
  /** Loopback at 20,000 objectives / 80,000 updates. */
  large: Array<{ webPart: BenchWebPart; ours: LoadFigure }>;
  teams: Partial<Record<NetworkCondition, LoadFigure>>;
  /** The workbench page with all four web parts, per network (first render = all four showing data). */
  wholePage: Partial<Record<NetworkCondition, LoadFigure>>;
  /** The highlight report opened a second time in the same browser profile, per network. */
  returning: Partial<Record<NetworkCondition, LoadFigure>>;
  save?: { ms: number; requests: number; error?: string };
  /** Measurements that failed ("highlightReport, emulated: Timeout …"), printed so a missing figure says why. */
  failures: string[];
}

/** Options of {@link runBrowserBenchmark}. */
export interface BrowserBenchmarkOptions {
  /** The page's script total from the bundle benchmark (gzip bytes), for the targets summary. */
  pageScriptGzipBytes?: number;
  /** Objectives of the larger run; default 20,000 (4 updates each). */
  largeObjectives?: number;
  /** Loads of each web part, floor and plain page at 5,000 objectives (and of the Teams tab); the median is printed. Default 3. */
  repeats?: number;
  /** Which parts to run; default all. */
  parts?: readonly BrowserPart[];
  /** Which web parts the comparison and the larger run measure; default all four. */
  webParts?: readonly BenchWebPart[];
}

/**
 * Loads a package or script outside the esbuild bundle the bench runs as: playwright-core and
 * esbuild (which resolve their own files at run time) and the ES module build script.
 */
function rootRequire(root: string): NodeRequire {
  return createRequire(path.join(root, 'package.json'));
}

/** Builds the workbench page (minified) and, under plain/, the plain baseline page. */
async function buildPages(root: string): Promise<string> {
  // A computed specifier keeps esbuild from bundling the .mjs (it reads import.meta.url).
  const script = pathToFileURL(path.join(root, 'local', 'scripts', 'build-workbench.mjs')).href;
  const { buildWorkbench, spfxShimsPlugin } = (await import(script)) as {
    buildWorkbench(o: { root: string; outDir: string; minify: boolean; sourcemap: boolean }): Promise<{ outDir: string }>;
    spfxShimsPlugin(root: string): import('esbuild').Plugin;
  };
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-bench-browser-'));
  await buildWorkbench({ root, outDir, minify: true, sourcemap: false });
  // The plain page: built the same way (ES modules, code splitting, minified, production React).
  const { build } = rootRequire(root)('esbuild') as typeof import('esbuild');
  const plainSource = path.join(root, 'bench', 'plain');
  const plainOut = path.join(outDir, 'plain');
  await build({
    absWorkingDir: root,
    entryPoints: { main: path.join(plainSource, 'main.ts') },
    outdir: plainOut,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2020',
    minify: true,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [spfxShimsPlugin(root)],
    logLevel: 'warning'
  });
  for (const f of ['index.html', 'blank.html']) fs.copyFileSync(path.join(plainSource, f), path.join(plainOut, f));
  return outDir;
}

/**
 * Records, in the page, when the web parts first show their data (ms since navigation start):
 * in each web part on the page, its heading is there, its spinner is gone and some content (a
 * row, a region or a list item) is shown.
 */
export const FIRST_RENDER_PROBE = `
  (() => {
    const ready = (part) =>
      part.querySelector('h2') && !part.querySelector('.ms-Spinner') && part.querySelector('[role="row"], .ms-DetailsRow, tbody tr, section[aria-label], li');
    const check = () => {
      if (window.__ssmFirstRender !== undefined) return;
      const parts = Array.from(document.querySelectorAll('[data-webpart]'));
      if (parts.length > 0 && parts.every(ready)) window.__ssmFirstRender = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();
`;

/** A fresh browser context (empty cache, as a first visit) with CDP counting bytes and, if asked, emulating the network. */
interface OpenedPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  bytes(): { data: number; script: number; total: number };
  resetBytes(): void;
  /**
   * Resolves once no request has been in flight for `quietMs`. Playwright's "networkidle" cannot
   * serve here: it resolves at once when the page was idle for a moment earlier (while it parsed or
   * rendered), before the requests that follow.
   */
  quiet(quietMs?: number): Promise<void>;
  recorded: RecordedRequest[];
}

async function openPage(browser: Browser, origin: string, condition: NetworkCondition, persona?: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  if (persona !== undefined) await context.addCookies([{ name: 'ssm-user', value: encodeURIComponent(persona), url: origin }]);
  await context.addInitScript({ content: FIRST_RENDER_PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (condition === 'emulated') await cdp.send('Network.emulateNetworkConditions', emulatedNetworkConditions());
  const urls = new Map<string, string>();
  let data = 0;
  let script = 0;
  let total = 0;
  const inFlight = new Set<string>();
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, e.request.url);
    inFlight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    inFlight.delete(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    inFlight.delete(e.requestId);
    lastActivity = Date.now();
    const url = urls.get(e.requestId) ?? '';
    total += e.encodedDataLength;
    if (/\/_api\//i.test(url)) data += e.encodedDataLength;
    else if (/\.m?js(\?|$)/i.test(new URL(url, origin).pathname)) script += e.encodedDataLength;
  });
  const recorded: RecordedRequest[] = [];
  page.on('request', (r) => {
    if (/\/_api\//i.test(r.url())) recorded.push({ method: r.method(), url: r.url(), headers: r.headers(), body: r.postData() ?? undefined });
  });
  const resetBytes = (): void => {
    data = 0;
    script = 0;
    total = 0;
  };
  const quiet = async (quietMs = QUIET_MS): Promise<void> => {
    const deadline = Date.now() + LOAD_TIMEOUT_MS;
    while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`The page never went quiet: ${inFlight.size} requests still in flight after ${LOAD_TIMEOUT_MS / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { context, page, cdp, bytes: () => ({ data, script, total }), resetBytes, quiet, recorded };
}

/** JS heap in use after a full garbage collection. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function waitForFirstRender(page: Page): Promise<{ firstRenderMs: number; webPartMs: number }> {
  await page.waitForFunction(() => (window as unknown as { __ssmFirstRender?: number }).__ssmFirstRender !== undefined, undefined, { timeout: LOAD_TIMEOUT_MS });
  return page.evaluate(() => {
    const firstRenderMs = (window as unknown as { __ssmFirstRender: number }).__ssmFirstRender;
    // The workbench (local/workbench/webparts.tsx) and the plain page mark when they request the web part's code.
    const start = performance.getEntriesByName('ssm-webparts-start')[0]?.startTime ?? 0;
    return { firstRenderMs, webPartMs: firstRenderMs - start };
  });
}

/**
 * The highlight report's code requested to the whole report ready: every narrative read and the
 * statuses checked, so "Download for committee" is enabled.
 */
async function waitForWholeReport(page: Page): Promise<number> {
  // The download button carries the Word icon.
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('button')).some((b) => !!b.querySelector('[data-icon-name="WordDocument"]') && !b.disabled && b.getAttribute('aria-disabled') !== 'true'),
    undefined,
    { timeout: LOAD_TIMEOUT_MS }
  );
  return page.evaluate(() => performance.now() - (performance.getEntriesByName('ssm-webparts-start')[0]?.startTime ?? 0));
}

/** Where the page is served and logged. */
interface Site {
  /** Origin the browser uses: the host itself (loopback) or the gzip proxy in front of it (emulated). */
  origin(condition: NetworkCondition): string;
  host: LocalHost;
}

/** Loads `pathAndQuery` cold and measures it to its first render (and the network going idle for the counts). */
async function measureLoad(
  browser: Browser,
  site: Site,
  condition: NetworkCondition,
  pathAndQuery: string,
  options: { filter?: boolean; persona?: string; returning?: boolean; whole?: boolean } = {}
): Promise<LoadFigure> {
  const origin = site.origin(condition);
  const opened = await openPage(browser, origin, condition, options.persona);
  try {
    if (options.returning) {
      // A returning user: an earlier visit in the same profile leaves its cache and what the web part remembers (idHints.ts).
      await opened.page.goto(`${origin}${pathAndQuery}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await waitForFirstRender(opened.page);
      await opened.quiet();
      opened.recorded.length = 0;
      opened.resetBytes();
    }
    site.host.resetRequestLog();
    await opened.page.goto(`${origin}${pathAndQuery}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const times = await waitForFirstRender(opened.page);
    // What the first render waited for: the REST requests the page sent before it (Resource Timing, in the page's order).
    const first = await opened.page.evaluate(() => {
      const at = (window as unknown as { __ssmFirstRender: number }).__ssmFirstRender;
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\/_api\//i.test(e.name) && e.startTime <= at);
      return { requests: api.length, bytes: api.reduce((n, e) => n + e.transferSize, 0) };
    });
    const heapBytes = await heapAfterGc(opened.cdp);
    const wholeMs = options.whole ? await waitForWholeReport(opened.page) : undefined;
    // Let anything the first render triggers (paging, permission checks) finish before counting.
    await opened.quiet();
    const log = site.host.requestLog().filter((r) => !/favicon\.ico$/.test(r.path));
    const bytes = opened.bytes();
    const dataRequests = log.filter((r) => /\/_api\//i.test(r.path)).length;
    const firstRequests = Math.min(first.requests, dataRequests);
    const firstBytes = firstRequests === dataRequests ? bytes.data : Math.min(first.bytes, bytes.data);
    const figure: LoadFigure = {
      requests: log.length,
      dataRequests: firstRequests,
      dataBytes: firstBytes,
      laterDataRequests: dataRequests - firstRequests,
      laterDataBytes: bytes.data - firstBytes,
      scriptBytes: bytes.script,
      totalBytes: bytes.total,
      ...times,
      ...(wholeMs !== undefined ? { wholeMs } : {}),
      heapBytes,
      recorded: opened.recorded.slice(0, firstRequests)
    };
    if (options.filter) figure.filterMs = await measureFilter(opened.page);
    return figure;
  } finally {
    await opened.context.close();
  }
}

/** The floor: the recorded REST requests replayed at once with raw fetch, each answer JSON.parsed, nothing rendered. */
async function measureFloor(browser: Browser, site: Site, condition: NetworkCondition, requests: readonly RecordedRequest[]): Promise<LoadFigure> {
  const origin = site.origin(condition);
  const opened = await openPage(browser, origin, condition);
  try {
    await opened.page.goto(`${origin}/plain/blank.html`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    site.host.resetRequestLog();
    const replay = requests.map(replayable);
    const ms = await opened.page.evaluate(
      async ({ list, parser }) => {
        // The parser's source (bench/report.ts parseRestBody), made a function in the page.
        // eslint-disable-next-line no-new-func -- the benchmark's own function, passed as text into the page.
        const parse = new Function(`return (${parser});`)() as (text: string, type: string) => unknown[];
        const started = performance.now();
        const bodies = await Promise.all(
          list.map(async (r) => {
            const answer = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, credentials: 'same-origin' });
            return parse(await answer.text(), answer.headers.get('content-type') ?? '');
          })
        );
        // Kept, so the heap measured next holds the parsed data as a web part would.
        (window as unknown as { __ssmFloor: unknown }).__ssmFloor = bodies;
        return performance.now() - started;
      },
      { list: replay, parser: parseRestBody.toString() }
    );
    const heapBytes = await heapAfterGc(opened.cdp);
    await opened.quiet();
    const log = site.host.requestLog();
    const bytes = opened.bytes();
    return {
      requests: log.length,
      dataRequests: log.filter((r) => /\/_api\//i.test(r.path)).length,
      dataBytes: bytes.data,
      laterDataRequests: 0,
      laterDataBytes: 0,
      scriptBytes: 0,
      totalBytes: bytes.data,
      firstRenderMs: ms,
      webPartMs: ms,
      heapBytes,
      recorded: []
    };
  } finally {
    await opened.context.close();
  }
}

/** The plain web part's page for `webPart`: its heading and the lists it reads, by title. */
function plainPath(webPart: BenchWebPart): string {
  const lists = PLAIN_LISTS[webPart].map((k) => SCHEMA[k as ListKey].title);
  return `/plain/?${new URLSearchParams({ title: webPart, lists: lists.join(',') }).toString()}`;
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

/** A responsible officer of the sample with objectives still open (fewest first: a short form). */
function officerWithOpenObjectives(): Person {
  const counts = new Map<number, number>();
  for (const o of sampleData.objectives) {
    if (o.responsibleOfficer && o.status !== 'Complete') counts.set(o.responsibleOfficer.id, (counts.get(o.responsibleOfficer.id) ?? 0) + 1);
  }
  const [id] = Array.from(counts.entries()).sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
  const user = sampleData.users.find((u) => u.id === id);
  if (!user) throw new Error(`No sample user ${id}.`);
  return user;
}

/**
 * Save latency with emulated latency: as a responsible officer, opens "Update my objectives",
 * writes one progress update, rates it and clicks Save; timed from the click to the saved message.
 */
async function measureSave(browser: Browser, site: Site): Promise<NonNullable<BrowserResult['save']>> {
  const origin = site.origin('emulated');
  const officer = officerWithOpenObjectives();
  const opened = await openPage(browser, origin, 'emulated', officer.email);
  try {
    const { page, quiet } = opened;
    await page.goto(`${origin}/?webpart=objectivesTracker`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await waitForFirstRender(page);
    await quiet();
    // A command bar item (a menuitem), or a button where the bar is laid out as buttons.
    const command = /^Update my objectives \(\d+\)$/;
    await page.getByRole('menuitem', { name: command }).or(page.getByRole('button', { name: command })).first().click();
    await page.getByRole('dialog').getByRole('heading', { name: /^Update my objectives/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByRole('textbox', { name: /^Progress update/ }).first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Benchmark progress: the shared team met its milestones this quarter.');
    await page.getByRole('combobox', { name: /^RAG rating/ }).first().focus();
    await page.keyboard.press('ArrowDown');
    const save = page.getByRole('button', { name: /^Save all updates$/ });
    site.host.resetRequestLog();
    const started = Date.now();
    await save.click();
    await page.getByText(/updates? saved/i).first().waitFor({ state: 'visible', timeout: 60_000 });
    const ms = Date.now() - started;
    return { ms, requests: site.host.requestLog().filter((r) => /\/_api\//i.test(r.path)).length };
  } catch (e) {
    return { ms: NaN, requests: 0, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await opened.context.close();
  }
}

/** Starts a host on fresh in-memory data, with its gzip proxy for the emulated runs. */
async function startSite(seed: LocalHostOptions['seed'], staticDir: string): Promise<Site & { close(): Promise<void> }> {
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed, staticDir });
  const proxy = await startGzipProxy(host.url);
  return {
    host,
    origin: (c) => (c === 'emulated' ? proxy.url : host.url),
    close: async () => {
      await proxy.close();
      await host.close();
    }
  };
}

/** Runs the benchmark and prints the figures, the ratios and the targets. */
export async function runBrowserBenchmark(root = process.cwd(), options: BrowserBenchmarkOptions = {}): Promise<BrowserResult | undefined> {
  const net = `${EMULATED_NETWORK.latencyMs} ms round trip, ${EMULATED_NETWORK.downloadBitsPerSecond / 1e6} Mbit/s down, ${EMULATED_NETWORK.uploadBitsPerSecond / 1e6} Mbit/s up, gzip`;
  console.log(`\nBrowser: Chromium, workbench page (minified); loopback and emulated (${net})`);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.log(`  ${CHROMIUM_PATH} is missing: run \`node local/scripts/ensure-chromium.mjs\` (as root) first.`);
    return undefined;
  }
  const { chromium } = rootRequire(root)('playwright-core') as typeof import('playwright-core');
  const started = Date.now();
  const staticDir = await buildPages(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const result: BrowserResult = { repeats: options.repeats ?? 3, compared: [], large: [], teams: {}, returning: {}, wholePage: {}, failures: [] };
  // One failed measurement (a page that never shows its data) costs its figures, not the run.
  const attempt = async <T>(label: string, measure: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await measure();
    } catch (e) {
      const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
      result.failures.push(`${label}: ${reason}`);
      progress(`${label}: not measured: ${reason}`);
      return undefined;
    }
  };
  const conditions: NetworkCondition[] = ['loopback', 'emulated'];
  const repeats = options.repeats ?? 3;
  const runs = (part: BrowserPart): boolean => !options.parts || options.parts.indexOf(part) >= 0;
  const measured = BENCH_WEB_PARTS.filter((w) => !options.webParts || options.webParts.indexOf(w) >= 0);
  try {
    if (runs('compare') || runs('teams')) {
      const seed = generateLargeData({ objectives: 5000, updatesPerObjective: 4 });
      const site = await startSite(seed, staticDir);
      try {
        console.log(`  seeded ${seed.objectives.length.toLocaleString('en-GB')} objectives and ${seed.objectiveUpdates.length.toLocaleString('en-GB')} updates`);
        // Warm-up load so one-off costs (JIT, the host's first queries) do not land on the first web part measured.
        await attempt('warm-up', () => measureLoad(browser, site, 'loopback', '/?webpart=objectivesTracker'));
        for (const webPart of runs('compare') ? measured : []) {
          for (const condition of conditions) {
            const compared = await attempt(`${webPart}, ${condition}`, async (): Promise<ComparedFigure> => {
              const loads: Array<{ ours: LoadFigure; floor: LoadFigure; plain: LoadFigure }> = [];
              for (let i = 0; i < repeats; i++) {
                // Ours, its floor and the plain page in turn, so a machine getting busier weighs on all three alike.
                const o = await measureLoad(browser, site, condition, `/?webpart=${webPart}`, {
                  filter: i === 0 && webPart === 'objectivesTracker' && condition === 'loopback',
                  whole: webPart === 'highlightReport'
                });
                loads.push({ ours: o, floor: await measureFloor(browser, site, condition, o.recorded), plain: await measureLoad(browser, site, condition, plainPath(webPart)) });
              }
              return {
                webPart,
                condition,
                ours: { ...medianRun(loads.map((r) => r.ours), (f) => f.webPartMs), filterMs: loads[0].ours.filterMs },
                floor: medianRun(loads.map((r) => r.floor), (f) => f.webPartMs),
                plain: medianRun(loads.map((r) => r.plain), (f) => f.webPartMs)
              };
            });
            if (!compared) continue;
            result.compared.push(compared);
            const { ours, floor, plain } = compared;
            progress(`${webPart}, ${condition}: ours ${formatMs(ours.webPartMs)}, floor ${formatMs(floor?.webPartMs)}, plain ${formatMs(plain?.webPartMs)}`);
          }
        }
        if (runs('compare')) {
          // The page with all four web parts, as the site's home page shows them: its script on the wire cross-checks the bundle total.
          for (const condition of conditions) result.wholePage[condition] = await attempt(`page with all four web parts, ${condition}`, () => measureLoad(browser, site, condition, '/'));
          for (const condition of conditions) {
            result.returning[condition] = await attempt(`highlight report opened again, ${condition}`, () => measureLoad(browser, site, condition, '/?webpart=highlightReport', { returning: true }));
          }
        }
        if (runs('teams')) {
          for (const condition of conditions) {
            result.teams[condition] = await attempt(`Teams tab cold start, ${condition}`, async () => {
              const loads: LoadFigure[] = [];
              for (let i = 0; i < repeats; i++) loads.push(await measureLoad(browser, site, condition, '/?host=teams&theme=default'));
              return medianRun(loads, (f) => f.firstRenderMs);
            });
          }
        }
      } finally {
        await site.close();
      }
    }
    if (runs('save')) {
      // The save, on the sample data (an officer's own few objectives), with emulated latency.
      const sample = await startSite(true, staticDir);
      try {
        // eslint-disable-next-line require-atomic-updates -- the measurements run one after another; nothing else writes result meanwhile.
        result.save = await measureSave(browser, sample);
      } finally {
        await sample.close();
      }
    }
    if (runs('large')) {
      const largeObjectives = options.largeObjectives ?? 20_000;
      const largeSeed = generateLargeData({ objectives: largeObjectives, updatesPerObjective: 4 });
      const large = await startSite(largeSeed, staticDir);
      try {
        console.log(`  seeded ${largeSeed.objectives.length.toLocaleString('en-GB')} objectives and ${largeSeed.objectiveUpdates.length.toLocaleString('en-GB')} updates for the larger run`);
        await attempt('warm-up at 20,000 objectives', () => measureLoad(browser, large, 'loopback', '/?webpart=objectivesTracker'));
        for (const webPart of measured) {
          const ours = await attempt(`${webPart}, ${largeObjectives.toLocaleString('en-GB')} objectives`, () =>
            measureLoad(browser, large, 'loopback', `/?webpart=${webPart}`, { whole: webPart === 'highlightReport' })
          );
          if (!ours) continue;
          result.large.push({ webPart, ours });
          progress(`${webPart}, ${largeObjectives.toLocaleString('en-GB')} objectives: ${formatMs(ours.webPartMs)}`);
        }
      } finally {
        await large.close();
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
  printBrowserResult(result, options);
  console.log(`  (browser benchmark took ${Math.round((Date.now() - started) / 1000)} s)`);
  return result;
}

/** A progress line on stderr, so a long run shows it is alive and stdout stays the report. */
function progress(line: string): void {
  process.stderr.write(`  … ${line}\n`);
}

const col = (s: string, w: number, left = false): string => (left ? s.padEnd(w) : s.padStart(w));

function figureRow(label: string, f: LoadFigure | undefined): string {
  if (!f) return `    ${col(label, 7, true)} –`;
  return (
    `    ${col(label, 7, true)} ${col(String(f.requests), 8)} ${col(String(f.dataRequests), 5)} ${col(formatBytes(f.dataBytes), 10)} ${col(formatBytes(f.scriptBytes), 10)}` +
    ` ${col(formatMs(f.webPartMs), 10)} ${col(formatMs(f.firstRenderMs), 12)} ${col(formatBytes(f.heapBytes), 9)}`
  );
}

/** What a web part read after its first render, and when the whole report was ready; undefined when nothing. */
function laterLine(f: LoadFigure): string | undefined {
  const parts: string[] = [];
  if (f.laterDataRequests > 0) parts.push(`then ${f.laterDataRequests} more data requests (${formatBytes(f.laterDataBytes)}) with the report on screen`);
  if (f.wholeMs !== undefined) parts.push(`whole report ready (every narrative, statuses checked; download enabled) ${formatMs(f.wholeMs)}`);
  return parts.length > 0 ? `    ${col('', 7, true)} ${parts.join('; ')}` : undefined;
}

/** Prints the tables and the targets. */
export function printBrowserResult(result: BrowserResult, options: BrowserBenchmarkOptions = {}): void {
  if (result.compared.length > 0) {
    console.log(`\n  5,000 objectives / 20,000 updates: ours, the floor and the plain PnPjs web part (median of ${result.repeats} loads each)`);
    console.log(`    ${col('', 7, true)} ${col('requests', 8)} ${col('data', 5)} ${col('data bytes', 10)} ${col('script', 10)} ${col('web part', 10)} ${col('first render', 12)} ${col('heap', 9)}`);
    for (const c of result.compared) {
      console.log(`  ${c.webPart}, ${c.condition}`);
      console.log(figureRow('ours', c.ours));
      console.log(figureRow('floor', c.floor));
      console.log(figureRow('plain', c.plain));
      const later = laterLine(c.ours);
      if (later) console.log(later);
    }
    console.log('\n  Ratios: ours / floor and ours / plain (under 1 is less than the baseline)');
    console.log(`    ${col('web part, network', 30, true)} ${col('data requests', 15)} ${col('data bytes', 15)} ${col('web part time', 15)} ${col('heap', 15)}`);
    for (const c of result.compared) {
      const pair = (pick: (f: LoadFigure) => number): string =>
        `${formatRatio(ratio(pick(c.ours), c.floor && pick(c.floor)))} / ${formatRatio(ratio(pick(c.ours), c.plain && pick(c.plain)))}`;
      console.log(
        `    ${col(`${c.webPart}, ${c.condition}`, 30, true)} ${col(pair((f) => f.dataRequests), 15)} ${col(pair((f) => f.dataBytes), 15)} ${col(pair((f) => f.webPartMs), 15)} ${col(pair((f) => f.heapBytes), 15)}`
      );
    }
  }
  const filter = result.compared.find((c) => c.ours.filterMs !== undefined);
  if (filter) console.log(`\n  objectives tracker search (typing "Procure" until only matches show): ${formatMs(filter.ours.filterMs)}`);
  const whole = (c: NetworkCondition): string => {
    const f = result.wholePage[c];
    return f ? `${c} ${formatMs(f.firstRenderMs)} from navigation, ${f.dataRequests} data requests, script ${formatBytes(f.scriptBytes)}` : '';
  };
  if (result.wholePage.loopback || result.wholePage.emulated) {
    console.log(`  page with all four web parts (workbench build; all four showing data): ${[whole('loopback'), whole('emulated')].filter((x) => x).join('; ')}`);
  }
  const again = (c: NetworkCondition): string => {
    const f = result.returning[c];
    return f ? `${c} ${formatMs(f.webPartMs)} (${f.dataRequests} data requests, ${formatBytes(f.totalBytes)})` : '';
  };
  if (result.returning.loopback || result.returning.emulated) {
    console.log(`  highlight report opened again in the same browser (a returning user), web part time: ${[again('loopback'), again('emulated')].filter((x) => x).join('; ')}`);
  }
  const teams = (c: NetworkCondition): string => {
    const f = result.teams[c];
    return f ? `${formatMs(f.firstRenderMs)} from navigation (web part ${formatMs(f.webPartMs)}, ${f.dataRequests} data requests, ${formatBytes(f.totalBytes)})` : '–';
  };
  console.log(`  Teams tab cold start, highlight report (?host=teams, empty cache; median of ${result.repeats}):`);
  console.log(`    loopback ${teams('loopback')}`);
  console.log(`    emulated ${teams('emulated')}`);
  const save = result.save;
  if (save) {
    console.log(
      save.error
        ? `  save of one quarterly update (emulated): not measured: ${save.error}`
        : `  save of one quarterly update (emulated, officer persona, Save clicked to "saved" shown): ${formatMs(save.ms)}, ${save.requests} data requests`
    );
  }
  if (result.large.length > 0) {
    console.log('\n  20,000 objectives / 80,000 updates, loopback');
    console.log(`    ${col('', 7, true)} ${col('requests', 8)} ${col('data', 5)} ${col('data bytes', 10)} ${col('script', 10)} ${col('web part', 10)} ${col('first render', 12)} ${col('heap', 9)}`);
    for (const l of result.large) {
      console.log(`  ${l.webPart}`);
      console.log(figureRow('ours', l.ours));
      const later = laterLine(l.ours);
      if (later) console.log(later);
    }
  }
  for (const c of result.compared.filter((x) => x.condition === 'loopback' && x.ours.dataRequests > PERFORMANCE_TARGETS.dataRequests)) {
    console.log(`  ${c.webPart} data requests:\n${c.ours.recorded.map((r) => `    ${r.method} ${decodeURIComponent(r.url.replace(/^.*\/_api\//i, '_api/')).slice(0, 110)}`).join('\n')}`);
  }
  if (result.failures.length > 0) {
    console.log('\n  Not measured:');
    for (const f of result.failures) console.log(`    ${f}`);
  }
  console.log('\n  Targets (5,000 objectives unless said)');
  for (const line of formatTargetLines(targetLines(result, options))) console.log(`    ${line}`);
  console.log('\n  requests = every request of the load; data = SharePoint REST requests (_api) sent before the first render, data bytes theirs as received (emulated: gzip);');
  console.log('  what a web part reads once its first screen is shown (the rest of a long report) is counted on the line below it.');
  console.log("  web part = from the page requesting the web part's code to its first data shown (SharePoint's page diagnostics flag > 2 s);");
  console.log('  first render = from navigation start; heap = JS heap in use after the first render and a garbage collection.');
  console.log('  floor = the same REST requests replayed at once with fetch + JSON.parse, no rendering (its web part time is send to parsed).');
  console.log('  plain = a PnPjs web part as the samples write it: for await paging (5,000 a page) of each list it needs, then a DetailsList.');
}

/** The targets, each with its figure and verdict. */
export function targetLines(result: BrowserResult, options: BrowserBenchmarkOptions = {}): TargetLine[] {
  const lines: TargetLine[] = [];
  const count = (n: number | undefined): string => (n === undefined ? '–' : String(n));
  for (const webPart of BENCH_WEB_PARTS) {
    for (const condition of ['loopback', 'emulated'] as const) {
      const c = result.compared.find((x) => x.webPart === webPart && x.condition === condition);
      lines.push(targetLine(`${webPart} web part time, ${condition}`, c?.ours.webPartMs, WEB_PART_TIME_TARGETS_MS[webPart][condition], formatMs));
    }
    const loads = result.compared.filter((x) => x.webPart === webPart).map((x) => x.ours.dataRequests);
    lines.push(targetLine(`${webPart} data requests to the first render`, loads.length > 0 ? Math.max(...loads) : undefined, PERFORMANCE_TARGETS.dataRequests, count));
  }
  for (const webPart of BENCH_WEB_PARTS) {
    const l = result.large.find((x) => x.webPart === webPart);
    lines.push(targetLine(`${webPart} web part time, 20,000 objectives, loopback`, l?.ours.webPartMs, PERFORMANCE_TARGETS.largeLoopbackMs, formatMs));
    lines.push(targetLine(`${webPart} data requests to the first render, 20,000 objectives`, l?.ours.dataRequests, PERFORMANCE_TARGETS.dataRequests, count));
  }
  lines.push(targetLine('page with all four web parts, script gzip', options.pageScriptGzipBytes, PERFORMANCE_TARGETS.pageScriptGzipBytes, formatBytes));
  for (const webPart of BENCH_WEB_PARTS) {
    for (const condition of ['loopback', 'emulated'] as const) {
      const c = result.compared.find((x) => x.webPart === webPart && x.condition === condition);
      lines.push(targetLine(`${webPart} web part time ours / plain, ${condition}`, ratio(c?.ours.webPartMs, c?.plain?.webPartMs), PERFORMANCE_TARGETS.oursOverPlain, formatPreciseRatio));
    }
  }
  return lines;
}
