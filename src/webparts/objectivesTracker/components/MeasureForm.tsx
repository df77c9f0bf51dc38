/**
 * Add or edit a business plan measure (editors): name, service, unit, target, direction,
 * reporting frequency and the officer who enters its actuals. The shared edit pattern: messages
 * naming each field, drafts kept on a failed save, both versions after a 412.
 */
import * as React from 'react';
import { Dropdown, IDropdownOption, TextField } from '@fluentui/react';
import { lazyStrings } from '../../../loc/lazy';
import type { NewItem } from '../../../data/repositories';
import type { Measure, Person, Service } from '../../../domain/types';
import { validateMeasure, ValidationError } from '../../../domain/validation';
import { MEASURE_DIRECTIONS, MEASURE_FREQUENCIES, MeasureDirection, MeasureFrequency } from '../../../domain/vocabularies';
import { useRepositories } from '../../../components/RepositoriesContext';
import { ItemEditorPanel } from '../../../components/ItemEditorPanel';
import { PersonPicker } from '../../../components/PersonPicker';
import { useItemEditor } from '../../../components/useItemEditor';
import { parseTypedNumber } from '../measureActualForm';

/** Values of the measure form: the target kept as typed. */
interface IMeasureValues {
  title: string;
  serviceId?: number;
  unit: string;
  target: string;
  direction?: MeasureDirection;
  frequency?: MeasureFrequency;
  responsibleOfficer?: Person;
}

const measureValues = (m: Measure | undefined): IMeasureValues => ({
  title: m?.title ?? '',
  serviceId: m?.serviceId,
  unit: m?.unit ?? '',
  target: m ? String(m.target) : '',
  direction: m?.direction,
  frequency: m?.frequency ?? 'Quarterly',
  responsibleOfficer: m?.responsibleOfficer
});

function convertMeasure(v: IMeasureValues): { model: NewItem<Measure>; errors: ValidationError[] } {
  const model = {
    title: v.title.trim(),
    serviceId: v.serviceId,
    unit: v.unit.trim(),
    target: parseTypedNumber(v.target),
    direction: v.direction,
    frequency: v.frequency,
    responsibleOfficer: v.responsibleOfficer
  };
  return { model: model as NewItem<Measure>, errors: validateMeasure(model) };
}

/** Props of `MeasureForm`. */
export interface IMeasureFormProps {
  /** The measure edited, or undefined for a new one. */
  measure: Measure | undefined;
  /** Every service. */
  services: readonly Service[];
  /** People to offer as responsible officer. */
  people: readonly Person[];
  /** Signed-in user's id (drafts are per user). */
  userId: number;
  /** Called with the stored measure. */
  onSaved: (m: Measure) => void;
  /** Closes the panel. */
  onDismiss: () => void;
}

/** The panel. */
export function MeasureForm(props: IMeasureFormProps): JSX.Element {
  const { measure, services, people, userId, onSaved, onDismiss } = props;
  const repositories = useRepositories();
  const editor = useItemEditor<IMeasureValues, Measure>({ list: 'measures', repository: repositories.measures, userId, item: measure, toValues: measureValues, convert: convertMeasure, onSaved });
  const { values, fieldErrors } = editor;
  const set = editor.patchValues;
  const [resolving, setResolving] = React.useState(false);
  const options = (list: readonly string[]): IDropdownOption[] => list.map((k) => ({ key: k, text: k }));
  const row = (key: string, label: string, mine: string, theirs: string): { key: string; label: string; mine: string; theirs: string; differs: boolean } => ({ key, label, mine, theirs, differs: mine !== theirs });
  return (
    <ItemEditorPanel
      title={measure ? lazyStrings.MeasureFormEditTitle : lazyStrings.MeasureFormNewTitle}
      editor={editor}
      onDismiss={onDismiss}
      busy={resolving}
      conflictRows={(theirs) => [
        row('title', lazyStrings.ColumnMeasure, values.title, theirs.title),
        row('unit', lazyStrings.FieldUnit, values.unit, theirs.unit),
        row('target', lazyStrings.ColumnTarget, values.target, String(theirs.target)),
        row('direction', lazyStrings.FieldDirection, values.direction ?? '', theirs.direction),
        row('officer', lazyStrings.FieldResponsibleOfficer, values.responsibleOfficer?.displayName ?? '', theirs.responsibleOfficer?.displayName ?? '')
      ]}
    >
      <TextField label={lazyStrings.ColumnMeasure} required={true} value={values.title} onChange={(e, v) => set({ title: v ?? '' })} errorMessage={fieldErrors.title} />
      <Dropdown
        label={lazyStrings.FieldService}
        required={true}
        options={services.map((s) => ({ key: s.id, text: s.name }))}
        selectedKey={values.serviceId ?? null}
        onChange={(e, o) => set({ serviceId: o?.key as number })}
        errorMessage={fieldErrors.serviceId}
      />
      <TextField label={lazyStrings.FieldUnit} value={values.unit} onChange={(e, v) => set({ unit: v ?? '' })} errorMessage={fieldErrors.unit} />
      <TextField label={lazyStrings.ColumnTarget} required={true} inputMode="decimal" value={values.target} onChange={(e, v) => set({ target: v ?? '' })} errorMessage={fieldErrors.target} />
      <Dropdown
        label={lazyStrings.FieldDirection}
        required={true}
        options={options(MEASURE_DIRECTIONS)}
        selectedKey={values.direction ?? null}
        onChange={(e, o) => set({ direction: o?.key as MeasureDirection })}
        errorMessage={fieldErrors.direction}
      />
      <Dropdown
        label={lazyStrings.FieldFrequency}
        options={options(MEASURE_FREQUENCIES)}
        selectedKey={values.frequency ?? null}
        onChange={(e, o) => set({ frequency: o?.key as MeasureFrequency })}
        errorMessage={fieldErrors.frequency}
      />
      <PersonPicker
        label={lazyStrings.FieldResponsibleOfficer}
        people={people}
        value={values.responsibleOfficer}
        onChange={(responsibleOfficer) => set({ responsibleOfficer })}
        ensureUser={repositories.ensureUser}
        onResolving={setResolving}
        errorMessage={fieldErrors.responsibleOfficer}
      />
    </ItemEditorPanel>
  );
}
