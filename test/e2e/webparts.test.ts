/**
 * The web parts' main paths in Chromium against the local host (sample data): what a council
 * officer sees on the SharePoint page, the Teams tab in the dark theme, and the auditor
 * persona's read-only view. Elements are found by role and accessible name, as a screen
 * reader user would find them, so the tests survive restyling.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import type { Locator, Page } from 'playwright-core';
import { personas, sampleData } from '../../local/sample-data';
import { BENEFIT_CATEGORIES } from '../../src/domain/vocabularies';
import { useE2e } from './support/harness';

const e2e = useE2e({ name: 'webparts' });

/** The web part's region on the page, by its folder name. */
function webPart(page: Page, name: string): Locator {
  return page.locator(`[data-webpart="${name}"]`);
}

/** Controls that change data (their names start with the action): none may be offered to a read-only user. */
const EDIT_CONTROL = /^(edit|update|add|new|create|delete|remove|save|submit|publish|import|send|close risk|record)\b/i;

/** Titles of the sample items: buttons named after an item open it to read, whatever verb the title starts with. */
const ITEM_TITLES = new Set<string>([...sampleData.objectives, ...sampleData.benefits, ...sampleData.risks].map((i) => i.title));

/** Accessible names of every enabled button and command inside `scope`. */
async function actionNames(scope: Locator): Promise<string[]> {
  // Command bars expose their commands as menu items, not buttons.
  const buttons = scope.getByRole('button').or(scope.getByRole('menuitem'));
  const names: string[] = [];
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = buttons.nth(i);
    if (!(await b.isVisible()) || !(await b.isEnabled())) continue;
    // Icon glyphs are private-use characters in the text: drop them.
    names.push(((await b.getAttribute('aria-label')) ?? (await b.innerText())).replace(/[\uE000-\uF8FF]/g, '').trim());
  }
  return names;
}

describe('SharePoint page: each web part’s main path', () => {
  it('shows the objectives grouped under their services', async () => {
    // Tall enough that the list (virtualised beyond the viewport) renders every sample row.
    const { page } = await e2e().open('/?webpart=objectivesTracker', { viewport: { width: 1280, height: 4000 } });
    const grid = webPart(page, 'objectivesTracker').getByRole('grid', { name: /grouped by service/i });
    await expectVisible(grid);
    await grid.getByRole('row').nth(sampleData.objectives.length).waitFor({ state: 'attached' });
    // Walk the rows in order: a group header row (expandable) names the service of the rows below it.
    const rows = await grid.getByRole('row').evaluateAll((els) =>
      els.map((r) => ({ header: r.hasAttribute('data-group-header'), text: ((r as HTMLElement).innerText || '').replace(/[\uE000-\uF8FF]/g, '').trim() }))
    );
    const placed = new Map<string, string>();
    let group: string | undefined;
    for (const row of rows) {
      if (row.header) group = row.text.replace(/\s*\(\d+\)$/, '').trim();
      else if (group !== undefined) placed.set(row.text.split('\n')[0].trim(), group);
    }
    const expected = new Map(sampleData.objectives.map((o) => [o.title, sampleData.services.find((sv) => sv.id === o.serviceId)?.name]));
    expect(new Map(Array.from(placed.entries()).filter(([title]) => expected.has(title)))).toEqual(expected);
    await e2e().screenshot(page, 'objectives');
  });

  it('shows the benefits under the four categories of the business case', async () => {
    const { page } = await e2e().open('/?webpart=benefitsTracker');
    const tracker = webPart(page, 'benefitsTracker');
    for (const category of BENEFIT_CATEGORIES) {
      const group = tracker.getByRole('region', { name: category, exact: true });
      await expectVisible(group.getByRole('heading', { name: category, exact: true }));
      for (const benefit of sampleData.benefits.filter((b) => b.category === category)) {
        await expectVisible(group.getByText(benefit.title, { exact: true }).first());
      }
    }
    // A benefit is never listed under another category.
    const first = sampleData.benefits[0];
    const other = BENEFIT_CATEGORIES.find((c) => c !== first.category) as string;
    expect(await tracker.getByRole('region', { name: other, exact: true }).getByText(first.title, { exact: true }).count()).toBe(0);
    await e2e().screenshot(page, 'benefits');
  });

  it('shows the open risks and a heat map whose cells count them and filter the register', async () => {
    const { page } = await e2e().open('/?webpart=riskRegister', { viewport: { width: 1280, height: 3000 } });
    const register = webPart(page, 'riskRegister');
    const open = sampleData.risks.filter((r) => r.status === 'Open');
    for (const risk of open) await expectVisible(register.getByText(risk.title, { exact: true }).first());

    const heatMap = register.getByRole('group', { name: 'Heat map' });
    await expectVisible(heatMap);
    // Which scores the map shows (inherent or residual) is the user's choice; count what it shows.
    const basis = (await register.getByRole('radio', { checked: true }).first().getAttribute('value')) ?? '';
    const residual = !/inherent/i.test(basis) && !/inherent/i.test(await register.getByRole('radio', { checked: true }).first().evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    const expected = new Map<string, number>();
    for (const r of open) {
      const key = residual ? `${r.residualLikelihood},${r.residualImpact}` : `${r.inherentLikelihood},${r.inherentImpact}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const shown = new Map<string, number>();
    for (const label of await heatMap.getByRole('button').evaluateAll((els) => els.map((e) => e.textContent ?? ''))) {
      // Read each number on its own, so rewording the label (e.g. adding the band) keeps this working.
      const l = /likelihood (\d)/i.exec(label);
      const i = /impact (\d)/i.exec(label);
      const n = /(\d+) risks?\b/i.exec(label);
      if (l && i && n && Number(n[1]) > 0) shown.set(`${l[1]},${i[1]}`, Number(n[1]));
    }
    expect(shown).toEqual(expected);

    // Selecting a cell (with the keyboard) lists only its risks.
    const [cell, count] = Array.from(expected.entries()).sort((a, b) => a[1] - b[1])[0];
    const [likelihood, impact] = cell.split(',');
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    await heatMap.getByRole('button', { name: new RegExp(`likelihood ${likelihood}\\b[^,]*, impact ${impact}\\b`, 'i') }).focus();
    await page.keyboard.press('Enter');
    const inCell = open.filter((r) => (residual ? `${r.residualLikelihood},${r.residualImpact}` : `${r.inherentLikelihood},${r.inherentImpact}`) === cell);
    expect(inCell).toHaveLength(count);
    const others = open.filter((r) => inCell.indexOf(r) < 0);
    await register.getByText(others[0].title, { exact: true }).first().waitFor({ state: 'detached', timeout: 10_000 });
    for (const risk of inCell) await expectVisible(register.getByText(risk.title, { exact: true }).first());
    await e2e().screenshot(page, 'risks');
  });

  it('shows each service’s latest highlight report', async () => {
    const { page } = await e2e().open('/?webpart=highlightReport');
    const report = webPart(page, 'highlightReport');
    for (const service of sampleData.services) {
      const section = report.getByRole('region', { name: service.name, exact: true });
      await expectVisible(section.getByRole('heading', { name: service.name, exact: true }));
      const latest = sampleData.highlights
        .filter((h) => h.serviceId === service.id)
        .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate))[0];
      if (!latest) continue;
      // The first words of the key points as plain text (the HTML is rendered, not shown).
      const text = firstWords(latest.keyPoints || latest.activityOverview);
      if (text) await expectVisible(section.getByText(text, { exact: false }).first());
    }
    await e2e().screenshot(page, 'highlights');
  });
});

describe('highlight report: Word export', () => {
  it('downloads the committee report as a Word document naming the services', async () => {
    const { page } = await e2e().open('/?webpart=highlightReport');
    const button = webPart(page, 'highlightReport').getByRole('button', { name: /download for committee/i });
    await expectVisible(button);
    await page.waitForFunction(() => {
      const b = Array.from(document.querySelectorAll('[data-webpart] button')).find((x) => /download for committee/i.test(x.textContent ?? ''));
      return b !== undefined && !(b as HTMLButtonElement).disabled && b.getAttribute('aria-disabled') !== 'true';
    });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const xml = readZipEntry(fs.readFileSync(file), 'word/document.xml');
    const named = sampleData.services.filter((sv) => xml.includes(sv.name));
    expect(named.length).toBeGreaterThan(0);
  });
});

describe('Microsoft Teams tab', () => {
  it('shows the highlight report on a dark background in the dark theme', async () => {
    const { page } = await e2e().open('/?host=teams&theme=dark');
    const report = webPart(page, 'highlightReport');
    await expectVisible(report.getByRole('heading', { level: 2 }).first());
    await expectVisible(report.getByRole('region', { name: sampleData.services[0].name, exact: true }));
    // No SharePoint chrome in a tab.
    expect(await page.getByRole('navigation', { name: 'Site navigation' }).count()).toBe(0);
    const colours = await report.evaluate((el) => {
      const themed = (el.querySelector('.ms-Fabric') ?? el) as HTMLElement;
      const heading = el.querySelector('h2') as HTMLElement;
      return { background: getComputedStyle(themed).backgroundColor, text: getComputedStyle(heading).color };
    });
    expect(luminance(colours.background)).toBeLessThan(0.1);
    expect(luminance(colours.text)).toBeGreaterThan(0.7);
    await e2e().screenshot(page, 'teams-dark');
  });
});

describe('personas', () => {
  it('switching to the auditor reloads the page read-only, with no edit controls', async () => {
    const { page } = await e2e().open('/');
    const auditor = sampleData.users.find((u) => u.id === personas.find((p) => p.role === 'auditor')?.userId);
    if (!auditor) throw new Error('The sample data has no auditor persona.');

    // The editor is offered edit controls, so the check below can see them when they are there.
    const editorActions = (await actionNames(webPart(page, 'objectivesTracker'))).filter((n) => EDIT_CONTROL.test(n) && !ITEM_TITLES.has(n));
    expect(editorActions.length).toBeGreaterThan(0);

    const switcher = page.getByRole('combobox', { name: 'Signed in as' });
    await switcher.click();
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    await Promise.all([page.waitForEvent('load'), page.getByRole('option', { name: new RegExp(auditor.displayName) }).click()]);
    await page.waitForFunction(() => document.querySelectorAll('[data-webpart] h2').length === 4, undefined, { timeout: 20_000 });
    await expectVisible(page.getByRole('combobox', { name: 'Signed in as' }).getByText(auditor.displayName, { exact: false }));

    // The host now answers as the auditor (the cookie travels with every request).
    const me = await page.evaluate(async () => {
      const r = await fetch('/sites/ssm/_api/web/currentuser', { headers: { Accept: 'application/json;odata=nometadata' } });
      return (await r.json()) as { Email: string };
    });
    expect(me.Email.toLowerCase()).toBe(auditor.email.toLowerCase());

    const offered: string[] = [];
    for (const name of ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport']) {
      offered.push(
        ...(await actionNames(webPart(page, name)))
          .filter((n) => EDIT_CONTROL.test(n) && !ITEM_TITLES.has(n))
          .map((n) => `${name}: ${n}`)
      );
      // Search boxes and filters are fine; text editors are not.
      expect(await webPart(page, name).locator('textarea, [contenteditable="true"]').count()).toBe(0);
    }
    expect(offered).toEqual([]);
    await e2e().screenshot(page, 'auditor');
  });
});

describe('the browser test harness', () => {
  it('fails a test on page errors, console errors and requests to other hosts', async () => {
    const env = e2e();
    const { page } = await env.open('/?webpart=highlightReport');
    expect(() => env.assertNoProblems()).not.toThrow();
    await page.evaluate(async () => {
      console.error('provoked console error');
      setTimeout(() => {
        throw new Error('provoked page error');
      }, 0);
      // A reserved name that never resolves: the route refuses it before any lookup.
      await fetch('https://blocked.invalid/beacon').then(
        () => undefined,
        (e: unknown) => String(e)
      );
    });
    await page.waitForTimeout(200);
    expect(() => env.assertNoProblems()).toThrow(/console error on .*provoked console error/);
    expect(() => env.assertNoProblems()).toThrow(/page error on .*provoked page error/);
    expect(() => env.assertNoProblems()).toThrow(/request to another host refused on .*https:\/\/blocked\.invalid\/beacon/);
    env.clearProblems();
  });
});

/**
 * One entry of a zip file (a .docx), read through the central directory with Node's zlib, so
 * the test needs no zip package of its own.
 */
function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('Not a zip file: no end of central directory.');
  let at = zip.readUInt32LE(eocd + 16);
  const entries = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('Corrupt zip central directory.');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} is not in the zip file.`);
}

/** Waits for the element to be visible (fails the test with the locator when it never is). */
async function expectVisible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}

/** The first few words of some HTML's text, short enough to sit inside one element. */
function firstWords(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.split(' ').slice(0, 4).join(' ');
}

/** Relative luminance (0 black .. 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(css);
  if (!m) throw new Error(`Not an rgb() colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
