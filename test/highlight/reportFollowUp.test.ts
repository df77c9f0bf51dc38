/**
 * What the highlight report's first load reads in its second round (reportFollowUp): the
 * updates of the period it will most likely open on, each earlier-updated objective's last
 * update by key, the period before whole while objectives are still to come, and the histories
 * when that period is over; nothing of objectives created after the period. With a number of
 * first rows: only the narratives of each service's first objectives.
 */
import { reportFollowUp, ReportFirstRound } from '../../src/webparts/highlightReport/reportOptions';

const objectives: ReportFirstRound['objectives'] = [
  { id: 1, serviceId: 1, created: '2021-04-10T09:00:00Z', lastUpdatePeriodId: '2021-22-Q4' },
  { id: 2, serviceId: 1, created: '2021-04-10T09:00:00Z', lastUpdatePeriodId: '2021-22-Q2' },
  { id: 3, serviceId: 2, created: '2021-05-01T09:00:00Z' },
  // Created after the period: the report does not show it.
  { id: 4, serviceId: 2, created: '2022-06-01T09:00:00Z', lastUpdatePeriodId: '2021-22-Q3' }
];
const first: ReportFirstRound = { latestUpdatePeriod: '2021-22-Q4', highlights: [], snapshots: [], objectives, benefits: [{ id: 7 }], risks: [{ id: 9 }] };

describe('reportFollowUp', () => {
  it("reads the period's updates and the last update of each objective updated earlier, and no history for today's period", () => {
    expect(reportFollowUp(first, new Set(), '2022-03-20')).toEqual({
      updatesForPeriods: ['2021-22-Q4'],
      updatesOf: [{ objectiveId: 2, periodId: '2021-22-Q2' }],
      history: undefined
    });
  });

  it('falls back to the latest reported period, over, with the histories of every benefit and risk', () => {
    const reads = reportFollowUp(first, new Set(), '2026-12-01');
    expect(reads.updatesForPeriods).toEqual(['2021-22-Q4']);
    expect(reads.history).toEqual({ benefits: [7], risks: [9] });
  });

  it('reads the period before whole while more objectives are to come', () => {
    const reads = reportFollowUp(first, new Set(['objectives']), '2022-03-20');
    expect(reads.updatesForPeriods).toEqual(['2021-22-Q4', '2021-22-Q3']);
    expect(reads.updatesOf).toEqual([{ objectiveId: 2, periodId: '2021-22-Q2' }]);
  });

  it('reads no update when every objective was created after the period', () => {
    const later = { ...first, objectives: [{ id: 4, serviceId: 1, created: '2026-12-01T09:00:00Z', lastUpdatePeriodId: '2021-22-Q4' }] };
    expect(reportFollowUp(later, new Set(), '2026-12-01')).toEqual({ updatesForPeriods: [], history: { benefits: [7], risks: [9] } });
  });

  it('reads no history when the repositories keep none', () => {
    expect(reportFollowUp(first, new Set(), '2026-12-01', undefined, false).history).toBeUndefined();
  });

  describe('with first rows', () => {
    const many: ReportFirstRound['objectives'] = [
      ...objectives,
      { id: 5, serviceId: 1, created: '2021-04-10T09:00:00Z', lastUpdatePeriodId: '2021-22-Q4' },
      { id: 6, serviceId: 2, created: '2021-04-10T09:00:00Z', lastUpdatePeriodId: '2021-22-Q3' },
      { id: 7, serviceId: 2, created: '2021-04-10T09:00:00Z', lastUpdatePeriodId: '2021-22-Q4' }
    ];

    it("reads each service's first objectives' last updates by key, and no period whole", () => {
      const reads = reportFollowUp({ ...first, objectives: many }, new Set(), '2022-03-20', undefined, true, 2);
      expect(reads.updatesForPeriods).toBeUndefined();
      // Service 1: objectives 1 and 2 (5 is third); service 2: 3 (never updated: its period asked for) and 6 (4 came later).
      expect(reads.updatesOf).toEqual([
        { objectiveId: 1, periodId: '2021-22-Q4' },
        { objectiveId: 2, periodId: '2021-22-Q2' },
        { objectiveId: 3, periodId: '2021-22-Q4' },
        { objectiveId: 6, periodId: '2021-22-Q3' }
      ]);
    });

    it('reads the exact updates shown when the statuses came from the histories', () => {
      const update = (id: number, objectiveId: number, periodId: string, created = '2021-07-01T09:00:00Z') =>
        ({ id, etag: '', objectiveId, periodId, narrative: '', status: 'In progress', rag: 'Green', updatedOn: created, created }) as const;
      const updates = [
        update(11, 1, '2021-22-Q3'),
        // Saved after the period ended: not what its paper shows.
        update(12, 1, '2021-22-Q4', '2022-05-01T09:00:00Z'),
        update(13, 2, '2021-22-Q1'),
        update(14, 6, '2021-22-Q2'),
        update(15, 5, '2021-22-Q4')
      ];
      const reads = reportFollowUp({ ...first, objectives: many, updates: [...updates], updatesFromHistories: true }, new Set(), '2022-06-20', undefined, true, 2);
      expect(reads.updatesOf).toEqual([
        { objectiveId: 1, periodId: '2021-22-Q3' },
        { objectiveId: 2, periodId: '2021-22-Q1' },
        { objectiveId: 6, periodId: '2021-22-Q2' }
      ]);
    });
  });
});
