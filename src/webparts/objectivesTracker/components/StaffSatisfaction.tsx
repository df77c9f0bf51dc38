/**
 * Staff satisfaction (framework report, para 11: "staff will be surveyed every other quarter"):
 * each service's survey results with response rate, share satisfied and the trend, when its next
 * survey is due, and the themes raised. The service's lead (or an editor) enters a result.
 */
import * as React from 'react';
import { Dropdown, IColumn, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField, mergeStyleSets } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { CalendarConfig, comparePeriodIds, nextDeadline, periodById } from '../../../domain/calendar';
import { isSurveyDue, nextSurveyDue, responseRate } from '../../../domain/cycle';
import { lastQuarters } from '../../../domain/measures';
import { shortPeriodLabel } from '../../../domain/report';
import type { Service, StaffSurvey } from '../../../domain/types';
import { validateStaffSurvey, ValidationError } from '../../../domain/validation';
import type { NewItem } from '../../../data/repositories';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { useToday } from '../../../components/clock';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { RichText } from '../../../components/RichText';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { RegisterList, withSaved } from '../../../components/editableList';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatString } from '../../../components/format';
import { richTextToPlain, sanitiseRichText } from '../../../components/sanitise';
import { parseTypedNumber } from '../measureActualForm';
import { ExportButton } from '../../../components/ExportButton';
import { noPrint } from '../../../components/print';

// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const exportOf = (): Promise<[typeof import('../exportObjectives'), typeof import('../../../components/exportSheet')]> =>
  Promise.all([import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportObjectives'), import(/* webpackChunkName: 'ssm-xlsx-export' */ '../../../components/exportSheet')]);

/** Props of `StaffSatisfaction`. */
export interface IStaffSatisfactionProps {
  /** Today (YYYY-MM-DD); the user's date by default. */
  today?: string;
  /** Reporting calendar. */
  calendar?: Partial<CalendarConfig>;
}

const classes = mergeStyleSets({ cell: { whiteSpace: 'normal', lineHeight: '1.4' }, subtle: { display: 'block', opacity: 0.8 }, due: { fontWeight: 600 } });

/** A service's row: its surveys newest first. */
interface IServiceRow {
  id: number;
  service: Service;
  surveys: StaffSurvey[];
}

/** Whether the user may enter the service's survey result: its lead or an editor, with edit rights on the list. */
function mayEnter(service: Service, meId: number, canEditSurveys: boolean, isEditor: boolean): boolean {
  return canEditSurveys && (isEditor || service.serviceLead?.id === meId);
}

/** The staff satisfaction screen. */
export function StaffSatisfaction(props: IStaffSatisfactionProps): JSX.Element {
  const { calendar } = props;
  const repositories = useRepositories();
  // The tree's clock: the browser's in SharePoint, the workbench's day when `?today=` moves it.
  const today = useToday(props.today);
  const periodId = React.useMemo(() => nextDeadline(today, calendar).id, [today, calendar]);
  const load = useAsync(() => loadWithAccess(repositories, ['services', 'staffSurveys'], ['staffSurveys', 'services']), [repositories]);
  const [surveys, setSurveys] = React.useState<StaffSurvey[]>([]);
  const [entering, setEntering] = React.useState<{ survey?: StaffSurvey } | undefined>(undefined);
  React.useEffect(() => {
    if (load.value) setSurveys(load.value.data.staffSurveys);
  }, [load.value]);
  const label = React.useCallback((id: string) => shortPeriodLabel(periodById(id, calendar)), [calendar]);
  const me = load.value?.me;
  const canEditSurveys = load.value?.canEditList.staffSurveys === true;
  const isEditor = load.value?.canEditList.services === true;
  const services = React.useMemo(() => (load.value?.data.services ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [load.value]);
  const writable = React.useMemo(() => services.filter((s) => me !== undefined && mayEnter(s, me.id, canEditSurveys, isEditor)), [services, me, canEditSurveys, isEditor]);
  const rows: IServiceRow[] = React.useMemo(
    () =>
      services.map((service) => ({
        id: service.id,
        service,
        surveys: surveys.filter((s) => s.serviceId === service.id).sort((a, b) => comparePeriodIds(b.periodId, a.periodId))
      })),
    [services, surveys]
  );

  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'service', name: lazyStrings.FieldService, minWidth: 160, maxWidth: 240, isMultiline: true, onRender: (r: IServiceRow) => <strong className={classes.cell}>{r.service.name}</strong> },
      {
        key: 'latest',
        name: lazyStrings.ColumnLatestSurvey,
        minWidth: 170,
        maxWidth: 240,
        isMultiline: true,
        onRender: (r: IServiceRow) => {
          const latest = r.surveys[0];
          if (!latest) return <span>{lazyStrings.SurveyNone}</span>;
          const rate = responseRate(latest);
          return (
            <span className={classes.cell}>
              {formatString(lazyStrings.SurveySatisfied, latest.satisfiedPercent)}
              <span className={classes.subtle}>
                {label(latest.periodId)}
                {rate !== undefined ? `, ${formatString(lazyStrings.SurveyResponseRate, latest.responses, latest.surveyed, rate)}` : ''}
              </span>
            </span>
          );
        }
      },
      {
        key: 'trend',
        name: lazyStrings.ColumnSinceLastSurvey,
        minWidth: 110,
        maxWidth: 140,
        onRender: (r: IServiceRow) => {
          const [latest, before] = r.surveys;
          if (!latest) return <span>{strings.ReportNotReported}</span>;
          if (!before) return <span>{strings.ReportTrendNew}</span>;
          const change = latest.satisfiedPercent - before.satisfiedPercent;
          return <span>{change > 0 ? strings.ReportTrendImproved : change < 0 ? strings.ReportTrendWorsened : strings.ReportTrendSame}</span>;
        }
      },
      {
        key: 'due',
        name: lazyStrings.ColumnNextSurvey,
        minWidth: 120,
        maxWidth: 150,
        isMultiline: true,
        onRender: (r: IServiceRow) =>
          isSurveyDue(r.surveys, periodId, calendar) ? (
            <span className={classes.due}>{formatString(lazyStrings.SurveyDueNow, label(periodId))}</span>
          ) : (
            <span>{label(nextSurveyDue(r.surveys, periodId, calendar))}</span>
          )
      },
      { key: 'themes', name: lazyStrings.FieldSurveyThemes, minWidth: 220, maxWidth: 400, isMultiline: true, onRender: (r: IServiceRow) => (r.surveys[0] ? <RichText html={r.surveys[0].themes} /> : null) }
    ];
    return withWrappingHeaders(cols);
  }, [periodId, calendar, label]);

  if (load.loading && !load.value) return <Loading />;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {lazyStrings.StaffSatisfactionHeading}
      </Text>
      <Text as="p">{lazyStrings.StaffSatisfactionIntro}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {load.value && (
        <>
          <Stack horizontal wrap verticalAlign="start" tokens={{ childrenGap: 12 }} className={noPrint}>
            {writable.length > 0 && <PrimaryButton iconProps={{ iconName: 'Add' }} text={lazyStrings.NewSurvey} onClick={() => setEntering({})} />}
            <ExportButton
              onExport={async () => {
                const [sheets, files] = await exportOf();
                const nextDue = (r: { surveys: readonly StaffSurvey[] }): string =>
                  isSurveyDue(r.surveys, periodId, calendar) ? formatString(lazyStrings.SurveyDueNow, label(periodId)) : label(nextSurveyDue(r.surveys, periodId, calendar));
                return files.downloadSheet(sheets.surveyExportSheet(rows, label, nextDue), 'Staff-Satisfaction', today);
              }}
            />
          </Stack>
          {writable.length === 0 && <MessageBar messageBarType={MessageBarType.info}>{strings.RegisterReadOnlyNotice}</MessageBar>}
          <section aria-label={lazyStrings.StaffSatisfactionHeading}>
            <RegisterList items={rows} columns={columns} setKey="staffSurveys" ariaLabel={lazyStrings.StaffSatisfactionHeading} />
          </section>
        </>
      )}
      {entering && me && (
        <SurveyForm
          services={writable}
          surveys={surveys}
          periods={lastQuarters(periodId, 4, calendar).reverse()}
          periodLabel={label}
          userId={me.id}
          onSaved={(saved) => {
            setSurveys((list) => withSaved(list, saved));
            setEntering(undefined);
          }}
          onDismiss={() => setEntering(undefined)}
        />
      )}
    </Stack>
  );
}

/** Values of the survey form: numbers kept as typed so nothing is lost on a failed save. */
interface ISurveyValues {
  serviceId?: number;
  periodId?: string;
  surveyed: string;
  responses: string;
  satisfiedPercent: string;
  themes: string;
}

/** Enter a survey result. */
function SurveyForm(props: {
  services: readonly Service[];
  surveys: readonly StaffSurvey[];
  periods: readonly string[];
  periodLabel: (id: string) => string;
  userId: number;
  onSaved: (s: StaffSurvey) => void;
  onDismiss: () => void;
}): JSX.Element {
  const { services, surveys, periods, periodLabel, userId, onSaved, onDismiss } = props;
  const repositories = useRepositories();
  const toValues = React.useCallback(
    (): ISurveyValues => ({ serviceId: services.length === 1 ? services[0].id : undefined, periodId: periods[0], surveyed: '', responses: '', satisfiedPercent: '', themes: '' }),
    [services, periods]
  );
  const convert = React.useCallback(
    (v: ISurveyValues): { model: NewItem<StaffSurvey>; errors: ValidationError[] } => {
      const model = {
        serviceId: v.serviceId,
        periodId: v.periodId,
        surveyed: parseTypedNumber(v.surveyed),
        responses: parseTypedNumber(v.responses),
        satisfiedPercent: parseTypedNumber(v.satisfiedPercent),
        themes: sanitiseRichText(v.themes)
      };
      const errors = validateStaffSurvey(model);
      // One result per service and survey period.
      if (surveys.some((s) => s.serviceId === v.serviceId && v.periodId !== undefined && comparePeriodIds(s.periodId, v.periodId) === 0)) {
        errors.push({ field: 'periodId', code: 'duplicateValue', label: lazyStrings.FieldSurveyPeriod, message: formatString(lazyStrings.SurveyAlreadyEntered, v.periodId ? periodLabel(v.periodId) : '') });
      }
      return { model: model as NewItem<StaffSurvey>, errors };
    },
    [surveys, periodLabel]
  );
  const editor = useItemEditor<ISurveyValues, StaffSurvey>({ list: 'staffSurveys', repository: repositories.staffSurveys, userId, item: undefined, toValues, convert, onSaved });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;
  const surveyed = parseTypedNumber(values.surveyed);
  const responses = parseTypedNumber(values.responses);
  const rate = surveyed !== undefined && responses !== undefined && !isNaN(surveyed) && !isNaN(responses) ? responseRate({ surveyed, responses }) : undefined;
  const number = (key: 'surveyed' | 'responses' | 'satisfiedPercent', text: string): JSX.Element => (
    <TextField label={text} required={true} inputMode="decimal" value={values[key]} onChange={(e, v) => set({ [key]: v ?? '' })} errorMessage={fieldErrors[key]} />
  );
  return (
    <ItemEditorPanel
      title={lazyStrings.SurveyFormTitle}
      editor={editor}
      onDismiss={onDismiss}
      conflictRows={(theirs) => [{ key: 'themes', label: lazyStrings.FieldSurveyThemes, mine: richTextToPlain(values.themes), theirs: richTextToPlain(theirs.themes), differs: true }]}
    >
      <Dropdown
        label={lazyStrings.FieldService}
        required={true}
        options={services.map((s): IDropdownOption => ({ key: s.id, text: s.name }))}
        selectedKey={values.serviceId ?? null}
        onChange={(e, o) => set({ serviceId: o?.key as number })}
        errorMessage={fieldErrors.serviceId}
      />
      <Dropdown
        label={lazyStrings.FieldSurveyPeriod}
        required={true}
        options={periods.map((p): IDropdownOption => ({ key: p, text: periodLabel(p) }))}
        selectedKey={values.periodId ?? null}
        onChange={(e, o) => set({ periodId: o ? String(o.key) : undefined })}
        errorMessage={fieldErrors.periodId}
      />
      {number('surveyed', lazyStrings.FieldSurveyed)}
      {number('responses', lazyStrings.FieldResponses)}
      {rate !== undefined && <Text as="p" aria-live="polite">{formatString(lazyStrings.SurveyRatePreview, rate)}</Text>}
      {number('satisfiedPercent', lazyStrings.FieldSatisfiedPercent)}
      <RichTextEditor label={lazyStrings.FieldSurveyThemes} value={values.themes} onChange={(html) => set({ themes: html })} />
    </ItemEditorPanel>
  );
}
