import { comparePeriodIds, nextPeriod, periodById, previousPeriod } from '../../src/domain/calendar';
import { validateObjective, validateObjectiveUpdate } from '../../src/domain/validation';
import { OBJECTIVE_STATUSES, RAG_RATINGS } from '../../src/domain/vocabularies';
import { generateLargeData } from '../../local/sample-data/generate';
import { sampleData } from '../../local/sample-data';
import { idProblems, latestUpdateProblems, referenceProblems, updatesByObjective } from './integrity';

describe('generateLargeData', () => {
  it('generates exactly the requested numbers of objectives and updates', () => {
    const data = generateLargeData({ objectives: 5000, updatesPerObjective: 4, seed: 7 });
    expect(data.objectives).toHaveLength(5000);
    expect(data.objectiveUpdates).toHaveLength(20000);
    const perObjective = updatesByObjective(data.objectiveUpdates);
    expect(perObjective.size).toBe(5000);
    perObjective.forEach((list) => expect(list).toHaveLength(4));
  });

  it('is deterministic for a seed and varies between seeds', () => {
    const a = generateLargeData({ objectives: 300, updatesPerObjective: 3, seed: 42 });
    const b = generateLargeData({ objectives: 300, updatesPerObjective: 3, seed: 42 });
    const c = generateLargeData({ objectives: 300, updatesPerObjective: 3, seed: 43 });
    expect(b).toEqual(a);
    expect(c.objectives).not.toEqual(a.objectives);
    expect(generateLargeData({ objectives: 50, updatesPerObjective: 2 })).toEqual(generateLargeData({ objectives: 50, updatesPerObjective: 2, seed: 1 }));
  });

  it('builds on the real users and services, with every reference resolving', () => {
    const data = generateLargeData({ objectives: 1000, updatesPerObjective: 3, seed: 3 });
    expect(data.users).toEqual(sampleData.users);
    expect(data.services).toEqual(sampleData.services);
    expect(referenceProblems(data)).toEqual([]);
    expect(idProblems(data)).toEqual([]);
    // Spread over every service, including the three-council one.
    expect(new Set(data.objectives.map((o) => o.serviceId)).size).toBe(sampleData.services.length);
  });

  it('dates every objective before its first quarter, so the paper of any generated period lists it', () => {
    const data = generateLargeData({ objectives: 500, updatesPerObjective: 4, seed: 5 });
    const byObjective = updatesByObjective(data.objectiveUpdates);
    for (const o of data.objectives) {
      const first = (byObjective.get(o.id) ?? [])[0];
      expect(o.created).toBeDefined();
      expect((o.created ?? '').slice(0, 10) < periodById(first.periodId).start).toBe(true);
    }
    for (const u of data.objectiveUpdates) expect(u.created).toBe(u.updatedOn);
    const none = generateLargeData({ objectives: 20, updatesPerObjective: 0, seed: 5 });
    for (const o of none.objectives) expect((o.created ?? '').slice(0, 10) < periodById('2021-22-Q4').start).toBe(true);
  });

  it('keeps each objective consistent with its latest update and the calendar', () => {
    const data = generateLargeData({ objectives: 1000, updatesPerObjective: 4, seed: 11 });
    expect(latestUpdateProblems(data)).toEqual([]);
    const byObjective = updatesByObjective(data.objectiveUpdates);
    for (const o of data.objectives) {
      const list = byObjective.get(o.id) ?? [];
      // Consecutive quarters ending at the last update period.
      for (let i = 1; i < list.length; i++) expect(previousPeriod(list[i].periodId).id).toBe(list[i - 1].periodId);
      if (o.status === 'Complete') {
        expect(o.nextUpdateDue).toBeUndefined();
        expect(o.rag).toBe('Green');
      } else {
        expect(o.nextUpdateDue).toBe(nextPeriod(o.lastUpdatePeriodId ?? '').deadline);
      }
    }
    for (const u of data.objectiveUpdates) {
      const period = periodById(u.periodId);
      const day = u.updatedOn.slice(0, 10);
      expect(day >= period.start && day <= period.deadline).toBe(true);
    }
    // Some objectives missed the latest quarter so overdue views have rows.
    const last = data.objectives.map((o) => o.lastUpdatePeriodId ?? '');
    expect(new Set(last).size).toBe(2);
    expect(comparePeriodIds(last.sort()[0], '2021-22-Q4')).toBeLessThan(0);
  });

  it('produces items the product validators accept, using every status and RAG', () => {
    const data = generateLargeData({ objectives: 500, updatesPerObjective: 2, seed: 5 });
    const problems = [
      ...data.objectives.flatMap((o) => validateObjective(o).map((e) => `objective ${o.id}: ${e.message}`)),
      ...data.objectiveUpdates.flatMap((u) => validateObjectiveUpdate(u).map((e) => `update ${u.id}: ${e.message}`))
    ];
    expect(problems).toEqual([]);
    expect(new Set(data.objectives.map((o) => o.status))).toEqual(new Set(OBJECTIVE_STATUSES));
    expect(new Set(data.objectives.map((o) => o.rag))).toEqual(new Set(RAG_RATINGS));
  });

  it('allows objectives without updates', () => {
    const data = generateLargeData({ objectives: 10, updatesPerObjective: 0 });
    expect(data.objectiveUpdates).toEqual([]);
    for (const o of data.objectives) expect(o.lastUpdatePeriodId).toBeUndefined();
  });

  it('rejects counts that are negative or not whole numbers', () => {
    expect(() => generateLargeData({ objectives: -1, updatesPerObjective: 1 })).toThrow(RangeError);
    expect(() => generateLargeData({ objectives: 1, updatesPerObjective: 1.5 })).toThrow(RangeError);
  });
});
