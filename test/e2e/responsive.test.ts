/**
 * Every web part and every panel on a phone (390×844 with mobile emulation: touch, device pixel
 * ratio, the viewport meta tag honoured) and on the two common laptop screens (1280×720,
 * 1366×768): the page never scrolls sideways, the primary action (Save, Edit, Publish…) is
 * inside the viewport without panning, a table too wide for a phone scrolls in its own box,
 * and axe finds no serious or critical WCAG 2.2 AA violation on the phone and at 1366×768.
 * Printing (print media) shows the content without the controls, every row included.
 * Screenshots of each web part at each size are left in test-artifacts/e2e/responsive-*.png (the
 * panels too: a benefit's and a risk's change history among them).
 *
 * One browser and one host for the file (the harness); each web part is loaded once per size
 * and its panels are opened and closed on that page.
 */
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { sampleData, personas } from '../../local/sample-data';
import { blocking, describeViolations, runAxe } from './support/axe';
import { ARTIFACTS_DIR, OpenOptions, useE2e } from './support/harness';

const e2e = useE2e({ name: 'responsive' });

/** A screen the layout must work on. */
interface Size {
  name: string;
  viewport: { width: number; height: number };
  mobile?: { deviceScaleFactor: number };
  /** Run axe at this size (the phone and the larger laptop: the layouts differ there). */
  axe: boolean;
}

const SIZES: Size[] = [
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, mobile: { deviceScaleFactor: 3 }, axe: true },
  { name: 'laptop-1280x720', viewport: { width: 1280, height: 720 }, axe: false },
  { name: 'laptop-1366x768', viewport: { width: 1366, height: 768 }, axe: true }
];

const EDITOR = String(personas.find((p) => p.role === 'editor')?.userId ?? 1);
/** A responsible officer with open objectives, so "Update my objectives" has a form with Save. */
const OFFICER = String(sampleData.objectives.find((o) => o.status !== 'Complete' && o.responsibleOfficer)?.responsibleOfficer?.id ?? EDITOR);

function webPart(page: Page, name: string): Locator {
  return page.locator(`[data-webpart="${name}"]`);
}

async function openAt(size: Size, url: string, persona: string): Promise<Page> {
  const options: OpenOptions = { viewport: size.viewport, mobile: size.mobile, persona };
  const { page } = await e2e().open(url, options);
  await settle(page);
  return page;
}

/** Waits for Fluent's fade-ins (panels, rows) and for lists rendered a step at a time. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 10_000 });
  await page.waitForTimeout(150);
}

/** Fails, naming the widest elements, when the page scrolls sideways (or a phone had to widen its layout viewport). */
async function expectNoSidewaysScroll(page: Page, size: Size, what: string): Promise<void> {
  const m = await page.evaluate(() => {
    const width = window.innerWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      // Content inside a box that scrolls on its own is allowed to be wider than the page.
      if (r.width > 0 && r.right > width + 1 && !el.closest('[data-scroll-box="scrolls"]')) {
        wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).split(' ')[0]} (right edge ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 5) };
  });
  const fits = m.scrollWidth <= m.innerWidth && m.innerWidth === size.viewport.width;
  if (!fits) {
    throw new Error(
      `${what} at ${size.name} scrolls sideways: scrollWidth ${m.scrollWidth}, innerWidth ${m.innerWidth} (viewport ${size.viewport.width}). Widest: ${m.wide.join('; ')}`
    );
  }
  expect(m.scrollWidth).toBeLessThanOrEqual(size.viewport.width);
}

/**
 * Fails unless `action` is inside the viewport: across without any panning (as it is shown),
 * then, scrolled to vertically, wholly on screen.
 */
async function expectInViewport(page: Page, size: Size, action: Locator, what: string): Promise<void> {
  await action.waitFor({ state: 'visible', timeout: 15_000 });
  const before = await action.boundingBox();
  if (!before) throw new Error(`${what} at ${size.name}: the action has no box.`);
  if (before.x < 0 || before.x + before.width > size.viewport.width + 0.5) {
    throw new Error(`${what} at ${size.name}: the action spans x ${Math.round(before.x)}–${Math.round(before.x + before.width)}, outside the ${size.viewport.width}px viewport.`);
  }
  await action.scrollIntoViewIfNeeded();
  const box = await action.boundingBox();
  const inside = !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.viewport.width + 0.5 && box.y + box.height <= size.viewport.height + 0.5;
  if (!inside) throw new Error(`${what} at ${size.name}: scrolled to, the action is at ${JSON.stringify(box)}, outside ${JSON.stringify(size.viewport)}.`);
  expect(inside).toBe(true);
}

async function expectAccessible(page: Page, size: Size, what: string): Promise<void> {
  if (!size.axe) return;
  const violations = blocking(await runAxe(page));
  expect(describeViolations(`${what} at ${size.name}`, violations)).toBe(`${what} at ${size.name}: no violations`);
}

async function screenshot(page: Page, size: Size, name: string, fullPage: boolean = true): Promise<void> {
  // CSS pixels, so a phone's full page stays within the browser's capture limits.
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `responsive-${size.name}-${name}.png`), fullPage, scale: 'css' });
}

/** The panel or dialog on top, once it has finished opening. */
async function topLayer(page: Page): Promise<Locator> {
  const layer = page.locator('.ms-Panel-main, .ms-Dialog-main').last();
  await layer.waitFor({ state: 'visible', timeout: 15_000 });
  await settle(page);
  return layer;
}

/** The panel fits the viewport across, its content does not scroll sideways, nor does the page. */
async function expectPanelFits(page: Page, size: Size, layer: Locator, what: string): Promise<void> {
  const m = await layer.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const scrolling = Array.from(el.querySelectorAll('.ms-Panel-scrollableContent, .ms-Panel-contentInner, .ms-Dialog-inner'))
      .filter((s) => s.scrollWidth > s.clientWidth + 1)
      .map((s) => `${String(s.className).split(' ')[0]} ${s.scrollWidth}>${s.clientWidth}`);
    return { left: r.left, right: r.right, scrolling };
  });
  if (m.left < 0 || m.right > size.viewport.width + 0.5 || m.scrolling.length > 0) {
    throw new Error(`${what} at ${size.name}: the panel spans ${Math.round(m.left)}–${Math.round(m.right)} of ${size.viewport.width}px; scrolling sideways: ${m.scrolling.join(', ') || 'none'}`);
  }
  expect(m.scrolling).toEqual([]);
  await expectNoSidewaysScroll(page, size, what);
}

/** Closes the panel or dialog on top with Escape and waits for it to go. */
async function closeTop(page: Page): Promise<void> {
  const count = await page.locator('.ms-Panel-main, .ms-Dialog-main').count();
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => document.querySelectorAll('.ms-Panel-main, .ms-Dialog-main').length < n, count, { timeout: 10_000 });
}

/** Runs a command of a command bar, from its overflow menu ("More") when the bar is too narrow to show it. */
async function runCommand(page: Page, scope: Locator, name: RegExp): Promise<void> {
  const item = scope.getByRole('menuitem', { name });
  if ((await item.count()) > 0 && (await item.first().isVisible())) {
    await item.first().click();
    return;
  }
  await scope.locator('.ms-CommandBar-overflowButton').click();
  await page.getByRole('menuitem', { name }).click();
}

/** Opens a panel with `open`, checks it fits with `primary` inside the viewport, screenshots it, runs axe, closes it. */
async function checkPanel(page: Page, size: Size, what: string, open: () => Promise<void>, primary: (layer: Locator) => Locator): Promise<void> {
  await open();
  const layer = await topLayer(page);
  await expectPanelFits(page, size, layer, what);
  await expectInViewport(page, size, primary(layer), `${what}: primary action`);
  await screenshot(page, size, `panel-${what.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`, false);
  await expectAccessible(page, size, what);
  await closeTop(page);
}

describe.each(SIZES)('at $name', (size) => {
  it('the objectives tracker and its panels fit, with their primary actions on screen', async () => {
    // The officer: "Update my objectives" has objectives to update.
    let page = await openAt(size, '/?webpart=objectivesTracker', OFFICER);
    const tracker = webPart(page, 'objectivesTracker');
    await expectNoSidewaysScroll(page, size, 'Objectives tracker');
    const update = tracker.getByRole('menuitem', { name: /^Update my objectives/ });
    await expectInViewport(page, size, update, 'Objectives tracker: Update my objectives');
    // The first objective's title (it opens the objective) is on screen in the grid or its card.
    const firstTitle = tracker.locator('[data-objective-title]').first();
    await expectInViewport(page, size, firstTitle, 'Objectives tracker: first objective');
    if (size.mobile) expect(await tracker.locator('[data-layout="cards"]').count()).toBe(1);
    else expect(await tracker.getByRole('grid').count()).toBe(1);
    await screenshot(page, size, 'objectivesTracker');
    await expectAccessible(page, size, 'Objectives tracker');

    await checkPanel(
      page,
      size,
      'Update my objectives',
      () => update.click(),
      (layer) => layer.locator('.ms-Button--primary').first()
    );
    await checkPanel(
      page,
      size,
      'Objective details',
      () => firstTitle.click(),
      (layer) => layer.getByRole('button', { name: /^Edit objective/ })
    );

    // The editor: a new objective and the reminders dialog.
    // eslint-disable-next-line require-atomic-updates -- one test's own sequence: nothing else assigns it while it waits.
    page = await openAt(size, '/?webpart=objectivesTracker', EDITOR);
    const editorTracker = webPart(page, 'objectivesTracker');
    await checkPanel(
      page,
      size,
      'New objective',
      () => runCommand(page, editorTracker, /^New objective/),
      (layer) => layer.locator('.ms-Button--primary').first()
    );
    await checkPanel(
      page,
      size,
      'Send reminders',
      () => runCommand(page, editorTracker, /^Send reminders/),
      (layer) => layer.locator('.ms-Dialog-actions .ms-Button').first()
    );
    await checkPanel(
      page,
      size,
      'Import objectives',
      () => page.getByRole('button', { name: /^Import from a spreadsheet/ }).click(),
      (layer) => layer.getByRole('button', { name: /^Check the file/ })
    );
  });

  it.each([
    ['benefitsTracker', 'benefit', /^New benefit/],
    ['riskRegister', 'risk', /^New risk/]
  ] as const)('the %s, its edit buttons, its form and its search fit', async (name, noun, create) => {
    const page = await openAt(size, `/?webpart=${name}`, EDITOR);
    const part = webPart(page, name);
    await expectNoSidewaysScroll(page, size, name);
    await expectInViewport(page, size, part.getByRole('button', { name: create }), `${name}: New ${noun}`);
    // Every row's Edit button is on screen across: the first and the last.
    const edits = part.getByRole('button', { name: /^Edit / });
    expect(await edits.count()).toBeGreaterThan(0);
    await expectInViewport(page, size, edits.first(), `${name}: first Edit`);
    await expectInViewport(page, size, edits.last(), `${name}: last Edit`);
    if (size.mobile) expect(await part.locator('[data-layout="cards"]').count()).toBeGreaterThan(0);
    else expect(await part.locator('[data-layout="grid"]').count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, size, name);
    await expectAccessible(page, size, name);

    await checkPanel(page, size, `New ${noun}`, () => part.getByRole('button', { name: create }).click(), (layer) => layer.getByRole('button', { name: /^Save$/ }));
    await checkPanel(page, size, `Edit ${noun}`, () => edits.first().click(), (layer) => layer.getByRole('button', { name: /^Save$/ }));
    // An auditor's history of the item: read when asked for, its versions newest first, fitting the screen.
    const histories = part.getByRole('button', { name: /^History of / });
    expect(await histories.count()).toBe(await edits.count());
    await expectInViewport(page, size, histories.last(), `${name}: last History`);
    await checkPanel(page, size, `History of ${noun}`, () => histories.first().click(), (layer) => layer.locator('[data-version]').first());

    // Search narrows the list to the items whose text has every word, still fitting the screen.
    const before = await edits.count();
    const title = ((await edits.last().getAttribute('aria-label')) ?? '').replace(/^Edit /, '');
    await part.getByRole('searchbox', { name: /^Search / }).fill(title);
    await page.waitForFunction(
      ([scope, n]) => document.querySelectorAll(`[data-webpart="${scope}"] [aria-label^="Edit "]`).length < n,
      [name, before] as const,
      // The register filters as the user types, after a debounce: a loaded two-core machine needs longer.
      { timeout: 30_000 }
    );
    expect(await part.getByRole('button', { name: `Edit ${title}`, exact: true }).count()).toBe(1);
    await expectNoSidewaysScroll(page, size, `${name} searched`);
  });

  it('the highlight report fits, its tables scroll in their own boxes, and Publish opens a dialog that fits', async () => {
    const page = await openAt(size, '/?webpart=highlightReport', EDITOR);
    const report = webPart(page, 'highlightReport');
    await expectNoSidewaysScroll(page, size, 'Highlight report');
    await expectInViewport(page, size, report.getByRole('button', { name: /^Download for committee/ }), 'Highlight report: Download');
    const publish = report.getByRole('button', { name: /^Publish this report/ });
    await expectInViewport(page, size, publish, 'Highlight report: Publish');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, size, 'highlightReport');
    await expectAccessible(page, size, 'Highlight report');
    await checkPanel(page, size, 'Publish report', () => publish.click(), (layer) => layer.locator('.ms-Button--primary').first());
  });

  it('the highlight report as a Teams tab fits; wide tables scroll inside their own focusable box', async () => {
    const page = await openAt(size, '/?host=teams&theme=default&webpart=highlightReport', EDITOR);
    await expectNoSidewaysScroll(page, size, 'Teams highlight report');
    const boxes = page.locator('[data-scroll-box]');
    expect(await boxes.count()).toBeGreaterThan(0);
    const scrolling = page.locator('[data-scroll-box="scrolls"]');
    if (size.mobile) {
      // On a phone the risk tables are wider than the tab: they scroll, named and focusable.
      expect(await scrolling.count()).toBeGreaterThan(0);
      const first = scrolling.first();
      expect(await first.getAttribute('tabindex')).toBe('0');
      expect(await first.getAttribute('role')).toBe('region');
      expect(await first.getAttribute('aria-label')).toBeTruthy();
      const scrolled = await first.evaluate((el) => {
        el.scrollLeft = 100;
        return el.scrollLeft;
      });
      expect(scrolled).toBeGreaterThan(0);
    } else {
      expect(await scrolling.count()).toBe(0);
    }
    await screenshot(page, size, 'teams-highlightReport');
    await expectAccessible(page, size, 'Teams highlight report');
  });
});

describe('on a phone, every web part as a Teams tab', () => {
  const phone = SIZES[0];
  it.each(['objectivesTracker', 'benefitsTracker', 'riskRegister'])('%s fits the tab', async (name) => {
    const page = await openAt(phone, `/?host=teams&theme=dark&webpart=${name}`, EDITOR);
    await expectNoSidewaysScroll(page, phone, `Teams ${name}`);
    await screenshot(page, phone, `teams-${name}`);
  });
});

describe('printing', () => {
  it('prints every web part’s content without its controls, and every row of the lists', async () => {
    const size = SIZES[2];
    const page = await openAt(size, '/', EDITOR);
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    // No control is shown on paper: no buttons, dropdowns, search boxes, switches or tabs.
    const controls = await page.evaluate(() => {
      const selector = 'button, [role="button"], [role="combobox"], [role="menuitem"], [role="tab"], [role="switch"], [role="searchbox"], input, select, textarea';
      // The heat map's cells are content (counts in colours), and an objective's title opens it on screen.
      const content = (el: Element): boolean => el.closest('[data-testid="heat-map"]') !== null || el.hasAttribute('data-objective-title');
      return Array.from(document.querySelectorAll(selector))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !content(el);
        })
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/[\uE000-\uF8FF]/g, '').trim().slice(0, 40)}"`);
    });
    expect(controls).toEqual([]);
    // The content is there: every objective (no virtualisation on paper), benefit and open risk.
    for (const o of sampleData.objectives) await expectPrinted(webPart(page, 'objectivesTracker').getByText(o.title, { exact: true }).first(), o.title);
    for (const b of sampleData.benefits) await expectPrinted(webPart(page, 'benefitsTracker').getByText(b.title, { exact: true }).first(), b.title);
    for (const r of sampleData.risks.filter((x) => x.status === 'Open')) {
      await expectPrinted(webPart(page, 'riskRegister').getByText(r.title, { exact: true }).first(), r.title);
    }
    // The filters applied are written out in place of the controls.
    await expectPrinted(webPart(page, 'riskRegister').getByText(/^Service: All services/), 'the risk register’s filters');
    // No suite bar, site navigation or footer on paper.
    expect(await page.getByRole('navigation', { name: 'Site navigation' }).isVisible()).toBe(false);
    await screenshot(page, size, 'print-page');
    // And the browser's own print output is produced (a PDF, as "Save as PDF" does).
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

async function expectPrinted(locator: Locator, what: string): Promise<void> {
  const visible = await locator.isVisible();
  if (!visible) throw new Error(`Printing leaves out ${what}.`);
  expect(visible).toBe(true);
}
