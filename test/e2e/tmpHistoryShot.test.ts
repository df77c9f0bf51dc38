import * as path from 'path';
import { personas } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ARTIFACTS_DIR, useE2e } from './support/harness';

const e2e = useE2e({ name: 'tmphistory' });
const EDITOR = String(personas.find((p) => p.role === 'editor')?.userId ?? 1);

it('shots', async () => {
  const repos = createPnpRepositories(getSPForUrl(`${e2e().baseUrl}/sites/ssm`));
  const risks = await repos.risks.getAll();
  const r = risks.find((x) => x.status === 'Open' && x.title.startsWith('Delays')) ?? risks[0];
  const a = await repos.risks.update({ id: r.id, etag: r.etag, residualLikelihood: 3, controls: '<ul><li>Migration partner appointed</li><li>Weekly progress report to the shared ICT board</li></ul>', reviewDate: '2027-02-26' });
  await repos.risks.update({ id: r.id, etag: a.etag, previousResidualScore: 12 });
  for (const size of [{ name: '1366x768', viewport: { width: 1366, height: 768 } }, { name: '390x844', viewport: { width: 390, height: 844 }, mobile: { deviceScaleFactor: 3 } }]) {
    const { page } = await e2e().open('/?webpart=riskRegister', { viewport: size.viewport, mobile: size.mobile, persona: EDITOR });
    await page.getByRole('button', { name: `History of ${r.title}` }).click();
    await page.locator('[data-version]').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `history-panel-risk-${size.name}.png`), scale: 'css' });
    await page.locator('.ms-Panel-scrollableContent').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, `history-panel-risk-${size.name}-end.png`), scale: 'css' });
  }
  expect(true).toBe(true);
});
