/**
 * Reporting calendar of the joint committee: financial years, quarters, update deadlines.
 *
 * Everything works on date-only `YYYY-MM-DD` strings and plain integers, never on `Date`
 * objects in local time, so that a period boundary (31 March / 1 April) cannot move with
 * the browser's time zone or British Summer Time.
 *
 * Quarterly performance reports go to committee in June, September and December; the
 * quarter that ends the financial year (January to March for an April year) is the annual
 * review (monitoring framework report, paras 11-15).
 */

/** Configuration of the reporting calendar. */
export interface CalendarConfig {
  /** Month (1-12) in which the financial year starts; 4 (April) for English councils. */
  readonly fyStartMonth: number;
  /** Updates are due on this day of the period's final month (clamped to the month's length). */
  readonly deadlineDay: number;
  /** Deadlines set by hand for particular periods, keyed by period id (either form), as `YYYY-MM-DD`. */
  readonly overrides?: Readonly<Record<string, string>>;
}

/** The calendar the councils use unless configured otherwise: April year, updates due on the 10th. */
export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = { fyStartMonth: 4, deadlineDay: 10 };

/** Quarter number within a financial year. */
export type Quarter = 1 | 2 | 3 | 4;

/** Quarterly performance report, or the annual review at the end of the financial year. */
export type PeriodKind = 'quarterly' | 'annual';

/** One reporting period (a quarter of a financial year). */
export interface ReportingPeriod {
  /** Canonical id, e.g. "2021-22-Q4" (or "2021-Q4" when the financial year is a calendar year). */
  readonly id: string;
  /** Calendar year in which the financial year starts, e.g. 2021 for 2021/22. */
  readonly financialYear: number;
  /** Quarter within the financial year. */
  readonly quarter: Quarter;
  /** First day of the period (YYYY-MM-DD). */
  readonly start: string;
  /** Last day of the period (YYYY-MM-DD). */
  readonly end: string;
  /** 'annual' for the quarter that closes the financial year. */
  readonly kind: PeriodKind;
  /** Date officers' updates are due (YYYY-MM-DD). */
  readonly deadline: string;
  /** UK English label, e.g. "Q4 2021/22 (January to March 2022), annual review". */
  readonly label: string;
}

/** Why a calendar operation failed. */
export type CalendarErrorCode = 'invalidDate' | 'invalidPeriodId' | 'invalidConfig' | 'invalidRange';

/** A calendar input (date, period id or configuration) was not valid. */
export class CalendarError extends Error {
  /** Machine-readable reason. */
  public readonly code: CalendarErrorCode;

  public constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, CalendarError.prototype);
  }
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
] as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LONG_ID_PATTERN = /^(\d{4})-(\d{2})-Q([1-4])$/;
const SHORT_ID_PATTERN = /^(\d{4})-Q([1-4])$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function parseDate(value: string, what = 'Date'): DateParts {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) {
    throw new CalendarError('invalidDate', `${what} "${String(value)}" is not a date in the form YYYY-MM-DD.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError('invalidDate', `${what} "${value}" does not exist in the calendar.`);
  }
  return { year, month, day };
}

/** Whether a string is a real calendar date in the form YYYY-MM-DD (e.g. rejects 2023-02-29). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * The calendar date of a `Date` as YYYY-MM-DD. 'local' (the default) gives the date the user
 * sees on their clock, which is what "today" means for deadlines; 'utc' gives the UTC date.
 */
export function isoDateOf(date: Date, zone: 'local' | 'utc' = 'local'): string {
  if (isNaN(date.getTime())) throw new CalendarError('invalidDate', 'The date given is not a valid date.');
  return zone === 'utc'
    ? formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
    : formatDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function resolveConfig(config?: Partial<CalendarConfig>): CalendarConfig {
  const merged: CalendarConfig = { ...DEFAULT_CALENDAR_CONFIG, ...(config ?? {}) };
  const { fyStartMonth, deadlineDay } = merged;
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
    throw new CalendarError('invalidConfig', `Financial year start month must be a whole number from 1 to 12, not ${String(fyStartMonth)}.`);
  }
  if (!Number.isInteger(deadlineDay) || deadlineDay < 1 || deadlineDay > 31) {
    throw new CalendarError('invalidConfig', `Deadline day must be a whole number from 1 to 31, not ${String(deadlineDay)}.`);
  }
  return merged;
}

/** Month (1-12) and calendar year in which a quarter of a financial year starts. */
function quarterStart(financialYear: number, quarter: Quarter, fyStartMonth: number): { year: number; month: number } {
  const monthsIn = fyStartMonth - 1 + (quarter - 1) * 3;
  return { year: financialYear + Math.floor(monthsIn / 12), month: (monthsIn % 12) + 1 };
}

function addMonths(year: number, month: number, count: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Canonical period id: long form "2021-22-Q4", or "2021-Q4" when the financial year is a calendar year. */
function periodIdOf(financialYear: number, quarter: Quarter, fyStartMonth: number): string {
  return fyStartMonth === 1
    ? `${financialYear}-Q${quarter}`
    : `${financialYear}-${pad2((financialYear + 1) % 100)}-Q${quarter}`;
}

function financialYearLabel(financialYear: number, fyStartMonth: number): string {
  return fyStartMonth === 1 ? String(financialYear) : `${financialYear}/${pad2((financialYear + 1) % 100)}`;
}

/** Overrides keyed by canonical id, so "2021-Q4" and "2021-22-Q4" mean the same period. */
function normalisedOverrides(config: CalendarConfig): Record<string, string> {
  const result: Record<string, string> = {};
  if (!config.overrides) return result;
  for (const key of Object.keys(config.overrides)) {
    const { financialYear, quarter } = parsePeriodId(key);
    const value = config.overrides[key];
    parseDate(value, `Deadline override for ${key}`);
    result[periodIdOf(financialYear, quarter, config.fyStartMonth)] = value;
  }
  return result;
}

function buildPeriod(financialYear: number, quarter: Quarter, config: CalendarConfig): ReportingPeriod {
  const first = quarterStart(financialYear, quarter, config.fyStartMonth);
  const last = addMonths(first.year, first.month, 2);
  const id = periodIdOf(financialYear, quarter, config.fyStartMonth);
  const override = normalisedOverrides(config)[id];
  const deadline =
    override ?? formatDate(last.year, last.month, Math.min(config.deadlineDay, daysInMonth(last.year, last.month)));
  const kind: PeriodKind = quarter === 4 ? 'annual' : 'quarterly';
  const months =
    first.year === last.year
      ? `${MONTH_NAMES[first.month - 1]} to ${MONTH_NAMES[last.month - 1]} ${last.year}`
      : `${MONTH_NAMES[first.month - 1]} ${first.year} to ${MONTH_NAMES[last.month - 1]} ${last.year}`;
  const label = `Q${quarter} ${financialYearLabel(financialYear, config.fyStartMonth)} (${months})${kind === 'annual' ? ', annual review' : ''}`;
  return {
    id,
    financialYear,
    quarter,
    start: formatDate(first.year, first.month, 1),
    end: formatDate(last.year, last.month, daysInMonth(last.year, last.month)),
    kind,
    deadline,
    label
  };
}

/** Period ids parsed so far (valid ones only), and how many to keep before starting again. */
const PARSED_IDS = new Map<string, { financialYear: number; quarter: Quarter }>();
const PARSED_IDS_LIMIT = 1000;

/**
 * Parses a period id in the long form "2021-22-Q4" or the short form "2021-Q4" (both name
 * the financial year by the year it starts in). Throws CalendarError for anything else.
 */
export function parsePeriodId(id: string): { financialYear: number; quarter: Quarter } {
  // Reports compare the periods of thousands of updates, all among a few distinct ids.
  const known = typeof id === 'string' ? PARSED_IDS.get(id) : undefined;
  if (known) return { financialYear: known.financialYear, quarter: known.quarter };
  const parsed = parseNewPeriodId(id);
  if (PARSED_IDS.size >= PARSED_IDS_LIMIT) PARSED_IDS.clear();
  PARSED_IDS.set(id, parsed);
  return { financialYear: parsed.financialYear, quarter: parsed.quarter };
}

function parseNewPeriodId(id: string): { financialYear: number; quarter: Quarter } {
  const text = typeof id === 'string' ? id.trim().toUpperCase() : '';
  const long = LONG_ID_PATTERN.exec(text);
  if (long) {
    const financialYear = Number(long[1]);
    if (Number(long[2]) !== (financialYear + 1) % 100) {
      throw new CalendarError(
        'invalidPeriodId',
        `Reporting period "${id}" is not valid: financial year ${long[1]} ends in ${financialYear + 1}, so it is written ${long[1]}-${pad2((financialYear + 1) % 100)}.`
      );
    }
    return { financialYear, quarter: Number(long[3]) as Quarter };
  }
  const short = SHORT_ID_PATTERN.exec(text);
  if (short) return { financialYear: Number(short[1]), quarter: Number(short[2]) as Quarter };
  throw new CalendarError(
    'invalidPeriodId',
    `Reporting period "${String(id)}" is not valid: use the form 2021-22-Q4 (or 2021-Q4), with a quarter from Q1 to Q4.`
  );
}

/**
 * The words people use for a period, e.g. "Q4 2021/22": what screens, mails and papers show
 * instead of the id ("2021-22-Q4"), which is for storage and URLs only.
 */
export function periodShortLabel(id: string, config?: Partial<CalendarConfig>): string {
  const { financialYear, quarter } = parsePeriodId(id);
  return `Q${quarter} ${financialYearLabel(financialYear, resolveConfig(config).fyStartMonth)}`;
}

/** Whether a string is a valid period id in either form. */
export function isPeriodId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (PARSED_IDS.has(value)) return true;
  const text = value.trim().toUpperCase();
  const long = LONG_ID_PATTERN.exec(text);
  if (long) return Number(long[2]) === (Number(long[1]) + 1) % 100;
  return SHORT_ID_PATTERN.test(text);
}

/** The reporting period with the given id (either form). */
export function periodById(id: string, config?: Partial<CalendarConfig>): ReportingPeriod {
  const { financialYear, quarter } = parsePeriodId(id);
  return buildPeriod(financialYear, quarter, resolveConfig(config));
}

/** The reporting period containing a date (YYYY-MM-DD). */
export function periodFor(date: string, config?: Partial<CalendarConfig>): ReportingPeriod {
  const resolved = resolveConfig(config);
  const { year, month } = parseDate(date);
  const offset = (month - resolved.fyStartMonth + 12) % 12;
  const financialYear = month >= resolved.fyStartMonth ? year : year - 1;
  return buildPeriod(financialYear, (Math.floor(offset / 3) + 1) as Quarter, resolved);
}

function step(period: { financialYear: number; quarter: Quarter }, by: 1 | -1): { financialYear: number; quarter: Quarter } {
  const index = period.financialYear * 4 + (period.quarter - 1) + by;
  return { financialYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter };
}

/** The period before the given one (Q4 of the previous financial year before Q1). */
export function previousPeriod(id: string, config?: Partial<CalendarConfig>): ReportingPeriod {
  const prev = step(parsePeriodId(id), -1);
  return buildPeriod(prev.financialYear, prev.quarter, resolveConfig(config));
}

/** The period after the given one (Q1 of the next financial year after Q4). */
export function nextPeriod(id: string, config?: Partial<CalendarConfig>): ReportingPeriod {
  const next = step(parsePeriodId(id), 1);
  return buildPeriod(next.financialYear, next.quarter, resolveConfig(config));
}

/**
 * The first period whose deadline is on or after the date: the update an officer should be
 * working on. Starts two periods back because an override may extend an earlier deadline.
 */
export function nextDeadline(date: string, config?: Partial<CalendarConfig>): ReportingPeriod {
  const resolved = resolveConfig(config);
  parseDate(date);
  const current = periodFor(date, resolved);
  let cursor = step(step(current, -1), -1);
  // Overrides are the only way deadlines can be out of order; a few years is ample.
  for (let i = 0; i < 16; i++) {
    const period = buildPeriod(cursor.financialYear, cursor.quarter, resolved);
    if (period.deadline >= date) return period;
    cursor = step(cursor, 1);
  }
  throw new CalendarError('invalidConfig', `No reporting deadline falls on or after ${date}; check the deadline overrides.`);
}

function periodOf(value: string, config: CalendarConfig): ReportingPeriod {
  return DATE_PATTERN.test(value) ? periodFor(value, config) : periodById(value, config);
}

/**
 * Every period from `from` to `to`, both included, in order. Each end may be a period id or a
 * date (YYYY-MM-DD, meaning the period containing it). Throws when `from` is after `to`.
 */
export function periodsBetween(from: string, to: string, config?: Partial<CalendarConfig>): ReportingPeriod[] {
  const resolved = resolveConfig(config);
  const first = periodOf(from, resolved);
  const last = periodOf(to, resolved);
  const firstIndex = first.financialYear * 4 + first.quarter;
  const lastIndex = last.financialYear * 4 + last.quarter;
  if (firstIndex > lastIndex) {
    throw new CalendarError('invalidRange', `The range starts (${first.id}) after it ends (${last.id}).`);
  }
  const periods: ReportingPeriod[] = [];
  let cursor: { financialYear: number; quarter: Quarter } = first;
  for (let i = firstIndex; i <= lastIndex; i++) {
    periods.push(buildPeriod(cursor.financialYear, cursor.quarter, resolved));
    cursor = step(cursor, 1);
  }
  return periods;
}

/** Whether updates for a period may still be written or changed: true until its deadline, inclusive. */
export function isEditable(periodId: string, today: string, config?: Partial<CalendarConfig>): boolean {
  parseDate(today, 'Today');
  return today <= periodById(periodId, config).deadline;
}

/** Orders two period ids (either form) chronologically: negative, zero or positive. */
export function comparePeriodIds(a: string, b: string): number {
  return periodIndex(a) - periodIndex(b);
}

/** Quarters since year 0 of a period id, through the parsed ids kept (no object made per call: reports compare thousands). */
function periodIndex(id: string): number {
  const known = typeof id === 'string' ? PARSED_IDS.get(id) : undefined;
  const p = known ?? parsePeriodId(id);
  return p.financialYear * 4 + p.quarter;
}
