/**
 * "Export to Excel" of the registers beside the benefits tracker (best practice, lessons learned,
 * the shared services): the items listed, with service and people's names, UK dates, rich text
 * as plain text, and the filters applied.
 */
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import { formatString } from '../../components/format';
import type { AnnualReviewFilter, SuccessFilter } from '../../domain/annualReview';
import type { BestPractice, LessonLearned, Service, Success } from '../../domain/types';
import type { ExportSheet } from '../../reports/xlsx';
import { richTextToPlain } from '../../components/sanitise';

const serviceName = (services: readonly Service[], id: number | undefined): string =>
  id === undefined ? strings.ProgrammeWide : services.find((s) => s.id === id)?.name ?? strings.UnknownService;

/** The filters of an annual review register as sentences, e.g. "Partner council: Chorley Council". */
export function annualReviewFilterLines(filter: Omit<AnnualReviewFilter, 'category'> & { category?: string }, services: readonly Service[]): string[] {
  const lines: string[] = [];
  if (filter.serviceId !== undefined) {
    lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterServiceLabel, filter.serviceId === 'programme' ? strings.ProgrammeWide : serviceName(services, filter.serviceId)));
  }
  if (filter.council !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterCouncilLabel, filter.council));
  if (filter.category !== undefined) lines.push(formatString(lazyStrings.ExportFiltersLine, strings.FilterCategoryLabel, filter.category));
  return lines;
}

const base = (title: string, sheetName: string, filters: string[]): Pick<ExportSheet<unknown>, 'title' | 'sheetName' | 'filters' | 'filtersLabel' | 'noFilters'> => ({
  title,
  sheetName,
  filters,
  filtersLabel: lazyStrings.ExportFiltersLabel,
  noFilters: lazyStrings.ExportNoFilters
});

/** The sheet of the best practice shown. */
export function bestPracticeExportSheet(items: readonly BestPractice[], services: readonly Service[], filter: AnnualReviewFilter): ExportSheet<BestPractice> {
  return {
    ...base(strings.BestPracticeHeading, strings.RegisterTabBestPractice, annualReviewFilterLines(filter, services)),
    rows: items,
    columns: [
      { header: lazyStrings.ColumnBestPractice, value: (p) => p.title, width: 40 },
      { header: lazyStrings.FieldFromCouncil, value: (p) => p.fromCouncil, width: 26 },
      { header: lazyStrings.FieldToCouncil, value: (p) => p.toCouncil, width: 26 },
      { header: lazyStrings.FieldService, value: (p) => serviceName(services, p.serviceId), width: 30 },
      { header: lazyStrings.FieldDescription, value: (p) => richTextToPlain(p.description), width: 60 }
    ]
  };
}

/** The sheet of the lessons learned shown. */
export function lessonsExportSheet(items: readonly LessonLearned[], services: readonly Service[], filter: AnnualReviewFilter): ExportSheet<LessonLearned> {
  return {
    ...base(strings.LessonsHeading, strings.RegisterTabLessons, annualReviewFilterLines(filter, services)),
    rows: items,
    columns: [
      { header: lazyStrings.FieldLessonSummary, value: (l) => l.title, width: 40 },
      { header: lazyStrings.FieldService, value: (l) => serviceName(services, l.serviceId), width: 30 },
      { header: lazyStrings.FieldLessonCategory, value: (l) => l.category, width: 18 },
      { header: lazyStrings.FieldLesson, value: (l) => richTextToPlain(l.lesson), width: 60 }
    ]
  };
}

/** The sheet of the shared services. */
export function servicesExportSheet(services: readonly Service[]): ExportSheet<Service> {
  return {
    ...base(lazyStrings.ServicesHeading, strings.RegisterTabServices, []),
    rows: services,
    columns: [
      { header: lazyStrings.FieldServiceName, value: (s) => s.name, width: 36 },
      { header: lazyStrings.FieldPhase, value: (s) => s.phase, width: 14 },
      { header: lazyStrings.FieldPartnerCouncils, value: (s) => s.partnerCouncils.join(', '), width: 50 },
      { header: lazyStrings.FieldServiceLead, value: (s) => s.serviceLead?.displayName || undefined, width: 24 },
      { header: lazyStrings.FieldSharedSince, value: (s) => s.sharedSince, kind: 'date', width: 18 }
    ]
  };
}

/** The sheet of the successes shown. */
export function successesExportSheet(items: readonly Success[], services: readonly Service[], filter: SuccessFilter): ExportSheet<Success> {
  return {
    ...base(lazyStrings.SuccessesHeading, strings.RegisterTabSuccesses, annualReviewFilterLines(filter, services)),
    rows: items,
    columns: [
      { header: lazyStrings.FieldSuccess, value: (x) => x.title, width: 40 },
      { header: lazyStrings.FieldService, value: (x) => serviceName(services, x.serviceId), width: 30 },
      { header: lazyStrings.FieldSuccessCategory, value: (x) => x.category, width: 20 },
      { header: lazyStrings.FieldCouncilsBenefiting, value: (x) => ((x.councils ?? []).length > 0 ? x.councils.join(', ') : strings.AllPartnerCouncils), width: 36 },
      { header: lazyStrings.FieldAchievedOn, value: (x) => x.achievedOn, kind: 'date', width: 18 },
      { header: lazyStrings.FieldSuccessAchievement, value: (x) => richTextToPlain(x.achievement), width: 60 }
    ]
  };
}
