/**
 * "Export to Excel" of the budget overview: the financial year's budget lines, in the order
 * shown, with service names, pounds and pence, the split between councils, and the year chosen.
 */
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import type { BudgetLine, Service } from '../../domain/types';
import type { ExportSheet } from '../../reports/xlsx';
import { formatPounds, formatString } from '../../components/format';

/** The sheet of a year's budget lines; `yearText` is the year as shown, e.g. "2026/27". */
export function budgetExportSheet(lines: readonly BudgetLine[], services: readonly Service[], yearText: string | undefined): ExportSheet<BudgetLine> {
  return {
    sheetName: strings.RegisterTabBudget,
    title: lazyStrings.BudgetHeading,
    filtersLabel: lazyStrings.ExportFiltersLabel,
    noFilters: lazyStrings.ExportNoFilters,
    filters: yearText ? [formatString(lazyStrings.ExportFiltersLine, lazyStrings.FieldFinancialYear, yearText)] : [],
    rows: lines,
    columns: [
      { header: lazyStrings.FieldService, value: (l) => services.find((s) => s.id === l.serviceId)?.name ?? strings.UnknownService, width: 30 },
      { header: lazyStrings.FieldSharedBudget, value: (l) => l.sharedBudget, kind: 'pounds', width: 16 },
      { header: lazyStrings.FieldBudgetSplit, value: (l) => l.split.map((s) => formatString(lazyStrings.BudgetShareLine, s.council, formatPounds(s.amount))).join('\n'), width: 50 },
      { header: lazyStrings.FieldSavingsApproved, value: (l) => l.savingsApproved, kind: 'pounds', width: 16 }
    ]
  };
}
