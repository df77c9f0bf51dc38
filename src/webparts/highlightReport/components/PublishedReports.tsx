/**
 * "Published reports": the published periods and their versions, and one published version
 * shown from its snapshot (the stored model), never rebuilt from today's data.
 */
import * as React from 'react';
import { ActionButton, DefaultButton, Link, MessageBar, MessageBarType, Spinner, SpinnerSize, Stack, Text } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { noPrint } from '../../../components/print';
import { readSnapshotModel } from '../../../domain/report/snapshot';
import type { PublishedPeriod } from '../../../domain/report/snapshot';
import type { ReportKind, ReportModel } from '../../../domain/report/model';
import { isPeriodId, periodById } from '../../../domain/calendar';
import { shortPeriodLabel } from '../../../domain/report/build';
import type { ReportSnapshot } from '../../../domain/types';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatString } from '../../../components/format';
import { ReportView } from './ReportView';
import { ReportChanges } from './ReportChanges';
import { storeWordPaper } from '../papers';

/** "Published version 2 on 3 March 2022 by Priya Hartley". */
export function publishedLabel(snapshot: Pick<ReportSnapshot, 'version' | 'publishedOn' | 'publishedBy'>): string {
  const on = formatDate(snapshot.publishedOn) ?? snapshot.publishedOn;
  const by = snapshot.publishedBy?.displayName;
  return by
    ? formatString(lazyStrings.ReportPublishedBanner, snapshot.version, on, by)
    : formatString(lazyStrings.ReportPublishedBannerNoName, snapshot.version, on);
}

/** Short label of a period id, or the id itself when it is malformed (old data stays visible). */
function periodLabel(periodId: string): string {
  return isPeriodId(periodId) ? shortPeriodLabel(periodById(periodId)) : periodId;
}

const KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  highlight: strings.ReportKindHighlight,
  quarterly: strings.ReportKindQuarterly,
  annual: strings.ReportKindAnnual
};

/** Props of `PublishedReports`. */
export interface IPublishedReportsProps {
  /** Changes whenever a report was published here, so the list reloads. */
  generation: number;
  /** Compact layout (Teams tab). */
  compact?: boolean;
  /** Renders the actions for a shown published report (e.g. its download button). */
  renderActions: (model: ReportModel) => React.ReactNode;
  /** Whether the user publishes reports, and so may store a version's missing Word paper. */
  canStorePapers?: boolean;
}

/** The list of published reports, or one of them. */
export function PublishedReports(props: IPublishedReportsProps): JSX.Element {
  const repositories = useRepositories();
  const [openId, setOpenId] = React.useState<number | undefined>(undefined);
  const backRef = React.useRef<HTMLButtonElement>(null);

  const list = useAsync(() => repositories.snapshots.publishedPeriods(), [repositories, props.generation]);
  // The Word file stored for each published version (by snapshot id), which auditors open as sent.
  const [paperGeneration, setPaperGeneration] = React.useState(0);
  const papers = useAsync(() => repositories.committeePapers.papersBySnapshot(), [repositories, props.generation, paperGeneration]);
  const [storing, setStoring] = React.useState<{ busy: boolean; error?: unknown; done?: string }>({ busy: false });
  // The opened version's paper hashed again: a file changed after it was stored is never "as sent".
  const openedPaper = openId !== undefined ? papers.value?.get(openId) : undefined;
  const paperCheck = useAsync(async () => (openedPaper ? repositories.committeePapers.integrity(openedPaper) : undefined), [repositories, openedPaper]);
  // While a check runs, the last one (perhaps another version's) is not shown.
  const paperAltered = !paperCheck.loading && paperCheck.value === 'altered';
  const opened = useAsync(
    async () => {
      if (openId === undefined) return undefined;
      const snapshot = await repositories.snapshots.getById(openId);
      if (!snapshot) return undefined;
      // Validate the stored JSON before rendering it (the column can be edited in SharePoint).
      const model = readSnapshotModel(snapshot.model);
      // The version before in the same series, to show what changed since.
      const series = (list.value ?? []).find((p) => p.versions.some((v) => v.id === openId));
      const before = series?.versions.filter((v) => v.version < snapshot.version).sort((a, b) => b.version - a.version)[0];
      const older = before ? await repositories.snapshots.getById(before.id) : undefined;
      return { snapshot, model, older: older ? { version: older.version, model: readSnapshotModel(older.model) } : undefined };
    },
    [repositories, openId, list.value]
  );

  // A stored-paper message belongs to the version it was for.
  React.useEffect(() => setStoring({ busy: false }), [openId]);

  React.useEffect(() => {
    // Keyboard users land on "Back" when a version opens.
    if (openId !== undefined && opened.value) backRef.current?.focus();
  }, [openId, opened.value]);

  /** The link to a version's stored Word file, when there is one. */
  const paperLink = (snapshotId: number, text: string): JSX.Element | undefined => {
    const paper = papers.value?.get(snapshotId);
    if (!paper) return undefined;
    return (
      <Link href={paper.fileUrl} target="_blank" rel="noopener noreferrer" data-testid="paper-link">
        {text}
      </Link>
    );
  };

  const storePaper = (snapshot: ReportSnapshot | undefined): void => {
    if (!snapshot) return;
    setStoring({ busy: true });
    storeWordPaper(repositories.committeePapers, snapshot).then(
      (paper) => {
        setStoring({ busy: false, done: formatString(lazyStrings.ReportPaperStored, snapshot.version, paper.fileName) });
        setPaperGeneration((g) => g + 1);
      },
      (error: unknown) => setStoring({ busy: false, error })
    );
  };

  if (openId !== undefined) {
    return (
      <Stack tokens={{ childrenGap: 8 }}>
        <ActionButton className={noPrint} iconProps={{ iconName: 'Back' }} onClick={() => setOpenId(undefined)} elementRef={backRef}>
          {lazyStrings.ReportPublishedBack}
        </ActionButton>
        <ErrorBar error={opened.error} onRetry={opened.reload} />
        {opened.loading && !opened.value ? (
          <Loading />
        ) : opened.value ? (
          <>
            {opened.value.snapshot.integrity === 'altered' ? (
              // Never "as it was published": the stored content no longer matches its fingerprint.
              <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline={true}>
                <strong data-testid="published-banner">{publishedLabel(opened.value.snapshot)}</strong>{' '}
                <strong data-testid="altered-banner">{lazyStrings.ReportAlteredTitle}</strong> {lazyStrings.ReportAlteredDetail}
              </MessageBar>
            ) : (
              <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
                <strong data-testid="published-banner">{publishedLabel(opened.value.snapshot)}</strong> {lazyStrings.ReportPublishedNote}
              </MessageBar>
            )}
            <Stack horizontal={true} wrap={true} verticalAlign="center" tokens={{ childrenGap: 12 }}>
              {props.renderActions(opened.value.model)}
              {paperLink(opened.value.snapshot.id, paperAltered ? lazyStrings.ReportPaperOpenChanged : lazyStrings.ReportPaperOpen)}
              {!papers.loading && !papers.error && !papers.value?.get(opened.value.snapshot.id) && (
                <>
                  <Text>{lazyStrings.ReportPaperMissing}</Text>
                  {props.canStorePapers && (
                    <DefaultButton className={noPrint} iconProps={{ iconName: 'CloudUpload' }} disabled={storing.busy} onClick={() => storePaper(opened.value?.snapshot)}>
                      {lazyStrings.ReportPaperStore}
                    </DefaultButton>
                  )}
                </>
              )}
            </Stack>
            {paperAltered && (
              <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline={true} data-testid="paper-altered">
                {lazyStrings.ReportPaperAltered}
              </MessageBar>
            )}
            <ErrorBar error={paperCheck.error} onRetry={paperCheck.reload} />
            {storing.busy && <Spinner size={SpinnerSize.small} label={lazyStrings.ReportPaperStoring} ariaLive="polite" labelPosition="right" />}
            {storing.done && <MessageBar messageBarType={MessageBarType.success}>{storing.done}</MessageBar>}
            <ErrorBar error={storing.error ?? papers.error} onRetry={storing.error ? undefined : papers.reload} />
            {opened.value.older && <ReportChanges older={opened.value.older.model} olderVersion={opened.value.older.version} newer={opened.value.model} />}
            <ReportView model={opened.value.model} compact={props.compact} />
          </>
        ) : (
          !opened.loading && !opened.error && <Text block={true} as="p">{strings.ErrorNotFoundTitle}</Text>
        )}
      </Stack>
    );
  }

  const periods: readonly PublishedPeriod[] = list.value ?? [];
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <ErrorBar error={list.error} onRetry={list.reload} />
      <ErrorBar error={papers.error} onRetry={papers.reload} />
      {list.loading && !list.value ? (
        <Loading />
      ) : periods.length === 0 ? (
        !list.error && <Text block={true} as="p">{lazyStrings.ReportPublishedNone}</Text>
      ) : (
        <DataTable
          caption={lazyStrings.ReportPublishedCaption}
          items={periods}
          getKey={(p) => `${p.periodId}|${p.serviceId ?? 0}|${p.kind}`}
          columns={[
            { key: 'kind', header: lazyStrings.ReportColumnKind, render: (p) => KIND_LABELS[p.kind] ?? p.kind },
            { key: 'scope', header: lazyStrings.ReportColumnScope, render: (p) => p.scopeName ?? p.title },
            { key: 'meeting', header: lazyStrings.ReportColumnMeeting, render: (p) => (p.meetingDate ? formatDate(p.meetingDate) ?? p.meetingDate : lazyStrings.ReportMeetingNotSet) },
            { key: 'period', header: lazyStrings.ReportColumnPeriod, render: (p) => periodLabel(p.periodId) },
            { key: 'report', header: lazyStrings.ReportColumnReport, render: (p) => p.reportTitle ?? p.title },
            {
              key: 'versions',
              header: lazyStrings.ReportColumnVersions,
              render: (p) => (
                <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 4 }}>
                  {p.versions.map((v) => {
                    const on = formatDate(v.publishedOn) ?? v.publishedOn;
                    if (v.unreadable !== undefined) {
                      // Its own row's entry, with the reason; the other versions stay usable.
                      return (
                        <MessageBar key={v.id} messageBarType={MessageBarType.warning} isMultiline={true} data-testid="unreadable-version">
                          {formatString(lazyStrings.ReportVersionUnreadable, v.version, on, v.unreadable)}
                        </MessageBar>
                      );
                    }
                    return (
                      <Stack key={v.id} tokens={{ childrenGap: 2 }}>
                        <DefaultButton onClick={() => setOpenId(v.id)} data-integrity={v.integrity}>
                          {v.integrity === 'altered'
                            ? formatString(lazyStrings.ReportVersionAltered, v.version)
                            : v.publishedBy
                              ? formatString(lazyStrings.ReportVersionButtonBy, v.version, on, v.publishedBy)
                              : formatString(lazyStrings.ReportVersionButton, v.version, on)}
                        </DefaultButton>
                        {paperLink(v.id, formatString(lazyStrings.ReportPaperOpenVersion, v.version))}
                      </Stack>
                    );
                  })}
                </Stack>
              )
            }
          ]}
        />
      )}
    </Stack>
  );
}
