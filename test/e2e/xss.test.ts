/**
 * Stored XSS through save and render: every payload of test/security/payloads.ts is saved
 * through the real repositories (PnPjs over HTTP, as anyone with edit rights could through
 * SharePoint itself) into the local host's lists, in every rich text and text field the web
 * parts show, then the pages are rendered in Chromium. No script may run: no dialog opens,
 * the `window.__xss` canary stays undefined and no element carries a handler or script URL.
 */
import type { Dialog, Page } from 'playwright-core';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { getSPForUrl } from '../../src/data/sp';
import type { Repositories } from '../../src/data/repositories';
import { sampleData } from '../../local/sample-data';
import { XSS_PAYLOADS } from '../security/payloads';
import { useE2e } from './support/harness';

const e2e = useE2e({ name: 'xss' });

/**
 * Hostile values for a benefit's Evidence column, as REST, the SharePoint list form or an import
 * can store them: none may reach an href (the page shows them as text).
 */
const HOSTILE_URLS = [
  'javascript:window.__xss=1',
  ' JaVaScRiPt:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '&#106;avascript:window.__xss=1'
];

/** Title of the objective whose update history carries every payload. */
const HISTORY_OBJECTIVE = 'XSS history: every payload as a progress update';

/** Repositories over HTTP as the editor, with a digest from the host as a page has one. */
async function repositories(webUrl: string): Promise<Repositories> {
  const response = await fetch(`${webUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
  const body = (await response.json()) as { FormDigestValue?: string };
  if (!response.ok || !body.FormDigestValue) throw new Error(`contextinfo answered ${response.status} without a digest`);
  return createPnpRepositories(getSPForUrl(webUrl, { digest: body.FormDigestValue }));
}

/** The web part's region on the page. */
function webPart(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-webpart]').first();
}

/** Everything that could show script ran, collected from one page. */
interface Evidence {
  dialogs: string[];
}

function watch(page: Page): Evidence {
  const evidence: Evidence = { dialogs: [] };
  page.on('dialog', (dialog: Dialog) => {
    evidence.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch((e: unknown) => evidence.dialogs.push(`could not dismiss: ${String(e)}`));
  });
  return evidence;
}

/** Scans the rendered web parts for anything executable the sanitiser should have removed. */
async function executableInPage(page: Page, scope = '[data-webpart]'): Promise<string[]> {
  return page.evaluate((root) => {
    const found: string[] = [];
    const scheme = /^(?:javascript|vbscript|data):/i;
    for (const el of Array.from(document.querySelectorAll(`${root} *`))) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'form', 'svg', 'math', 'template', 'style'].indexOf(tag) >= 0) {
        // Fluent renders its own icons as <i> and its own SVGs only in charts: payload SVGs carry no data-icon-name.
        if (!(tag === 'svg' && el.closest('[data-ssm-chart], [role="img"]'))) found.push(`<${tag}>`);
      }
      for (const attr of Array.from(el.attributes)) {
        // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a URL scheme, so the check must too.
        const value = attr.value.replace(/[\u0000-\u0020]/g, '');
        if (/^on/i.test(attr.name)) found.push(`${attr.name} on <${tag}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].indexOf(attr.name.toLowerCase()) >= 0 && (scheme.test(value) || attr.name === 'srcdoc')) {
          found.push(`${attr.name}=${attr.value} on <${tag}>`);
        }
      }
    }
    return found;
  }, scope);
}

/**
 * Sends every link shown in `scope` the events a user's pointer and keyboard would (mouse over,
 * focus), in the page itself: virtualised rows come and go too fast for per-element hovering.
 */
async function touchLinks(page: Page, scope: string): Promise<void> {
  await page.evaluate((root) => {
    for (const a of Array.from(document.querySelectorAll<HTMLElement>(`${root} a`))) {
      a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      a.dispatchEvent(new MouseEvent('mouseenter'));
      a.focus({ preventScroll: true });
    }
  }, scope);
}

/**
 * Scrolls the page to the bottom step by step, so virtualised lists (Fluent's DetailsList)
 * render every row; at each step hovers and focuses the links shown, so handler payloads get
 * their chance, and collects the "XSS nn" labels rendered. Returns the labels seen.
 */
async function scrollThrough(page: Page, expected: number): Promise<{ labels: Set<string>; executable: Set<string> }> {
  const seen = { labels: new Set<string>(), executable: new Set<string>() };
  // A busy machine can outrun the list's rendering: pass again from the top while rows are missing.
  for (let pass = 0; pass < 3 && seen.labels.size < expected; pass++) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await scrollPass(page, seen);
  }
  return seen;
}

async function scrollPass(page: Page, seen: { labels: Set<string>; executable: Set<string> }): Promise<void> {
  let last = -1;
  for (let step = 0; step < 400; step++) {
    for (const label of await page.evaluate(() => document.body.innerText.match(/XSS \d\d/g) ?? [])) seen.labels.add(label);
    // Virtualised rows leave the DOM again, so the scan runs on every screenful.
    for (const part of await executableInPage(page)) seen.executable.add(part);
    await touchLinks(page, '[data-webpart]');
    const y = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.9);
      return window.scrollY;
    });
    if (y === last) break;
    last = y;
    // Fluent's List renders the rows scrolled into view after its own scroll debounce.
    await page.waitForTimeout(150);
  }
}

/** The id of the quarter `n` quarters before Q4 2021/22 ("2021-22-Q4" for 0). */
function quarterBack(n: number): string {
  const year = 2021 - Math.floor(n / 4);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}-Q${4 - (n % 4)}`;
}

describe('stored XSS: saved through the repositories, rendered in Chromium', () => {
  beforeAll(async () => {
    const repos = await repositories(e2e().host.webUrl);
    // One objective whose history holds every payload, for the details panel (rich text rendered as HTML).
    const historyService = await repos.services.add({ name: 'XSS history service', phase: 'Phase 2', partnerCouncils: sampleData.services[0].partnerCouncils });
    const history = await repos.objectives.add({
      title: HISTORY_OBJECTIVE,
      aim: '<p>Every payload in its history.</p>',
      serviceId: historyService.id,
      status: 'In progress',
      rag: 'Green',
      responsibleOfficer: sampleData.users[3]
    });
    await repos.objectiveUpdates.addMany(
      XSS_PAYLOADS.map((payload, i) => ({
        objectiveId: history.id,
        // One update per quarter (an objective holds one update a quarter): Q4 2021/22, Q3, … backwards.
        periodId: quarterBack(i),
        narrative: `<p>XSS ${String(i + 1).padStart(2, '0')}</p>${payload.html}`,
        status: 'In progress' as const,
        rag: 'Green' as const,
        author: sampleData.users[3],
        updatedOn: `2022-03-01T10:${String(i % 60).padStart(2, '0')}:00Z`
      }))
    );
    const partners = sampleData.services[0].partnerCouncils;
    const officer = sampleData.users[3];
    // One service per payload, so no payload can swallow or repair its neighbour.
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const label = `XSS ${String(i + 1).padStart(2, '0')}`;
      const service = await repos.services.add({ name: `${label} ${payload.name}`, phase: 'Phase 2', partnerCouncils: partners });
      await repos.highlights.add({ serviceId: service.id, meetingDate: '2030-01-15', periodId: '2029-30-Q3', keyPoints: payload.html, activityOverview: `<p>${label}</p>${payload.html}` });
      const objective = await repos.objectives.add({
        // Plain-text fields get the raw payload too: they must be shown as text.
        title: `${label} ${payload.html}`.slice(0, 255),
        aim: `<p>${label}</p>${payload.html}`,
        serviceId: service.id,
        status: 'In progress',
        rag: 'Amber',
        responsibleOfficer: officer
      });
      await repos.objectiveUpdates.add({
        objectiveId: objective.id,
        periodId: '2021-22-Q4',
        narrative: `<p>${label}</p>${payload.html}`,
        status: 'In progress',
        rag: 'Amber',
        author: officer,
        updatedOn: '2022-03-01T10:00:00Z'
      });
      await repos.benefits.add({
        title: `${label} ${payload.html}`.slice(0, 255),
        serviceId: service.id,
        category: 'Service development',
        originalPosition: `<p>${label}</p>${payload.html}`,
        achievement: payload.html,
        whenDelivered: 'June 2022',
        deliveryStatus: 'In progress',
        realised: payload.html,
        savings: [],
        evidenceUrl: HOSTILE_URLS[i % HOSTILE_URLS.length]
      });
      await repos.risks.add({
        title: `${label} ${payload.html}`.slice(0, 255),
        serviceId: service.id,
        causeEffect: `<p>${label}</p>${payload.html}`,
        controls: payload.html,
        inherentLikelihood: 3,
        inherentImpact: 3,
        residualLikelihood: 2,
        residualImpact: 2,
        status: 'Open'
      });
    }
  });

  it.each([
    ['the SharePoint page with every web part', '/'],
    ['the highlight report in a Teams tab (dark)', '/?host=teams&theme=dark'],
    ['the objectives tracker', '/?webpart=objectivesTracker'],
    ['the benefits tracker', '/?webpart=benefitsTracker'],
    ['the risk register', '/?webpart=riskRegister']
  ])('runs no script on %s', async (_view, url) => {
    const env = e2e();
    const { page } = await env.open(url, { viewport: { width: 1280, height: 2000 } });
    const evidence = watch(page);
    await page.getByText(/XSS \d\d/).first().waitFor({ state: 'attached', timeout: 15_000 });
    const seen = await scrollThrough(page, XSS_PAYLOADS.length);
    // Every payload was on the page at some point (as text or sanitised markup), so the test saw them all.
    const missing = XSS_PAYLOADS.map((_p, i) => `XSS ${String(i + 1).padStart(2, '0')}`).filter((l) => !seen.labels.has(l));
    expect(missing).toEqual([]);
    expect(Array.from(seen.executable)).toEqual([]);
    // Give image errors, animations and meta refreshes the time they would take to fire.
    await page.waitForTimeout(500);
    expect(evidence.dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await executableInPage(page)).toEqual([]);
    // Still on the same page: no meta refresh or base tag navigated anywhere.
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    await env.screenshot(page, url.replace(/[^a-z0-9]+/gi, '-') || 'page');
    // Scrolling a page of 67 extra items per web part through, screen by screen, takes a while.
  }, 180_000);

  it('runs no script in an objective’s details panel, whose history renders every payload as rich text', async () => {
    const env = e2e();
    const { page } = await env.open('/?webpart=objectivesTracker', { viewport: { width: 1280, height: 2000 } });
    const evidence = watch(page);
    await webPart(page).getByRole('searchbox', { name: /search objectives/i }).or(webPart(page).getByRole('textbox', { name: /search objectives/i })).first().fill('XSS history');
    await webPart(page).getByRole('button', { name: HISTORY_OBJECTIVE, exact: true }).click();
    const panel = page.getByRole('dialog');
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    await panel.getByRole('list', { name: new RegExp(HISTORY_OBJECTIVE.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor({ state: 'attached', timeout: 15_000 });
    // Every payload is in the panel, so each one was rendered. The history arrives after the
    // panel opens (its own read), so wait for its entries before counting them.
    await page
      .waitForFunction(
        (n) => new Set(Array.from(document.querySelectorAll('[role="dialog"]')).flatMap((e) => (e as HTMLElement).innerText.match(/XSS \d\d/g) ?? [])).size >= n,
        XSS_PAYLOADS.length,
        { timeout: 15_000 }
      )
      .catch(() => undefined);
    const labels = new Set(await panel.evaluateAll((els) => els.flatMap((e) => (e as HTMLElement).innerText.match(/XSS \d\d/g) ?? [])));
    expect(labels.size).toBe(XSS_PAYLOADS.length);
    await touchLinks(page, '[role="dialog"]');
    await page.waitForTimeout(500);
    expect(evidence.dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await executableInPage(page, '[role="dialog"]')).toEqual([]);
    expect(new URL(page.url()).origin).toBe(env.baseUrl);
    await env.screenshot(page, 'details-panel');
  });

  it('the canary and dialog watch would have caught a script that ran', async () => {
    // Guards the assertions above: the same checks see a script that does run.
    const { page } = await e2e().open('/?webpart=riskRegister');
    const evidence = watch(page);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__xss=1; alert("xss")');
      img.src = 'data:image/png;base64,AAAA';
      document.querySelector('[data-webpart]')?.appendChild(img);
    });
    await page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss === 1, undefined, { timeout: 5_000 });
    await page.waitForTimeout(100);
    expect(evidence.dialogs).toEqual(['alert: xss']);
    expect(await executableInPage(page)).toContain('onerror on <img>');
  });
});
