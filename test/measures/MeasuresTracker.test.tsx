/** @jest-environment jsdom */
/**
 * The measures tab of the objectives tracker: the last four quarters with RAG against target and
 * the trend; the officer responsible (or the service's lead) enters the quarter's actual with a
 * comment; the reminder's `?measure=<id>` opens that entry; auditors read only; bad input names
 * the field and keeps what was typed.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { Measure, MeasureActual, Person, Service } from '../../src/domain/types';
import { withListedActuals } from '../../src/domain/measures';
import { mayEnterActual, parseTypedNumber } from '../../src/webparts/objectivesTracker/measureActualForm';
import { MeasuresTracker } from '../../src/webparts/objectivesTracker/components/MeasuresTracker';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const ME: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };
const OTHER: Person = { id: 8, displayName: 'Other Lead', email: 'other@council.example.gov.uk' };
const TODAY = '2022-06-05'; // Q1 2022/23 is being reported (updates due on 10 June)
const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'Customer Services', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'], serviceLead: OTHER },
  { id: 2, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'], serviceLead: OTHER }
];
const measure = (id: number, serviceId: number, title: string, target: number, direction: Measure['direction'], extra: Partial<Measure> = {}): Measure => ({
  id,
  etag: '"1"',
  title,
  serviceId,
  unit: '%',
  target,
  direction,
  actuals: {},
  ...extra
});
const MEASURES = (): Measure[] => [
  measure(1, 1, 'Calls answered within 60 seconds', 80, 'Higher is better', { responsibleOfficer: ME, actuals: { '2021-22-Q3': 70 } }),
  measure(2, 2, 'Availability of core systems', 99.5, 'Higher is better')
];
const actual = (id: number, measureId: number, periodId: string, value: number): MeasureActual => ({ id, etag: `"${id}"`, measureId, periodId, value, comment: '' });
const ACTUALS = (): MeasureActual[] => [actual(1, 1, '2021-22-Q4', 72), actual(2, 2, '2021-22-Q4', 99.7)];

function renderAt(search: string, configure?: (repos: FakeRepositories) => void): FakeRepositories {
  window.history.pushState({}, '', `/SitePages/Objectives.aspx${search}`);
  const repositories = fakeRepositories({ services: SERVICES, measures: MEASURES(), measureActuals: ACTUALS() });
  repositories.canEdit = async (list) => list !== 'measures';
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <MeasuresTracker today={TODAY} />
    </AppShell>
  );
  return repositories;
}

const rowOf = (text: string): HTMLElement => screen.getByText(text).closest('[role="row"]') as HTMLElement;
const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave, undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;
const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;

afterEach(() => window.history.pushState({}, '', '/'));
beforeEach(() => window.localStorage.clear());

describe('measure actuals rules', () => {
  it('lets the responsible officer, the lead or an editor enter, nobody without edit rights', () => {
    const m = MEASURES()[0];
    expect(mayEnterActual(m, SERVICES, { me: ME, canEditActuals: true, isEditor: false })).toBe(true);
    expect(mayEnterActual(MEASURES()[1], SERVICES, { me: ME, canEditActuals: true, isEditor: false })).toBe(false);
    expect(mayEnterActual(MEASURES()[1], SERVICES, { me: OTHER, canEditActuals: true, isEditor: false })).toBe(true);
    expect(mayEnterActual(MEASURES()[1], SERVICES, { me: ME, canEditActuals: true, isEditor: true })).toBe(true);
    expect(mayEnterActual(m, SERVICES, { me: ME, canEditActuals: false, isEditor: true })).toBe(false);
    expect(parseTypedNumber('1,250.5')).toBe(1250.5);
    expect(parseTypedNumber('85%')).toBe(85);
    expect(parseTypedNumber('')).toBeUndefined();
    expect(parseTypedNumber('eighty')).toBeNaN();
  });

  it('merges entered actuals into the measures the reports read', () => {
    const merged = withListedActuals(MEASURES(), [...ACTUALS(), actual(3, 1, '2021-Q3', 71)]);
    expect(merged[0].actuals).toEqual({ '2021-Q3': 71, '2021-22-Q4': 72 });
    expect(merged[1].actuals).toEqual({ '2021-22-Q4': 99.7 });
  });
});

describe('MeasuresTracker', () => {
  it('shows four quarters with RAG in words and the trend, and opens the linked entry', async () => {
    const repositories = renderAt('?measure=1');
    const add = jest.spyOn(repositories.measureActuals, 'add');
    const panel = await panelOf();
    expect(within(panel).getByText('Calls answered within 60 seconds: Q1 2022/23')).toBeTruthy();
    const row = rowOf('Availability of core systems');
    expect(row.textContent).toContain('99.7 %');
    expect(row.textContent).toContain('Green');
    const calls = rowOf('Calls answered within 60 seconds');
    expect(calls.textContent).toContain('70 %');
    expect(calls.textContent).toContain('Red');
    expect(calls.textContent).toContain('72 %');
    expect(calls.textContent).toContain('Amber');
    // The quarter headings are read as quarters, never as raw period ids.
    expect(screen.getAllByText('Q4 2021/22').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toContain('2021-22-Q4');

    const value = within(panel).getByLabelText(/^Actual/);
    fireEvent.change(value, { target: { value: 'eighty' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect((await within(panel).findAllByText('Actual must be a number.')).length).toBeGreaterThan(0);
    // What was typed is still there.
    expect((value as HTMLInputElement).value).toBe('eighty');
    fireEvent.change(value, { target: { value: '81.5' } });
    const comment = panel.querySelector('[contenteditable="true"]') as HTMLElement;
    comment.innerHTML = '<p>Two agents joined in May</p>';
    fireEvent.input(comment);
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({ measureId: 1, periodId: '2022-23-Q1', value: 81.5, comment: '<p>Two agents joined in May</p>', enteredBy: ME });
    // The new quarter shows on target and improved.
    await waitFor(() => expect(rowOf('Calls answered within 60 seconds').textContent).toContain('81.5 %'));
    expect(rowOf('Calls answered within 60 seconds').textContent).toContain(strings.ReportTrendImproved);
  });

  it('offers entry only for the officer’s own measures and says so when the link is not theirs', async () => {
    renderAt('?measure=2');
    expect(await screen.findByText(lazyStrings.MeasureLinkReadOnly)).toBeTruthy();
    expect(within(rowOf('Calls answered within 60 seconds')).getByText(lazyStrings.EnterActual)).toBeTruthy();
    expect(within(rowOf('Availability of core systems')).queryByText(lazyStrings.EnterActual)).toBeNull();
  });

  it('lets an editor define a measure, naming each field at fault', async () => {
    const repositories = renderAt('', (repos) => {
      repos.canEdit = async () => true;
    });
    const add = jest.spyOn(repositories.measures, 'add');
    fireEvent.click((await screen.findByText(lazyStrings.NewMeasure)).closest('button') as HTMLElement);
    const panel = await panelOf();
    fireEvent.change(within(panel).getByLabelText(lazyStrings.ColumnTarget), { target: { value: 'ninety' } });
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect((await within(panel).findAllByText('Measure is required.')).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Target must be a number.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Direction is required.').length).toBeGreaterThan(0);
    fireEvent.change(within(panel).getByLabelText(lazyStrings.ColumnMeasure), { target: { value: 'Complaints answered within 10 days' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.ColumnTarget), { target: { value: '90' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldUnit), { target: { value: '%' } });
    for (const [label, option] of [
      [lazyStrings.FieldService, 'ICT'],
      [lazyStrings.FieldDirection, 'Higher is better']
    ]) {
      const l = within(panel).getByText(label, { selector: 'label' });
      fireEvent.click(document.getElementById(l.id.replace(/-label$/, '')) as HTMLElement);
      fireEvent.click((await screen.findByText(option, { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    }
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({ title: 'Complaints answered within 10 days', serviceId: 2, unit: '%', target: 90, direction: 'Higher is better', frequency: 'Quarterly' });
    expect(await screen.findByText('Complaints answered within 10 days')).toBeTruthy();
  });

  it('is read only for an auditor', async () => {
    renderAt('', (repos) => {
      repos.canEdit = async () => false;
    });
    expect(await screen.findByText(strings.RegisterReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.EnterActual)).toBeNull();
  });
});
