/** @jest-environment jsdom */
/**
 * Saving quarterly updates against fake repositories: new updates in one batch, objectives
 * brought in line, partial batch failures, conflicts with the server's version, validation.
 */
import { periodById } from '../../src/domain/calendar';
import { ValidationFailedError } from '../../src/domain/validation';
import { historyOf } from '../../src/domain/statusHistory';
import { BatchPartsError, ConflictError, DataAccessError } from '../../src/data/errors';
import type { NewItem } from '../../src/data/repositories';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { IUpdateEntry, keepMyObjectiveChanges, objectiveChangesFor, saveUpdates } from '../../src/webparts/objectivesTracker/logic/saveUpdates';
import { ME, PERIOD, objective, repositoriesFor, seed, update } from './fixtures';

const period = periodById(PERIOD);
const NOW = new Date('2022-03-01T12:00:00Z');

function entries(repos: ReturnType<typeof repositoriesFor>, ids: number[], narrative = '<p>Progress this quarter</p>'): IUpdateEntry[] {
  return ids.map((id) => {
    const o = (seed().objectives ?? []).find((x) => x.id === id);
    if (!o) throw new Error(`no objective ${id}`);
    return { objective: o, narrative, status: 'Ongoing', rag: 'Green' };
  });
}

describe('saveUpdates', () => {
  it('adds every new update in one addMany call and updates each objective with the period and next deadline', async () => {
    const repos = repositoriesFor(seed());
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    const updateObjective = jest.spyOn(repos.objectives, 'update');
    const result = await saveUpdates({ repositories: repos, entries: entries(repos, [10, 13]), period, me: ME, now: NOW });

    expect(addMany).toHaveBeenCalledTimes(1);
    const items = addMany.mock.calls[0][0] as NewItem<ObjectiveUpdate>[];
    expect(items.map((i) => [i.objectiveId, i.periodId, i.status, i.rag, i.author?.id, i.updatedOn])).toEqual([
      [10, PERIOD, 'Ongoing', 'Green', ME.id, NOW.toISOString()],
      [13, PERIOD, 'Ongoing', 'Green', ME.id, NOW.toISOString()]
    ]);
    expect(result.savedUpdates).toHaveLength(2);
    expect(updateObjective).toHaveBeenCalledTimes(2);
    // Q1 2022/23's deadline is 10 June 2022.
    expect(updateObjective.mock.calls[0][0]).toEqual({
      id: 10,
      etag: '"1"',
      status: 'Ongoing',
      rag: 'Green',
      lastUpdatePeriodId: PERIOD,
      nextUpdateDue: '2022-06-10',
      statusHistory: historyOf(10, await repos.objectiveUpdates.getForObjective(10))
    });
    expect(result.conflicts).toEqual([]);
    expect(result.failures).toEqual([]);
  });

  it('sanitises the narrative before saving', async () => {
    const repos = repositoriesFor(seed());
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    await saveUpdates({ repositories: repos, entries: entries(repos, [10], '<p onclick="x()">Safe<script>alert(1)</script></p>'), period, me: ME, now: NOW });
    expect(addMany.mock.calls[0][0][0].narrative).toBe('<p>Safe</p>');
  });

  it('validates every entry first and saves nothing when one is invalid, naming the field', async () => {
    const repos = repositoriesFor(seed());
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    const list = entries(repos, [10, 13]);
    list[1] = { ...list[1], narrative: '<p>&nbsp;</p>' };
    const saving = saveUpdates({ repositories: repos, entries: list, period, me: ME, now: NOW });
    await expect(saving).rejects.toBeInstanceOf(ValidationFailedError);
    const error = (await saving.catch((e: unknown) => e)) as ValidationFailedError;
    expect(error.errors.map((e) => e.message)).toEqual(['Shared governance training: Progress update is required: the text is empty.']);
    expect(addMany).not.toHaveBeenCalled();
  });

  it('keeps the failed part of a partly failed batch and still saves the rest', async () => {
    const repos = repositoriesFor(seed());
    const failure = new DataAccessError('Could not save', { operation: 'add', list: 'objectiveUpdates', status: 500 });
    repos.objectiveUpdates.addMany = async (items) => {
      const first = { ...items[0], id: 500, etag: '"1"' } as ObjectiveUpdate;
      throw new BatchPartsError<ObjectiveUpdate>([first, undefined], [{ index: 1, error: failure }], { operation: 'batch', list: 'objectiveUpdates' });
    };
    const result = await saveUpdates({ repositories: repos, entries: entries(repos, [10, 13]), period, me: ME, now: NOW });
    expect(result.savedUpdates.map((u) => u.objectiveId)).toEqual([10]);
    expect(result.failures).toEqual([{ objectiveId: 13, error: failure }]);
  });

  it('reports a conflicting edit with the server version beside mine, saving nothing over it', async () => {
    const data = seed();
    const existing = update(150, 10, PERIOD, '<p>Mine before</p>', '2022-02-28T09:00:00Z');
    data.updates?.push(existing);
    const repos = repositoriesFor(data);
    const theirs = { ...existing, etag: '"2"', narrative: '<p>Their edit</p>' };
    const updateSpy = jest.fn(async () => {
      throw new ConflictError<ObjectiveUpdate>(theirs, {}, { operation: 'update', list: 'objectiveUpdates', itemId: 150 });
    });
    repos.objectiveUpdates.update = updateSpy;
    const [entry] = entries(repos, [10], '<p>My edit</p>');
    const result = await saveUpdates({ repositories: repos, entries: [{ ...entry, existing }], period, me: ME, now: NOW });
    expect(result.savedUpdates).toEqual([]);
    expect(result.conflicts).toHaveLength(1);
    const conflict = result.conflicts[0];
    expect(conflict.kind).toBe('update');
    expect(conflict.theirs).toEqual(theirs);
    expect((conflict.mine as IUpdateEntry).narrative).toBe('<p>My edit</p>');
  });

  it('reports an objective conflict and resaves the same changes over their etag', async () => {
    const repos = repositoriesFor(seed());
    const theirs = { ...(seed().objectives ?? [])[0], etag: '"7"', rag: 'Red' as const };
    const original = repos.objectives.update;
    let calls = 0;
    repos.objectives.update = async (changes) => {
      calls++;
      if (calls === 1) throw new ConflictError(theirs, changes, { operation: 'update', list: 'objectives', itemId: 10 });
      return original(changes);
    };
    const result = await saveUpdates({ repositories: repos, entries: entries(repos, [10]), period, me: ME, now: NOW });
    expect(result.savedUpdates).toHaveLength(1);
    const conflict = result.conflicts[0];
    if (conflict.kind !== 'objective') throw new Error('expected an objective conflict');
    expect(conflict.theirs?.rag).toBe('Red');
    const spy = jest.spyOn(repos.objectives, 'update');
    const stored = await keepMyObjectiveChanges(repos, conflict);
    expect(spy.mock.calls[0][0]).toMatchObject({ id: 10, etag: '"7"', rag: 'Green', lastUpdatePeriodId: PERIOD });
    expect(stored.rag).toBe('Green');
  });
});

describe('objectiveChangesFor', () => {
  it('does not roll an objective back when an older period is corrected', () => {
    const o = objective(10, 1, 'X', { lastUpdatePeriodId: PERIOD, status: 'Complete' });
    expect(objectiveChangesFor(o, { periodId: '2021-22-Q3', status: 'In progress', rag: 'Amber' })).toBeUndefined();
    expect(objectiveChangesFor(o, { periodId: PERIOD, status: 'Complete', rag: 'Green' })).toMatchObject({ rag: 'Green', nextUpdateDue: '2022-06-10' });
  });
});
