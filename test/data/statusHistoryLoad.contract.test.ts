/**
 * The report's first load with `updateFields: 'history'` against the local host over real HTTP:
 * the updates' statuses come from the objectives' status histories in the same two `$batch`
 * requests as before, equal to a status-only read of the list; and when the histories no longer
 * account for the list (an update added, edited or deleted outside the product, or a history
 * edited by hand), the updates are read from the list instead, so the report is never built
 * from a stale copy.
 */
import { startLocalHost } from '../../local/host/server';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { InitialLoad, LoadInitialOptions, Repositories } from '../../src/data/repositories';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { fieldDef, SCHEMA } from '../../src/data/schema';
import { formDigest } from './support/digest';
import '@pnp/sp/lists';
import '@pnp/sp/items';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
let sp: ReturnType<typeof getSPForUrl>;

const LISTS = ['services', 'objectives', 'updates', 'benefits', 'risks'] as const;

beforeEach(async () => {
  // 1,500 objectives with 4 updates each: a list of updates over one page of 5,000.
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: 1500, updatesPerObjective: 4 }) });
  const webUrl = `${host.url}/sites/ssm`;
  sp = getSPForUrl(webUrl, { digest: await formDigest(webUrl) });
  repos = createPnpRepositories(sp);
});

afterEach(async () => {
  await host?.close();
});

const load = (updateFields: LoadInitialOptions['updateFields'], followUp?: LoadInitialOptions['followUp']): Promise<InitialLoad> =>
  repos.loadInitial(LISTS, { readOnly: true, updateFields, include: { latestUpdatePeriod: true }, followUp });

/** What statuses, changes, trends and "existed by then" are computed from. */
const statusFields = (updates: readonly ObjectiveUpdate[]): unknown[] =>
  updates.map((u) => ({ id: u.id, objectiveId: u.objectiveId, periodId: u.periodId, status: u.status, rag: u.rag, updatedOn: Date.parse(u.updatedOn), created: Date.parse(u.created ?? '') }));

it('takes the statuses from the histories in two $batch requests, equal to a status-only read of the list', async () => {
  const listed = await load('status');
  host.resetRequestLog();
  let planned: number | undefined;
  const data = await load('history', (first) => {
    planned = first.updates.length;
    return { updatesForPeriods: ['2021-22-Q4'] };
  });
  expect(host.requestLog().map((r) => r.method + ' ' + r.path.replace(/^.*\/_api\//, '_api/'))).toEqual(['POST _api/$batch', 'POST _api/$batch']);
  expect(data.updatesFromHistories).toBe(true);
  expect(data.updatesStatusOnly).toBe(true);
  // Known at the end of the first round, when the follow-up is planned.
  expect(planned).toBe(6000);
  expect(statusFields(data.updates)).toEqual(statusFields(listed.updates));
  for (const u of data.updates) expect(u.narrative).toBe('');
  // The histories were read for this only.
  for (const o of data.objectives) expect(o.statusHistory).toBeUndefined();
  expect(data.periodUpdates?.length).toBe(listed.updates.filter((u) => u.periodId === '2021-22-Q4').length);
});

it('reads the objectives as summaries, and every field of those the follow-up asks for, in the same two $batch requests', async () => {
  const whole = await repos.loadInitial(['objectives'], { readOnly: true });
  host.resetRequestLog();
  const asked = [2, 7, 1499, 1501];
  const data = await repos.loadInitial(LISTS, { readOnly: true, updateFields: 'history', objectiveFields: 'summary', followUp: () => ({ objectives: asked }) });
  expect(host.requestLog()).toHaveLength(2);
  expect(data.objectivesSummaryOnly).toBe(true);
  expect(data.updatesFromHistories).toBe(true);
  expect(data.objectives.map((o) => o.id)).toEqual(whole.objectives.map((o) => o.id));
  const byId = new Map(whole.objectives.map((o) => [o.id, o]));
  for (const o of data.objectives) {
    const w = byId.get(o.id);
    expect({ title: o.title, serviceId: o.serviceId, status: o.status, rag: o.rag, lastUpdatePeriodId: o.lastUpdatePeriodId, created: o.created }).toEqual({
      title: w?.title,
      serviceId: w?.serviceId,
      status: w?.status,
      rag: w?.rag,
      lastUpdatePeriodId: w?.lastUpdatePeriodId,
      created: w?.created
    });
    expect([o.aim ?? '', o.responsibleOfficer, o.targetDate]).toEqual(['', undefined, undefined]);
  }
  // The ids asked for come whole (1,501 does not exist and is left out).
  expect(data.objectiveDetails).toEqual(whole.objectives.filter((o) => asked.indexOf(o.id) >= 0));
});

it('reads the list when an update was added outside the product', async () => {
  const before = await load('status');
  const objective = before.objectives.find((o) => !before.updates.some((u) => u.objectiveId === o.id && u.periodId === '2022-23-Q1'));
  expect(objective).toBeDefined();
  const f = (key: string): string => fieldDef('objectiveUpdates', key).internalName;
  await sp.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.add({
    Title: 'Added in SharePoint',
    [`${f('objectiveId')}Id`]: objective?.id,
    [f('periodId')]: '2022-23-Q1',
    [f('narrative')]: '<p>Typed into the list form.</p>',
    [f('status')]: 'In progress',
    [f('rag')]: 'Amber',
    [f('updatedOn')]: '2022-05-01T10:00:00Z'
  });
  const data = await load('history');
  expect(data.updatesFromHistories).toBe(false);
  expect(data.updates).toHaveLength(before.updates.length + 1);
  expect(data.updates.some((u) => u.objectiveId === objective?.id && u.periodId === '2022-23-Q1' && u.status === 'In progress')).toBe(true);
});

it('reads the list when an update was edited outside the product', async () => {
  const before = await load('status');
  const edited = before.updates[10];
  const f = (key: string): string => fieldDef('objectiveUpdates', key).internalName;
  await sp.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.getById(edited.id).update({ [f('status')]: 'On hold', [f('rag')]: 'Red' });
  const data = await load('history');
  expect(data.updatesFromHistories).toBe(false);
  const read = data.updates.find((u) => u.id === edited.id);
  expect([read?.status, read?.rag]).toEqual(['On hold', 'Red']);
});

it('reads the list when an update was deleted outside the product, or a history edited by hand', async () => {
  const before = await load('status');
  await sp.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.getById(before.updates[0].id).delete();
  const afterDelete = await load('history');
  expect(afterDelete.updatesFromHistories).toBe(false);
  expect(afterDelete.updates).toHaveLength(before.updates.length - 1);

  const objective = before.objectives[3];
  await sp.web.lists.getByTitle(SCHEMA.objectives.title).items.getById(objective.id).update({ [fieldDef('objectives', 'statusHistory').internalName]: 'not a history' });
  const afterEdit = await load('history');
  expect(afterEdit.updatesFromHistories).toBe(false);
  expect(afterEdit.updates).toHaveLength(before.updates.length - 1);
});
