/**
 * Progress of objectives over reporting periods: latest update, who still owes an update,
 * and what changed between two committee reports.
 */
import { ReportingPeriod, comparePeriodIds } from './calendar';
import type { Objective, ObjectiveUpdate } from './types';
import type { ObjectiveStatus, Rag } from './vocabularies';

/** Statuses for which no quarterly update is expected. */
export const NO_UPDATE_STATUSES: readonly ObjectiveStatus[] = ['Complete', 'On hold'];

/** Milliseconds since the epoch of an ISO 8601 timestamp; unparseable values sort first. */
function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * Orders updates oldest first: by period, then by when written (parsed, so different UTC
 * offsets compare correctly), then by id so the order is total.
 */
export function compareUpdates(a: ObjectiveUpdate, b: ObjectiveUpdate): number {
  return comparePeriodIds(a.periodId, b.periodId) || timeOf(a.updatedOn) - timeOf(b.updatedOn) || a.id - b.id;
}

/** The latest update of each objective (by period, then by when written). */
export function latestUpdateByObjective(updates: readonly ObjectiveUpdate[]): Map<number, ObjectiveUpdate> {
  const latest = new Map<number, ObjectiveUpdate>();
  for (const update of updates) {
    const current = latest.get(update.objectiveId);
    if (!current || compareUpdates(update, current) > 0) latest.set(update.objectiveId, update);
  }
  return latest;
}

/**
 * Whether an objective still owes an update for a period: false when it is Complete or On
 * hold, or when an update for that period exists.
 */
export function needsUpdate(
  objective: Pick<Objective, 'id' | 'status'>,
  updates: readonly ObjectiveUpdate[],
  period: ReportingPeriod | string
): boolean {
  if (NO_UPDATE_STATUSES.indexOf(objective.status) >= 0) return false;
  const periodId = typeof period === 'string' ? period : period.id;
  return !updates.some((u) => u.objectiveId === objective.id && comparePeriodIds(u.periodId, periodId) === 0);
}

/** Status and RAG of an objective as reported at some period. */
export interface ReportedState {
  /** Period of the update this state comes from. */
  readonly periodId: string;
  /** Status reported. */
  readonly status: ObjectiveStatus;
  /** RAG reported. */
  readonly rag: Rag;
}

/** How one objective's reported status or RAG changed between two periods. */
export interface StatusChange {
  /** Objective id. */
  readonly objectiveId: number;
  /** State as of the earlier period, or undefined when nothing had been reported yet. */
  readonly from?: ReportedState;
  /** State as of the later period. */
  readonly to: ReportedState;
  /** Whether the status differs (true when `from` is undefined). */
  readonly statusChanged: boolean;
  /** Whether the RAG differs (true when `from` is undefined). */
  readonly ragChanged: boolean;
}

function stateAsOf(updates: readonly ObjectiveUpdate[], periodId: string): ReportedState | undefined {
  const upTo = updates.filter((u) => comparePeriodIds(u.periodId, periodId) <= 0);
  const latest = latestUpdateByObjective(upTo);
  const found = latest.values().next();
  return found.done ? undefined : { periodId: found.value.periodId, status: found.value.status, rag: found.value.rag };
}

/**
 * Objectives whose reported status or RAG differs between two periods, each state taken from
 * the latest update on or before that period (an objective not updated in a quarter keeps its
 * earlier state). Objectives first reported by `toPeriod` count as changed, with no `from`.
 * Sorted by objective id.
 */
export function statusChanges(
  updates: readonly ObjectiveUpdate[],
  fromPeriod: ReportingPeriod | string,
  toPeriod: ReportingPeriod | string
): StatusChange[] {
  const fromId = typeof fromPeriod === 'string' ? fromPeriod : fromPeriod.id;
  const toId = typeof toPeriod === 'string' ? toPeriod : toPeriod.id;
  const byObjective = new Map<number, ObjectiveUpdate[]>();
  for (const u of updates) {
    const list = byObjective.get(u.objectiveId) ?? [];
    list.push(u);
    byObjective.set(u.objectiveId, list);
  }
  const changes: StatusChange[] = [];
  const ids = Array.from(byObjective.keys()).sort((a, b) => a - b);
  for (const objectiveId of ids) {
    const own = byObjective.get(objectiveId) ?? [];
    const to = stateAsOf(own, toId);
    if (!to) continue;
    const from = stateAsOf(own, fromId);
    const statusChanged = !from || from.status !== to.status;
    const ragChanged = !from || from.rag !== to.rag;
    if (statusChanged || ragChanged) changes.push({ objectiveId, from, to, statusChanged, ragChanged });
  }
  return changes;
}
