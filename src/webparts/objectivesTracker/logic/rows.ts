/**
 * Pure logic of the objectives tracker's list: one row per objective with what the columns
 * show, then filtering, search, sorting and grouping by service. No React, no I/O, so it is
 * tested directly and stays fast for 5,000 objectives (everything is linear or n log n).
 */
import { comparePeriodIds } from '../../../domain/calendar';
import { NO_UPDATE_STATUSES, compareUpdates } from '../../../domain/progress';
import type { Objective, ObjectiveUpdate, Service } from '../../../domain/types';
import { OBJECTIVE_RAGS, OBJECTIVE_STATUSES, ObjectiveStatus } from '../../../domain/vocabularies';
import { searchKey } from '../../../domain/search';

/** What one row of the list shows. */
export interface IObjectiveRow {
  /** The objective. */
  objective: Objective;
  /** Its service's name ('' when the service is unknown). */
  serviceName: string;
  /** Its latest update among those loaded, if any. */
  latest?: ObjectiveUpdate;
  /**
   * Period of its latest update: the loaded one's, or the objective's own `lastUpdatePeriodId`
   * when that is newer (the tracker loads only recent periods; older history comes on demand).
   */
  latestPeriodId?: string;
  /** Whether the latest update is of a period not loaded, so only its period is known until it is fetched. */
  latestNotLoaded: boolean;
  /** Whether it still owes an update for the current period. */
  needsUpdate: boolean;
  /** Lower-cased text searched: title, aim, officer and latest narrative. */
  searchText: string;
}

/** The filters of the list. Empty arrays mean "any". */
export interface IObjectiveFilters {
  /** Services to show, by id. */
  serviceIds: number[];
  /** Statuses to show. */
  statuses: ObjectiveStatus[];
  /** Responsible officers to show, by user id. */
  officerIds: number[];
  /** Only objectives still owing an update for the current period. */
  needsUpdateOnly: boolean;
  /** Free text searched in title, aim, officer and latest update. */
  search: string;
}

/** Columns the list can be sorted by. */
export type SortKey = 'title' | 'status' | 'rag' | 'officer' | 'latestUpdate' | 'targetDate';

/** Sort order of the list (within each service group). */
export interface ISortState {
  key: SortKey;
  descending: boolean;
}

/** A service group of the sorted rows: rows `startIndex` to `startIndex + count - 1`. */
export interface IRowGroup {
  /** Service id. */
  serviceId: number;
  /** Service name. */
  name: string;
  /** Index of the group's first row. */
  startIndex: number;
  /** Number of rows. */
  count: number;
}

/** Filters that show everything. */
export const NO_FILTERS: IObjectiveFilters = { serviceIds: [], statuses: [], officerIds: [], needsUpdateOnly: false, search: '' };

/** Default sort: by title, A to Z. */
export const DEFAULT_SORT: ISortState = { key: 'title', descending: false };

const plain = (html: string | undefined): string => (html ? html.replace(/<[^>]*>/g, ' ') : '');

/** Normalises text for case- and accent-insensitive search (shared with the benefits and risks search). */
export { searchKey };

/**
 * Builds the rows: each objective with its service name, latest update and whether it owes
 * an update for `currentPeriodId`.
 */
export function buildRows(
  services: readonly Service[],
  objectives: readonly Objective[],
  updates: readonly ObjectiveUpdate[],
  currentPeriodId: string
): IObjectiveRow[] {
  const names = new Map<number, string>();
  for (const s of services) names.set(s.id, s.name);
  const latest = new Map<number, ObjectiveUpdate>();
  const updatedThisPeriod = new Set<number>();
  for (const u of updates) {
    const current = latest.get(u.objectiveId);
    if (!current || compareUpdates(u, current) > 0) latest.set(u.objectiveId, u);
    if (comparePeriodIds(u.periodId, currentPeriodId) === 0) updatedThisPeriod.add(u.objectiveId);
  }
  return objectives.map((objective) => {
    const last = latest.get(objective.id);
    const recorded = objective.lastUpdatePeriodId;
    const latestNotLoaded = !!recorded && (!last || comparePeriodIds(recorded, last.periodId) > 0);
    return {
      objective,
      serviceName: names.get(objective.serviceId) ?? '',
      latest: last,
      latestPeriodId: latestNotLoaded ? recorded : last?.periodId,
      latestNotLoaded,
      needsUpdate: NO_UPDATE_STATUSES.indexOf(objective.status) < 0 && !updatedThisPeriod.has(objective.id),
      searchText: searchKey(
        [objective.title, plain(objective.aim), objective.responsibleOfficer?.displayName ?? '', plain(last?.narrative)].join(' ')
      )
    };
  });
}

/** Rows passing every filter; the search matches when every word appears somewhere. */
export function filterRows(rows: readonly IObjectiveRow[], filters: IObjectiveFilters): IObjectiveRow[] {
  const services = filters.serviceIds.length ? new Set(filters.serviceIds) : undefined;
  const statuses = filters.statuses.length ? new Set<string>(filters.statuses) : undefined;
  const officers = filters.officerIds.length ? new Set(filters.officerIds) : undefined;
  const words = searchKey(filters.search).split(' ').filter((w) => w !== '');
  return rows.filter((r) => {
    const o = r.objective;
    if (services && !services.has(o.serviceId)) return false;
    if (statuses && !statuses.has(o.status)) return false;
    if (officers && !(o.responsibleOfficer && officers.has(o.responsibleOfficer.id))) return false;
    if (filters.needsUpdateOnly && !r.needsUpdate) return false;
    for (const w of words) if (r.searchText.indexOf(w) < 0) return false;
    return true;
  });
}

// One collator for every comparison: `localeCompare` with options builds one per call, which
// made sorting 5,000 rows take seconds in the browser.
const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
const text = (a: string, b: string): number => COLLATOR.compare(a, b);

/** Latest updates by period, then (both loaded) by when written. */
function compareLatest(a: IObjectiveRow, b: IObjectiveRow): number {
  const byPeriod = comparePeriodIds(a.latestPeriodId as string, b.latestPeriodId as string);
  if (byPeriod !== 0 || !a.latest || !b.latest || a.latestNotLoaded || b.latestNotLoaded) return byPeriod;
  return compareUpdates(a.latest, b.latest);
}

/** Empty values sort last whatever the direction, so "Not set" never crowds the top. */
function compareOptional<T>(a: T | undefined, b: T | undefined, cmp: (x: T, y: T) => number, descending: boolean): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return descending ? -cmp(a, b) : cmp(a, b);
}

/** Compares two rows by a sort key; ties fall back to title then id so the order is total. */
export function compareRows(a: IObjectiveRow, b: IObjectiveRow, sort: ISortState): number {
  const d = sort.descending;
  const x = a.objective;
  const y = b.objective;
  let result: number;
  switch (sort.key) {
    case 'status':
      result = compareOptional(OBJECTIVE_STATUSES.indexOf(x.status), OBJECTIVE_STATUSES.indexOf(y.status), (p, q) => p - q, d);
      break;
    case 'rag':
      // Red first when ascending: the ones needing attention.
      result = compareOptional(OBJECTIVE_RAGS.indexOf(x.rag), OBJECTIVE_RAGS.indexOf(y.rag), (p, q) => p - q, d);
      break;
    case 'officer':
      result = compareOptional(x.responsibleOfficer?.displayName || undefined, y.responsibleOfficer?.displayName || undefined, text, d);
      break;
    case 'latestUpdate':
      result = compareOptional(a.latestPeriodId === undefined ? undefined : a, b.latestPeriodId === undefined ? undefined : b, compareLatest, d);
      break;
    case 'targetDate':
      result = compareOptional(x.targetDate, y.targetDate, (p, q) => (p < q ? -1 : p > q ? 1 : 0), d);
      break;
    default:
      result = d ? -text(x.title, y.title) : text(x.title, y.title);
  }
  return result || text(x.title, y.title) || x.id - y.id;
}

/** Rows in display order: by service (name, then id), each service's rows by `sort`. */
export function sortRows(rows: readonly IObjectiveRow[], sort: ISortState): IObjectiveRow[] {
  return rows.slice().sort((a, b) => text(a.serviceName, b.serviceName) || a.objective.serviceId - b.objective.serviceId || compareRows(a, b, sort));
}

/**
 * Groups rows already in display order (from sortRows, possibly filtered since: filtering
 * keeps the order, so a filter change never sorts again). Linear.
 */
export function groupSortedRows(sorted: readonly IObjectiveRow[]): { rows: IObjectiveRow[]; groups: IRowGroup[] } {
  const groups: IRowGroup[] = [];
  sorted.forEach((r, i) => {
    const last = groups[groups.length - 1];
    if (last && last.serviceId === r.objective.serviceId) last.count++;
    else groups.push({ serviceId: r.objective.serviceId, name: r.serviceName, startIndex: i, count: 1 });
  });
  return { rows: sorted.slice(), groups };
}

/**
 * Sorts rows into service groups (services by name, programme order stable), each group's rows
 * by `sort`. Returns the rows in display order and the groups over them.
 */
export function groupRows(rows: readonly IObjectiveRow[], sort: ISortState): { rows: IObjectiveRow[]; groups: IRowGroup[] } {
  return groupSortedRows(sortRows(rows, sort));
}

/** Ids of the services whose name contains the text (case-insensitive); every service for blank text. */
export function servicesMatching(services: readonly Service[], textFilter: string): number[] {
  const needle = searchKey(textFilter);
  return services.filter((s) => needle === '' || searchKey(s.name).indexOf(needle) >= 0).map((s) => s.id);
}

/** Objectives the user is responsible for that the quarterly update covers: open ones, and any already updated this period. */
export function myObjectivesForPeriod(
  objectives: readonly Objective[],
  updates: readonly ObjectiveUpdate[],
  userId: number,
  periodId: string
): Objective[] {
  const updated = new Set<number>();
  for (const u of updates) if (comparePeriodIds(u.periodId, periodId) === 0) updated.add(u.objectiveId);
  return objectives
    .filter((o) => o.responsibleOfficer?.id === userId && (o.status !== 'Complete' || updated.has(o.id)))
    .sort((a, b) => text(a.title, b.title) || a.id - b.id);
}

/** Every update of an objective, newest first. */
export function historyOf(updates: readonly ObjectiveUpdate[], objectiveId: number): ObjectiveUpdate[] {
  return updates.filter((u) => u.objectiveId === objectiveId).sort((a, b) => compareUpdates(b, a));
}

/** The update of an objective for a period (the latest written, if there are several). */
export function updateFor(updates: readonly ObjectiveUpdate[], objectiveId: number, periodId: string): ObjectiveUpdate | undefined {
  let found: ObjectiveUpdate | undefined;
  for (const u of updates) {
    if (u.objectiveId !== objectiveId || comparePeriodIds(u.periodId, periodId) !== 0) continue;
    if (!found || compareUpdates(u, found) > 0) found = u;
  }
  return found;
}
