/**
 * The committee's monitoring cycle (framework report, paras 11-15): which reports a meeting
 * receives, when staff are surveyed, and the budget totals per council. Pure functions shared by
 * the screens, the reports and the sample data.
 */
import { CalendarConfig, comparePeriodIds, nextPeriod, periodById } from './calendar';
import type { ReportKind } from './report/model';
import type { BudgetLine, StaffSurvey } from './types';

/**
 * Reports a meeting on this date (YYYY-MM-DD) receives by default: the general update at every
 * meeting; the quarterly performance report in June, September and December; the annual review in March.
 */
export function defaultReportsFor(meetingDate: string): ReportKind[] {
  const month = Number(meetingDate.slice(5, 7));
  const kinds: ReportKind[] = ['highlight'];
  if (month === 6 || month === 9 || month === 12) kinds.push('quarterly');
  if (month === 3) kinds.push('annual');
  return kinds;
}

/** Share of the people surveyed who responded, as a whole percentage; undefined when nobody was surveyed. */
export function responseRate(survey: Pick<StaffSurvey, 'surveyed' | 'responses'>): number | undefined {
  if (!(survey.surveyed > 0)) return undefined;
  return Math.round((survey.responses / survey.surveyed) * 100);
}

/**
 * The period the next survey of a service is due in: staff are surveyed every other quarter, so
 * two quarters after the last survey, or the current period when the service was never surveyed
 * (or a survey is overdue).
 */
export function nextSurveyDue(surveys: readonly Pick<StaffSurvey, 'periodId'>[], currentPeriodId: string, calendar?: Partial<CalendarConfig>): string {
  const current = periodById(currentPeriodId, calendar).id;
  if (surveys.length === 0) return current;
  const last = surveys.map((s) => s.periodId).sort(comparePeriodIds)[surveys.length - 1];
  const due = nextPeriod(nextPeriod(last, calendar).id, calendar).id;
  return comparePeriodIds(due, current) < 0 ? current : due;
}

/** Whether a service's survey result is due in the period (no survey for it yet, and its turn has come). */
export function isSurveyDue(surveys: readonly Pick<StaffSurvey, 'periodId'>[], periodId: string, calendar?: Partial<CalendarConfig>): boolean {
  if (surveys.some((s) => comparePeriodIds(s.periodId, periodId) === 0)) return false;
  return comparePeriodIds(nextSurveyDue(surveys, periodId, calendar), periodId) <= 0;
}

/** Budget totals of one partner council in a financial year. */
export interface CouncilBudgetTotal {
  /** Council name. */
  council: string;
  /** Its share of the shared budgets (GBP). */
  share: number;
}

/** Whole pence, so that totals of pounds never drift. */
const pence = (pounds: number): number => Math.round(pounds * 100);

/** Budget totals of a financial year: shared budget, savings approved and each council's share. */
export function budgetTotals(lines: readonly BudgetLine[], financialYear: number): { sharedBudget: number; savingsApproved: number; byCouncil: CouncilBudgetTotal[] } {
  let budget = 0;
  let savings = 0;
  const byCouncil = new Map<string, { council: string; share: number }>();
  for (const line of lines) {
    if (line.financialYear !== financialYear) continue;
    budget += pence(line.sharedBudget);
    savings += pence(line.savingsApproved);
    for (const s of line.split) {
      const key = s.council.trim().toLowerCase();
      const entry = byCouncil.get(key) ?? { council: s.council.trim(), share: 0 };
      entry.share += pence(s.amount);
      byCouncil.set(key, entry);
    }
  }
  return {
    sharedBudget: budget / 100,
    savingsApproved: savings / 100,
    byCouncil: Array.from(byCouncil.values()).map((c) => ({ council: c.council, share: c.share / 100 }))
  };
}

/** How far a line's split falls short of (positive) or exceeds (negative) its shared budget, in pounds. */
export function unsplitAmount(line: Pick<BudgetLine, 'sharedBudget' | 'split'>): number {
  return (pence(line.sharedBudget) - line.split.reduce((sum, s) => sum + pence(s.amount), 0)) / 100;
}
