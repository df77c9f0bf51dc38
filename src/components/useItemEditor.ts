/**
 * The save flow shared by every edit form (objectives, benefits, risks): validate with
 * the domain validators, add or update through the repository with the etag the user
 * edited, keep a localStorage draft when a save fails, and on a 412 conflict hold the other
 * person's version so the form can show both and let the user keep theirs or take the other.
 * "Keep mine" merges by field: it writes only the fields the user changed since opening the
 * item, so the other person's changes to the rest stay. Values that are valid but unusual
 * (warnings) are explained first and saved only once the user confirms them.
 */
import * as React from 'react';
import { ConflictError } from '../data/errors';
import type { ListRepository, NewItem } from '../data/repositories';
import type { Stored } from '../domain/types';
import { ValidationError, ValidationFailedError, ValidationWarning } from '../domain/validation';
import { changedFields, IFieldChanges, pickFields } from './fieldMerge';
import {
  clearFormDraft,
  formDraftKey,
  formDraftStorage,
  FormDraftStorage,
  readFormDraft,
  writeFormDraft
} from './formDrafts';

/** What a form's values convert to: the model to save and any validation problems. */
export interface IConverted<T> {
  /** The item to save (without id and etag). */
  model: NewItem<T>;
  /** Problems found by the domain validator; nothing is saved while there are any. */
  errors: ValidationError[];
  /** Valid but unusual values: explained, and saved only once the user confirms. */
  warnings?: readonly ValidationWarning[];
}

/** Options of `useItemEditor`. */
export interface IItemEditorOptions<V, T extends Stored> {
  /** List key, for the draft key. */
  list: string;
  /** Repository to save through. */
  repository: ListRepository<T>;
  /** Signed-in user's id, for the draft key (drafts are per user on shared machines). */
  userId: number;
  /** The item edited, or undefined for a new one. */
  item: T | undefined;
  /** Form values of an item (or of a new one). */
  toValues: (item: T | undefined) => V;
  /** Converts and validates the form values. */
  convert: (values: V) => IConverted<T>;
  /** Called with the item as stored after a successful save. */
  onSaved: (item: T) => void;
  /** Draft storage; the browser's localStorage by default. */
  storage?: FormDraftStorage;
}

/** State and actions of an edit form. */
export interface IItemEditor<V, T> {
  /** Current form values. */
  values: V;
  /** Replaces form values (merge with the previous ones yourself). */
  setValues: React.Dispatch<React.SetStateAction<V>>;
  /** Merges some fields into the form values (what every form's field handlers do). */
  patchValues: (patch: Partial<V>) => void;
  /** Validation messages by field path (e.g. `title`, `savings[1].planned`). */
  fieldErrors: Readonly<Record<string, string>>;
  /** The last failure (validation or data access), for the ErrorBar. */
  error: unknown;
  /** The other person's version after a 412, until the user chooses. */
  conflict: T | undefined;
  /** With a conflict: the fields each side changed since the user opened the item. */
  conflictChanges: IFieldChanges | undefined;
  /** When the restored draft was written (ISO), if the form opened from a draft. */
  draftRestoredOn: string | undefined;
  /** Whether the last failed save left a draft behind. */
  draftKept: boolean;
  /** Whether a save is running. */
  saving: boolean;
  /**
   * Whether closing the form now would lose edits: the values differ from the item as stored
   * (or as last taken from the other version) and no draft holds them.
   */
  unsaved: boolean;
  /** Warnings waiting for the user to confirm or go back, after a save was asked for. */
  warnings: readonly ValidationWarning[] | undefined;
  /** Validates and saves; asks for confirmation first when there are warnings. */
  save: () => void;
  /** Saves despite the warnings shown. */
  confirmSave: () => void;
  /** Closes the warnings so the user can change the values. */
  dismissWarnings: () => void;
  /** Validates and saves these values (e.g. the form's with one change, for a one-click action). */
  saveValues: (values: V) => void;
  /** After a conflict: saves the fields the user changed over the other version (theirs stay for the rest). */
  keepMine: () => void;
  /** After a conflict: shows the other version and drops the user's changes and draft. */
  takeTheirs: () => void;
  /** Drops a restored draft and goes back to the stored item. */
  discardDraft: () => void;
  /** Drops every edit and its draft (the user confirmed "Discard changes?"). */
  discardChanges: () => void;
}

/** Form state with drafts, validation and conflict handling. */
export function useItemEditor<V, T extends Stored>(options: IItemEditorOptions<V, T>): IItemEditor<V, T> {
  const { list, repository, userId, item, toValues, convert } = options;
  const storage = React.useMemo(() => options.storage ?? formDraftStorage(), [options.storage]);
  const key = formDraftKey(list, userId, item ? item.id : 'new');
  const [initial] = React.useState(() => readFormDraft<V>(storage, key));
  const [values, setValues] = React.useState<V>(() => initial?.value ?? toValues(item));
  const [draftRestoredOn, setDraftRestoredOn] = React.useState<string | undefined>(initial?.savedOn);
  const [fieldErrors, setFieldErrors] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<unknown>(undefined);
  const [conflict, setConflict] = React.useState<T | undefined>(undefined);
  const [draftKept, setDraftKept] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [warnings, setWarnings] = React.useState<readonly ValidationWarning[] | undefined>(undefined);
  // What the values are compared with to tell unsaved edits: the item, or the version taken.
  const [baseline, setBaseline] = React.useState<string>(() => JSON.stringify(toValues(item)));
  // The values a draft holds (restored, or written when a save failed): closing loses nothing then.
  const [kept, setKept] = React.useState<string | undefined>(() => (initial ? JSON.stringify(initial.value) : undefined));
  const etag = React.useRef<string | undefined>(item?.etag);
  // The version the user opened, as a model: what "changed" is measured against.
  const [opened] = React.useState(() => (item ? convert(toValues(item)).model : undefined));
  const base = React.useRef<NewItem<T> | undefined>(opened);
  const onSaved = React.useRef(options.onSaved);
  onSaved.current = options.onSaved;

  const run = React.useCallback(
    (current: V, withEtag: string | undefined, opts: { onlyFields?: readonly string[]; confirmed?: boolean } = {}): void => {
      const { onlyFields, confirmed = false } = opts;
      const { model, errors, warnings: found = [] } = convert(current);
      const byField: Record<string, string> = {};
      for (const e of errors) if (!byField[e.field]) byField[e.field] = e.message;
      setFieldErrors(byField);
      if (errors.length > 0) {
        setWarnings(undefined);
        setError(new ValidationFailedError(errors));
        return;
      }
      if (found.length > 0 && !confirmed) {
        setError(undefined);
        setWarnings(found);
        return;
      }
      setWarnings(undefined);
      setSaving(true);
      setError(undefined);
      const written = onlyFields ? pickFields(model as object, onlyFields) : (model as Partial<NewItem<T>>);
      const saved: Promise<T> =
        item && withEtag !== undefined ? repository.update({ ...(written as Partial<NewItem<T>>), id: item.id, etag: withEtag }) : repository.add(model);
      saved.then(
        (stored) => {
          clearFormDraft(storage, key);
          setSaving(false);
          setConflict(undefined);
          setDraftKept(false);
          setKept(undefined);
          setBaseline(JSON.stringify(current));
          etag.current = stored.etag;
          base.current = convert(toValues(stored)).model;
          onSaved.current(stored);
        },
        (e: unknown) => {
          setSaving(false);
          const written = writeFormDraft(storage, key, current);
          setDraftKept(written);
          if (written) setKept(JSON.stringify(current));
          if (e instanceof ConflictError && e.serverVersion !== undefined) {
            setConflict(e.serverVersion as T);
            setError(undefined);
          } else {
            setError(e);
          }
        }
      );
    },
    [convert, toValues, item, repository, storage, key]
  );

  const save = React.useCallback(() => run(values, etag.current), [run, values]);
  const confirmSave = React.useCallback(() => run(values, etag.current, { confirmed: true }), [run, values]);
  const dismissWarnings = React.useCallback(() => setWarnings(undefined), []);
  // Warnings are about the values they were shown for: changing a value asks again on save.
  React.useEffect(() => setWarnings(undefined), [values]);
  const saveValues = React.useCallback(
    (next: V) => {
      setValues(next);
      run(next, etag.current);
    },
    [run]
  );

  const conflictChanges = React.useMemo((): IFieldChanges | undefined => {
    if (!conflict) return undefined;
    const opened = (base.current ?? {}) as object;
    return { mine: changedFields(opened, convert(values).model as object), theirs: changedFields(opened, convert(toValues(conflict)).model as object) };
  }, [conflict, convert, toValues, values]);

  const keepMine = React.useCallback(() => {
    if (!conflict) return;
    // Save over the version the user has now seen: its etag makes the next IF-Match succeed.
    // Any warnings were confirmed before the save that met the conflict.
    etag.current = conflict.etag;
    // Only the fields the user changed: the other person's changes to the rest are kept.
    run(values, conflict.etag, { onlyFields: base.current ? conflictChanges?.mine : undefined, confirmed: true });
  }, [conflict, conflictChanges, run, values]);


  const takeTheirs = React.useCallback(() => {
    if (!conflict) return;
    etag.current = conflict.etag;
    base.current = convert(toValues(conflict)).model;
    setValues(toValues(conflict));
    setBaseline(JSON.stringify(toValues(conflict)));
    setKept(undefined);
    clearFormDraft(storage, key);
    setConflict(undefined);
    setDraftKept(false);
    setDraftRestoredOn(undefined);
    setFieldErrors({});
    setError(undefined);
  }, [conflict, convert, toValues, storage, key]);

  const discardDraft = React.useCallback(() => {
    clearFormDraft(storage, key);
    setKept(undefined);
    setValues(toValues(item));
    setDraftRestoredOn(undefined);
    setDraftKept(false);
  }, [storage, key, toValues, item]);

  const discardChanges = React.useCallback(() => {
    clearFormDraft(storage, key);
    setKept(undefined);
    setValues(toValues(item));
    setDraftRestoredOn(undefined);
    setDraftKept(false);
    setConflict(undefined);
  }, [storage, key, toValues, item]);

  const patchValues = React.useCallback((patch: Partial<V>): void => setValues((v) => ({ ...v, ...patch })), []);

  const current = JSON.stringify(values);
  const unsaved = current !== baseline && current !== kept;

  return {
    values,
    setValues,
    patchValues,
    fieldErrors,
    error,
    conflict,
    conflictChanges,
    draftRestoredOn,
    draftKept,
    saving,
    unsaved,
    warnings,
    save,
    confirmSave,
    dismissWarnings,
    saveValues,
    keepMine,
    takeTheirs,
    discardDraft,
    discardChanges
  };
}
