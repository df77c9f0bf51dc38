/**
 * Starting the objectives tracker's first load from the web part, before its UI has rendered
 * (src/components/earlyLoad.ts). The load (logic/loadTracker.ts) comes in a chunk of its own,
 * fetched alongside the UI's code, so the web part's bundle stays small.
 */
import type { CalendarConfig } from '../../domain/calendar';
import type { Repositories } from '../../data/repositories';
import { earlyLoad, IEarlyLoad } from '../../components/earlyLoad';
import type { ITrackerLoad } from './logic/loadTracker';

/** The tracker's early first load, keyed by the periods whose updates it read (`trackerLoadKey`). */
export type IEarlyTrackerLoad = IEarlyLoad<ITrackerLoad>;

/** Starts the tracker's first load now, for the periods of `today` (the browser's date unless given). */
export function startTrackerLoad(repositories: Repositories, today?: string, calendar?: Partial<CalendarConfig>): IEarlyTrackerLoad {
  return earlyLoad(
    repositories,
    import(/* webpackChunkName: 'ssm-objectives-tracker-first-load' */ './logic/loadTracker').then(async (m) => {
      const periodIds = m.trackerPeriodsOn(today ?? m.browserToday(), calendar);
      return { key: m.trackerLoadKey(periodIds), value: await m.loadTracker(repositories, periodIds) };
    })
  );
}
