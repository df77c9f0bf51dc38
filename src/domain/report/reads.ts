/**
 * What a report reads of the objective updates. Its statuses, changes and trends come from every
 * update's status and RAG, but it shows the narrative (and author) of one update per objective
 * only: its latest up to the period, among the updates that existed at the period's end. So a
 * view can read the statuses of the whole history and the narratives of those updates alone, and
 * build exactly the model it would build from every update read whole.
 */
import { comparePeriodIds, periodById } from '../calendar';
import type { CalendarConfig } from '../calendar';
import { latestUpdateByObjective } from '../progress';
import type { Objective, ObjectiveUpdate } from '../types';
import { existingOn } from './build';

/**
 * Ids of the updates whose narrative and author a report for `periodId` shows (any scope: every
 * objective's), given every update with at least its status fields.
 */
export function shownUpdateIds(updates: readonly ObjectiveUpdate[], periodId: string, calendar?: Partial<CalendarConfig>): number[] {
  const period = periodById(periodId, calendar);
  const upTo = existingOn(updates, period.end).filter((u) => comparePeriodIds(u.periodId, period.id) <= 0);
  const ids: number[] = [];
  latestUpdateByObjective(upTo).forEach((u) => ids.push(u.id));
  return ids.sort((a, b) => a - b);
}

/** The updates with those read whole (`full`, by id) in place of their status-only versions. */
export function withFullUpdates(updates: readonly ObjectiveUpdate[], full: ReadonlyMap<number, ObjectiveUpdate>): ObjectiveUpdate[] {
  if (full.size === 0) return [...updates];
  return updates.map((u) => full.get(u.id) ?? u);
}

/**
 * The objectives a report shows before "Show all" in each service's table (services' objectives
 * are listed by id): the first `rows` of each service's, among those that existed at the period's end.
 */
export function firstShownObjectives<T extends Pick<Objective, 'id' | 'serviceId' | 'created'>>(
  objectives: readonly T[],
  periodId: string,
  rows: number,
  calendar?: Partial<CalendarConfig>
): T[] {
  const period = periodById(periodId, calendar);
  const byService = new Map<number, T[]>();
  for (const o of existingOn(objectives as ReadonlyArray<T & { etag: string }>, period.end)) {
    const own = byService.get(o.serviceId) ?? [];
    own.push(o);
    byService.set(o.serviceId, own);
  }
  const first: T[] = [];
  byService.forEach((own) => first.push(...own.sort((a, b) => a.id - b.id).slice(0, rows)));
  return first.sort((a, b) => a.id - b.id);
}

/**
 * Of the updates a report shows (`shown`, shownUpdateIds when not given), those of the objectives
 * in the first `rows` of their service's table: the narratives a first view needs before the rest arrive.
 */
export function firstShownUpdateIds(
  updates: readonly ObjectiveUpdate[],
  objectives: ReadonlyArray<Pick<Objective, 'id' | 'serviceId' | 'created'>>,
  periodId: string,
  rows: number,
  calendar?: Partial<CalendarConfig>,
  shown: readonly number[] = shownUpdateIds(updates, periodId, calendar)
): number[] {
  const first = new Set(firstShownObjectives(objectives, periodId, rows, calendar).map((o) => o.id));
  const byId = new Map(updates.map((u) => [u.id, u]));
  return shown.filter((id) => first.has(byId.get(id)?.objectiveId ?? -1));
}
