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
  narrative: strings.ReportChangesSectionNarrative,
  summary: strings.ReportChangesSectionSummary,
  generalUpdate: strings.ReportChangesSectionGeneralUpdate,
  objectives: strings.ReportChangesSectionObjectives,
  measures: strings.ReportChangesSectionMeasures,
  benefits: strings.ReportChangesSectionBenefits,
  staffSatisfaction: strings.ReportChangesSectionStaffSatisfaction,
  risks: strings.ReportChangesSectionRisks,
  budget: strings.ReportChangesSectionBudget,
  bestPractice: strings.ReportChangesSectionBestPractice,
  lessonsLearned: strings.ReportChangesSectionLessonsLearned
};

/** Names of the items that are fields rather than named things (the clerk's text, the summary totals). */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  purpose: strings.ReportChangesItemPurpose,
  recommendations: strings.ReportChangesItemRecommendations,
  reasons: strings.ReportChangesItemReasons,
  summaryRemarks: strings.ReportChangesItemSummaryRemarks,
  savingsPlanned: strings.ReportChangesItemSavingsPlanned,
  savingsRealised: strings.ReportChangesItemSavingsRealised,
  keyPoints: strings.ReportChangesItemKeyPoints,
  activityOverview: strings.ReportChangesItemActivityOverview
};

const CHANGE_LABELS: Readonly<Record<ReportChange['change'], string>> = {
  added: strings.ReportChangesAdded,
  removed: strings.ReportChangesRemoved,
  changed: strings.ReportChangesChanged
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
  const caption = formatString(strings.ReportChangesCaption, props.olderVersion);
  if (changes.length === 0) {
    return (
      <Text block={true} as="p" data-testid="report-changes">
        {formatString(strings.ReportChangesNone, props.olderVersion)}
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
          { key: 'section', header: strings.ReportChangesColumnSection, render: (c) => SECTION_LABELS[c.section] },
          { key: 'service', header: strings.ReportChangesColumnService, render: (c) => c.serviceName ?? strings.ReportChangesWholePaper },
          { key: 'item', header: strings.ReportChangesColumnItem, render: (c) => ITEM_LABELS[c.item] ?? c.item },
          { key: 'change', header: strings.ReportChangesColumnChange, render: (c) => CHANGE_LABELS[c.change] },
          { key: 'before', header: strings.ReportChangesColumnBefore, render: (c) => c.before ?? '' },
          { key: 'after', header: strings.ReportChangesColumnAfter, render: (c) => c.after ?? '' }
        ]}
      />
    </div>
  );
}
