/** @jest-environment jsdom */
/**
 * The quarterly update save keeps each saved objective's status history equal to the history of
 * its updates as stored: one read of every saved objective's updates, the history written with
 * the status (or alone, when an older quarter is corrected), the objective returned with its new
 * etag, and a 412 on a status change still a conflict, with the history in "mine".
 */
import { periodById } from '../../src/domain/calendar';
import { historyOf, readHistory } from '../../src/domain/statusHistory';
import { DataAccessError } from '../../src/data/errors';
import type { Objective } from '../../src/domain/types';
import { IUpdateEntry, keepMyObjectiveChanges, saveUpdates } from '../../src/webparts/objectivesTracker/logic/saveUpdates';
import { ME, PERIOD, repositoriesFor, seed, update } from './fixtures';
import { Repos, withEtags } from './etagged';

const period = periodById(PERIOD);
const NOW = new Date('2022-03-01T12:00:00Z');

function objectiveOf(repos: Repos, id: number): Promise<Objective> {
  return repos.objectives.getById(id).then((o) => {
    if (!o) throw new Error(`no objective ${id}`);
    return o;
  });
}

async function storedHistory(repos: Repos, id: number): Promise<string> {
  return historyOf(id, await repos.objectiveUpdates.getForObjective(id));
}

function entry(o: Objective, extra: Partial<IUpdateEntry> = {}): IUpdateEntry {
  return { objective: o, narrative: '<p>Progress this quarter</p>', status: 'Ongoing', rag: 'Green', ...extra };
}

describe('saveUpdates keeps the status histories', () => {
  it('writes the history with the new update in the same write as the status', async () => {
    const repos = withEtags(repositoriesFor(seed()));
    const writes = jest.spyOn(repos.objectives, 'update');
    const result = await saveUpdates({ repositories: repos, entries: [entry(await objectiveOf(repos, 10))], period, me: ME, now: NOW });

    expect(result.failures).toEqual([]);
    expect(result.conflicts).toEqual([]);
    const stored = await objectiveOf(repos, 10);
    expect(stored.statusHistory).toBe(await storedHistory(repos, 10));
    const entries = readHistory(10, stored.statusHistory) ?? [];
    expect(entries.map((u) => [u.id, u.periodId, u.status, u.rag])).toEqual([
      [100, '2021-22-Q2', 'In progress', 'Amber'],
      [101, '2021-22-Q3', 'In progress', 'Amber'],
      [result.savedUpdates[0].id, PERIOD, 'Ongoing', 'Green']
    ]);
    // One write: status, RAG, periods and history together, with the objective's etag.
    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0][0]).toEqual({
      id: 10,
      etag: '"1"',
      status: 'Ongoing',
      rag: 'Green',
      lastUpdatePeriodId: PERIOD,
      nextUpdateDue: '2022-06-10',
      statusHistory: stored.statusHistory
    });
  });

  it('rewrites the history when an older quarter is corrected, leaving the status alone', async () => {
    const data = seed();
    const [o10] = data.objectives ?? [];
    o10.lastUpdatePeriodId = PERIOD;
    o10.status = 'Ongoing';
    o10.rag = 'Green';
    data.updates?.push(update(103, 10, PERIOD, '<p>Fourth quarter</p>', '2022-03-01T09:00:00Z', { status: 'Ongoing', rag: 'Green' }));
    const repos = withEtags(repositoriesFor(data));
    const writes = jest.spyOn(repos.objectives, 'update');
    const q3 = (await repos.objectiveUpdates.getForObjective(10)).find((u) => u.periodId === '2021-22-Q3');
    const result = await saveUpdates({
      repositories: repos,
      entries: [entry(await objectiveOf(repos, 10), { existing: q3, status: 'On hold', rag: 'Red' })],
      period: periodById('2021-22-Q3'),
      me: ME,
      now: NOW
    });

    expect(result.failures).toEqual([]);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0][0]).toEqual({ id: 10, etag: '"1"', statusHistory: expect.any(String) });
    const stored = await objectiveOf(repos, 10);
    expect([stored.status, stored.rag, stored.lastUpdatePeriodId]).toEqual(['Ongoing', 'Green', PERIOD]);
    expect(stored.statusHistory).toBe(await storedHistory(repos, 10));
    expect(readHistory(10, stored.statusHistory)?.find((u) => u.id === 101)).toMatchObject({ status: 'On hold', rag: 'Red' });
    // The tracker gets the objective as stored by the history write: its new etag, no history.
    expect(result.savedObjectives).toHaveLength(1);
    expect(result.savedObjectives[0].etag).toBe(stored.etag);
    expect(result.savedObjectives[0].statusHistory).toBeUndefined();
  });

  it('reads the updates of every objective saved in one statusesOf call, after the update writes', async () => {
    const repos = withEtags(repositoriesFor(seed()));
    const order: string[] = [];
    const statusesOf = jest.spyOn(repos.objectiveUpdates, 'statusesOf');
    const addMany = repos.objectiveUpdates.addMany;
    repos.objectiveUpdates.addMany = async (items) => {
      order.push('addMany');
      return addMany(items);
    };
    statusesOf.mockImplementation(async (ids) => {
      order.push('statusesOf');
      return (await repos.objectiveUpdates.getAll()).filter((u) => ids.indexOf(u.objectiveId) >= 0);
    });
    const result = await saveUpdates({
      repositories: repos,
      entries: [entry(await objectiveOf(repos, 10)), entry(await objectiveOf(repos, 13))],
      period,
      me: ME,
      now: NOW
    });

    expect(result.failures).toEqual([]);
    expect(statusesOf).toHaveBeenCalledTimes(1);
    expect(Array.from(statusesOf.mock.calls[0][0]).sort()).toEqual([10, 13]);
    expect(order).toEqual(['addMany', 'statusesOf']);
    for (const id of [10, 13]) expect((await objectiveOf(repos, id)).statusHistory).toBe(await storedHistory(repos, id));
    expect(readHistory(13, (await objectiveOf(repos, 13)).statusHistory)).toHaveLength(1);
  });

  it('returns each objective with the etag of its last write, so the next save does not meet our own write', async () => {
    const repos = withEtags(repositoriesFor(seed()));
    const first = await saveUpdates({ repositories: repos, entries: [entry(await objectiveOf(repos, 10))], period, me: ME, now: NOW });
    const stored = await objectiveOf(repos, 10);
    expect(first.savedObjectives.map((o) => [o.id, o.etag])).toEqual([[10, stored.etag]]);
    expect(stored.etag).not.toBe('"1"');

    // The officer corrects the quarter just saved, from the objective the tracker now holds.
    const saved = first.savedUpdates[0];
    const second = await saveUpdates({
      repositories: repos,
      entries: [entry(first.savedObjectives[0], { existing: saved, status: 'Complete', rag: 'Green' })],
      period,
      me: ME,
      now: NOW
    });
    expect(second.conflicts).toEqual([]);
    expect(second.failures).toEqual([]);
    const after = await objectiveOf(repos, 10);
    expect(after.status).toBe('Complete');
    expect(after.statusHistory).toBe(await storedHistory(repos, 10));
    expect(second.savedObjectives[0].etag).toBe(after.etag);
  });

  it('still reports a 412 on a status change as an objective conflict, with the history in "mine"', async () => {
    const repos = withEtags(repositoriesFor(seed()));
    const opened = await objectiveOf(repos, 10);
    // Someone else changes the objective after the officer opened it.
    await repos.objectives.update({ id: 10, etag: opened.etag, rag: 'Red' });
    const theirs = await objectiveOf(repos, 10);
    expect(theirs.modified).toBeDefined();
    const result = await saveUpdates({ repositories: repos, entries: [entry(opened)], period, me: ME, now: NOW });

    expect(result.savedUpdates).toHaveLength(1);
    expect(result.failures).toEqual([]);
    expect(result.conflicts).toHaveLength(1);
    const conflict = result.conflicts[0];
    if (conflict.kind !== 'objective') throw new Error('expected an objective conflict');
    const history = await storedHistory(repos, 10);
    expect(conflict.mine).toMatchObject({ status: 'Ongoing', rag: 'Green', lastUpdatePeriodId: PERIOD, statusHistory: history });
    // What the conflict view shows of their version is theirs as it was.
    expect(conflict.theirs).toMatchObject({ status: theirs.status, rag: 'Red', lastUpdatePeriodId: theirs.lastUpdatePeriodId, modified: theirs.modified });
    expect(conflict.theirs?.statusHistory).toBeUndefined();
    // The update stands whatever is chosen, so its history is already written.
    const now = await objectiveOf(repos, 10);
    expect(now.rag).toBe('Red');
    expect(now.statusHistory).toBe(history);
    expect(conflict.theirs?.etag).toBe(now.etag);

    // "Keep mine" writes mine, history included, over the objective as stored: no second 412.
    const writes = jest.spyOn(repos.objectives, 'update');
    const kept = await keepMyObjectiveChanges(repos, conflict);
    expect(writes.mock.calls[0][0]).toMatchObject({ id: 10, etag: now.etag, rag: 'Green', statusHistory: history });
    const after = await objectiveOf(repos, 10);
    expect([after.status, after.rag, after.statusHistory]).toEqual(['Ongoing', 'Green', history]);
    expect(kept.etag).toBe(after.etag);
    expect(kept.statusHistory).toBeUndefined();
  });

  it('writes a history alone over a version changed meanwhile without a conflict, rebuilt from the updates then', async () => {
    const data = seed();
    const [o10] = data.objectives ?? [];
    o10.lastUpdatePeriodId = PERIOD;
    const repos = withEtags(repositoriesFor(data));
    const opened = await objectiveOf(repos, 10);
    await repos.objectives.update({ id: 10, etag: opened.etag, title: 'Renamed by someone else' });
    const statusesOf = jest.spyOn(repos.objectiveUpdates, 'statusesOf');
    const q2 = (await repos.objectiveUpdates.getForObjective(10)).find((u) => u.periodId === '2021-22-Q2');
    const result = await saveUpdates({
      repositories: repos,
      entries: [entry(opened, { existing: q2, status: 'Complete', rag: 'Green' })],
      period: periodById('2021-22-Q2'),
      me: ME,
      now: NOW
    });

    expect(result.conflicts).toEqual([]);
    expect(result.failures).toEqual([]);
    // The first read for the save, one more for the retry over the newer version.
    expect(statusesOf).toHaveBeenCalledTimes(2);
    const stored = await objectiveOf(repos, 10);
    expect(stored.title).toBe('Renamed by someone else');
    expect(stored.statusHistory).toBe(await storedHistory(repos, 10));
    expect(result.savedObjectives.map((o) => [o.etag, o.title])).toEqual([[stored.etag, 'Renamed by someone else']]);
  });

  it('reports a failed read of the updates as a failure of each objective, keeps the updates and status, and clears the history', async () => {
    const data = seed();
    const [o10] = data.objectives ?? [];
    o10.statusHistory = 'stale';
    const repos = withEtags(repositoriesFor(data));
    const failure = new DataAccessError('Could not read', { operation: 'read', list: 'objectiveUpdates', status: 503 });
    repos.objectiveUpdates.statusesOf = async () => {
      throw failure;
    };
    const result = await saveUpdates({
      repositories: repos,
      entries: [entry(await objectiveOf(repos, 10)), entry(await objectiveOf(repos, 13))],
      period,
      me: ME,
      now: NOW
    });

    expect(result.savedUpdates.map((u) => u.objectiveId)).toEqual([10, 13]);
    expect(result.failures).toEqual([
      { objectiveId: 10, error: failure },
      { objectiveId: 13, error: failure }
    ]);
    const stored = await objectiveOf(repos, 10);
    expect([stored.status, stored.lastUpdatePeriodId]).toEqual(['Ongoing', PERIOD]);
    // No history is better than a wrong one: the report then reads the updates.
    expect(stored.statusHistory).toBe('');
  });

  it('reports a failed write of the history alone as a failure of that objective', async () => {
    const data = seed();
    const [o10] = data.objectives ?? [];
    o10.lastUpdatePeriodId = PERIOD;
    const repos = withEtags(repositoriesFor(data));
    const failure = new DataAccessError('Could not save', { operation: 'update', list: 'objectives', status: 500 });
    repos.objectives.update = async () => {
      throw failure;
    };
    const q3 = (await repos.objectiveUpdates.getForObjective(10)).find((u) => u.periodId === '2021-22-Q3');
    const result = await saveUpdates({
      repositories: repos,
      entries: [entry(await objectiveOf(repos, 10), { existing: q3 })],
      period: periodById('2021-22-Q3'),
      me: ME,
      now: NOW
    });
    expect(result.savedUpdates.map((u) => u.id)).toEqual([101]);
    expect(result.failures).toEqual([{ objectiveId: 10, error: failure }]);
    expect(result.savedObjectives).toEqual([]);
  });
});
