/**
 * The framework's remaining parts in the report model: the committee meeting by name, staff
 * satisfaction, the actuals entered with their comments, and the year's budget by service and
 * council, each as it stood at the period's end; and what changed between two versions.
 */
import { buildReportModel, ReportData, ReportModel } from '../../src/domain/report';
import { compareReports } from '../../src/domain/report/compare';
import { A, B, C, fixture } from './fixtures';

function data(): ReportData {
  return {
    ...fixture(),
    meetings: [
      { id: 1, etag: '', title: 'Joint Committee, December 2021', meetingDate: '2021-12-15', reports: ['highlight'] },
      { id: 2, etag: '', title: 'Joint Committee, March 2022', meetingDate: '2022-03-22', reports: ['highlight'] },
      { id: 3, etag: '', title: 'Joint Committee, June 2022', meetingDate: '2022-06-21', reports: ['highlight', 'quarterly'] },
      { id: 4, etag: '', title: 'Joint Committee, March 2023', meetingDate: '2023-03-14', reports: ['highlight', 'annual'] }
    ],
    staffSurveys: [
      { id: 1, etag: '', serviceId: 1, periodId: '2021-22-Q2', surveyed: 40, responses: 30, satisfiedPercent: 60, themes: '<p>Workload.</p>', created: '2021-09-20T09:00:00Z' },
      { id: 2, etag: '', serviceId: 1, periodId: '2021-22-Q4', surveyed: 40, responses: 32, satisfiedPercent: 70, themes: '<p>Better.</p>', created: '2022-03-20T09:00:00Z' }
    ],
    measureActuals: [{ id: 1, etag: '', measureId: 62, periodId: '2021-22-Q4', value: 88, comment: '<p>Two long cases.</p>', created: '2022-03-25T09:00:00Z' }],
    budgetLines: [
      { id: 1, etag: '', serviceId: 1, financialYear: 2021, sharedBudget: 900000, split: [{ council: A, amount: 300000 }, { council: B, amount: 300000 }, { council: C, amount: 300000 }], savingsApproved: 50000, created: '2021-04-01T09:00:00Z' },
      { id: 2, etag: '', serviceId: 2, financialYear: 2021, sharedBudget: 400000, split: [{ council: B, amount: 150000 }, { council: A, amount: 250000 }], savingsApproved: 20000, created: '2021-04-01T09:00:00Z' },
      { id: 3, etag: '', serviceId: 2, financialYear: 2022, sharedBudget: 999999, split: [], savingsApproved: 0, created: '2022-04-01T09:00:00Z' }
    ]
  };
}

const build = (periodId: string, kind: ReportModel['kind'] = 'quarterly', input: ReportData = data()): ReportModel =>
  buildReportModel(input, { kind, periodId, generatedOn: '2026-12-01T09:00:00Z' });
const service = (m: ReportModel, name: string): ReportModel['services'][number] => {
  const s = m.services.find((x) => x.name === name);
  if (!s) throw new Error(`no section ${name}`);
  return s;
};

describe('report model: the framework parts from the cycle lists', () => {
  it('names the meeting within the period, preferring one that lists the kind', () => {
    expect(build('2021-22-Q4', 'annual').meeting).toEqual({ title: 'Joint Committee, March 2022', date: '2022-03-22' });
    expect(build('2021-22-Q3').meeting?.title).toBe('Joint Committee, December 2021');
    expect(build('2022-23-Q1').meeting?.title).toBe('Joint Committee, June 2022');
    expect(buildReportModel({ ...data(), meetings: [] }, { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2026-12-01T09:00:00Z' }).meeting).toBeUndefined();
  });

  it('shows the latest staff survey on or before the period, with the one before for the trend', () => {
    const q4 = service(build('2021-22-Q4'), 'Revenues and Benefits').staffSurvey;
    expect(q4).toMatchObject({ periodId: '2021-22-Q4', thisPeriod: true, satisfiedPercent: 70, previousSatisfiedPercent: 60, responseRate: 80 });
    // In Q3 the Q4 survey did not exist yet: the Q2 one is shown, marked as not this period's.
    const q3 = service(build('2021-22-Q3'), 'Revenues and Benefits').staffSurvey;
    expect(q3).toMatchObject({ periodId: '2021-22-Q2', thisPeriod: false, satisfiedPercent: 60 });
    expect(service(build('2021-22-Q4'), 'Legal Services').staffSurvey).toBeUndefined();
  });

  it('takes the actual entered in the measure actuals list, with its comment, only once it existed', () => {
    const m = service(build('2021-22-Q4'), 'Legal Services').measures[0];
    expect(m).toMatchObject({ actual: 88, onTarget: false, comment: '<p>Two long cases.</p>' });
    const input = data();
    input.measureActuals = [{ ...(input.measureActuals ?? [])[0], created: '2022-04-20T09:00:00Z' }];
    const later = service(build('2021-22-Q4', 'quarterly', input), 'Legal Services').measures[0];
    expect(later.actual).toBeUndefined();
    expect(later.comment).toBeUndefined();
  });

  it("totals the year's budget per council in the paper's council order, leaving other years out", () => {
    const b = build('2021-22-Q4', 'annual').budget;
    expect(b?.financialYearLabel).toBe('2021/22');
    expect(b?.lines.map((l) => l.serviceName)).toEqual(['Legal Services', 'Revenues and Benefits']);
    expect(b?.sharedBudget).toBe(1300000);
    expect(b?.savingsApproved).toBe(70000);
    expect(b?.byCouncil).toEqual([
      { council: A, share: 550000 },
      { council: B, share: 450000 },
      { council: C, share: 300000 }
    ]);
    expect(build('2022-23-Q4', 'annual').budget?.lines.map((l) => l.sharedBudget)).toEqual([999999]);
  });
});

describe('comparing two published versions', () => {
  it('finds nothing between a version and itself', () => {
    const m = build('2021-22-Q4');
    expect(compareReports(m, JSON.parse(JSON.stringify(m)) as ReportModel)).toEqual([]);
  });

  it('lists each change under its section and service, with before and after', () => {
    const older = build('2021-22-Q4');
    const input = data();
    input.measureActuals = [{ ...(input.measureActuals ?? [])[0], value: 91 }];
    input.risks = input.risks.filter((r) => r.id !== 53);
    const newer = buildReportModel(input, { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2026-12-02T09:00:00Z', narrative: { purpose: '<p>Corrected purpose.</p>' } });
    const changes = compareReports(older, newer);
    expect(changes).toEqual(
      expect.arrayContaining([
        { section: 'narrative', serviceName: undefined, item: 'purpose', change: 'added', after: 'Corrected purpose.' },
        expect.objectContaining({ section: 'measures', serviceName: 'Legal Services', item: 'Files closed on time', change: 'changed' }),
        expect.objectContaining({ section: 'risks', serviceName: 'Legal Services', change: 'removed' })
      ])
    );
    const measure = changes.find((c) => c.section === 'measures');
    expect(measure?.before).toContain('88%');
    expect(measure?.after).toContain('91%');
    // Sections come in the paper's order.
    expect(changes.map((c) => c.section)).toEqual(['narrative', 'measures', 'risks']);
  });
});
