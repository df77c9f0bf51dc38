/**
 * "Import from a spreadsheet or paper" for site owners: choose a CSV, text, XLSX or DOCX file,
 * check it with a dry run (every row previewed with what will happen to it, columns that would
 * be lost, services the site lacks, rejected rows and why), then apply it after a confirmation,
 * with progress and the result; rejected rows can be downloaded as a workbook to fix and
 * import again. The same choices as the CLI: any period of any financial year, a default officer. The engine (exceljs, planning, apply) is loaded
 * on demand by `loadImportEngine`; everything written goes through the Repositories in context.
 */
import * as React from 'react';
import {
  Checkbox,
  DefaultButton,
  Link,
  Dialog,
  DialogFooter,
  DialogType,
  Dropdown,
  IDropdownOption,
  Label,
  MessageBar,
  MessageBarType,
  Panel,
  PanelType,
  PrimaryButton,
  ProgressIndicator,
  Spinner,
  SpinnerSize,
  Stack,
  Text,
  TextField,
  mergeStyleSets,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../loc/lazy';
import { IGNORE_COLUMN, IMPORT_COLUMNS, ImportListKind } from '../../domain/import/columns';
import { canApply } from '../../domain/import/plan';
import type { ImportPlan, ImportPreviewRow, NewServiceChoice, PreviewAction } from '../../domain/import/plan';
import { formatBytes, IMPORT_LIMITS } from '../../domain/import/errors';
import { emailOf } from '../../domain/import/values';
import { periodById } from '../../domain/calendar';
import { SERVICE_PHASES, ServicePhase } from '../../domain/vocabularies';
import type { ApplyResult } from '../../import/apply';
import type { Repositories } from '../../data/repositories';
import { DataTable, IDataTableColumn } from '../DataTable';
import { ErrorBar } from '../ErrorBar';
import { formatString } from '../format';
import { useRepositories } from '../RepositoriesContext';
import { useClock, useToday } from '../clock';
import { ImportEngine, loadImportEngine } from './engine';
import { readFileBytes } from './readFile';
import { TemplateLink } from './TemplateLink';
import { financialYears, quartersOf } from './periods';

/** Props of `ImportPanel`. */
export interface IImportPanelProps {
  /** List imported into. */
  list: ImportListKind;
  /** Whether the panel is shown. */
  isOpen: boolean;
  /** Closes the panel (not offered while an import is being written). */
  onDismiss: () => void;
  /** Called once an apply has written something, so the web part can reload its data. */
  onImported?: (written: ApplyResult) => void;
  /** Today as YYYY-MM-DD, for the default period; the browser's date when not given. */
  today?: string;
}

/** Where the user is in the import. */
type Stage =
  | { kind: 'choose' }
  | { kind: 'checking' }
  | { kind: 'planned'; plan: ImportPlan; sheet?: string }
  | { kind: 'applying'; plan: ImportPlan; sheet?: string; done: number; total: number }
  | { kind: 'applied'; plan: ImportPlan; result: ApplyResult };

/** The panel title of each list. */
function listName(list: ImportListKind): string {
  const names: { readonly [K in ImportListKind]: string } = {
    objectives: lazyStrings.ImportListObjectives,
    benefits: lazyStrings.ImportListBenefits,
    risks: lazyStrings.ImportListRisks,
    bestPractice: lazyStrings.ImportListBestPractice,
    lessonsLearned: lazyStrings.ImportListLessons,
    successes: lazyStrings.ImportListSuccesses
  };
  return names[list];
}

/** Number of distinct rows with at least one problem. */
function rejectedRowCount(plan: ImportPlan): number {
  return new Set(plan.reject.map((r) => r.row)).size;
}

/** What the user chose before (or after) a dry run; the CLI has the same options. */
interface ImportChoices {
  /** Period id for update columns whose heading names none; '' to rely on the headings. */
  readonly periodId: string;
  /** Default officer for new rows without one. */
  readonly defaultOfficer: string;
  /** Column choices by normalised heading. */
  readonly columns: Readonly<Record<string, string>>;
  /** Services to create. */
  readonly newServices: readonly NewServiceChoice[];
}

/** Reads the file and builds the dry run; writes nothing. */
async function dryRun(
  engine: ImportEngine,
  repositories: Repositories,
  list: ImportListKind,
  file: File,
  choices: ImportChoices,
  today: string
): Promise<{ plan: ImportPlan; sheet?: string }> {
  const data = await readFileBytes(file);
  const table = await engine.readImportFile({ name: file.name, data }, list);
  const plan = await engine.planImport(repositories, list, table, {
    sanitiser: engine.createCellSanitiser(),
    now: new Date().toISOString(),
    today,
    periodId: choices.periodId !== '' ? choices.periodId : undefined,
    defaultOfficerEmail: choices.defaultOfficer.trim() !== '' ? choices.defaultOfficer.trim() : undefined,
    columns: choices.columns,
    newServices: choices.newServices
  });
  return { plan, sheet: table.sheet };
}

/** A period's label for people (never its id). */
const periodLabel = (id: string): string => periodById(id).label;

const ACTION_TEXT: { readonly [A in PreviewAction]: string } = {
  create: lazyStrings.ImportActionCreate,
  update: lazyStrings.ImportActionUpdate,
  unchanged: lazyStrings.ImportActionUnchanged,
  reject: lazyStrings.ImportActionReject
};

const PREVIEW_COLUMNS: ReadonlyArray<IDataTableColumn<ImportPreviewRow>> = [
  { key: 'row', header: lazyStrings.ImportColumnRow, render: (r) => r.row },
  { key: 'service', header: lazyStrings.ImportColumnService, render: (r) => r.service || strings.ProgrammeWide },
  {
    key: 'title',
    header: lazyStrings.ImportColumnTitle,
    render: (r) => (
      <>
        {r.title}
        {r.actions !== undefined && r.actions > 0 && (
          <Text variant="small" block>
            {r.actions === 1 ? lazyStrings.ImportActionsOne : formatString(lazyStrings.ImportActionsMany, r.actions)}
          </Text>
        )}
        {r.formulaColumns.length > 0 && (
          <Text variant="small" block>
            {formatString(lazyStrings.ImportFormulaFlag, r.formulaColumns.join(', '))}
          </Text>
        )}
      </>
    )
  },
  { key: 'status', header: lazyStrings.ImportColumnStatus, render: (r) => r.status ?? '' },
  { key: 'rag', header: lazyStrings.ImportColumnRag, render: (r) => r.rag ?? '' },
  { key: 'period', header: lazyStrings.ImportColumnPeriod, render: (r) => r.periodIds.map(periodLabel).join('; ') },
  { key: 'officer', header: lazyStrings.ImportColumnOfficer, render: (r) => r.officer ?? '' },
  { key: 'action', header: lazyStrings.ImportColumnAction, render: (r) => <span data-action={r.action}>{ACTION_TEXT[r.action]}</span> }
];

/** A rejection with its position, so identical problems still get distinct keys. */
type NumberedRejection = ImportPlan['reject'][number] & { index: number };

const REJECT_COLUMNS: ReadonlyArray<IDataTableColumn<NumberedRejection>> = [
  { key: 'row', header: lazyStrings.ImportColumnRow, render: (r) => r.row },
  { key: 'column', header: lazyStrings.ImportColumnColumn, render: (r) => r.column },
  { key: 'reason', header: lazyStrings.ImportColumnReason, render: (r) => r.reason }
];

/** The import panel; rendered by the web part base class beside the web part's root. */
export function ImportPanel(props: IImportPanelProps): JSX.Element {
  const { list, isOpen, onDismiss, onImported } = props;
  const repositories = useRepositories();
  const theme = useTheme();
  const clock = useClock();
  const today = useToday(props.today);
  const [file, setFile] = React.useState<File | undefined>(undefined);
  const [year, setYear] = React.useState<number | undefined>(undefined);
  const [quarter, setQuarter] = React.useState<string>('');
  const [defaultOfficer, setDefaultOfficer] = React.useState('');
  const [columnChoices, setColumnChoices] = React.useState<Record<string, string>>({});
  const [serviceChoices, setServiceChoices] = React.useState<Record<string, { create: boolean; phase: ServicePhase; councils: string }>>({});
  const [stale, setStale] = React.useState(false);
  const [stage, setStage] = React.useState<Stage>({ kind: 'choose' });
  const [error, setError] = React.useState<unknown>(undefined);
  const [confirming, setConfirming] = React.useState(false);
  const [rejectedUrl, setRejectedUrl] = React.useState<string | undefined>(undefined);
  /** Bumped to clear the file input (a file input cannot be reset through its value). */
  const [inputKey, setInputKey] = React.useState(0);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  React.useEffect(() => (rejectedUrl ? () => URL.revokeObjectURL(rejectedUrl) : undefined), [rejectedUrl]);

  const fileInputId = `ssm-import-file-${list}`;
  const fileHintId = `${fileInputId}-hint`;
  const yearOptions: IDropdownOption[] = React.useMemo(
    () => [{ key: '', text: lazyStrings.ImportPeriodFromHeadings }, ...financialYears(today).map((y) => ({ key: String(y), text: quartersOf(y)[0].label.replace(/^Q1 (\S+).*$/, '$1') }))],
    [today]
  );
  const quarterOptions: IDropdownOption[] = React.useMemo(() => (year === undefined ? [] : quartersOf(year).map((p) => ({ key: p.id, text: p.label }))), [year]);
  const officerError = defaultOfficer.trim() !== '' && !emailOf(defaultOfficer) ? formatString(lazyStrings.ImportDefaultOfficerInvalid, defaultOfficer.trim()) : undefined;
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        counts: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: 0, padding: 0 },
        count: {
          listStyle: 'none',
          minWidth: 110,
          padding: '8px 12px',
          border: `1px solid ${theme.palette.neutralLight}`,
          borderRadius: 2
        },
        countValue: { display: 'block', fontSize: 24, fontWeight: 600 },
        fileInput: { display: 'block', marginTop: 4 },
        hint: { color: theme.semanticColors.bodySubtext }
      }),
    [theme]
  );

  const busy = stage.kind === 'checking' || stage.kind === 'applying';

  const choices = (): ImportChoices => ({
    periodId: year !== undefined && quarter !== '' ? quarter : '',
    defaultOfficer: officerError ? '' : defaultOfficer,
    columns: columnChoices,
    newServices: Object.keys(serviceChoices)
      .filter((name) => serviceChoices[name].create)
      .map((name) => ({
        name,
        phase: serviceChoices[name].phase,
        partnerCouncils: serviceChoices[name].councils
          .split(/[,;\n]/)
          .map((c) => c.trim())
          .filter((c) => c !== '')
      }))
  });

  const check = (): void => {
    if (!file || officerError) return;
    setError(undefined);
    setStale(false);
    setStage({ kind: 'checking' });
    const chosen = choices();
    loadImportEngine()
      .then((engine) => dryRun(engine, repositories, list, file, chosen, today))
      .then(
        ({ plan, sheet }) => {
          if (mounted.current) setStage({ kind: 'planned', plan, sheet });
        },
        (e: unknown) => {
          if (!mounted.current) return;
          setError(e);
          setStage({ kind: 'choose' });
        }
      );
  };

  /** A choice changed after the dry run: the plan shown no longer matches it. */
  const changed = (): void => {
    if (stage.kind === 'planned') setStale(true);
  };

  const apply = (): void => {
    if (stage.kind !== 'planned') return;
    const { plan, sheet } = stage;
    setConfirming(false);
    setError(undefined);
    const total = plan.create.length + plan.update.length;
    setStage({ kind: 'applying', plan, sheet, done: 0, total });
    loadImportEngine()
      .then(async (engine) => {
        const result = await engine.applyImportPlan(repositories, plan, {
          now: clock.now().toISOString(),
          onProgress: (done, of) => {
            if (mounted.current) setStage({ kind: 'applying', plan, sheet, done, total: of });
          }
        });
        // The rejected rows as a workbook to correct and import again.
        const workbook = plan.rejectedCells.length > 0 ? await engine.rejectedRowsWorkbook(plan) : undefined;
        return { result, workbook };
      })
      .then(
        ({ result, workbook }) => {
          if (mounted.current) {
            setStage({ kind: 'applied', plan, result });
            if (workbook) setRejectedUrl(URL.createObjectURL(new Blob([workbook], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })));
          }
          onImported?.(result);
        },
        (e: unknown) => {
          if (!mounted.current) return;
          setError(e);
          // The plan's etags are stale after a partial write: check the file again before retrying.
          setStage({ kind: 'choose' });
          const written = (e as { written?: ApplyResult }).written;
          if (written && written.created + written.updated + written.updatesCreated + written.updatesChanged > 0) onImported?.(written);
        }
      );
  };

  const startAgain = (): void => {
    setFile(undefined);
    setInputKey((k) => k + 1);
    setError(undefined);
    setConfirming(false);
    setColumnChoices({});
    setServiceChoices({});
    setStale(false);
    setRejectedUrl(undefined);
    setStage({ kind: 'choose' });
  };

  /** Closes the panel; it opens again on a fresh start, not on the last result. */
  const close = (): void => {
    if (stage.kind === 'applying') return;
    startAgain();
    onDismiss();
  };

  const onFileChange = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files && event.target.files.length > 0 ? event.target.files[0] : undefined;
    setFile(chosen);
    setError(undefined);
    setColumnChoices({});
    setServiceChoices({});
    setStale(false);
    setStage({ kind: 'choose' });
  };

  const plan = stage.kind === 'planned' || stage.kind === 'applying' || stage.kind === 'applied' ? stage.plan : undefined;
  const writable = (p: ImportPlan): boolean => p.create.length + p.update.length + p.newServices.filter((s) => s.create).length > 0;

  const footer = (): JSX.Element => (
    <Stack horizontal tokens={{ childrenGap: 8 }}>
      {stage.kind === 'planned' && (
        <PrimaryButton text={lazyStrings.ImportApplyButton} onClick={() => setConfirming(true)} disabled={stale || !canApply(stage.plan) || !writable(stage.plan)} />
      )}
      {stage.kind === 'applied' && <PrimaryButton text={lazyStrings.ImportAnotherFile} onClick={startAgain} />}
      <DefaultButton text={lazyStrings.ImportClose} onClick={close} disabled={stage.kind === 'applying'} />
    </Stack>
  );

  const mapOptions: IDropdownOption[] = React.useMemo(
    () => [{ key: IGNORE_COLUMN, text: lazyStrings.ImportUnmappedIgnore }, ...IMPORT_COLUMNS[list].map((c) => ({ key: c.key, text: formatString(lazyStrings.ImportUnmappedMapTo, c.label) }))],
    [list]
  );
  const phaseOptions: IDropdownOption[] = SERVICE_PHASES.map((p) => ({ key: p, text: p }));
  const showsOfficer = list === 'objectives' || list === 'risks';

  return (
    <Panel
      isOpen={isOpen}
      type={PanelType.large}
      headerText={formatString(lazyStrings.ImportPanelTitle, listName(list))}
      closeButtonAriaLabel={lazyStrings.ImportClose}
      // Closing while items are being written would hide the progress, not stop the writes.
      hasCloseButton={stage.kind !== 'applying'}
      onDismiss={close}
      isFooterAtBottom={true}
      onRenderFooterContent={footer}
    >
      <Stack tokens={{ childrenGap: 16 }}>
        <Text as="p" block>
          {formatString(lazyStrings.ImportIntro, formatBytes(IMPORT_LIMITS.maxBytes))} {formatString(lazyStrings.ImportRowsLimit, formatBytes(IMPORT_LIMITS.maxBytes), IMPORT_LIMITS.maxRows.toLocaleString('en-GB'))}
        </Text>
        <TemplateLink list={list} />
        <ErrorBar error={error} onDismiss={() => setError(undefined)} onRetry={file && !busy ? check : undefined} />

        {stage.kind !== 'applied' && (
          <Stack tokens={{ childrenGap: 12 }}>
            <div>
              <Label htmlFor={fileInputId}>{lazyStrings.ImportFileLabel}</Label>
              <input
                key={inputKey}
                id={fileInputId}
                className={classes.fileInput}
                type="file"
                accept=".csv,.txt,.tsv,.xlsx,.docx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                aria-describedby={fileHintId}
                onChange={onFileChange}
                disabled={busy}
              />
              <Text id={fileHintId} variant="small" className={classes.hint} block>
                {file ? formatString(lazyStrings.ImportFileChosen, file.name, formatBytes(file.size)) : formatString(lazyStrings.ImportFileHint, formatBytes(IMPORT_LIMITS.maxBytes))}
              </Text>
            </div>
            {list === 'objectives' && (
              <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                <Dropdown
                  label={lazyStrings.ImportPeriodYearLabel}
                  options={yearOptions}
                  selectedKey={year === undefined ? '' : String(year)}
                  disabled={busy}
                  styles={{ root: { minWidth: 220 } }}
                  onChange={(_e, option) => {
                    const y = option && option.key !== '' ? Number(option.key) : undefined;
                    setYear(y);
                    setQuarter(y === undefined ? '' : quartersOf(y)[0].id);
                    changed();
                  }}
                />
                {year !== undefined && (
                  <Dropdown
                    label={lazyStrings.ImportPeriodQuarterLabel}
                    options={quarterOptions}
                    selectedKey={quarter}
                    disabled={busy}
                    styles={{ root: { minWidth: 320 } }}
                    onChange={(_e, option) => {
                      setQuarter(option ? String(option.key) : '');
                      changed();
                    }}
                  />
                )}
              </Stack>
            )}
            {list === 'objectives' && (
              <Text variant="small" className={classes.hint} block>
                {lazyStrings.ImportPeriodHeadingsNote}
              </Text>
            )}
            {showsOfficer && (
              <TextField
                label={lazyStrings.ImportDefaultOfficerLabel}
                description={lazyStrings.ImportDefaultOfficerHint}
                type="email"
                value={defaultOfficer}
                disabled={busy}
                errorMessage={officerError}
                onChange={(_e, v) => {
                  setDefaultOfficer(v ?? '');
                  changed();
                }}
              />
            )}
            <div>
              <DefaultButton text={lazyStrings.ImportCheckButton} onClick={check} disabled={!file || busy || !!officerError} iconProps={{ iconName: 'DocumentSearch' }} />
            </div>
          </Stack>
        )}

        {stage.kind === 'checking' && <Spinner size={SpinnerSize.medium} label={lazyStrings.ImportChecking} ariaLive="polite" />}

        {plan && (
          <section aria-labelledby="ssm-import-summary">
            <Text as="h3" variant="large" id="ssm-import-summary" block>
              {stage.kind === 'applied' ? lazyStrings.ImportAppliedHeading : lazyStrings.ImportDryRunHeading}
            </Text>
            {stage.kind === 'planned' && (
              <Text as="p" block>
                {lazyStrings.ImportDryRunNote}
              </Text>
            )}
            {stage.kind !== 'applied' && (
              <ul className={classes.counts} aria-label={lazyStrings.ImportCountsLabel}>
                {[
                  { key: 'create', label: lazyStrings.ImportCountCreate, value: plan.create.length },
                  { key: 'update', label: lazyStrings.ImportCountUpdate, value: plan.update.length },
                  { key: 'unchanged', label: lazyStrings.ImportCountUnchanged, value: plan.unchanged.length },
                  { key: 'reject', label: lazyStrings.ImportCountReject, value: rejectedRowCount(plan) }
                ].map((c) => (
                  <li key={c.key} className={classes.count} data-count={c.key}>
                    <span className={classes.countValue}>{c.value}</span>
                    {c.label}
                  </li>
                ))}
              </ul>
            )}
            {(stage.kind === 'planned' || stage.kind === 'applying') && stage.sheet && (
              <Text as="p" block>
                {formatString(lazyStrings.ImportSheet, stage.sheet)}
              </Text>
            )}
            {plan.periodIds.length > 0 && stage.kind !== 'applied' && (
              <Text as="p" block>
                {formatString(lazyStrings.ImportPeriodsUsed, plan.periodIds.map(periodLabel).join('; '))}
              </Text>
            )}
          </section>
        )}

        {stage.kind === 'planned' && stale && <MessageBar messageBarType={MessageBarType.warning}>{lazyStrings.ImportChoicesChanged}</MessageBar>}

        {stage.kind === 'planned' && stage.plan.unmapped.length > 0 && (
          <section aria-labelledby="ssm-import-unmapped">
            <Text as="h3" variant="mediumPlus" id="ssm-import-unmapped" block>
              {lazyStrings.ImportUnmappedHeading}
            </Text>
            <MessageBar messageBarType={MessageBarType.blocked} isMultiline={true}>
              {lazyStrings.ImportUnmappedIntro}
            </MessageBar>
            <Stack tokens={{ childrenGap: 8 }}>
              {stage.plan.unmapped.map((u) => (
                <Dropdown
                  key={u.choiceKey}
                  label={formatString(u.filledRows === 1 ? lazyStrings.ImportUnmappedColumnOne : lazyStrings.ImportUnmappedColumnMany, u.heading, u.filledRows, u.firstRow)}
                  placeholder={lazyStrings.ImportUnmappedChoose}
                  options={mapOptions}
                  selectedKey={columnChoices[u.choiceKey] ?? null}
                  onChange={(_e, option) => {
                    if (!option) return;
                    setColumnChoices((c) => ({ ...c, [u.choiceKey]: String(option.key) }));
                    changed();
                  }}
                />
              ))}
            </Stack>
          </section>
        )}

        {stage.kind === 'planned' && stage.plan.newServices.length > 0 && (
          <section aria-labelledby="ssm-import-services">
            <Text as="h3" variant="mediumPlus" id="ssm-import-services" block>
              {lazyStrings.ImportNewServicesHeading}
            </Text>
            <Text as="p" block>
              {lazyStrings.ImportNewServicesIntro}
            </Text>
            <Stack tokens={{ childrenGap: 8 }}>
              {stage.plan.newServices.map((s) => {
                const chosen = serviceChoices[s.name] ?? { create: s.create, phase: s.phase ?? 'Phase 1', councils: (s.partnerCouncils ?? []).join(', ') };
                const set = (next: Partial<typeof chosen>): void => {
                  setServiceChoices((c) => ({ ...c, [s.name]: { ...chosen, ...next } }));
                  changed();
                };
                return (
                  <Stack key={s.name} tokens={{ childrenGap: 4 }}>
                    <Checkbox label={formatString(lazyStrings.ImportNewServiceCreate, s.name, s.rows.join(', '))} checked={chosen.create} onChange={(_e, v) => set({ create: !!v })} />
                    {chosen.create && (
                      <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                        <Dropdown
                          label={formatString(lazyStrings.ImportNewServicePhase, s.name)}
                          options={phaseOptions}
                          selectedKey={chosen.phase}
                          onChange={(_e, o) => o && set({ phase: o.key as ServicePhase })}
                        />
                        <TextField label={formatString(lazyStrings.ImportNewServiceCouncils, s.name)} value={chosen.councils} onChange={(_e, v) => set({ councils: v ?? '' })} />
                      </Stack>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          </section>
        )}

        {stage.kind === 'planned' && writable(stage.plan) === false && (
          <MessageBar messageBarType={MessageBarType.info}>{lazyStrings.ImportNothingToWrite}</MessageBar>
        )}

        {stage.kind === 'applying' && (
          <ProgressIndicator
            label={lazyStrings.ImportApplying}
            description={formatString(lazyStrings.ImportApplyingProgress, stage.done, stage.total)}
            percentComplete={stage.total > 0 ? stage.done / stage.total : undefined}
          />
        )}

        {stage.kind === 'applied' && (
          <MessageBar messageBarType={MessageBarType.success} isMultiline={true}>
            {formatString(lazyStrings.ImportDone, stage.result.created, stage.result.updated, stage.result.updatesCreated, stage.result.updatesChanged)}
            {rejectedRowCount(stage.plan) > 0 && ` ${formatString(lazyStrings.ImportSkipped, rejectedRowCount(stage.plan))}`}
          </MessageBar>
        )}

        {plan && plan.warnings.length > 0 && stage.kind !== 'applied' && (
          <section aria-labelledby="ssm-import-warnings">
            <Text as="h3" variant="mediumPlus" id="ssm-import-warnings" block>
              {lazyStrings.ImportWarningsHeading}
            </Text>
            <ul>
              {plan.warnings.map((w, i) => (
                <li key={i}>{w.row !== undefined ? formatString(lazyStrings.ImportWarningRow, w.row, w.message) : w.message}</li>
              ))}
            </ul>
          </section>
        )}

        {plan && plan.reject.length > 0 && (
          <section aria-labelledby="ssm-import-rejected">
            <Text as="h3" variant="mediumPlus" id="ssm-import-rejected" block>
              {stage.kind === 'applied' ? lazyStrings.ImportRejectedAfterHeading : lazyStrings.ImportRejectedHeading}
            </Text>
            {stage.kind === 'applied' && rejectedUrl && (
              <Link href={rejectedUrl} download={`${list}-rejected-rows.xlsx`} data-testid="import-rejected-download">
                {lazyStrings.ImportDownloadRejected}
              </Link>
            )}
            <DataTable
              caption={lazyStrings.ImportRejectedCaption}
              columns={REJECT_COLUMNS}
              items={plan.reject.map((r, index) => ({ ...r, index }))}
              getKey={(r) => r.index}
            />
          </section>
        )}

        {plan && plan.preview.length > 0 && stage.kind !== 'applied' && (
          <section aria-labelledby="ssm-import-preview">
            <Text as="h3" variant="mediumPlus" id="ssm-import-preview" block>
              {lazyStrings.ImportPreviewHeading}
            </Text>
            <DataTable caption={lazyStrings.ImportPreviewCaption} columns={PREVIEW_COLUMNS} items={plan.preview} getKey={(r) => r.row} />
          </section>
        )}
      </Stack>

      {/* Mounted only while asked: a closing dialog's focus trap would swallow clicks in the panel. */}
      {confirming && stage.kind === 'planned' && (
        <Dialog
          hidden={false}
          onDismiss={() => setConfirming(false)}
          dialogContentProps={{
            type: DialogType.normal,
            title: lazyStrings.ImportConfirmTitle,
            subText: formatString(lazyStrings.ImportConfirmText, stage.plan.create.length, stage.plan.update.length, listName(list), rejectedRowCount(stage.plan))
          }}
          modalProps={{ isBlocking: true }}
        >
          <DialogFooter>
            <PrimaryButton text={lazyStrings.ImportConfirmApply} onClick={apply} />
            <DefaultButton text={lazyStrings.ImportConfirmCancel} onClick={() => setConfirming(false)} />
          </DialogFooter>
        </Dialog>
      )}
    </Panel>
  );
}
