/**
 * Create, edit or close an objective. Validation comes from the domain (messages name the
 * field), shown next to each field and summarised in the ErrorBar. The form is kept as a draft
 * in browser storage until saved; a conflicting save shows the other person's version.
 */
import * as React from 'react';
import {
  ComboBox,
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  Dropdown,
  IComboBoxOption,
  IDropdownOption,
  PrimaryButton,
  Stack,
  Text,
  TextField
} from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { Objective, Person } from '../../../domain/types';
import { ValidationError, ValidationFailedError, validateObjective } from '../../../domain/validation';
import { NOT_RATED, OBJECTIVE_RAGS, OBJECTIVE_STATUSES, ObjectiveRag, ObjectiveStatus } from '../../../domain/vocabularies';
import { ConflictError } from '../../../data/errors';
import type { ItemChanges, NewItem } from '../../../data/repositories';
import { useRepositories } from '../../../components/RepositoriesContext';
import { UkDatePicker } from '../../../components/UkDatePicker';
import { ErrorBar } from '../../../components/ErrorBar';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { RagBadge } from '../../../components/RagBadge';
import { formatDate } from '../../../components/format';
import { sanitiseRichText } from '../../../components/sanitise';
import { clearDraft, draftKey, readDraft, writeDraft } from '../logic/drafts';
import { useTracker } from './TrackerContext';
import { ConflictView, IVersionField } from './ConflictView';
import { SafeHtml } from './SafeHtml';

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

/** The people offered as responsible officers: everyone already named in the data, and the user. */
function knownPeople(objectives: readonly Objective[], leads: ReadonlyArray<Person | undefined>, me: Person): Person[] {
  const byId = new Map<number, Person>();
  for (const p of [me, ...leads, ...objectives.map((o) => o.responsibleOfficer)]) if (p && p.displayName && !byId.has(p.id)) byId.set(p.id, p);
  return Array.from(byId.values()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

/** The form, rendered inside a panel by the tracker. */
export function ObjectiveForm(props: IObjectiveFormProps): JSX.Element {
  const { objective, onSaved, onCancel } = props;
  const repositories = useRepositories();
  const { state, me, today, storage } = useTracker();
  const isNew = !objective;
  const key = draftKey('objective', me.id, objective?.id ?? 'new');
  const [values, setValues] = React.useState<IObjectiveFormValues>(() => readDraft<IObjectiveFormValues>(storage, key)?.value ?? valuesOf(objective));
  const [problems, setProblems] = React.useState<ValidationError[]>([]);
  const [error, setError] = React.useState<unknown>(undefined);
  const [conflict, setConflict] = React.useState<ConflictError<Objective> | undefined>(undefined);
  const [confirmClose, setConfirmClose] = React.useState(false);
  const [busy, setBusy] = React.useState(false);

  const services = state.data?.services ?? [];
  const people = React.useMemo(
    () => knownPeople(state.data?.objectives ?? [], services.map((s) => s.serviceLead), me),
    [state.data, services, me]
  );
  const serviceOptions: IDropdownOption[] = services
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((s) => ({ key: s.id, text: s.name }));
  const officerOptions: IComboBoxOption[] = people.map((p) => ({ key: p.id, text: p.displayName, title: p.email }));

  const change = (patch: Partial<IObjectiveFormValues>): void => {
    setValues((current) => {
      const next = { ...current, ...patch };
      writeDraft(storage, key, next);
      return next;
    });
  };
  const messageFor = (field: string): string | undefined => problems.find((p) => p.field === field)?.message;

  /** The officer chosen, or the typed address resolved to a site user. */
  const resolveOfficer = async (): Promise<Person | undefined> => {
    if (values.officer) return values.officer;
    const typed = values.officerText.trim();
    if (!typed) return undefined;
    const known = people.find((p) => p.email.toLowerCase() === typed.toLowerCase() || p.displayName.toLowerCase() === typed.toLowerCase());
    return known ?? repositories.ensureUser(typed);
  };

  const store = async (changes: Partial<IObjectiveFormValues> & { etag?: string }): Promise<void> => {
    const v = { ...values, ...changes };
    setBusy(true);
    setError(undefined);
    try {
      const officer = await resolveOfficer();
      const model: NewItem<Objective> = {
        title: v.title.trim(),
        aim: sanitiseRichText(v.aim),
        serviceId: v.serviceId as number,
        status: v.status,
        rag: v.rag,
        responsibleOfficer: officer,
        targetDate: v.targetDate || undefined,
        lastUpdatePeriodId: objective?.lastUpdatePeriodId,
        nextUpdateDue: objective?.nextUpdateDue
      };
      const found = validateObjective(model, { isNew, today });
      setProblems(found);
      if (found.length) throw new ValidationFailedError(found, 'objective');
      const stored = objective
        ? await repositories.objectives.update({ ...model, id: objective.id, etag: changes.etag ?? objective.etag } as ItemChanges<Objective>)
        : await repositories.objectives.add(model);
      clearDraft(storage, key);
      setConflict(undefined);
      setBusy(false);
      // Last: the parent may unmount this form.
      onSaved(stored);
    } catch (e) {
      if (e instanceof ConflictError) setConflict(e as ConflictError<Objective>);
      setError(e);
      setBusy(false);
    }
  };

  const fields = (o: Pick<Objective, 'title' | 'aim' | 'status' | 'rag' | 'targetDate'> & { officerName?: string }): IVersionField[] => [
    { label: strings.ColumnObjective, value: o.title },
    { label: strings.ColumnAim, value: <SafeHtml html={o.aim} /> },
    { label: strings.ColumnStatus, value: o.status },
    { label: strings.ColumnRag, value: <RagBadge rag={o.rag} /> },
    { label: strings.ColumnOfficer, value: o.officerName || strings.NotSet },
    { label: strings.ColumnTargetDate, value: formatDate(o.targetDate) ?? strings.NotSet }
  ];
  const theirs = conflict?.serverVersion;

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <ErrorBar error={error} onDismiss={() => setError(undefined)} />
      {conflict && (
        <ConflictView
          subject={values.title}
          theirs={theirs ? fields({ ...theirs, officerName: theirs.responsibleOfficer?.displayName }) : undefined}
          mine={fields({ ...values, officerName: values.officer?.displayName || values.officerText })}
          busy={busy}
          onKeepMine={() => store({ etag: theirs?.etag }).catch(setError)}
          onTakeTheirs={() => {
            if (!theirs) return;
            clearDraft(storage, key);
            setConflict(undefined);
            setError(undefined);
            onSaved(theirs);
          }}
        />
      )}
      <TextField
        label={strings.ColumnObjective}
        value={values.title}
        required={true}
        multiline={true}
        autoAdjustHeight={true}
        errorMessage={messageFor('title')}
        onChange={(_e, v) => change({ title: v ?? '' })}
      />
      <RichTextEditor label={strings.ColumnAim} value={values.aim} errorMessage={messageFor('aim')} onChange={(html) => change({ aim: html })} />
      <Dropdown
        label={strings.ColumnService}
        options={serviceOptions}
        selectedKey={values.serviceId ?? null}
        required={true}
        errorMessage={messageFor('serviceId')}
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
        placeholder={strings.ObjectiveOfficerPlaceholder}
        errorMessage={messageFor('responsibleOfficer')}
        onChange={(_e, option, _index, text) => {
          if (option) change({ officer: people.find((p) => p.id === option.key), officerText: '' });
          else change({ officer: undefined, officerText: text ?? '' });
        }}
      />
      <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
        <Dropdown
          label={strings.ColumnStatus}
          options={STATUS_OPTIONS}
          selectedKey={values.status}
          required={true}
          errorMessage={messageFor('status')}
          onChange={(_e, option) => option && change({ status: option.key as ObjectiveStatus })}
          styles={{ root: { minWidth: 180 } }}
        />
        <Dropdown
          label={strings.ObjectiveFieldRag}
          options={RAG_OPTIONS}
          selectedKey={values.rag}
          required={true}
          errorMessage={messageFor('rag')}
          onChange={(_e, option) => option && change({ rag: option.key as ObjectiveRag })}
          styles={{ root: { minWidth: 140 } }}
        />
        <UkDatePicker
          label={strings.ColumnTargetDate}
          value={values.targetDate || undefined}
          errorMessage={messageFor('targetDate')}
          onChange={(targetDate) => change({ targetDate: targetDate ?? '' })}
        />
      </Stack>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={busy ? strings.FormSaving : isNew ? strings.ObjectiveCreate : strings.FormSave} disabled={busy} onClick={() => store({}).catch(setError)} />
        {objective && objective.status !== 'Complete' && (
          <DefaultButton text={strings.ObjectiveClose} disabled={busy} onClick={() => setConfirmClose(true)} />
        )}
        <DefaultButton text={strings.FormCancel} onClick={onCancel} />
      </Stack>
      <Dialog
        hidden={!confirmClose}
        onDismiss={() => setConfirmClose(false)}
        dialogContentProps={{ type: DialogType.normal, title: strings.ObjectiveCloseTitle, subText: strings.ObjectiveCloseText }}
      >
        <Text>{values.title}</Text>
        <DialogFooter>
          <PrimaryButton
            text={strings.ObjectiveClose}
            onClick={() => {
              setConfirmClose(false);
              change({ status: 'Complete' });
              store({ status: 'Complete' }).catch(setError);
            }}
          />
          <DefaultButton text={strings.FormCancel} onClick={() => setConfirmClose(false)} />
        </DialogFooter>
      </Dialog>
    </Stack>
  );
}
