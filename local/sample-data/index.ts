/**
 * Realistic seed data for the local host, derived from Chorley and South Ribble's shared
 * services monitoring reports (February 2022) and a three-council Revenues and Benefits
 * partnership. Every reference (serviceId, objectiveId, Person id) resolves within it.
 */
import { objectiveActions } from './actions';
import { benefits } from './benefits';
import { budgetLines, committeeMeetings, measureActuals, staffSurveys } from './cycle';
import { highlights } from './highlights';
import { measures } from './measures';
import { objectiveUpdates, objectives } from './objectives';
import { directory, personas, users } from './people';
import { bestPractice, lessonsLearned } from './registers';
import { risks } from './risks';
import { reportSettings } from './settings';
import { services } from './services';
import { successes } from './successes';
import type { Persona, SampleData } from './types';
import { periodById } from '../../src/domain/calendar';

/**
 * Items with the date they were entered, when the sample gives none: a paper for a past period
 * leaves out items created after its end, so undated items (seeded "now") would vanish from
 * the 2021/22 papers. The dates follow the year the data describes.
 */
function entered<T extends { created?: string; modified?: string }>(items: readonly T[], on: (item: T) => string): T[] {
  return items.map((i) => (i.created ? i : { ...i, created: on(i), modified: i.modified ?? on(i) }));
}

const daysBefore = (date: string, days: number): string => new Date(Date.parse(`${date}T09:00:00Z`) - days * 86400000).toISOString();

/** The seed data of every list, plus the site users. */
export const sampleData: SampleData = {
  users,
  directory,
  services,
  objectives: entered(objectives, () => '2021-04-01T09:00:00Z'),
  objectiveUpdates: entered(objectiveUpdates, (u) => u.updatedOn),
  objectiveActions: entered(objectiveActions, () => '2021-10-01T09:00:00Z'),
  benefits,
  risks: entered(risks, () => '2021-06-01T09:00:00Z'),
  measures: entered(measures, () => '2021-04-01T09:00:00Z'),
  highlights: entered(highlights, (h) => daysBefore(h.meetingDate, 21)),
  bestPractice: bestPractice && entered(bestPractice, () => '2022-03-01T09:00:00Z'),
  lessonsLearned: lessonsLearned && entered(lessonsLearned, () => '2022-03-01T09:00:00Z'),
  reportSettings,
  // The forward plan is set at the start of the year; actuals and survey results are entered
  // before their quarter closes (as the general updates are), budgets when the year opens.
  committeeMeetings: entered(committeeMeetings, () => '2021-04-01T09:00:00Z'),
  measureActuals: entered(measureActuals, (a) => daysBefore(periodById(a.periodId).end, 10)),
  staffSurveys: entered(staffSurveys, (s) => daysBefore(periodById(s.periodId).end, 14)),
  budgetLines: entered(budgetLines, (b) => `${b.financialYear}-04-01T09:00:00Z`),
  // A success is recorded once achieved: a paper of an earlier quarter leaves it out.
  successes: entered(successes, (s) => `${s.achievedOn}T09:00:00Z`)
};

/** The workbench personas: 1 editor, 2 service lead, 3 auditor (read-only), 14 responsible officer. */
export { personas };
export { datedSampleData, REFERENCE_TODAY, sampleTodayAfter } from './dated';
export type { Persona, SampleData };
