/**
 * SharePoint's Title of an item kept per quarter (an update, an actual, a survey, a highlight),
 * which auditors read in the list views: the quarter as people say it ("Q4 2021/22"), never its id,
 * then the number of the item it belongs to.
 */
import { isPeriodId, periodShortLabel } from '../../domain/calendar';

/** "Q4 2021/22 #12"; an id the calendar does not know is kept as written. */
export function periodTitle(periodId: unknown, ofId: unknown): string | undefined {
  if (typeof periodId !== 'string') return undefined;
  const period = isPeriodId(periodId) ? periodShortLabel(periodId) : periodId;
  return `${period} #${String(ofId ?? '')}`;
}
