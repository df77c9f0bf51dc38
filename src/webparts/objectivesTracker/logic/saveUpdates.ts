/**
 * Saving quarterly updates: validate and sanitise every entry, add the new ones in one $batch
 * (`objectiveUpdates.addMany`), save edits of existing ones with their etag, then bring each
 * objective's status, RAG, last update period and next update due in line. An objective has
 * one update per period: SharePoint refuses a second (a unique column), so when the same
 * quarter was saved meanwhile (another tab, another person) the new one becomes a conflict with
 * the stored update, both narratives shown, and nothing is stored twice. Nothing is thrown
 * for a part that failed: the result says what was saved, what conflicted (with the other
 * person's version) and what failed, so the caller keeps the drafts of exactly those.
 */
import { CalendarConfig, ReportingPeriod, comparePeriodIds, nextPeriod } from '../../../domain/calendar';
import type { Objective, ObjectiveUpdate, Person } from '../../../domain/types';
import { ValidationError, ValidationFailedError, validateObjectiveUpdate } from '../../../domain/validation';
import type { ObjectiveStatus, Rag } from '../../../domain/vocabularies';
import { BatchPartsError, ConflictError, DuplicateValueError } from '../../../data/errors';
import type { ItemChanges, NewItem, Repositories } from '../../../data/repositories';
import { sanitiseRichText } from '../../../components/sanitise';

/** What the officer entered for one objective. */
export interface IUpdateEntry {
  /** The objective updated (as last read: its etag is sent back). */
  objective: Objective;
  /** The update of this period already stored, when editing rather than adding. */
  existing?: ObjectiveUpdate;
  /** Narrative HTML as typed (sanitised here before saving). */
  narrative: string;
  status: ObjectiveStatus;
  /** Unset when not chosen yet (an objective not rated before): validation asks for it. */
  rag: Rag | undefined;
}

/** Someone else saved first: both versions, for the user to choose. */
export type SaveConflict =
  | { kind: 'update'; objectiveId: number; mine: IUpdateEntry; theirs: ObjectiveUpdate | undefined; error: ConflictError<ObjectiveUpdate> }
  | { kind: 'objective'; objectiveId: number; mine: ItemChanges<Objective>; theirs: Objective | undefined; error: ConflictError<Objective> };

/** Outcome of a save. */
export interface ISaveUpdatesResult {
  /** Updates stored (added or changed), by objective id. */
  savedUpdates: ObjectiveUpdate[];
  /** Objectives stored with their new status/RAG/period. */
  savedObjectives: Objective[];
  /** Conflicts to resolve. */
  conflicts: SaveConflict[];
  /** Other failures, by objective id. */
  failures: Array<{ objectiveId: number; error: unknown }>;
}

/** Input of {@link saveUpdates}. */
export interface ISaveUpdatesInput {
  repositories: Pick<Repositories, 'objectives' | 'objectiveUpdates'>;
  entries: readonly IUpdateEntry[];
  period: ReportingPeriod;
  /** The author. */
  me: Person;
  /** When written (default now). */
  now?: Date;
  calendar?: Partial<CalendarConfig>;
}

/** Validation problems of every entry, each message prefixed with the objective so a summary is unambiguous. */
export function validateEntries(entries: readonly IUpdateEntry[], periodId: string): Map<number, ValidationError[]> {
  const problems = new Map<number, ValidationError[]>();
  for (const e of entries) {
    const errors = validateObjectiveUpdate({
      objectiveId: e.objective.id,
      periodId,
      narrative: sanitiseRichText(e.narrative),
      status: e.status,
      rag: e.rag
    });
    if (errors.length) problems.set(e.objective.id, errors);
  }
  return problems;
}

/** Throws ValidationFailedError listing every problem, prefixed with its objective's title. */
export function assertEntriesValid(entries: readonly IUpdateEntry[], periodId: string): void {
  const problems = validateEntries(entries, periodId);
  if (problems.size === 0) return;
  const all: ValidationError[] = [];
  for (const e of entries) {
    for (const p of problems.get(e.objective.id) ?? []) all.push({ ...p, message: `${e.objective.title}: ${p.message}` });
  }
  throw new ValidationFailedError(all, 'objectiveUpdate');
}

/**
 * The objective changes an update implies. Status and RAG follow the update only when its
 * period is the latest reported (editing an older quarter must not roll the objective back).
 * Returns undefined when nothing changes.
 */
export function objectiveChangesFor(
  objective: Objective,
  update: Pick<ObjectiveUpdate, 'periodId' | 'status' | 'rag'>,
  calendar?: Partial<CalendarConfig>
): ItemChanges<Objective> | undefined {
  if (objective.lastUpdatePeriodId && comparePeriodIds(update.periodId, objective.lastUpdatePeriodId) < 0) return undefined;
  const nextUpdateDue = nextPeriod(update.periodId, calendar).deadline;
  if (
    objective.status === update.status &&
    objective.rag === update.rag &&
    objective.lastUpdatePeriodId === update.periodId &&
    objective.nextUpdateDue === nextUpdateDue
  ) {
    return undefined;
  }
  return { id: objective.id, etag: objective.etag, status: update.status, rag: update.rag, lastUpdatePeriodId: update.periodId, nextUpdateDue };
}

async function saveObjective(
  repositories: ISaveUpdatesInput['repositories'],
  objective: Objective,
  update: ObjectiveUpdate,
  result: ISaveUpdatesResult,
  calendar?: Partial<CalendarConfig>
): Promise<void> {
  const changes = objectiveChangesFor(objective, update, calendar);
  if (!changes) return;
  try {
    result.savedObjectives.push(await repositories.objectives.update(changes));
  } catch (e) {
    if (e instanceof ConflictError) {
      result.conflicts.push({ kind: 'objective', objectiveId: objective.id, mine: changes, theirs: e.serverVersion as Objective | undefined, error: e as ConflictError<Objective> });
    } else {
      result.failures.push({ objectiveId: objective.id, error: e });
    }
  }
}

/** The entry's RAG, which validation has required before anything is saved. */
function ratingOf(entry: IUpdateEntry): Rag {
  if (entry.rag === undefined) throw new TypeError(`saveUpdates: the update of objective ${entry.objective.id} has no RAG after validation.`);
  return entry.rag;
}

/**
 * The update another save stored first for the entry's objective and period, as a conflict
 * (read again from the server), or undefined when it cannot be found (then the caller reports
 * the original error).
 */
async function alreadyStored(
  repositories: ISaveUpdatesInput['repositories'],
  entry: IUpdateEntry,
  periodId: string,
  cause: unknown
): Promise<SaveConflict | undefined> {
  const stored = (await repositories.objectiveUpdates.getForObjective(entry.objective.id)).find((u) => comparePeriodIds(u.periodId, periodId) === 0);
  if (!stored) return undefined;
  const error = new ConflictError<ObjectiveUpdate>(stored, entry, { operation: 'add', list: 'objectiveUpdates', itemId: stored.id, status: 412, cause });
  return { kind: 'update', objectiveId: entry.objective.id, mine: entry, theirs: stored, error };
}

/**
 * Saves the entries (validate first: throws ValidationFailedError and saves nothing if any is
 * invalid). New updates go in one batch; edits and objective changes one by one with etags.
 */
export async function saveUpdates(input: ISaveUpdatesInput): Promise<ISaveUpdatesResult> {
  const { repositories, entries, period, me, calendar } = input;
  assertEntriesValid(entries, period.id);
  const updatedOn = (input.now ?? new Date()).toISOString();
  const result: ISaveUpdatesResult = { savedUpdates: [], savedObjectives: [], conflicts: [], failures: [] };
  const saved: Array<{ entry: IUpdateEntry; update: ObjectiveUpdate }> = [];

  const fresh = entries.filter((e) => !e.existing);
  if (fresh.length > 0) {
    const items: NewItem<ObjectiveUpdate>[] = fresh.map((e) => ({
      objectiveId: e.objective.id,
      periodId: period.id,
      narrative: sanitiseRichText(e.narrative),
      status: e.status,
      rag: ratingOf(e),
      author: me,
      updatedOn
    }));
    const failedAdds: Array<{ entry: IUpdateEntry; error: unknown }> = [];
    try {
      const added = await repositories.objectiveUpdates.addMany(items);
      added.forEach((u, i) => saved.push({ entry: fresh[i], update: u }));
    } catch (e) {
      if (e instanceof BatchPartsError) {
        const partial = e as BatchPartsError<ObjectiveUpdate>;
        const failed = new Map<number, unknown>();
        for (const f of partial.failures) failed.set(f.index, f.error);
        fresh.forEach((entry, i) => {
          const stored = partial.succeeded[i];
          if (stored) saved.push({ entry, update: stored });
          else failedAdds.push({ entry, error: failed.get(i) ?? partial });
        });
      } else {
        for (const entry of fresh) failedAdds.push({ entry, error: e });
      }
    }
    for (const { entry, error } of failedAdds) {
      // Refused as a second update of the same quarter: show the stored one beside this one.
      let conflict: SaveConflict | undefined;
      if (error instanceof DuplicateValueError) {
        try {
          conflict = await alreadyStored(repositories, entry, period.id, error);
        } catch {
          // The stored update could not be read: the refusal itself is reported below, and its
          // message asks the user to refresh to see the update already stored.
        }
      }
      if (conflict) result.conflicts.push(conflict);
      else result.failures.push({ objectiveId: entry.objective.id, error });
    }
  }

  for (const entry of entries) {
    const existing = entry.existing;
    if (!existing) continue;
    try {
      const stored = await repositories.objectiveUpdates.update({
        id: existing.id,
        etag: existing.etag,
        narrative: sanitiseRichText(entry.narrative),
        status: entry.status,
        rag: ratingOf(entry),
        author: me,
        updatedOn
      });
      saved.push({ entry, update: stored });
    } catch (e) {
      if (e instanceof ConflictError) {
        result.conflicts.push({
          kind: 'update',
          objectiveId: entry.objective.id,
          mine: entry,
          theirs: e.serverVersion as ObjectiveUpdate | undefined,
          error: e as ConflictError<ObjectiveUpdate>
        });
      } else {
        result.failures.push({ objectiveId: entry.objective.id, error: e });
      }
    }
  }

  for (const { entry, update } of saved) {
    result.savedUpdates.push(update);
    await saveObjective(repositories, entry.objective, update, result, calendar);
  }
  return result;
}

/** "Keep mine" for an objective conflict: the same changes again, over their version's etag. */
export async function keepMyObjectiveChanges(
  repositories: ISaveUpdatesInput['repositories'],
  conflict: Extract<SaveConflict, { kind: 'objective' }>
): Promise<Objective> {
  if (!conflict.theirs) throw conflict.error;
  return repositories.objectives.update({ ...conflict.mine, etag: conflict.theirs.etag });
}
