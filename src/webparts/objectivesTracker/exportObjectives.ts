/**
 * "Export to Excel" of the objectives tracker, the measures, staff satisfaction and budget tabs:
 * the rows listed, in the order shown, with the words people read on screen (service and officer
 * names, quarters by their labels, UK dates, pounds) and the filters applied. The spreadsheet
 * writer (exceljs) is loaded on the first export only.
 */
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import type { ExportColumn, ExportSheet } from '../../reports/xlsx';
import type { MeasureTrack } from '../../domain/measures';
import type { Measure, Service, StaffSurvey } from '../../domain/types';
import { formatString } from '../../components/format';
import { richTextToPlain } from '../../components/sanitise';
import { FilterLine, filterSentences } from '../../components/exportSheet';
import type { IObjectiveRow } from './logic/rows';
import { periodLabel } from './components/periodLabel';

/** The sheet of the objectives shown. */
export function objectiveExportSheet(rows: readonly IObjectiveRow[], filters: readonly FilterLine[]): ExportSheet<IObjectiveRow> {
  return {
    sheetName: strings.TrackerTabObjectives,
    title: strings.ObjectivesHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: filterSentences(filters),
    rows,
    columns: [
      { header: strings.ColumnService, value: (r) => r.serviceName || strings.UnknownService, width: 30 },
      { header: strings.ColumnObjective, value: (r) => r.objective.title, width: 45 },
      { header: strings.ColumnAim, value: (r) => richTextToPlain(r.objective.aim), width: 50 },
      { header: strings.ColumnStatus, value: (r) => r.objective.status, width: 16 },
      { header: strings.ColumnRag, value: (r) => r.objective.rag },
      { header: strings.ColumnOfficer, value: (r) => r.objective.responsibleOfficer?.displayName || undefined, width: 24 },
      // The quarter by its label ("Q4 2021/22 (January to March 2022)"), never its id.
      { header: lazyStrings.ColumnLatestUpdateFor, value: (r) => (r.latestPeriodId ? periodLabel(r.latestPeriodId) : undefined), width: 30 },
      { header: strings.ColumnLatestUpdate, value: (r) => (r.latest ? richTextToPlain(r.latest.narrative) : undefined), width: 60 },
      { header: strings.ColumnTargetDate, value: (r) => r.objective.targetDate, kind: 'date', width: 18 },
      { header: lazyStrings.ObjectiveFieldNextUpdateDue, value: (r) => r.objective.nextUpdateDue, kind: 'date', width: 18 }
    ]
  };
}

/** A measure and its track record, as the measures tab lists it. */
export interface IMeasureExportRow {
  measure: Measure;
  track: MeasureTrack;
}

/** The trend of a track record, in words. */
export function trendText(trend: MeasureTrack['trend']): string {
  switch (trend) {
    case 'improved':
      return strings.ReportTrendImproved;
    case 'worsened':
      return strings.ReportTrendWorsened;
    case 'same':
      return strings.ReportTrendSame;
    case 'new':
      return strings.ReportTrendNew;
    case undefined:
      return strings.ReportNotReported;
  }
}

/** The sheet of the measures shown: target, each quarter's actual with its RAG, the trend. `quarterLabel` names a period. */
export function measureExportSheet(
  rows: readonly IMeasureExportRow[],
  services: readonly Service[],
  quarterLabel: (periodId: string) => string,
  filters: readonly FilterLine[]
): ExportSheet<IMeasureExportRow> {
  const quarters = rows[0]?.track.quarters ?? [];
  const quarterColumns = quarters.map(
    (q, i): ExportColumn<IMeasureExportRow> => ({
      header: quarterLabel(q.periodId),
      value: (r) => {
        const quarter = r.track.quarters[i];
        if (!quarter || quarter.value === undefined || !quarter.rag) return strings.ReportNotReported;
        return `${formatString(lazyStrings.MeasureValue, quarter.value, r.measure.unit)} (${quarter.rag})`;
      },
      width: 18
    })
  );
  return {
    sheetName: strings.TrackerTabMeasures,
    title: lazyStrings.MeasuresHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: filterSentences(filters),
    rows,
    columns: [
      { header: lazyStrings.ColumnMeasure, value: (r) => r.measure.title, width: 40 },
      { header: lazyStrings.FieldService, value: (r) => services.find((s) => s.id === r.measure.serviceId)?.name ?? strings.UnknownService, width: 30 },
      { header: lazyStrings.FieldResponsibleOfficer, value: (r) => r.measure.responsibleOfficer?.displayName || undefined, width: 24 },
      { header: lazyStrings.ColumnTarget, value: (r) => formatString(lazyStrings.MeasureValue, r.measure.target, r.measure.unit), width: 16 },
      { header: lazyStrings.FieldDirection, value: (r) => r.measure.direction, width: 18 },
      ...quarterColumns,
      { header: strings.ReportColumnTrend, value: (r) => trendText(r.track.trend), width: 16 }
    ]
  };
}

/** A service and its staff surveys, newest first, as the staff satisfaction tab lists it. */
export interface ISurveyExportRow {
  service: Service;
  surveys: readonly StaffSurvey[];
}

/** The sheet of the staff satisfaction tab: each service's latest survey, the change since the one before, and when the next is due. */
export function surveyExportSheet(
  rows: readonly ISurveyExportRow[],
  quarterLabel: (periodId: string) => string,
  nextDue: (row: ISurveyExportRow) => string
): ExportSheet<ISurveyExportRow> {
  const since = (r: ISurveyExportRow): string => {
    const [latest, before] = r.surveys;
    if (!latest) return strings.ReportNotReported;
    if (!before) return strings.ReportTrendNew;
    const change = latest.satisfiedPercent - before.satisfiedPercent;
    return change > 0 ? strings.ReportTrendImproved : change < 0 ? strings.ReportTrendWorsened : strings.ReportTrendSame;
  };
  return {
    sheetName: strings.TrackerTabStaff,
    title: lazyStrings.StaffSatisfactionHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: [],
    rows,
    columns: [
      { header: lazyStrings.FieldService, value: (r) => r.service.name, width: 30 },
      { header: lazyStrings.FieldSurveyPeriod, value: (r) => (r.surveys[0] ? quarterLabel(r.surveys[0].periodId) : lazyStrings.SurveyNone), width: 20 },
      { header: lazyStrings.FieldSatisfiedPercent, value: (r) => r.surveys[0]?.satisfiedPercent, kind: 'number', width: 14 },
      { header: lazyStrings.FieldResponses, value: (r) => r.surveys[0]?.responses, kind: 'number', width: 12 },
      { header: lazyStrings.FieldSurveyed, value: (r) => r.surveys[0]?.surveyed, kind: 'number', width: 12 },
      { header: lazyStrings.ColumnSinceLastSurvey, value: since, width: 16 },
      { header: lazyStrings.ColumnNextSurvey, value: nextDue, width: 22 },
      { header: lazyStrings.FieldSurveyThemes, value: (r) => (r.surveys[0] ? richTextToPlain(r.surveys[0].themes) : undefined), width: 60 }
    ]
  };
}
