/**
 * The import panel in Chromium on the workbench: a site owner chooses the February 2022 paper
 * as a Word document (generated with `docx`), sees every row previewed with its service and
 * period, and applies it; the objectives, their updates (dated the period's last day) and the
 * HR objective's action plan are then in the lists (read back over REST). The Word reader
 * (mammoth) runs in the browser's on-demand import chunk.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lazyStrings } from '../../src/loc/lazy';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { getSPForUrl } from '../../src/data/sp';
import { sampleData } from '../../local/sample-data';
import type { SampleData } from '../../local/sample-data/types';
import { OBJECTIVE_ROWS } from '../import/fixtures/feb2022';
import { toDocx } from '../import/support/word';
import { useE2e } from './support/harness';

/** The sample site with no objectives yet (its services and users kept). */
const empty: SampleData = { ...sampleData, objectives: [], objectiveUpdates: [], objectiveActions: [] };
const e2e = useE2e({ name: 'import', seed: empty });

describe('import from a Word paper in the browser', () => {
  it('previews every row, applies, and writes the objectives, their dated updates and the action plan', async () => {
    const env = e2e();
    const docx = await toDocx('monitoring-report-feb-2022.docx', OBJECTIVE_ROWS, [], {
      2: [
        ['Action', 'Timescale', 'Owner', 'Status'],
        ['Go live with payroll', 'April 2022', 'owen.pemberton@chorley.example.gov.uk', 'On track']
      ]
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-import-')), 'monitoring-report-feb-2022.docx');
    fs.writeFileSync(file, docx.data);

    const { page } = await env.open('/?webpart=objectivesTracker&import=objectives', { persona: 'priya.hartley@chorley.example.gov.uk' });
    await page.getByLabel(lazyStrings.ImportFileLabel).setInputFiles(file);
    await page.getByRole('button', { name: lazyStrings.ImportCheckButton }).click();
    const preview = page.getByRole('table', { name: lazyStrings.ImportPreviewCaption });
    await preview.waitFor({ timeout: 30_000 });
    const rows = await preview.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain('Transformation and Partnerships');
    expect(rows[0]).toContain('Q4 2021/22');
    await env.screenshot(page, 'import-preview');

    await page.getByRole('button', { name: lazyStrings.ImportApplyButton }).click();
    await page.getByRole('button', { name: lazyStrings.ImportConfirmApply, exact: true }).click();
    await page.getByText(lazyStrings.ImportAppliedHeading).waitFor({ timeout: 30_000 });

    const repos = createPnpRepositories(getSPForUrl(`${env.baseUrl}/sites/ssm`));
    const objectives = await repos.objectives.getAll();
    expect(objectives).toHaveLength(8);
    const updates = await repos.objectiveUpdates.getAll();
    expect(updates.map((u) => [u.periodId, u.updatedOn.slice(0, 10)])).toEqual(Array(8).fill(['2021-22-Q4', '2022-03-31']));
    const actions = await repos.objectiveActions.getAll();
    expect(actions.map((a) => [a.title, a.status])).toEqual([['Go live with payroll', 'In progress']]);
    env.assertNoProblems();
  });
});
