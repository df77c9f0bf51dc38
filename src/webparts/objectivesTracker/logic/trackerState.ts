/**
 * Shared state of the objectives tracker (list, panels and dialogs read and change it through
 * a context): the data loaded, filters and sort. Pure reducer, so every transition is testable.
 */
import type { Objective, ObjectiveAction, ObjectiveUpdate, Service } from '../../../domain/types';
import { DEFAULT_SORT, IObjectiveFilters, ISortState, NO_FILTERS, SortKey } from './rows';

/** The lists the tracker works on. */
export interface ITrackerData {
  services: Service[];
  objectives: Objective[];
  updates: ObjectiveUpdate[];
  /** Actions of the objectives' action plans (shown under each objective); absent in older data. */
  actions?: ObjectiveAction[];
}

/** The tracker's state. */
export interface ITrackerState {
  /** Undefined until the first load. */
  data?: ITrackerData;
  filters: IObjectiveFilters;
  sort: ISortState;
}

/** What can happen to the state. */
export type TrackerAction =
  | { type: 'loaded'; data: ITrackerData }
  | { type: 'objectivesSaved'; objectives: readonly Objective[] }
  | { type: 'updatesSaved'; updates: readonly ObjectiveUpdate[] }
  /** Updates read on demand (an objective's history): merged in, the server's version winning. */
  | { type: 'updatesLoaded'; updates: readonly ObjectiveUpdate[] }
  | { type: 'filtersChanged'; filters: Partial<IObjectiveFilters> }
  | { type: 'filtersReset' }
  | { type: 'sortBy'; key: SortKey };

/** Initial state, optionally with filters (e.g. the property pane's default service filter). */
export function initialTrackerState(filters: Partial<IObjectiveFilters> = {}): ITrackerState {
  return { filters: { ...NO_FILTERS, ...filters }, sort: DEFAULT_SORT };
}

/** Replaces items with the same id and appends new ones, keeping the array order otherwise. */
function upsert<T extends { id: number }>(list: readonly T[], changed: readonly T[]): T[] {
  if (changed.length === 0) return list.slice();
  const byId = new Map<number, T>();
  for (const c of changed) byId.set(c.id, c);
  const next = list.map((item) => {
    const replacement = byId.get(item.id);
    if (replacement) byId.delete(item.id);
    return replacement ?? item;
  });
  byId.forEach((item) => next.push(item));
  return next;
}

/** The reducer. */
export function trackerReducer(state: ITrackerState, action: TrackerAction): ITrackerState {
  switch (action.type) {
    case 'loaded':
      return { ...state, data: action.data };
    case 'objectivesSaved':
      return state.data ? { ...state, data: { ...state.data, objectives: upsert(state.data.objectives, action.objectives) } } : state;
    case 'updatesSaved':
    case 'updatesLoaded':
      return state.data ? { ...state, data: { ...state.data, updates: upsert(state.data.updates, action.updates) } } : state;
    case 'filtersChanged':
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case 'filtersReset':
      return { ...state, filters: NO_FILTERS };
    case 'sortBy':
      // Same column again flips the direction, as in SharePoint list views.
      return {
        ...state,
        sort: state.sort.key === action.key ? { key: action.key, descending: !state.sort.descending } : { key: action.key, descending: false }
      };
    default:
      return state;
  }
}
