/**
 * Shared set-up of the browser tests: the workbench page built once per test file (into a
 * temporary folder, so a running `npm start` keeps its own), the local host started in-process
 * on a fresh in-memory database, and one Chromium per test file (the machine has two cores).
 *
 * Every page opened through {@link E2e.open} refuses requests to any host but 127.0.0.1 and
 * records page errors, console errors and refused requests; `afterEach` fails the test when any
 * were recorded, naming them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { LocalHost, startLocalHost } from '../../../local/host/server';
import type { SampleData } from '../../../local/sample-data/types';

/** Repository root. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the tests leave screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts', 'e2e');

/** Debian's Chromium, installed by local/scripts/ensure-chromium.mjs (`npm test`'s pretest). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch arguments: headless, no sandbox (containers run as root), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

/** The parts of local/scripts/build-workbench.mjs the tests use. */
interface BuildScript {
  buildWorkbench(options?: { root?: string; outDir?: string; minify?: boolean; sourcemap?: boolean }): Promise<{ outDir: string; files: string[] }>;
}

/**
 * Node's own require, which (Node 22) loads ES modules and packages jest should not wrap:
 * jest's module system cannot load the .mjs build script, and playwright-core spawns the
 * browser with Node internals jest's sandbox does not need to see.
 */
export function nativeRequire<T>(specifier: string): T {
  const nodeModule = (process as unknown as { getBuiltinModule(id: 'node:module'): typeof import('module') }).getBuiltinModule('node:module');
  return nodeModule.createRequire(path.join(ROOT, 'package.json'))(specifier) as T;
}

/** playwright-core, loaded outside jest's module registry. */
export function playwright(): typeof import('playwright-core') {
  return nativeRequire<typeof import('playwright-core')>('playwright-core');
}

/** Launches Chromium with the project's arguments; a clear message when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`node local/scripts/ensure-chromium.mjs\` (npm test does) or apt-get install chromium.`);
  }
  return playwright().chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Builds the workbench page into a new temporary folder. */
export async function buildWorkbenchInto(prefix: string, options: { minify?: boolean } = {}): Promise<string> {
  const script = nativeRequire<BuildScript>(path.join(ROOT, 'local', 'scripts', 'build-workbench.mjs'));
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  await script.buildWorkbench({ root: ROOT, outDir, minify: options.minify, sourcemap: false });
  return outDir;
}

/** What went wrong on a page: collected while it runs, asserted after each test. */
export interface PageProblems {
  pageErrors: string[];
  consoleErrors: string[];
  blockedRequests: string[];
}

/** An open page with its own browser context (own cookies, so its own persona). */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  problems: PageProblems;
}

/** Options of {@link E2e.open}. */
export interface OpenOptions {
  /** Persona to sign in as (email or user id), via the host's `ssm-user` cookie. */
  persona?: string;
  /** Wait until the web parts finished loading (no spinner, their headings shown). Default true. */
  waitForWebParts?: boolean;
  /** Viewport; default 1280 x 900. */
  viewport?: { width: number; height: number };
  /** Emulates a phone: mobile viewport meta handling, touch, and the device's pixel ratio. */
  mobile?: { deviceScaleFactor: number };
}

/** The running environment of one test file. */
export interface E2e {
  host: LocalHost;
  browser: Browser;
  /** Origin of the host, e.g. http://127.0.0.1:40321. */
  baseUrl: string;
  /** Opens `pathAndQuery` (e.g. `/?webpart=riskRegister`) in a fresh context. */
  open(pathAndQuery: string, options?: OpenOptions): Promise<OpenedPage>;
  /** Saves a full-page screenshot as test-artifacts/e2e/<name>.png. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Fails (throws) when a page opened during the current test recorded problems. */
  assertNoProblems(): void;
  /** Forgets the problems recorded so far (for tests that provoke them on purpose). */
  clearProblems(): void;
}

/** Whether a URL is allowed: only the loopback host the tests started (and non-network schemes). */
export function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '127.0.0.1';
}

/** Describes a console message with its source location, for failure messages. */
function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  return `${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
}

/** Waits until every web part on the page shows its content, not its spinner. */
export async function waitForWebParts(page: Page): Promise<void> {
  await page.locator('#root').waitFor({ state: 'attached' });
  // The page renders once the host answered; then each web part shows a heading (h2).
  await page.waitForFunction(() => document.querySelector('#wb-main') !== null, undefined, { timeout: 20_000 });
  await page.waitForFunction(
    () => {
      const parts = Array.from(document.querySelectorAll('[data-webpart]'));
      if (parts.length === 0) return document.querySelector('[role="alert"], .ms-MessageBar') !== null;
      return parts.every((p) => p.querySelector('h2') !== null && p.querySelector('.ms-Spinner') === null);
    },
    undefined,
    { timeout: 20_000 }
  );
}

/**
 * Registers the `beforeAll`/`afterEach`/`afterAll` hooks of a browser test file and returns
 * an accessor for the environment (available once `beforeAll` ran).
 * @param options `seed`: the data to seed (default the sample data).
 */
export function useE2e(options: { seed?: boolean | SampleData; name: string }): () => E2e {
  let env: E2e | undefined;
  let staticDir: string | undefined;
  let host: LocalHost | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage[] = [];

  beforeAll(async () => {
    staticDir = await buildWorkbenchInto(`ssm-e2e-${options.name}-`);
    host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: options.seed ?? true, staticDir });
    browser = await launchChromium();
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const h = host;
    const b = browser;

    const open = async (pathAndQuery: string, openOptions: OpenOptions = {}): Promise<OpenedPage> => {
      const context = await b.newContext({
        viewport: openOptions.viewport ?? { width: 1280, height: 900 },
        locale: 'en-GB',
        ...(openOptions.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: openOptions.mobile.deviceScaleFactor } : {})
      });
      const problems: PageProblems = { pageErrors: [], consoleErrors: [], blockedRequests: [] };
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isAllowedUrl(url)) await route.continue();
        else {
          problems.blockedRequests.push(url);
          await route.abort('blockedbyclient');
        }
      });
      if (openOptions.persona !== undefined) {
        await context.addCookies([{ name: 'ssm-user', value: encodeURIComponent(openOptions.persona), url: h.url }]);
      }
      const page = await context.newPage();
      page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
      page.on('console', (message) => {
        // Chromium asks every page for /favicon.ico on its own; the page itself never does.
        if (message.type() === 'error' && !/\/favicon\.ico$/.test(message.location().url)) problems.consoleErrors.push(describeConsole(message));
      });
      const entry: OpenedPage = { page, context, problems };
      opened.push(entry);
      await page.goto(`${h.url}${pathAndQuery}`, { waitUntil: 'load' });
      if (openOptions.waitForWebParts !== false) await waitForWebParts(page);
      return entry;
    };

    env = {
      host: h,
      browser: b,
      baseUrl: h.url,
      open,
      screenshot: async (page, name) => {
        const file = path.join(ARTIFACTS_DIR, `${options.name}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
      assertNoProblems: () => {
        const found: string[] = [];
        for (const { page, problems } of opened) {
          const url = page.url();
          for (const e of problems.pageErrors) found.push(`page error on ${url}: ${e}`);
          for (const e of problems.consoleErrors) found.push(`console error on ${url}: ${e}`);
          for (const u of problems.blockedRequests) found.push(`request to another host refused on ${url}: ${u}`);
        }
        if (found.length > 0) throw new Error(`The browser reported problems:\n${found.join('\n')}`);
      },
      clearProblems: () => {
        for (const { problems } of opened) {
          problems.pageErrors.length = 0;
          problems.consoleErrors.length = 0;
          problems.blockedRequests.length = 0;
        }
      }
    };
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    try {
      if (env) {
        const current = env;
        // Check the pages of this test, then close them so the next test starts clean.
        opened = pages;
        current.assertNoProblems();
      }
    } finally {
      opened = [];
      await Promise.all(pages.map((p) => p.context.close()));
    }
  });

  afterAll(async () => {
    // Close in reverse order of opening; each step runs even if an earlier one failed.
    try {
      if (browser) await browser.close();
    } finally {
      try {
        if (host) await host.close();
      } finally {
        if (staticDir) fs.rmSync(staticDir, { recursive: true, force: true });
      }
    }
  });

  return () => {
    if (!env) throw new Error('The browser test environment is not ready: beforeAll did not complete.');
    return env;
  };
}
