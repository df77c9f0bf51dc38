/**
 * The benefits tracker: benefits under the four categories of the business case, with the
 * columns of the February 2022 report's table (benefit, original position, what it will
 * achieve, when delivered, benefits realised), £ savings per partner council with totals per
 * council, per service and overall, and a chart of realised against planned savings.
 * Filters by service, category and delivery status; create and edit for users who may edit.
 * Tabs beside it hold the other registers the annual review reads (best practice, lessons
 * learned, successes) and the shared services themselves.
 */
import * as React from 'react';
import {
  Dropdown,
  IColumn,
  IDropdownOption,
  Link,
  MessageBar,
  MessageBarType,
  Pivot,
  PivotItem,
  Stack,
  Text,
  mergeStyleSets,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Benefit, Person, Service } from '../../../domain/types';
import { BENEFIT_CATEGORIES, BENEFIT_DELIVERY_STATUSES, BenefitCategory, BenefitDeliveryStatus } from '../../../domain/vocabularies';
import { ALL, optionText, RegisterFilters } from '../../../components/RegisterFilters';
import { useToday } from '../../../components/clock';
import { partnerCouncilsOf } from '../../../domain/search';
import { BenefitFilter, benefitSavings, filterBenefits, fteChange, groupByCategory, hasSavings, savingsSummary } from '../../../domain/benefits';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { ItemProblems, RowProblems } from '../../../components/ItemProblems';
import { RichText } from '../../../components/RichText';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { actionsColumn, RegisterList, withSaved } from '../../../components/editableList';
import { formatPounds, formatString } from '../../../components/format';
import { safeHref } from '../../../domain/links';
import { SavingsSummary } from './SavingsSummary';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { noPrint, PrintFilters } from '../../../components/print';

// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const downloadBenefits = async (...args: Parameters<typeof import('../exportBenefits').downloadBenefits>): Promise<string> =>
  (await import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportBenefits')).downloadBenefits(...args);

const Registers = (): Promise<typeof import('./AnnualReviewRegisters')> =>
  import(/* webpackChunkName: 'ssm-annual-review-registers' */ './AnnualReviewRegisters');
const BestPracticeRegister = lazyComponent(() => Registers().then((m) => m.BestPracticeRegister));
const LessonsRegister = lazyComponent(() => Registers().then((m) => m.LessonsRegister));
const SuccessesRegister = lazyComponent(() => Registers().then((m) => m.SuccessesRegister));
const ServicesRegister = lazyComponent(() => Registers().then((m) => m.ServicesRegister));

const BudgetOverview = lazyComponent(() => import(/* webpackChunkName: 'ssm-budget-overview' */ './BudgetOverview').then((m) => m.BudgetOverview));

const BenefitForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-benefit-form' */ './BenefitForm').then((m) => m.BenefitForm));
const BenefitHistoryPanel = lazyComponent(() =>
  import(/* webpackChunkName: 'ssm-benefit-history' */ '../benefitHistory').then((m) => m.BenefitHistoryPanel)
);

/** Props of `BenefitsTracker` (none: filters are chosen on the page). */
export interface IBenefitsTrackerProps {}

/** Who is signed in and whether they may edit benefits. */
interface IAccess {
  canEdit: boolean;
  me: Person;
}

/** The tabs of the web part. */
type RegisterTab = 'benefits' | 'budget' | 'bestPractice' | 'lessons' | 'successes' | 'services';

/** The benefits tracker and, on tabs beside it, best practice, lessons learned and the services. */
export function BenefitsTracker(props: IBenefitsTrackerProps): JSX.Element {
  const [tab, setTab] = React.useState<RegisterTab>('benefits');
  const shown = (which: RegisterTab): JSX.Element => {
    switch (which) {
      case 'benefits':
        return <BenefitsRegister {...props} />;
      case 'budget':
        return <OnDemand><BudgetOverview /></OnDemand>;
      case 'bestPractice':
        return <OnDemand><BestPracticeRegister /></OnDemand>;
      case 'lessons':
        return <OnDemand><LessonsRegister /></OnDemand>;
      case 'successes':
        return <OnDemand><SuccessesRegister /></OnDemand>;
      case 'services':
        return <OnDemand><ServicesRegister /></OnDemand>;
    }
  };
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Pivot
        className={noPrint}
        overflowBehavior="menu"
        overflowAriaLabel={strings.TabsMore}
        aria-label={strings.RegisterTabsLabel}
        selectedKey={tab}
        onLinkClick={(item) => item && setTab(item.props.itemKey as RegisterTab)}
        headersOnly={true}
      >
        <PivotItem itemKey="benefits" headerText={strings.RegisterTabBenefits} />
        <PivotItem itemKey="budget" headerText={strings.RegisterTabBudget} />
        <PivotItem itemKey="bestPractice" headerText={strings.RegisterTabBestPractice} />
        <PivotItem itemKey="lessons" headerText={strings.RegisterTabLessons} />
        <PivotItem itemKey="successes" headerText={strings.RegisterTabSuccesses} />
        <PivotItem itemKey="services" headerText={strings.RegisterTabServices} />
      </Pivot>
      {shown(tab)}
    </Stack>
  );
}

/** Benefits grouped by category, read with one `loadInitial` round trip. */
function BenefitsRegister(props: IBenefitsTrackerProps): JSX.Element {
  const repositories = useRepositories();
  const theme = useTheme();
  // Lists, user and permission in one $batch.
  const load = useAsync(() => loadWithAccess(repositories, ['services', 'benefits'], 'benefits'), [repositories]);
  const { loading, error, reload } = load;
  const value = load.value?.data;
  const accessValue = React.useMemo<IAccess | undefined>(
    () => (load.value ? { canEdit: load.value.canEdit, me: load.value.me } : undefined),
    [load.value]
  );
  const access = { value: accessValue };
  const [benefits, setBenefits] = React.useState<Benefit[]>([]);
  const [filter, setFilter] = React.useState<BenefitFilter>({});
  const today = useToday();
  // undefined: no panel; 'new': a new benefit; otherwise the benefit edited.
  const [editing, setEditing] = React.useState<Benefit | 'new' | undefined>(undefined);
  // The benefit whose change history is open (read from SharePoint's version history when it opens).
  const [historyOf, setHistoryOf] = React.useState<Benefit | undefined>(undefined);
  const history = repositories.history;

  React.useEffect(() => {
    if (value) setBenefits(value.benefits);
  }, [value]);

  const services: Service[] = React.useMemo(
    () => (value?.services ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [value]
  );
  const serviceNames = React.useMemo(() => new Map(services.map((s) => [s.id, s.name])), [services]);
  const canEdit = access.value?.canEdit === true;

  const shown = React.useMemo(() => filterBenefits(benefits, filter, services), [benefits, filter, services]);
  const councils = React.useMemo(() => partnerCouncilsOf(services), [services]);
  const groups = React.useMemo(
    () => groupByCategory(shown).filter((g) => filter.category === undefined || g.category === filter.category),
    [shown, filter.category]
  );
  const summary = React.useMemo(() => {
    const inScope = filter.serviceId === undefined ? services : services.filter((s) => s.id === filter.serviceId);
    return savingsSummary(shown, inScope);
  }, [shown, services, filter.serviceId]);

  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        rich: { selectors: { p: { margin: '0 0 6px' }, ul: { margin: '0 0 6px', paddingLeft: 18 } }, whiteSpace: 'normal' },
        cell: { whiteSpace: 'normal', lineHeight: '1.4' },
        subtle: { color: theme.semanticColors.bodySubtext, display: 'block' },
        status: { display: 'block', fontWeight: 600, marginTop: 4 }
      }),
    [theme]
  );

  const columns: IColumn[] = React.useMemo(() => {
    const cols: IColumn[] = [
      {
        key: 'title',
        name: strings.ColumnBenefit,
        minWidth: 160,
        maxWidth: 240,
        isMultiline: true,
        onRender: (b: Benefit) => (
          <div className={classes.cell}>
            <strong>{b.title}</strong>
            <RowProblems item={b} className={classes.subtle} />
            <span className={classes.subtle}>{serviceNames.get(b.serviceId) ?? strings.UnknownService}</span>
          </div>
        )
      },
      {
        key: 'original',
        name: strings.ColumnOriginalPosition,
        minWidth: 160,
        maxWidth: 260,
        isMultiline: true,
        onRender: (b: Benefit) => <RichText html={b.originalPosition} className={classes.rich} />
      },
      {
        key: 'achievement',
        name: strings.ColumnAchievement,
        minWidth: 160,
        maxWidth: 260,
        isMultiline: true,
        onRender: (b: Benefit) => <RichText html={b.achievement} className={classes.rich} />
      },
      {
        key: 'when',
        name: strings.ColumnWhenDelivered,
        minWidth: 110,
        maxWidth: 150,
        isMultiline: true,
        onRender: (b: Benefit) => (
          <div className={classes.cell}>
            {b.whenDelivered || strings.NotSet}
            <span className={classes.status}>{b.deliveryStatus}</span>
          </div>
        )
      },
      {
        key: 'realised',
        name: strings.ColumnBenefitsRealised,
        minWidth: 170,
        maxWidth: 300,
        isMultiline: true,
        onRender: (b: Benefit) => (
          <div className={classes.cell}>
            <RichText html={b.realised} className={classes.rich} />
            <EvidenceLink benefit={b} />
          </div>
        )
      },
      {
        key: 'savings',
        name: strings.ColumnSavings,
        minWidth: 160,
        maxWidth: 240,
        isMultiline: true,
        onRender: (b: Benefit) => <BenefitFigures benefit={b} className={classes.cell} subtle={classes.subtle} />
      }
    ];
    if (canEdit || history) cols.push(actionsColumn<Benefit>({ onEdit: canEdit ? setEditing : undefined, onHistory: history ? setHistoryOf : undefined }));
    return withWrappingHeaders(cols);
  }, [classes, serviceNames, canEdit, history]);

  const onSaved = React.useCallback((saved: Benefit) => {
    setBenefits((list) => withSaved(list, saved));
    setEditing(undefined);
  }, []);

  if (loading && !value) return <Loading />;

  const serviceOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllServices }, ...services.map((s) => ({ key: s.id, text: s.name }))];
  const categoryOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllCategories }, ...BENEFIT_CATEGORIES.map((c) => ({ key: c, text: c }))];
  const statusOptions: IDropdownOption[] = [
    { key: ALL, text: strings.FilterAllDeliveryStatuses },
    ...BENEFIT_DELIVERY_STATUSES.map((c) => ({ key: c, text: c }))
  ];
  const councilOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllCouncils }, ...councils.map((c) => ({ key: c, text: c }))];

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {strings.BenefitsHeading}
      </Text>
      <Text as="p">{strings.BenefitsIntro}</Text>
      <ErrorBar error={error} onRetry={reload} />
      {value && (
        <>
          <ItemProblems sources={[{ kind: strings.ItemKindService, items: value.services, nameOf: (s: Service) => s.name }, { kind: strings.ItemKindBenefit, items: value.benefits, nameOf: (b: Benefit) => b.title }]} />
          <RegisterFilters
            label={strings.BenefitsFiltersLabel}
            searchLabel={strings.BenefitsSearchLabel}
            search={filter.search}
            onSearch={(search) => setFilter((f) => ({ ...f, search }))}
            serviceOptions={serviceOptions}
            serviceKey={filter.serviceId ?? ALL}
            onService={(key) => setFilter((f) => ({ ...f, serviceId: key === ALL ? undefined : (key as number) }))}
            councilOptions={councilOptions}
            councilKey={filter.council ?? ALL}
            onCouncil={(key) => setFilter((f) => ({ ...f, council: key === ALL ? undefined : key }))}
            newItem={canEdit ? { text: strings.NewBenefit, onClick: () => setEditing('new') } : undefined}
            onExport={() => downloadBenefits(groups.flatMap((g) => g.benefits), services, filter, today)}
          >
            <Dropdown
              label={strings.FilterCategoryLabel}
              options={categoryOptions}
              selectedKey={filter.category ?? ALL}
              onChange={(e, o) => setFilter((f) => ({ ...f, category: o?.key === ALL ? undefined : (o?.key as BenefitCategory) }))}
              styles={{ root: { minWidth: 200 } }}
            />
            <Dropdown
              label={strings.FilterDeliveryStatusLabel}
              options={statusOptions}
              selectedKey={filter.deliveryStatus ?? ALL}
              onChange={(e, o) =>
                setFilter((f) => ({ ...f, deliveryStatus: o?.key === ALL ? undefined : (o?.key as BenefitDeliveryStatus) }))
              }
              styles={{ root: { minWidth: 160 } }}
            />
          </RegisterFilters>
          <PrintFilters
            filters={[
              ...(filter.search ? [[strings.BenefitsSearchLabel, filter.search] as const] : []),
              [strings.FilterServiceLabel, optionText(serviceOptions, filter.serviceId ?? ALL)],
              [strings.FilterCouncilLabel, optionText(councilOptions, filter.council ?? ALL)],
              [strings.FilterCategoryLabel, optionText(categoryOptions, filter.category ?? ALL)],
              [strings.FilterDeliveryStatusLabel, optionText(statusOptions, filter.deliveryStatus ?? ALL)]
            ]}
          />
          {access.value && !canEdit && (
            <MessageBar className={noPrint} messageBarType={MessageBarType.info}>
              {strings.RegisterReadOnlyNotice}
            </MessageBar>
          )}
          <section aria-label={strings.SavingsTotalsHeading}>
            <Text variant="large" as="h3">
              {strings.SavingsTotalsHeading}
            </Text>
            <SavingsSummary summary={summary} />
          </section>
          {groups.map(({ category, benefits: items }) => (
            <section key={category} aria-label={category}>
              <Text variant="large" as="h3">
                {category}
              </Text>
              {items.length === 0 ? (
                <Text as="p">{strings.BenefitsNone}</Text>
              ) : (
                <RegisterList items={items} columns={columns} setKey={category} ariaLabel={category} />
              )}
            </section>
          ))}
        </>
      )}
      {editing !== undefined && access.value && (
        <OnDemand>
          <BenefitForm
            repositories={repositories}
            services={services}
            benefit={editing === 'new' ? undefined : editing}
            userId={access.value.me.id}
            benefits={benefits}
            onSaved={onSaved}
            onDismiss={() => setEditing(undefined)}
          />
        </OnDemand>
      )}
      {historyOf && history && (
        <OnDemand>
          <BenefitHistoryPanel benefit={historyOf} history={history} services={services} onDismiss={() => setHistoryOf(undefined)} />
        </OnDemand>
      )}
    </Stack>
  );
}

/** Savings per council with the benefit's total, and FTE before/after. */
/**
 * A benefit's evidence: a link only when the stored address is https, http or mailto. The column
 * can be written through REST, SharePoint's list form or an import, so anything else (javascript:,
 * data:, a relative path) is shown as text, never put in an href.
 */
function EvidenceLink(props: { benefit: Benefit }): JSX.Element {
  const { benefit } = props;
  if (!benefit.evidenceUrl) return <></>;
  const href = safeHref(benefit.evidenceUrl);
  if (!href) return <Text variant="small" block>{formatString(strings.EvidenceNotALink, benefit.evidenceUrl)}</Text>;
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" aria-label={formatString(strings.EvidenceLinkLabel, benefit.title)}>
      {strings.EvidenceLink}
    </Link>
  );
}

function BenefitFigures(props: { benefit: Benefit; className: string; subtle: string }): JSX.Element {
  const { benefit, className, subtle } = props;
  const total = benefitSavings(benefit);
  const freed = fteChange(benefit);
  return (
    <div className={className}>
      {hasSavings(benefit) && (
        <>
          {benefit.savings.map((s) => (
            <span key={s.council} className={subtle}>
              {formatString(strings.SavingsCouncilLine, s.council, formatPounds(s.planned), formatPounds(s.realised))}
            </span>
          ))}
          <strong>{formatString(strings.SavingsBenefitTotal, formatPounds(total.planned), formatPounds(total.realised))}</strong>
        </>
      )}
      {(benefit.fteBefore !== undefined || benefit.fteAfter !== undefined) && (
        <span className={subtle}>
          {benefit.fteBefore !== undefined && benefit.fteAfter !== undefined
            ? formatString(strings.FteLine, benefit.fteBefore, benefit.fteAfter)
            : benefit.fteBefore !== undefined
              ? formatString(strings.FteBeforeOnly, benefit.fteBefore)
              : formatString(strings.FteAfterOnly, benefit.fteAfter ?? 0)}
          {freed !== undefined && freed > 0 ? ` (${formatString(strings.FteFreed, freed)})` : ''}
        </span>
      )}
    </div>
  );
}
