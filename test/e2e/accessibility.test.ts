/**
 * WCAG 2.2 AA with axe-core on every view of the workbench: the SharePoint page with all web
 * parts, each web part on its own, and each web part as a Teams tab in the default, dark and
 * high contrast themes. Zero serious or critical violations; the failure message lists each
 * violation's rule id and the selectors of the elements at fault.
 */
import { blocking, describeViolations, runAxe } from './support/axe';
import { useE2e } from './support/harness';
import { sampleData } from '../../local/sample-data';

const e2e = useE2e({ name: 'a11y' });

const WEB_PARTS = ['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport'];
const THEMES = ['default', 'dark', 'contrast'];

/** Every view: [description, path and query]. */
const VIEWS: Array<[string, string]> = [
  ['SharePoint page with every web part', '/'],
  ...WEB_PARTS.map((w): [string, string] => [`SharePoint page, ${w} only`, `/?webpart=${w}`]),
  ...THEMES.flatMap((theme) => WEB_PARTS.map((w): [string, string] => [`Teams tab (${theme}), ${w}`, `/?host=teams&theme=${theme}&webpart=${w}`]))
];

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it.each(VIEWS)('%s has no serious or critical violations', async (view, url) => {
    const { page } = await e2e().open(url);
    const violations = blocking(await runAxe(page));
    if (violations.length > 0) await e2e().screenshot(page, `violations-${url.replace(/[^a-z0-9]+/gi, '-')}`);
    // Compare the readable summary so the failure names each rule and selector.
    expect(describeViolations(view, violations)).toBe(`${view}: no violations`);
  });

  it('the auditor (read-only) sees an accessible page too', async () => {
    const { page } = await e2e().open('/', { persona: '3' });
    const violations = blocking(await runAxe(page));
    expect(describeViolations('SharePoint page as the auditor', violations)).toBe('SharePoint page as the auditor: no violations');
  });

  it('the objectives tracker’s update form (panel) has no serious or critical violations', async () => {
    // A responsible officer with objectives still open, so the form has fields.
    const officer = sampleData.objectives.find((o) => o.status !== 'Complete' && o.responsibleOfficer)?.responsibleOfficer;
    if (!officer) throw new Error('The sample data has no open objective with an officer.');
    const { page } = await e2e().open('/?webpart=objectivesTracker', { persona: String(officer.id) });
    await page.getByRole('menuitem', { name: /^Update my objectives/ }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: /^Progress update/ }).first().waitFor({ state: 'visible' });
    const violations = blocking(await runAxe(page));
    expect(describeViolations('Update form', violations)).toBe('Update form: no violations');
  });

  it('an objective’s details panel with its history has no serious or critical violations', async () => {
    const { page } = await e2e().open('/?webpart=objectivesTracker');
    const objective = sampleData.objectives[0];
    await page.getByRole('button', { name: objective.title, exact: true }).click();
    await page.getByRole('dialog').getByRole('list').first().waitFor({ state: 'visible' });
    const violations = blocking(await runAxe(page));
    expect(describeViolations('Objective details', violations)).toBe('Objective details: no violations');
  });

  it('runs the WCAG rules at all: a page with a known violation is reported', async () => {
    // Guards against a silently broken axe injection making every view "pass".
    const { page } = await e2e().open('/?webpart=riskRegister');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.id = 'axe-canary';
      document.body.appendChild(img);
    });
    const ids = blocking(await runAxe(page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
  });
});
