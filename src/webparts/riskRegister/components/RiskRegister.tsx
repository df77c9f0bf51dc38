/**
 * The risk register: a 5×5 heat map (inherent or residual) whose cells filter the list, and
 * the risks with likelihood × impact scores before and after controls, owner, controls,
 * review date (overdue reviews flagged) and the change of residual score since last quarter.
 * Filters by service, status and overdue review; create and edit for users who may edit.
 * The reminder mail's link (`?review=<id>`) opens that risk's review: the form, with the
 * residual score before the review kept as the previous score.
 */
import * as React from 'react';
import {
  ChoiceGroup,
  DefaultButton,
  Dropdown,
  IChoiceGroupOption,
  IColumn,
  IDropdownOption,
  Icon,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  SearchBox,
  Stack,
  Text,
  Toggle,
  getId,
  mergeStyleSets,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Person, Risk, Service } from '../../../domain/types';
import { isReviewOverdue, riskBand } from '../../../domain/scoring';
import { RISK_STATUSES, RiskStatus } from '../../../domain/vocabularies';
import { partnerCouncilsOf } from '../../../domain/search';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useToday } from '../../../components/clock';
import { useAsync } from '../../../components/useAsync';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { ItemProblems, RowProblems } from '../../../components/ItemProblems';
import { RichText } from '../../../components/RichText';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { editColumn, RegisterList, withSaved } from '../../../components/editableList';
import { formatCount, formatDate, formatString } from '../../../components/format';
import {
  buildMatrix,
  filterRisks,
  MatrixCellKey,
  PROGRAMME_WIDE,
  RiskFilter,
  safeResidualChange,
  safeScore,
  ScoreBasis,
  sortByResidual
} from '../riskMatrix';
import { BAND_LABELS, bandColours, HeatMap } from './HeatMap';
import { scaleText } from '../riskScale';
import { ExportButton } from '../../../components/ExportButton';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { noPrint, PrintFilters } from '../../../components/print';

// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const downloadRisks = async (...args: Parameters<typeof import('../exportRisks').downloadRisks>): Promise<string> =>
  (await import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportRisks')).downloadRisks(...args);

const RiskForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-risk-form' */ './RiskForm').then((m) => m.RiskForm));

/** Props of `RiskRegister` (none: filters are chosen on the page). */
export interface IRiskRegisterProps {
  /** Today as YYYY-MM-DD, for overdue reviews; the user's today when omitted (tests pin it). */
  today?: string;
}

const ALL = 'all';

/** The risk review deep link of the reminder emails (`?review=<id>`), if the page was opened with one. */
function deepLinkedReview(): number | undefined {
  if (typeof window === 'undefined') return undefined;
  const id = Number(new URLSearchParams(window.location.search).get('review'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** What the link asked for and what became of it. */
type LinkOutcome = 'notFound' | 'readOnly' | undefined;

/** Who is signed in and whether they may edit risks. */
interface IAccess {
  canEdit: boolean;
  me: Person;
}

/** The risk register. */
export function RiskRegister(props: IRiskRegisterProps): JSX.Element {
  const repositories = useRepositories();
  const theme = useTheme();
  const today = useToday(props.today);
  // Lists, user and permission in one $batch.
  const load = useAsync(() => loadWithAccess(repositories, ['services', 'risks'], 'risks'), [repositories]);
  const { loading, error, reload } = load;
  const value = load.value?.data;
  const accessValue = React.useMemo<IAccess | undefined>(
    () => (load.value ? { canEdit: load.value.canEdit, me: load.value.me } : undefined),
    [load.value]
  );
  const access = { value: accessValue };
  const [risks, setRisks] = React.useState<Risk[]>([]);
  const [filter, setFilter] = React.useState<RiskFilter>({ basis: 'residual', status: 'Open' });
  const [editing, setEditing] = React.useState<Risk | 'new' | undefined>(undefined);
  // Whether the form open is a review (from the reminder link) rather than a plain edit.
  const [reviewing, setReviewing] = React.useState(false);
  const [linkOutcome, setLinkOutcome] = React.useState<LinkOutcome>(undefined);
  const linked = React.useRef(deepLinkedReview());
  const openEditor = React.useCallback((item: Risk | 'new') => {
    setReviewing(false);
    setEditing(item);
  }, []);
  const headingId = React.useRef(getId('ssm-heat-map')).current;

  React.useEffect(() => {
    if (value) setRisks(value.risks);
  }, [value]);

  // Opens the linked review once, when the risks and the permission have arrived.
  React.useEffect(() => {
    const id = linked.current;
    if (id === undefined || !value || !accessValue) return;
    linked.current = undefined;
    const risk = value.risks.find((r) => r.id === id);
    if (!risk) setLinkOutcome('notFound');
    else if (!accessValue.canEdit) setLinkOutcome('readOnly');
    else {
      // A closed risk is left out by the default filter: show every status so it stays in view.
      if (risk.status !== 'Open') setFilter((f) => ({ ...f, status: undefined }));
      setReviewing(true);
      setEditing(risk);
    }
  }, [value, accessValue]);

  const services: Service[] = React.useMemo(
    () => (value?.services ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [value]
  );
  const serviceNames = React.useMemo(() => new Map(services.map((s) => [s.id, s.name])), [services]);
  const canEdit = access.value?.canEdit === true;

  // The heat map counts the risks the other filters leave; the cell then narrows the list.
  const beforeCell = React.useMemo(() => filterRisks(risks, { ...filter, cell: undefined }, today, services), [risks, filter, today, services]);
  const matrix = React.useMemo(() => buildMatrix(beforeCell, filter.basis), [beforeCell, filter.basis]);
  const shown = React.useMemo(() => sortByResidual(filterRisks(risks, filter, today, services)), [risks, filter, today, services]);
  const councils = React.useMemo(() => partnerCouncilsOf(services), [services]);

  const people = React.useMemo(() => {
    const found = new Map<number, Person>();
    for (const r of risks) if (r.owner && r.owner.displayName) found.set(r.owner.id, r.owner);
    for (const s of services) if (s.serviceLead && s.serviceLead.displayName) found.set(s.serviceLead.id, s.serviceLead);
    if (access.value) found.set(access.value.me.id, access.value.me);
    return Array.from(found.values()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }, [risks, services, access.value]);

  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        rich: { whiteSpace: 'normal', selectors: { p: { margin: '0 0 6px' }, ul: { margin: '0 0 6px', paddingLeft: 18 } } },
        cell: { whiteSpace: 'normal', lineHeight: '1.4' },
        subtle: { color: theme.semanticColors.bodySubtext, display: 'block' },
        chip: { display: 'inline-block', padding: '1px 6px', borderRadius: 2, fontWeight: 600 },
        overdue: { color: theme.semanticColors.errorText, fontWeight: 600, display: 'block' },
        change: { whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 4 }
      }),
    [theme]
  );

  const columns: IColumn[] = React.useMemo(() => {
    const score = (r: Risk, basis: ScoreBasis): JSX.Element => {
      const value = safeScore(r, basis);
      if (value === undefined) return <span>{strings.NotSet}</span>;
      const band = riskBand(value);
      const colours = bandColours(theme, band);
      return (
        <span className={classes.chip} style={{ background: colours.background, color: colours.color }} data-band={band}>
          {formatString(strings.ScoreWithBand, value, BAND_LABELS[band])}
        </span>
      );
    };
    const cols: IColumn[] = [
      {
        key: 'title',
        name: strings.ColumnRisk,
        minWidth: 160,
        maxWidth: 280,
        isMultiline: true,
        onRender: (r: Risk) => (
          <div className={classes.cell}>
            <strong>{r.title}</strong>
            <RowProblems item={r} className={classes.subtle} />
            <span className={classes.subtle}>
              {r.serviceId === undefined ? strings.ProgrammeWide : serviceNames.get(r.serviceId) ?? strings.UnknownService}
            </span>
          </div>
        )
      },
      {
        key: 'owner',
        name: strings.ColumnOwner,
        minWidth: 100,
        maxWidth: 160,
        isMultiline: true,
        onRender: (r: Risk) => <span className={classes.cell}>{r.owner?.displayName || strings.NotSet}</span>
      },
      { key: 'inherent', name: strings.ColumnInherentScore, minWidth: 90, maxWidth: 130, onRender: (r: Risk) => score(r, 'inherent') },
      { key: 'residual', name: strings.ColumnResidualScore, minWidth: 90, maxWidth: 130, onRender: (r: Risk) => score(r, 'residual') },
      {
        key: 'change',
        name: strings.ColumnChange,
        minWidth: 100,
        maxWidth: 150,
        isMultiline: true,
        onRender: (r: Risk) => <ChangeCell risk={r} className={classes.change} />
      },
      {
        key: 'review',
        name: strings.ColumnReviewDate,
        minWidth: 100,
        maxWidth: 140,
        isMultiline: true,
        onRender: (r: Risk) => {
          const date = formatDate(r.reviewDate);
          if (!date) return <span>{strings.NotSet}</span>;
          return isReviewOverdue(r, today) ? (
            <span className={classes.cell} aria-label={formatString(strings.ReviewOverdueLabel, date)} data-overdue="true">
              {date}
              <span className={classes.overdue}>
                <Icon iconName="Warning" aria-hidden="true" /> {strings.ReviewOverdue}
              </span>
            </span>
          ) : (
            <span>{date}</span>
          );
        }
      },
      { key: 'status', name: strings.ColumnRiskStatus, minWidth: 60, maxWidth: 70, onRender: (r: Risk) => r.status },
      {
        key: 'controls',
        name: strings.ColumnControls,
        minWidth: 170,
        maxWidth: 320,
        isMultiline: true,
        onRender: (r: Risk) => <RichText html={r.controls} className={classes.rich} />
      }
    ];
    if (canEdit) cols.push(editColumn<Risk>(openEditor));
    return withWrappingHeaders(cols);
  }, [classes, serviceNames, canEdit, theme, today, openEditor]);

  const onSaved = React.useCallback((saved: Risk) => {
    setRisks((list) => withSaved(list, saved));
    setEditing(undefined);
    setReviewing(false);
  }, []);

  if (loading && !value) return <Loading />;

  const serviceOptions: IDropdownOption[] = [
    { key: ALL, text: strings.FilterAllServices },
    { key: PROGRAMME_WIDE, text: strings.ProgrammeWide },
    ...services.map((s) => ({ key: s.id, text: s.name }))
  ];
  const statusOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllDeliveryStatuses }, ...RISK_STATUSES.map((s) => ({ key: s, text: s }))];
  const councilOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllCouncils }, ...councils.map((c) => ({ key: c, text: c }))];
  const basisOptions: IChoiceGroupOption[] = [
    { key: 'inherent', text: strings.HeatMapInherent },
    { key: 'residual', text: strings.HeatMapResidual }
  ];
  const setCell = (cell: MatrixCellKey | undefined): void => setFilter((f) => ({ ...f, cell }));

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.RisksHeading}
      </Text>
      <Text as="p">{strings.RisksIntro}</Text>
      <ErrorBar error={error} onRetry={reload} />
      {value && (
        <>
          <ItemProblems sources={[{ kind: strings.ItemKindService, items: value.services, nameOf: (s: Service) => s.name }, { kind: strings.ItemKindRisk, items: value.risks, nameOf: (r: Risk) => r.title }]} />
          <Stack
            horizontal
            wrap
            verticalAlign="end"
            tokens={{ childrenGap: 12 }}
            role="group"
            aria-label={strings.RisksFiltersLabel}
            className={noPrint}
          >
            <Stack.Item styles={{ root: { minWidth: 220, maxWidth: '100%' } }}>
              <SearchBox
                placeholder={strings.RisksSearchLabel}
                ariaLabel={strings.RisksSearchLabel}
                value={filter.search ?? ''}
                onChange={(_e, v) => setFilter((f) => ({ ...f, search: v || undefined }))}
              />
            </Stack.Item>
            <Dropdown
              label={strings.FilterServiceLabel}
              options={serviceOptions}
              selectedKey={filter.serviceId ?? ALL}
              onChange={(e, o) =>
                setFilter((f) => ({ ...f, serviceId: o?.key === ALL ? undefined : (o?.key as number | typeof PROGRAMME_WIDE) }))
              }
              styles={{ root: { minWidth: 220, maxWidth: '100%' } }}
            />
            <Dropdown
              label={strings.FilterRiskStatusLabel}
              options={statusOptions}
              selectedKey={filter.status ?? ALL}
              onChange={(e, o) => setFilter((f) => ({ ...f, status: o?.key === ALL ? undefined : (o?.key as RiskStatus) }))}
              styles={{ root: { minWidth: 140 } }}
            />
            <Dropdown
              label={strings.FilterCouncilLabel}
              options={councilOptions}
              selectedKey={filter.council ?? ALL}
              onChange={(e, o) => setFilter((f) => ({ ...f, council: o?.key === ALL ? undefined : String(o?.key) }))}
              styles={{ root: { minWidth: 200, maxWidth: '100%' } }}
            />
            <Toggle
              label={strings.FilterOverdueOnly}
              checked={filter.overdueOnly === true}
              onChange={(e, checked) => setFilter((f) => ({ ...f, overdueOnly: checked === true }))}
            />
            {canEdit && <PrimaryButton iconProps={{ iconName: 'Add' }} text={strings.NewRisk} onClick={() => openEditor('new')} />}
            <ExportButton onExport={() => downloadRisks(shown, services, filter, today)} />
          </Stack>
          <PrintFilters
            filters={[
              ...(filter.search ? [[strings.RisksSearchLabel, filter.search] as const] : []),
              [strings.FilterServiceLabel, optionText(serviceOptions, filter.serviceId ?? ALL)],
              [strings.FilterCouncilLabel, optionText(councilOptions, filter.council ?? ALL)],
              [strings.FilterRiskStatusLabel, optionText(statusOptions, filter.status ?? ALL)],
              [strings.HeatMapBasisLabel, optionText(basisOptions, filter.basis)],
              ...(filter.overdueOnly ? [[strings.FilterOverdueOnly] as const] : [])
            ]}
          />
          {access.value && !canEdit && (
            <MessageBar className={noPrint} messageBarType={MessageBarType.info}>
              {strings.RegisterReadOnlyNotice}
            </MessageBar>
          )}
          {linkOutcome && (
            <MessageBar
              messageBarType={MessageBarType.warning}
              onDismiss={() => setLinkOutcome(undefined)}
              dismissButtonAriaLabel={strings.Dismiss}
              data-testid="review-link"
            >
              {linkOutcome === 'notFound' ? strings.RiskReviewLinkNotFound : strings.RiskReviewLinkReadOnly}
            </MessageBar>
          )}
          <section aria-labelledby={headingId}>
            <Text variant="large" as="h3" id={headingId}>
              {strings.HeatMapHeading}
            </Text>
            <ChoiceGroup
              label={strings.HeatMapBasisLabel}
              options={basisOptions}
              selectedKey={filter.basis}
              onChange={(e, o) => setFilter((f) => ({ ...f, basis: o?.key as ScoreBasis, cell: undefined }))}
              styles={{ flexContainer: { display: 'flex', gap: 16, flexWrap: 'wrap' } }}
              className={noPrint}
            />
            <HeatMap matrix={matrix} selected={filter.cell} onSelect={setCell} labelledBy={headingId} />
            {matrix.unplaced.length > 0 && (
              <MessageBar messageBarType={MessageBarType.warning}>{formatCount(matrix.unplaced.length, strings.HeatMapUnplacedOne, strings.HeatMapUnplaced)}</MessageBar>
            )}
          </section>
          {filter.cell && (
            <div data-testid="cell-filter">
              <MessageBar
                messageBarType={MessageBarType.info}
                actions={<DefaultButton className={noPrint} text={strings.ClearCellFilter} onClick={() => setCell(undefined)} />}
              >
                {formatString(
                  strings.HeatMapFilterActive,
                  filter.basis === 'inherent' ? strings.HeatMapFilterInherent : strings.HeatMapFilterResidual,
                  scaleText('likelihood', filter.cell.likelihood),
                  scaleText('impact', filter.cell.impact)
                )}
              </MessageBar>
            </div>
          )}
          <section aria-label={strings.RisksHeading}>
            {shown.length === 0 ? (
              <Text as="p">{risks.length === 0 ? strings.RisksNone : strings.RisksNoMatch}</Text>
            ) : (
              <RegisterList items={shown} columns={columns} setKey="risks" ariaLabel={strings.RisksHeading} />
            )}
          </section>
        </>
      )}
      {editing !== undefined && access.value && (
        <OnDemand>
          <RiskForm
            repositories={repositories}
            services={services}
            people={people}
            risk={editing === 'new' ? undefined : editing}
            review={reviewing && editing !== 'new'}
            userId={access.value.me.id}
            today={today}
            risks={risks}
            onSaved={onSaved}
            onDismiss={() => {
              setEditing(undefined);
              setReviewing(false);
            }}
          />
        </OnDemand>
      )}
    </Stack>
  );
}

/** The text of the option chosen (for the printed filter line). */
function optionText(options: ReadonlyArray<{ key: string | number; text: string }>, key: string | number): string {
  return options.find((o) => o.key === key)?.text ?? String(key);
}

/** "Up from 9" with an arrow, "Down from 12", "No change" or "New this quarter". */
function ChangeCell(props: { risk: Risk; className: string }): JSX.Element {
  const { risk, className } = props;
  const change = safeResidualChange(risk);
  const previous = risk.previousResidualScore ?? 0;
  switch (change) {
    case 'up':
      return (
        <span className={className} data-change="up">
          <Icon iconName="SortUp" aria-hidden="true" />
          {formatString(strings.ChangeUp, previous)}
        </span>
      );
    case 'down':
      return (
        <span className={className} data-change="down">
          <Icon iconName="SortDown" aria-hidden="true" />
          {formatString(strings.ChangeDown, previous)}
        </span>
      );
    case 'same':
      return (
        <span className={className} data-change="same">
          {strings.ChangeSame}
        </span>
      );
    case 'new':
      return (
        <span className={className} data-change="new">
          {strings.ChangeNew}
        </span>
      );
    default:
      return <span>{strings.NotSet}</span>;
  }
}
