/**
 * "Set up lists" brings the objectives' status histories in line with the update list: a site
 * set up before they existed gets them all, a stale or hand-edited one is put right, and a
 * second run writes nothing. Against the local host over real HTTP.
 */
import { startLocalHost } from '../../local/host/server';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ensureLists } from '../../src/data/provisioning';
import { fieldDef, SCHEMA } from '../../src/data/schema';
import { formDigest } from './support/digest';
import '@pnp/sp/lists';
import '@pnp/sp/items';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;

afterEach(async () => {
  await host?.close();
});

it('rebuilds missing and stale histories, so the report takes its statuses from them again, and then writes nothing', async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: 300, updatesPerObjective: 3 }) });
  const webUrl = `${host.url}/sites/ssm`;
  const sp = getSPForUrl(webUrl, { digest: await formDigest(webUrl) });
  const repos = createPnpRepositories(sp);
  const column = fieldDef('objectives', 'statusHistory').internalName;
  const objectives = sp.web.lists.getByTitle(SCHEMA.objectives.title);
  // As on a site set up before the histories: two objectives without one, a third edited by hand.
  await objectives.items.getById(1).update({ [column]: '' });
  await objectives.items.getById(2).update({ [column]: null });
  await objectives.items.getById(3).update({ [column]: 'not a history' });
  const load = (): ReturnType<typeof repos.loadInitial> => repos.loadInitial(['services', 'objectives', 'updates'], { readOnly: true, updateFields: 'history' });
  expect((await load()).updatesFromHistories).toBe(false);

  const report = await ensureLists(sp);
  expect(report.updated).toContain(`${SCHEMA.objectives.title} / status history of 3 objectives`);
  const after = await load();
  expect(after.updatesFromHistories).toBe(true);
  const listed = await repos.loadInitial(['updates'], { readOnly: true, updateFields: 'status' });
  expect(after.updates.map((u) => [u.id, u.objectiveId, u.periodId, u.status, u.rag])).toEqual(listed.updates.map((u) => [u.id, u.objectiveId, u.periodId, u.status, u.rag]));

  host.resetRequestLog();
  const again = await ensureLists(sp);
  expect(again.updated).toEqual([]);
  expect(host.requestLog().filter((r) => r.method !== 'GET')).toEqual([]);
});
