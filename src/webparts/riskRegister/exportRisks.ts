/**
 * "Export to Excel" of the risk register: the risks listed, in the order shown, with the words
 * people read on screen (service and owner names, scores with their bands, UK dates) and the
 * filters applied. The spreadsheet writer (exceljs) is loaded on the first export only.
 */
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import type { Risk, Service } from '../../domain/types';
import { riskBand, riskScore } from '../../domain/scoring';
import { formatString } from '../../components/format';
import { richTextToPlain } from '../../components/sanitise';
import type { ExportSheet } from '../../reports/xlsx';
import { downloadSheet } from '../../components/exportSheet';
import { BAND_LABELS } from './components/HeatMap';
import { PROGRAMME_WIDE, RiskFilter } from './riskMatrix';
import { scaleText } from './riskScale';

function scoreText(likelihood: number, impact: number): string {
  try {
    const score = riskScore(likelihood, impact);
    return formatString(strings.ScoreWithBand, score, BAND_LABELS[riskBand(score)]);
  } catch {
    // Off-scale values imported from elsewhere: shown as they are, never dropped.
    return `${likelihood} × ${impact}`;
  }
}

/** The filters as sentences for the sheet, e.g. "Status: Open". */
export function riskFilterLines(filter: RiskFilter, services: readonly Service[]): string[] {
  const lines: string[] = [];
  if (filter.search) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.RisksSearchLabel, filter.search));
  if (filter.serviceId !== undefined) {
    const name = filter.serviceId === PROGRAMME_WIDE ? strings.ProgrammeWide : services.find((s) => s.id === filter.serviceId)?.name ?? strings.UnknownService;
    lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterServiceLabel, name));
  }
  if (filter.council !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterCouncilLabel, filter.council));
  if (filter.status !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterRiskStatusLabel, filter.status));
  if (filter.overdueOnly) lines.push(strings.FilterOverdueOnly);
  if (filter.cell) {
    lines.push(
      formatString(
        strings.HeatMapFilterActive,
        filter.basis === 'inherent' ? strings.HeatMapFilterInherent : strings.HeatMapFilterResidual,
        scaleText('likelihood', filter.cell.likelihood),
        scaleText('impact', filter.cell.impact)
      )
    );
  }
  return lines;
}

/** The sheet of the risks shown. */
export function riskExportSheet(risks: readonly Risk[], services: readonly Service[], filter: RiskFilter): ExportSheet<Risk> {
  const serviceName = (r: Risk): string =>
    r.serviceId === undefined ? strings.ProgrammeWide : services.find((s) => s.id === r.serviceId)?.name ?? strings.UnknownService;
  return {
    sheetName: strings.RisksHeading,
    title: strings.RisksHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: riskFilterLines(filter, services),
    rows: risks,
    columns: [
      { header: strings.ColumnRisk, value: (r) => r.title, width: 40 },
      { header: lazyStrings.FieldRiskService, value: serviceName, width: 30 },
      { header: strings.ColumnOwner, value: (r) => r.owner?.displayName, width: 22 },
      { header: lazyStrings.FieldInherentLikelihood, value: (r) => scaleText('likelihood', r.inherentLikelihood) },
      { header: lazyStrings.FieldInherentImpact, value: (r) => scaleText('impact', r.inherentImpact) },
      { header: strings.ColumnInherentScore, value: (r) => scoreText(r.inherentLikelihood, r.inherentImpact) },
      { header: lazyStrings.FieldResidualLikelihood, value: (r) => scaleText('likelihood', r.residualLikelihood) },
      { header: lazyStrings.FieldResidualImpact, value: (r) => scaleText('impact', r.residualImpact) },
      { header: strings.ColumnResidualScore, value: (r) => scoreText(r.residualLikelihood, r.residualImpact) },
      { header: strings.ColumnReviewDate, value: (r) => r.reviewDate, kind: 'date', width: 18 },
      { header: strings.ColumnRiskStatus, value: (r) => r.status },
      { header: lazyStrings.FieldCauseEffect, value: (r) => richTextToPlain(r.causeEffect), width: 50 },
      { header: strings.ColumnControls, value: (r) => richTextToPlain(r.controls), width: 50 }
    ]
  };
}

/** Builds the workbook of the risks shown and saves it; resolves to the file name. */
export async function downloadRisks(risks: readonly Risk[], services: readonly Service[], filter: RiskFilter, today: string): Promise<string> {
  return downloadSheet(riskExportSheet(risks, services, filter), 'Risk-Register', today);
}
