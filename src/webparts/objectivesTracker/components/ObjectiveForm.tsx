/**
 * Create, edit or close an objective, with the product's one edit pattern (useItemEditor and
 * ItemEditorPanel): validation from the domain (messages name the field) next to each field and
 * summarised in the ErrorBar, a draft kept when a save fails and restored when the form opens
 * again, "Discard changes?" when closed with unsaved edits, and both versions on a conflict.
 */
import * as React from 'react';
import { ComboBox, DefaultButton, Dialog, DialogFooter, DialogType, Dropdown, IComboBox, IComboBoxOption, IDropdownOption, PrimaryButton, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { Objective, Person } from '../../../domain/types';
import { validateObjective } from '../../../domain/validation';
import { NOT_RATED, OBJECTIVE_RAGS, OBJECTIVE_STATUSES, ObjectiveRag, ObjectiveStatus } from '../../../domain/vocabularies';
import type { NewItem } from '../../../data/repositories';
import { useRepositories } from '../../../components/RepositoriesContext';
import { UkDatePicker } from '../../../components/UkDatePicker';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { formatDate } from '../../../components/format';
import { richTextToPlain, sanitiseRichText } from '../../../components/sanitise';
import { describeError } from '../../../components/ErrorBar';
import { IConverted, useItemEditor } from '../../../components/useItemEditor';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import type { IConflictRow } from '../../../components/ItemConflict';
import { useTracker } from './TrackerContext';
/** The form's values, as kept in drafts. */
export interface IObjectiveFormValues {
  title: string;
  aim: string;
  serviceId?: number;
  status: ObjectiveStatus;
  rag: ObjectiveRag;
  /** Chosen person, or undefined when typed as text. */
  officer?: Person;
  /** Text typed in the officer box (an email address resolved on save). */
  officerText: string;
  targetDate: string;
}

/** Props of `ObjectiveForm`. */
export interface IObjectiveFormProps {
  /** The objective to edit; undefined to create one. */
  objective?: Objective;
  /** Called with the stored objective after a successful save or close. */
  onSaved: (objective: Objective) => void;
  onCancel: () => void;
}

const STATUS_OPTIONS: IDropdownOption[] = OBJECTIVE_STATUSES.map((s) => ({ key: s, text: s }));
const RAG_OPTIONS: IDropdownOption[] = OBJECTIVE_RAGS.map((r) => ({ key: r, text: r }));

function valuesOf(o: Objective | undefined): IObjectiveFormValues {
  return {
    title: o?.title ?? '',
    aim: o?.aim ?? '',
    serviceId: o?.serviceId,
    status: o?.status ?? 'Not started',
    // A new objective has no progress to rate yet: its first quarterly update rates it.
    rag: o?.rag ?? NOT_RATED,
    officer: o?.responsibleOfficer,
    officerText: '',
    targetDate: o?.targetDate ?? ''
  };
}

/** The people offered as responsible officers: everyone already named in the data, the user, and anyone resolved in the form. */
function knownPeople(objectives: readonly Objective[], leads: ReadonlyArray<Person | undefined>, me: Person, resolved: readonly Person[]): Person[] {
  const byId = new Map<number, Person>();
  for (const p of [me, ...leads, ...objectives.map((o) => o.responsibleOfficer), ...resolved]) if (p && p.displayName && !byId.has(p.id)) byId.set(p.id, p);
  return Array.from(byId.values()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** The form in its own side panel. */
export function ObjectiveForm(props: IObjectiveFormProps): JSX.Element {
  const { objective, onSaved, onCancel } = props;
  const repositories = useRepositories();
  const { state, me, today, storage } = useTracker();
  const isNew = !objective;
  const convert = React.useCallback(
    (v: IObjectiveFormValues): IConverted<Objective> => {
      const model: NewItem<Objective> = {
        title: v.title.trim(),
        aim: sanitiseRichText(v.aim),
        serviceId: v.serviceId as number,
        status: v.status,
        rag: v.rag,
        responsibleOfficer: v.officer,
        targetDate: v.targetDate || undefined,
        lastUpdatePeriodId: objective?.lastUpdatePeriodId,
        nextUpdateDue: objective?.nextUpdateDue
      };
      return { model, errors: validateObjective(model, { isNew, today }) };
    },
    [objective, isNew, today]
  );
  const editor = useItemEditor<IObjectiveFormValues, Objective>({
    list: 'objectives',
    repository: repositories.objectives,
    userId: me.id,
    item: objective,
    toValues: valuesOf,
    convert,
    onSaved,
    storage
  });
  const { values, setValues, fieldErrors } = editor;
  const change = (patch: Partial<IObjectiveFormValues>): void => setValues((v) => ({ ...v, ...patch }));
  const [confirmClose, setConfirmClose] = React.useState(false);
  const [resolving, setResolving] = React.useState(false);
  const [officerError, setOfficerError] = React.useState<string | undefined>(undefined);

  const services = state.data?.services ?? [];
  const [extraPeople, setExtraPeople] = React.useState<Person[]>([]);
  const people = React.useMemo(
    () => knownPeople(state.data?.objectives ?? [], services.map((s) => s.serviceLead), me, extraPeople),
    [state.data, services, me, extraPeople]
  );
  const serviceOptions: IDropdownOption[] = services
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((s) => ({ key: s.id, text: s.name }));
  const officerOptions: IComboBoxOption[] = people.map((p) => ({ key: p.id, text: p.displayName, title: p.email }));

  /** A chosen person, or a typed name or address resolved to a site user (added to the site if needed). */
  const onOfficerChange = (_e: React.FormEvent<IComboBox>, option?: IComboBoxOption, _index?: number, text?: string): void => {
    setOfficerError(undefined);
    if (option) {
      change({ officer: people.find((p) => p.id === option.key), officerText: '' });
      return;
    }
    const typed = (text ?? '').trim();
    change({ officer: undefined, officerText: typed });
    if (!typed) return;
    const known = people.find((p) => p.email.toLowerCase() === typed.toLowerCase() || p.displayName.toLowerCase() === typed.toLowerCase());
    if (known) {
      change({ officer: known, officerText: '' });
      return;
    }
    setResolving(true);
    repositories.ensureUser(typed).then(
      (person) => {
        setResolving(false);
        setExtraPeople((list) => (list.some((p) => p.id === person.id) ? list : list.concat(person)));
        change({ officer: person, officerText: '' });
      },
      (e: unknown) => {
        setResolving(false);
        setOfficerError(describeError(e).details.join(' '));
      }
    );
  };

  const serviceName = (id: number | undefined): string => services.find((s) => s.id === id)?.name ?? strings.NotSet;
  const conflictRows = (theirs: Objective): IConflictRow[] => {
    const row = (key: string, label: string, mine: string, other: string): IConflictRow => ({ key, label, mine, theirs: other, differs: mine !== other });
    return [
      row('title', strings.ColumnObjective, values.title, theirs.title),
      row('aim', strings.ColumnAim, richTextToPlain(values.aim), richTextToPlain(theirs.aim)),
      row('service', strings.ColumnService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
      row('status', strings.ColumnStatus, values.status, theirs.status),
      row('rag', strings.ColumnRag, values.rag, theirs.rag),
      row('officer', strings.ColumnOfficer, values.officer?.displayName || values.officerText, theirs.responsibleOfficer?.displayName ?? ''),
      row('targetDate', strings.ColumnTargetDate, formatDate(values.targetDate) ?? '', formatDate(theirs.targetDate) ?? '')
    ];
  };

  return (
    <ItemEditorPanel
      title={objective ? lazyStrings.ObjectiveEditTitle : lazyStrings.ObjectiveNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onCancel}
      busy={resolving}
      saveText={isNew ? lazyStrings.ObjectiveCreate : undefined}
      actions={
        objective && objective.status !== 'Complete' ? (
          <DefaultButton text={lazyStrings.ObjectiveClose} disabled={editor.saving || resolving} onClick={() => setConfirmClose(true)} />
        ) : undefined
      }
    >
      <TextField
        label={strings.ColumnObjective}
        value={values.title}
        required={true}
        multiline={true}
        autoAdjustHeight={true}
        errorMessage={fieldErrors.title}
        onChange={(_e, v) => change({ title: v ?? '' })}
      />
      <RichTextEditor label={strings.ColumnAim} value={values.aim} errorMessage={fieldErrors.aim} onChange={(html) => change({ aim: html })} />
      <Dropdown
        label={strings.ColumnService}
        options={serviceOptions}
        selectedKey={values.serviceId ?? null}
        required={true}
        errorMessage={fieldErrors.serviceId}
        onChange={(_e, option) => option && change({ serviceId: option.key as number })}
      />
      <ComboBox
        label={strings.ColumnOfficer}
        options={officerOptions}
        selectedKey={values.officer ? values.officer.id : null}
        text={values.officer ? undefined : values.officerText}
        allowFreeform={true}
        autoComplete="on"
        required={true}
        placeholder={lazyStrings.ObjectiveOfficerPlaceholder}
        errorMessage={officerError ?? fieldErrors.responsibleOfficer}
        onChange={onOfficerChange}
      />
      <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
        <Dropdown
          label={strings.ColumnStatus}
          options={STATUS_OPTIONS}
          selectedKey={values.status}
          required={true}
          errorMessage={fieldErrors.status}
          onChange={(_e, option) => option && change({ status: option.key as ObjectiveStatus })}
          styles={{ root: { minWidth: 180 } }}
        />
        <Dropdown
          label={lazyStrings.ObjectiveFieldRag}
          options={RAG_OPTIONS}
          selectedKey={values.rag}
          required={true}
          errorMessage={fieldErrors.rag}
          onChange={(_e, option) => option && change({ rag: option.key as ObjectiveRag })}
          styles={{ root: { minWidth: 140 } }}
        />
        <UkDatePicker
          label={strings.ColumnTargetDate}
          value={values.targetDate || undefined}
          errorMessage={fieldErrors.targetDate}
          onChange={(targetDate) => change({ targetDate: targetDate ?? '' })}
        />
      </Stack>
      <Dialog
        hidden={!confirmClose}
        onDismiss={() => setConfirmClose(false)}
        dialogContentProps={{ type: DialogType.normal, title: lazyStrings.ObjectiveCloseTitle, subText: lazyStrings.ObjectiveCloseText }}
      >
        <Text>{values.title}</Text>
        <DialogFooter>
          <PrimaryButton
            text={lazyStrings.ObjectiveClose}
            onClick={() => {
              setConfirmClose(false);
              editor.saveValues({ ...values, status: 'Complete' });
            }}
          />
          <DefaultButton text={lazyStrings.FormCancel} onClick={() => setConfirmClose(false)} />
        </DialogFooter>
      </Dialog>
    </ItemEditorPanel>
  );
}
