/**
 * The reporting period of imported progress updates: named by the update columns' headings
 * ("Update September 2022"), or chosen by the user as a financial year and a quarter. Any
 * quarter of any financial year can be chosen, as councils import papers years old; a heading
 * that names no period is never guessed to be the current one.
 */
import { DEFAULT_CALENDAR_CONFIG, nextDeadline, nextPeriod, periodFor, ReportingPeriod } from '../../domain/calendar';

/** The first financial year offered (the shared services programmes are younger). */
export const FIRST_FINANCIAL_YEAR = 2000;

/** Financial years offered, newest first: next year's down to FIRST_FINANCIAL_YEAR. */
export function financialYears(today: string): number[] {
  const current = nextDeadline(today).financialYear;
  const years: number[] = [];
  for (let y = current + 1; y >= FIRST_FINANCIAL_YEAR; y--) years.push(y);
  return years;
}

/** The four quarters of a financial year, in order. */
export function quartersOf(financialYear: number): ReportingPeriod[] {
  const month = String(DEFAULT_CALENDAR_CONFIG.fyStartMonth).padStart(2, '0');
  const first = periodFor(`${financialYear}-${month}-01`);
  const periods = [first];
  while (periods.length < 4) periods.push(nextPeriod(periods[periods.length - 1].id));
  return periods;
}
