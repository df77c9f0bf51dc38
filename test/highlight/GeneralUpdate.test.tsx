/** @jest-environment jsdom */
/**
 * Writing the general update in the highlight report: who may write it (the service's lead, an
 * editor, not an auditor), the Teams tab opening on the lead's own service, validation naming
 * each field, one update per service and meeting, sanitised rich text, and a 412 shown as both
 * versions.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { ConflictError } from '../../src/data/errors';
import type { ItemChanges } from '../../src/data/repositories';
import type { Highlight, Person } from '../../src/domain/types';
import { convertGeneralUpdate, ownService, writableServices } from '../../src/webparts/highlightReport/generalUpdate';
import { PERIOD, renderReport, seed } from './fixtures';
import { fakeRepositories, FakeRepositories } from '../components/fakeRepositories';

/** The fake repositories' signed-in user. */
const ME: Person = { id: 1, displayName: 'Test Officer', email: 'officer@council.example.gov.uk' };

/** The seed with the signed-in user leading Transformation and Partnerships (service 1). */
function leadSeed(): ReturnType<typeof seed> {
  const s = seed();
  s.services = (s.services ?? []).map((svc) => (svc.id === 1 ? { ...svc, serviceLead: ME } : svc));
  return s;
}

/** Fake repositories where the user may edit highlights but not the services list (a lead, not an editor). */
function asLead(): FakeRepositories {
  const repositories = fakeRepositories(leadSeed());
  repositories.canEdit = async (list) => list !== 'services';
  return repositories;
}

const panelOf = async (): Promise<HTMLElement> => (await screen.findByText(lazyStrings.FormSave)).closest('.ms-Panel-main') as HTMLElement;
const button = (container: HTMLElement, text: string): HTMLElement => within(container).getByText(text).closest('button') as HTMLElement;
// eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
const editorOf = (panel: HTMLElement, label: string): HTMLElement => within(panel).getByRole('textbox', { name: new RegExp(label) });
const type = (editor: HTMLElement, html: string): void => {
  editor.innerHTML = html;
  fireEvent.input(editor);
};

/** Picks a day of the month the meeting date picker opens on (March 2022 in these tests). */
async function pickDay(panel: HTMLElement, day: number): Promise<void> {
  // Typed as people in the UK write it (the date field also offers a calendar).
  const date = within(panel).getByRole('combobox', { name: lazyStrings.FieldMeetingDate });
  fireEvent.change(date, { target: { value: `${day}/03/2022` } });
  fireEvent.blur(date);
  await waitFor(() => expect((date as HTMLInputElement).value).toBe(`${day} March 2022`));
}

async function openWrite(): Promise<void> {
  fireEvent.click((await screen.findByText(strings.GeneralUpdateWrite)).closest('button') as HTMLElement);
}

beforeEach(() => {
  window.localStorage.clear();
});

describe('who may write a general update', () => {
  const services = leadSeed().services ?? [];
  it('a lead their own service, an editor any, an auditor none', () => {
    expect(writableServices(services, { me: ME, canEditHighlights: true, isEditor: false }).map((s) => s.id)).toEqual([1]);
    expect(writableServices(services, { me: ME, canEditHighlights: true, isEditor: true }).map((s) => s.name)).toEqual([
      'Governance',
      'Transformation and Partnerships'
    ]);
    expect(writableServices(services, { me: ME, canEditHighlights: false, isEditor: true })).toEqual([]);
    expect(writableServices(services, { me: { ...ME, id: 99 }, canEditHighlights: true, isEditor: false })).toEqual([]);
    expect(ownService(services, ME)?.id).toBe(1);
    expect(ownService(services, { id: 99 })).toBeUndefined();
  });

  it('takes the period from the meeting date and refuses a second update for the same meeting', () => {
    const others = [{ id: 61, serviceId: 1, meetingDate: '2022-03-15' }];
    const ok = convertGeneralUpdate({ serviceId: 1, meetingDate: '2022-06-21', keyPoints: '<p>June</p>', activityOverview: '' }, { others });
    expect(ok.errors).toEqual([]);
    expect(ok.model.periodId).toBe('2022-23-Q1');
    const twice = convertGeneralUpdate({ serviceId: 1, meetingDate: '2022-03-15', keyPoints: '<p>Again</p>', activityOverview: '' }, { others });
    expect(twice.errors.map((e) => e.message)).toEqual([
      'Meeting date: this service already has a general update for that meeting. Edit that one instead.'
    ]);
    // Editing that very update is not a duplicate of itself.
    expect(convertGeneralUpdate({ serviceId: 1, meetingDate: '2022-03-15', keyPoints: '<p>Edited</p>', activityOverview: '' }, { others, id: 61 }).errors).toEqual([]);
    const none = convertGeneralUpdate({ keyPoints: '', activityOverview: '<p>&nbsp;</p>' }, { others });
    expect(none.errors.map((e) => e.message)).toEqual([
      'Service is required.',
      'Meeting date is required.',
      'Enter the key points of action or an overview of activity.'
    ]);
  });
});

describe('HighlightReport: writing the general update', () => {
  it('opens the Teams tab on the lead’s own service and edits its update for the meeting, read afresh with its etag', async () => {
    const repositories = asLead();
    const calls: Array<ItemChanges<Highlight>> = [];
    const update = repositories.highlights.update;
    repositories.highlights.update = async (changes) => {
      calls.push(changes);
      return update(changes);
    };
    renderReport({ repositories, inTeams: true });
    const region = await screen.findByRole('region', { name: 'Transformation and Partnerships' });
    // Only the lead's service is shown: Governance is not on the tab.
    expect(screen.queryByRole('region', { name: 'Governance' })).toBeNull();
    expect(within(region).getByText('March key points')).toBeTruthy();

    fireEvent.click((await screen.findByText(strings.GeneralUpdateWrite)).closest('button') as HTMLElement);
    fireEvent.click(await screen.findByText('Edit Transformation and Partnerships, meeting of 15 March 2022'));
    const panel = await panelOf();
    expect(within(panel).getByText(lazyStrings.GeneralUpdateEditTitle)).toBeTruthy();
    expect(within(panel).getByText('This update appears in the Q4 2021/22 report.')).toBeTruthy();
    // The stored text is shown sanitised: the image's handler is gone.
    expect(panel.querySelector('[onerror]')).toBeNull();
    type(editorOf(panel, lazyStrings.FieldKeyPoints), '<ul><li>Digital strategy adopted</li></ul><script>alert(1)</script>');
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: 61, etag: '"1"', serviceId: 1, meetingDate: '2022-03-15', periodId: PERIOD });
    expect(calls[0].keyPoints).toBe('<ul><li>Digital strategy adopted</li></ul>');
    expect(await screen.findByText('The general update for Transformation and Partnerships, meeting of 15 March 2022, has been saved.')).toBeTruthy();
    // The report is read again and shows the new text.
    expect(await within(await screen.findByRole('region', { name: 'Transformation and Partnerships' })).findByText('Digital strategy adopted')).toBeTruthy();
  });

  it('names every missing field, refuses a second update for the same meeting, then adds one for another meeting', async () => {
    const repositories = asLead();
    const add = jest.spyOn(repositories.highlights, 'add');
    renderReport({ repositories });
    await screen.findByRole('region', { name: 'Governance' });
    await openWrite();
    fireEvent.click(await screen.findByText(strings.GeneralUpdateMenuNew));
    const panel = await panelOf();
    // The lead may only write for their own service.
    const serviceLabel = within(panel).getByText(lazyStrings.FieldGeneralUpdateService, { selector: 'label' });
    fireEvent.click(document.getElementById(serviceLabel.id.replace(/-label$/, '')) as HTMLElement);
    const options = Array.from(document.querySelectorAll('.ms-Dropdown-optionText')).map((o) => o.textContent);
    expect(options).toEqual(['Transformation and Partnerships']);
    fireEvent.click(document.querySelector('.ms-Dropdown-optionText')?.closest('button') as HTMLElement);

    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect(await within(panel).findByText(strings.ErrorValidationTitle)).toBeTruthy();
    expect(within(panel).getAllByText('Meeting date is required.').length).toBeGreaterThan(0);
    expect(within(panel).getAllByText('Enter the key points of action or an overview of activity.').length).toBeGreaterThan(0);

    await pickDay(panel, 15);
    type(editorOf(panel, lazyStrings.FieldActivityOverview), '<p>Second try</p>');
    fireEvent.click(button(panel, lazyStrings.FormSave));
    expect(
      (await within(panel).findAllByText('Meeting date: this service already has a general update for that meeting. Edit that one instead.')).length
    ).toBeGreaterThan(0);
    expect(add).not.toHaveBeenCalled();

    await pickDay(panel, 29);
    await act(async () => {
      fireEvent.click(button(panel, lazyStrings.FormSave));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(add.mock.calls[0][0]).toEqual({
      serviceId: 1,
      meetingDate: '2022-03-29',
      periodId: PERIOD,
      keyPoints: '',
      activityOverview: '<p>Second try</p>'
    });
  });

  it('keeps the lead’s text as a draft when the save fails and shows both versions on a 412', async () => {
    const repositories = asLead();
    const theirs: Highlight = { ...(leadSeed().highlights ?? [])[1], etag: '"9"', keyPoints: '<p>Their key points</p>', modified: '2022-03-16T09:00:00Z' };
    const calls: Array<ItemChanges<Highlight>> = [];
    repositories.highlights.update = async (changes) => {
      calls.push(changes);
      if (calls.length === 1) throw new ConflictError<Highlight>(theirs, changes, { operation: 'update', list: 'highlights', itemId: 61 });
      return { ...theirs, ...changes, etag: '"10"' } as Highlight;
    };
    renderReport({ repositories });
    await openWrite();
    fireEvent.click(await screen.findByText('Edit Transformation and Partnerships, meeting of 15 March 2022'));
    const panel = await panelOf();
    type(editorOf(panel, lazyStrings.FieldKeyPoints), '<p>My key points</p>');
    fireEvent.click(button(panel, lazyStrings.FormSave));
    const conflict = await within(panel).findByTestId('item-conflict');
    const row = within(conflict).getByText(lazyStrings.FieldKeyPoints).closest('tr') as HTMLElement;
    expect(Array.from(row.querySelectorAll('td')).map((c) => c.textContent)).toEqual(['My key points', 'Their key points', lazyStrings.ItemConflictOutcomeBoth]);
    expect(within(panel).getByText(lazyStrings.FormDraftKept)).toBeTruthy();
    await act(async () => {
      fireEvent.click(button(conflict, lazyStrings.ItemConflictKeepMine));
    });
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormSave)).toBeNull());
    expect(calls.map((c) => [c.etag, c.keyPoints])).toEqual([
      ['"1"', '<p>My key points</p>'],
      ['"9"', '<p>My key points</p>']
    ]);
  });

  it('offers no writing to an auditor, nor to someone who leads no service and is no editor', async () => {
    const auditor = fakeRepositories(leadSeed());
    auditor.canEdit = async () => false;
    const first = renderReport({ repositories: auditor });
    await screen.findByRole('region', { name: 'Governance' });
    expect(screen.queryByText(strings.GeneralUpdateWrite)).toBeNull();
    first.unmount();

    const other = fakeRepositories(seed());
    other.canEdit = async (list) => list !== 'services';
    renderReport({ repositories: other });
    await screen.findByRole('region', { name: 'Governance' });
    expect(screen.queryByText(strings.GeneralUpdateWrite)).toBeNull();
  });
});
