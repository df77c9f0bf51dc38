/**
 * The update save keeps the objectives' status histories against the local host over real HTTP:
 * after a new update and a correction of an older quarter, the highlight report's load takes the
 * updates' statuses from the histories (they account for the update list) and gets the same
 * updates as reading the list itself; and an update saved over an objective someone else changed
 * meanwhile has its history written at once, its status left to the user's choice.
 */
import '../support/nodeDomWindow';
import { startLocalHost } from '../../local/host/server';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import { nextPeriod, periodById } from '../../src/domain/calendar';
import { historyOf } from '../../src/domain/statusHistory';
import type { ObjectiveUpdate, Person } from '../../src/domain/types';
import { keepMyObjectiveChanges, saveUpdates } from '../../src/webparts/objectivesTracker/logic/saveUpdates';
import { SCHEMA } from '../../src/data/schema';
import { formDigest } from './support/digest';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: 40, updatesPerObjective: 3 }) });
  const webUrl = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(webUrl, { digest: await formDigest(webUrl) }));
});

afterAll(async () => {
  await host?.close();
});

const LISTS = ['services', 'objectives', 'updates'] as const;

/** What a history keeps of an update, times to the second (SharePoint's precision). */
function statusOf(u: ObjectiveUpdate): unknown[] {
  const second = (iso: string | undefined): number => Math.floor(Date.parse(iso ?? '') / 1000);
  return [u.id, u.objectiveId, u.periodId, u.status, u.rag, second(u.updatedOn), second(u.created)];
}

async function expectHistoriesAccountForTheList(): Promise<void> {
  const fromHistories = await repos.loadInitial([...LISTS], { readOnly: true, updateFields: 'history' });
  const fromList = await repos.loadInitial([...LISTS], { readOnly: true, updateFields: 'status' });
  expect(fromHistories.updatesFromHistories).toBe(true);
  expect(fromHistories.updates.map(statusOf)).toEqual(fromList.updates.map(statusOf));
  expect(fromHistories.updates.length).toBe(fromList.updates.length);
}

it('leaves histories the report can take the updates from after a new update and a correction of an older quarter', async () => {
  // The seeded histories account for the list to begin with.
  await expectHistoriesAccountForTheList();
  const { objectives, updates } = await repos.loadInitial(['objectives', 'updates']);
  const [first, second] = objectives;
  const me = first.responsibleOfficer as Person;

  // A new quarter of the first objective: status, periods and history written together.
  const next = periodById(nextPeriod(first.lastUpdatePeriodId ?? '2021-22-Q4').id);
  const added = await saveUpdates({ repositories: repos, entries: [{ objective: first, narrative: '<p>Next quarter</p>', status: 'On hold', rag: 'Red' }], period: next, me });
  expect(added.failures).toEqual([]);
  expect(added.conflicts).toEqual([]);
  expect(added.savedUpdates).toHaveLength(1);

  // The second objective's oldest update corrected: its status stays, its history is rewritten.
  const oldest = updates.filter((u) => u.objectiveId === second.id).sort((a, b) => a.periodId.localeCompare(b.periodId))[0];
  expect(oldest.periodId < (second.lastUpdatePeriodId ?? '')).toBe(true);
  const corrected = await saveUpdates({
    repositories: repos,
    entries: [{ objective: second, existing: oldest, narrative: '<p>Corrected</p>', status: 'Complete', rag: 'Green' }],
    period: periodById(oldest.periodId),
    me
  });
  expect(corrected.failures).toEqual([]);
  expect(corrected.conflicts).toEqual([]);

  // Each objective holds the history of its updates as stored, and the tracker got its new etag.
  const statuses = await repos.objectiveUpdates.statusesOf([first.id, second.id]);
  const stored = (await repos.loadInitial(['objectives'], { readOnly: true, updateFields: 'history' })).objectives;
  for (const [o, result] of [
    [first, added],
    [second, corrected]
  ] as const) {
    const now = stored.find((s) => s.id === o.id);
    expect(result.savedObjectives.map((s) => [s.id, s.etag])).toEqual([[o.id, (await repos.objectives.getById(o.id))?.etag]]);
    expect(now?.status).toBe(o === first ? 'On hold' : second.status);
  }
  const raw = await rawHistories([first.id, second.id]);
  expect(raw.get(first.id)).toBe(historyOf(first.id, statuses));
  expect(raw.get(second.id)).toBe(historyOf(second.id, statuses));
  expect(raw.get(second.id)).toContain(`${oldest.id}|${oldest.periodId}|Complete|Green|`);

  await expectHistoriesAccountForTheList();
});

/** The StatusHistory column of some objectives, as stored (the repositories read it only for the report). */
async function rawHistories(ids: readonly number[]): Promise<Map<number, string>> {
  const response = await fetch(
    `${host.url}/sites/ssm/_api/web/lists/getByTitle('${encodeURIComponent(SCHEMA.objectives.title)}')/items?$select=Id,StatusHistory&$filter=${encodeURIComponent(ids.map((id) => `Id eq ${id}`).join(' or '))}`,
    { headers: { Accept: 'application/json;odata=nometadata' } }
  );
  if (!response.ok) throw new Error(`items answered ${response.status}`);
  const body = (await response.json()) as { value: Array<{ Id: number; StatusHistory: string | null }> };
  return new Map(body.value.map((v) => [v.Id, v.StatusHistory ?? '']));
}

it('writes the history of an update whose objective changed meanwhile, and keeps the conflict for its status', async () => {
  const { objectives } = await repos.loadInitial(['objectives']);
  const opened = objectives[5];
  // Someone else changes the objective after the officer opened it.
  await repos.objectives.update({ id: opened.id, etag: opened.etag, rag: opened.rag === 'Red' ? 'Amber' : 'Red' });
  const next = periodById(nextPeriod(opened.lastUpdatePeriodId ?? '2021-22-Q4').id);
  const result = await saveUpdates({
    repositories: repos,
    entries: [{ objective: opened, narrative: '<p>Written on a stale page</p>', status: 'Ongoing', rag: 'Green' }],
    period: next,
    me: opened.responsibleOfficer as Person
  });
  expect(result.savedUpdates).toHaveLength(1);
  expect(result.failures).toEqual([]);
  expect(result.conflicts).toHaveLength(1);
  const conflict = result.conflicts[0];
  if (conflict.kind !== 'objective') throw new Error('expected an objective conflict');
  const history = historyOf(opened.id, await repos.objectiveUpdates.statusesOf([opened.id]));
  expect(conflict.mine.statusHistory).toBe(history);
  expect((await rawHistories([opened.id])).get(opened.id)).toBe(history);
  // Unresolved, the report can still take the updates from the histories.
  await expectHistoriesAccountForTheList();

  // "Keep mine" writes over the objective as it is now, history included.
  const kept = await keepMyObjectiveChanges(repos, conflict);
  expect([kept.status, kept.rag, kept.lastUpdatePeriodId]).toEqual(['Ongoing', 'Green', next.id]);
  expect((await rawHistories([opened.id])).get(opened.id)).toBe(history);
  await expectHistoriesAccountForTheList();
});
