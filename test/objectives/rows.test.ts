/** Filtering, search, sorting and grouping of the objectives list (pure functions). */
import { DEFAULT_SORT, NO_FILTERS, buildRows, filterRows, groupRows, groupSortedRows, historyOf, myObjectivesForPeriod, servicesMatching, sortRows } from '../../src/webparts/objectivesTracker/logic/rows';
import { ITrackerState, trackerReducer, initialTrackerState } from '../../src/webparts/objectivesTracker/logic/trackerState';
import { ME, OTHER, PERIOD, objective, seed, service, update } from './fixtures';

const data = seed();
const services = data.services ?? [];
const objectives = data.objectives ?? [];
const updates = data.updates ?? [];
const rows = buildRows(services, objectives, updates, PERIOD);
const titles = (list: Array<{ objective: { title: string } }>): string[] => list.map((r) => r.objective.title);

describe('buildRows', () => {
  it('joins the service name and the latest update, and marks objectives owing an update this period', () => {
    const digital = rows.find((r) => r.objective.id === 10);
    expect(digital?.serviceName).toBe('Transformation and Partnerships');
    expect(digital?.latest?.id).toBe(101);
    expect(digital?.needsUpdate).toBe(true);
    // Complete objectives owe nothing.
    expect(rows.find((r) => r.objective.id === 12)?.needsUpdate).toBe(false);
    // An update for the period clears the flag.
    const withQ4 = buildRows(services, objectives, [...updates, update(200, 10, PERIOD, '<p>Done</p>', '2022-03-01T09:00:00Z')], PERIOD);
    expect(withQ4.find((r) => r.objective.id === 10)?.needsUpdate).toBe(false);
    expect(withQ4.find((r) => r.objective.id === 10)?.latest?.id).toBe(200);
  });
});

describe('filterRows', () => {
  it('filters by service, status, officer and "needs update", alone and together', () => {
    expect(titles(filterRows(rows, { ...NO_FILTERS, serviceIds: [2] }))).toEqual(['Align the constitutions of both councils', 'Shared governance training']);
    expect(titles(filterRows(rows, { ...NO_FILTERS, statuses: ['Complete'] }))).toEqual(['Closed objective of mine']);
    expect(titles(filterRows(rows, { ...NO_FILTERS, officerIds: [OTHER.id] }))).toEqual(['Align the constitutions of both councils']);
    expect(filterRows(rows, { ...NO_FILTERS, needsUpdateOnly: true }).map((r) => r.objective.id).sort()).toEqual([10, 11, 13]);
    expect(titles(filterRows(rows, { ...NO_FILTERS, serviceIds: [1], officerIds: [ME.id], needsUpdateOnly: true }))).toEqual(['Develop a shared digital strategy']);
    expect(filterRows(rows, NO_FILTERS)).toHaveLength(objectives.length);
  });

  it('searches title, aim, officer and the latest narrative, case- and accent-insensitively, every word', () => {
    expect(titles(filterRows(rows, { ...NO_FILTERS, search: 'DIGITAL' }))).toEqual(['Develop a shared digital strategy']);
    expect(titles(filterRows(rows, { ...NO_FILTERS, search: 'alex' }))).toEqual(['Align the constitutions of both councils']);
    expect(titles(filterRows(rows, { ...NO_FILTERS, search: 'third quarter' }))).toEqual(['Develop a shared digital strategy']);
    expect(filterRows(rows, { ...NO_FILTERS, search: 'shared nonsense' })).toHaveLength(0);
    const accented = buildRows(services, [objective(20, 1, 'Café réview')], [], PERIOD);
    expect(filterRows(accented, { ...NO_FILTERS, search: 'cafe review' })).toHaveLength(1);
    // Markup is not searchable text.
    expect(filterRows(rows, { ...NO_FILTERS, search: '<p>' })).toHaveLength(0);
  });
});

describe('groupRows', () => {
  it('groups by service in name order and sorts within each group', () => {
    const { rows: sorted, groups } = groupRows(rows, DEFAULT_SORT);
    expect(groups.map((g) => [g.name, g.startIndex, g.count])).toEqual([
      ['Governance', 0, 2],
      ['Transformation and Partnerships', 2, 2]
    ]);
    expect(titles(sorted)).toEqual([
      'Align the constitutions of both councils',
      'Shared governance training',
      'Closed objective of mine',
      'Develop a shared digital strategy'
    ]);
    const desc = groupRows(rows, { key: 'title', descending: true }).rows;
    expect(titles(desc.slice(0, 2))).toEqual(['Shared governance training', 'Align the constitutions of both councils']);
  });

  it('sorts by RAG (red first), status (vocabulary order), latest update and target date with blanks last', () => {
    const byRag = groupRows(rows, { key: 'rag', descending: false }).rows;
    expect(byRag.slice(0, 2).map((r) => r.objective.rag)).toEqual(['Red', 'Amber']);
    const byStatus = groupRows(rows, { key: 'status', descending: true }).rows;
    expect(byStatus.slice(2).map((r) => r.objective.status)).toEqual(['Complete', 'In progress']);
    const byLatest = groupRows(rows, { key: 'latestUpdate', descending: true }).rows;
    // Transformation group: objective 10 has updates, 12 has none and goes last either way.
    expect(titles(byLatest.slice(2))).toEqual(['Develop a shared digital strategy', 'Closed objective of mine']);
    const byLatestAsc = groupRows(rows, { key: 'latestUpdate', descending: false }).rows;
    expect(titles(byLatestAsc.slice(2))).toEqual(['Develop a shared digital strategy', 'Closed objective of mine']);
    const byTarget = groupRows(rows, { key: 'targetDate', descending: false }).rows;
    expect(byTarget[2].objective.targetDate).toBe('2022-12-31');
  });

  it('handles 5,000 objectives in one pass each', () => {
    const many = Array.from({ length: 5000 }, (_, i) => objective(1000 + i, (i % 40) + 1, `Objective ${5000 - i}`));
    const manyServices = Array.from({ length: 40 }, (_, i) => service(i + 1, `Service ${String(i + 1).padStart(2, '0')}`));
    const big = buildRows(manyServices, many, [], PERIOD);
    const { rows: sorted, groups } = groupRows(filterRows(big, { ...NO_FILTERS, search: 'objective' }), DEFAULT_SORT);
    expect(groups).toHaveLength(40);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(5000);
    expect(sorted[0].serviceName).toBe('Service 01');
    // Numeric-aware: "Objective 40" before "Objective 120".
    const first = sorted.slice(0, groups[0].count).map((r) => Number(r.objective.title.split(' ')[1]));
    expect(first).toEqual(first.slice().sort((a, b) => a - b));
  });
});

describe('servicesMatching, myObjectivesForPeriod and historyOf', () => {
  it('matches services by part of the name', () => {
    expect(servicesMatching(services, 'govern')).toEqual([2]);
    expect(servicesMatching(services, '')).toEqual([1, 2]);
    expect(servicesMatching(services, 'Waste')).toEqual([]);
  });

  it('gives only my open objectives (and any I already updated this period)', () => {
    expect(myObjectivesForPeriod(objectives, updates, ME.id, PERIOD).map((o) => o.id)).toEqual([10, 13]);
    const completedThisPeriod = [...updates, update(300, 12, PERIOD, '<p>Finished</p>', '2022-03-01T09:00:00Z')];
    expect(myObjectivesForPeriod(objectives, completedThisPeriod, ME.id, PERIOD).map((o) => o.id)).toEqual([12, 10, 13]);
    expect(myObjectivesForPeriod(objectives, updates, OTHER.id, PERIOD).map((o) => o.id)).toEqual([11]);
  });

  it('orders history newest first by period, then by when written', () => {
    const history = historyOf(
      [...updates, update(103, 10, '2021-22-Q3', '<p>Correction</p>', '2021-12-09T08:00:00Z'), update(104, 10, '2021-22-Q1', '<p>First</p>', '2021-06-01T08:00:00Z')],
      10
    );
    expect(history.map((u) => u.id)).toEqual([103, 101, 100, 104]);
  });
});

describe('trackerReducer', () => {
  it('merges saved items, toggles sort direction and resets filters', () => {
    let state: ITrackerState = { ...initialTrackerState({ serviceIds: [1] }), data: { services, objectives, updates } };
    state = trackerReducer(state, { type: 'objectivesSaved', objectives: [{ ...objectives[0], status: 'Complete' }] });
    expect(state.data?.objectives.find((o) => o.id === 10)?.status).toBe('Complete');
    expect(state.data?.objectives).toHaveLength(objectives.length);
    state = trackerReducer(state, { type: 'updatesSaved', updates: [update(400, 10, PERIOD, '<p>x</p>', '2022-03-01T00:00:00Z')] });
    expect(state.data?.updates).toHaveLength(updates.length + 1);
    state = trackerReducer(state, { type: 'sortBy', key: 'rag' });
    expect(state.sort).toEqual({ key: 'rag', descending: false });
    state = trackerReducer(state, { type: 'sortBy', key: 'rag' });
    expect(state.sort).toEqual({ key: 'rag', descending: true });
    expect(state.filters.serviceIds).toEqual([1]);
    state = trackerReducer(state, { type: 'filtersReset' });
    expect(state.filters).toEqual(NO_FILTERS);
  });
});

describe('latest update of a period not loaded', () => {
  // The tracker loads only recent periods: objective 14's Q2 update is not among the rows' updates.
  const withOlder = [...objectives, objective(14, 1, 'Last reported in Q2', { lastUpdatePeriodId: '2021-22-Q2' })];
  const partial = buildRows(services, withOlder, updates, PERIOD);

  it('takes the period from the objective when it is newer than any update loaded', () => {
    const older = partial.find((r) => r.objective.id === 14);
    expect(older?.latest).toBeUndefined();
    expect(older?.latestPeriodId).toBe('2021-22-Q2');
    expect(older?.latestNotLoaded).toBe(true);
    const loaded = partial.find((r) => r.objective.id === 10);
    expect(loaded?.latestPeriodId).toBe('2021-22-Q3');
    expect(loaded?.latestNotLoaded).toBe(false);
    // No period recorded and nothing loaded: nothing to fetch.
    expect(partial.find((r) => r.objective.id === 12)?.latestNotLoaded).toBe(false);
  });

  it('sorts by that period, and filtering sorted rows gives the same groups as sorting filtered ones', () => {
    const byLatest = groupRows(partial, { key: 'latestUpdate', descending: true }).rows.filter((r) => r.objective.serviceId === 1);
    expect(byLatest.map((r) => r.objective.id)).toEqual([10, 14, 12]);
    const filters = { ...NO_FILTERS, search: 'shared' };
    const sort = { key: 'rag' as const, descending: false };
    expect(groupSortedRows(filterRows(sortRows(partial, sort), filters))).toEqual(groupRows(filterRows(partial, filters), sort));
  });
});
