/**
 * The import keeps the objectives' report status histories: each objective whose progress
 * updates it wrote (added or changed) carries the history of every update it holds, those
 * written before the import included; the others are not written. A failed history write is
 * reported, naming the objective, with the updates kept and the action plans still written.
 */
import { JSDOM } from 'jsdom';
import { applyImportPlan, ImportApplyError, ImportFile, ImportPlan, planImport, readImportFile } from '../../src/import';
import type { HtmlParserHost } from '../../src/import';
import { historyOf, readHistory } from '../../src/domain/statusHistory';
import type { ItemChanges } from '../../src/data/repositories';
import type { Objective, ObjectiveUpdate } from '../../src/domain/types';
import { phaseOneServices, sanitiser, toCsvFile } from './support/files';
import { OBJECTIVE_ROWS } from './fixtures/feb2022';
import { memoryRepositories, MemoryRepositories } from './support/memory';
import { toDocx } from './support/word';

const NOW = '2022-03-01T09:00:00.000Z';
const OFFICER = { id: 1, displayName: 'A', email: 'a@example.gov.uk' };
const HEADER = ['Description of the objective', 'Service', 'Status', 'Responsible officer', 'Update September 2022'];

const dryRun = async (repos: MemoryRepositories, file: ImportFile): Promise<ImportPlan<'objectives'>> =>
  planImport(repos, 'objectives', await readImportFile(file, 'objectives'), { sanitiser, now: NOW });

/** The objectives as stored, status histories included (the memory list keeps every field). */
const stored = async (repos: MemoryRepositories): Promise<Map<string, Objective>> => new Map((await repos.objectives.getAll()).map((o) => [o.title, o]));

/** Records each objective update that carries a status history. */
function recordHistoryWrites(repos: MemoryRepositories): Array<ItemChanges<Objective>> {
  const written: Array<ItemChanges<Objective>> = [];
  const update = repos.objectives.update;
  repos.objectives.update = async (changes) => {
    const out = await update(changes);
    if ('statusHistory' in changes) written.push(changes);
    return out;
  };
  return written;
}

/**
 * A site with three Governance objectives: "Earlier" has a Q1 2022/23 update, "Untouched" is
 * not in the file, "No update" is in the file without an update.
 */
async function siteWithEarlierUpdate(): Promise<{ repos: MemoryRepositories; earlier: ObjectiveUpdate }> {
  const repos = memoryRepositories(phaseOneServices());
  const objective = (title: string): Promise<Objective> =>
    repos.objectives.add({ title, serviceId: 3, status: 'Ongoing', rag: 'Amber', aim: '', responsibleOfficer: OFFICER } as never);
  const withUpdate = await objective('Earlier');
  await objective('Untouched');
  await objective('No update');
  const earlier = await repos.objectiveUpdates.add({
    objectiveId: withUpdate.id,
    periodId: '2022-23-Q1',
    narrative: '<p>First quarter.</p>',
    status: 'Ongoing',
    rag: 'Amber',
    updatedOn: '2022-07-08T00:00:00.000Z',
    created: '2022-07-08T10:00:00.000Z',
    modified: '2022-07-09T11:30:00.000Z'
  } as never);
  return { repos, earlier };
}

const row = (title: string, status: string, update: string): string[] => [title, 'Governance', status, OFFICER.email, update];

it('leaves each objective whose updates it wrote with the history of all its updates, earlier ones included, and writes no other', async () => {
  const { repos, earlier } = await siteWithEarlierUpdate();
  const file = await toCsvFile('o.csv', [HEADER, row('Earlier', 'Ongoing', 'Second quarter.'), row('New one', 'Complete', 'Done.'), row('No update', 'On hold', '')]);
  const plan = await dryRun(repos, file);
  expect(plan.reject).toEqual([]);
  const histories = recordHistoryWrites(repos);

  const result = await applyImportPlan(repos, plan, { now: NOW });
  expect(result).toEqual(expect.objectContaining({ created: 1, updatesCreated: 2, updatesChanged: 0, historiesWritten: 2 }));

  const objectives = await stored(repos);
  const updates = await repos.objectiveUpdates.getAll();
  const earlierObjective = objectives.get('Earlier') as Objective;
  const newObjective = objectives.get('New one') as Objective;
  expect(earlierObjective.statusHistory).toBe(historyOf(earlierObjective.id, updates));
  expect(newObjective.statusHistory).toBe(historyOf(newObjective.id, updates));
  // The update written before the import is in the history, first, with its times.
  const read = readHistory(earlierObjective.id, earlierObjective.statusHistory) ?? [];
  expect(read.map((u) => [u.id, u.periodId])).toEqual([
    [earlier.id, '2022-23-Q1'],
    [updates.find((u) => u.objectiveId === earlierObjective.id && u.periodId === '2022-23-Q2')?.id, '2022-23-Q2']
  ]);
  expect(read[0].modified).toBe('2022-07-09T11:30:00.000Z');
  expect(readHistory(newObjective.id, newObjective.statusHistory)?.map((u) => u.status)).toEqual(['Complete']);
  // Written alone (no other column) with etag "*", once each; the objective without an update and the one not in the file are not.
  expect(histories.map((h) => Object.keys(h).sort())).toEqual([
    ['etag', 'id', 'statusHistory'],
    ['etag', 'id', 'statusHistory']
  ]);
  expect(histories.map((h) => [h.id, h.etag]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
    [earlierObjective.id, '*'],
    [newObjective.id, '*']
  ]);
  expect(objectives.get('No update')?.status).toBe('On hold');
  expect(objectives.get('No update')?.statusHistory).toBeUndefined();
  expect(objectives.get('Untouched')?.statusHistory).toBeUndefined();
});

it('rewrites the history when the import changes an update, and writes none on a rerun that changes nothing', async () => {
  const { repos } = await siteWithEarlierUpdate();
  await applyImportPlan(repos, await dryRun(repos, await toCsvFile('o.csv', [HEADER, row('Earlier', 'Ongoing', 'Second quarter.')])), { now: NOW });
  const changedFile = await toCsvFile('o.csv', [HEADER, row('Earlier', 'Complete', 'Finished in the second quarter.')]);
  const changed = await dryRun(repos, changedFile);
  expect(changed.update.map((u) => u.progress.map((p) => p.existing !== undefined))).toEqual([[true]]);
  const histories = recordHistoryWrites(repos);

  expect(await applyImportPlan(repos, changed, { now: NOW })).toEqual(expect.objectContaining({ updatesCreated: 0, updatesChanged: 1, historiesWritten: 1 }));
  const objective = (await stored(repos)).get('Earlier') as Objective;
  expect(objective.statusHistory).toBe(historyOf(objective.id, await repos.objectiveUpdates.getAll()));
  expect(readHistory(objective.id, objective.statusHistory)?.map((u) => `${u.periodId} ${u.status}`)).toEqual(['2022-23-Q1 Ongoing', '2022-23-Q2 Complete']);
  expect(histories).toHaveLength(1);

  const rerun = await dryRun(repos, changedFile);
  expect(rerun.unchanged).toHaveLength(1);
  expect(await applyImportPlan(repos, rerun, { now: NOW })).toEqual(expect.objectContaining({ updatesCreated: 0, updatesChanged: 0, historiesWritten: 0 }));
  expect(histories).toHaveLength(1);
});

it('reports a failed history write naming the objective, keeps the updates and writes the other histories', async () => {
  const { repos } = await siteWithEarlierUpdate();
  const file = await toCsvFile('o.csv', [HEADER, row('Earlier', 'Ongoing', 'Second quarter.'), row('New one', 'Complete', 'Done.')]);
  const plan = await dryRun(repos, file);
  const update = repos.objectives.update;
  repos.objectives.update = async (changes) => {
    if ('statusHistory' in changes && (await repos.objectives.getById(changes.id))?.title === 'Earlier') throw new Error('The connection was reset.');
    return update(changes);
  };

  const error = await applyImportPlan(repos, plan, { now: NOW }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportApplyError);
  const failure = error as ImportApplyError;
  expect(failure.message).toMatch(/^The report status history of "Earlier" \(row 2\) could not be written: The connection was reset\. The progress updates are kept/);
  expect(failure.row).toBe(2);
  expect(failure.written).toEqual(expect.objectContaining({ created: 1, updatesCreated: 2, historiesWritten: 1 }));
  expect(await repos.objectiveUpdates.getAll()).toHaveLength(3);
  const objectives = await stored(repos);
  const newObjective = objectives.get('New one') as Objective;
  expect(newObjective.statusHistory).toBe(historyOf(newObjective.id, await repos.objectiveUpdates.getAll()));
  expect(objectives.get('Earlier')?.statusHistory).toBeUndefined();
});

it('reports a failed read of the updates for the histories as a failed history write', async () => {
  const { repos } = await siteWithEarlierUpdate();
  const plan = await dryRun(repos, await toCsvFile('o.csv', [HEADER, row('Earlier', 'Ongoing', 'Second quarter.'), row('New one', 'Complete', 'Done.')]));
  repos.objectiveUpdates.statusesOf = async () => {
    throw new Error('The list is being throttled.');
  };
  const error = (await applyImportPlan(repos, plan, { now: NOW }).catch((e: unknown) => e)) as ImportApplyError;
  expect(error).toBeInstanceOf(ImportApplyError);
  expect(error.message).toMatch(/^The report status history of "New one" \(row 3\) and of 1 other objective could not be written: The list is being throttled\./);
  expect(error.written).toEqual(expect.objectContaining({ updatesCreated: 2, historiesWritten: 0 }));
});

it('still writes the histories of the updates written when a later progress write fails', async () => {
  const { repos } = await siteWithEarlierUpdate();
  const file = await toCsvFile('o.csv', [HEADER, row('Earlier', 'Ongoing', 'Second quarter.'), row('New one', 'Complete', 'Done.'), row('Third', 'Ongoing', 'Started.')]);
  const plan = await dryRun(repos, file);
  const addMany = repos.objectiveUpdates.addMany;
  let calls = 0;
  repos.objectiveUpdates.addMany = async (items) => {
    if (++calls === 2) throw new Error('The connection was reset.');
    return addMany(items);
  };

  // One update a batch, new objectives' first: New one's is written, Third's fails, Earlier's is not tried.
  const error = (await applyImportPlan(repos, plan, { now: NOW, batchSize: 1 }).catch((e: unknown) => e)) as ImportApplyError;
  expect(error).toBeInstanceOf(ImportApplyError);
  expect(error.message).toMatch(/^Writing progress updates for rows 4 to 4 failed: The connection was reset\. .*run the import again/);
  expect(error.written).toEqual(expect.objectContaining({ created: 2, updatesCreated: 1, historiesWritten: 2 }));
  const updates = await repos.objectiveUpdates.getAll();
  const objectives = await stored(repos);
  for (const title of ['New one', 'Third']) {
    const o = objectives.get(title) as Objective;
    expect(o.statusHistory).toBe(historyOf(o.id, updates));
  }
  expect(readHistory(objectives.get('New one')?.id ?? 0, objectives.get('New one')?.statusHistory)?.map((u) => u.status)).toEqual(['Complete']);
  // The failed write left Third without updates: its history says so, rather than being missing.
  expect(objectives.get('Third')?.statusHistory).toBe('');
  expect(objectives.get('Earlier')?.statusHistory).toBeUndefined();

  // The rerun writes the rest, and the histories of what it writes.
  repos.objectiveUpdates.addMany = addMany;
  await applyImportPlan(repos, await dryRun(repos, file), { now: NOW });
  const after = await repos.objectiveUpdates.getAll();
  expect(after).toHaveLength(4);
  for (const o of (await stored(repos)).values()) {
    if (o.title === 'Untouched' || o.title === 'No update') expect(o.statusHistory).toBeUndefined();
    else expect(o.statusHistory).toBe(historyOf(o.id, after));
  }
});

it('writes the action plans after a failed history write, and one error tells of it with everything written counted', async () => {
  const repos = memoryRepositories(phaseOneServices());
  const actionPlan = [
    ['Action', 'Timescale', 'Owner', 'Status'],
    ['Procure the shared HR system', 'Autumn 2021', 'owen.pemberton@chorley.example.gov.uk', 'Completed']
  ];
  // Table row 2 (after the header and the section row) is the HR objective.
  const file = await toDocx('paper.docx', OBJECTIVE_ROWS, [], { 2: actionPlan });
  const plan = await planImport(repos, 'objectives', await readImportFile(file, 'objectives', undefined, new JSDOM('').window as unknown as HtmlParserHost), { sanitiser, now: NOW });
  expect(plan.reject).toEqual([]);
  const update = repos.objectives.update;
  repos.objectives.update = async (changes) => {
    if ('statusHistory' in changes) throw new Error('The site is read-only.');
    return update(changes);
  };

  const error = (await applyImportPlan(repos, plan, { now: NOW }).catch((e: unknown) => e)) as ImportApplyError;
  expect(error).toBeInstanceOf(ImportApplyError);
  expect(error.message).toMatch(/^The report status history of "[^"]+" \(row \d+\) and of 7 other objectives could not be written: The site is read-only\./);
  expect(error.written).toEqual(expect.objectContaining({ created: 8, updatesCreated: 8, historiesWritten: 0, actionsWritten: 1 }));
  expect((await repos.objectiveActions.getAll()).map((a) => a.title)).toEqual(['Procure the shared HR system']);
});
