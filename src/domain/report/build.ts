/**
 * Builds the committee report model from the lists' data for one service or all services
 * and one reporting period. Pure: the caller loads the data and passes the clock.
 */
import { CalendarConfig, comparePeriodIds, periodById, periodsBetween, previousPeriod, ReportingPeriod } from '../calendar';
import { councilTotals, sumTotals } from '../benefits';
import { latestUpdateByObjective, statusChanges } from '../progress';
import { inherentScore, residualChange, residualScore, riskBand } from '../scoring';
import type { Benefit, BestPractice, BudgetLine, CommitteeMeeting, Highlight, LessonLearned, Measure, MeasureActual, Objective, ObjectiveAction, ObjectiveUpdate, Person, Risk, Service, StaffSurvey, Stored, Success } from '../types';
import { budgetTotals, responseRate } from '../cycle';
import { withListedActuals } from '../measures';
import { successesBetween } from '../annualReview';
import { OBJECTIVE_RAGS, OBJECTIVE_STATUSES, ObjectiveRag, ObjectiveStatus, Rag, RAG_RATINGS } from '../vocabularies';
import { completeSettings, orderCouncils } from './settings';
import type { ReportNarrative, ReportSettings } from './settings';
import type {
  BenefitRow,
  CouncilTotal,
  HighlightRow,
  MeasureRow,
  ObjectiveRow,
  RealisedBasis,
  ReportKind,
  ReportModel,
  ReportPeriod,
  RiskRow,
  SavingsTotals,
  ServiceSection,
  StatusChangeRow,
  TrendRow,
  StaffSurveyRow,
  ReportMeeting,
  BudgetOverview,
} from './model';
import { REPORT_KINDS, REPORT_MODEL_FORMAT } from './model';

/** The lists a report reads (the same shape as the repositories' InitialData). */
export interface ReportData {
  services: readonly Service[];
  objectives: readonly Objective[];
  updates: readonly ObjectiveUpdate[];
  benefits: readonly Benefit[];
  risks: readonly Risk[];
  measures: readonly Measure[];
  highlights: readonly Highlight[];
  /** Actions of the objectives' action plans; without them the paper shows none. */
  actions?: readonly ObjectiveAction[];
  /** Actuals entered in the measure actuals list; merged into the measures' own figures. */
  measureActuals?: readonly MeasureActual[];
  /** Best practice shared between the councils (annual review); optional for older callers. */
  bestPractice?: readonly BestPractice[];
  /** Lessons learned (annual review). */
  lessonsLearned?: readonly LessonLearned[];
  /** Committee meetings: the paper names the one that receives it. */
  meetings?: readonly CommitteeMeeting[];
  /** Staff satisfaction survey results (quarterly performance report). */
  staffSurveys?: readonly StaffSurvey[];
  /** Budget lines per service and financial year (annual review). */
  budgetLines?: readonly BudgetLine[];
  /** Areas of success and achievements (annual review); optional for older callers. */
  successes?: readonly Success[];
}

/** One version of an item from its version history: when it was saved and the values it held. */
export interface ItemVersion {
  /** When the version was saved (ISO 8601). */
  readonly on: string;
  /** Field values of that version, by domain key (only the fields read). */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Version histories of the items a paper reports values of, by item id: benefits (delivery
 * status and savings) and risks (scores and status). Lists without a history are taken as they are now.
 */
export interface ReportHistory {
  benefits?: ReadonlyMap<number, readonly ItemVersion[]>;
  risks?: ReadonlyMap<number, readonly ItemVersion[]>;
}

/** What to report on. */
export interface BuildReportOptions {
  /** Which report. */
  kind: ReportKind;
  /** Reporting period id, e.g. "2021-22-Q4". */
  periodId: string;
  /** One service, or undefined for all services. */
  serviceId?: number;
  /** When the report is built (ISO 8601); passed in so the domain has no clock. */
  generatedOn: string;
  /** Reporting calendar (financial year start). */
  calendar?: Partial<CalendarConfig>;
  /**
   * The latest published report of an earlier period, if any: benefits achieved now but not
   * then count as realised this period.
   */
  previousSnapshot?: ReportModel;
  /** Most risks listed per service and in the programme summary (default 5). */
  riskLimit?: number;
  /** The site's paper settings; missing fields take the defaults. */
  settings?: Partial<ReportSettings>;
  /** The clerk's narrative, already sanitised (see cleanNarrative). */
  narrative?: ReportNarrative;
  /** Version histories, so values are taken as they stood at the period's end. */
  history?: ReportHistory;
}

/** Why a report could not be built. */
export type ReportErrorCode = 'unknownService' | 'invalidKind' | 'invalidModel';

/** A report could not be built or read. */
export class ReportError extends Error {
  /** Machine-readable reason. */
  public readonly code: ReportErrorCode;

  public constructor(code: ReportErrorCode, message: string) {
    super(message);
    this.name = 'ReportError';
    this.code = code;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, ReportError.prototype);
  }
}

/** Default number of risks listed. */
export const DEFAULT_RISK_LIMIT = 5;

/** Programme name used in titles and for the all-services scope. */
export const ALL_SERVICES = 'All shared services';

const name = (p: Person | undefined): string | undefined => (p && p.displayName ? p.displayName : undefined);

function toReportPeriod(p: ReportingPeriod): ReportPeriod {
  return { id: p.id, label: p.label, start: p.start, end: p.end, kind: p.kind };
}

/** "Q4 2021/22" from a period label such as "Q4 2021/22 (January to March 2022), annual review". */
export function shortPeriodLabel(period: Pick<ReportPeriod, 'label'>): string {
  const cut = period.label.indexOf(' (');
  return cut > 0 ? period.label.slice(0, cut) : period.label;
}

/** The financial year of a period as written in titles, e.g. "2021/22". */
export function financialYearLabel(period: Pick<ReportPeriod, 'label'>): string {
  const short = shortPeriodLabel(period);
  const space = short.indexOf(' ');
  return space > 0 ? short.slice(space + 1) : short;
}

const KIND_TITLES: Readonly<Record<ReportKind, string>> = {
  highlight: 'Shared Services Highlight Report',
  quarterly: 'Shared Services Quarterly Performance Report',
  annual: 'Shared Services Annual Review'
};

/** The report's title, e.g. "Shared Services Quarterly Performance Report, Q3 2021/22: Governance". */
export function reportTitle(kind: ReportKind, period: Pick<ReportPeriod, 'label'>, serviceName?: string): string {
  const when = kind === 'annual' ? financialYearLabel(period) : shortPeriodLabel(period);
  return `${KIND_TITLES[kind]}, ${when}${serviceName ? `: ${serviceName}` : ''}`;
}

/**
 * Savings totals of benefits, with `councils` listed first (even at zero) in their order: the
 * same arithmetic (whole pence, council names matched case-insensitively) as the benefits tracker.
 */
export function savingsTotals(benefits: readonly Benefit[], councils: readonly string[] = []): Omit<SavingsTotals, 'byService'> {
  const byCouncil: CouncilTotal[] = councilTotals(benefits, councils);
  return { byCouncil, ...sumTotals(byCouncil) };
}

function benefitRow(b: Benefit): BenefitRow {
  return {
    id: b.id,
    title: b.title,
    category: b.category,
    originalPosition: b.originalPosition ?? '',
    achievement: b.achievement ?? '',
    whenDelivered: b.whenDelivered ?? '',
    deliveryStatus: b.deliveryStatus,
    realised: b.realised ?? '',
    savings: (b.savings ?? []).map((s) => ({ council: s.council, planned: Number(s.planned) || 0, realised: Number(s.realised) || 0 })),
    fteBefore: b.fteBefore,
    fteAfter: b.fteAfter,
    evidenceUrl: b.evidenceUrl
  };
}

function riskRow(r: Risk, serviceNames: ReadonlyMap<number, string>): RiskRow {
  const residual = residualScore(r);
  return {
    id: r.id,
    title: r.title,
    serviceName: r.serviceId === undefined ? undefined : serviceNames.get(r.serviceId),
    owner: name(r.owner),
    causeEffect: r.causeEffect ?? '',
    controls: r.controls ?? '',
    inherentScore: inherentScore(r),
    residualScore: residual,
    band: riskBand(residual),
    change: residualChange(r),
    reviewDate: r.reviewDate,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact
  };
}

/** Open risks, highest residual score first (then highest inherent, then id), at most `limit`. */
export function topRisksByResidual(risks: readonly Risk[], limit: number, serviceNames: ReadonlyMap<number, string>): RiskRow[] {
  return risks
    .filter((r) => r.status === 'Open')
    .map((r) => riskRow(r, serviceNames))
    .sort((a, b) => b.residualScore - a.residualScore || b.inherentScore - a.inherentScore || a.id - b.id)
    .slice(0, Math.max(0, limit));
}

function measureRow(m: Measure, period: ReportingPeriod, previous: ReportingPeriod, year: readonly ReportingPeriod[], entered: readonly MeasureActual[]): MeasureRow {
  const own = entered.filter((a) => a.measureId === m.id && comparePeriodIds(a.periodId, period.id) === 0).sort((a, b) => b.id - a.id)[0];
  const actuals = m.actuals ?? {};
  const valueFor = (id: string): number | undefined => {
    // Actuals are keyed by period id; accept either id form by comparing parsed periods.
    const key = Object.keys(actuals).find((k) => comparePeriodIds(k, id) === 0);
    const v = key === undefined ? undefined : actuals[key];
    return typeof v === 'number' && isFinite(v) ? v : undefined;
  };
  const actual = valueFor(period.id);
  const prev = valueFor(previous.id);
  const higher = m.direction === 'Higher is better';
  const onTarget = actual === undefined ? undefined : higher ? actual >= m.target : actual <= m.target;
  let trend: MeasureRow['trend'];
  if (actual !== undefined) {
    if (prev === undefined) trend = 'new';
    else if (actual === prev) trend = 'same';
    else trend = actual > prev === higher ? 'improved' : 'worsened';
  }
  return {
    id: m.id,
    title: m.title,
    unit: m.unit ?? '',
    target: m.target,
    direction: m.direction,
    actual,
    previous: prev,
    onTarget,
    trend,
    year: year.map((p) => ({ periodId: p.id, actual: valueFor(p.id) })),
    comment: own?.comment ? own.comment : undefined
  };
}

/** The service's latest survey on or before the period, with the one before it for the trend. */
function staffSurveyFor(surveys: readonly StaffSurvey[], serviceId: number, period: ReportingPeriod, calendar?: Partial<CalendarConfig>): StaffSurveyRow | undefined {
  const own = surveys
    .filter((s) => s.serviceId === serviceId && comparePeriodIds(s.periodId, period.id) <= 0)
    .sort((a, b) => comparePeriodIds(b.periodId, a.periodId) || b.id - a.id);
  const s = own[0];
  if (!s) return undefined;
  const before = own.find((o) => comparePeriodIds(o.periodId, s.periodId) < 0);
  return {
    periodId: s.periodId,
    periodLabel: labelOf(s.periodId, calendar),
    thisPeriod: comparePeriodIds(s.periodId, period.id) === 0,
    surveyed: s.surveyed,
    responses: s.responses,
    responseRate: responseRate(s),
    satisfiedPercent: s.satisfiedPercent,
    previousSatisfiedPercent: before?.satisfiedPercent,
    themes: s.themes ?? ''
  };
}

/**
 * The meeting that receives the report: a meeting within the period that lists the kind, else
 * any meeting within it (every meeting takes the general update, and papers may go to a meeting
 * before the forward plan lists their kind), else the first meeting after the period that lists it.
 */
function meetingFor(meetings: readonly CommitteeMeeting[], kind: ReportKind, period: ReportingPeriod): ReportMeeting | undefined {
  const sorted = [...meetings].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  const receives = (m: CommitteeMeeting): boolean => (m.reports ?? []).indexOf(kind) >= 0;
  const within = sorted.filter((m) => m.meetingDate >= period.start && m.meetingDate <= period.end);
  const chosen = within.filter(receives).pop() ?? within.pop() ?? sorted.find((m) => m.meetingDate > period.end && receives(m));
  return chosen ? { title: chosen.title, date: chosen.meetingDate } : undefined;
}

/** The budget overview of the period's financial year over the services in scope. */
function budgetOverview(lines: readonly BudgetLine[], services: readonly Service[], period: ReportingPeriod, councils: readonly string[]): BudgetOverview {
  const names = new Map(services.map((s) => [s.id, s.name]));
  const own = lines.filter((l) => l.financialYear === period.financialYear && names.has(l.serviceId));
  const totals = budgetTotals(own, period.financialYear);
  const order = (c: string): number => {
    const i = councils.findIndex((x) => x.toLowerCase() === c.toLowerCase());
    return i < 0 ? councils.length : i;
  };
  return {
    financialYearLabel: `${period.financialYear}/${String((period.financialYear + 1) % 100).padStart(2, '0')}`,
    lines: own
      .map((l) => ({ serviceName: names.get(l.serviceId) ?? '', sharedBudget: l.sharedBudget, split: l.split.map((x) => ({ council: x.council, amount: x.amount })), savingsApproved: l.savingsApproved }))
      .sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'en-GB')),
    sharedBudget: totals.sharedBudget,
    savingsApproved: totals.savingsApproved,
    byCouncil: [...totals.byCouncil].sort((a, b) => order(a.council) - order(b.council))
  };
}

function highlightFor(highlights: readonly Highlight[], serviceId: number, periodId: string): HighlightRow | undefined {
  const own = highlights
    .filter((h) => h.serviceId === serviceId && comparePeriodIds(h.periodId, periodId) === 0)
    .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.id - a.id);
  const h = own[0];
  return h ? { meetingDate: h.meetingDate, keyPoints: h.keyPoints ?? '', activityOverview: h.activityOverview ?? '' } : undefined;
}

/** Labels made so far, per calendar setting (the default calendar's apart): a report labels thousands of rows among a few periods. */
const DEFAULT_CALENDAR_LABELS = new Map<string, string>();
const CALENDAR_LABELS = new WeakMap<Partial<CalendarConfig>, Map<string, string>>();
const LABELS_LIMIT = 1000;

/** Short label of a period id, e.g. "Q3 2021/22". */
function labelOf(periodId: string, calendar?: Partial<CalendarConfig>): string {
  let labels = calendar ? CALENDAR_LABELS.get(calendar) : DEFAULT_CALENDAR_LABELS;
  if (!labels) {
    labels = new Map();
    if (calendar) CALENDAR_LABELS.set(calendar, labels);
  }
  let label = labels.get(periodId);
  if (label === undefined) {
    // An id that is not a period throws here, as before, and is never kept.
    label = shortPeriodLabel(periodById(periodId, calendar));
    if (labels.size < LABELS_LIMIT) labels.set(periodId, label);
  }
  return label;
}

function changeRows(
  updates: readonly ObjectiveUpdate[],
  from: string,
  to: string,
  titles: ReadonlyMap<number, string>,
  calendar?: Partial<CalendarConfig>
): StatusChangeRow[] {
  return statusChanges(updates, from, to).map((c) => ({
    objectiveId: c.objectiveId,
    title: titles.get(c.objectiveId) ?? `Objective ${c.objectiveId}`,
    from: c.from ? { periodId: c.from.periodId, periodLabel: labelOf(c.from.periodId, calendar), status: c.from.status, rag: c.from.rag } : undefined,
    to: { periodId: c.to.periodId, periodLabel: labelOf(c.to.periodId, calendar), status: c.to.status, rag: c.to.rag },
    statusChanged: c.statusChanged,
    ragChanged: c.ragChanged
  }));
}

function objectiveRows(
  objectives: readonly Objective[],
  updates: readonly ObjectiveUpdate[],
  periodId: string,
  calendar?: Partial<CalendarConfig>,
  actions: readonly ObjectiveAction[] = []
): ObjectiveRow[] {
  const upTo = updates.filter((u) => comparePeriodIds(u.periodId, periodId) <= 0);
  const latest = latestUpdateByObjective(upTo);
  return objectives.map((o) => {
    const u = latest.get(o.id);
    const plan = actions
      .filter((a) => a.objectiveId === o.id)
      .sort((a, b) => a.id - b.id)
      .map((a) => ({ title: a.title, timescale: a.timescale, owner: name(a.owner), status: a.status }));
    return {
      ...(plan.length > 0 ? { actions: plan } : {}),
      id: o.id,
      title: o.title,
      aim: o.aim ?? '',
      status: u ? u.status : o.status,
      rag: u ? u.rag : o.rag,
      responsibleOfficer: name(o.responsibleOfficer),
      targetDate: o.targetDate,
      update: u ? { periodId: u.periodId, periodLabel: labelOf(u.periodId, calendar), narrative: u.narrative ?? '', updatedOn: u.updatedOn, author: name(u.author) } : undefined,
      updatedThisPeriod: !!u && comparePeriodIds(u.periodId, periodId) === 0
    };
  });
}

/** Quarters in the status and RAG trend. */
export const TREND_QUARTERS = 4;

/**
 * The objectives' reported status and RAG in each of the last `TREND_QUARTERS` quarters up to
 * `period` (oldest first): each objective counts as its latest update by the end of the quarter.
 */
function trendRows(objectives: readonly Objective[], updates: readonly ObjectiveUpdate[], period: ReportingPeriod, calendar?: Partial<CalendarConfig>): TrendRow[] {
  const quarters: ReportingPeriod[] = [period];
  while (quarters.length < TREND_QUARTERS) quarters.unshift(previousPeriod(quarters[0].id, calendar));
  const ids = new Set(objectives.map((o) => o.id));
  const relevant = updates.filter((u) => ids.has(u.objectiveId));
  return quarters.map((q) => {
    const latest = latestUpdateByObjective(relevant.filter((u) => comparePeriodIds(u.periodId, q.id) <= 0));
    const statusCounts = {} as Record<ObjectiveStatus, number>;
    for (const s of OBJECTIVE_STATUSES) statusCounts[s] = 0;
    const ragCounts = {} as Record<Rag, number>;
    for (const r of RAG_RATINGS) ragCounts[r] = 0;
    let notReported = 0;
    for (const o of objectives) {
      const u = latest.get(o.id);
      if (!u) {
        notReported += 1;
        continue;
      }
      if (u.status in statusCounts) statusCounts[u.status] += 1;
      if (u.rag in ragCounts) ragCounts[u.rag] += 1;
    }
    return { period: toReportPeriod(q), statusCounts, ragCounts, notReported };
  });
}

/** Ids of benefits achieved in an earlier published report. */
function achievedIn(model: ReportModel): Set<number> {
  const ids = new Set<number>();
  for (const s of model.services) for (const b of s.benefits) if (b.deliveryStatus === 'Achieved') ids.add(b.id);
  return ids;
}

function realisedIds(benefits: readonly Benefit[], period: ReportingPeriod, basis: RealisedBasis, before: Set<number>, achievedOn: ReadonlyMap<number, string>): number[] {
  return benefits
    .filter((b) => {
      if (b.deliveryStatus !== 'Achieved') return false;
      if (basis === 'history') {
        const on = achievedOn.get(b.id);
        return on !== undefined && on >= period.start && on <= period.end;
      }
      if (basis === 'snapshot') return !before.has(b.id);
      const changed = (b.modified ?? '').slice(0, 10);
      return changed !== '' && changed >= period.start && changed <= period.end;
    })
    .map((b) => b.id);
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) of a timestamp in the councils' time zone; undefined when it is not a date. */
export function londonDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return isNaN(t) ? undefined : LONDON_DAY.format(new Date(t));
}

/** A UTC timestamp (ends in Z, no offset). */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T[0-9:.]+Z$/;

/**
 * Whether something created at `iso` existed at the end of the London calendar day `day` (no
 * creation date, or one that is not a date: it did). London is UTC or one hour ahead, so a UTC
 * timestamp of an earlier UTC day is of an earlier or the same London day, and one of a later UTC
 * day of a later London day: only the day itself needs the time zone (which is slow to apply to
 * tens of thousands of items).
 */
export function createdBy(iso: string | undefined, day: string): boolean {
  if (!iso) return true;
  if (isUtcTimestamp(iso)) {
    const utcDay = iso.slice(0, 10);
    if (utcDay < day) return true;
    if (utcDay > day) return false;
  }
  const created = londonDay(iso);
  return created === undefined || created <= day;
}

/** UTC timestamps found well formed, and how many to keep: a report checks the same tens of thousands again and again. */
const UTC_TIMESTAMPS = new Set<string>();
const UTC_TIMESTAMPS_LIMIT = 200_000;

/** Whether `iso` is a UTC timestamp (UTC_TIMESTAMP) that is a date. */
function isUtcTimestamp(iso: string): boolean {
  if (UTC_TIMESTAMPS.has(iso)) return true;
  if (!UTC_TIMESTAMP.test(iso) || isNaN(Date.parse(iso))) return false;
  if (UTC_TIMESTAMPS.size >= UTC_TIMESTAMPS_LIMIT) UTC_TIMESTAMPS.clear();
  UTC_TIMESTAMPS.add(iso);
  return true;
}

/** Items that existed at the end of `day`: an item without a creation date is kept. */
export function existingOn<T extends Stored>(items: readonly T[], day: string): T[] {
  return items.filter((i) => createdBy(i.created, day));
}

/** Versions saved on or before `day`, oldest first. */
function versionsUpTo(versions: readonly ItemVersion[] | undefined, day: string): ItemVersion[] {
  return (versions ?? []).filter((v) => (londonDay(v.on) ?? '') <= day).sort((a, b) => a.on.localeCompare(b.on));
}

/** Items with the values their last version on or before `day` held (items without a history as they are). */
export function asItStood<T extends Stored>(items: readonly T[], history: ReadonlyMap<number, readonly ItemVersion[]> | undefined, day: string): T[] {
  if (!history) return [...items];
  return items.map((item) => {
    const upTo = versionsUpTo(history.get(item.id), day);
    const last = upTo[upTo.length - 1];
    return last ? ({ ...item, ...last.values } as T) : item;
  });
}

/**
 * When each benefit's status last became Achieved on or before `day`, from its versions; a
 * benefit not Achieved at `day` (or without a history) has no entry.
 */
export function achievedDates(history: ReadonlyMap<number, readonly ItemVersion[]>, day: string): Map<number, string> {
  const out = new Map<number, string>();
  history.forEach((versions, id) => {
    let since: string | undefined;
    for (const v of versionsUpTo(versions, day)) {
      if (!('deliveryStatus' in v.values)) continue;
      if (v.values.deliveryStatus === 'Achieved') since = since ?? londonDay(v.on);
      else since = undefined;
    }
    if (since) out.set(id, since);
  });
  return out;
}

/** The first period of the financial year a period belongs to. */
function firstOfYear(period: ReportingPeriod, calendar?: Partial<CalendarConfig>): ReportingPeriod {
  let p = period;
  while (p.quarter > 1) p = previousPeriod(p.id, calendar);
  return p;
}

/** Builds the report model. Throws ReportError for an unknown service or kind, CalendarError for a bad period id. */
export function buildReportModel(input: ReportData, options: BuildReportOptions): ReportModel {
  let data = input;
  if (REPORT_KINDS.indexOf(options.kind) < 0) {
    throw new ReportError('invalidKind', `Report kind "${String(options.kind)}" is not known: use ${REPORT_KINDS.join(', ')}.`);
  }
  const calendar = options.calendar;
  const period = periodById(options.periodId, calendar);
  const previous = previousPeriod(period.id, calendar);
  const yearStart = firstOfYear(period, calendar);
  const yearBefore = previousPeriod(yearStart.id, calendar);
  const year = periodsBetween(yearStart.id, period.id, calendar);
  const limit = options.riskLimit ?? DEFAULT_RISK_LIMIT;

  const sortedServices = [...data.services].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  let scoped = sortedServices;
  if (options.serviceId !== undefined) {
    scoped = sortedServices.filter((s) => s.id === options.serviceId);
    if (scoped.length === 0) throw new ReportError('unknownService', `There is no service with id ${options.serviceId}.`);
  }
  const serviceNames = new Map<number, string>(data.services.map((s) => [s.id, s.name]));
  // As it stood at the period's end: later items left out, values from the version history.
  const asOf = period.end;
  const history = options.history ?? {};
  data = {
    ...data,
    objectives: existingOn(data.objectives, asOf),
    updates: existingOn(data.updates, asOf),
    benefits: asItStood(existingOn(data.benefits, asOf), history.benefits, asOf),
    risks: asItStood(existingOn(data.risks, asOf), history.risks, asOf),
    measures: existingOn(data.measures, asOf),
    highlights: existingOn(data.highlights, asOf),
    bestPractice: existingOn(data.bestPractice ?? [], asOf),
    lessonsLearned: existingOn(data.lessonsLearned ?? [], asOf),
    staffSurveys: existingOn(data.staffSurveys ?? [], asOf),
    budgetLines: existingOn(data.budgetLines ?? [], asOf),
    successes: existingOn(data.successes ?? [], asOf),
    measureActuals: existingOn(data.measureActuals ?? [], asOf)
  };
  const measures = withListedActuals(data.measures ?? [], data.measureActuals ?? []);
  const achievedOn = history.benefits ? achievedDates(history.benefits, asOf) : new Map<number, string>();
  const basis: RealisedBasis = history.benefits ? 'history' : options.previousSnapshot ? 'snapshot' : 'modified';
  const before = options.previousSnapshot ? achievedIn(options.previousSnapshot) : new Set<number>();

  const sections: ServiceSection[] = scoped.map((service) => {
    const objectives = data.objectives.filter((o) => o.serviceId === service.id).sort((a, b) => a.id - b.id);
    const ids = new Set(objectives.map((o) => o.id));
    const titles = new Map(objectives.map((o) => [o.id, o.title]));
    const updates = data.updates.filter((u) => ids.has(u.objectiveId));
    const benefits = data.benefits.filter((b) => b.serviceId === service.id).sort((a, b) => a.id - b.id);
    return {
      id: service.id,
      name: service.name,
      phase: service.phase,
      partnerCouncils: [...service.partnerCouncils],
      serviceLead: name(service.serviceLead),
      highlight: highlightFor(data.highlights, service.id, period.id),
      objectives: objectiveRows(objectives, updates, period.id, calendar, (data.actions ?? []).filter((a) => ids.has(a.objectiveId))),
      statusChanges: changeRows(updates, previous.id, period.id, titles, calendar),
      yearChanges: changeRows(updates, yearBefore.id, period.id, titles, calendar),
      benefits: benefits.map((b) => ({ ...benefitRow(b), achievedOn: achievedOn.get(b.id) })),
      realisedThisPeriod: realisedIds(benefits, period, basis, before, achievedOn),
      savings: { ...savingsTotals(benefits, service.partnerCouncils), byService: [] },
      risks: topRisksByResidual(data.risks.filter((r) => r.serviceId === service.id), limit, serviceNames),
      measures: measures
        .filter((m) => m.serviceId === service.id)
        .sort((a, b) => a.id - b.id)
        .map((m) => measureRow(m, period, previous, year, data.measureActuals ?? [])),
      staffSurvey: staffSurveyFor(data.staffSurveys ?? [], service.id, period, calendar),
      successes: successesBetween(
        (data.successes ?? []).filter((x) => x.serviceId === service.id),
        yearStart.start,
        period.end
      ).map((x) => ({ title: x.title, category: x.category, achievement: x.achievement ?? '', councils: [...(x.councils ?? [])], achievedOn: x.achievedOn }))
    };
  });

  const settings = completeSettings(options.settings);
  const found: string[] = [];
  for (const s of scoped) for (const c of s.partnerCouncils) if (found.indexOf(c) < 0) found.push(c);
  const councils = orderCouncils(found, settings.councils);
  const scopedIds = new Set(scoped.map((s) => s.id));
  const scopedBenefits = data.benefits.filter((b) => scopedIds.has(b.serviceId));
  const programmeRisks =
    options.serviceId === undefined ? data.risks : data.risks.filter((r) => r.serviceId !== undefined && scopedIds.has(r.serviceId));

  const counts = {} as Record<ObjectiveStatus, number>;
  for (const s of OBJECTIVE_STATUSES) counts[s] = 0;
  for (const section of sections) for (const o of section.objectives) counts[o.status] += 1;
  // Objectives not rated yet (no update) are counted too, so the counts add up to the objectives.
  const rags = {} as Record<ObjectiveRag, number>;
  for (const r of OBJECTIVE_RAGS) rags[r] = 0;
  for (const section of sections) for (const o of section.objectives) if (o.rag in rags) rags[o.rag] += 1;
  const heatMap = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  for (const r of programmeRisks) {
    if (r.status !== 'Open') continue;
    const l = Math.round(r.residualLikelihood);
    const i = Math.round(r.residualImpact);
    if (l >= 1 && l <= 5 && i >= 1 && i <= 5) heatMap[l - 1][i - 1] += 1;
  }
  const inScope = (serviceId: number | undefined): boolean => (serviceId === undefined ? options.serviceId === undefined : scopedIds.has(serviceId));

  const scopeName = options.serviceId === undefined ? ALL_SERVICES : scoped[0].name;
  return {
    format: REPORT_MODEL_FORMAT,
    kind: options.kind,
    title: reportTitle(options.kind, period, options.serviceId === undefined ? undefined : scopeName),
    period: toReportPeriod(period),
    previousPeriod: toReportPeriod(previous),
    scope: { serviceId: options.serviceId, serviceName: scopeName },
    partnerCouncils: councils,
    generatedOn: options.generatedOn,
    realisedBasis: basis,
    services: sections,
    savings: {
      ...savingsTotals(scopedBenefits, councils),
      byService: sections.map((s) => ({ serviceId: s.id, serviceName: s.name, planned: s.savings.planned, realised: s.savings.realised }))
    },
    topRisks: topRisksByResidual(programmeRisks, options.serviceId === undefined ? Math.max(limit, 10) : limit, serviceNames),
    objectiveStatusCounts: counts,
    trend: trendRows(
      data.objectives.filter((o) => scopedIds.has(o.serviceId)),
      data.updates,
      period,
      calendar
    ),
    objectiveRagCounts: rags,
    riskHeatMap: heatMap,
    settings,
    narrative: options.narrative,
    asOf,
    meeting: meetingFor(data.meetings ?? [], options.kind, period),
    budget: budgetOverview(data.budgetLines ?? [], scoped, period, councils),
    bestPractice: (data.bestPractice ?? [])
      .filter((b) => inScope(b.serviceId))
      .map((b) => ({ title: b.title, fromCouncil: b.fromCouncil, toCouncil: b.toCouncil, description: b.description ?? '', serviceName: b.serviceId === undefined ? undefined : serviceNames.get(b.serviceId) })),
    lessonsLearned: (data.lessonsLearned ?? [])
      .filter((l) => inScope(l.serviceId))
      .map((l) => ({ title: l.title, category: l.category, lesson: l.lesson ?? '', serviceName: l.serviceId === undefined ? undefined : serviceNames.get(l.serviceId) }))
  };
}
