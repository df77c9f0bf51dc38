/**
 * The Title auditors read in the list views of items kept per quarter: the quarter as people say
 * it, never its id ("Q4 2021/22 #12", not "2021-22-Q4 #12").
 */
import { toItem } from '../../src/data/mapping';
import { periodTitle } from '../../src/data/lists/periodTitle';

it('writes the quarter by its label in the Title of updates, actuals, surveys and highlights', () => {
  expect(toItem('objectiveUpdates', { objectiveId: 12, periodId: '2021-22-Q4', narrative: '<p>x</p>' }).Title).toBe('Q4 2021/22 #12');
  expect(toItem('measureActuals', { measureId: 3, periodId: '2026-27-Q1', value: 1 }).Title).toBe('Q1 2026/27 #3');
  expect(toItem('staffSurveys', { serviceId: 4, periodId: '2026-27-Q2' }).Title).toBe('Q2 2026/27 #4');
  expect(toItem('highlights', { serviceId: 4, periodId: '2025-26-Q3' }).Title).toBe('Q3 2025/26 #4');
});

it('keeps an id the calendar does not know as written, and gives no title without a period', () => {
  expect(periodTitle('odd', 1)).toBe('odd #1');
  expect(periodTitle(undefined, 1)).toBeUndefined();
});
