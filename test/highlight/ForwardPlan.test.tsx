/** @jest-environment jsdom */
/**
 * The forward plan tab of the highlight report: meetings in date order with the reports each
 * receives; an editor adds a meeting whose reports start from the framework; a general update
 * is written for one of the plan's meetings.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import type { CommitteeMeeting } from '../../src/domain/types';
import { renderReport, seed } from './fixtures';
import { fakeRepositories } from '../components/fakeRepositories';

const meeting = (id: number, title: string, meetingDate: string, reports: CommitteeMeeting['reports']): CommitteeMeeting => ({ id, etag: `"${id}"`, title, meetingDate, reports });
const MEETINGS = (): CommitteeMeeting[] => [
  meeting(2, 'Joint Committee, March 2022', '2022-03-15', ['highlight']),
  meeting(1, 'Joint Committee, December 2021', '2021-12-07', ['highlight']),
  meeting(3, 'Joint Committee, March 2023', '2023-03-14', ['highlight', 'annual'])
];

const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave, undefined, { timeout: 8000 })).closest('.ms-Panel-main') as HTMLElement;

beforeEach(() => window.localStorage.clear());

describe('Forward plan', () => {
  it('lists the meetings in date order and adds one whose reports follow the framework', async () => {
    const repositories = fakeRepositories({ ...seed(), meetings: MEETINGS() });
    const add = jest.spyOn(repositories.committeeMeetings, 'add');
    renderReport({ repositories });
    fireEvent.click((await screen.findByText(strings.ReportTabForwardPlan, { selector: '.ms-Pivot-text' })).closest('button') as HTMLElement);
    const section = (await screen.findByRole('region', { name: strings.ReportTabForwardPlan }, { timeout: 8000 })) as HTMLElement;
    await waitFor(() =>
      expect(Array.from(section.querySelectorAll('[role="row"] strong')).map((e) => e.textContent)).toEqual(['7 December 2021', '15 March 2022', '14 March 2023'])
    );
    expect(within(section).getByText(`${strings.ReportKindHighlight}, ${strings.ReportKindAnnual}`)).toBeTruthy();

    fireEvent.click(screen.getByText(lazyStrings.NewMeeting).closest('button') as HTMLElement);
    const panel = await panelOf();
    fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    expect((await within(panel).findAllByText('Meeting is required.')).length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Meeting date is required.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Reports received is required.').length).toBeGreaterThan(0);
    fireEvent.change(within(panel).getByLabelText(lazyStrings.FieldMeetingTitle), { target: { value: 'Joint Committee, March 2022 (extra)' } });
    // Typed as people in the UK write it (the date field also offers a calendar).
    const date = within(panel).getByRole('combobox', { name: lazyStrings.FieldMeetingDate });
    fireEvent.change(date, { target: { value: '29/03/2022' } });
    fireEvent.blur(date);
    await waitFor(() => expect((date as HTMLInputElement).value).toBe('29 March 2022'));
    expect((within(panel).getByLabelText(strings.ReportKindAnnual) as HTMLInputElement).checked).toBe(true);
    expect((within(panel).getByLabelText(strings.ReportKindHighlight) as HTMLInputElement).checked).toBe(true);
    expect((within(panel).getByLabelText(strings.ReportKindQuarterly) as HTMLInputElement).checked).toBe(false);
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({ title: 'Joint Committee, March 2022 (extra)', meetingDate: '2022-03-29', reports: ['highlight', 'annual'] });
  });

  it('is read only for those who may not edit it', async () => {
    const repositories = fakeRepositories({ ...seed(), meetings: MEETINGS() });
    repositories.canEdit = async () => false;
    renderReport({ repositories });
    fireEvent.click((await screen.findByText(strings.ReportTabForwardPlan, { selector: '.ms-Pivot-text' })).closest('button') as HTMLElement);
    expect(await screen.findByText(strings.RegisterReadOnlyNotice, undefined, { timeout: 8000 })).toBeTruthy();
    expect(screen.queryByText(lazyStrings.NewMeeting)).toBeNull();
  });

  it('writes a general update for one of the plan’s meetings', async () => {
    const repositories = fakeRepositories({ ...seed(), meetings: MEETINGS() });
    const add = jest.spyOn(repositories.highlights, 'add');
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByText(strings.GeneralUpdateWrite).closest('button') as HTMLElement);
    fireEvent.click(await screen.findByText(strings.GeneralUpdateMenuNew));
    const panel = await panelOf();
    const choose = async (label: string, option: string): Promise<void> => {
      const l = within(panel).getByText(label, { selector: 'label' });
      fireEvent.click(document.getElementById(l.id.replace(/-label$/, '')) as HTMLElement);
      fireEvent.click((await screen.findByText(option, { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    };
    await choose(lazyStrings.FieldGeneralUpdateService, 'Governance');
    await choose(lazyStrings.FieldMeetingDate, 'Joint Committee, March 2023 (14 March 2023)');
    const editor = panel.querySelectorAll('[contenteditable="true"]')[0] as HTMLElement;
    editor.innerHTML = '<p>Annual review prepared</p>';
    fireEvent.input(editor);
    expect(within(panel).getByText('This update appears in the Q4 2022/23 report.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSave).closest('button') as HTMLElement);
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toMatchObject({ serviceId: 2, meetingDate: '2023-03-14', periodId: '2022-23-Q4', keyPoints: '<p>Annual review prepared</p>' });
  });
});
