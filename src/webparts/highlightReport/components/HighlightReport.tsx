/**
 * The highlight report web part's UI (SharePoint page, Teams tab and Teams personal app): for a
 * service or all services and a reporting period, the committee report built from the lists,
 * "Publish this report" (a new immutable snapshot version), "Published reports" (past reports
 * shown from their snapshots) and "Download for committee" (the Word document, built here).
 * Everything shown comes from one report model, the same one the Word export renders.
 * A service lead (or an editor) writes their service's general update for a committee meeting
 * here too ("Write general update"); in Teams the tab opens on the signed-in lead's own service.
 */
import * as React from 'react';
import {
  DefaultButton,
  Dropdown,
  IContextualMenuItem,
  IDropdownOption,
  mergeStyleSets,
  MessageBar,
  MessageBarType,
  Pivot,
  PivotItem,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import { CalendarConfig, periodById } from '../../../domain/calendar';
import { firstShownObjectives, firstShownUpdateIds, latestSnapshot, nextVersion, REPORT_KINDS, ReportKind, ReportModel, shortPeriodLabel, shownUpdateIds, withFullUpdates } from '../../../domain/report';
import type { Benefit, Highlight, Measure, ObjectiveUpdate, ReportSnapshot, Service } from '../../../domain/types';
import { NotFoundError } from '../../../data/errors';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useClock, useToday } from '../../../components/clock';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { ItemProblems } from '../../../components/ItemProblems';
import { formatDate, formatString } from '../../../components/format';
import { defaultPeriod, modelFor, periodOptions, REPORT_FIRST_ROWS, reportedPeriodIds } from '../reportOptions';
import { loadReport } from '../firstLoad';
import { IEarlyReportLoad, REPORT_LOAD_KEY } from '../earlyLoad';
import { downloadReport } from '../download';
import { preparePaper, storeWordPaper } from '../papers';
import { ReportView } from './ReportView';
import { noPrint } from '../../../components/print';
import { loadedSanitiser, plainAsHtml } from '../../../components/richTextPlain';
import { cleanNarrative, NARRATIVE_FIELDS } from '../../../domain/report/settings';
import { sameStatuses } from '../../../domain/statusHistory';
import type { ReportNarrative } from '../../../domain/report/settings';
import { listReportSettings, settingsFromItems } from '../../../data/reportSettings';
import { IGeneralUpdateAccess, ownService, writableServices } from '../generalUpdateAccess';

// The paper's text editor loads when the clerk opens it; readers never need it.
const RichTextEditor = lazyComponent(() =>
  import(/* webpackChunkName: 'ssm-rich-text-editor' */ '../../../components/RichTextEditor').then((m) => m.RichTextEditor)
);
// The second tab: its list of past papers and their comparison load when it is opened.
const PublishedReports = lazyComponent(() =>
  import(/* webpackChunkName: 'ssm-published-reports' */ './PublishedReports').then((m) => m.PublishedReports)
);
const PublishDialog = lazyComponent(() => import(/* webpackChunkName: 'ssm-publish-dialog' */ './PublishDialog').then((m) => m.PublishDialog));
const ForwardPlan = lazyComponent(() => import(/* webpackChunkName: 'ssm-forward-plan' */ './ForwardPlan').then((m) => m.ForwardPlan));
const GeneralUpdateForm = lazyComponent(() =>
  import(/* webpackChunkName: 'ssm-general-update-form' */ './GeneralUpdateForm').then((m) => m.GeneralUpdateForm)
);

/** Props of `HighlightReport`. */
export interface IHighlightReportProps {
  /** Whether the web part runs in Microsoft Teams (tab or personal app): compact layout. */
  inTeams?: boolean;
  /** Today's date (YYYY-MM-DD) deciding the default period; defaults to the browser's date. */
  today?: string;
  /** Reporting calendar; defaults to the councils' April year. */
  calendar?: Partial<CalendarConfig>;
  /** The first load, started by the web part before this component's code arrived (`startReportLoad`). */
  earlyLoad?: IEarlyReportLoad;
}

const KIND_LABELS: Record<ReportKind, string> = {
  highlight: strings.ReportKindHighlight,
  quarterly: strings.ReportKindQuarterly,
  annual: strings.ReportKindAnnual
};

/** Dropdown key of "All services" (service ids are positive). */
const ALL = 'all';

type Tab = 'live' | 'published' | 'plan';

const NARRATIVE_LABELS: Readonly<Record<(typeof NARRATIVE_FIELDS)[number], string>> = {
  purpose: strings.ReportPaperPurpose,
  recommendations: strings.ReportPaperRecommendations,
  reasons: strings.ReportPaperReasons,
  summaryRemarks: strings.ReportPaperSummary
};

/** A status line shown after an action: what was done, or why it failed. */
type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; error: unknown } | undefined;

/** Updates read whole after the first load (another period chosen), for the load they complete. */
interface IFetchedUpdates {
  forLoad?: unknown;
  updates: ReadonlyMap<number, ObjectiveUpdate>;
  /** Ids asked for, found or not (one deleted meanwhile is not asked for again). */
  asked: ReadonlySet<number>;
}

const NOTHING_FETCHED: IFetchedUpdates = { updates: new Map(), asked: new Set() };

/** Narratives still to read beyond which the period's are read whole, through the indexed Period column, rather than by id. */
const MANY_NARRATIVES = 200;

/** Choices, report, publishing and download for one service or all services and a period. */
export function HighlightReport(props: IHighlightReportProps): JSX.Element {
  const { inTeams, calendar } = props;
  const repositories = useRepositories();
  const theme = useTheme();
  const clock = useClock();
  const today = useToday(props.today);

  // The lists, the snapshots, the settings and the permissions (firstLoad.ts): the load the web
  // part started while this code downloaded, when there is one, otherwise read now.
  const early = props.earlyLoad;
  const load = useAsync(() => {
    const fresh = (): ReturnType<typeof loadReport> => loadReport(repositories, today, calendar);
    return early ? early.takeOr(repositories, REPORT_LOAD_KEY, fresh) : fresh();
  }, [repositories]);
  const data = { value: load.value?.data, loading: load.loading, error: load.error, reload: load.reload };
  // After publishing, the snapshots are read again (the new version decides the next number).
  const [generation, setGeneration] = React.useState(0);
  const reread = useAsync(
    (): Promise<ReportSnapshot[] | undefined> => (generation === 0 ? Promise.resolve(undefined) : repositories.snapshots.getAll()),
    [repositories, generation]
  );
  const snapshots = {
    value: reread.value ?? load.value?.snapshots,
    loading: load.loading || reread.loading,
    error: reread.error,
    reload: reread.reload
  };

  const [tab, setTab] = React.useState<Tab>('live');
  const [chosenService, setServiceKey] = React.useState<string | undefined>(undefined);
  const [chosenPeriod, setChosenPeriod] = React.useState<string | undefined>(undefined);
  const [kind, setKind] = React.useState<ReportKind>('highlight');
  const [confirming, setConfirming] = React.useState(false);
  const [publishing, setPublishing] = React.useState(false);
  const [downloading, setDownloading] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome>(undefined);
  // The clerk's own text for the paper: kept while choices change, so nothing typed is lost.
  const [narrative, setNarrative] = React.useState<ReportNarrative>({});
  const [editingText, setEditingText] = React.useState(false);
  // The general update form: a new one, or one read afresh (with its etag) for editing.
  const [writing, setWriting] = React.useState<{ highlight?: Highlight } | undefined>(undefined);
  const [opening, setOpening] = React.useState(false);

  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        root: {
          color: theme.semanticColors.bodyText,
          // A Teams tab has no page canvas around the web part: give it its own margin.
          padding: inTeams ? '12px 16px' : 0
        },
        pickers: { maxWidth: inTeams ? '100%' : 960 },
        picker: { minWidth: inTeams ? 160 : 200, flexGrow: inTeams ? 1 : 0 }
      }),
    [theme, inTeams]
  );

  const allSnapshots: readonly ReportSnapshot[] = React.useMemo(() => snapshots.value ?? [], [snapshots.value]);
  const reported = React.useMemo(() => (data.value ? reportedPeriodIds(data.value, allSnapshots) : []), [data.value, allSnapshots]);
  const fallback = React.useMemo(() => defaultPeriod(reported, today, calendar), [reported, today, calendar]);
  const periodId = chosenPeriod ?? fallback.periodId;
  const periods = React.useMemo(() => periodOptions(reported, today, calendar), [reported, today, calendar]);
  const updateAccess = React.useMemo<IGeneralUpdateAccess | undefined>(
    () =>
      load.value
        ? { me: load.value.me, canEditHighlights: load.value.canEditList.highlights === true, isEditor: load.value.canEditList.services === true }
        : undefined,
    [load.value]
  );
  // In Teams the tab opens on the service the signed-in lead leads; on a page, on all services.
  const own = React.useMemo(() => (inTeams ? ownService(data.value?.services ?? [], load.value?.me) : undefined), [inTeams, data.value, load.value]);
  const serviceKey = chosenService ?? (own ? String(own.id) : ALL);
  const serviceId = serviceKey === ALL ? undefined : Number(serviceKey);
  const writable = React.useMemo(() => writableServices(data.value?.services ?? [], updateAccess), [data.value, updateAccess]);

  // A past period's paper shows benefits and risks as they stood at its end, from their version
  // history (read only then: the current period's values are today's), with the lists when the
  // first load foresaw it.
  const past = periodById(periodId, calendar).end < today;
  const history = useAsync(async () => {
    const lists = data.value;
    if (!past || !lists || !repositories.history) return undefined;
    const read = lists.history;
    if (read?.benefits && read.risks && lists.benefits.every((b) => read.benefits?.has(b.id)) && lists.risks.every((r) => read.risks?.has(r.id))) return read;
    return repositories.history.reportHistory({ benefits: lists.benefits.map((b) => b.id), risks: lists.risks.map((r) => r.id) });
  }, [repositories, past, data.value]);

  // The site's paper settings (committee, councils, standard paragraphs), read with the lists
  // where the repositories can; defaults without the list.
  const settings = useAsync(async () => {
    const lists = data.value;
    if (!lists) return undefined;
    return lists.reportSettings ? settingsFromItems(lists.reportSettings) : listReportSettings(repositories.reportSettings).get();
  }, [repositories, data.value]);

  // The updates whose narratives the report shows, when the lists came with the statuses only:
  // those read in the first load and any read since (another period chosen), by id.
  const statusOnly = data.value?.updatesStatusOnly === true;
  // The objectives' aim, officer and dates, when the lists came with their summaries only: those
  // each table shows first come with the first load; every objective's are read once the report
  // is on screen (at once, should some of the first rows' be missing: another period chosen).
  const summaryOnly = data.value?.objectivesSummaryOnly === true;
  const firstObjectives = React.useMemo(() => {
    if (!summaryOnly || !data.value) return [];
    try {
      return firstShownObjectives(data.value.objectives, periodId, REPORT_FIRST_ROWS, calendar).map((o) => o.id);
    } catch {
      // A period that cannot be reported on fails in the model below, with its own message.
      return [];
    }
  }, [summaryOnly, data.value, periodId, calendar]);
  const earlyDetails = React.useMemo(() => new Set((data.value?.objectiveDetails ?? []).map((o) => o.id)), [data.value]);
  const firstDetailsMissing = firstObjectives.some((id) => !earlyDetails.has(id));
  // Statuses from the objectives' histories are a copy: once the report is on screen they are
  // compared with the list itself, and the report is downloaded, published or printed only from
  // statuses that agree with it (the list's, should they not). Read in the same load as the
  // objectives whole.
  const [onScreen, setOnScreen] = React.useState<unknown>(undefined);
  const fromHistories = data.value?.updatesFromHistories === true;
  const restRead = useAsync(async () => {
    const lists = data.value;
    if (!lists || !(summaryOnly || fromHistories) || (!firstDetailsMissing && onScreen !== lists)) return undefined;
    const read = await repositories.loadInitial([...(summaryOnly ? (['objectives'] as const) : []), ...(fromHistories ? (['updates'] as const) : [])], {
      readOnly: true,
      updateFields: 'status',
      idHints: lists.lastIds
    });
    return {
      forLoad: lists,
      objectives: summaryOnly ? read.objectives : undefined,
      check: fromHistories ? { updates: read.updates, agree: sameStatuses(lists.updates, read.updates) } : undefined
    };
  }, [repositories, data.value, summaryOnly, fromHistories, firstDetailsMissing, onScreen]);
  const rest = restRead.value?.forLoad === data.value ? restRead.value : undefined;
  const checked = rest?.check;
  const wholeObjectives = rest?.objectives;
  const statuses = React.useMemo(() => (checked && !checked.agree ? checked.updates : data.value?.updates ?? []), [checked, data.value]);
  // Kept with the load they complete: a reload reads the narratives afresh.
  const [kept, setFetched] = React.useState<IFetchedUpdates>(() => ({ updates: new Map(), asked: new Set() }));
  const fetched = kept.forLoad === data.value ? kept : NOTHING_FETCHED;
  const full = React.useMemo(() => {
    const out = new Map<number, ObjectiveUpdate>();
    for (const u of data.value?.periodUpdates ?? []) out.set(u.id, u);
    fetched.updates.forEach((u, id) => out.set(id, u));
    return out;
  }, [data.value, fetched]);
  // The narratives the report shows: those of each table's first rows are read before it is
  // shown, the rest (a report of thousands of objectives) while the first rows are on screen.
  const wanted = React.useMemo((): { first: number[]; rest: number[] } => {
    if (!statusOnly || !data.value) return { first: [], rest: [] };
    try {
      const shown = shownUpdateIds(statuses, periodId, calendar);
      const need = shown.filter((id) => !full.has(id) && !fetched.asked.has(id));
      if (need.length === 0) return { first: [], rest: [] };
      const first = new Set(firstShownUpdateIds(statuses, data.value.objectives, periodId, REPORT_FIRST_ROWS, calendar, shown));
      return { first: need.filter((id) => first.has(id)), rest: need.filter((id) => !first.has(id)) };
    } catch {
      // A period that cannot be reported on fails in the model below, with its own message.
      return { first: [], rest: [] };
    }
  }, [statusOnly, data.value, statuses, periodId, calendar, full, fetched]);
  // One read at a time: the first rows' narratives, then the rest.
  const reading = wanted.first.length > 0 ? wanted.first : wanted.rest;
  const details = useAsync(async () => {
    const forLoad = data.value;
    if (reading.length === 0 || !forLoad) return;
    // Most of a long report's narratives are of the period shown: read through the indexed Period
    // column, then the few of earlier periods by id.
    const ofPeriod = reading.length > MANY_NARRATIVES ? await repositories.objectiveUpdates.getForPeriod(periodId) : [];
    const got = new Set(ofPeriod.map((u) => u.id));
    const read = [...ofPeriod, ...(await repositories.objectiveUpdates.getByIds(reading.filter((id) => !got.has(id))))];
    setFetched((f) => {
      const before = f.forLoad === forLoad ? f : NOTHING_FETCHED;
      const updates = new Map(before.updates);
      for (const u of read) updates.set(u.id, u);
      // An update deleted meanwhile is not asked for again.
      return { forLoad, updates, asked: new Set([...Array.from(before.asked), ...reading]) };
    });
  }, [repositories, reading]);
  const objectives = React.useMemo(() => {
    const lists = data.value;
    if (!lists || !summaryOnly) return lists?.objectives ?? [];
    const byId = new Map((wholeObjectives ?? lists.objectiveDetails ?? []).map((o) => [o.id, o]));
    return lists.objectives.map((o) => byId.get(o.id) ?? o);
  }, [data.value, summaryOnly, wholeObjectives]);
  const reportData = React.useMemo(
    () => (data.value && (statusOnly || summaryOnly) ? { ...data.value, objectives, updates: statusOnly ? withFullUpdates(statuses, full) : data.value.updates } : data.value),
    [data.value, statusOnly, summaryOnly, objectives, statuses, full]
  );

  // Wait for the snapshots (or their failure), the history, the settings and the first rows'
  // narratives too: the previous published report and the history decide which benefits count
  // as realised this period.
  const ready =
    !!reportData &&
    !snapshots.loading &&
    !history.loading &&
    !settings.loading &&
    wanted.first.length === 0 &&
    !(details.loading && reading === wanted.first) &&
    (!firstDetailsMissing || wholeObjectives !== undefined);
  // Every narrative and objective in, the statuses checked: only then is the model downloaded, published or printed whole.
  const complete =
    ready && wanted.rest.length === 0 && !details.loading && !restRead.loading && (!fromHistories || checked !== undefined) && (!summaryOnly || wholeObjectives !== undefined);
  const built = React.useMemo((): { model?: ReportModel; error?: unknown } => {
    if (!reportData || !ready) return {};
    try {
      // The clerk's text goes through the one rich-text sanitiser before it reaches the paper or a snapshot.
      // (The editor the clerk types in loads the sanitiser; text from elsewhere stays plain until it is loaded.)
      const clean = cleanNarrative(narrative, loadedSanitiser() ?? plainAsHtml);
      return {
        model: modelFor(reportData, allSnapshots, { kind, periodId, serviceId }, clock.now().toISOString(), calendar, { narrative: clean, history: history.value, settings: settings.value })
      };
    } catch (error) {
      return { error };
    }
  }, [reportData, ready, allSnapshots, kind, periodId, serviceId, calendar, narrative, history.value, settings.value]);
  // Shown as soon as the first rows are complete; downloaded and published only whole.
  const shownModel = built.model;
  React.useEffect(() => {
    if (shownModel && data.value) setOnScreen(data.value);
  }, [shownModel, data.value]);
  const model = complete ? built.model : undefined;

  const serviceOptions: IDropdownOption[] = React.useMemo(
    () => [
      { key: ALL, text: strings.ReportAllServices },
      ...(data.value?.services ?? [])
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
        .map((s) => ({ key: String(s.id), text: s.name }))
    ],
    [data.value]
  );
  const periodDropdown: IDropdownOption[] = periods.map((p) => ({ key: p.id, text: p.label }));
  const kindOptions: IDropdownOption[] = REPORT_KINDS.map((k) => ({ key: k, text: KIND_LABELS[k] }));

  const download = (m: ReportModel): void => {
    setDownloading(true);
    setOutcome(undefined);
    downloadReport(m).then(
      (fileName) => {
        setDownloading(false);
        setOutcome({ kind: 'done', text: formatString(strings.ReportDownloaded, fileName) });
      },
      (error: unknown) => {
        setDownloading(false);
        setOutcome({ kind: 'failed', error });
      }
    );
  };

  const publish = (m: ReportModel): void => {
    setPublishing(true);
    setOutcome(undefined);
    const finish = (result: Outcome): void => {
      setPublishing(false);
      setConfirming(false);
      setOutcome(result);
    };
    // The paper is rendered first so the snapshot records its name and fingerprint (members
    // may add the file but not write its columns).
    preparePaper(m).then(
      (prepared) =>
        repositories.snapshots.publish(m, undefined, prepared?.record).then(
          (snapshot) => {
            setGeneration((g) => g + 1);
            // The committee's Word file goes to the papers library with it; should that fail, the
            // snapshot stands and the error says how to store the paper again.
            storeWordPaper(repositories.committeePapers, snapshot, prepared).then(
              (paper) => {
                finish({ kind: 'done', text: formatString(strings.ReportPublishedPaperDone, snapshot.version, m.title, paper.fileName) });
                setGeneration((g) => g + 1);
              },
              (error: unknown) => finish({ kind: 'failed', error })
            );
          },
          (error: unknown) => finish({ kind: 'failed', error })
        ),
      (error: unknown) => finish({ kind: 'failed', error })
    );
  };

  const downloadButton = (m: ReportModel | undefined): JSX.Element => (
    <PrimaryButton iconProps={{ iconName: 'WordDocument' }} disabled={!m || downloading} onClick={() => m && download(m)}>
      {strings.ReportDownload}
    </PrimaryButton>
  );

  const busy = downloading ? strings.ReportDownloading : publishing ? strings.ReportPublishing : opening ? strings.Loading : undefined;
  const status = (
    <>
      {busy && <Spinner size={SpinnerSize.small} label={busy} ariaLive="polite" labelPosition="right" />}
      {outcome?.kind === 'done' && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setOutcome(undefined)} dismissButtonAriaLabel={strings.Dismiss}>
          {outcome.text}
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && <ErrorBar error={outcome.error} onDismiss={() => setOutcome(undefined)} />}
    </>
  );

  // Each report kind is its own series: a quarterly report is not the next version of a highlight report.
  const version = nextVersion(allSnapshots, periodId, serviceId, kind);
  const latest = latestSnapshot(allSnapshots, periodId, serviceId, kind);
  const mayPublish = load.value?.canEditList.snapshots === true;

  // The general updates of the period shown the user may edit, in the scope chosen.
  const editable = React.useMemo(() => {
    const mine = new Map(writable.map((s) => [s.id, s.name]));
    return (data.value?.highlights ?? [])
      .filter((h) => mine.has(h.serviceId) && (serviceId === undefined || h.serviceId === serviceId) && h.periodId === periodId)
      .map((h) => ({ highlight: h, serviceName: mine.get(h.serviceId) ?? '' }))
      .sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'en-GB') || a.highlight.meetingDate.localeCompare(b.highlight.meetingDate));
  }, [writable, data.value, serviceId, periodId]);

  const openExisting = (listed: Highlight): void => {
    // The report reads without etags: the version edited is read again, so a save can send IF-Match.
    setOpening(true);
    setOutcome(undefined);
    repositories.highlights.getById(listed.id).then(
      (fresh) => {
        setOpening(false);
        if (fresh) setWriting({ highlight: fresh });
        else setOutcome({ kind: 'failed', error: new NotFoundError({ list: 'highlights', operation: 'read', itemId: listed.id }) });
      },
      (error: unknown) => {
        setOpening(false);
        setOutcome({ kind: 'failed', error });
      }
    );
  };

  const onUpdateSaved = (saved: Highlight): void => {
    setWriting(undefined);
    const name = writable.find((s) => s.id === saved.serviceId)?.name ?? strings.UnknownService;
    setOutcome({ kind: 'done', text: formatString(strings.GeneralUpdateSaved, name, formatDate(saved.meetingDate) ?? saved.meetingDate) });
    // Show the period the update belongs to, and read the lists again so the report includes it.
    setChosenPeriod(saved.periodId);
    load.reload();
  };

  const writeButton =
    writable.length === 0 ? undefined : editable.length === 0 ? (
      <DefaultButton iconProps={{ iconName: 'EditNote' }} disabled={opening} onClick={() => setWriting({})}>
        {strings.GeneralUpdateWrite}
      </DefaultButton>
    ) : (
      <DefaultButton
        iconProps={{ iconName: 'EditNote' }}
        disabled={opening}
        menuProps={{
          items: [
            { key: 'new', text: strings.GeneralUpdateMenuNew, iconProps: { iconName: 'Add' }, onClick: () => setWriting({}) },
            ...editable.map(
              (e): IContextualMenuItem => ({
                key: String(e.highlight.id),
                text: formatString(strings.GeneralUpdateMenuEdit, e.serviceName, formatDate(e.highlight.meetingDate) ?? e.highlight.meetingDate),
                iconProps: { iconName: 'Edit' },
                onClick: () => openExisting(e.highlight)
              })
            )
          ]
        }}
      >
        {strings.GeneralUpdateWrite}
      </DefaultButton>
    );

  const live = (
    <Stack tokens={{ childrenGap: inTeams ? 8 : 12 }}>
      <Stack
        horizontal={true}
        wrap={true}
        tokens={{ childrenGap: inTeams ? 8 : 16 }}
        className={`${classes.pickers} ${noPrint}`}
        role="group"
        aria-label={strings.ReportOptionsLabel}
      >
        <Dropdown
          className={classes.picker}
          label={strings.ReportServiceLabel}
          options={serviceOptions}
          selectedKey={serviceKey}
          onChange={(_e, o) => o && setServiceKey(String(o.key))}
        />
        <Dropdown
          className={classes.picker}
          label={strings.ReportPeriodLabel}
          options={periodDropdown}
          selectedKey={periodId}
          onChange={(_e, o) => o && setChosenPeriod(String(o.key))}
        />
        <Dropdown
          className={classes.picker}
          label={strings.ReportKindLabel}
          options={kindOptions}
          selectedKey={kind}
          onChange={(_e, o) => o && setKind(o.key as ReportKind)}
        />
      </Stack>
      {chosenPeriod === undefined && fallback.insteadOf && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
          {formatString(
            strings.ReportFallbackPeriod,
            shortPeriodLabel(periodById(fallback.insteadOf, calendar)),
            shortPeriodLabel(periodById(fallback.periodId, calendar))
          )}
        </MessageBar>
      )}
      <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }} role="group" aria-label={strings.ReportActionsLabel} className={noPrint}>
        {downloadButton(model)}
        {/* Writing the paper's text is the clerk's part, with publishing: readers (auditors) only read. */}
        {mayPublish && (
          <DefaultButton iconProps={{ iconName: 'Edit' }} aria-expanded={editingText} onClick={() => setEditingText((v) => !v)}>
            {editingText ? strings.ReportPaperTextHide : strings.ReportPaperTextEdit}
          </DefaultButton>
        )}
        {mayPublish && (
          <DefaultButton
            iconProps={{ iconName: 'PublishContent' }}
            disabled={!model || publishing || snapshots.loading || snapshots.error !== undefined}
            onClick={() => setConfirming(true)}
          >
            {strings.ReportPublish}
          </DefaultButton>
        )}
        {writeButton}
      </Stack>
      {editingText && mayPublish && (
        <Stack tokens={{ childrenGap: 8 }} role="group" aria-label={strings.ReportPaperTextLabel}>
          <Text block={true} as="p" variant="small">
            {strings.ReportPaperTextNote}
          </Text>
          <OnDemand>
            {NARRATIVE_FIELDS.map((field) => (
              <RichTextEditor
                key={field}
                label={NARRATIVE_LABELS[field]}
                value={narrative[field] ?? ''}
                onChange={(html) => setNarrative((n) => ({ ...n, [field]: html }))}
              />
            ))}
          </OnDemand>
        </Stack>
      )}
      <ErrorBar error={snapshots.error} onRetry={snapshots.reload} />
      <ErrorBar error={history.error} onRetry={history.reload} />
      <ErrorBar error={settings.error} onRetry={settings.reload} />
      <ErrorBar error={details.error} onRetry={details.reload} />
      <ErrorBar error={restRead.error} onRetry={restRead.reload} />
      {checked && !checked.agree && (
        <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
          {strings.ReportHistoriesDisagree}
        </MessageBar>
      )}
      <ErrorBar error={built.error} />
      {shownModel ? (
        <>
          <Text block={true} as="p" variant="small">
            {formatString(strings.ReportLiveNote, formatDate(shownModel.generatedOn) ?? shownModel.generatedOn)}
          </Text>
          <ReportView model={shownModel} compact={inTeams} restPending={!complete} />
        </>
      ) : (
        !built.error && <Loading />
      )}
    </Stack>
  );

  return (
    <div className={classes.root} data-host={inTeams ? 'teams' : 'sharePoint'}>
      <Stack tokens={{ childrenGap: inTeams ? 8 : 12 }}>
        <Text block={true} variant={inTeams ? 'large' : 'xLarge'} as="h2">
          {strings.HighlightsHeading}
        </Text>
        <ErrorBar error={data.error} onRetry={data.reload} />
        {data.value && (
          <ItemProblems
            sources={[
              { kind: strings.ItemKindService, items: data.value.services, nameOf: (s: Service) => s.name },
              { kind: strings.ItemKindBenefit, items: data.value.benefits, nameOf: (b: Benefit) => b.title },
              { kind: strings.ItemKindMeasure, items: data.value.measures, nameOf: (m: Measure) => m.title }
            ]}
          />
        )}
        {data.loading && !data.value ? (
          <Loading />
        ) : (
          data.value && (
            <>
              <Pivot
                className={noPrint}
                aria-label={strings.ReportViewsLabel}
                selectedKey={tab}
                onLinkClick={(item) => item && setTab(item.props.itemKey as Tab)}
                headersOnly={true}
              >
                <PivotItem itemKey="live" headerText={strings.ReportTabLive} />
                <PivotItem itemKey="published" headerText={strings.ReportTabPublished} />
                <PivotItem itemKey="plan" headerText={strings.ReportTabForwardPlan} />
              </Pivot>
              {status}
              {tab === 'live' ? (
                live
              ) : tab === 'plan' ? (
                <OnDemand>
                  <ForwardPlan today={today} />
                </OnDemand>
              ) : (
                <OnDemand>
                  <PublishedReports generation={generation} compact={inTeams} canStorePapers={mayPublish} renderActions={(m) => <div className={noPrint}>{downloadButton(m)}</div>} />
                </OnDemand>
              )}
            </>
          )
        )}
      </Stack>
      {writing && load.value && (
        <OnDemand>
          <GeneralUpdateForm
            repository={repositories.highlights}
            services={writable}
            others={data.value?.highlights ?? []}
            meetings={data.value?.meetings ?? []}
            highlight={writing.highlight}
            serviceId={writing.highlight ? undefined : writable.some((s) => s.id === serviceId) ? serviceId : undefined}
            userId={load.value.me.id}
            calendar={calendar}
            today={today}
            onSaved={onUpdateSaved}
            onDismiss={() => setWriting(undefined)}
          />
        </OnDemand>
      )}
      {confirming && model && (
        <OnDemand>
          <PublishDialog
            title={model.title}
            version={version}
            latest={latest}
            publishing={publishing}
            onPublish={() => publish(model)}
            onCancel={() => setConfirming(false)}
          />
        </OnDemand>
      )}
    </div>
  );
}
