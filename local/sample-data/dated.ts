/**
 * The sample data moved to the current date. The lists are written as the councils' reports
 * left them (financial year 2021/22, seen at the start of March 2022, with the Q4 update
 * window open); seeding moves the whole history by whole quarters so that the reference
 * quarter becomes the one officers are updating today. Period ids, quarterly deadlines and
 * quarter ends stay on the reporting calendar, and dates written into the narratives ("April
 * 2022", "Q2 2022/23") move with them, so a newcomer sees a quarter in progress: some officers
 * done, some due, one late, risks due for review in the coming weeks.
 */
import { CalendarError, isIsoDate, nextDeadline, nextPeriod, parsePeriodId, periodById } from '../../src/domain/calendar';
import type { Stored } from '../../src/domain/types';
import type { SampleData } from './types';

/**
 * The day the sample data is written as of: the Q4 2021/22 update window is open (deadline
 * 10 March 2022), most officers have written their update, two are due and one is late.
 * Seeding as of any day whose next deadline is that one leaves the data as written.
 */
export const REFERENCE_TODAY = '2022-03-02';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The day to date the sample data for so that `periodId` is the last completed quarter: the
 * day in the following quarter's update window that REFERENCE_TODAY is in its own (as many
 * days before the deadline), so the paper for that period finds the whole quarter written.
 */
export function sampleTodayAfter(periodId: string): string {
  const reference = nextDeadline(REFERENCE_TODAY);
  const lead = Date.parse(`${reference.deadline}T00:00:00Z`) - Date.parse(`${REFERENCE_TODAY}T00:00:00Z`);
  const deadline = nextPeriod(periodId).deadline;
  return new Date(Date.parse(`${deadline}T00:00:00Z`) - Math.round(lead / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function quarterIndex(periodId: string): number {
  const { financialYear, quarter } = parsePeriodId(periodId);
  return financialYear * 4 + quarter - 1;
}

/** How the reference data moves to a day: by whole quarters, and the moment nothing may be after. */
interface Shift {
  readonly quarters: number;
  /** Latest timestamp an item may carry (ISO 8601): nothing is written in the future. */
  readonly latest: string;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shiftMonthYear(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A YYYY-MM-DD date moved by whole quarters; a month's last day stays the last day (quarter ends stay quarter ends). */
function shiftDate(date: string, shift: Shift): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const moved = shiftMonthYear(y, m, shift.quarters * 3);
  const length = lastDay(moved.year, moved.month);
  const day = d === lastDay(y, m) ? length : Math.min(d, length);
  return `${moved.year}-${pad2(moved.month)}-${pad2(day)}${date.slice(10)}`;
}

/** A timestamp moved like a date, never later than the seeding moment. */
function shiftTimestamp(timestamp: string, shift: Shift): string {
  const moved = shiftDate(timestamp, shift);
  return Date.parse(moved) > Date.parse(shift.latest) ? shift.latest : moved;
}

function shiftPeriodId(periodId: string, shift: Shift): string {
  const index = quarterIndex(periodId) + shift.quarters;
  return periodById(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`).id;
}

/**
 * Dates people wrote in the text moved with the data: "April 2022", "Q2 2022/23", "2021/22"
 * and bare years such as "expected 2022" (by the nearest whole number of years).
 */
function shiftText(text: string, shift: Shift): string {
  if (shift.quarters === 0) return text;
  const years = Math.round(shift.quarters / 4);
  const fy = (start: number): string => `${start + years}/${pad2((start + years + 1) % 100)}`;
  return text.replace(
    /\b(?:(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})|Q([1-4]) (\d{4})\/\d{2}|(\d{4})\/\d{2}|(20\d{2}))\b(?![/-]\d)/g,
    (match, month?: string, monthYear?: string, quarter?: string, quarterFy?: string, bareFy?: string, bareYear?: string) => {
      if (month && monthYear) {
        const moved = shiftMonthYear(Number(monthYear), MONTHS.indexOf(month) + 1, shift.quarters * 3);
        return `${MONTHS[moved.month - 1]} ${moved.year}`;
      }
      if (quarter && quarterFy) {
        const index = Number(quarterFy) * 4 + Number(quarter) - 1 + shift.quarters;
        const start = Math.floor(index / 4);
        return `Q${(index % 4) + 1} ${start}/${pad2((start + 1) % 100)}`;
      }
      if (bareFy) return fy(Number(bareFy));
      if (bareYear) return String(Number(bareYear) + years);
      return match;
    }
  );
}

function stamps<T extends Stored>(item: T, shift: Shift): T {
  const out = { ...item };
  if (item.created) out.created = shiftTimestamp(item.created, shift);
  if (item.modified) out.modified = shiftTimestamp(item.modified, shift);
  return out;
}

const optional = <T>(value: T | undefined, move: (v: T) => T): T | undefined => (value === undefined ? undefined : move(value));

/**
 * The sample data as of `today` (YYYY-MM-DD): every date, period and dated phrase moved by the
 * whole quarters between the reference update window and today's, so that today's update
 * window is the one the reference data is in the middle of. The data passed in is not changed.
 */
export function datedSampleData(data: SampleData, today: string): SampleData {
  if (!isIsoDate(today)) throw new CalendarError('invalidDate', `Sample data: today "${String(today)}" is not a date in the form YYYY-MM-DD.`);
  const quarters = quarterIndex(nextDeadline(today).id) - quarterIndex(nextDeadline(REFERENCE_TODAY).id);
  const shift: Shift = { quarters, latest: `${today}T00:00:00Z` };
  const date = (d: string): string => shiftDate(d, shift);
  const period = (id: string): string => shiftPeriodId(id, shift);
  const text = (t: string): string => shiftText(t, shift);
  return {
    // Lists with no dates of their own to move come through as they are, so none is ever dropped.
    ...data,
    users: data.users.map((u) => ({ ...u })),
    services: data.services.map((s) => ({ ...stamps(s, shift), sharedSince: optional(s.sharedSince, date) })),
    objectives: data.objectives.map((o) => ({
      ...stamps(o, shift),
      aim: text(o.aim),
      targetDate: optional(o.targetDate, date),
      lastUpdatePeriodId: optional(o.lastUpdatePeriodId, period),
      nextUpdateDue: optional(o.nextUpdateDue, date)
    })),
    objectiveUpdates: data.objectiveUpdates.map((u) => ({
      ...stamps(u, shift),
      periodId: period(u.periodId),
      narrative: text(u.narrative),
      updatedOn: shiftTimestamp(u.updatedOn, shift)
    })),
    benefits: data.benefits.map((b) => ({
      ...stamps(b, shift),
      originalPosition: text(b.originalPosition),
      achievement: text(b.achievement),
      whenDelivered: text(b.whenDelivered),
      realised: text(b.realised)
    })),
    risks: data.risks.map((r) => ({
      ...stamps(r, shift),
      causeEffect: text(r.causeEffect),
      controls: text(r.controls),
      reviewDate: optional(r.reviewDate, date)
    })),
    measures: data.measures.map((m) => {
      const actuals: Record<string, number> = {};
      for (const key of Object.keys(m.actuals)) actuals[period(key)] = m.actuals[key];
      return { ...stamps(m, shift), actuals };
    }),
    highlights: data.highlights.map((h) => ({
      ...stamps(h, shift),
      meetingDate: date(h.meetingDate),
      periodId: period(h.periodId),
      keyPoints: text(h.keyPoints),
      activityOverview: text(h.activityOverview)
    })),
    bestPractice: data.bestPractice?.map((b) => ({ ...stamps(b, shift), description: text(b.description) })),
    lessonsLearned: data.lessonsLearned?.map((l) => ({ ...stamps(l, shift), lesson: text(l.lesson) })),
    successes: data.successes?.map((x) => ({ ...stamps(x, shift), achievement: text(x.achievement), achievedOn: date(x.achievedOn) })),
    // The paper's settings are standing text (the background says when sharing began): only their stamps move.
    reportSettings: data.reportSettings?.map((r) => stamps(r, shift))
  };
}
