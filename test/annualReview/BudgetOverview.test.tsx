/** @jest-environment jsdom */
/**
 * The budget tab of the benefits tracker: a year's shared budgets, their split and savings
 * approved with totals per council; an editor adds a line whose split must add up to the budget.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { BudgetLine, Service } from '../../src/domain/types';
import { BudgetOverview } from '../../src/webparts/benefitsTracker/components/BudgetOverview';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';
const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'Transformation and Partnerships', phase: 'Phase 1', partnerCouncils: [CHORLEY, SOUTH_RIBBLE] },
  { id: 3, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: [CHORLEY, SOUTH_RIBBLE] }
];
const LINES = (): BudgetLine[] => [
  { id: 1, etag: '"1"', serviceId: 1, financialYear: 2021, sharedBudget: 902000, split: [{ council: CHORLEY, amount: 451000 }, { council: SOUTH_RIBBLE, amount: 451000 }], savingsApproved: 85000 },
  { id: 2, etag: '"1"', serviceId: 3, financialYear: 2021, sharedBudget: 100000, split: [{ council: CHORLEY, amount: 60000 }, { council: SOUTH_RIBBLE, amount: 40000 }], savingsApproved: 34000 }
];

function renderIt(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES, budgetLines: LINES() });
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <BudgetOverview />
    </AppShell>
  );
  return repositories;
}

describe('BudgetOverview', () => {
  it('totals the year per council and adds a line whose split must add up', async () => {
    const repositories = renderIt();
    const totals = (await screen.findByRole('region', { name: lazyStrings.BudgetTotalsHeading })) as HTMLElement;
    expect(within(totals).getByText('Totals for 2021/22')).toBeTruthy();
    expect(within(totals).getByText('Shared budgets £1,002,000; savings approved £119,000.')).toBeTruthy();
    // One row per council, with its heading cells, in a real table.
    const rows = within(within(totals).getByRole('table')).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent));
    expect(rows).toEqual([
      [strings.ReportColumnCouncil, strings.ReportColumnBudgetShare],
      ['Chorley Council', '£511,000'],
      ['South Ribble Borough Council', '£491,000']
    ]);

    const add = jest.spyOn(repositories.budgetLines, 'add');
    fireEvent.click(screen.getByText(lazyStrings.NewBudgetLine).closest('button') as HTMLElement);
    const panel = (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;
    const label = within(panel).getByText(lazyStrings.FieldService, { selector: 'label' });
    fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
    fireEvent.click((await screen.findByText('Governance', { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldFinancialYearStart), { target: { value: '2022' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSharedBudget), { target: { value: '120,000' } });
    fireEvent.change(within(panel).getByLabelText(CHORLEY), { target: { value: '60000' } });
    fireEvent.change(within(panel).getByLabelText(SOUTH_RIBBLE), { target: { value: '50000' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    expect((await within(panel).findAllByText('Split between councils adds up to 110000.00, not the shared budget.')).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Savings approved is required.').length).toBeGreaterThan(0);
    fireEvent.change(within(panel).getByLabelText(SOUTH_RIBBLE), { target: { value: '60000' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSavingsApproved), { target: { value: '5000' } });
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({
      serviceId: 3,
      financialYear: 2022,
      sharedBudget: 120000,
      savingsApproved: 5000,
      split: [
        { council: CHORLEY, amount: 60000 },
        { council: SOUTH_RIBBLE, amount: 60000 }
      ]
    });
    // The year saved is shown.
    expect(await screen.findByText('Totals for 2022/23')).toBeTruthy();
  });

  it('is read only for an auditor', async () => {
    renderIt((repos) => {
      repos.canEdit = async () => false;
    });
    expect(await screen.findByText(strings.RegisterReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewBudgetLine)).toBeNull();
  });
});
