/**
 * "Export to Excel" of the benefits tracker: the benefits listed, with the words people read on
 * screen (service names, savings per council in pounds and pence, FTE) and the filters applied.
 * The spreadsheet writer (exceljs) is loaded on the first export only.
 */
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import { benefitSavings, BenefitFilter } from '../../domain/benefits';
import type { Benefit, Service } from '../../domain/types';
import { formatPounds, formatString } from '../../components/format';
import { richTextToPlain } from '../../components/sanitise';
import type { ExportSheet } from '../../reports/xlsx';
import { downloadSheet } from '../../components/exportSheet';

/** The filters as sentences for the sheet, e.g. "Category: Financial savings". */
export function benefitFilterLines(filter: BenefitFilter, services: readonly Service[]): string[] {
  const lines: string[] = [];
  if (filter.search) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.BenefitsSearchLabel, filter.search));
  if (filter.serviceId !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterServiceLabel, services.find((s) => s.id === filter.serviceId)?.name ?? strings.UnknownService));
  if (filter.council !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterCouncilLabel, filter.council));
  if (filter.category !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterCategoryLabel, filter.category));
  if (filter.deliveryStatus !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterDeliveryStatusLabel, filter.deliveryStatus));
  return lines;
}

/** The sheet of the benefits shown. */
export function benefitExportSheet(benefits: readonly Benefit[], services: readonly Service[], filter: BenefitFilter): ExportSheet<Benefit> {
  return {
    sheetName: strings.BenefitsHeading,
    title: strings.BenefitsHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: benefitFilterLines(filter, services),
    rows: benefits,
    columns: [
      { header: strings.ColumnBenefit, value: (b) => b.title, width: 40 },
      { header: strings.ColumnService, value: (b) => services.find((s) => s.id === b.serviceId)?.name ?? strings.UnknownService, width: 30 },
      { header: strings.FilterCategoryLabel, value: (b) => b.category, width: 22 },
      { header: strings.ColumnOriginalPosition, value: (b) => richTextToPlain(b.originalPosition), width: 45 },
      { header: strings.ColumnAchievement, value: (b) => richTextToPlain(b.achievement), width: 45 },
      { header: strings.ColumnWhenDelivered, value: (b) => b.whenDelivered, width: 24 },
      { header: lazyStrings.ColumnDeliveryStatus, value: (b) => b.deliveryStatus },
      { header: strings.ColumnBenefitsRealised, value: (b) => richTextToPlain(b.realised), width: 45 },
      { header: lazyStrings.ColumnSavingsPlanned, value: (b) => (b.savings.length ? benefitSavings(b).planned : undefined), kind: 'pounds', width: 16 },
      { header: lazyStrings.ColumnSavingsRealised, value: (b) => (b.savings.length ? benefitSavings(b).realised : undefined), kind: 'pounds', width: 16 },
      {
        header: lazyStrings.ColumnSavingsByCouncil,
        value: (b) => b.savings.map((s) => formatString(strings.SavingsCouncilLine, s.council, formatPounds(s.planned), formatPounds(s.realised))).join('\n'),
        width: 50
      },
      { header: lazyStrings.FieldFteBefore, value: (b) => b.fteBefore, kind: 'number' },
      { header: lazyStrings.FieldFteAfter, value: (b) => b.fteAfter, kind: 'number' },
      { header: lazyStrings.FieldEvidenceUrl, value: (b) => b.evidenceUrl, width: 40 }
    ]
  };
}

/** Builds the workbook of the benefits shown and saves it; resolves to the file name. */
export async function downloadBenefits(benefits: readonly Benefit[], services: readonly Service[], filter: BenefitFilter, today: string): Promise<string> {
  return downloadSheet(benefitExportSheet(benefits, services, filter), 'Benefits-Tracker', today);
}
