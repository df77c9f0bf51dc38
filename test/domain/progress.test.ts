import { periodById } from '../../src/domain/calendar';
import { latestUpdateByObjective, needsUpdate, statusChanges } from '../../src/domain/progress';
import type { ObjectiveUpdate } from '../../src/domain/types';

let nextId = 1;
function update(objectiveId: number, periodId: string, updatedOn: string, extra: Partial<ObjectiveUpdate> = {}): ObjectiveUpdate {
  return {
    id: nextId++,
    etag: '"1"',
    objectiveId,
    periodId,
    narrative: '<p>Progress</p>',
    status: 'In progress',
    rag: 'Green',
    updatedOn,
    ...extra
  };
}

describe('latestUpdateByObjective', () => {
  it('picks the latest period, even when an older period was written later', () => {
    const q4 = update(1, '2021-22-Q4', '2022-03-01T09:00:00Z');
    const lateQ3 = update(1, '2021-22-Q3', '2022-03-05T09:00:00Z');
    const other = update(2, '2021-22-Q2', '2021-09-01T09:00:00Z');
    const latest = latestUpdateByObjective([lateQ3, q4, other]);
    expect(latest.get(1)).toBe(q4);
    expect(latest.get(2)).toBe(other);
    expect(latest.size).toBe(2);
  });

  it('breaks ties within a period by when the update was written, across UTC offsets', () => {
    // 10:30+01:00 is 09:30Z: later than 09:00Z, and earlier than 09:45Z although it sorts after it as text.
    const a = update(1, '2021-22-Q4', '2022-03-01T09:00:00Z');
    const b = update(1, '2021-22-Q4', '2022-03-01T10:30:00+01:00');
    const c = update(1, '2021-Q4', '2022-03-01T09:45:00Z');
    expect(latestUpdateByObjective([c, b, a]).get(1)).toBe(c);
    expect(latestUpdateByObjective([a, b]).get(1)).toBe(b);
  });

  it('returns an empty map for no updates', () => {
    expect(latestUpdateByObjective([]).size).toBe(0);
  });
});

describe('needsUpdate', () => {
  const period = periodById('2021-22-Q4');
  const updates = [update(1, '2021-22-Q3', '2021-12-01T09:00:00Z'), update(2, '2021-Q4', '2022-03-01T09:00:00Z')];

  it('is true for an active objective without an update for the period', () => {
    expect(needsUpdate({ id: 1, status: 'In progress' }, updates, period)).toBe(true);
    expect(needsUpdate({ id: 3, status: 'Not started' }, updates, '2021-22-Q4')).toBe(true);
  });

  it('is false once the period has an update, whatever the id form', () => {
    expect(needsUpdate({ id: 2, status: 'Ongoing' }, updates, period)).toBe(false);
  });

  it('is false for Complete and On hold objectives', () => {
    expect(needsUpdate({ id: 1, status: 'Complete' }, updates, period)).toBe(false);
    expect(needsUpdate({ id: 1, status: 'On hold' }, updates, period)).toBe(false);
  });
});

describe('statusChanges', () => {
  const updates = [
    update(1, '2021-22-Q3', '2021-12-01T09:00:00Z', { status: 'In progress', rag: 'Green' }),
    update(1, '2021-22-Q4', '2022-03-01T09:00:00Z', { status: 'Complete', rag: 'Green' }),
    update(2, '2021-22-Q3', '2021-12-01T09:00:00Z', { status: 'Ongoing', rag: 'Green' }),
    update(2, '2021-22-Q4', '2022-03-01T09:00:00Z', { status: 'Ongoing', rag: 'Amber' }),
    update(3, '2021-22-Q2', '2021-09-01T09:00:00Z', { status: 'Ongoing', rag: 'Red' }),
    update(4, '2021-22-Q4', '2022-03-01T09:00:00Z', { status: 'Not started', rag: 'Amber' }),
    update(5, '2022-23-Q1', '2022-06-01T09:00:00Z', { status: 'Ongoing', rag: 'Green' })
  ];

  const changes = statusChanges(updates, '2021-22-Q3', periodById('2021-22-Q4'));

  it('reports status and RAG changes between two periods, by objective id', () => {
    expect(changes.map((c) => c.objectiveId)).toEqual([1, 2, 4]);
    expect(changes[0]).toMatchObject({ statusChanged: true, ragChanged: false, from: { status: 'In progress' }, to: { status: 'Complete' } });
    expect(changes[1]).toMatchObject({ statusChanged: false, ragChanged: true, from: { rag: 'Green' }, to: { rag: 'Amber' } });
  });

  it('treats an objective first reported in the later period as changed, with no earlier state', () => {
    expect(changes[2].from).toBeUndefined();
    expect(changes[2].to).toEqual({ periodId: '2021-22-Q4', status: 'Not started', rag: 'Amber' });
  });

  it('carries forward the last reported state of an objective not updated since', () => {
    expect(changes.find((c) => c.objectiveId === 3)).toBeUndefined();
  });

  it('ignores updates after the later period', () => {
    expect(changes.find((c) => c.objectiveId === 5)).toBeUndefined();
  });
});
