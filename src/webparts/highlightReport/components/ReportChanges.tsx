/**
 * "Changes since version N": what differs between a published version and the one before it
 * in the same series, section by section, so a reader sees a correction without comparing papers.
 */
import * as React from 'react';
import { Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { compareReports } from '../../../domain/report/compare';
import type { ComparedSection, ReportChange } from '../../../domain/report/compare';
import type { ReportModel } from '../../../domain/report/model';
import { DataTable } from '../../../components/DataTable';
import { formatString } from '../../../components/format';

const SECTION_LABELS: Readonly<Record<ComparedSection, string>> = {
  narrative: strings.ReportVersionChangesSectionNarrative,
  summary: strings.ReportVersionChangesSectionSummary,
  generalUpdate: strings.ReportVersionChangesSectionGeneralUpdate,
  objectives: strings.ReportVersionChangesSectionObjectives,
  successes: strings.ReportVersionChangesSectionSuccesses,
  measures: strings.ReportVersionChangesSectionMeasures,
  benefits: strings.ReportVersionChangesSectionBenefits,
  staffSatisfaction: strings.ReportVersionChangesSectionStaffSatisfaction,
  risks: strings.ReportVersionChangesSectionRisks,
  budget: strings.ReportVersionChangesSectionBudget,
  bestPractice: strings.ReportVersionChangesSectionBestPractice,
  lessonsLearned: strings.ReportVersionChangesSectionLessonsLearned
};

/** Names of the items that are fields rather than named things (the clerk's text, the summary totals). */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  purpose: strings.ReportVersionChangesItemPurpose,
  recommendations: strings.ReportVersionChangesItemRecommendations,
  reasons: strings.ReportVersionChangesItemReasons,
  summaryRemarks: strings.ReportVersionChangesItemSummaryRemarks,
  savingsPlanned: strings.ReportVersionChangesItemSavingsPlanned,
  savingsRealised: strings.ReportVersionChangesItemSavingsRealised,
  keyPoints: strings.ReportVersionChangesItemKeyPoints,
  activityOverview: strings.ReportVersionChangesItemActivityOverview
};

const CHANGE_LABELS: Readonly<Record<ReportChange['change'], string>> = {
  added: strings.ReportVersionChangesAdded,
  removed: strings.ReportVersionChangesRemoved,
  changed: strings.ReportVersionChangesChanged
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
  const caption = formatString(strings.ReportVersionChangesCaption, props.olderVersion);
  if (changes.length === 0) {
    return (
      <Text block={true} as="p" data-testid="report-changes">
        {formatString(strings.ReportVersionChangesNone, props.olderVersion)}
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
          { key: 'section', header: strings.ReportVersionChangesColumnSection, render: (c) => SECTION_LABELS[c.section] },
          { key: 'service', header: strings.ReportVersionChangesColumnService, render: (c) => c.serviceName ?? strings.ReportVersionChangesWholePaper },
          { key: 'item', header: strings.ReportVersionChangesColumnItem, render: (c) => ITEM_LABELS[c.item] ?? c.item },
          { key: 'change', header: strings.ReportVersionChangesColumnChange, render: (c) => CHANGE_LABELS[c.change] },
          { key: 'before', header: strings.ReportVersionChangesColumnBefore, render: (c) => c.before ?? '' },
          { key: 'after', header: strings.ReportVersionChangesColumnAfter, render: (c) => c.after ?? '' }
        ]}
      />
    </div>
  );
}
