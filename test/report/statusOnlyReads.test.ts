/**
 * The highlight report reads every update's status fields but the narratives of the updates it
 * shows only (shownUpdateIds). The model it builds so must be exactly the one built from every
 * update read whole: on the sample data and on generated data of several seeds and sizes, with
 * objectives without updates, objectives created mid-year, updates saved after their period
 * ended and periods before any update. And the same again with the statuses taken from the
 * objectives' status histories instead of the update list.
 */
import { buildReportModel, REPORT_KINDS, shownUpdateIds, withFullUpdates } from '../../src/domain/report';
import type { ReportData, ReportKind } from '../../src/domain/report';
import { periodById, previousPeriod } from '../../src/domain/calendar';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { historyOf, updatesFromHistories } from '../../src/domain/statusHistory';
import { reportedPeriodIds } from '../../src/webparts/highlightReport/reportOptions';
import { datedSampleData, REFERENCE_TODAY, sampleData } from '../../local/sample-data';
import { generateLargeData, prng } from '../../local/sample-data/generate';
import type { SampleData } from '../../local/sample-data/types';

const GENERATED_ON = '2026-12-01T10:00:00.000Z';

/** The lists a report reads, from a data set. */
function reportData(d: SampleData): ReportData {
  return {
    services: d.services,
    objectives: d.objectives,
    updates: d.objectiveUpdates,
    benefits: d.benefits,
    risks: d.risks,
    measures: d.measures,
    highlights: d.highlights,
    actions: d.objectiveActions,
    measureActuals: d.measureActuals,
    bestPractice: d.bestPractice,
    lessonsLearned: d.lessonsLearned,
    meetings: d.committeeMeetings,
    staffSurveys: d.staffSurveys,
    budgetLines: d.budgetLines
  };
}

/** As `updateFields: 'status'` reads them: no narrative, no author (what fromItem makes of absent fields). */
function statusOnly(updates: readonly ObjectiveUpdate[]): ObjectiveUpdate[] {
  return updates.map(({ author: _author, ...u }) => ({ ...u, narrative: '' }));
}

/**
 * Generated data made less regular: objectives created over two years (some mid-year, some after
 * every update), one in seven without any update, and updates created when saved, some of them
 * after their period ended.
 */
function varied(seed: number, objectives: number, updatesPerObjective: number): SampleData {
  const d = generateLargeData({ objectives, updatesPerObjective, seed });
  const random = prng(seed * 7919);
  const day = (from: string, spanDays: number): string => new Date(Date.parse(`${from}T09:00:00Z`) + Math.floor(random() * spanDays) * 86_400_000).toISOString();
  const silent = new Set(d.objectives.filter((o) => o.id % 7 === 0).map((o) => o.id));
  return {
    ...d,
    objectives: d.objectives.map((o) => ({ ...o, created: day('2020-06-01', 730) })),
    objectiveUpdates: d.objectiveUpdates
      .filter((u) => !silent.has(u.objectiveId))
      // Written near the deadline: some saved after the period's end.
      .map((u) => ({ ...u, created: random() < 0.3 ? new Date(Date.parse(periodById(u.periodId).end) + 5 * 86_400_000).toISOString() : u.updatedOn }))
  };
}

/** The periods worth comparing: every reported one, and the quarter before the first (no earlier update). */
function periodsOf(data: ReportData): string[] {
  const reported = reportedPeriodIds(data);
  return reported.length === 0 ? [] : [previousPeriod(reported[0]).id, ...reported];
}

/** The updates as the report takes them from status histories kept of `data`'s updates. */
function fromHistories(data: ReportData): ObjectiveUpdate[] {
  const objectives = data.objectives.map((o) => ({ id: o.id, statusHistory: historyOf(o.id, data.updates) }));
  const newest = Math.max(0, ...data.updates.map((u) => Date.parse(u.modified ?? u.created ?? '')).filter((t) => !isNaN(t)));
  const updates = updatesFromHistories(objectives, { itemCount: data.updates.length, lastItemModified: new Date(newest).toISOString() });
  expect(updates).toBeDefined();
  return updates ?? [];
}

/** Builds the model both ways and expects them equal; returns how many updates were read whole. */
function compare(data: ReportData, periodId: string, kind: ReportKind, serviceId?: number): number {
  const options = { kind, periodId, serviceId, generatedOn: GENERATED_ON };
  const old = buildReportModel(data, options);
  const slim = statusOnly(data.updates);
  const shown = shownUpdateIds(slim, periodId);
  const byId = new Map(data.updates.map((u) => [u.id, u]));
  const full = new Map(shown.map((id) => [id, byId.get(id) as ObjectiveUpdate]));
  const next = buildReportModel({ ...data, updates: withFullUpdates(slim, full) }, options);
  expect(next).toEqual(old);
  // The same from the objectives' status histories (to the second, as SharePoint stores times).
  const copies = fromHistories(data);
  expect(shownUpdateIds(copies, periodId)).toEqual(shown);
  expect(buildReportModel({ ...data, updates: withFullUpdates(copies, full) }, options)).toEqual(old);
  return shown.length;
}

describe('a report built from the statuses of every update and the narratives of those shown', () => {
  it('is the model built from every update read whole, on the sample data, for every period, kind and scope', () => {
    const data = reportData(datedSampleData(sampleData, REFERENCE_TODAY));
    const periods = periodsOf(data);
    expect(periods.length).toBeGreaterThan(2);
    for (const periodId of periods) {
      for (const kind of REPORT_KINDS) {
        compare(data, periodId, kind);
        for (const s of data.services) compare(data, periodId, kind, s.id);
      }
    }
  });

  it.each([
    [1, 60, 4],
    [2, 150, 6],
    [3, 40, 1],
    [4, 25, 0]
  ])('is the same on generated data (seed %i, %i objectives, %i updates each)', (seed, objectives, perObjective) => {
    const data = reportData(varied(seed, objectives, perObjective));
    const periods = periodsOf(data);
    if (perObjective > 0) expect(periods.length).toBeGreaterThan(perObjective);
    let shown = 0;
    for (const periodId of periods.length > 0 ? periods : ['2021-22-Q4']) {
      shown += compare(data, periodId, 'highlight');
      compare(data, periodId, 'annual', data.services[0].id);
    }
    // Some narratives are shown, and far fewer than every update's.
    if (perObjective > 1) {
      expect(shown).toBeGreaterThan(0);
      expect(shown / Math.max(1, periods.length)).toBeLessThan(data.updates.length / 2);
    }
  });

  it('needs no narrative of an objective created after the period, nor of an update saved after it ended', () => {
    const data = reportData(varied(5, 80, 4));
    const periodId = '2021-22-Q2';
    const end = periodById(periodId).end;
    const shown = new Set(shownUpdateIds(data.updates, periodId));
    for (const u of data.updates) {
      if (u.created && u.created.slice(0, 10) > end) expect(shown.has(u.id)).toBe(false);
    }
    expect(shown.size).toBeGreaterThan(0);
    compare(data, periodId, 'quarterly');
  });
});

describe('createdBy', () => {
  it('agrees with the London calendar day of every timestamp, around midnight in winter and summer', () => {
    const { londonDay, createdBy } = jest.requireActual<typeof import('../../src/domain/report/build')>('../../src/domain/report/build');
    const days = ['2021-03-27', '2021-03-28', '2021-06-30', '2021-10-30', '2021-10-31', '2022-01-31'];
    let checked = 0;
    for (const base of days) {
      const start = Date.parse(`${base}T00:00:00Z`) - 36 * 3_600_000;
      for (let m = 0; m <= 72 * 60; m += 17) {
        const iso = new Date(start + m * 60_000).toISOString();
        for (const day of days) {
          expect(createdBy(iso, day)).toBe((londonDay(iso) as string) <= day);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // No date, or one that is not a date: kept, as before.
    expect(createdBy(undefined, '2021-01-01')).toBe(true);
    expect(createdBy('2021-13-45T10:00:00Z', '2021-01-01')).toBe(true);
    expect(createdBy('2021-06-30T23:30:00+00:00', '2021-06-30')).toBe(false);
  });
});
