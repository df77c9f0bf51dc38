/**
 * A period with more than 5,000 updates: SharePoint (and the host) refuse `Period eq 'x'` on such a
 * list, so the product must read it in id windows of 5,000.
 */
import { LocalHost, startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import type { SampleData } from '../../local/sample-data/types';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { SCHEMA } from '../../src/data/schema';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { formDigest } from './support/digest';

const PERIOD = '2021-22-Q4';
const COUNT = 5003;
let host: LocalHost;
let repos: ReturnType<typeof createPnpRepositories>;

beforeAll(async () => {
  const updates: ObjectiveUpdate[] = Array.from({ length: COUNT }, (_, i) => ({
    id: i + 1,
    etag: '',
    // One update per objective and period (a unique column): a different objective each.
    objectiveId: i + 1,
    periodId: i === COUNT - 1 ? '2021-22-Q3' : PERIOD,
    narrative: '<p>Update</p>',
    status: 'In progress',
    rag: 'Green',
    updatedOn: '2022-01-10T09:00:00Z'
  }));
  const data: SampleData = { ...sampleData, objectiveUpdates: updates };
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: data });
  repos = createPnpRepositories(getSPForUrl(host.webUrl, { digest: await formDigest(host.webUrl) }));
});

afterAll(async () => {
  await host?.close();
});

it('the host refuses the plain period filter on this list, as SharePoint would', async () => {
  const url = `${host.webUrl}/_api/web/lists/getByTitle('${encodeURIComponent(SCHEMA.objectiveUpdates.title)}')/items?$select=Id&$top=5000&$filter=${encodeURIComponent(`Period eq '${PERIOD}'`)}`;
  const r = await fetch(url, { headers: { Accept: 'application/json;odata=minimalmetadata' } });
  expect(r.status).toBe(500);
  expect(await r.text()).toContain('SPQueryThrottledException');
});

it('getForPeriod reads every update of a period over 5,000 items, in two $batch requests', async () => {
  host.resetRequestLog();
  const found = await repos.objectiveUpdates.getForPeriod(PERIOD);
  expect(found).toHaveLength(COUNT - 1);
  expect(new Set(found.map((u) => u.id)).size).toBe(COUNT - 1);
  expect(host.requestLog().map((r) => r.path.replace(/^.*\/_api\//, ''))).toEqual(['$batch', '$batch']);
});

it('loadInitial reads that period in full in two rounds, and in one with the length remembered', async () => {
  host.resetRequestLog();
  const cold = await repos.loadInitial(['updates'], { updatesForPeriods: [PERIOD] });
  expect(host.requestLog()).toHaveLength(2);
  expect(cold.updates).toHaveLength(COUNT - 1);
  host.resetRequestLog();
  const warm = await repos.loadInitial(['updates'], { updatesForPeriods: [PERIOD], idHints: { updates: COUNT } });
  expect(host.requestLog()).toHaveLength(1);
  expect(warm.updates.map((u) => u.id)).toEqual(cold.updates.map((u) => u.id));
});

it('getAll pages a list over 5,000 items in id order', async () => {
  const all = await repos.objectiveUpdates.getAll();
  expect(all.map((u) => u.id)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
});
