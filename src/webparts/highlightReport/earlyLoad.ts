/**
 * Starting the highlight report's first load from the web part, before its UI has rendered
 * (src/components/earlyLoad.ts). Nothing heavy is imported here: the load itself (firstLoad.ts)
 * comes in a chunk of its own, fetched alongside the UI's code, so the web part's bundle stays small.
 */
import type { CalendarConfig } from '../../domain/calendar';
import type { Repositories } from '../../data/repositories';
import { earlyLoad, IEarlyLoad } from '../../components/earlyLoad';
import type { IReportLoad } from './firstLoad';

/** The report's early first load. Any day's load will do: the day only guides which narratives come first. */
export type IEarlyReportLoad = IEarlyLoad<IReportLoad>;

/** The key every report load has (see IEarlyReportLoad). */
export const REPORT_LOAD_KEY = 'report';

/** Starts the report's first load now (`today`: the browser's date unless given). */
export function startReportLoad(repositories: Repositories, today?: string, calendar?: Partial<CalendarConfig>): IEarlyReportLoad {
  return earlyLoad(
    repositories,
    import(/* webpackChunkName: 'ssm-highlight-report-first-load' */ './firstLoad').then(async (m) => ({
      key: REPORT_LOAD_KEY,
      value: await m.loadReport(repositories, today ?? m.browserToday(), calendar)
    }))
  );
}
