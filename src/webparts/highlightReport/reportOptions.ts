/**
 * What the highlight report web part can be asked for: the periods offered in the picker, the
 * period shown first, and the report model built for the choices. No React here, so the rules
 * are tested on their own and the component stays about rendering.
 */
import { CalendarConfig, comparePeriodIds, isPeriodId, periodById, periodFor, periodsBetween, previousPeriod, ReportingPeriod } from '../../domain/calendar';
import { buildReportModel, firstShownObjectives, firstShownUpdateIds, previousSnapshot, ReportKind, ReportModel } from '../../domain/report';
import type { ReportData, ReportHistory } from '../../domain/report/build';
import type { ReportNarrative, ReportSettings } from '../../domain/report/settings';
import type { Highlight, Objective, ObjectiveUpdate, ReportSnapshot } from '../../domain/types';
import { existingOn } from '../../domain/report/build';
import type { FollowUpReads } from '../../data/repositories';

/** The lists the report reads, in `loadInitial` terms. */
export const REPORT_LISTS = ['services', 'objectives', 'updates', 'actions', 'benefits', 'risks', 'measures', 'measureActuals', 'highlights', 'meetings', 'bestPractice', 'lessonsLearned', 'staffSurveys', 'budgetLines', 'successes'] as const;

/**
 * Rows of a service's objectives or changes shown before "Show all": a screenful. A report of
 * thousands of objectives otherwise renders (and lays out) every row before anyone sees the first.
 */
export const REPORT_FIRST_ROWS = 20;

/** Quarters always offered up to today's, reported or not (two years), so a new site can still pick one. */
const RECENT_QUARTERS = 8;

/** Period ids that carry reported data: objective updates, general updates and published snapshots. */
export function reportedPeriodIds(
  data: { updates: readonly Pick<ReportData['updates'][number], 'periodId'>[]; highlights: readonly Pick<ReportData['highlights'][number], 'periodId'>[] },
  snapshots: readonly Pick<ReportSnapshot, 'periodId'>[] = []
): string[] {
  const ids: string[] = [];
  // Tens of thousands of updates name a handful of periods: an id seen before is settled at once.
  const seen = new Set<string>();
  const add = (id: string | undefined): void => {
    if (!id || seen.has(id)) return;
    seen.add(id);
    if (!isPeriodId(id)) return;
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

/** What the report's first round has read when it plans the second (see `reportFollowUp`). */
export interface ReportFirstRound {
  /** The latest period any update is for, if known. */
  latestUpdatePeriod?: string;
  highlights: readonly Pick<Highlight, 'periodId'>[];
  snapshots?: readonly Pick<ReportSnapshot, 'periodId'>[];
  /** The objectives read so far (the oldest first: the rest of a list over 5,000 comes in the second round). */
  objectives: readonly Pick<Objective, 'id' | 'created' | 'lastUpdatePeriodId' | 'serviceId'>[];
  /** Every update's status fields, when they came from the objectives' status histories in the first round. */
  updates?: readonly ObjectiveUpdate[];
  /** Whether `updates` came from the status histories (so they are every update). */
  updatesFromHistories?: boolean;
  /** Whether the objectives came without their aim, officer and dates (`objectiveFields: 'summary'`). */
  objectivesSummaryOnly?: boolean;
  benefits: readonly { id: number }[];
  risks: readonly { id: number }[];
}

/** The objective and period of each update whose narrative the first rows show (see reportFollowUp). */
function firstNarratives(first: ReportFirstRound, period: ReportingPeriod, rows: number, calendar?: Partial<CalendarConfig>): Array<{ objectiveId: number; periodId: string }> {
  if (first.updatesFromHistories && first.updates) {
    const ids = new Set(firstShownUpdateIds(first.updates, first.objectives, period.id, rows, calendar));
    return first.updates.filter((u) => ids.has(u.id)).map((u) => ({ objectiveId: u.objectiveId, periodId: u.periodId }));
  }
  return firstShownObjectives(first.objectives, period.id, rows, calendar).map((o) => {
    const last = o.lastUpdatePeriodId;
    return { objectiveId: o.id, periodId: last && isPeriodId(last) && comparePeriodIds(last, period.id) <= 0 ? last : period.id };
  });
}

/**
 * The second round of the report's first load. For the period it will most likely open on (as
 * `defaultPeriod` picks it, the updates' latest period standing for all of theirs), the updates
 * whose narratives it shows: that period's, and for an objective last updated earlier the update
 * of its last update period (`lastUpdatePeriodId`, kept by the update save and the import), or,
 * while objectives are still to come, the whole period before. When that period is over, the
 * benefits' and risks' version histories too. Only a guess: whatever it misses is read by id
 * before the report is shown.
 *
 * With `firstRows`, only the narratives of each service's first `firstRows` objectives, which the
 * report shows before "Show all": the exact updates when the statuses came from the histories,
 * otherwise each objective's update of its last update period (or of the period, for a period
 * before it); and, when the objectives came as summaries, every field of those objectives. The
 * rest are read once the report is on screen.
 */
export function reportFollowUp(
  first: ReportFirstRound,
  unfinished: ReadonlySet<string>,
  today: string,
  calendar?: Partial<CalendarConfig>,
  withHistory = true,
  firstRows?: number
): FollowUpReads {
  const reported = reportedPeriodIds(
    { updates: first.latestUpdatePeriod ? [{ periodId: first.latestUpdatePeriod }] : [], highlights: first.highlights },
    first.snapshots ?? []
  );
  const period = periodById(defaultPeriod(reported, today, calendar).periodId, calendar);
  const past = period.end < today;
  const history = past && withHistory ? { benefits: first.benefits.map((b) => b.id), risks: first.risks.map((r) => r.id) } : undefined;
  // A report shows no narrative of objectives created after its period: none existed then, none to read.
  const existing = existingOn(first.objectives as Objective[], period.end);
  if (existing.length === 0) return { updatesForPeriods: [], history };
  if (firstRows !== undefined) {
    // And every field of those objectives, when the first round brought their summaries only.
    const objectives = first.objectivesSummaryOnly ? firstShownObjectives(first.objectives, period.id, firstRows, calendar).map((o) => o.id) : undefined;
    return { updatesOf: firstNarratives(first, period, firstRows, calendar), history, ...(objectives ? { objectives } : {}) };
  }
  const more = unfinished.has('objectives');
  // The periods read whole: that period, and the one before while more objectives are to come.
  const whole = more ? [period.id, previousPeriod(period.id, calendar).id] : [period.id];
  const earlier = existing.filter(
    (o) => o.lastUpdatePeriodId && isPeriodId(o.lastUpdatePeriodId) && comparePeriodIds(o.lastUpdatePeriodId, period.id) < 0 && !whole.some((p) => comparePeriodIds(p, o.lastUpdatePeriodId as string) === 0)
  );
  return {
    updatesForPeriods: whole,
    updatesOf: earlier.map((o) => ({ objectiveId: o.id, periodId: o.lastUpdatePeriodId as string })),
    history
  };
}
