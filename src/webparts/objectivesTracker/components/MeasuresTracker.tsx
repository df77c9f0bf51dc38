/**
 * Service performance measures from the business plans: for each measure its target, the last
 * four quarters' actuals with a RAG rating against target (in words as well as colour) and the
 * trend since the quarter before. The officer responsible (or the service's lead, or an editor)
 * enters the quarter's actual with a comment; the reminder mail's `?measure=<id>` opens that entry.
 */
import * as React from 'react';
import { ActionButton, DefaultButton, Dropdown, IColumn, IDropdownOption, MessageBar, MessageBarType, Stack, Text, TextField, mergeStyleSets } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { CalendarConfig, nextDeadline, periodById } from '../../../domain/calendar';
import { MeasureTrack, trackMeasure } from '../../../domain/measures';
import { shortPeriodLabel } from '../../../domain/report';
import type { Measure, MeasureActual, Person, Service } from '../../../domain/types';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { useToday } from '../../../components/clock';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { RagBadge } from '../../../components/RagBadge';
import { RegisterList, withSaved } from '../../../components/editableList';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { formatString } from '../../../components/format';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { useItemEditor } from '../../../components/useItemEditor';
import type { IConflictRow } from '../../../components/ItemConflict';
import { richTextToPlain } from '../../../components/richTextPlain';
import { lazyComponent, OnDemand } from '../../../components/lazyComponent';
import { ExportButton } from '../../../components/ExportButton';
import { actualValues, convertActual, IActualsAccess, IActualValues, mayEnterActual } from '../measureActualForm';

// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const exportOf = (): Promise<[typeof import('../exportObjectives'), typeof import('../../../components/exportSheet')]> =>
  Promise.all([import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportObjectives'), import(/* webpackChunkName: 'ssm-xlsx-export' */ '../../../components/exportSheet')]);

const MeasureForm = lazyComponent(() => import(/* webpackChunkName: 'ssm-measure-form' */ './MeasureForm').then((m) => m.MeasureForm));

/** Props of `MeasuresTracker`. */
export interface IMeasuresTrackerProps {
  /** Today (YYYY-MM-DD); the user's date by default. */
  today?: string;
  /** Reporting calendar. */
  calendar?: Partial<CalendarConfig>;
}

const ALL = 'all';
const TREND_LABELS: Record<NonNullable<MeasureTrack['trend']>, string> = {
  improved: strings.ReportTrendImproved,
  worsened: strings.ReportTrendWorsened,
  same: strings.ReportTrendSame,
  new: strings.ReportTrendNew
};

const classes = mergeStyleSets({
  cell: { whiteSpace: 'normal', lineHeight: '1.4' },
  subtle: { display: 'block', opacity: 0.8 },
  correct: { display: 'block', height: 24, padding: 0 }
});

/** The measure actual deep link of the reminder emails (`?measure=<id>`), if the page was opened with one. */
function deepLinkedMeasure(): number | undefined {
  if (typeof window === 'undefined') return undefined;
  const id = Number(new URLSearchParams(window.location.search).get('measure'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/** A row: the measure and its track record. */
interface IMeasureRow {
  id: number;
  measure: Measure;
  track: MeasureTrack;
}

/** The measures tracker. */
export function MeasuresTracker(props: IMeasuresTrackerProps): JSX.Element {
  const { calendar } = props;
  const repositories = useRepositories();
  // The tree's clock: the browser's in SharePoint, the workbench's day when `?today=` moves it.
  const today = useToday(props.today);
  // The quarter officers are reporting on: the first whose deadline has not passed.
  const periodId = React.useMemo(() => nextDeadline(today, calendar).id, [today, calendar]);
  const load = useAsync(() => loadWithAccess(repositories, ['services', 'measures', 'measureActuals'], ['measureActuals', 'measures']), [repositories]);
  const [actuals, setActuals] = React.useState<MeasureActual[]>([]);
  const [serviceId, setServiceId] = React.useState<number | undefined>(undefined);
  // The measure and quarter whose actual is being entered: the current quarter, or an earlier
  // one being corrected.
  const [entering, setEntering] = React.useState<{ measure: Measure; periodId: string } | undefined>(undefined);
  const [defining, setDefining] = React.useState<Measure | 'new' | undefined>(undefined);
  const [measures, setMeasures] = React.useState<Measure[]>([]);
  const [linkProblem, setLinkProblem] = React.useState<string | undefined>(undefined);
  const linked = React.useRef(deepLinkedMeasure());
  const data = load.value?.data;
  React.useEffect(() => {
    if (data) {
      setActuals(data.measureActuals);
      setMeasures(data.measures);
    }
  }, [data]);

  const services: Service[] = React.useMemo(() => (data?.services ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [data]);
  const access = React.useMemo<IActualsAccess | undefined>(
    () => (load.value ? { me: load.value.me, canEditActuals: load.value.canEditList.measureActuals === true, isEditor: load.value.canEditList.measures === true } : undefined),
    [load.value]
  );
  const rows: IMeasureRow[] = React.useMemo(() => {
    const byMeasure = new Map<number, MeasureActual[]>();
    for (const a of actuals) byMeasure.set(a.measureId, (byMeasure.get(a.measureId) ?? []).concat(a));
    const order = new Map(services.map((s, i) => [s.id, i]));
    return measures
      .filter((m) => serviceId === undefined || m.serviceId === serviceId)
      .sort((a, b) => (order.get(a.serviceId) ?? 0) - (order.get(b.serviceId) ?? 0) || a.id - b.id)
      .map((m) => {
        // Actuals stored on the measure itself (older data) count until one is entered in the list.
        const own = Object.keys(m.actuals ?? {}).map((p) => ({ periodId: p, value: m.actuals[p] }));
        return { id: m.id, measure: m, track: trackMeasure(m, [...own, ...(byMeasure.get(m.id) ?? [])], periodId, calendar) };
      });
  }, [measures, actuals, services, serviceId, periodId, calendar]);

  // The reminder's link opens the entry once the data and permission are in.
  React.useEffect(() => {
    const id = linked.current;
    if (id === undefined || !data || !access) return;
    linked.current = undefined;
    const measure = data.measures.find((m) => m.id === id);
    if (!measure) setLinkProblem(lazyStrings.MeasureLinkNotFound);
    else if (!mayEnterActual(measure, data.services, access)) setLinkProblem(lazyStrings.MeasureLinkReadOnly);
    else setEntering({ measure, periodId });
  }, [data, access]);

  const quarterLabel = (id: string): string => shortPeriodLabel(periodById(id, calendar));
  const columns = React.useMemo(() => {
    const first = rows[0]?.track.quarters ?? [];
    const names = new Map(services.map((s) => [s.id, s.name]));
    const cols: IColumn[] = [
      {
        key: 'measure',
        name: lazyStrings.ColumnMeasure,
        minWidth: 200,
        maxWidth: 300,
        isMultiline: true,
        onRender: (r: IMeasureRow) => (
          <div className={classes.cell}>
            <strong>{r.measure.title}</strong>
            <span className={classes.subtle}>{names.get(r.measure.serviceId) ?? strings.UnknownService}</span>
          </div>
        )
      },
      {
        key: 'target',
        name: lazyStrings.ColumnTarget,
        minWidth: 90,
        maxWidth: 130,
        isMultiline: true,
        onRender: (r: IMeasureRow) => (
          <span className={classes.cell}>
            {formatString(lazyStrings.MeasureValue, r.measure.target, r.measure.unit)}
            <span className={classes.subtle}>{r.measure.direction}</span>
          </span>
        )
      },
      ...first.map(
        (q, i): IColumn => ({
          key: `q${i}`,
          name: quarterLabel(q.periodId),
          minWidth: 90,
          maxWidth: 120,
          isMultiline: true,
          onRender: (r: IMeasureRow) => {
            const quarter = r.track.quarters[i];
            // An earlier quarter's actual can be corrected by whoever may enter the measure's actuals.
            const correct =
              quarter.periodId !== periodId && mayEnterActual(r.measure, services, access) ? (
                <ActionButton
                  className={classes.correct}
                  iconProps={{ iconName: 'Edit' }}
                  text={quarter.value === undefined ? lazyStrings.AddEarlierActual : lazyStrings.CorrectActual}
                  ariaLabel={formatString(lazyStrings.CorrectActualLabel, r.measure.title, quarterLabel(quarter.periodId))}
                  onClick={() => setEntering({ measure: r.measure, periodId: quarter.periodId })}
                />
              ) : null;
            if (quarter.value === undefined || !quarter.rag) {
              return (
                <span className={classes.cell}>
                  {strings.ReportNotReported}
                  {correct}
                </span>
              );
            }
            return (
              <span className={classes.cell}>
                {formatString(lazyStrings.MeasureValue, quarter.value, r.measure.unit)}
                <span className={classes.subtle}>
                  <RagBadge rag={quarter.rag} />
                </span>
                {correct}
              </span>
            );
          }
        })
      ),
      {
        key: 'trend',
        name: strings.ReportColumnTrend,
        minWidth: 90,
        maxWidth: 110,
        onRender: (r: IMeasureRow) => <span>{r.track.trend ? TREND_LABELS[r.track.trend] : strings.ReportNotReported}</span>
      }
    ];
    if (access?.isEditor) {
      cols.push({
        key: 'define',
        name: lazyStrings.ColumnDefinition,
        minWidth: 90,
        maxWidth: 110,
        onRender: (r: IMeasureRow) => (
          <ActionButton iconProps={{ iconName: 'Settings' }} text={strings.EditItem} ariaLabel={formatString(strings.EditItemLabel, r.measure.title)} onClick={() => setDefining(r.measure)} />
        )
      });
    }
    if (rows.some((r) => mayEnterActual(r.measure, services, access))) {
      cols.push({
        key: 'actions',
        name: strings.ColumnActions,
        minWidth: 110,
        maxWidth: 140,
        onRender: (r: IMeasureRow) =>
          mayEnterActual(r.measure, services, access) ? (
            <ActionButton iconProps={{ iconName: 'Edit' }} text={lazyStrings.EnterActual} ariaLabel={formatString(lazyStrings.EnterActualLabel, r.measure.title)} onClick={() => setEntering({ measure: r.measure, periodId })} />
          ) : null
      });
    }
    return withWrappingHeaders(cols);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, services, access, calendar, periodId]);

  if (load.loading && !load.value) return <Loading />;
  const serviceOptions: IDropdownOption[] = [{ key: ALL, text: strings.FilterAllServices }, ...services.map((s) => ({ key: s.id, text: s.name }))];
  const existing = entering ? actuals.find((a) => a.measureId === entering.measure.id && a.periodId === entering.periodId) : undefined;

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {lazyStrings.MeasuresHeading}
      </Text>
      <Text as="p">{formatString(lazyStrings.MeasuresIntro, quarterLabel(periodId))}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {linkProblem && (
        <MessageBar messageBarType={MessageBarType.warning} onDismiss={() => setLinkProblem(undefined)} dismissButtonAriaLabel={strings.Dismiss}>
          {linkProblem}
        </MessageBar>
      )}
      {data && (
        <>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }} role="group" aria-label={lazyStrings.MeasuresFiltersLabel}>
            <Dropdown
              label={strings.FilterServiceLabel}
              options={serviceOptions}
              selectedKey={serviceId ?? ALL}
              onChange={(e, o) => setServiceId(o?.key === ALL ? undefined : (o?.key as number))}
              styles={{ root: { minWidth: 220 } }}
            />
            {access?.isEditor && <DefaultButton iconProps={{ iconName: 'Add' }} text={lazyStrings.NewMeasure} onClick={() => setDefining('new')} styles={{ root: { alignSelf: 'flex-end' } }} />}
            <Stack.Item align="end">
              <ExportButton
                onExport={async () => {
                  const [sheets, files] = await exportOf();
                  const filters = serviceId === undefined ? [] : [[strings.FilterServiceLabel, services.find((s) => s.id === serviceId)?.name ?? strings.UnknownService] as const];
                  return files.downloadSheet(sheets.measureExportSheet(rows, services, quarterLabel, filters), 'Measures', today);
                }}
              />
            </Stack.Item>
          </Stack>
          {access && !access.canEditActuals && <MessageBar messageBarType={MessageBarType.info}>{strings.RegisterReadOnlyNotice}</MessageBar>}
          <section aria-label={lazyStrings.MeasuresHeading}>
            {rows.length === 0 ? <Text as="p">{lazyStrings.MeasuresNone}</Text> : <RegisterList items={rows} columns={columns} setKey="measures" ariaLabel={lazyStrings.MeasuresHeading} />}
          </section>
        </>
      )}
      {defining !== undefined && access && (
        <OnDemand>
          <MeasureForm
            measure={defining === 'new' ? undefined : defining}
            services={services}
            people={peopleOf(services, measures, access.me)}
            userId={access.me.id}
            onSaved={(saved) => {
              setMeasures((list) => withSaved(list, saved));
              setDefining(undefined);
            }}
            onDismiss={() => setDefining(undefined)}
          />
        </OnDemand>
      )}
      {entering && access && (
        <ActualForm
          key={`${entering.measure.id}|${entering.periodId}`}
          measure={entering.measure}
          periodLabel={quarterLabel(entering.periodId)}
          periodId={entering.periodId}
          actual={existing}
          me={access.me}
          onSaved={(saved) => {
            setActuals((list) => withSaved(list, saved));
            setEntering(undefined);
          }}
          onDismiss={() => setEntering(undefined)}
        />
      )}
    </Stack>
  );
}

/** People to offer as a measure's responsible officer: leads, current officers and the user. */
function peopleOf(services: readonly Service[], measures: readonly Measure[], me: Person): Person[] {
  const found = new Map<number, Person>([[me.id, me]]);
  for (const s of services) if (s.serviceLead?.displayName) found.set(s.serviceLead.id, s.serviceLead);
  for (const m of measures) if (m.responsibleOfficer?.displayName) found.set(m.responsibleOfficer.id, m.responsibleOfficer);
  return Array.from(found.values()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** Props of `ActualForm`. */
interface IActualFormProps {
  measure: Measure;
  periodId: string;
  periodLabel: string;
  actual: MeasureActual | undefined;
  me: Person;
  onSaved: (actual: MeasureActual) => void;
  onDismiss: () => void;
}

/** The quarter's actual of one measure, with a comment. */
function ActualForm(props: IActualFormProps): JSX.Element {
  const { measure, periodId, periodLabel, actual, me, onSaved, onDismiss } = props;
  const repositories = useRepositories();
  const convert = React.useCallback((v: IActualValues) => convertActual(v, { measureId: measure.id, periodId, me }), [measure.id, periodId, me]);
  const editor = useItemEditor<IActualValues, MeasureActual>({
    list: 'measureActuals',
    repository: repositories.measureActuals,
    userId: me.id,
    item: actual,
    toValues: actualValues,
    convert,
    onSaved
  });
  const { values, setValues, fieldErrors } = editor;
  const conflictRows = (theirs: MeasureActual): IConflictRow[] => [
    { key: 'value', label: lazyStrings.FieldActual, mine: values.value, theirs: String(theirs.value), differs: values.value.trim() !== String(theirs.value) },
    { key: 'comment', label: lazyStrings.FieldActualComment, mine: richTextToPlain(values.comment), theirs: richTextToPlain(theirs.comment), differs: richTextToPlain(values.comment) !== richTextToPlain(theirs.comment) }
  ];
  return (
    <ItemEditorPanel title={formatString(lazyStrings.ActualFormTitle, measure.title, periodLabel)} editor={editor} conflictRows={conflictRows} onDismiss={onDismiss}>
      <Text as="p">{formatString(lazyStrings.ActualFormTarget, formatString(lazyStrings.MeasureValue, measure.target, measure.unit), measure.direction)}</Text>
      <TextField
        label={formatString(lazyStrings.FieldActualWithUnit, measure.unit || '–')}
        required={true}
        value={values.value}
        inputMode="decimal"
        onChange={(e, v) => setValues((old) => ({ ...old, value: v ?? '' }))}
        errorMessage={fieldErrors.value}
      />
      <RichTextEditor label={lazyStrings.FieldActualComment} value={values.comment} onChange={(html) => setValues((old) => ({ ...old, comment: html }))} />
    </ItemEditorPanel>
  );
}
