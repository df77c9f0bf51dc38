/**
 * The registers beside the benefits tracker: best practice passed between partner councils,
 * lessons learned and areas of success (all read by the annual review), filtered by service, council and category,
 * and the shared services themselves with their partner councils and lead. Everyone may read
 * them; users who may edit the list add and edit (site owners and editors for services).
 */
import * as React from 'react';
import { ActionButton, DefaultButton, Dropdown, IColumn, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, mergeStyleSets } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { EditableListKey, ListRepository, Repositories } from '../../../data/repositories';
import type { ImportListKind } from '../../../domain/import/columns';
import type { BestPractice, LessonLearned, Person, Service, Stored, Success } from '../../../domain/types';
import { AnnualReviewFilter, filterBestPractice, filterLessons, filterSuccesses, knownCouncils, SuccessFilter } from '../../../domain/annualReview';
import { BEST_PRACTICE_CATEGORIES, LESSON_CATEGORIES, SUCCESS_CATEGORIES } from '../../../domain/vocabularies';
import { useRepositories } from '../../../components/RepositoriesContext';
import { IAsyncState, useAsync } from '../../../components/useAsync';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { RichText } from '../../../components/RichText';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { editColumn, RegisterList, useEditedList } from '../../../components/editableList';
import { formatDate, formatString } from '../../../components/format';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { ExportButton } from '../../../components/ExportButton';
import { noPrint } from '../../../components/print';
import { useToday } from '../../../components/clock';
import type { ExportSheet } from '../../../reports/xlsx';

/** Saves a register's Excel export; the sheet builders and the xlsx writer load when Export is chosen. */
async function exportRegister<T>(build: (sheets: typeof import('../exportAnnualReview')) => ExportSheet<T>, name: string, today: string): Promise<string> {
  const [sheets, files] = await Promise.all([
    import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportAnnualReview'),
    import(/* webpackChunkName: 'ssm-xlsx-export' */ '../../../components/exportSheet')
  ]);
  return files.downloadSheet(build(sheets), name, today);
}

const Forms = (): Promise<typeof import('./AnnualReviewForms')> => import(/* webpackChunkName: 'ssm-annual-review-forms' */ './AnnualReviewForms');
const BestPracticeForm = lazyComponent(() => Forms().then((m) => m.BestPracticeForm));
const LessonForm = lazyComponent(() => Forms().then((m) => m.LessonForm));
const SuccessForm = lazyComponent(() => Forms().then((m) => m.SuccessForm));
const ServiceForm = lazyComponent(() => Forms().then((m) => m.ServiceForm));

const ImportPanel = lazyComponent(() => import(/* webpackChunkName: 'ssm-import-panel' */ '../../../components/import/ImportPanel').then((m) => m.ImportPanel));

const ALL = 'all';
const PROGRAMME = 'programme';

const classes = mergeStyleSets({
  rich: { whiteSpace: 'normal', selectors: { p: { margin: '0 0 6px' }, ul: { margin: '0 0 6px', paddingLeft: 18 } } },
  cell: { whiteSpace: 'normal', lineHeight: '1.4' }
});

/** A register's items, the services, the user and whether they may edit the list. */
interface IRegisterData<T> {
  services: Service[];
  items: T[];
  me: Person;
  canEdit: boolean;
}

/** State of a register screen: its load, the items shown and the item being edited. */
interface IRegisterState<T> {
  repositories: Repositories;
  load: IAsyncState<IRegisterData<T>>;
  items: T[];
  editing: T | 'new' | undefined;
  setEditing: React.Dispatch<React.SetStateAction<T | 'new' | undefined>>;
  onSaved: (saved: T) => void;
}

/** Loads the services with the user and permission in one batch, and the register's items beside it. */
function useRegister<T extends Stored>(list: EditableListKey, repository: (r: Repositories) => ListRepository<T>): IRegisterState<T> {
  const repositories = useRepositories();
  const load = useAsync(async (): Promise<IRegisterData<T>> => {
    const [access, items] = await Promise.all([loadWithAccess(repositories, ['services'], list), repository(repositories).getAll()]);
    const services = access.data.services.slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    return { services, items, me: access.me, canEdit: access.canEdit };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repositories, list]);
  const { items, editing, setEditing, onSaved } = useEditedList<T>(load.value?.items);
  return { repositories, load, items, editing, setEditing, onSaved };
}

/** "Import from a spreadsheet" for a register, with the import panel (dry run first) it opens; the register reloads after an import. */
function RegisterImportButton(props: { list: ImportListKind; onImported: () => void }): JSX.Element {
  const [open, setOpen] = React.useState(false);
  return (
    <>
      <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={strings.ImportButton} onClick={() => setOpen(true)} />
      {open && (
        <OnDemand>
          <ImportPanel list={props.list} isOpen={true} onDismiss={() => setOpen(false)} onImported={props.onImported} />
        </OnDemand>
      )}
    </>
  );
}

/** The service filter's options: all, programme-wide, then each service. */
function serviceFilterOptions(services: readonly Service[], programmeWide: boolean): IDropdownOption[] {
  return [
    { key: ALL, text: strings.FilterAllServices },
    ...(programmeWide ? [{ key: PROGRAMME, text: strings.ProgrammeWide }] : []),
    ...services.map((s) => ({ key: s.id, text: s.name }))
  ];
}

const serviceName = (services: readonly Service[], id: number | undefined): string =>
  id === undefined ? strings.ProgrammeWide : services.find((s) => s.id === id)?.name ?? strings.UnknownService;

/** What every register's filter holds: a service, a council and, where the register has them, a category. */
interface IRegisterFilter {
  serviceId?: number | 'programme';
  council?: string;
  category?: string;
}

/** Filters shared by the annual review registers: service, council and (with `categories`) category. */
function Filters<F extends IRegisterFilter>(props: {
  label: string;
  services: readonly Service[];
  councils: readonly string[];
  filter: F;
  setFilter: React.Dispatch<React.SetStateAction<F>>;
  /** The register's categories; no category filter without them. */
  categories?: readonly string[];
  /** Whether programme-wide items exist in this register (successes always name a service). */
  programmeWide?: boolean;
  children?: React.ReactNode;
}): JSX.Element {
  const { services, councils, filter, setFilter } = props;
  return (
    <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }} role="group" aria-label={props.label}>
      <Dropdown
        label={strings.FilterServiceLabel}
        options={serviceFilterOptions(services, props.programmeWide !== false)}
        selectedKey={filter.serviceId ?? ALL}
        onChange={(e, o) => setFilter((f) => ({ ...f, serviceId: o?.key === ALL ? undefined : (o?.key as number | 'programme') }))}
        styles={{ root: { minWidth: 220 } }}
      />
      <Dropdown
        label={strings.FilterCouncilLabel}
        options={[{ key: ALL, text: strings.FilterAllCouncils }, ...councils.map((c) => ({ key: c, text: c }))]}
        selectedKey={filter.council ?? ALL}
        onChange={(e, o) => setFilter((f) => ({ ...f, council: o?.key === ALL ? undefined : String(o?.key) }))}
        styles={{ root: { minWidth: 220 } }}
      />
      {props.categories && (
        <Dropdown
          label={strings.FilterCategoryLabel}
          options={[{ key: ALL, text: strings.FilterAllCategories }, ...props.categories.map((c) => ({ key: c, text: c }))]}
          selectedKey={filter.category ?? ALL}
          onChange={(e, o) => setFilter((f) => ({ ...f, category: o?.key === ALL ? undefined : String(o?.key) }))}
          styles={{ root: { minWidth: 160 } }}
        />
      )}
      {props.children}
    </Stack>
  );
}

/** What a register screen shows around its list: heading, filters and actions, the list, and the edit form. */
interface IRegisterScreenProps<T extends Stored, F extends IRegisterFilter> {
  list: 'bestPractice' | 'lessonsLearned' | 'successes';
  register: IRegisterState<T>;
  heading: string;
  intro: string;
  filtersLabel: string;
  newLabel: string;
  noneText: string;
  services: readonly Service[];
  councils: readonly string[];
  filter: F;
  setFilter: React.Dispatch<React.SetStateAction<F>>;
  categories: readonly string[];
  programmeWide?: boolean;
  shown: T[];
  columns: IColumn[];
  onExport: () => Promise<string>;
  /** The add or edit form for `item` (undefined: a new one). */
  renderForm: (item: T | undefined, me: Person, onDismiss: () => void) => JSX.Element;
}

/** The layout every annual review register shares, so each register only says what differs. */
function RegisterScreen<T extends Stored, F extends IRegisterFilter>(props: IRegisterScreenProps<T, F>): JSX.Element {
  const { load, items, editing, setEditing } = props.register;
  const data = load.value;
  const canEdit = data?.canEdit === true;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {props.heading}
      </Text>
      <Text as="p">{props.intro}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {load.loading && !data && <Loading />}
      {data && (
        <>
          <Filters
            label={props.filtersLabel}
            services={props.services}
            councils={props.councils}
            filter={props.filter}
            setFilter={props.setFilter}
            categories={props.categories}
            programmeWide={props.programmeWide}
          >
            {canEdit && <PrimaryButton iconProps={{ iconName: 'Add' }} text={props.newLabel} onClick={() => setEditing('new')} />}
            {canEdit && <RegisterImportButton list={props.list} onImported={load.reload} />}
            <ExportButton onExport={props.onExport} />
          </Filters>
          {!canEdit && <MessageBar messageBarType={MessageBarType.info}>{strings.RegisterReadOnlyNotice}</MessageBar>}
          <section aria-label={props.heading}>
            {props.shown.length === 0 ? (
              <Text as="p">{items.length === 0 ? props.noneText : lazyStrings.RegisterNoMatch}</Text>
            ) : (
              <RegisterList items={props.shown} columns={props.columns} setKey={props.list} ariaLabel={props.heading} />
            )}
          </section>
          {editing !== undefined && <OnDemand>{props.renderForm(editing === 'new' ? undefined : editing, data.me, () => setEditing(undefined))}</OnDemand>}
        </>
      )}
    </Stack>
  );
}

/** Best practice one partner council passed to another. */
export function BestPracticeRegister(): JSX.Element {
  const register = useRegister<BestPractice>('bestPractice', (r) => r.bestPractice);
  const { repositories, load, items, setEditing, onSaved } = register;
  const today = useToday();
  const [filter, setFilter] = React.useState<AnnualReviewFilter>({});
  const data = load.value;
  const services = React.useMemo(() => data?.services ?? [], [data]);
  const councils = React.useMemo(() => knownCouncils(services, items), [services, items]);
  const shown = React.useMemo(() => filterBestPractice(items, filter), [items, filter]);
  const canEdit = data?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'title', name: lazyStrings.ColumnBestPractice, minWidth: 180, maxWidth: 260, isMultiline: true, onRender: (p: BestPractice) => <strong className={classes.cell}>{p.title}</strong> },
      { key: 'from', name: lazyStrings.FieldFromCouncil, minWidth: 130, maxWidth: 180, isMultiline: true, onRender: (p: BestPractice) => <span className={classes.cell}>{p.fromCouncil}</span> },
      { key: 'to', name: lazyStrings.FieldToCouncil, minWidth: 130, maxWidth: 180, isMultiline: true, onRender: (p: BestPractice) => <span className={classes.cell}>{p.toCouncil}</span> },
      { key: 'service', name: lazyStrings.FieldService, minWidth: 120, maxWidth: 180, isMultiline: true, onRender: (p: BestPractice) => <span className={classes.cell}>{serviceName(services, p.serviceId)}</span> },
      { key: 'category', name: lazyStrings.FieldBestPracticeCategory, minWidth: 100, maxWidth: 140, isMultiline: true, onRender: (p: BestPractice) => <span className={classes.cell}>{p.category ?? strings.NotSet}</span> },
      { key: 'description', name: lazyStrings.FieldDescription, minWidth: 220, maxWidth: 420, isMultiline: true, onRender: (p: BestPractice) => <RichText html={p.description} className={classes.rich} /> }
    ];
    if (canEdit) cols.push(editColumn<BestPractice>(setEditing));
    return withWrappingHeaders(cols);
  }, [services, canEdit, setEditing]);

  return (
    <RegisterScreen
      list="bestPractice"
      register={register}
      heading={strings.BestPracticeHeading}
      intro={lazyStrings.BestPracticeIntro}
      filtersLabel={lazyStrings.BestPracticeFiltersLabel}
      newLabel={lazyStrings.NewBestPractice}
      noneText={lazyStrings.BestPracticeNone}
      services={services}
      councils={councils}
      filter={filter}
      setFilter={setFilter}
      categories={BEST_PRACTICE_CATEGORIES}
      shown={shown}
      columns={columns}
      onExport={() => exportRegister((m) => m.bestPracticeExportSheet(shown, services, filter), 'Best-Practice', today)}
      renderForm={(item, me, onDismiss) => (
        <BestPracticeForm repositories={repositories} item={item} userId={me.id} services={services} councils={councils} onSaved={onSaved} onDismiss={onDismiss} />
      )}
    />
  );
}

/** Lessons learned from sharing services. */
export function LessonsRegister(): JSX.Element {
  const register = useRegister<LessonLearned>('lessonsLearned', (r) => r.lessonsLearned);
  const { repositories, load, items, setEditing, onSaved } = register;
  const today = useToday();
  const [filter, setFilter] = React.useState<AnnualReviewFilter>({});
  const data = load.value;
  const services = React.useMemo(() => data?.services ?? [], [data]);
  const councils = React.useMemo(() => knownCouncils(services), [services]);
  const shown = React.useMemo(() => filterLessons(items, filter, services), [items, filter, services]);
  const canEdit = data?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'title', name: lazyStrings.FieldLessonSummary, minWidth: 180, maxWidth: 260, isMultiline: true, onRender: (l: LessonLearned) => <strong className={classes.cell}>{l.title}</strong> },
      { key: 'service', name: lazyStrings.FieldService, minWidth: 120, maxWidth: 180, isMultiline: true, onRender: (l: LessonLearned) => <span className={classes.cell}>{serviceName(services, l.serviceId)}</span> },
      { key: 'category', name: lazyStrings.FieldLessonCategory, minWidth: 90, maxWidth: 120, onRender: (l: LessonLearned) => l.category },
      { key: 'lesson', name: lazyStrings.FieldLesson, minWidth: 240, maxWidth: 480, isMultiline: true, onRender: (l: LessonLearned) => <RichText html={l.lesson} className={classes.rich} /> }
    ];
    if (canEdit) cols.push(editColumn<LessonLearned>(setEditing));
    return withWrappingHeaders(cols);
  }, [services, canEdit, setEditing]);

  return (
    <RegisterScreen
      list="lessonsLearned"
      register={register}
      heading={strings.LessonsHeading}
      intro={lazyStrings.LessonsIntro}
      filtersLabel={lazyStrings.LessonsFiltersLabel}
      newLabel={lazyStrings.NewLesson}
      noneText={lazyStrings.LessonsNone}
      services={services}
      councils={councils}
      filter={filter}
      setFilter={setFilter}
      categories={LESSON_CATEGORIES}
      shown={shown}
      columns={columns}
      onExport={() => exportRegister((m) => m.lessonsExportSheet(shown, services, filter), 'Lessons-Learned', today)}
      renderForm={(item, me, onDismiss) => <LessonForm repositories={repositories} item={item} userId={me.id} services={services} onSaved={onSaved} onDismiss={onDismiss} />}
    />
  );
}

/** Areas of success and achievements of the services, for the annual review. */
export function SuccessesRegister(): JSX.Element {
  const register = useRegister<Success>('successes', (r) => r.successes);
  const { repositories, load, items, setEditing, onSaved } = register;
  const today = useToday();
  const [filter, setFilter] = React.useState<SuccessFilter>({});
  const data = load.value;
  const services = React.useMemo(() => data?.services ?? [], [data]);
  const councils = React.useMemo(() => knownCouncils(services), [services]);
  const shown = React.useMemo(
    () => filterSuccesses(items, filter, services).sort((a, b) => b.achievedOn.localeCompare(a.achievedOn) || a.title.localeCompare(b.title, 'en-GB')),
    [items, filter, services]
  );
  const canEdit = data?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'title', name: lazyStrings.FieldSuccess, minWidth: 180, maxWidth: 260, isMultiline: true, onRender: (x: Success) => <strong className={classes.cell}>{x.title}</strong> },
      { key: 'service', name: lazyStrings.FieldService, minWidth: 120, maxWidth: 180, isMultiline: true, onRender: (x: Success) => <span className={classes.cell}>{serviceName(services, x.serviceId)}</span> },
      { key: 'category', name: lazyStrings.FieldSuccessCategory, minWidth: 100, maxWidth: 140, isMultiline: true, onRender: (x: Success) => <span className={classes.cell}>{x.category}</span> },
      {
        key: 'councils',
        name: lazyStrings.FieldCouncilsBenefiting,
        minWidth: 130,
        maxWidth: 200,
        isMultiline: true,
        onRender: (x: Success) => <span className={classes.cell}>{(x.councils ?? []).length > 0 ? x.councils.join(', ') : strings.AllPartnerCouncils}</span>
      },
      { key: 'achievedOn', name: lazyStrings.FieldAchievedOn, minWidth: 90, maxWidth: 110, onRender: (x: Success) => formatDate(x.achievedOn) ?? strings.NotSet },
      { key: 'achievement', name: lazyStrings.FieldSuccessAchievement, minWidth: 220, maxWidth: 420, isMultiline: true, onRender: (x: Success) => <RichText html={x.achievement} className={classes.rich} /> }
    ];
    if (canEdit) cols.push(editColumn<Success>(setEditing));
    return withWrappingHeaders(cols);
  }, [services, canEdit, setEditing]);

  return (
    <RegisterScreen
      list="successes"
      register={register}
      heading={lazyStrings.SuccessesHeading}
      intro={lazyStrings.SuccessesIntro}
      filtersLabel={lazyStrings.SuccessesFiltersLabel}
      newLabel={lazyStrings.NewSuccess}
      noneText={lazyStrings.SuccessesNone}
      services={services}
      councils={councils}
      filter={filter}
      setFilter={setFilter}
      categories={SUCCESS_CATEGORIES}
      programmeWide={false}
      shown={shown}
      columns={columns}
      onExport={() => exportRegister((m) => m.successesExportSheet(shown, services, filter), 'Successes', today)}
      renderForm={(item, me, onDismiss) => (
        <SuccessForm repositories={repositories} item={item} userId={me.id} services={services} councils={councils} onSaved={onSaved} onDismiss={onDismiss} />
      )}
    />
  );
}

/** The shared services, their phase, partner councils, lead and start; editors add and edit them. */
export function ServicesRegister(): JSX.Element {
  const repositories = useRepositories();
  const load = useAsync(() => loadWithAccess(repositories, ['services'], 'services'), [repositories]);
  const { items: services, editing, setEditing, onSaved } = useEditedList<Service>(load.value?.data.services);
  const today = useToday();
  const sorted = React.useMemo(() => services.slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [services]);
  const councils = React.useMemo(() => knownCouncils(services), [services]);
  const people = React.useMemo(() => {
    const found = new Map<number, Person>();
    for (const s of services) if (s.serviceLead && s.serviceLead.displayName) found.set(s.serviceLead.id, s.serviceLead);
    if (load.value) found.set(load.value.me.id, load.value.me);
    return Array.from(found.values()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
  }, [services, load.value]);
  const canEdit = load.value?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'name', name: lazyStrings.FieldServiceName, minWidth: 180, maxWidth: 260, isMultiline: true, onRender: (s: Service) => <strong className={classes.cell}>{s.name}</strong> },
      { key: 'phase', name: lazyStrings.FieldPhase, minWidth: 80, maxWidth: 100, onRender: (s: Service) => s.phase },
      {
        key: 'councils',
        name: lazyStrings.FieldPartnerCouncils,
        minWidth: 200,
        maxWidth: 360,
        isMultiline: true,
        onRender: (s: Service) => <span className={classes.cell}>{s.partnerCouncils.join(', ')}</span>
      },
      { key: 'lead', name: lazyStrings.FieldServiceLead, minWidth: 120, maxWidth: 180, isMultiline: true, onRender: (s: Service) => <span className={classes.cell}>{s.serviceLead?.displayName || strings.NotSet}</span> },
      { key: 'since', name: lazyStrings.FieldSharedSince, minWidth: 110, maxWidth: 140, onRender: (s: Service) => formatDate(s.sharedSince) ?? strings.NotSet }
    ];
    if (canEdit) {
      cols.push({
        key: 'actions',
        name: strings.ColumnActions,
        minWidth: 70,
        maxWidth: 80,
        onRender: (s: Service) => (
          <ActionButton iconProps={{ iconName: 'Edit' }} text={strings.EditItem} ariaLabel={formatString(strings.EditItemLabel, s.name)} onClick={() => setEditing(s)} />
        )
      });
    }
    return withWrappingHeaders(cols);
  }, [canEdit, setEditing]);

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {lazyStrings.ServicesHeading}
      </Text>
      <Text as="p">{lazyStrings.ServicesIntro}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {load.loading && !load.value && <Loading />}
      {load.value && (
        <>
          <Stack horizontal wrap verticalAlign="start" tokens={{ childrenGap: 12 }} className={noPrint}>
            {canEdit && <PrimaryButton iconProps={{ iconName: 'Add' }} text={lazyStrings.NewService} onClick={() => setEditing('new')} />}
            <ExportButton onExport={() => exportRegister((m) => m.servicesExportSheet(sorted), 'Services', today)} />
          </Stack>
          {!canEdit && <MessageBar messageBarType={MessageBarType.info}>{lazyStrings.ServicesReadOnlyNotice}</MessageBar>}
          <section aria-label={lazyStrings.ServicesHeading}>
            {sorted.length === 0 ? (
              <Text as="p">{lazyStrings.ServicesNone}</Text>
            ) : (
              <RegisterList items={sorted} columns={columns} setKey="services" ariaLabel={lazyStrings.ServicesHeading} />
            )}
          </section>
          {editing !== undefined && (
            <OnDemand>
              <ServiceForm
                repositories={repositories}
                item={editing === 'new' ? undefined : editing}
                userId={load.value.me.id}
                councils={councils}
                people={people}
                onSaved={onSaved}
                onDismiss={() => setEditing(undefined)}
              />
            </OnDemand>
          )}
        </>
      )}
    </Stack>
  );
}
