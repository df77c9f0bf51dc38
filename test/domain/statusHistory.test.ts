/**
 * An objective's status history: what it records of each update, what it refuses to read, and
 * when a report may trust the histories instead of reading the update list.
 */
import { historiesOf, historyEntry, historyOf, readHistory, sameStatuses, updatesFromHistories, withHistoryEntry } from '../../src/domain/statusHistory';
import type { HistoryUpdate } from '../../src/domain/statusHistory';

const update = (id: number, objectiveId: number, periodId: string, over: Partial<HistoryUpdate> = {}): HistoryUpdate => ({
  id,
  objectiveId,
  periodId,
  status: 'In progress',
  rag: 'Green',
  updatedOn: '2021-07-20T10:15:30Z',
  created: '2021-07-20T10:15:30Z',
  modified: '2021-07-20T10:15:30Z',
  ...over
});

describe('historyOf and readHistory', () => {
  it('records each update of the objective, oldest first, and reads back its period, status, RAG and times to the second', () => {
    const updates = [
      update(7, 1, '2021-22-Q2', { status: 'On hold', rag: 'Red', updatedOn: '2021-10-02T08:00:00.250Z', created: '2021-10-01T09:00:00Z', modified: '2021-11-05T12:00:00Z' }),
      update(3, 1, '2021-22-Q1'),
      update(4, 2, '2021-22-Q1')
    ];
    const history = historyOf(1, updates);
    expect(history.split('\n')).toHaveLength(2);
    expect(readHistory(1, history)).toEqual([
      { id: 3, etag: '', objectiveId: 1, periodId: '2021-22-Q1', narrative: '', status: 'In progress', rag: 'Green', updatedOn: '2021-07-20T10:15:30.000Z', created: '2021-07-20T10:15:30.000Z', modified: '2021-07-20T10:15:30.000Z' },
      { id: 7, etag: '', objectiveId: 1, periodId: '2021-22-Q2', narrative: '', status: 'On hold', rag: 'Red', updatedOn: '2021-10-02T08:00:00.000Z', created: '2021-10-01T09:00:00.000Z', modified: '2021-11-05T12:00:00.000Z' }
    ]);
    // An entry is short: times as seconds in base 36, those equal to the creation time left empty.
    expect(historyEntry(update(3, 1, '2021-22-Q1')).length).toBeLessThan(45);
  });

  it('builds every objective\'s history in one pass, the same as one at a time', () => {
    const updates = [update(7, 1, '2021-22-Q2'), update(3, 1, '2021-22-Q1'), update(4, 2, '2021-22-Q1'), update(9, 5, '2021-22-Q3')];
    const all = historiesOf(updates);
    expect(Array.from(all.keys()).sort()).toEqual([1, 2, 5]);
    for (const id of [1, 2, 5]) expect(all.get(id)).toBe(historyOf(id, updates));
  });

  it('reads an empty history as no updates, and refuses one edited by hand', () => {
    expect(readHistory(1, undefined)).toEqual([]);
    expect(readHistory(1, '  ')).toEqual([]);
    const good = historyEntry(update(3, 1, '2021-22-Q1'));
    for (const bad of ['not a history', good.replace('In progress', 'Nearly done'), good.replace('Green', 'Purple'), good.replace('2021-22-Q1', 'Q1'), good.replace(/^3/, '-3'), `${good}|extra`]) {
      expect(readHistory(1, bad)).toBeUndefined();
    }
  });

  it('puts a saved update in place of the entry of the same id', () => {
    const history = historyOf(1, [update(3, 1, '2021-22-Q1'), update(5, 1, '2021-22-Q2')]);
    const changed = withHistoryEntry(history, 1, update(3, 1, '2021-22-Q1', { status: 'Complete', modified: '2022-01-10T10:00:00Z' }));
    expect(readHistory(1, changed)?.map((u) => [u.id, u.status])).toEqual([
      [3, 'Complete'],
      [5, 'In progress']
    ]);
    expect(readHistory(1, withHistoryEntry(history, 1, update(9, 1, '2021-22-Q3')))?.map((u) => u.id)).toEqual([3, 5, 9]);
    expect(withHistoryEntry('not a history', 1, update(9, 1, '2021-22-Q3'))).toBeUndefined();
  });
});

describe('updatesFromHistories', () => {
  const objectives = [
    { id: 1, statusHistory: historyOf(1, [update(3, 1, '2021-22-Q1'), update(5, 1, '2021-22-Q2', { modified: '2021-11-01T10:00:00Z' })]) },
    { id: 2, statusHistory: historyOf(2, [update(4, 2, '2021-22-Q1')]) },
    { id: 3 }
  ];

  it('gives every update when the histories account for the list: as many entries, nothing changed since', () => {
    const updates = updatesFromHistories(objectives, { itemCount: 3, lastItemModified: '2021-11-01T10:00:01Z' });
    expect(updates?.map((u) => [u.objectiveId, u.id])).toEqual([
      [1, 3],
      [1, 5],
      [2, 4]
    ]);
    expect(updatesFromHistories([{ id: 1 }], { itemCount: 0 })).toEqual([]);
  });

  it('gives nothing when an update is missing or extra, changed later, or a history cannot be read', () => {
    expect(updatesFromHistories(objectives, { itemCount: 4, lastItemModified: '2021-11-01T10:00:00Z' })).toBeUndefined();
    expect(updatesFromHistories(objectives, { itemCount: 2, lastItemModified: '2021-11-01T10:00:00Z' })).toBeUndefined();
    expect(updatesFromHistories(objectives, { itemCount: 3, lastItemModified: '2021-11-01T10:00:05Z' })).toBeUndefined();
    expect(updatesFromHistories(objectives, { itemCount: 3 })).toBeUndefined();
    expect(updatesFromHistories([...objectives, { id: 4, statusHistory: 'garbled' }], { itemCount: 3, lastItemModified: '2021-11-01T10:00:00Z' })).toBeUndefined();
  });
});

describe('sameStatuses', () => {
  const listed = [update(3, 1, '2021-22-Q1', { updatedOn: '2021-07-20T10:15:30.750Z' }), update(5, 1, '2021-22-Q2')].map((u) => ({ ...u, etag: '', narrative: '' }));

  it('agrees with the copies read back from the histories (times to the second)', () => {
    expect(sameStatuses(readHistory(1, historyOf(1, listed)) ?? [], listed)).toBe(true);
  });

  it('disagrees on a status, a RAG, a period, an objective, a time or an update more or less', () => {
    const copies = readHistory(1, historyOf(1, listed)) ?? [];
    for (const changed of [
      { ...listed[0], status: 'Complete' as const },
      { ...listed[0], rag: 'Red' as const },
      { ...listed[0], periodId: '2021-22-Q3' },
      { ...listed[0], objectiveId: 2 },
      { ...listed[0], created: '2021-07-21T10:15:30Z' },
      { ...listed[0], id: 4 }
    ]) {
      expect(sameStatuses(copies, [changed, listed[1]])).toBe(false);
    }
    expect(sameStatuses(copies, listed.slice(0, 1))).toBe(false);
  });
});
