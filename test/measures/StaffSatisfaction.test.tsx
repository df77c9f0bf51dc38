/** @jest-environment jsdom */
/**
 * The staff satisfaction tab: latest result with response rate, trend and next survey due
 * (every other quarter); the service lead enters a result, with messages naming each field;
 * auditors read only.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { Person, Service, StaffSurvey } from '../../src/domain/types';
import { StaffSatisfaction } from '../../src/webparts/objectivesTracker/components/StaffSatisfaction';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const ME: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };
const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'], serviceLead: ME },
  { id: 2, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }
];
const survey = (id: number, serviceId: number, periodId: string, satisfiedPercent: number): StaffSurvey => ({
  id,
  etag: `"${id}"`,
  serviceId,
  periodId,
  surveyed: 50,
  responses: 30,
  satisfiedPercent,
  themes: '<p>Workload</p>'
});

function renderIt(configure?: (repos: FakeRepositories) => void): FakeRepositories {
  const repositories = fakeRepositories({ services: SERVICES, staffSurveys: [survey(1, 1, '2021-22-Q2', 66), survey(2, 1, '2021-22-Q4', 71)] });
  repositories.canEdit = async (list) => list !== 'services';
  configure?.(repositories);
  render(
    <AppShell repositories={repositories}>
      <StaffSatisfaction today="2022-08-01" />
    </AppShell>
  );
  return repositories;
}

const rowOf = (text: string): HTMLElement => screen.getByText(text).closest('[role="row"]') as HTMLElement;

describe('StaffSatisfaction', () => {
  it('shows the latest result, its trend and when the next survey is due', async () => {
    renderIt();
    await screen.findByText('Governance');
    const governance = rowOf('Governance');
    expect(governance.textContent).toContain('71% satisfied');
    expect(governance.textContent).toContain('30 of 50 responded (60%)');
    expect(governance.textContent).toContain(strings.ReportTrendImproved);
    // Surveyed in Q4 2021/22: next due two quarters on, in Q2 2022/23 (being reported now).
    expect(governance.textContent).toContain('Due now (Q2 2022/23)');
    expect(rowOf('ICT').textContent).toContain(lazyStrings.SurveyNone);
  });

  it('lets the lead enter a result for their service, naming each field at fault', async () => {
    const repositories = renderIt();
    const add = jest.spyOn(repositories.staffSurveys, 'add');
    fireEvent.click((await screen.findByText(lazyStrings.NewSurvey)).closest('button') as HTMLElement);
    const panel = (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSurveyed), { target: { value: '40' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldResponses), { target: { value: '44' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    expect((await within(panel).findAllByText('Responses cannot be more than the people surveyed.')).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Satisfied (%) is required.').length).toBeGreaterThan(0);
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldResponses), { target: { value: '28' } });
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldSatisfiedPercent), { target: { value: '74' } });
    expect(within(panel).getByText('Response rate: 70%')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({ serviceId: 1, periodId: '2022-23-Q2', surveyed: 40, responses: 28, satisfiedPercent: 74, themes: '' });
    await waitFor(() => expect(rowOf('Governance').textContent).toContain('74% satisfied'));
  });

  it('is read only for an auditor', async () => {
    renderIt((repos) => {
      repos.canEdit = async () => false;
    });
    expect(await screen.findByText(strings.RegisterReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewSurvey)).toBeNull();
  });
});
