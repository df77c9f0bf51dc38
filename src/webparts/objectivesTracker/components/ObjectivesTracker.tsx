/**
 * The objectives tracker: every service's development objectives, grouped by service
 * (collapsible, virtualised so thousands of rows scroll smoothly), with filters, search and
 * sorting; "Update my objectives" for officers; create, edit and close for editors; the
 * history of each objective; and "Send reminders now" for the performance team. Users without
 * edit rights (auditors) see everything read-only. A tab beside it holds the service
 * performance measures and their quarterly actuals (opened by the reminder's `?measure=<id>`).
 */
import * as React from 'react';
import {
  Checkbox,
  CommandBar,
  ConstrainMode,
  DetailsList,
  DetailsListLayoutMode,
  Dropdown,
  ICommandBarItemProps,
  IColumn,
  IDropdownOption,
  IGroup,
  Link,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  Pivot,
  PivotItem,
  SearchBox,
  SelectionMode,
  Stack,
  Text,
  mergeStyleSets,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import { CalendarConfig, nextDeadline } from '../../../domain/calendar';
import type { Objective, Person, Service } from '../../../domain/types';
import { OBJECTIVE_STATUSES, ObjectiveStatus } from '../../../domain/vocabularies';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useToday } from '../../../components/clock';
import { useAsync } from '../../../components/useAsync';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { ItemProblems } from '../../../components/ItemProblems';
import { useDiscardPrompt } from '../../../components/DiscardChangesDialog';
import { GroupHeaderRow } from '../../../components/GroupHeaderRow';
import { RagBadge } from '../../../components/RagBadge';
import { formatCount, formatDate, formatString } from '../../../components/format';
import { richTextToPlain } from '../../../components/richTextPlain';
import { DraftStorage, browserStorage } from '../logic/drafts';
import { IObjectiveRow, SortKey, buildRows, filterRows, groupSortedRows, myObjectivesForPeriod, servicesMatching, sortRows } from '../logic/rows';
import { ITrackerLoad, loadTracker, trackerLoadKey, trackerPeriodsOn } from '../logic/loadTracker';
import type { IEarlyTrackerLoad } from '../earlyLoad';
import { ITrackerData, initialTrackerState, trackerReducer } from '../logic/trackerState';
import { ITrackerContext, TrackerContext, useTracker } from './TrackerContext';
import { periodLabel } from './periodLabel';
import type { IRemindersConnection } from './SendReminders';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { CardList } from '../../../components/CardList';
import { noPrint, PrintFilters } from '../../../components/print';
import { ExportButton } from '../../../components/ExportButton';
import type { FilterLine } from '../../../components/exportSheet';
import { gridMinWidth, showsCards, useContainerWidth, usePrinting } from '../../../components/responsive';
import { renderWrappingHeader, withWrappingHeaders } from '../../../components/wrappingHeaders';

// The objective's panel (its details and update history) loads when an objective is opened.
// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const exportOf = (): Promise<[typeof import('../exportObjectives'), typeof import('../../../components/exportSheet')]> =>
  Promise.all([import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportObjectives'), import(/* webpackChunkName: 'ssm-xlsx-export' */ '../../../components/exportSheet')]);
const ObjectiveDetails = lazyComponent(() => import(/* webpackChunkName: 'ssm-objective-details' */ './ObjectiveDetails').then((m) => m.ObjectiveDetails));
const StaffSatisfaction = lazyComponent(() => import(/* webpackChunkName: 'ssm-staff-satisfaction' */ './StaffSatisfaction').then((m) => m.StaffSatisfaction));
const MeasuresTracker = lazyComponent(() => import(/* webpackChunkName: 'ssm-measures-tracker' */ './MeasuresTracker').then((m) => m.MeasuresTracker));
const UpdateForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-objective-forms' */ './UpdateForm').then((m) => m.UpdateForm));
const ObjectiveForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-objective-forms' */ './ObjectiveForm').then((m) => m.ObjectiveForm));
const SendRemindersDialog = lazyComponent(() => import(/* webpackChunkName: 'ssm-send-reminders' */ './SendReminders').then((m) => m.SendRemindersDialog));

/** Which optional columns to show (the title is always shown). Missing means shown. */
export interface IObjectiveColumns {
  aim?: boolean;
  status: boolean;
  rag: boolean;
  officer: boolean;
  latestUpdate?: boolean;
  targetDate: boolean;
}

/** Props of `ObjectivesTracker`. */
export interface IObjectivesTrackerProps {
  /** Default service filter: services whose name contains this text (case-insensitive); blank for all. */
  serviceFilter: string;
  /** Optional columns. */
  columns: IObjectiveColumns;
  /** Graph access for "Send reminders now"; without it the command is not offered. */
  reminders?: IRemindersConnection;
  /** Today (YYYY-MM-DD); defaults to the user's date. Tests fix it. */
  today?: string;
  /** Reporting calendar settings. */
  calendar?: Partial<CalendarConfig>;
  /** The first load, started by the web part before this component's code arrived (`startTrackerLoad`). */
  earlyLoad?: IEarlyTrackerLoad;
  /** Draft storage; defaults to the browser's localStorage. */
  storage?: DraftStorage;
}

/** The tabs of the web part. */
type TrackerTab = 'objectives' | 'measures' | 'staff';

/** The objectives and, on a tab beside them, the measures (first when the page was opened from a measure's link). */
export function ObjectivesTracker(props: IObjectivesTrackerProps): JSX.Element {
  const [tab, setTab] = React.useState<TrackerTab>(() =>
    typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('measure') ? 'measures' : 'objectives'
  );
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Pivot className={noPrint} overflowBehavior="menu"
        overflowAriaLabel={strings.TabsMore} aria-label={strings.TrackerTabsLabel} selectedKey={tab} onLinkClick={(item) => item && setTab(item.props.itemKey as TrackerTab)} headersOnly={true}>
        <PivotItem itemKey="objectives" headerText={strings.TrackerTabObjectives} />
        <PivotItem itemKey="measures" headerText={strings.TrackerTabMeasures} />
        <PivotItem itemKey="staff" headerText={strings.TrackerTabStaff} />
      </Pivot>
      {tab === 'objectives' ? (
        <ObjectivesRegister {...props} />
      ) : tab === 'measures' ? (
        <OnDemand>
          <MeasuresTracker today={props.today} calendar={props.calendar} />
        </OnDemand>
      ) : (
        <OnDemand>
          <StaffSatisfaction today={props.today} calendar={props.calendar} />
        </OnDemand>
      )}
    </Stack>
  );
}

/**
 * Loads the data, the user and their permission (one `$batch`: only this period's and the
 * previous period's updates are read up front), then shows the tracker.
 */
function ObjectivesRegister(props: IObjectivesTrackerProps): JSX.Element {
  const repositories = useRepositories();
  const today = useToday(props.today);
  const periodIds = trackerPeriodsOn(today, props.calendar);
  const key = trackerLoadKey(periodIds);
  // The load the web part started while this code downloaded, when it read these periods; otherwise read now.
  const early = props.earlyLoad;
  const { loading, value, error, reload } = useAsync(() => {
    const fresh = (): Promise<ITrackerLoad> => loadTracker(repositories, periodIds);
    return early ? early.takeOr(repositories, key, fresh) : fresh();
  }, [repositories, key]);
  if (loading && !value) return <Loading />;
  if (!value) {
    return (
      <Stack tokens={{ childrenGap: 16 }}>
        <Text variant="xLarge" as="h2">
          {strings.ObjectivesHeading}
        </Text>
        <ErrorBar error={error} onRetry={reload} />
      </Stack>
    );
  }
  return (
    <TrackerView
      {...props}
      data={value.data}
      me={value.me}
      canEdit={value.canEdit}
      loadError={error}
      onReload={reload}
    />
  );
}

interface ITrackerViewProps extends IObjectivesTrackerProps {
  data: ITrackerData;
  me: Person;
  canEdit: boolean;
  loadError: unknown;
  onReload: () => void;
}

type PanelState = { kind: 'update' } | { kind: 'details'; objectiveId: number } | { kind: 'edit'; objectiveId?: number };

/** The update deep link of the reminder emails (`?update=<id>`), if the page was opened with one. */
function deepLinkedObjective(): number | undefined {
  if (typeof window === 'undefined') return undefined;
  const id = Number(new URLSearchParams(window.location.search).get('update'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

function TrackerView(props: ITrackerViewProps): JSX.Element {
  const { data, me, canEdit, calendar, serviceFilter } = props;
  const today = useToday(props.today);
  const period = React.useMemo(() => nextDeadline(today, calendar), [today, calendar]);
  const storage = React.useMemo(() => props.storage ?? browserStorage(), [props.storage]);
  const [state, dispatch] = React.useReducer(trackerReducer, undefined, () => ({
    ...initialTrackerState(serviceFilter.trim() ? { serviceIds: servicesMatching(data.services, serviceFilter) } : {}),
    data
  }));
  // A reload ("Try again", or after lists were set up) replaces the data but keeps filters.
  const firstData = React.useRef(data);
  React.useEffect(() => {
    if (data !== firstData.current) dispatch({ type: 'loaded', data });
  }, [data]);

  const [panel, setPanel] = React.useState<PanelState | undefined>(() => {
    const linked = deepLinkedObjective();
    return linked !== undefined && canEdit ? { kind: 'update' } : undefined;
  });
  const [remindersOpen, setRemindersOpen] = React.useState(false);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);

  const context: ITrackerContext = React.useMemo(
    () => ({ state, dispatch, me, canEdit, today, period, calendar, storage }),
    [state, me, canEdit, today, period, calendar, storage]
  );
  const current = state.data ?? data;
  const noServiceMatch = serviceFilter.trim() !== '' && current.services.length > 0 && servicesMatching(current.services, serviceFilter).length === 0;
  const mine = React.useMemo(() => myObjectivesForPeriod(current.objectives, current.updates, me.id, period.id), [current, me.id, period.id]);

  const commands: ICommandBarItemProps[] = [];
  if (canEdit) {
    commands.push({
      key: 'update',
      text: formatString(strings.UpdateMyObjectives, mine.length),
      iconProps: { iconName: 'EditNote' },
      onClick: () => setPanel({ kind: 'update' })
    });
    commands.push({ key: 'new', text: strings.ObjectiveNew, iconProps: { iconName: 'Add' }, onClick: () => setPanel({ kind: 'edit' }) });
    if (props.reminders) {
      commands.push({ key: 'remind', text: strings.RemindersCommand, iconProps: { iconName: 'Mail' }, onClick: () => setRemindersOpen(true) });
    }
  }
  commands.push({ key: 'refresh', text: strings.ObjectivesRefresh, iconProps: { iconName: 'Refresh' }, onClick: props.onReload });

  const panelObjective = panel && panel.kind !== 'update' && panel.objectiveId !== undefined ? current.objectives.find((o) => o.id === panel.objectiveId) : undefined;
  const panelTitle = !panel
    ? ''
    : panel.kind === 'update'
      ? formatString(strings.UpdatePanelTitle, period.label)
      : panel.kind === 'details'
        ? panelObjective?.title ?? ''
        : '';
  const closePanel = React.useCallback((): void => setPanel(undefined), []);
  // Quarterly updates are kept as drafts as they are typed; only edits no draft could hold are at stake.
  const [updatesUnsaved, setUpdatesUnsaved] = React.useState(false);
  const updatePrompt = useDiscardPrompt(panel?.kind === 'update' && updatesUnsaved, () => setUpdatesUnsaved(false), closePanel);

  return (
    <TrackerContext.Provider value={context}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text variant="xLarge" as="h2">
          {strings.ObjectivesHeading}
        </Text>
        <ErrorBar error={props.loadError} onRetry={props.onReload} />
        <ItemProblems
          sources={[
            { kind: strings.ItemKindService, items: props.data.services, nameOf: (s: Service) => s.name },
            { kind: strings.ItemKindObjective, items: props.data.objectives, nameOf: (o: Objective) => o.title }
          ]}
        />
        {notice && (
          <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={strings.Dismiss}>
            {notice}
          </MessageBar>
        )}
        {!canEdit && <Text>{strings.ObjectivesReadOnlyNotice}</Text>}
        <CommandBar
          className={noPrint}
          items={commands}
          ariaLabel={strings.ObjectivesCommands}
          // On a phone the bar moves commands into "More": the button needs a name.
          overflowButtonProps={{ ariaLabel: strings.ObjectivesMoreCommands }}
        />
        {current.services.length === 0 ? (
          <Text>{strings.ObjectivesNoServices}</Text>
        ) : noServiceMatch ? (
          <Text>{formatString(strings.ObjectivesNoMatch, serviceFilter)}</Text>
        ) : (
          <ObjectivesList columns={props.columns} onOpen={(objectiveId) => setPanel({ kind: 'details', objectiveId })} />
        )}
      </Stack>
      <Panel
        isOpen={panel !== undefined && panel.kind !== 'edit'}
        onDismiss={updatePrompt.requestClose}
        type={PanelType.large}
        headerText={panelTitle}
        closeButtonAriaLabel={strings.FormClose}
        isFooterAtBottom={false}
      >
        <OnDemand>
        {panel?.kind === 'update' && (
          <UpdateForm
            objectives={mine}
            period={period}
            onCancel={() => updatePrompt.requestClose()}
            onUnsavedChange={setUpdatesUnsaved}
            onSaved={(count) => {
              setNotice(formatCount(count, strings.UpdateSavedOne, strings.UpdateSaved));
              closePanel();
            }}
          />
        )}
        {panel?.kind === 'details' && panelObjective && (
          <ObjectiveDetails objective={panelObjective} onClose={closePanel} onEdit={() => setPanel({ kind: 'edit', objectiveId: panelObjective.id })} />
        )}
        </OnDemand>
        {updatePrompt.dialog}
      </Panel>
      {panel?.kind === 'edit' && (
        <OnDemand>
          <ObjectiveForm
            key={panelObjective?.id ?? 'new'}
            objective={panelObjective}
            onCancel={closePanel}
            onSaved={(stored) => {
              dispatch({ type: 'objectivesSaved', objectives: [stored] });
              setNotice(formatString(strings.ObjectiveSaved, stored.title));
              setPanel({ kind: 'details', objectiveId: stored.id });
            }}
          />
        </OnDemand>
      )}
      {remindersOpen && props.reminders && (
        <OnDemand>
          <SendRemindersDialog connection={props.reminders} onDismiss={() => setRemindersOpen(false)} />
        </OnDemand>
      )}
    </TrackerContext.Provider>
  );
}

/** Props of `ObjectivesList`. */
interface IObjectivesListProps {
  columns: IObjectiveColumns;
  onOpen: (objectiveId: number) => void;
}

/** Short label of a period id: "Q4 2021/22". */
function shortPeriod(periodId: string): string {
  return periodLabel(periodId).split(' (')[0];
}

/** Width of the expand/collapse column a grouped DetailsList adds before the first column. */
const GROUP_EXPAND_WIDTH = 36;

/** The chosen options' names, or "All" when none is chosen (for the printed filter line). */
function namesOf(options: readonly IDropdownOption[], keys: ReadonlyArray<string | number>): string {
  if (keys.length === 0) return strings.ObjectivesFilterAll;
  return options
    .filter((o) => keys.indexOf(o.key) >= 0)
    .map((o) => o.text)
    .join(', ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Filters, search and the grouped, virtualised list. */
function ObjectivesList(props: IObjectivesListProps): JSX.Element {
  const { state, dispatch, period, today } = useTracker();
  const theme = useTheme();
  const data = state.data as ITrackerData;
  const { filters, sort } = state;
  const collapsed = React.useRef(new Set<number>());
  const repositories = useRepositories();
  // Objectives whose latest update (of a period not loaded up front) is being fetched, and any failure.
  const [fetching, setFetching] = React.useState<ReadonlySet<number>>(() => new Set<number>());
  const [fetchError, setFetchError] = React.useState<unknown>(undefined);
  const showLatest = async (objectiveId: number): Promise<void> => {
    setFetchError(undefined);
    setFetching((current) => new Set(current).add(objectiveId));
    try {
      const history = await repositories.objectiveUpdates.getForObjective(objectiveId);
      dispatch({ type: 'updatesLoaded', updates: history });
    } finally {
      setFetching((current) => {
        const next = new Set(current);
        next.delete(objectiveId);
        return next;
      });
    }
  };

  const rows = React.useMemo(() => buildRows(data.services, data.objectives, data.updates, period.id), [data, period.id]);
  // Sorted once per data or sort change; a filter (every keystroke of a search) only filters the
  // sorted rows, which keeps their order, and regroups them in one linear pass.
  const sorted = React.useMemo(() => sortRows(rows, sort), [rows, sort]);
  const filtered = React.useMemo(() => filterRows(sorted, filters), [sorted, filters]);
  const grouped = React.useMemo(() => groupSortedRows(filtered), [filtered]);
  const groups: IGroup[] = React.useMemo(
    () =>
      grouped.groups.map((g) => ({
        key: String(g.serviceId),
        name: g.name || strings.UnknownService,
        startIndex: g.startIndex,
        count: g.count,
        level: 0,
        isCollapsed: collapsed.current.has(g.serviceId)
      })),
    [grouped]
  );

  const serviceOptions: IDropdownOption[] = React.useMemo(
    () => data.services.slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).map((s) => ({ key: s.id, text: s.name })),
    [data.services]
  );
  const officerOptions: IDropdownOption[] = React.useMemo(() => {
    const byId = new Map<number, string>();
    for (const o of data.objectives) if (o.responsibleOfficer) byId.set(o.responsibleOfficer.id, o.responsibleOfficer.displayName || o.responsibleOfficer.email);
    return Array.from(byId.entries())
      .sort((a, b) => a[1].localeCompare(b[1], 'en-GB'))
      .map(([key, text]) => ({ key, text }));
  }, [data.objectives]);
  const statusOptions: IDropdownOption[] = OBJECTIVE_STATUSES.map((s) => ({ key: s, text: s }));

  const toggle = <T extends string | number>(list: T[], key: T, selected: boolean | undefined): T[] =>
    selected ? (list.indexOf(key) >= 0 ? list : [...list, key]) : list.filter((k) => k !== key);

  const classes = mergeStyleSets({
    clamp: { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'normal' },
    wrap: { whiteSpace: 'normal' },
    meta: { color: theme.semanticColors.bodySubtext, display: 'block' }
  });

  const sortable = (key: SortKey): Partial<IColumn> => ({
    isSorted: sort.key === key,
    isSortedDescending: sort.key === key && sort.descending,
    onColumnClick: () => dispatch({ type: 'sortBy', key }),
    sortAscendingAriaLabel: strings.ObjectivesSortedAscending,
    sortDescendingAriaLabel: strings.ObjectivesSortedDescending
  });

  const shown = (flag: boolean | undefined): boolean => flag !== false;
  const columns: IColumn[] = [
    {
      key: 'title',
      name: strings.ColumnObjective,
      minWidth: 200,
      maxWidth: 360,
      isResizable: true,
      isMultiline: true,
      ...sortable('title'),
      onRender: (r: IObjectiveRow) => (
        <Link onClick={() => props.onOpen(r.objective.id)} className={classes.wrap} data-objective-title={r.objective.id}>
          {r.objective.title}
        </Link>
      )
    }
  ];
  if (shown(props.columns.aim)) {
    columns.push({
      key: 'aim',
      name: strings.ColumnAim,
      minWidth: 180,
      maxWidth: 320,
      isResizable: true,
      isMultiline: true,
      onRender: (r: IObjectiveRow) => <span className={classes.clamp}>{richTextToPlain(r.objective.aim)}</span>
    });
  }
  if (shown(props.columns.status)) {
    columns.push({ key: 'status', name: strings.ColumnStatus, minWidth: 80, maxWidth: 110, ...sortable('status'), onRender: (r: IObjectiveRow) => r.objective.status });
  }
  if (shown(props.columns.rag)) {
    columns.push({ key: 'rag', name: strings.ColumnRag, minWidth: 70, maxWidth: 90, ...sortable('rag'), onRender: (r: IObjectiveRow) => <RagBadge rag={r.objective.rag} /> });
  }
  if (shown(props.columns.officer)) {
    columns.push({
      key: 'officer',
      name: strings.ColumnOfficer,
      minWidth: 110,
      maxWidth: 170,
      isResizable: true,
      ...sortable('officer'),
      onRender: (r: IObjectiveRow) => r.objective.responsibleOfficer?.displayName || strings.NotSet
    });
  }
  if (shown(props.columns.latestUpdate)) {
    columns.push({
      key: 'latestUpdate',
      name: strings.ColumnLatestUpdate,
      minWidth: 200,
      maxWidth: 380,
      isResizable: true,
      isMultiline: true,
      ...sortable('latestUpdate'),
      onRender: (r: IObjectiveRow) =>
        r.latestNotLoaded && r.latestPeriodId ? (
          // Only recent periods are loaded up front: show the period and fetch the text on request.
          <span className={classes.wrap}>
            <strong className={classes.meta}>{shortPeriod(r.latestPeriodId)}</strong>
            {fetching.has(r.objective.id) ? (
              <span>{strings.Loading}</span>
            ) : (
              <Link
                className={noPrint}
                onClick={() => showLatest(r.objective.id).catch(setFetchError)}
                aria-label={formatString(strings.ObjectivesShowUpdateLabel, shortPeriod(r.latestPeriodId), r.objective.title)}
                data-show-update={r.objective.id}
              >
                {strings.ObjectivesShowUpdate}
              </Link>
            )}
          </span>
        ) : r.latest ? (
          <span className={classes.wrap}>
            <strong className={classes.meta}>{shortPeriod(r.latest.periodId)}</strong>
            <span className={classes.clamp}>{clip(richTextToPlain(r.latest.narrative), 220)}</span>
          </span>
        ) : (
          strings.ObjectivesNoUpdateYet
        )
    });
  }
  if (shown(props.columns.targetDate)) {
    columns.push({
      key: 'targetDate',
      name: strings.ColumnTargetDate,
      minWidth: 90,
      maxWidth: 120,
      ...sortable('targetDate'),
      isMultiline: true,
      onRender: (r: IObjectiveRow) => <span className={classes.wrap}>{formatDate(r.objective.targetDate) ?? strings.NotSet}</span>
    });
  }
  const gridColumns = withWrappingHeaders(columns);
  // Cards where the columns do not fit (the grid adds its group expand column), and on paper,
  // where a virtualised grid would print only the rows scrolled into view.
  const [boxRef, boxWidth] = useContainerWidth();
  const printing = usePrinting();
  const cards = printing || showsCards(boxWidth, gridMinWidth(gridColumns, GROUP_EXPAND_WIDTH));

  const anyFilter =
    filters.serviceIds.length + filters.statuses.length + filters.officerIds.length > 0 || filters.needsUpdateOnly || filters.search.trim() !== '';

  // The filters applied, named on paper and in the Excel export alike.
  const applied: FilterLine[] = [
    ...(filters.search.trim() ? [[strings.ObjectivesSearchLabel, filters.search.trim()] as const] : []),
    ...(filters.serviceIds.length ? [[strings.ObjectivesFilterService, namesOf(serviceOptions, filters.serviceIds)] as const] : []),
    ...(filters.statuses.length ? [[strings.ObjectivesFilterStatus, namesOf(statusOptions, filters.statuses)] as const] : []),
    ...(filters.officerIds.length ? [[strings.ObjectivesFilterOfficer, namesOf(officerOptions, filters.officerIds)] as const] : []),
    ...(filters.needsUpdateOnly ? [[formatString(strings.ObjectivesFilterNeedsUpdate, shortPeriod(period.id))] as const] : [])
  ];

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <Stack
        horizontal
        wrap
        tokens={{ childrenGap: 12 }}
        verticalAlign="end"
        role="search"
        aria-label={strings.ObjectivesFiltersLabel}
        className={noPrint}
      >
        <Stack.Item styles={{ root: { minWidth: 220 } }}>
          <SearchBox
            placeholder={strings.ObjectivesSearchPlaceholder}
            ariaLabel={strings.ObjectivesSearchLabel}
            value={filters.search}
            onChange={(_e, v) => dispatch({ type: 'filtersChanged', filters: { search: v ?? '' } })}
          />
        </Stack.Item>
        <Dropdown
          label={strings.ObjectivesFilterService}
          multiSelect
          options={serviceOptions}
          selectedKeys={filters.serviceIds}
          placeholder={strings.ObjectivesFilterAll}
          onChange={(_e, o) => o && dispatch({ type: 'filtersChanged', filters: { serviceIds: toggle(filters.serviceIds, o.key as number, o.selected) } })}
          styles={{ root: { minWidth: 200 } }}
        />
        <Dropdown
          label={strings.ObjectivesFilterStatus}
          multiSelect
          options={statusOptions}
          selectedKeys={filters.statuses}
          placeholder={strings.ObjectivesFilterAll}
          onChange={(_e, o) =>
            o && dispatch({ type: 'filtersChanged', filters: { statuses: toggle(filters.statuses, o.key as ObjectiveStatus, o.selected) } })
          }
          styles={{ root: { minWidth: 160 } }}
        />
        <Dropdown
          label={strings.ObjectivesFilterOfficer}
          multiSelect
          options={officerOptions}
          selectedKeys={filters.officerIds}
          placeholder={strings.ObjectivesFilterAll}
          onChange={(_e, o) => o && dispatch({ type: 'filtersChanged', filters: { officerIds: toggle(filters.officerIds, o.key as number, o.selected) } })}
          styles={{ root: { minWidth: 180 } }}
        />
        <Checkbox
          label={formatString(strings.ObjectivesFilterNeedsUpdate, shortPeriod(period.id))}
          checked={filters.needsUpdateOnly}
          onChange={(_e, checked) => dispatch({ type: 'filtersChanged', filters: { needsUpdateOnly: !!checked } })}
          styles={{ root: { marginBottom: 6 } }}
        />
        {anyFilter && <Link onClick={() => dispatch({ type: 'filtersReset' })}>{strings.ObjectivesFilterClear}</Link>}
        <ExportButton
          onExport={async () => {
            const [sheets, files] = await exportOf();
            return files.downloadSheet(sheets.objectiveExportSheet(grouped.rows, applied), 'Objectives', today);
          }}
        />
      </Stack>
      <PrintFilters
        filters={[
          ...(filters.search.trim() ? [[strings.ObjectivesSearchLabel, filters.search.trim()] as const] : []),
          [strings.ObjectivesFilterService, namesOf(serviceOptions, filters.serviceIds)],
          [strings.ObjectivesFilterStatus, namesOf(statusOptions, filters.statuses)],
          [strings.ObjectivesFilterOfficer, namesOf(officerOptions, filters.officerIds)],
          ...(filters.needsUpdateOnly ? [[formatString(strings.ObjectivesFilterNeedsUpdate, shortPeriod(period.id))] as const] : [])
        ]}
      />
      <ErrorBar error={fetchError} onDismiss={() => setFetchError(undefined)} />
      <Text role="status" aria-live="polite">
        {formatString(strings.ObjectivesCount, filtered.length, rows.length)}
      </Text>
      <div ref={boxRef} data-layout={cards ? 'cards' : 'grid'}>
        {filtered.length === 0 ? (
          <Text>{strings.ObjectivesNoneMatchFilters}</Text>
        ) : cards ? (
          <CardList
            items={grouped.rows}
            groups={groups}
            columns={gridColumns}
            getKey={(r: IObjectiveRow) => String(r.objective.id)}
            ariaLabel={strings.ObjectivesGridLabel}
          />
        ) : (
          <DetailsList
            items={grouped.rows}
            groups={groups}
            columns={gridColumns}
            onRenderDetailsHeader={renderWrappingHeader}
            getKey={(r: IObjectiveRow) => String(r.objective.id)}
            setKey="objectives"
            selectionMode={SelectionMode.none}
            layoutMode={DetailsListLayoutMode.justified}
            constrainMode={ConstrainMode.unconstrained}
            ariaLabelForGrid={strings.ObjectivesGridLabel}
            groupProps={{
              showEmptyGroups: false,
              onRenderHeader: (headerProps) => (headerProps ? <GroupHeaderRow {...headerProps} /> : null),
              headerProps: {
                onToggleCollapse: (group: IGroup) => {
                  // Called before the header flips the flag: remember the state it is flipping to.
                  const id = Number(group.key);
                  if (group.isCollapsed) collapsed.current.delete(id);
                  else collapsed.current.add(id);
                }
              }
            }}
            onShouldVirtualize={() => true}
          />
        )}
      </div>
    </Stack>
  );
}
