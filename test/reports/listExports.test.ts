/**
 * Excel export of the objectives tracker and its measures and staff satisfaction tabs, and of the
 * budget overview: display values (service and officer names, quarters by their labels, UK dates,
 * pounds and pence), the filters applied named above the table, and nothing written as a formula.
 */
import { Workbook, Worksheet } from 'exceljs';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { buildXlsx, ExportSheet } from '../../src/reports/xlsx';
import { periodById } from '../../src/domain/calendar';
import { shortPeriodLabel } from '../../src/domain/report';
import { trackMeasure } from '../../src/domain/measures';
import type { BudgetLine, Measure, Objective, ObjectiveUpdate, Service, StaffSurvey } from '../../src/domain/types';
import { buildRows } from '../../src/webparts/objectivesTracker/logic/rows';
import { measureExportSheet, objectiveExportSheet, surveyExportSheet } from '../../src/webparts/objectivesTracker/exportObjectives';
import { budgetExportSheet } from '../../src/webparts/benefitsTracker/exportBudget';
import { filterSentences } from '../../src/components/exportSheet';
import { bestPracticeExportSheet, lessonsExportSheet, servicesExportSheet, successesExportSheet } from '../../src/webparts/benefitsTracker/exportAnnualReview';

const SERVICES: Service[] = [{ id: 4, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }];
const SAM = { id: 7, displayName: 'Sam Officer', email: 'sam@example.gov.uk' };

async function sheetOf<T>(sheet: ExportSheet<T>): Promise<Worksheet> {
  const data = await buildXlsx(sheet);
  const wb = new Workbook();
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

/** A row's values, by the header row's headers. */
function rowByHeader(ws: Worksheet, row: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.getRow(4).eachCell((cell, col) => {
    out[String(cell.value)] = ws.getRow(row).getCell(col).value;
  });
  return out;
}

const noFormulas = (ws: Worksheet): void => ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(6 /* ValueType.Formula */)));

describe('objectives export', () => {
  const objectives: Objective[] = [
    { id: 1, etag: '"1"', title: 'Agree a shared ICT strategy', aim: '<p>One <b>strategy</b></p>', serviceId: 4, status: 'In progress', rag: 'Amber', responsibleOfficer: SAM, targetDate: '2027-03-31', nextUpdateDue: '2027-01-10' },
    { id: 2, etag: '"1"', title: '=HYPERLINK("http://evil.example")', aim: '', serviceId: 4, status: 'Not started', rag: 'Not rated' }
  ];
  const updates: ObjectiveUpdate[] = [{ id: 9, etag: '"1"', objectiveId: 1, periodId: '2026-27-Q2', narrative: '<p>Draft agreed.</p>', status: 'In progress', rag: 'Amber', updatedOn: '2026-10-05T10:00:00Z' }];

  it('writes the rows shown with names, the quarter’s label (never its id), UK dates and the filters', async () => {
    const rows = buildRows(SERVICES, objectives, updates, '2026-27-Q3');
    const ws = await sheetOf(objectiveExportSheet(rows, [[strings.ObjectivesFilterStatus, 'In progress, Not started'], [strings.ObjectivesFilterNeedsUpdate.replace('{0}', 'Q3 2026/27')]]));
    expect(ws.getCell('A1').value).toBe(strings.ObjectivesHeading);
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.ObjectivesFilterStatus}: In progress, Not started; ${strings.ObjectivesFilterNeedsUpdate.replace('{0}', 'Q3 2026/27')}`);
    const first = rowByHeader(ws, 5);
    expect(first[strings.ColumnService]).toBe('ICT');
    expect(first[strings.ColumnAim]).toBe('One strategy');
    expect(first[strings.ColumnOfficer]).toBe('Sam Officer');
    expect(first[lazyStrings.ColumnLatestUpdateFor]).toBe(periodById('2026-27-Q2').label);
    expect(String(first[lazyStrings.ColumnLatestUpdateFor])).not.toContain('2026-27-Q2');
    expect(first[strings.ColumnLatestUpdate]).toBe('Draft agreed.');
    expect((first[strings.ColumnTargetDate] as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    const second = rowByHeader(ws, 6);
    expect(second[strings.ColumnObjective]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(second[strings.ColumnOfficer]).toBeNull();
    noFormulas(ws);
  });

  it('says when no filter is applied', async () => {
    const ws = await sheetOf(objectiveExportSheet(buildRows(SERVICES, objectives, [], '2026-27-Q3'), []));
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${lazyStrings.ExportNoFilters}`);
  });
});

describe('measures export', () => {
  it('heads each quarter by its label and writes its actual with the unit and RAG, and the trend', async () => {
    const measure: Measure = { id: 3, etag: '"1"', title: 'Calls answered in 60 seconds', serviceId: 4, unit: '%', target: 90, direction: 'Higher is better', responsibleOfficer: SAM, actuals: {} };
    const track = trackMeasure(measure, [{ periodId: '2026-27-Q1', value: 85 }, { periodId: '2026-27-Q2', value: 92 }], '2026-27-Q2');
    const label = (id: string): string => shortPeriodLabel(periodById(id));
    const ws = await sheetOf(measureExportSheet([{ measure, track }], SERVICES, label, [[strings.FilterServiceLabel, 'ICT']]));
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterServiceLabel}: ICT`);
    const row = rowByHeader(ws, 5);
    expect(row[lazyStrings.ColumnMeasure]).toBe('Calls answered in 60 seconds');
    expect(row[lazyStrings.FieldService]).toBe('ICT');
    expect(row[lazyStrings.FieldResponsibleOfficer]).toBe('Sam Officer');
    expect(row[lazyStrings.ColumnTarget]).toBe('90 %');
    expect(row[label('2026-27-Q2')]).toBe(`92 % (${track.latest.rag})`);
    expect(row[label('2026-27-Q1')]).toMatch(/^85 % \(/);
    expect(row[strings.ReportColumnTrend]).toBe(strings.ReportTrendImproved);
    // Headers are labels such as "Q2 2026/27", never ids.
    ws.getRow(4).eachCell((cell) => expect(String(cell.value)).not.toMatch(/\d{4}-\d{2}-Q\d/));
  });
});

describe('staff satisfaction export', () => {
  it('writes each service’s latest survey by its quarter’s label, with numbers as numbers', async () => {
    const surveys: StaffSurvey[] = [
      { id: 2, etag: '"1"', serviceId: 4, periodId: '2026-27-Q2', surveyed: 40, responses: 30, satisfiedPercent: 75, themes: '<p>Workload</p>' },
      { id: 1, etag: '"1"', serviceId: 4, periodId: '2025-26-Q4', surveyed: 40, responses: 28, satisfiedPercent: 70, themes: '' }
    ];
    const label = (id: string): string => shortPeriodLabel(periodById(id));
    const ws = await sheetOf(surveyExportSheet([{ service: SERVICES[0], surveys }], label, () => label('2026-27-Q4')));
    const row = rowByHeader(ws, 5);
    expect(row[lazyStrings.FieldService]).toBe('ICT');
    expect(row[lazyStrings.FieldSurveyPeriod]).toBe(label('2026-27-Q2'));
    expect(row[lazyStrings.FieldSatisfiedPercent]).toBe(75);
    expect(row[lazyStrings.ColumnSinceLastSurvey]).toBe(strings.ReportTrendImproved);
    expect(row[lazyStrings.ColumnNextSurvey]).toBe(label('2026-27-Q4'));
    expect(row[lazyStrings.FieldSurveyThemes]).toBe('Workload');
  });
});

describe('budget export', () => {
  it('writes pounds and pence as numbers, the split in words and the year chosen', async () => {
    const line: BudgetLine = { id: 1, etag: '"1"', serviceId: 4, financialYear: 2026, sharedBudget: 120000.5, split: [{ council: 'Chorley Council', amount: 60000.25 }, { council: 'South Ribble Borough Council', amount: 60000.25 }], savingsApproved: 4000 };
    const ws = await sheetOf(budgetExportSheet([line], SERVICES, '2026/27'));
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${lazyStrings.FieldFinancialYear}: 2026/27`);
    const row = rowByHeader(ws, 5);
    expect(row[lazyStrings.FieldService]).toBe('ICT');
    expect(row[lazyStrings.FieldSharedBudget]).toBe(120000.5);
    expect(ws.getRow(5).getCell(2).numFmt).toContain('0.00');
    expect(row[lazyStrings.FieldBudgetSplit]).toBe('Chorley Council: £60,000.25\nSouth Ribble Borough Council: £60,000.25');
    noFormulas(ws);
  });
});

describe('best practice, lessons learned and services exports', () => {
  it('name the service, council and category filters and write plain text and UK dates', async () => {
    const practice = await sheetOf(
      bestPracticeExportSheet(
        [{ id: 1, etag: '"1"', title: '@Shared rota', fromCouncil: 'Chorley Council', toCouncil: 'South Ribble Borough Council', description: '<p>One <em>rota</em></p>' }],
        SERVICES,
        { serviceId: 'programme', council: 'Chorley Council' }
      )
    );
    expect(practice.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterServiceLabel}: ${strings.ProgrammeWide}; ${strings.FilterCouncilLabel}: Chorley Council`);
    expect(rowByHeader(practice, 5)).toMatchObject({ [lazyStrings.ColumnBestPractice]: "'@Shared rota", [lazyStrings.FieldService]: strings.ProgrammeWide, [lazyStrings.FieldDescription]: 'One rota' });
    noFormulas(practice);

    const lessons = await sheetOf(lessonsExportSheet([{ id: 2, etag: '"1"', title: 'Agree roles early', serviceId: 4, lesson: '<p>Before the move.</p>', category: 'HR' }], SERVICES, { category: 'HR' }));
    expect(lessons.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterCategoryLabel}: HR`);
    expect(rowByHeader(lessons, 5)).toMatchObject({ [lazyStrings.FieldService]: 'ICT', [lazyStrings.FieldLesson]: 'Before the move.' });

    const services = await sheetOf(servicesExportSheet([{ ...SERVICES[0], serviceLead: SAM, sharedSince: '2019-04-01' }]));
    const row = rowByHeader(services, 5);
    expect(row[lazyStrings.FieldPartnerCouncils]).toBe('Chorley Council, South Ribble Borough Council');
    expect(row[lazyStrings.FieldServiceLead]).toBe('Sam Officer');
    expect((row[lazyStrings.FieldSharedSince] as Date).toISOString().slice(0, 10)).toBe('2019-04-01');
  });
});

describe('successes export', () => {
  it('names the filters and writes every partner council when none is named, and a UK date', async () => {
    const ws = await sheetOf(
      successesExportSheet(
        [{ id: 1, etag: '"1"', title: 'Shared ICT service desk award', serviceId: 4, achievement: '<p>Won the award.</p>', councils: [], category: 'Recognition', achievedOn: '2026-10-01' }],
        SERVICES,
        { category: 'Recognition' }
      )
    );
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterCategoryLabel}: Recognition`);
    const row = rowByHeader(ws, 5);
    expect(row[lazyStrings.FieldService]).toBe('ICT');
    expect(row[lazyStrings.FieldCouncilsBenefiting]).toBe(strings.AllPartnerCouncils);
    expect((row[lazyStrings.FieldAchievedOn] as Date).toISOString().slice(0, 10)).toBe('2026-10-01');
    expect(row[lazyStrings.FieldSuccessAchievement]).toBe('Won the award.');
  });
});

describe('filterSentences', () => {
  it('writes "Label: value", or the label alone for a switch that is on', () => {
    expect(filterSentences([[strings.FilterServiceLabel, 'ICT'], [strings.FilterOverdueOnly]])).toEqual([`${strings.FilterServiceLabel}: ICT`, strings.FilterOverdueOnly]);
  });
});
