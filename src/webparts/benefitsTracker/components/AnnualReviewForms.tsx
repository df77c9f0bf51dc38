/**
 * The add and edit panels of the annual review registers and of the services: best practice,
 * lessons learned, a success and a shared service. Each uses the shared edit pattern (useItemEditor and
 * ItemEditorPanel): messages naming each field, drafts kept on a failed save, both versions
 * after a 412.
 */
import * as React from 'react';
import { ComboBox, DefaultButton, Dropdown, IDropdownOption, Stack, Text, TextField } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import type { Repositories } from '../../../data/repositories';
import type { BestPractice, LessonLearned, Person, Service, Success } from '../../../domain/types';
import { BEST_PRACTICE_CATEGORIES, BestPracticeCategory, LESSON_CATEGORIES, LessonCategory, SERVICE_PHASES, ServicePhase, SUCCESS_CATEGORIES, SuccessCategory } from '../../../domain/vocabularies';
import { UkDatePicker } from '../../../components/UkDatePicker';
import type { IConflictRow } from '../../../components/ItemConflict';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { PersonPicker } from '../../../components/PersonPicker';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { useItemEditor } from '../../../components/useItemEditor';
import { formatDate } from '../../../components/format';
import { useToday } from '../../../components/clock';
import { richTextToPlain } from '../../../components/sanitise';
import {
  bestPracticeValues,
  convertBestPractice,
  convertLesson,
  convertService,
  IBestPracticeValues,
  ILessonValues,
  IServiceValues,
  ISuccessValues,
  convertSuccess,
  lessonValues,
  serviceValues,
  successValues
} from '../annualReviewForms';

const PROGRAMME = 'programme';
const NO_CATEGORY = 'none';

/** Props every panel here takes. */
interface IFormProps<T> {
  /** Repositories to save through (and resolve people with). */
  repositories: Repositories;
  /** The item edited, or undefined for a new one. */
  item: T | undefined;
  /** Signed-in user's id (drafts are per user). */
  userId: number;
  /** Called with the stored item after a successful save. */
  onSaved: (item: T) => void;
  /** Closes the panel. */
  onDismiss: () => void;
}

const row = (key: string, label: string, mine: string, theirs: string): IConflictRow => ({ key, label, mine, theirs, differs: mine !== theirs });

function serviceOptions(services: readonly Service[]): IDropdownOption[] {
  return [{ key: PROGRAMME, text: strings.ProgrammeWide }, ...services.map((s) => ({ key: s.id, text: s.name }))];
}

function serviceNameOf(services: readonly Service[]): (id: number | undefined) => string {
  return (id) => (id === undefined ? strings.ProgrammeWide : services.find((s) => s.id === id)?.name ?? strings.UnknownService);
}

/** Props of `BestPracticeForm`. */
export interface IBestPracticeFormProps extends IFormProps<BestPractice> {
  /** Every service. */
  services: readonly Service[];
  /** Councils to offer (typing another is allowed). */
  councils: readonly string[];
}

/** Add or edit best practice one council passed to another. */
export function BestPracticeForm(props: IBestPracticeFormProps): JSX.Element {
  const { repositories, item, userId, onSaved, onDismiss, services, councils } = props;
  const editor = useItemEditor<IBestPracticeValues, BestPractice>({
    list: 'bestPractice',
    repository: repositories.bestPractice,
    userId,
    item,
    toValues: bestPracticeValues,
    convert: convertBestPractice,
    onSaved
  });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;
  const serviceName = serviceNameOf(services);
  const councilOptions = councils.map((c) => ({ key: c, text: c }));
  const councilField = (field: 'fromCouncil' | 'toCouncil', label: string): JSX.Element => (
    <ComboBox
      label={label}
      required={true}
      allowFreeform={true}
      autoComplete="on"
      options={councilOptions}
      text={values[field]}
      onChange={(e, option, index, text) => set({ [field]: option ? String(option.key) : (text ?? '').trim() })}
      errorMessage={fieldErrors[field]}
    />
  );
  const conflictRows = (theirs: BestPractice): IConflictRow[] => [
    row('title', lazyStrings.FieldBestPractice, values.title, theirs.title),
    row('from', lazyStrings.FieldFromCouncil, values.fromCouncil, theirs.fromCouncil),
    row('to', lazyStrings.FieldToCouncil, values.toCouncil, theirs.toCouncil),
    row('service', lazyStrings.FieldService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
    row('category', lazyStrings.FieldBestPracticeCategory, values.category ?? '', theirs.category ?? ''),
    row('description', lazyStrings.FieldDescription, richTextToPlain(values.description), richTextToPlain(theirs.description))
  ];
  return (
    <ItemEditorPanel
      title={item ? lazyStrings.BestPracticeFormEditTitle : lazyStrings.BestPracticeFormNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onDismiss}
    >
      <TextField label={lazyStrings.FieldBestPractice} required={true} value={values.title} onChange={(e, v) => set({ title: v ?? '' })} errorMessage={fieldErrors.title} />
      {councilField('fromCouncil', lazyStrings.FieldFromCouncil)}
      {councilField('toCouncil', lazyStrings.FieldToCouncil)}
      <Dropdown
        label={lazyStrings.FieldService}
        options={serviceOptions(services)}
        selectedKey={values.serviceId ?? PROGRAMME}
        onChange={(e, o) => set({ serviceId: o?.key === PROGRAMME ? undefined : (o?.key as number) })}
        errorMessage={fieldErrors.serviceId}
      />
      <Dropdown
        label={lazyStrings.FieldBestPracticeCategory}
        options={[{ key: NO_CATEGORY, text: strings.NotSet }, ...BEST_PRACTICE_CATEGORIES.map((c) => ({ key: c, text: c }))]}
        selectedKey={values.category ?? NO_CATEGORY}
        onChange={(e, o) => set({ category: o?.key === NO_CATEGORY ? undefined : (o?.key as BestPracticeCategory) })}
        errorMessage={fieldErrors.category}
      />
      <RichTextEditor label={lazyStrings.FieldDescription} value={values.description} onChange={(html) => set({ description: html })} />
    </ItemEditorPanel>
  );
}

/** Props of `LessonForm`. */
export interface ILessonFormProps extends IFormProps<LessonLearned> {
  /** Every service. */
  services: readonly Service[];
}

/** Add or edit a lesson learned. */
export function LessonForm(props: ILessonFormProps): JSX.Element {
  const { repositories, item, userId, onSaved, onDismiss, services } = props;
  const editor = useItemEditor<ILessonValues, LessonLearned>({
    list: 'lessonsLearned',
    repository: repositories.lessonsLearned,
    userId,
    item,
    toValues: lessonValues,
    convert: convertLesson,
    onSaved
  });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;
  const serviceName = serviceNameOf(services);
  const conflictRows = (theirs: LessonLearned): IConflictRow[] => [
    row('title', lazyStrings.FieldLessonSummary, values.title, theirs.title),
    row('service', lazyStrings.FieldService, serviceName(values.serviceId), serviceName(theirs.serviceId)),
    row('category', lazyStrings.FieldLessonCategory, values.category ?? '', theirs.category),
    row('lesson', lazyStrings.FieldLesson, richTextToPlain(values.lesson), richTextToPlain(theirs.lesson))
  ];
  return (
    <ItemEditorPanel title={item ? lazyStrings.LessonFormEditTitle : lazyStrings.LessonFormNewTitle} editor={editor} conflictRows={conflictRows} onDismiss={onDismiss}>
      <TextField label={lazyStrings.FieldLessonSummary} required={true} value={values.title} onChange={(e, v) => set({ title: v ?? '' })} errorMessage={fieldErrors.title} />
      <Dropdown
        label={lazyStrings.FieldService}
        options={serviceOptions(services)}
        selectedKey={values.serviceId ?? PROGRAMME}
        onChange={(e, o) => set({ serviceId: o?.key === PROGRAMME ? undefined : (o?.key as number) })}
        errorMessage={fieldErrors.serviceId}
      />
      <Dropdown
        label={lazyStrings.FieldLessonCategory}
        required={true}
        options={LESSON_CATEGORIES.map((c) => ({ key: c, text: c }))}
        selectedKey={values.category ?? null}
        onChange={(e, o) => set({ category: o?.key as LessonCategory })}
        errorMessage={fieldErrors.category}
      />
      <RichTextEditor
        label={lazyStrings.FieldLesson}
        required={true}
        value={values.lesson}
        onChange={(html) => set({ lesson: html })}
        errorMessage={fieldErrors.lesson}
      />
    </ItemEditorPanel>
  );
}

/** Props of `SuccessForm`. */
export interface ISuccessFormProps extends IFormProps<Success> {
  /** Every service. */
  services: readonly Service[];
  /** Councils known to the programme, offered when the service's partners do not include one. */
  councils: readonly string[];
}

/** Add or edit an area of success or achievement of a service. */
export function SuccessForm(props: ISuccessFormProps): JSX.Element {
  const { repositories, item, userId, onSaved, onDismiss, services } = props;
  const today = useToday();
  const toValues = React.useCallback((stored: Success | undefined) => successValues(stored, today), [today]);
  const editor = useItemEditor<ISuccessValues, Success>({
    list: 'successes',
    repository: repositories.successes,
    userId,
    item,
    toValues,
    convert: convertSuccess,
    onSaved
  });
  const { values, setValues, fieldErrors } = editor;
  const set = editor.patchValues;
  const serviceName = serviceNameOf(services);
  // The service's partner councils first; any other council the item already names stays offered.
  const councils = React.useMemo(() => {
    const partners = services.find((s) => s.id === values.serviceId)?.partnerCouncils ?? props.councils;
    const all = partners.slice();
    for (const c of values.councils) if (!all.some((k) => k.toLowerCase() === c.toLowerCase())) all.push(c);
    return all;
  }, [services, values.serviceId, values.councils, props.councils]);
  const councilsText = (list: readonly string[]): string => (list.length > 0 ? list.join(', ') : strings.AllPartnerCouncils);
  const conflictRows = (theirs: Success): IConflictRow[] => [
    row('title', lazyStrings.FieldSuccess, values.title, theirs.title),
    row('service', lazyStrings.FieldService, values.serviceId === undefined ? '' : serviceName(values.serviceId), serviceName(theirs.serviceId)),
    row('category', lazyStrings.FieldSuccessCategory, values.category ?? '', theirs.category),
    row('councils', lazyStrings.FieldCouncilsBenefiting, councilsText(values.councils), councilsText(theirs.councils ?? [])),
    row('achievedOn', lazyStrings.FieldAchievedOn, formatDate(values.achievedOn) ?? '', formatDate(theirs.achievedOn) ?? ''),
    row('achievement', lazyStrings.FieldSuccessAchievement, richTextToPlain(values.achievement), richTextToPlain(theirs.achievement))
  ];
  return (
    <ItemEditorPanel title={item ? lazyStrings.SuccessFormEditTitle : lazyStrings.SuccessFormNewTitle} editor={editor} conflictRows={conflictRows} onDismiss={onDismiss}>
      <TextField label={lazyStrings.FieldSuccess} required={true} value={values.title} onChange={(e, v) => set({ title: v ?? '' })} errorMessage={fieldErrors.title} />
      <Dropdown
        label={lazyStrings.FieldService}
        required={true}
        options={services.map((s) => ({ key: s.id, text: s.name }))}
        selectedKey={values.serviceId ?? null}
        onChange={(e, o) => set({ serviceId: o?.key as number })}
        errorMessage={fieldErrors.serviceId}
      />
      <Dropdown
        label={lazyStrings.FieldSuccessCategory}
        required={true}
        options={SUCCESS_CATEGORIES.map((c) => ({ key: c, text: c }))}
        selectedKey={values.category ?? null}
        onChange={(e, o) => set({ category: o?.key as SuccessCategory })}
        errorMessage={fieldErrors.category}
      />
      <Dropdown
        label={lazyStrings.FieldCouncilsBenefiting}
        multiSelect={true}
        placeholder={strings.AllPartnerCouncils}
        options={councils.map((c) => ({ key: c, text: c }))}
        selectedKeys={values.councils}
        onChange={(e, o) =>
          o && setValues((v) => ({ ...v, councils: o.selected === true ? v.councils.concat(String(o.key)) : v.councils.filter((c) => c !== String(o.key)) }))
        }
        errorMessage={fieldErrors.councils}
      />
      <Text as="p" variant="small">
        {lazyStrings.CouncilsBenefitingHint}
      </Text>
      <UkDatePicker label={lazyStrings.FieldAchievedOn} required={true} value={values.achievedOn} onChange={(achievedOn) => set({ achievedOn })} errorMessage={fieldErrors.achievedOn} />
      <RichTextEditor
        label={lazyStrings.FieldSuccessAchievement}
        required={true}
        value={values.achievement}
        onChange={(html) => set({ achievement: html })}
        errorMessage={fieldErrors.achievement}
      />
    </ItemEditorPanel>
  );
}

/** Props of `ServiceForm`. */
export interface IServiceFormProps extends IFormProps<Service> {
  /** Councils already known to the programme, to pick partners from. */
  councils: readonly string[];
  /** People to offer as service lead. */
  people: readonly Person[];
}

/** Add or edit a shared service (a programme-wide group such as "All shared services" is one too). */
export function ServiceForm(props: IServiceFormProps): JSX.Element {
  const { repositories, item, userId, onSaved, onDismiss, people } = props;
  const editor = useItemEditor<IServiceValues, Service>({
    list: 'services',
    repository: repositories.services,
    userId,
    item,
    toValues: serviceValues,
    convert: convertService,
    onSaved
  });
  const { values, setValues, fieldErrors } = editor;
  const set = editor.patchValues;
  const [resolving, setResolving] = React.useState(false);
  const [newCouncil, setNewCouncil] = React.useState('');
  // Councils offered: those known, plus any this service names (or the user has added).
  const councils = React.useMemo(() => {
    const all = props.councils.slice();
    for (const c of values.partnerCouncils) if (!all.some((k) => k.toLowerCase() === c.toLowerCase())) all.push(c);
    return all.sort((a, b) => a.localeCompare(b, 'en-GB'));
  }, [props.councils, values.partnerCouncils]);
  const toggle = (council: string, selected: boolean): void =>
    setValues((v) => ({
      ...v,
      partnerCouncils: selected ? v.partnerCouncils.concat(council) : v.partnerCouncils.filter((c) => c !== council)
    }));
  const addCouncil = (): void => {
    const name = newCouncil.trim();
    if (name === '') return;
    const known = councils.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name;
    if (!values.partnerCouncils.some((c) => c.toLowerCase() === known.toLowerCase())) toggle(known, true);
    setNewCouncil('');
  };
  const conflictRows = (theirs: Service): IConflictRow[] => [
    row('name', lazyStrings.FieldServiceName, values.name, theirs.name),
    row('phase', lazyStrings.FieldPhase, values.phase ?? '', theirs.phase),
    row('councils', lazyStrings.FieldPartnerCouncils, values.partnerCouncils.join(', '), theirs.partnerCouncils.join(', ')),
    row('lead', lazyStrings.FieldServiceLead, values.serviceLead?.displayName ?? '', theirs.serviceLead?.displayName ?? ''),
    row('since', lazyStrings.FieldSharedSince, formatDate(values.sharedSince) ?? '', formatDate(theirs.sharedSince) ?? '')
  ];
  return (
    <ItemEditorPanel
      title={item ? lazyStrings.ServiceFormEditTitle : lazyStrings.ServiceFormNewTitle}
      editor={editor}
      conflictRows={conflictRows}
      onDismiss={onDismiss}
      busy={resolving}
    >
      <TextField label={lazyStrings.FieldServiceName} required={true} value={values.name} onChange={(e, v) => set({ name: v ?? '' })} errorMessage={fieldErrors.name} />
      <Text as="p" variant="small">
        {lazyStrings.ServiceProgrammeHint}
      </Text>
      <Dropdown
        label={lazyStrings.FieldPhase}
        required={true}
        options={SERVICE_PHASES.map((p) => ({ key: p, text: p }))}
        selectedKey={values.phase ?? null}
        onChange={(e, o) => set({ phase: o?.key as ServicePhase })}
        errorMessage={fieldErrors.phase}
      />
      <Dropdown
        label={lazyStrings.FieldPartnerCouncils}
        required={true}
        multiSelect={true}
        options={councils.map((c) => ({ key: c, text: c }))}
        selectedKeys={values.partnerCouncils}
        onChange={(e, o) => o && toggle(String(o.key), o.selected === true)}
        errorMessage={fieldErrors.partnerCouncils}
      />
      <Stack horizontal verticalAlign="end" tokens={{ childrenGap: 8 }}>
        <TextField
          label={lazyStrings.FieldAddCouncil}
          value={newCouncil}
          onChange={(e, v) => setNewCouncil(v ?? '')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addCouncil();
            }
          }}
          styles={{ root: { flexGrow: 1 } }}
        />
        <DefaultButton text={lazyStrings.AddCouncilButton} onClick={addCouncil} disabled={newCouncil.trim() === ''} />
      </Stack>
      <PersonPicker
        label={lazyStrings.FieldServiceLead}
        people={people}
        value={values.serviceLead}
        onChange={(serviceLead) => set({ serviceLead })}
        ensureUser={repositories.ensureUser}
        onResolving={setResolving}
        errorMessage={fieldErrors.serviceLead}
      />
      <UkDatePicker label={lazyStrings.FieldSharedSince} value={values.sharedSince} onChange={(sharedSince) => set({ sharedSince })} errorMessage={fieldErrors.sharedSince} />
    </ItemEditorPanel>
  );
}
