/**
 * The reporting period of imported progress updates: chosen by the user, or "automatic", which
 * is the period the progress column's heading names ("Progress update February 2022") and,
 * when it names none, the current period (the one whose updates are due next).
 */
import { nextDeadline, nextPeriod, previousPeriod, ReportingPeriod } from '../../domain/calendar';
import { findHeader, ImportListKind } from '../../domain/import/columns';
import type { ImportTable } from '../../domain/import/plan';

/** How many past periods the period choice offers (two financial years). */
const PAST_PERIODS = 8;

/** Periods offered: the next one, the current one and the eight before it, newest first. */
export function periodChoices(today: string): ReportingPeriod[] {
  const current = nextDeadline(today);
  const periods: ReportingPeriod[] = [nextPeriod(current.id), current];
  for (let i = 0; i < PAST_PERIODS; i++) periods.push(previousPeriod(periods[periods.length - 1].id));
  return periods;
}

/**
 * The period to pass to the plan when the user left the choice on "automatic": undefined when
 * the progress heading names one (the plan reads it there) or the file has no progress column,
 * else the current period. Throws ImportFileError, as the plan would, when no header is found.
 */
export function defaultPeriodId(list: ImportListKind, table: ImportTable, today: string): string | undefined {
  if (list !== 'objectives') return undefined;
  // Blank rows are skipped as the plan skips them, so the same row is read as the header.
  const rows = table.rows.map((r) => r.cells).filter((cells) => cells.some((c) => c.trim() !== ''));
  // An empty table is left to the plan, whose error says so.
  if (rows.length === 0) return undefined;
  const progress = findHeader(list, rows).match.columns.get('progress');
  if (!progress || progress.periodHint) return undefined;
  return nextDeadline(today).id;
}
