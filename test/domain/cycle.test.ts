import { budgetTotals, defaultReportsFor, isSurveyDue, nextSurveyDue, responseRate, unsplitAmount } from '../../src/domain/cycle';
import type { BudgetLine } from '../../src/domain/types';

describe('the committee cycle', () => {
  it('gives every meeting the general update, June, September and December the quarterly report, March the annual review', () => {
    expect(defaultReportsFor('2022-06-21')).toEqual(['highlight', 'quarterly']);
    expect(defaultReportsFor('2022-09-20')).toEqual(['highlight', 'quarterly']);
    expect(defaultReportsFor('2022-12-13')).toEqual(['highlight', 'quarterly']);
    expect(defaultReportsFor('2023-03-14')).toEqual(['highlight', 'annual']);
    expect(defaultReportsFor('2022-11-15')).toEqual(['highlight']);
  });

  it('surveys staff every other quarter', () => {
    expect(nextSurveyDue([], '2022-23-Q1')).toBe('2022-23-Q1');
    expect(nextSurveyDue([{ periodId: '2022-23-Q1' }], '2022-23-Q2')).toBe('2022-23-Q3');
    expect(isSurveyDue([{ periodId: '2022-23-Q1' }], '2022-23-Q2')).toBe(false);
    expect(isSurveyDue([{ periodId: '2022-23-Q1' }], '2022-23-Q3')).toBe(true);
    // Overdue: due now.
    expect(nextSurveyDue([{ periodId: '2021-22-Q1' }], '2022-23-Q2')).toBe('2022-23-Q2');
    expect(isSurveyDue([{ periodId: '2022-23-Q3' }], '2022-23-Q3')).toBe(false);
    expect(responseRate({ surveyed: 48, responses: 31 })).toBe(65);
    expect(responseRate({ surveyed: 0, responses: 0 })).toBeUndefined();
  });

  it('totals the shared budgets and each council’s share for a financial year, in whole pence', () => {
    const line = (id: number, serviceId: number, financialYear: number, sharedBudget: number, split: Array<[string, number]>, savingsApproved: number): BudgetLine => ({
      id,
      etag: '',
      serviceId,
      financialYear,
      sharedBudget,
      split: split.map(([council, amount]) => ({ council, amount })),
      savingsApproved
    });
    const lines = [
      line(1, 1, 2022, 1000.1, [['Chorley Council', 500.05], ['South Ribble Borough Council', 500.05]], 100.2),
      line(2, 2, 2022, 300, [['chorley council ', 150], ['South Ribble Borough Council', 120]], 0.1),
      line(3, 1, 2021, 999, [['Chorley Council', 999]], 5)
    ];
    expect(budgetTotals(lines, 2022)).toEqual({
      sharedBudget: 1300.1,
      savingsApproved: 100.3,
      byCouncil: [
        { council: 'Chorley Council', share: 650.05 },
        { council: 'South Ribble Borough Council', share: 620.05 }
      ]
    });
    expect(unsplitAmount(lines[1])).toBe(30);
    expect(unsplitAmount(lines[0])).toBe(0);
  });
});
