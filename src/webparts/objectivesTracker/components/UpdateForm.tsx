/**
 * The quarterly update form: for each objective given, the narrative (rich text), status and
 * RAG for one reporting period. Used by "Update my objectives" (the current period, every
 * objective of the officer) and to correct a past period's update before its deadline.
 * Every keystroke is kept as a draft in browser storage until the save succeeds; a conflicting
 * save shows the other person's version beside the user's.
 */
import * as React from 'react';
import { Dropdown, IDropdownOption, MessageBar, MessageBarType, PrimaryButton, DefaultButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../../loc/lazy';
import { ReportingPeriod, isEditable, isPeriodId, periodShortLabel } from '../../../domain/calendar';
import type { Objective, ObjectiveUpdate } from '../../../domain/types';
import { ValidationError } from '../../../domain/validation';
import { NOT_RATED, OBJECTIVE_STATUSES, ObjectiveStatus, RAG_RATINGS, Rag } from '../../../domain/vocabularies';
import { useRepositories } from '../../../components/RepositoriesContext';
import { ErrorBar } from '../../../components/ErrorBar';
import { RichTextEditor } from '../../../components/RichTextEditor';
import { RagBadge } from '../../../components/RagBadge';
import { formatDate, formatString } from '../../../components/format';
import { clearDraft, draftKey, readDraft, writeDraft } from '../logic/drafts';
import { updateFor } from '../logic/rows';
import { ISaveUpdatesResult, IUpdateEntry, SaveConflict, keepMyObjectiveChanges, saveUpdates, validateEntries } from '../logic/saveUpdates';
import { useTracker } from './TrackerContext';
import { IConflictRow, ItemConflict } from '../../../components/ItemConflict';
import { RichText } from '../../../components/RichText';

/** The editable part of an entry, as kept in drafts. */
export interface IEntryValue {
  narrative: string;
  status: ObjectiveStatus;
  /** Unset until chosen for an objective not rated yet: the first update must rate it. */
  rag: Rag | undefined;
}

interface IEntryState extends IEntryValue {
  /** Changed since loaded (or restored from a draft): only these are saved. */
  dirty: boolean;
}

/** Props of `UpdateForm`. */
export interface IUpdateFormProps {
  /** Objectives to update. */
  objectives: readonly Objective[];
  /** Period the updates are for. */
  period: ReportingPeriod;
  /** Called after a save that left nothing to resolve, with the number of updates saved. */
  onSaved: (count: number) => void;
  /** Closes the form (drafts stay). */
  onCancel: () => void;
  /**
   * Told whether closing now would lose edits: some were typed that no draft could keep (no or
   * full browser storage). The tracker then asks "Discard changes?" before closing.
   */
  onUnsavedChange?: (unsaved: boolean) => void;
}

const STATUS_OPTIONS: IDropdownOption[] = OBJECTIVE_STATUSES.map((s) => ({ key: s, text: s }));
const RAG_OPTIONS: IDropdownOption[] = RAG_RATINGS.map((r) => ({ key: r, text: r }));

/** A period as people say it ("Q4 2021/22"); an id the calendar does not know is shown as stored. */
function periodText(periodId: string): string {
  return isPeriodId(periodId) ? periodShortLabel(periodId) : periodId;
}

function initialEntry(o: Objective, existing: ObjectiveUpdate | undefined, draft: IEntryValue | undefined): IEntryState {
  if (draft) return { ...draft, dirty: true };
  if (existing) return { narrative: existing.narrative, status: existing.status, rag: existing.rag, dirty: false };
  return { narrative: '', status: o.status, rag: o.rag === NOT_RATED ? undefined : o.rag, dirty: false };
}

/** The form. */
export function UpdateForm(props: IUpdateFormProps): JSX.Element {
  const { objectives, period, onSaved, onCancel } = props;
  const repositories = useRepositories();
  const { state, dispatch, me, canEdit, today, calendar, storage } = useTracker();
  const theme = useTheme();
  const updates = state.data?.updates ?? [];
  const editable = canEdit && isEditable(period.id, today, calendar);
  const keyOf = React.useCallback((objectiveId: number) => draftKey('update', me.id, objectiveId, period.id), [me.id, period.id]);

  const [entries, setEntries] = React.useState<Record<number, IEntryState>>(() => {
    const initial: Record<number, IEntryState> = {};
    for (const o of objectives) {
      initial[o.id] = initialEntry(o, updateFor(updates, o.id, period.id), readDraft<IEntryValue>(storage, keyOf(o.id))?.value);
    }
    return initial;
  });
  const [problems, setProblems] = React.useState<Map<number, ValidationError[]>>(new Map());
  const [error, setError] = React.useState<unknown>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [conflicts, setConflicts] = React.useState<SaveConflict[]>([]);
  const [busy, setBusy] = React.useState(false);
  // Objectives whose latest edits no draft holds (storage missing or full).
  const [undrafted, setUndrafted] = React.useState<ReadonlySet<number>>(new Set());
  const markDrafted = (objectiveId: number, kept: boolean): void =>
    setUndrafted((current) => {
      if (kept !== current.has(objectiveId)) return current;
      const next = new Set(current);
      if (kept) next.delete(objectiveId);
      else next.add(objectiveId);
      return next;
    });
  const unsaved = undrafted.size > 0;
  const onUnsavedChange = props.onUnsavedChange;
  React.useEffect(() => onUnsavedChange?.(unsaved), [onUnsavedChange, unsaved]);

  const classes = mergeStyleSets({
    card: { padding: 12, border: `1px solid ${theme.palette.neutralLight}`, borderRadius: 2 },
    meta: { color: theme.semanticColors.bodySubtext }
  });

  const change = (objectiveId: number, patch: Partial<IEntryValue>): void => {
    setEntries((current) => {
      const next = { ...current[objectiveId], ...patch, dirty: true };
      const kept = writeDraft<IEntryValue>(storage, keyOf(objectiveId), { narrative: next.narrative, status: next.status, rag: next.rag });
      markDrafted(objectiveId, kept);
      // A full storage only loses the draft, never the typing: say so once.
      if (storage && !kept) setNotice(lazyStrings.UpdateDraftNotSaved);
      return { ...current, [objectiveId]: next };
    });
  };

  const entryFor = (o: Objective, e: IEntryState, existing: ObjectiveUpdate | undefined): IUpdateEntry => ({
    objective: o,
    existing,
    narrative: e.narrative,
    status: e.status,
    rag: e.rag
  });

  /** Applies a save result: state, drafts, conflicts and failures. Returns whether all is settled. */
  const absorb = (result: ISaveUpdatesResult): boolean => {
    if (result.savedUpdates.length) dispatch({ type: 'updatesSaved', updates: result.savedUpdates });
    if (result.savedObjectives.length) dispatch({ type: 'objectivesSaved', objectives: result.savedObjectives });
    const savedIds = new Set(result.savedUpdates.map((u) => u.objectiveId));
    savedIds.forEach((id) => {
      clearDraft(storage, keyOf(id));
      markDrafted(id, true);
    });
    setEntries((current) => {
      const next = { ...current };
      savedIds.forEach((id) => {
        if (next[id]) next[id] = { ...next[id], dirty: false };
      });
      return next;
    });
    setConflicts((current) => [...current.filter((c) => !result.conflicts.some((n) => n.objectiveId === c.objectiveId && n.kind === c.kind)), ...result.conflicts]);
    setError(result.failures.length ? result.failures[0].error : undefined);
    return result.conflicts.length === 0 && result.failures.length === 0;
  };

  const save = async (): Promise<void> => {
    setNotice(undefined);
    setError(undefined);
    const toSave = objectives.filter((o) => entries[o.id]?.dirty);
    if (toSave.length === 0) {
      setNotice(lazyStrings.UpdateNothingToSave);
      return;
    }
    const list = toSave.map((o) => entryFor(o, entries[o.id], updateFor(updates, o.id, period.id)));
    const found = validateEntries(list, period.id);
    setProblems(found);
    setBusy(true);
    try {
      const result = await saveUpdates({ repositories, entries: list, period, me, calendar });
      setBusy(false);
      // Last: the parent closes the form when everything was saved.
      if (absorb(result)) onSaved(result.savedUpdates.length);
    } catch (e) {
      // ValidationFailedError (summarised in the ErrorBar, detailed by each field) or a bug.
      setError(e);
      setBusy(false);
    }
  };

  const resolve = async (conflict: SaveConflict, choice: 'mine' | 'theirs'): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const drop = (): void => setConflicts((current) => current.filter((c) => c !== conflict));
    try {
      if (conflict.kind === 'objective') {
        const stored = choice === 'mine' ? await keepMyObjectiveChanges(repositories, conflict) : conflict.theirs;
        if (stored) dispatch({ type: 'objectivesSaved', objectives: [stored] });
        drop();
      } else if (choice === 'theirs') {
        const theirs = conflict.theirs;
        if (theirs) {
          dispatch({ type: 'updatesSaved', updates: [theirs] });
          setEntries((current) => ({ ...current, [conflict.objectiveId]: { narrative: theirs.narrative, status: theirs.status, rag: theirs.rag, dirty: false } }));
        }
        clearDraft(storage, keyOf(conflict.objectiveId));
        markDrafted(conflict.objectiveId, true);
        drop();
      } else {
        const objective = state.data?.objectives.find((o) => o.id === conflict.objectiveId) ?? conflict.mine.objective;
        const result = await saveUpdates({
          repositories,
          entries: [{ ...conflict.mine, objective, existing: conflict.theirs }],
          period,
          me,
          calendar
        });
        drop();
        absorb(result);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  /** One compared field: `show` renders a value, `same` tells whether the two versions agree. */
  const compared = <V,>(key: string, label: string, mine: V, theirs: V | undefined, show: (v: V) => React.ReactNode): IConflictRow => ({
    key,
    label,
    mine: show(mine),
    theirs: theirs === undefined ? lazyStrings.ObjectiveConflictDeleted : show(theirs),
    differs: theirs === undefined || mine !== theirs
  });

  const renderConflict = (o: Objective, c: SaveConflict): JSX.Element => {
    const rows: IConflictRow[] =
      c.kind === 'update'
        ? [
            compared('narrative', lazyStrings.ObjectiveFieldNarrative, c.mine.narrative, c.theirs?.narrative, (html) => <RichText html={html} />),
            compared('status', strings.ColumnStatus, c.mine.status, c.theirs?.status, (v) => v),
            compared('rag', strings.ColumnRag, c.mine.rag, c.theirs?.rag, (v) => (v ? <RagBadge rag={v} /> : strings.NotSet))
          ]
        : [
            compared('status', strings.ColumnStatus, c.mine.status, c.theirs ? c.theirs.status : undefined, (v) => v ?? strings.NotSet),
            compared('rag', strings.ColumnRag, c.mine.rag, c.theirs ? c.theirs.rag : undefined, (v) => (v ? <RagBadge rag={v} /> : strings.NotSet)),
            compared('period', lazyStrings.ObjectiveFieldLastUpdatePeriod, c.mine.lastUpdatePeriodId, c.theirs ? c.theirs.lastUpdatePeriodId : undefined, (v) => (v ? periodText(v) : strings.NotSet))
          ];
    const savedBy =
      c.kind === 'update' && c.theirs
        ? formatString(lazyStrings.ObjectiveConflictSavedBy, c.theirs.author?.displayName || strings.NotSet, formatDate(c.theirs.updatedOn) ?? '')
        : undefined;
    return (
      <Stack key={`${c.kind}${c.objectiveId}`} tokens={{ childrenGap: 4 }} role="group" aria-label={`${lazyStrings.ObjectiveConflictHeading}: ${o.title}`}>
        {savedBy && <Text>{savedBy}</Text>}
        <ItemConflict
          rows={rows}
          theirsModified={c.theirs?.modified}
          busy={busy}
          canTakeTheirs={c.theirs !== undefined}
          onKeepMine={() => resolve(c, 'mine').catch(setError)}
          onTakeTheirs={() => resolve(c, 'theirs').catch(setError)}
        />
      </Stack>
    );
  };

  return (
    <Stack tokens={{ childrenGap: 16 }}>
      <Text as="p">{formatString(editable ? lazyStrings.UpdateIntro : lazyStrings.UpdateReadOnlyIntro, period.label, formatDate(period.deadline) ?? period.deadline)}</Text>
      <ErrorBar error={error} onDismiss={() => setError(undefined)} />
      {notice && (
        <MessageBar messageBarType={MessageBarType.info} onDismiss={() => setNotice(undefined)} dismissButtonAriaLabel={strings.Dismiss}>
          {notice}
        </MessageBar>
      )}
      {objectives.length === 0 && <Text>{lazyStrings.UpdateNoObjectives}</Text>}
      {objectives.map((o) => {
        const e = entries[o.id];
        if (!e) return undefined;
        const fieldErrors = problems.get(o.id) ?? [];
        const messageFor = (field: string): string | undefined => fieldErrors.find((p) => p.field === field)?.message;
        const own = conflicts.filter((c) => c.objectiveId === o.id);
        return (
          <section key={o.id} className={classes.card} aria-label={o.title} data-objective-id={o.id}>
            <Stack tokens={{ childrenGap: 8 }}>
              <Text as="h3" variant="large">
                {o.title}
              </Text>
              {o.lastUpdatePeriodId && <Text className={classes.meta}>{formatString(lazyStrings.UpdateLastReported, periodText(o.lastUpdatePeriodId))}</Text>}
              {e.dirty && editable && <Text className={classes.meta}>{lazyStrings.UpdateDraftKept}</Text>}
              {editable ? (
                <>
                  <RichTextEditor
                    label={lazyStrings.ObjectiveFieldNarrative}
                    value={e.narrative}
                    required={true}
                    errorMessage={messageFor('narrative')}
                    onChange={(html) => change(o.id, { narrative: html })}
                  />
                  <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
                    <Dropdown
                      label={strings.ColumnStatus}
                      options={STATUS_OPTIONS}
                      selectedKey={e.status}
                      required={true}
                      errorMessage={messageFor('status')}
                      onChange={(_ev, option) => option && change(o.id, { status: option.key as ObjectiveStatus })}
                      styles={{ root: { minWidth: 180 } }}
                    />
                    <Dropdown
                      label={lazyStrings.ObjectiveFieldRag}
                      options={RAG_OPTIONS}
                      selectedKey={e.rag ?? null}
                      required={true}
                      errorMessage={messageFor('rag')}
                      onChange={(_ev, option) => option && change(o.id, { rag: option.key as Rag })}
                      styles={{ root: { minWidth: 140 } }}
                    />
                  </Stack>
                </>
              ) : (
                <>
                  <RichText html={e.narrative} />
                  <Text>
                    {e.status} · <RagBadge rag={e.rag ?? NOT_RATED} />
                  </Text>
                </>
              )}
              {own.map((c) => renderConflict(o, c))}
            </Stack>
          </section>
        );
      })}
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        {editable && objectives.length > 0 && <PrimaryButton text={busy ? lazyStrings.FormSaving : lazyStrings.UpdateSaveAll} onClick={() => save().catch(setError)} disabled={busy} />}
        <DefaultButton text={editable ? lazyStrings.FormCancel : strings.FormClose} onClick={onCancel} />
      </Stack>
    </Stack>
  );
}
