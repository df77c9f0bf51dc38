/**
 * A person field of an edit form: the people already known (leads, owners, the user) to pick
 * from, or an email address or login typed in and resolved to a site user (added to the site if
 * needed). A lookup failure is shown under the field, and Save waits while a lookup runs.
 */
import * as React from 'react';
import { ComboBox, IComboBox, IComboBoxOption } from '@fluentui/react';
import { lazyStrings } from '../loc/lazy';
import type { Repositories } from '../data/repositories';
import type { Person } from '../domain/types';
import { describeError } from './ErrorBar';

/** Props of `PersonPicker`. */
export interface IPersonPickerProps {
  /** Visible label. */
  label: string;
  /** People offered. */
  people: readonly Person[];
  /** The person chosen. */
  value: Person | undefined;
  /** Called with the person chosen, or undefined when cleared. */
  onChange: (person: Person | undefined) => void;
  /** Resolves a typed email or login. */
  ensureUser: Repositories['ensureUser'];
  /** Called with true while a typed name is looked up (forms keep Save off meanwhile). */
  onResolving?: (resolving: boolean) => void;
  /** Validation message. */
  errorMessage?: string;
  /** Marks the field as required. */
  required?: boolean;
}

/** The field. */
export function PersonPicker(props: IPersonPickerProps): JSX.Element {
  const { label, value, onChange, ensureUser, onResolving, errorMessage, required } = props;
  const [people, setPeople] = React.useState<Person[]>(() => {
    const list = props.people.slice();
    if (value && !list.some((p) => p.id === value.id)) list.push(value);
    return list;
  });
  const [lookupError, setLookupError] = React.useState<string | undefined>(undefined);
  const options: IComboBoxOption[] = people.map((p) => ({ key: p.id, text: p.displayName || p.email, title: p.email }));

  const onPick = (event: React.FormEvent<IComboBox>, option?: IComboBoxOption, index?: number, text?: string): void => {
    setLookupError(undefined);
    if (option) {
      onChange(people.find((p) => p.id === option.key));
      return;
    }
    const typed = (text ?? '').trim();
    if (typed === '') {
      onChange(undefined);
      return;
    }
    onResolving?.(true);
    ensureUser(typed).then(
      (person) => {
        onResolving?.(false);
        setPeople((list) => (list.some((p) => p.id === person.id) ? list : list.concat(person)));
        onChange(person);
      },
      (e: unknown) => {
        onResolving?.(false);
        setLookupError(describeError(e).details.join(' '));
      }
    );
  };

  return (
    <ComboBox
      label={label}
      required={required}
      allowFreeform={true}
      autoComplete="on"
      placeholder={lazyStrings.FieldOwnerPlaceholder}
      options={options}
      selectedKey={value?.id ?? ''}
      onChange={onPick}
      errorMessage={lookupError ?? errorMessage}
    />
  );
}
