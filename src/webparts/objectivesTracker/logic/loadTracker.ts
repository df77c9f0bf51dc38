/**
 * The tracker's first load: services, objectives and only the updates of the period being
 * reported and the one before it (an objective's older history is read on demand), with the
 * signed-in user and their edit permission in the same `$batch`, so the whole first load is one
 * request for lists of up to 5,000 items.
 */
import { CalendarConfig, isoDateOf, nextDeadline, ReportingPeriod, previousPeriod } from '../../../domain/calendar';
import type { Person } from '../../../domain/types';
import type { Repositories } from '../../../data/repositories';
import { loadWithAccess } from '../../../components/loadWithAccess';
import type { ITrackerData } from './trackerState';

/** What the tracker needs before its first render. */
export interface ITrackerLoad {
  data: ITrackerData;
  me: Person;
  canEdit: boolean;
}

/** The lists the tracker reads. */
export const TRACKER_LISTS = ['services', 'objectives', 'updates', 'actions'] as const;

/** Periods whose updates the first load reads: the one being reported and the one before. */
export function trackerPeriods(period: ReportingPeriod, calendar?: Partial<CalendarConfig>): string[] {
  return [period.id, previousPeriod(period.id, calendar).id];
}

/** The periods of `today`: the one whose deadline is next, and the one before. */
export function trackerPeriodsOn(today: string, calendar?: Partial<CalendarConfig>): string[] {
  return trackerPeriods(nextDeadline(today, calendar), calendar);
}

/** What a load of these periods is known by, so an early load is used only for the periods the tracker shows. */
export function trackerLoadKey(periodIds: readonly string[]): string {
  return periodIds.join('|');
}

/** Today's date in the browser's time zone, as the tracker's clock gives it by default. */
export function browserToday(): string {
  return isoDateOf(new Date());
}

/** Loads the tracker's data, user and permission (see loadWithAccess). */
export async function loadTracker(
  repositories: Pick<Repositories, 'loadInitial' | 'currentUser' | 'canEdit'>,
  periodIds: readonly string[]
): Promise<ITrackerLoad> {
  const { data, me, canEdit } = await loadWithAccess(repositories, TRACKER_LISTS, 'objectives', { updatesForPeriods: periodIds });
  return { data: { services: data.services, objectives: data.objectives, updates: data.updates, actions: data.actions }, me, canEdit };
}
