/**
 * The highlight report's first load, kept apart from its UI so the web part can start it as
 * soon as its repositories exist, while the UI's code is still downloading: on a real network
 * the two overlap instead of following one another.
 */
import { CalendarConfig, isoDateOf } from '../../domain/calendar';
import type { ReportSnapshot } from '../../domain/types';
import type { Repositories } from '../../data/repositories';
import { IWithAccess, loadWithAccess } from '../../components/loadWithAccess';
import { REPORT_FIRST_ROWS, REPORT_LISTS, reportFollowUp } from './reportOptions';

/** The report's first load: the lists, the user and their permissions, and every published snapshot. */
export interface IReportLoad extends IWithAccess {
  snapshots: ReportSnapshot[];
}

/**
 * Reads what the report needs in one `$batch` and a second round: the lists, the published
 * snapshots, the paper settings and the publish permission first; then the rest of a list over
 * 5,000 items, the narratives of each table's first rows and, for a past period, the version
 * histories. `today` decides the period the report most likely opens on.
 */
export async function loadReport(repositories: Repositories, today: string, calendar?: Partial<CalendarConfig>): Promise<IReportLoad> {
  // Read only: the report saves nothing it reads, so the items come without etags (half the download).
  // Publishing needs edit rights on the snapshots; writing a general update on the highlights;
  // editing the services list marks an editor, who may write any service's update.
  // Of the updates only the statuses are read, from the objectives' status histories when those
  // account for the update list: the trend and the changes need no narrative.
  const loaded = await loadWithAccess(repositories, REPORT_LISTS, ['snapshots', 'highlights', 'services'], {
    readOnly: true,
    updateFields: 'history',
    // The aim, officer and dates of the objectives each table shows first come with the second round; the rest's later.
    objectiveFields: 'summary',
    include: { snapshots: true, reportSettings: true, latestUpdatePeriod: true },
    followUp: (first, unfinished) => reportFollowUp(first, unfinished, today, calendar, !!repositories.history, REPORT_FIRST_ROWS)
  });
  // A repository that does not read the snapshots with the lists (a test double) is asked separately.
  return { ...loaded, snapshots: loaded.data.snapshots ?? (await repositories.snapshots.getAll()) };
}

/** Today's date in the browser's time zone, as the report's clock gives it by default. */
export function browserToday(): string {
  return isoDateOf(new Date());
}
