/**
 * "Changes since version N": what differs between a published version and the one before it
 * in the same series, section by section, so a reader sees a correction without comparing papers.
 */
import * as React from 'react';
import { Text } from '@fluentui/react';
import { lazyStrings } from '../../../loc/lazy';
import { compareReports } from '../../../domain/report/compare';
import type { ComparedSection, ReportChange } from '../../../domain/report/compare';
import type { ReportModel } from '../../../domain/report/model';
import { DataTable } from '../../../components/DataTable';
import { formatString } from '../../../components/format';

const SECTION_LABELS: Readonly<Record<ComparedSection, string>> = {
  narrative: lazyStrings.ReportVersionChangesSectionNarrative,
  summary: lazyStrings.ReportVersionChangesSectionSummary,
  generalUpdate: lazyStrings.ReportVersionChangesSectionGeneralUpdate,
  objectives: lazyStrings.ReportVersionChangesSectionObjectives,
  successes: lazyStrings.ReportVersionChangesSectionSuccesses,
  measures: lazyStrings.ReportVersionChangesSectionMeasures,
  benefits: lazyStrings.ReportVersionChangesSectionBenefits,
  staffSatisfaction: lazyStrings.ReportVersionChangesSectionStaffSatisfaction,
  risks: lazyStrings.ReportVersionChangesSectionRisks,
  budget: lazyStrings.ReportVersionChangesSectionBudget,
  bestPractice: lazyStrings.ReportVersionChangesSectionBestPractice,
  lessonsLearned: lazyStrings.ReportVersionChangesSectionLessonsLearned
};

/** Names of the items that are fields rather than named things (the clerk's text, the summary totals). */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  purpose: lazyStrings.ReportVersionChangesItemPurpose,
  recommendations: lazyStrings.ReportVersionChangesItemRecommendations,
  reasons: lazyStrings.ReportVersionChangesItemReasons,
  summaryRemarks: lazyStrings.ReportVersionChangesItemSummaryRemarks,
  savingsPlanned: lazyStrings.ReportVersionChangesItemSavingsPlanned,
  savingsRealised: lazyStrings.ReportVersionChangesItemSavingsRealised,
  keyPoints: lazyStrings.ReportVersionChangesItemKeyPoints,
  activityOverview: lazyStrings.ReportVersionChangesItemActivityOverview
};

const CHANGE_LABELS: Readonly<Record<ReportChange['change'], string>> = {
  added: lazyStrings.ReportVersionChangesAdded,
  removed: lazyStrings.ReportVersionChangesRemoved,
  changed: lazyStrings.ReportVersionChangesChanged
};

/** Props of `ReportChanges`. */
export interface IReportChangesProps {
  /** The version before. */
  older: ReportModel;
  /** Its version number. */
  olderVersion: number;
  /** The version shown. */
  newer: ReportModel;
}

/** The changes from the version before to the version shown, or a line saying there are none. */
export function ReportChanges(props: IReportChangesProps): JSX.Element {
  const changes = React.useMemo(() => compareReports(props.older, props.newer), [props.older, props.newer]);
  const caption = formatString(lazyStrings.ReportVersionChangesCaption, props.olderVersion);
  if (changes.length === 0) {
    return (
      <Text block={true} as="p" data-testid="report-changes">
        {formatString(lazyStrings.ReportVersionChangesNone, props.olderVersion)}
      </Text>
    );
  }
  return (
    <div data-testid="report-changes">
      <DataTable
        caption={caption}
        items={changes}
        getKey={(c) => `${c.section}|${c.serviceName ?? ''}|${c.item}|${c.change}`}
        columns={[
          { key: 'section', header: lazyStrings.ReportVersionChangesColumnSection, render: (c) => SECTION_LABELS[c.section] },
          { key: 'service', header: lazyStrings.ReportVersionChangesColumnService, render: (c) => c.serviceName ?? lazyStrings.ReportVersionChangesWholePaper },
          { key: 'item', header: lazyStrings.ReportVersionChangesColumnItem, render: (c) => ITEM_LABELS[c.item] ?? c.item },
          { key: 'change', header: lazyStrings.ReportVersionChangesColumnChange, render: (c) => CHANGE_LABELS[c.change] },
          { key: 'before', header: lazyStrings.ReportVersionChangesColumnBefore, render: (c) => c.before ?? '' },
          { key: 'after', header: lazyStrings.ReportVersionChangesColumnAfter, render: (c) => c.after ?? '' }
        ]}
      />
    </div>
  );
}
