/**
 * Budget overview (the annual review's "financial benefits and budget"): for a financial year,
 * each service's shared budget, its split between the partner councils and the savings approved,
 * with totals per council. Users who may edit the budget lines add and edit them; the split
 * offers each partner council of the service and must add up to the budget.
 */
import * as React from 'react';
import { ActionButton, Dropdown, IColumn, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { budgetTotals } from '../../../domain/cycle';
import type { BudgetLine, Service } from '../../../domain/types';
import { validateBudgetLine, ValidationError } from '../../../domain/validation';
import type { NewItem } from '../../../data/repositories';
import { useRepositories } from '../../../components/RepositoriesContext';
import { useAsync } from '../../../components/useAsync';
import { loadWithAccess } from '../../../components/loadWithAccess';
import { Loading } from '../../../components/Loading';
import { ErrorBar } from '../../../components/ErrorBar';
import { RegisterList, useEditedList } from '../../../components/editableList';
import { DataTable } from '../../../components/DataTable';
import { withWrappingHeaders } from '../../../components/wrappingHeaders';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatPounds, formatString } from '../../../components/format';
import { parseTypedNumber } from '../../objectivesTracker/measureActualForm';
import { ExportButton } from '../../../components/ExportButton';
import { useToday } from '../../../components/clock';

// The spreadsheet export (its rows and the xlsx writer) loads when Export is chosen.
const exportOf = (): Promise<[typeof import('../exportBudget'), typeof import('../../../components/exportSheet')]> =>
  Promise.all([import(/* webpackChunkName: 'ssm-xlsx-export' */ '../exportBudget'), import(/* webpackChunkName: 'ssm-xlsx-export' */ '../../../components/exportSheet')]);

/** "2022/23" for the financial year starting in 2022. */
export function financialYearText(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The budget overview. */
export function BudgetOverview(): JSX.Element {
  const repositories = useRepositories();
  const load = useAsync(() => loadWithAccess(repositories, ['services', 'budgetLines'], 'budgetLines'), [repositories]);
  const { items: lines, editing, setEditing, onSaved } = useEditedList<BudgetLine>(load.value?.data.budgetLines);
  const [year, setYear] = React.useState<number | undefined>(undefined);
  const today = useToday();
  const services = React.useMemo(() => (load.value?.data.services ?? []).slice().sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), [load.value]);
  const names = React.useMemo(() => new Map(services.map((s) => [s.id, s.name])), [services]);
  const years = React.useMemo(() => Array.from(new Set(lines.map((l) => l.financialYear))).sort((a, b) => b - a), [lines]);
  const shownYear = year ?? years[0];
  const shown = React.useMemo(
    () => lines.filter((l) => l.financialYear === shownYear).sort((a, b) => (names.get(a.serviceId) ?? '').localeCompare(names.get(b.serviceId) ?? '', 'en-GB')),
    [lines, shownYear, names]
  );
  const totals = React.useMemo(() => (shownYear === undefined ? undefined : budgetTotals(lines, shownYear)), [lines, shownYear]);
  const canEdit = load.value?.canEdit === true;
  const columns = React.useMemo(() => {
    const cols: IColumn[] = [
      { key: 'service', name: lazyStrings.FieldService, minWidth: 160, maxWidth: 240, isMultiline: true, onRender: (l: BudgetLine) => <strong>{names.get(l.serviceId) ?? strings.UnknownService}</strong> },
      { key: 'budget', name: lazyStrings.FieldSharedBudget, minWidth: 110, maxWidth: 140, onRender: (l: BudgetLine) => formatPounds(l.sharedBudget) },
      {
        key: 'split',
        name: lazyStrings.FieldBudgetSplit,
        minWidth: 220,
        maxWidth: 380,
        isMultiline: true,
        onRender: (l: BudgetLine) => (
          <span style={{ whiteSpace: 'normal' }}>{l.split.map((s) => formatString(lazyStrings.BudgetShareLine, s.council, formatPounds(s.amount))).join('; ')}</span>
        )
      },
      { key: 'savings', name: lazyStrings.FieldSavingsApproved, minWidth: 110, maxWidth: 140, onRender: (l: BudgetLine) => formatPounds(l.savingsApproved) }
    ];
    if (canEdit) {
      cols.push({
        key: 'actions',
        name: strings.ColumnActions,
        minWidth: 70,
        maxWidth: 80,
        onRender: (l: BudgetLine) => (
          <ActionButton iconProps={{ iconName: 'Edit' }} text={strings.EditItem} ariaLabel={formatString(strings.EditItemLabel, names.get(l.serviceId) ?? '')} onClick={() => setEditing(l)} />
        )
      });
    }
    return withWrappingHeaders(cols);
  }, [names, canEdit, setEditing]);

  if (load.loading && !load.value) return <Loading />;
  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text variant="xLarge" as="h2">
        {lazyStrings.BudgetHeading}
      </Text>
      <Text as="p">{lazyStrings.BudgetIntro}</Text>
      <ErrorBar error={load.error} onRetry={load.reload} />
      {load.value && (
        <>
          <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
            <Dropdown
              label={lazyStrings.FieldFinancialYear}
              options={years.map((y): IDropdownOption => ({ key: y, text: financialYearText(y) }))}
              selectedKey={shownYear ?? null}
              onChange={(e, o) => setYear(o?.key as number)}
              styles={{ root: { minWidth: 140 } }}
            />
            {canEdit && <PrimaryButton iconProps={{ iconName: 'Add' }} text={lazyStrings.NewBudgetLine} onClick={() => setEditing('new')} />}
            <ExportButton
              onExport={async () => {
                const [sheets, files] = await exportOf();
                return files.downloadSheet(sheets.budgetExportSheet(shown, services, shownYear === undefined ? undefined : financialYearText(shownYear)), 'Budget', today);
              }}
            />
          </Stack>
          {!canEdit && <MessageBar messageBarType={MessageBarType.info}>{strings.RegisterReadOnlyNotice}</MessageBar>}
          <section aria-label={lazyStrings.BudgetHeading}>
            {shown.length === 0 ? <Text as="p">{lazyStrings.BudgetNone}</Text> : <RegisterList items={shown} columns={columns} setKey="budget" ariaLabel={lazyStrings.BudgetHeading} />}
          </section>
          {totals && shownYear !== undefined && shown.length > 0 && (
            <section aria-label={lazyStrings.BudgetTotalsHeading}>
              <Text variant="large" as="h3">
                {formatString(lazyStrings.BudgetTotalsFor, financialYearText(shownYear))}
              </Text>
              <Text as="p">{formatString(lazyStrings.BudgetTotalsLine, formatPounds(totals.sharedBudget), formatPounds(totals.savingsApproved))}</Text>
              {/* The same table as the annual review's budget by council on screen. */}
              <DataTable
                caption={strings.ReportBudgetByCouncil}
                items={totals.byCouncil}
                getKey={(c) => c.council}
                columns={[
                  { key: 'council', header: strings.ReportColumnCouncil, render: (c) => c.council },
                  { key: 'share', header: strings.ReportColumnBudgetShare, render: (c) => formatPounds(c.share) }
                ]}
              />
            </section>
          )}
          {editing !== undefined && (
            <BudgetForm
              line={editing === 'new' ? undefined : editing}
              services={services}
              defaultYear={shownYear}
              userId={load.value.me.id}
              onSaved={(saved) => {
                onSaved(saved);
                setYear(saved.financialYear);
              }}
              onDismiss={() => setEditing(undefined)}
            />
          )}
        </>
      )}
    </Stack>
  );
}

/** Values of the budget form: amounts kept as typed. */
interface IBudgetValues {
  serviceId?: number;
  financialYear: string;
  sharedBudget: string;
  savingsApproved: string;
  /** Amount typed per council. */
  split: Record<string, string>;
}

function BudgetForm(props: { line: BudgetLine | undefined; services: readonly Service[]; defaultYear?: number; userId: number; onSaved: (l: BudgetLine) => void; onDismiss: () => void }): JSX.Element {
  const { line, services, defaultYear, userId, onSaved, onDismiss } = props;
  const repositories = useRepositories();
  const toValues = React.useCallback(
    (l: BudgetLine | undefined): IBudgetValues => ({
      serviceId: l?.serviceId,
      financialYear: l ? String(l.financialYear) : defaultYear !== undefined ? String(defaultYear) : '',
      sharedBudget: l ? String(l.sharedBudget) : '',
      savingsApproved: l ? String(l.savingsApproved) : '',
      split: Object.fromEntries((l?.split ?? []).map((s) => [s.council, String(s.amount)]))
    }),
    [defaultYear]
  );
  const convert = React.useCallback(
    (v: IBudgetValues): { model: NewItem<BudgetLine>; errors: ValidationError[] } => {
      const service = services.find((s) => s.id === v.serviceId);
      const councils = service ? service.partnerCouncils : Object.keys(v.split);
      const model = {
        serviceId: v.serviceId,
        financialYear: parseTypedNumber(v.financialYear),
        sharedBudget: parseTypedNumber(v.sharedBudget),
        savingsApproved: parseTypedNumber(v.savingsApproved),
        split: councils.filter((c) => (v.split[c] ?? '').trim() !== '').map((council) => ({ council, amount: parseTypedNumber(v.split[council]) as number }))
      };
      return { model: model as NewItem<BudgetLine>, errors: validateBudgetLine(model, { service }) };
    },
    [services]
  );
  const editor = useItemEditor<IBudgetValues, BudgetLine>({ list: 'budgetLines', repository: repositories.budgetLines, userId, item: line, toValues, convert, onSaved });
  const { values, setValues, fieldErrors } = editor;
  const set = editor.patchValues;
  const service = services.find((s) => s.id === values.serviceId);
  const money = (key: 'sharedBudget' | 'savingsApproved', label: string): JSX.Element => (
    <TextField label={label} required={true} prefix="£" inputMode="decimal" value={values[key]} onChange={(e, v) => set({ [key]: v ?? '' })} errorMessage={fieldErrors[key]} />
  );
  return (
    <ItemEditorPanel
      title={line ? lazyStrings.BudgetFormEditTitle : lazyStrings.BudgetFormNewTitle}
      editor={editor}
      onDismiss={onDismiss}
      conflictRows={(theirs) => [
        { key: 'budget', label: lazyStrings.FieldSharedBudget, mine: values.sharedBudget, theirs: String(theirs.sharedBudget), differs: values.sharedBudget !== String(theirs.sharedBudget) },
        { key: 'savings', label: lazyStrings.FieldSavingsApproved, mine: values.savingsApproved, theirs: String(theirs.savingsApproved), differs: values.savingsApproved !== String(theirs.savingsApproved) }
      ]}
    >
      <Dropdown
        label={lazyStrings.FieldService}
        required={true}
        options={services.map((s): IDropdownOption => ({ key: s.id, text: s.name }))}
        selectedKey={values.serviceId ?? null}
        onChange={(e, o) => set({ serviceId: o?.key as number })}
        errorMessage={fieldErrors.serviceId}
      />
      <TextField
        label={lazyStrings.FieldFinancialYearStart}
        required={true}
        inputMode="numeric"
        value={values.financialYear}
        onChange={(e, v) => set({ financialYear: v ?? '' })}
        errorMessage={fieldErrors.financialYear}
      />
      {money('sharedBudget', lazyStrings.FieldSharedBudget)}
      {service && (
        <Stack tokens={{ childrenGap: 6 }} role="group" aria-label={lazyStrings.FieldBudgetSplit}>
          <Text style={{ fontWeight: 600 }}>{lazyStrings.FieldBudgetSplit}</Text>
          {service.partnerCouncils.map((council, i) => (
            <TextField
              key={council}
              label={council}
              prefix="£"
              inputMode="decimal"
              value={values.split[council] ?? ''}
              onChange={(e, v) => setValues((o) => ({ ...o, split: { ...o.split, [council]: v ?? '' } }))}
              errorMessage={fieldErrors[`split[${i}].amount`]}
            />
          ))}
          {fieldErrors.split && <Text role="alert">{fieldErrors.split}</Text>}
        </Stack>
      )}
      {money('savingsApproved', lazyStrings.FieldSavingsApproved)}
    </ItemEditorPanel>
  );
}
