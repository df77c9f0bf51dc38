/**
 * Planning of quarterly update reminders: who must update what for a reporting period, and
 * which reminder round (if any) today falls in. Pure: no I/O, no clock (today is an input).
 *
 * Schedule: with N = `firstReminderDaysBefore` and M = `repeatEveryDays`, rounds start on the
 * grid `deadline - N + k*M` (k = 0, 1, 2, ...). Round k+1 runs from its start day until the day
 * before the next one, so the same day always gives the same round number. A round whose start
 * day is after the deadline is an escalation: the service lead is copied in.
 */
import {
  CalendarConfig,
  CalendarError,
  ReportingPeriod,
  comparePeriodIds,
  isIsoDate,
  isPeriodId,
  nextPeriod,
  periodFor,
  previousPeriod
} from './calendar';
import { NO_UPDATE_STATUSES } from './progress';
import { isSurveyDue } from './cycle';
import type { Measure, MeasureActual, Objective, ObjectiveUpdate, Person, Risk, Service, StaffSurvey } from './types';

/** Reminder schedule (days are calendar days). */
export interface ReminderSchedule {
  /** First reminder this many days before the period deadline (N). */
  readonly firstReminderDaysBefore: number;
  /** Repeat every this many days until the officer's items are done (M). */
  readonly repeatEveryDays: number;
}

/** Two weeks' notice, then weekly. */
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { firstReminderDaysBefore: 14, repeatEveryDays: 7 };

/** The round today falls in. */
export interface ReminderRound {
  /** 1-based round number. */
  readonly round: number;
  /** First day of the round (YYYY-MM-DD). */
  readonly startsOn: string;
  /** Whether the round starts after the deadline (service leads are copied in). */
  readonly escalation: boolean;
}

/** An objective lacking its update for the period. */
export interface DueObjective {
  readonly id: number;
  readonly title: string;
  readonly serviceId: number;
}

/** An open risk whose review date is on or before the deadline. */
export interface DueRisk {
  readonly id: number;
  readonly title: string;
  readonly serviceId?: number;
  /** Review date (YYYY-MM-DD). */
  readonly reviewDate: string;
}

/** A measure lacking its actual for the period. */
export interface DueMeasure {
  readonly id: number;
  readonly title: string;
  readonly serviceId: number;
}

/** A service whose staff satisfaction survey result is due this period (its lead is reminded). */
export interface DueSurvey {
  readonly serviceId: number;
  /** The service's name. */
  readonly title: string;
}

/** Everything one officer owes, and who is copied in on an escalation. */
export interface OfficerReminder {
  /** Email, lower-cased and trimmed: the identity of the officer in the plan and the log. */
  readonly email: string;
  /** Display name (may be empty when SharePoint did not return it). */
  readonly displayName: string;
  /** Objectives lacking an update, by id. */
  readonly objectives: readonly DueObjective[];
  /** Risks due for review, by id. */
  readonly risks: readonly DueRisk[];
  /** Measures (the officer's own, or of services they lead with no officer named) lacking an actual, by id. */
  readonly measures: readonly DueMeasure[];
  /** Services the officer leads whose staff survey result is due (every other quarter), by service id. */
  readonly surveys?: readonly DueSurvey[];
  /** Service leads copied in (escalation rounds only; never the officer themself), sorted. */
  readonly cc: readonly string[];
}

/** An item that is due but has nobody with an email address to remind: surfaced, never dropped. */
export interface UnassignedItem {
  readonly kind: 'objective' | 'risk' | 'measure' | 'survey';
  readonly id: number;
  readonly title: string;
  /** Why nobody can be reminded. */
  readonly reason: 'noOfficer' | 'noEmail';
}

/** The reminder plan of one day. */
export interface ReminderPlan {
  /** Day planned for (YYYY-MM-DD). */
  readonly today: string;
  /** Period reminded about. */
  readonly period: ReportingPeriod;
  /** Round today falls in, or undefined before the first reminder day (then `officers` is empty). */
  readonly round?: ReminderRound;
  /** One entry per officer with something due, sorted by email. */
  readonly officers: readonly OfficerReminder[];
  /** Due items nobody can be reminded about. */
  readonly unassigned: readonly UnassignedItem[];
}

/** Input of {@link planReminders}. */
export interface PlanInput {
  /** Today (YYYY-MM-DD, UK date). */
  readonly today: string;
  /** Period to remind about (see {@link reminderPeriod}). */
  readonly period: ReportingPeriod;
  readonly services: readonly Service[];
  readonly objectives: readonly Objective[];
  readonly updates: readonly ObjectiveUpdate[];
  readonly risks: readonly Risk[];
  readonly measures: readonly Measure[];
  /** Actuals entered in the measure actuals list: a measure with one for the period is not due. */
  readonly measureActuals?: readonly Pick<MeasureActual, 'measureId' | 'periodId' | 'value'>[];
  /**
   * Staff survey results; when given, the lead of each service surveyed before is reminded when
   * its next result is due (every other quarter).
   */
  readonly staffSurveys?: readonly Pick<StaffSurvey, 'serviceId' | 'periodId'>[];
  /** Schedule; defaults to {@link DEFAULT_REMINDER_SCHEDULE}. */
  readonly config?: Partial<ReminderSchedule>;
}

const DAY_MS = 86400000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC arithmetic, so no daylight-saving shifts). */
function dayNumber(date: string, what: string): number {
  if (!isIsoDate(date)) throw new CalendarError('invalidDate', `${what} "${String(date)}" is not a date in the form YYYY-MM-DD.`);
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Validated schedule with defaults filled in. */
export function resolveSchedule(config?: Partial<ReminderSchedule>): ReminderSchedule {
  const merged: ReminderSchedule = { ...DEFAULT_REMINDER_SCHEDULE, ...(config ?? {}) };
  if (!Number.isInteger(merged.firstReminderDaysBefore) || merged.firstReminderDaysBefore < 0) {
    throw new CalendarError('invalidConfig', `Days before the deadline for the first reminder must be a whole number of 0 or more, not ${String(merged.firstReminderDaysBefore)}.`);
  }
  if (!Number.isInteger(merged.repeatEveryDays) || merged.repeatEveryDays < 1) {
    throw new CalendarError('invalidConfig', `Days between reminders must be a whole number of 1 or more, not ${String(merged.repeatEveryDays)}.`);
  }
  return merged;
}

/** The round `today` falls in for a period, or undefined before the first reminder day. */
export function reminderRound(today: string, period: ReportingPeriod, config?: Partial<ReminderSchedule>): ReminderRound | undefined {
  const schedule = resolveSchedule(config);
  const deadline = dayNumber(period.deadline, 'Deadline');
  const first = deadline - schedule.firstReminderDaysBefore;
  const day = dayNumber(today, 'Today');
  if (day < first) return undefined;
  const index = Math.floor((day - first) / schedule.repeatEveryDays);
  const startsOn = first + index * schedule.repeatEveryDays;
  return { round: index + 1, startsOn: dateOf(startsOn), escalation: startsOn > deadline };
}

/**
 * The period to remind about on a day: the latest period whose first reminder day has come.
 * Escalations for a period therefore continue until the next period's reminders begin.
 */
export function reminderPeriod(today: string, calendar?: Partial<CalendarConfig>, config?: Partial<ReminderSchedule>): ReportingPeriod {
  const schedule = resolveSchedule(config);
  const day = dayNumber(today, 'Today');
  // Deadlines fall inside their quarter (or near it, with overrides), so looking one period
  // ahead and a few back is enough.
  let candidate = nextPeriod(periodFor(today, calendar).id, calendar);
  for (let i = 0; i < 8; i++) {
    if (dayNumber(candidate.deadline, 'Deadline') - schedule.firstReminderDaysBefore <= day) return candidate;
    candidate = previousPeriod(candidate.id, calendar);
  }
  throw new CalendarError('invalidConfig', `No reporting period has reminders starting on or before ${today}; check the deadline overrides.`);
}

/** Idempotency key of one reminder: officer email + period + round (see ReminderLogEntry.key). */
export function reminderKey(email: string, periodId: string, round: number): string {
  return `${normaliseEmail(email)}|${periodId}|${round}`;
}

/** Email as used for identity: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether a stored period id names the period (ids may be in either form; a malformed one matches nothing). */
function samePeriod(stored: string, periodId: string): boolean {
  return stored === periodId || (isPeriodId(stored) && comparePeriodIds(stored, periodId) === 0);
}

function hasActual(measure: Measure, periodId: string): boolean {
  const actuals = measure.actuals ?? {};
  return Object.keys(actuals).some((k) => typeof actuals[k] === 'number' && samePeriod(k, periodId));
}

interface Bucket {
  email: string;
  displayName: string;
  objectives: DueObjective[];
  risks: DueRisk[];
  measures: DueMeasure[];
  surveys: DueSurvey[];
  serviceIds: Set<number>;
}

/**
 * Plans the reminders of one day: per responsible officer (by email) the objectives (not
 * Complete, not On hold) lacking an update for the period, the open risks they own whose review
 * date is on or before the deadline, and the measures of services they lead lacking an actual
 * for the period. Before the first reminder day the plan has no round and no officers.
 */
export function planReminders(input: PlanInput): ReminderPlan {
  const { today, period } = input;
  const round = reminderRound(today, period, input.config);
  if (!round) return { today, period, officers: [], unassigned: [] };

  const buckets = new Map<string, Bucket>();
  const unassigned: UnassignedItem[] = [];
  const bucketFor = (person: Person | undefined, kind: UnassignedItem['kind'], id: number, title: string): Bucket | undefined => {
    if (!person) {
      unassigned.push({ kind, id, title, reason: 'noOfficer' });
      return undefined;
    }
    const email = normaliseEmail(person.email ?? '');
    if (!email) {
      unassigned.push({ kind, id, title, reason: 'noEmail' });
      return undefined;
    }
    let bucket = buckets.get(email);
    if (!bucket) {
      bucket = { email, displayName: person.displayName ?? '', objectives: [], risks: [], measures: [], surveys: [], serviceIds: new Set() };
      buckets.set(email, bucket);
    } else if (!bucket.displayName && person.displayName) {
      bucket.displayName = person.displayName;
    }
    return bucket;
  };

  const updated = new Set<number>();
  for (const u of input.updates) if (samePeriod(u.periodId, period.id)) updated.add(u.objectiveId);
  for (const o of input.objectives) {
    if (NO_UPDATE_STATUSES.indexOf(o.status) >= 0 || updated.has(o.id)) continue;
    const bucket = bucketFor(o.responsibleOfficer, 'objective', o.id, o.title);
    if (!bucket) continue;
    bucket.objectives.push({ id: o.id, title: o.title, serviceId: o.serviceId });
    bucket.serviceIds.add(o.serviceId);
  }

  for (const r of input.risks) {
    if (r.status !== 'Open' || !r.reviewDate || r.reviewDate.slice(0, 10) > period.deadline) continue;
    const bucket = bucketFor(r.owner, 'risk', r.id, r.title);
    if (!bucket) continue;
    bucket.risks.push({ id: r.id, title: r.title, serviceId: r.serviceId, reviewDate: r.reviewDate.slice(0, 10) });
    if (r.serviceId !== undefined) bucket.serviceIds.add(r.serviceId);
  }

  const services = new Map<number, Service>();
  for (const s of input.services) services.set(s.id, s);
  const entered = new Set<number>();
  for (const a of input.measureActuals ?? []) if (typeof a.value === 'number' && samePeriod(a.periodId, period.id)) entered.add(a.measureId);
  for (const m of input.measures) {
    if (hasActual(m, period.id) || entered.has(m.id)) continue;
    const bucket = bucketFor(m.responsibleOfficer ?? services.get(m.serviceId)?.serviceLead, 'measure', m.id, m.title);
    if (!bucket) continue;
    bucket.measures.push({ id: m.id, title: m.title, serviceId: m.serviceId });
    bucket.serviceIds.add(m.serviceId);
  }

  if (input.staffSurveys) {
    for (const s of input.services) {
      const own = input.staffSurveys.filter((x) => x.serviceId === s.id && isPeriodId(x.periodId));
      // Only services whose survey cycle has begun (one result recorded): a site that does not
      // survey a service yet is not reminded about it every day.
      if (own.length === 0 || !isSurveyDue(own, period.id)) continue;
      const bucket = bucketFor(s.serviceLead, 'survey', s.id, s.name);
      if (!bucket) continue;
      bucket.surveys.push({ serviceId: s.id, title: s.name });
      bucket.serviceIds.add(s.id);
    }
  }

  const byId = <T extends { id: number }>(a: T, b: T): number => a.id - b.id;
  const officers: OfficerReminder[] = Array.from(buckets.values())
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0))
    .map((b) => {
      const cc = new Set<string>();
      if (round.escalation) {
        b.serviceIds.forEach((id) => {
          const lead = normaliseEmail(services.get(id)?.serviceLead?.email ?? '');
          if (lead && lead !== b.email) cc.add(lead);
        });
      }
      return {
        email: b.email,
        displayName: b.displayName,
        objectives: b.objectives.sort(byId),
        risks: b.risks.sort(byId),
        measures: b.measures.sort(byId),
        ...(b.surveys.length > 0 ? { surveys: b.surveys.sort((x, y) => x.serviceId - y.serviceId) } : {}),
        cc: Array.from(cc).sort()
      };
    });
  return { today, period, round, officers, unassigned };
}
