/**
 * "Import from a spreadsheet" for site owners: choose a CSV or XLSX file, check it with a dry
 * run (what would be created, updated, left unchanged or rejected, and why), then apply it after
 * a confirmation, with progress and the result. The engine (exceljs, planning, apply) is loaded
 * on demand by `loadImportEngine`; everything written goes through the Repositories in context.
 */
import * as React from 'react';
import {
  DefaultButton,
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
  mergeStyleSets,
  useTheme
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { ImportListKind } from '../../domain/import/columns';
import type { ImportPlan } from '../../domain/import/plan';
import { formatBytes, IMPORT_LIMITS } from '../../domain/import/errors';
import { isPeriodId, nextDeadline, periodShortLabel } from '../../domain/calendar';
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
import { defaultPeriodId, periodChoices } from './periods';

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
    objectives: strings.ImportListObjectives,
    benefits: strings.ImportListBenefits,
    risks: strings.ImportListRisks
  };
  return names[list];
}

/** Number of distinct rows with at least one problem. */
function rejectedRowCount(plan: ImportPlan): number {
  return new Set(plan.reject.map((r) => r.row)).size;
}

/** Reads the file and builds the dry run; writes nothing. */
async function dryRun(
  engine: ImportEngine,
  repositories: Repositories,
  list: ImportListKind,
  file: File,
  chosenPeriod: string,
  today: string,
  now: Date
): Promise<{ plan: ImportPlan; sheet?: string }> {
  const data = await readFileBytes(file);
  const table = await engine.readImportFile({ name: file.name, data }, list);
  // "Automatic": the period the progress heading names, else the current one.
  const periodId = chosenPeriod !== '' ? chosenPeriod : defaultPeriodId(list, table, today);
  const plan = await engine.planImport(repositories, list, table, {
    sanitiser: engine.createCellSanitiser(),
    now: now.toISOString(),
    periodId
  });
  return { plan, sheet: table.sheet };
}

/** A rejection with its position, so identical problems still get distinct keys. */
type NumberedRejection = ImportPlan['reject'][number] & { index: number };

const REJECT_COLUMNS: ReadonlyArray<IDataTableColumn<NumberedRejection>> = [
  { key: 'row', header: strings.ImportColumnRow, render: (r) => r.row },
  { key: 'column', header: strings.ImportColumnColumn, render: (r) => r.column },
  { key: 'reason', header: strings.ImportColumnReason, render: (r) => r.reason }
];

/** The import panel; rendered by the web part base class beside the web part's root. */
export function ImportPanel(props: IImportPanelProps): JSX.Element {
  const { list, isOpen, onDismiss, onImported } = props;
  const repositories = useRepositories();
  const theme = useTheme();
  const clock = useClock();
  const today = useToday(props.today);
  const [file, setFile] = React.useState<File | undefined>(undefined);
  const [period, setPeriod] = React.useState<string>('');
  const [stage, setStage] = React.useState<Stage>({ kind: 'choose' });
  const [error, setError] = React.useState<unknown>(undefined);
  const [confirming, setConfirming] = React.useState(false);
  /** Bumped to clear the file input (a file input cannot be reset through its value). */
  const [inputKey, setInputKey] = React.useState(0);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fileInputId = `ssm-import-file-${list}`;
  const fileHintId = `${fileInputId}-hint`;
  const current = React.useMemo(() => nextDeadline(today), [today]);
  const periodOptions: IDropdownOption[] = React.useMemo(
    () => [
      { key: '', text: formatString(strings.ImportPeriodAutomatic, current.label) },
      ...periodChoices(today).map((p) => ({ key: p.id, text: p.label }))
    ],
    [today, current]
  );
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

  const check = (): void => {
    if (!file) return;
    setError(undefined);
    setStage({ kind: 'checking' });
    loadImportEngine()
      .then((engine) => dryRun(engine, repositories, list, file, period, today, clock.now()))
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

  const apply = (): void => {
    if (stage.kind !== 'planned') return;
    const { plan, sheet } = stage;
    setConfirming(false);
    setError(undefined);
    const total = plan.create.length + plan.update.length;
    setStage({ kind: 'applying', plan, sheet, done: 0, total });
    loadImportEngine()
      .then((engine) =>
        engine.applyImportPlan(repositories, plan, {
          now: clock.now().toISOString(),
          onProgress: (done, of) => {
            if (mounted.current) setStage({ kind: 'applying', plan, sheet, done, total: of });
          }
        })
      )
      .then(
        (result) => {
          if (mounted.current) setStage({ kind: 'applied', plan, result });
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
    setStage({ kind: 'choose' });
  };

  const footer = (): JSX.Element => (
    <Stack horizontal tokens={{ childrenGap: 8 }}>
      {stage.kind === 'planned' && (
        <PrimaryButton
          text={strings.ImportApplyButton}
          onClick={() => setConfirming(true)}
          disabled={stage.plan.create.length + stage.plan.update.length === 0}
        />
      )}
      {stage.kind === 'applied' && <PrimaryButton text={strings.ImportAnotherFile} onClick={startAgain} />}
      <DefaultButton text={strings.ImportClose} onClick={close} disabled={stage.kind === 'applying'} />
    </Stack>
  );

  const plan = stage.kind === 'planned' || stage.kind === 'applying' || stage.kind === 'applied' ? stage.plan : undefined;

  return (
    <Panel
      isOpen={isOpen}
      type={PanelType.medium}
      headerText={formatString(strings.ImportPanelTitle, listName(list))}
      closeButtonAriaLabel={strings.ImportClose}
      // Closing while items are being written would hide the progress, not stop the writes.
      hasCloseButton={stage.kind !== 'applying'}
      onDismiss={close}
      isFooterAtBottom={true}
      onRenderFooterContent={footer}
    >
      <Stack tokens={{ childrenGap: 16 }}>
        <Text as="p" block>
          {formatString(strings.ImportIntro, formatBytes(IMPORT_LIMITS.maxBytes))}
        </Text>
        <TemplateLink list={list} />
        <ErrorBar error={error} onDismiss={() => setError(undefined)} onRetry={file && !busy ? check : undefined} />

        {stage.kind !== 'applied' && (
          <Stack tokens={{ childrenGap: 12 }}>
            <div>
              <Label htmlFor={fileInputId}>{strings.ImportFileLabel}</Label>
              <input
                key={inputKey}
                id={fileInputId}
                className={classes.fileInput}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={fileHintId}
                onChange={onFileChange}
                disabled={busy}
              />
              <Text id={fileHintId} variant="small" className={classes.hint} block>
                {file ? formatString(strings.ImportFileChosen, file.name, formatBytes(file.size)) : formatString(strings.ImportFileHint, formatBytes(IMPORT_LIMITS.maxBytes))}
              </Text>
            </div>
            {list === 'objectives' && (
              <Dropdown
                label={strings.ImportPeriodLabel}
                options={periodOptions}
                selectedKey={period}
                disabled={busy}
                onChange={(_e, option) => {
                  setPeriod(option ? String(option.key) : '');
                  // A plan is for one period: choosing another asks for a new dry run.
                  if (stage.kind === 'planned') setStage({ kind: 'choose' });
                }}
              />
            )}
            <div>
              <DefaultButton text={strings.ImportCheckButton} onClick={check} disabled={!file || busy} iconProps={{ iconName: 'DocumentSearch' }} />
            </div>
          </Stack>
        )}

        {stage.kind === 'checking' && <Spinner size={SpinnerSize.medium} label={strings.ImportChecking} ariaLive="polite" />}

        {plan && (
          <section aria-labelledby="ssm-import-summary">
            <Text as="h3" variant="large" id="ssm-import-summary" block>
              {stage.kind === 'applied' ? strings.ImportAppliedHeading : strings.ImportDryRunHeading}
            </Text>
            {stage.kind === 'planned' && (
              <Text as="p" block>
                {strings.ImportDryRunNote}
              </Text>
            )}
            {stage.kind !== 'applied' && (
              <ul className={classes.counts} aria-label={strings.ImportCountsLabel}>
                {[
                  { key: 'create', label: strings.ImportCountCreate, value: plan.create.length },
                  { key: 'update', label: strings.ImportCountUpdate, value: plan.update.length },
                  { key: 'unchanged', label: strings.ImportCountUnchanged, value: plan.unchanged.length },
                  { key: 'reject', label: strings.ImportCountReject, value: rejectedRowCount(plan) }
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
                {formatString(strings.ImportSheet, stage.sheet)}
              </Text>
            )}
            {plan.periodId && stage.kind !== 'applied' && (
              <Text as="p" block>
                {formatString(strings.ImportPeriodUsed, isPeriodId(plan.periodId) ? periodShortLabel(plan.periodId) : plan.periodId)}
              </Text>
            )}
          </section>
        )}

        {stage.kind === 'planned' && stage.plan.create.length + stage.plan.update.length === 0 && (
          <MessageBar messageBarType={MessageBarType.info}>{strings.ImportNothingToWrite}</MessageBar>
        )}

        {stage.kind === 'applying' && (
          <ProgressIndicator
            label={strings.ImportApplying}
            description={formatString(strings.ImportApplyingProgress, stage.done, stage.total)}
            percentComplete={stage.total > 0 ? stage.done / stage.total : undefined}
          />
        )}

        {stage.kind === 'applied' && (
          <MessageBar messageBarType={MessageBarType.success} isMultiline={true}>
            {formatString(strings.ImportDone, stage.result.created, stage.result.updated, stage.result.updatesCreated, stage.result.updatesChanged)}
            {rejectedRowCount(stage.plan) > 0 && ` ${formatString(strings.ImportSkipped, rejectedRowCount(stage.plan))}`}
          </MessageBar>
        )}

        {plan && plan.warnings.length > 0 && stage.kind !== 'applied' && (
          <section aria-labelledby="ssm-import-warnings">
            <Text as="h3" variant="mediumPlus" id="ssm-import-warnings" block>
              {strings.ImportWarningsHeading}
            </Text>
            <ul>
              {plan.warnings.map((w, i) => (
                <li key={i}>{w.row !== undefined ? formatString(strings.ImportWarningRow, w.row, w.message) : w.message}</li>
              ))}
            </ul>
          </section>
        )}

        {plan && plan.reject.length > 0 && stage.kind !== 'applied' && (
          <section aria-labelledby="ssm-import-rejected">
            <Text as="h3" variant="mediumPlus" id="ssm-import-rejected" block>
              {strings.ImportRejectedHeading}
            </Text>
            <DataTable
              caption={strings.ImportRejectedCaption}
              columns={REJECT_COLUMNS}
              items={plan.reject.map((r, index) => ({ ...r, index }))}
              getKey={(r) => r.index}
            />
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
            title: strings.ImportConfirmTitle,
            subText: formatString(strings.ImportConfirmText, stage.plan.create.length, stage.plan.update.length, listName(list), rejectedRowCount(stage.plan))
          }}
          modalProps={{ isBlocking: true }}
        >
          <DialogFooter>
            <PrimaryButton text={strings.ImportConfirmApply} onClick={apply} />
            <DefaultButton text={strings.ImportConfirmCancel} onClick={() => setConfirming(false)} />
          </DialogFooter>
        </Dialog>
      )}
    </Panel>
  );
}
