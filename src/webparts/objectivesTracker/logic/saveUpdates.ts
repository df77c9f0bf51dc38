/**
 * Saving quarterly updates: validate and sanitise every entry, add the new ones in one $batch
 * (`objectiveUpdates.addMany`), save edits of existing ones with their etag, then bring each
 * objective's status, RAG, last update period and next update due in line, and its status
 * history (src/domain/statusHistory.ts) with its updates as stored after the writes, read for
 * every objective saved in one $batch (`objectiveUpdates.statusesOf`). An objective has
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
import { historyOf } from '../../../domain/statusHistory';

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
  /**
   * Objectives as stored by this save's last write of each (its new etag, so the next edit does
   * not meet a 412 from the history written here), without the status history, as the tracker
   * holds them.
   */
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

/** How often a write of the status history alone is tried while the objective keeps changing under it. */
const HISTORY_ATTEMPTS = 3;

/** The objective as the tracker holds it: the status history is read by the report only. */
function withoutHistory(objective: Objective): Objective {
  const copy = { ...objective };
  delete copy.statusHistory;
  return copy;
}

/**
 * Writes the objective's status history alone, over the version with `etag`. When the objective
 * changed meanwhile (a 412: perhaps another save of its updates), the history is rebuilt from the
 * updates as they are then and written over the newer version: the column is derived from the
 * update list, so there is nothing for anyone to choose, and writing with the etag rather than
 * `*` never puts an older history over a newer one. `history` undefined: read it first.
 * Returns the objective as stored, the history written and, when a 412 came first, the version
 * it was written over.
 */
async function writeHistory(
  repositories: ISaveUpdatesInput['repositories'],
  objectiveId: number,
  etag: string,
  history: string | undefined
): Promise<{ stored: Objective; statusHistory: string; over?: Objective }> {
  let current: { etag: string; history: string | undefined; over?: Objective } = { etag, history };
  for (let attempt = 1; ; attempt++) {
    const statusHistory = current.history ?? historyOf(objectiveId, await repositories.objectiveUpdates.statusesOf([objectiveId]));
    try {
      const stored = await repositories.objectives.update({ id: objectiveId, etag: current.etag, statusHistory });
      return { stored, statusHistory, over: current.over };
    } catch (e) {
      const theirs = e instanceof ConflictError ? (e.serverVersion as Objective | undefined) : undefined;
      if (!theirs || attempt >= HISTORY_ATTEMPTS) throw e;
      current = { etag: theirs.etag, history: undefined, over: theirs };
    }
  }
}

/**
 * Brings one objective in line with its saved update: status, RAG and periods when the update
 * moves them (with the objective's etag: a 412 is a conflict for the user), and always its
 * status history, rebuilt from `statuses` (its updates as stored after this save's writes), or
 * cleared when those could not be read (`readError`): a cleared history makes the report read
 * the updates, where a stale one could mislead it.
 */
async function saveObjective(
  repositories: ISaveUpdatesInput['repositories'],
  objective: Objective,
  update: ObjectiveUpdate,
  history: { statuses: readonly ObjectiveUpdate[] } | { readError: unknown },
  result: ISaveUpdatesResult,
  calendar?: Partial<CalendarConfig>
): Promise<void> {
  const statusHistory = 'statuses' in history ? historyOf(objective.id, history.statuses) : '';
  // Updates that could not be read leave the history cleared (below), and the read's error is this objective's failure.
  if ('readError' in history) result.failures.push({ objectiveId: objective.id, error: history.readError });
  const changes = objectiveChangesFor(objective, update, calendar);
  if (!changes) {
    // An older quarter corrected (or nothing moved): the history alone.
    try {
      result.savedObjectives.push(withoutHistory((await writeHistory(repositories, objective.id, objective.etag, statusHistory)).stored));
    } catch (e) {
      if ('statuses' in history) result.failures.push({ objectiveId: objective.id, error: e });
    }
    return;
  }
  let mine: ItemChanges<Objective> = { ...changes, statusHistory };
  try {
    result.savedObjectives.push(withoutHistory(await repositories.objectives.update(mine)));
  } catch (e) {
    if (!(e instanceof ConflictError)) {
      result.failures.push({ objectiveId: objective.id, error: e });
      return;
    }
    const server = e.serverVersion as Objective | undefined;
    let theirs = server && withoutHistory(server);
    if (theirs) {
      // The update stands whichever version the user keeps, so its history is written now, over
      // their version (rebuilt: the objective changed after the updates were read). Their
      // version is shown as it was (or as it was when changed again meanwhile), with the etag of
      // the history write, so "Keep mine" (which writes mine, this history included) and "Take
      // theirs" go on from the objective as stored.
      try {
        const written = await writeHistory(repositories, objective.id, theirs.etag, undefined);
        theirs = { ...withoutHistory(written.over ?? theirs), etag: written.stored.etag };
        mine = { ...mine, statusHistory: written.statusHistory };
      } catch (historyError) {
        if ('statuses' in history) result.failures.push({ objectiveId: objective.id, error: historyError });
      }
    }
    result.conflicts.push({ kind: 'objective', objectiveId: objective.id, mine, theirs, error: e as ConflictError<Objective> });
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

  // Each objective once, with its last saved update; their histories from one read of all their updates.
  const byObjective = new Map<number, { entry: IUpdateEntry; update: ObjectiveUpdate }>();
  for (const s of saved) {
    result.savedUpdates.push(s.update);
    byObjective.set(s.entry.objective.id, s);
  }
  if (byObjective.size === 0) return result;
  let history: { statuses: readonly ObjectiveUpdate[] } | { readError: unknown };
  try {
    history = { statuses: await repositories.objectiveUpdates.statusesOf(Array.from(byObjective.keys())) };
  } catch (e) {
    history = { readError: e };
  }
  for (const { entry, update } of Array.from(byObjective.values())) {
    await saveObjective(repositories, entry.objective, update, history, result, calendar);
  }
  return result;
}

/**
 * "Keep mine" for an objective conflict: the same changes again (the status history with them),
 * over their version's etag. Returns the objective as the tracker holds it.
 */
export async function keepMyObjectiveChanges(
  repositories: ISaveUpdatesInput['repositories'],
  conflict: Extract<SaveConflict, { kind: 'objective' }>
): Promise<Objective> {
  if (!conflict.theirs) throw conflict.error;
  return withoutHistory(await repositories.objectives.update({ ...conflict.mine, etag: conflict.theirs.etag }));
}
