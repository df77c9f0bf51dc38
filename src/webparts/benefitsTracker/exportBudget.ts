/**
 * "Export to Excel" of the budget overview: the financial year's budget lines, in the order
 * shown, with service names, pounds and pence, the split between councils, and the year chosen.
 */
import * as strings from 'SsmStrings';
import type { BudgetLine, Service } from '../../domain/types';
import type { ExportSheet } from '../../reports/xlsx';
import { formatPounds, formatString } from '../../components/format';

/** The sheet of a year's budget lines; `yearText` is the year as shown, e.g. "2026/27". */
export function budgetExportSheet(lines: readonly BudgetLine[], services: readonly Service[], yearText: string | undefined): ExportSheet<BudgetLine> {
  return {
    sheetName: strings.RegisterTabBudget,
    title: strings.BudgetHeading,
    filtersLabel: strings.ExportFiltersLabel,
    noFilters: strings.ExportNoFilters,
    filters: yearText ? [formatString(strings.ExportFiltersLine, strings.FieldFinancialYear, yearText)] : [],
    rows: lines,
    columns: [
      { header: strings.FieldService, value: (l) => services.find((s) => s.id === l.serviceId)?.name ?? strings.UnknownService, width: 30 },
      { header: strings.FieldSharedBudget, value: (l) => l.sharedBudget, kind: 'pounds', width: 16 },
      { header: strings.FieldBudgetSplit, value: (l) => l.split.map((s) => formatString(strings.BudgetShareLine, s.council, formatPounds(s.amount))).join('\n'), width: 50 },
      { header: strings.FieldSavingsApproved, value: (l) => l.savingsApproved, kind: 'pounds', width: 16 }
    ]
  };
}
