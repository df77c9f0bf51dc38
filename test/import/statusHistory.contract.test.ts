/**
 * The import against the local host over real HTTP keeps the objectives' report status histories
 * accounting for the update list: after an import that adds updates (to an objective that already
 * had some, and to a new one) the report's history load takes every update's status from the
 * histories, equal to reading the list. An update added over REST outside the product leaves the
 * histories short, and the load reads the list instead, missing nothing.
 */
import { JSDOM } from 'jsdom';
import { startLocalHost } from '../../local/host/server';
import { REFERENCE_TODAY } from '../../local/sample-data/dated';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { toItem } from '../../src/data/mapping';
import { SCHEMA } from '../../src/data/schema';
import type { InitialLoad, Repositories } from '../../src/data/repositories';
import { historyOf } from '../../src/domain/statusHistory';
import type { Objective, ObjectiveUpdate } from '../../src/domain/types';
import { applyImportPlan, createCellSanitiser, planImport, readImportFile } from '../../src/import';
import { formDigest } from '../data/support/digest';
import { toCsvFile } from './support/files';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
let web: string;
const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);
const NOW = `${REFERENCE_TODAY}T09:00:00.000Z`;
/** A quarter after the sample data's updates, so the import adds rather than changes. */
const PERIOD = '2022-23-Q2';

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true, today: REFERENCE_TODAY });
  web = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(web, { digest: await formDigest(web) }));
});

afterAll(async () => {
  await host?.close();
});

const LISTS = ['services', 'objectives', 'updates'] as const;
const fromHistories = (): Promise<InitialLoad> => repos.loadInitial([...LISTS], { readOnly: true, updateFields: 'history' });
const fromList = (): Promise<InitialLoad> => repos.loadInitial([...LISTS], { readOnly: true, updateFields: 'status' });

/** What a status-only read and a history hold alike of an update, times to the second. */
const statusOf = (u: ObjectiveUpdate): unknown => ({
  id: u.id,
  objectiveId: u.objectiveId,
  periodId: u.periodId,
  status: u.status,
  rag: u.rag,
  updatedOn: Math.floor(Date.parse(u.updatedOn) / 1000),
  created: Math.floor(Date.parse(u.created ?? '') / 1000)
});

/** Adds an update over REST, as a script or SharePoint's own form would: the product is not involved. */
async function addUpdateOverRest(update: Omit<ObjectiveUpdate, 'id' | 'etag'>): Promise<void> {
  const response = await fetch(`${web}/_api/web/lists/getByTitle('${encodeURIComponent(SCHEMA.objectiveUpdates.title)}')/items`, {
    method: 'POST',
    headers: { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata', 'X-RequestDigest': await formDigest(web) },
    body: JSON.stringify(toItem('objectiveUpdates', update as unknown as Record<string, unknown>))
  });
  if (!response.ok) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
}

it('after an import the histories account for the update list, earlier updates included', async () => {
  const before = await fromList();
  // The seeded histories account for the seeded updates.
  expect((await fromHistories()).updatesFromHistories).toBe(true);
  const existing = before.objectives.find((o) => before.updates.some((u) => u.objectiveId === o.id) && o.responsibleOfficer) as Objective;
  expect(existing).toBeDefined();
  expect(before.updates.some((u) => u.periodId === PERIOD)).toBe(false);
  const service = before.services.find((s) => s.id === existing.serviceId)?.name as string;
  const officer = existing.responsibleOfficer?.email as string;
  const file = await toCsvFile('objectives.csv', [
    ['Description of the objective', 'Service', 'Status', 'Responsible officer', 'Progress update 2022-23-Q2'],
    [existing.title, service, 'Ongoing', officer, 'Imported for the second quarter.'],
    ['An imported objective', service, 'In progress', officer, 'Started.']
  ]);
  const plan = await planImport(repos, 'objectives', await readImportFile(file, 'objectives'), { sanitiser, now: NOW });
  expect(plan.reject).toEqual([]);
  expect([plan.create.length, plan.update.length]).toEqual([1, 1]);

  const result = await applyImportPlan(repos, plan, { now: NOW });
  expect(result).toEqual(expect.objectContaining({ created: 1, updatesCreated: 2, historiesWritten: 2 }));

  host.resetRequestLog();
  const viaHistories = await fromHistories();
  expect(viaHistories.updatesFromHistories).toBe(true);
  // From the histories the load is one $batch: the update list itself is not read.
  expect(host.requestLog().map((r) => r.method)).toEqual(['POST']);
  const viaList = await fromList();
  expect(viaList.updates).toHaveLength(before.updates.length + 2);
  expect(viaHistories.updates.map(statusOf)).toEqual(viaList.updates.map(statusOf));
  // The objective that had updates keeps them in its history, the imported one after them.
  const imported = viaList.objectives.find((o) => o.title === 'An imported objective') as Objective;
  const statuses = await repos.objectiveUpdates.statusesOf([existing.id, imported.id]);
  expect(statuses.filter((u) => u.objectiveId === existing.id).length).toBeGreaterThan(1);
  const stored = viaHistories.updates.filter((u) => u.objectiveId === existing.id || u.objectiveId === imported.id);
  expect(historyOf(existing.id, stored)).toBe(historyOf(existing.id, statuses));
  expect(historyOf(imported.id, stored)).toBe(historyOf(imported.id, statuses));
  expect(historyOf(imported.id, stored).split('\n')).toHaveLength(1);
});

it('an update added over REST, outside the product, leaves the histories short: the list is read, every update in it', async () => {
  const before = await fromList();
  const objective = before.objectives[0];
  await addUpdateOverRest({ objectiveId: objective.id, periodId: '2022-23-Q3', narrative: '<p>Typed into the list.</p>', status: 'On hold', rag: 'Red', updatedOn: NOW });

  const viaHistories = await fromHistories();
  expect(viaHistories.updatesFromHistories).toBe(false);
  const viaList = await fromList();
  expect(viaList.updates).toHaveLength(before.updates.length + 1);
  expect(viaHistories.updates.map(statusOf)).toEqual(viaList.updates.map(statusOf));
  expect(viaHistories.updates.find((u) => u.periodId === '2022-23-Q3')).toEqual(expect.objectContaining({ objectiveId: objective.id, status: 'On hold', rag: 'Red' }));
});
