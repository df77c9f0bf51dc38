/** @jest-environment jsdom */
/**
 * Correcting an earlier quarter's actual in the measures tab: the officer responsible (or the
 * lead, or an editor) opens any of the four quarters shown, edits the stored actual with the one
 * edit pattern (both versions on a 412, what was typed kept), or enters one that was never
 * recorded; nobody else is offered it.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ConflictError } from '../../src/data/errors';
import type { Measure, MeasureActual, Person, Service } from '../../src/domain/types';
import { MeasuresTracker } from '../../src/webparts/objectivesTracker/components/MeasuresTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const ME: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };
const OTHER: Person = { id: 8, displayName: 'Other Lead', email: 'other@council.example.gov.uk' };
const TODAY = '2022-06-05'; // Q1 2022/23 is being reported
const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'Customer Services', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'], serviceLead: OTHER },
  { id: 2, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'], serviceLead: OTHER }
];
const measure = (id: number, serviceId: number, title: string, extra: Partial<Measure> = {}): Measure => ({
  id,
  etag: '"1"',
  title,
  serviceId,
  unit: '%',
  target: 80,
  direction: 'Higher is better',
  actuals: {},
  ...extra
});
const MEASURES = (): Measure[] => [
  measure(1, 1, 'Calls answered within 60 seconds', { responsibleOfficer: ME, actuals: { '2021-22-Q3': 70 } }),
  measure(2, 2, 'Availability of core systems')
];
const ACTUALS = (): MeasureActual[] => [
  { id: 1, etag: '"1"', measureId: 1, periodId: '2021-22-Q4', value: 72, comment: '' },
  { id: 2, etag: '"2"', measureId: 2, periodId: '2021-22-Q4', value: 99.7, comment: '' }
];

function renderTracker(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES, measures: MEASURES(), measureActuals: ACTUALS() });
  // An officer: edits actuals, not the measures themselves.
  repositories.canEdit = async (list) => list !== 'measures';
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <MeasuresTracker today={TODAY} />
    </AppShell>
  );
  return repositories;
}

const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave, undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
const save = async (panel: HTMLElement): Promise<void> => {
  await act(async () => {
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
  });
};
const correct = (title: string, quarter: string): HTMLElement => screen.getByLabelText(`Correct the actual for ${title} in ${quarter}`);

beforeEach(() => window.localStorage.clear());

describe('correcting an earlier quarter', () => {
  it('changes the stored actual of an earlier quarter, read with its etag', async () => {
    const repositories = renderTracker();
    await screen.findByText('Calls answered within 60 seconds');
    const update = jest.spyOn(repositories.measureActuals, 'update');
    fireEvent.click(await screen.findByLabelText('Correct the actual for Calls answered within 60 seconds in Q4 2021/22'));
    const panel = await panelOf();
    expect(within(panel).getByText('Calls answered within 60 seconds: Q4 2021/22')).toBeTruthy();
    const value = within(panel).getByLabelText(/^Actual/) as HTMLInputElement;
    expect(value.value).toBe('72');
    fireEvent.change(value, { target: { value: '75' } });
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(update.mock.calls[0][0]).toMatchObject({ id: 1, etag: '"1"', value: 75 });
    await waitFor(() => expect((screen.getByText('Calls answered within 60 seconds').closest('[role="row"]') as HTMLElement).textContent).toContain('75 %'));
  });

  it('records an actual for a quarter that only the measure itself held, for that quarter', async () => {
    const repositories = renderTracker();
    await screen.findByText('Calls answered within 60 seconds');
    const add = jest.spyOn(repositories.measureActuals, 'add');
    fireEvent.click(correct('Calls answered within 60 seconds', 'Q3 2021/22'));
    const panel = await panelOf();
    fireEvent.change(within(panel).getByLabelText(/^Actual/), { target: { value: '71' } });
    await save(panel);
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({ measureId: 1, periodId: '2021-22-Q3', value: 71 });
  });

  it('shows both versions when someone else changed that quarter first, keeping what was typed', async () => {
    const theirs: MeasureActual = { ...ACTUALS()[0], etag: '"5"', value: 74 };
    renderTracker((repos) => {
      repos.measureActuals.update = async (changes) => {
        throw new ConflictError<MeasureActual>(theirs, changes, { operation: 'update', list: 'measureActuals', itemId: 1 });
      };
    });
    await screen.findByText('Calls answered within 60 seconds');
    fireEvent.click(correct('Calls answered within 60 seconds', 'Q4 2021/22'));
    const panel = await panelOf();
    const value = within(panel).getByLabelText(/^Actual/) as HTMLInputElement;
    fireEvent.change(value, { target: { value: '76' } });
    await save(panel);
    const conflict = await within(panel).findByTestId('item-conflict');
    const row = within(conflict).getByText(lazyStrings.FieldActual).closest('tr') as HTMLElement;
    expect(Array.from(row.querySelectorAll('td')).map((c) => c.textContent)).toEqual(['76', '74', lazyStrings.ItemConflictOutcomeBoth]);
    expect(value.value).toBe('76');
  });

  it('offers no correction of a measure that is not the officer’s', async () => {
    renderTracker();
    await screen.findByText('Availability of core systems');
    expect(screen.queryByLabelText('Correct the actual for Availability of core systems in Q4 2021/22')).toBeNull();
    expect(screen.getByLabelText('Correct the actual for Calls answered within 60 seconds in Q4 2021/22')).toBeTruthy();
  });

  it('offers no correction to an auditor', async () => {
    renderTracker((repos) => {
      repos.canEdit = async () => false;
    });
    await screen.findByText('Calls answered within 60 seconds');
    expect(screen.queryAllByText(lazyStrings.CorrectActual)).toEqual([]);
    expect(screen.queryAllByText(lazyStrings.AddEarlierActual)).toEqual([]);
    expect(screen.queryAllByText(lazyStrings.EnterActual)).toEqual([]);
  });
});
