/**
 * Starting the highlight report's first load from the web part, before its UI has rendered.
 * Nothing heavy is imported here: the load itself (firstLoad.ts) comes in a chunk of its own,
 * fetched alongside the UI's code, so the web part's own bundle stays as small as it was.
 */
import type { CalendarConfig } from '../../domain/calendar';
import type { Repositories } from '../../data/repositories';
import type { IReportLoad } from './firstLoad';

/** A first load started before the report was rendered, handed to the first report rendered on those repositories. */
export interface IEarlyReportLoad {
  /** The load, once: later calls (a remount after the lists were set up, say) get undefined and read afresh. */
  take(repositories: Repositories): Promise<IReportLoad> | undefined;
}

/** Hands `load`, started for `repositories`, to the first report that asks for it. */
export function earlyLoad(repositories: Repositories, load: Promise<IReportLoad>): IEarlyReportLoad {
  let pending: Promise<IReportLoad> | undefined = load;
  // Its failure is the report's to show; should no report ever take it, it is not an unhandled rejection.
  load.catch(() => undefined);
  return {
    take(forRepositories: Repositories): Promise<IReportLoad> | undefined {
      if (forRepositories !== repositories) return undefined;
      const taken = pending;
      pending = undefined;
      return taken;
    }
  };
}

/** Starts the report's first load now (`today`: the browser's date unless given). */
export function startReportLoad(repositories: Repositories, today?: string, calendar?: Partial<CalendarConfig>): IEarlyReportLoad {
  return earlyLoad(
    repositories,
    import(/* webpackChunkName: 'ssm-report-first-load' */ './firstLoad').then((m) => m.loadReport(repositories, today ?? m.browserToday(), calendar))
  );
}
