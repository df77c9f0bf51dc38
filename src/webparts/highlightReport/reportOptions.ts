/**
 * What the highlight report web part can be asked for: the periods offered in the picker, the
 * period shown first, and the report model built for the choices. No React here, so the rules
 * are tested on their own and the component stays about rendering.
 */
import { CalendarConfig, comparePeriodIds, isPeriodId, periodById, periodFor, periodsBetween, previousPeriod, ReportingPeriod } from '../../domain/calendar';
import { buildReportModel, previousSnapshot, ReportKind, ReportModel } from '../../domain/report';
import type { ReportData, ReportHistory } from '../../domain/report/build';
import type { ReportNarrative, ReportSettings } from '../../domain/report/settings';
import type { ReportSnapshot } from '../../domain/types';

/** The lists the report reads, in `loadInitial` terms. */
export const REPORT_LISTS = ['services', 'objectives', 'updates', 'actions', 'benefits', 'risks', 'measures', 'measureActuals', 'highlights', 'meetings', 'bestPractice', 'lessonsLearned', 'staffSurveys', 'budgetLines', 'successes'] as const;

/** Quarters always offered up to today's, reported or not (two years), so a new site can still pick one. */
const RECENT_QUARTERS = 8;

/** Period ids that carry reported data: objective updates, general updates and published snapshots. */
export function reportedPeriodIds(data: Pick<ReportData, 'updates' | 'highlights'>, snapshots: readonly ReportSnapshot[] = []): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined): void => {
    if (!id || !isPeriodId(id)) return;
    if (!ids.some((known) => comparePeriodIds(known, id) === 0)) ids.push(id);
  };
  for (const u of data.updates) add(u.periodId);
  for (const h of data.highlights) add(h.periodId);
  for (const s of snapshots) add(s.periodId);
  return ids.sort(comparePeriodIds);
}

/**
 * Periods offered in the picker, newest first: from the earliest reported period (or two years
 * back, if that is earlier) to the later of today's period and the latest reported one.
 */
export function periodOptions(reported: readonly string[], today: string, calendar?: Partial<CalendarConfig>): ReportingPeriod[] {
  const current = periodFor(today, calendar);
  let first = current;
  for (let i = 1; i < RECENT_QUARTERS; i++) first = previousPeriod(first.id, calendar);
  const earliest = reported.length > 0 ? reported[0] : undefined;
  const latest = reported.length > 0 ? reported[reported.length - 1] : undefined;
  const from = earliest !== undefined && comparePeriodIds(earliest, first.id) < 0 ? earliest : first.id;
  const to = latest !== undefined && comparePeriodIds(latest, current.id) > 0 ? latest : current.id;
  return periodsBetween(from, to, calendar).reverse();
}

/** The period shown first, and whether it is a fallback from today's period. */
export interface DefaultPeriod {
  /** Period id to show. */
  periodId: string;
  /** Today's period, when nothing is reported for it yet and an earlier period is shown instead. */
  insteadOf?: string;
}

/**
 * Today's reporting period; when nothing has been reported for it yet (a new quarter), the latest
 * reported period before it, so the tab opens on the report the committee is reading.
 */
export function defaultPeriod(reported: readonly string[], today: string, calendar?: Partial<CalendarConfig>): DefaultPeriod {
  const current = periodFor(today, calendar);
  if (reported.some((id) => comparePeriodIds(id, current.id) === 0)) return { periodId: current.id };
  const earlier = reported.filter((id) => comparePeriodIds(id, current.id) < 0);
  if (earlier.length === 0) return { periodId: current.id };
  return { periodId: periodById(earlier[earlier.length - 1], calendar).id, insteadOf: current.id };
}

/** What the user picked. */
export interface ReportChoice {
  /** Which report. */
  kind: ReportKind;
  /** Reporting period id. */
  periodId: string;
  /** One service, or undefined for all services. */
  serviceId?: number;
}

/**
 * The report model for the choice, from today's data, with the latest published report of an
 * earlier period (same scope) deciding which benefits count as realised this period, exactly as
 * `npm run report` builds it. Throws ReportError or CalendarError for an impossible choice.
 */
export function modelFor(
  data: ReportData,
  snapshots: readonly ReportSnapshot[],
  choice: ReportChoice,
  generatedOn: string,
  calendar?: Partial<CalendarConfig>,
  paper: { narrative?: ReportNarrative; settings?: Partial<ReportSettings>; history?: ReportHistory } = {}
): ReportModel {
  const earlier = previousSnapshot(snapshots, choice.periodId, choice.serviceId);
  return buildReportModel(data, {
    kind: choice.kind,
    periodId: choice.periodId,
    serviceId: choice.serviceId,
    generatedOn,
    calendar,
    previousSnapshot: earlier?.model,
    narrative: paper.narrative,
    settings: paper.settings,
    history: paper.history
  });
}
