/** @jest-environment jsdom */
/**
 * The objectives tracker as officers, editors and auditors use it: grouped list, filters,
 * "Update my objectives" (only mine, one batch, drafts, conflicts, validation), history newest
 * first, create with validation, and read-only for auditors.
 */
import * as React from 'react';
import { act, fireEvent, render, RenderResult, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ConflictError } from '../../src/data/errors';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { ObjectivesTracker, IObjectivesTrackerProps } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { draftKey } from '../../src/webparts/objectivesTracker/logic/drafts';
import { ME, PERIOD, TODAY, memoryStorage, repositoriesFor, seed, update } from './fixtures';

setIconOptions({ disableWarnings: true });

const COLUMNS = { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true };
const format = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

function renderTracker(repos = repositoriesFor(seed()), extra: Partial<IObjectivesTrackerProps> = {}, storage = memoryStorage()): RenderResult & { repos: ReturnType<typeof repositoriesFor>; storage: ReturnType<typeof memoryStorage>; props: IObjectivesTrackerProps } {
  const props: IObjectivesTrackerProps = { serviceFilter: '', columns: COLUMNS, today: TODAY, storage, ...extra };
  const result = render(
    <AppShell repositories={repos}>
      <ObjectivesTracker {...props} />
    </AppShell>
  );
  return { ...result, repos, storage, props };
}

/** The rich text editor of a section (contentEditable): type by setting HTML and firing input. */
function typeNarrative(section: HTMLElement, html: string): void {
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
  const editor = within(section).getByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
  editor.innerHTML = html;
  fireEvent.input(editor);
}

/** The two versions of one field in the conflict view (ItemConflict): the user's and the other person's cells. */
async function conflictCells(panel: HTMLElement, label: string): Promise<{ mine: HTMLElement; theirs: HTMLElement }> {
  const conflict = await within(panel).findByTestId('item-conflict');
  const row = within(conflict).getByRole('rowheader', { name: label }).closest('tr') as HTMLElement;
  const [mine, theirs] = within(row).getAllByRole('cell');
  return { mine, theirs };
}

async function openUpdatePanel(count: number): Promise<HTMLElement> {
  fireEvent.click(await screen.findByText(format(strings.UpdateMyObjectives, count)));
  return screen.findByRole('dialog');
}

describe('objectives list', () => {
  it('groups objectives by service with title, status, RAG, officer, latest update and its period', async () => {
    const { repos } = renderTracker();
    const grid = await screen.findByRole('grid', { name: strings.ObjectivesGridLabel });
    const text = grid.textContent ?? '';
    // Groups in service name order.
    expect(text.indexOf('Governance')).toBeLessThan(text.indexOf('Transformation and Partnerships'));
    const row = screen.getByText('Develop a shared digital strategy').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('In progress')).toBeTruthy();
    expect(within(row).getByText('Amber')).toBeTruthy();
    expect(within(row).getByText('Test Officer')).toBeTruthy();
    expect(within(row).getByText('Q3 2021/22')).toBeTruthy();
    expect(within(row).getByText('Third quarter progress')).toBeTruthy();
    expect(within(row).getByText('31 December 2022')).toBeTruthy();
    expect(repos.loadInitialCalls).toEqual([['services', 'objectives', 'updates', 'actions']]);
    expect(screen.getByText(format(strings.ObjectivesCount, 4, 4))).toBeTruthy();
  });

  it('searches and filters "needs update this period", and hides switched-off columns', async () => {
    renderTracker(undefined, { columns: { ...COLUMNS, aim: false, targetDate: false } });
    await screen.findByRole('grid');
    expect(screen.queryByText(strings.ColumnAim)).toBeNull();
    expect(screen.queryByText(strings.ColumnTargetDate)).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: strings.ObjectivesSearchLabel }), { target: { value: 'constitution' } });
    await screen.findByText(format(strings.ObjectivesCount, 1, 4));
    expect(screen.queryByText('Develop a shared digital strategy')).toBeNull();
    fireEvent.click(screen.getByText(strings.ObjectivesFilterClear));
    await screen.findByText(format(strings.ObjectivesCount, 4, 4));
    fireEvent.click(screen.getByRole('checkbox', { name: format(strings.ObjectivesFilterNeedsUpdate, 'Q4 2021/22') }));
    await screen.findByText(format(strings.ObjectivesCount, 3, 4));
    expect(screen.queryByText('Closed objective of mine')).toBeNull();
  });

  it('applies the default service filter, and says so when no service matches', async () => {
    const a = renderTracker(undefined, { serviceFilter: 'govern' });
    await screen.findByText(format(strings.ObjectivesCount, 2, 4));
    expect(screen.queryByText('Develop a shared digital strategy')).toBeNull();
    a.unmount();
    renderTracker(undefined, { serviceFilter: 'Waste' });
    await screen.findByText(format(strings.ObjectivesNoMatch, 'Waste'));
  });
});

describe('Update my objectives', () => {
  it('shows only my open objectives, saves them in one batch and shows the update first in the history', async () => {
    const { repos } = renderTracker();
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    const panel = await openUpdatePanel(2);
    const sections = within(panel).getAllByRole('region');
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual(['Develop a shared digital strategy', 'Shared governance training']);

    typeNarrative(sections[0], '<p>Strategy <strong>approved</strong> by both councils.</p>');
    typeNarrative(sections[1], '<ul><li>Training booked</li></ul>');
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));
    await screen.findByText(format(strings.UpdateSaved, 2));

    expect(addMany).toHaveBeenCalledTimes(1);
    expect(addMany.mock.calls[0][0].map((u) => [u.objectiveId, u.periodId])).toEqual([
      [10, PERIOD],
      [13, PERIOD]
    ]);
    // The list now shows the new update as the latest, for this period.
    const row = screen.getByText('Develop a shared digital strategy').closest('[role="row"]') as HTMLElement;
    await waitFor(() => expect(within(row).getByText('Q4 2021/22')).toBeTruthy());

    fireEvent.click(within(row).getByText('Develop a shared digital strategy'));
    const details = await screen.findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    const items = within(details).getAllByRole('listitem');
    expect(items.map((i) => within(i).getByRole('heading').textContent)).toEqual([
      'Q4 2021/22 (January to March 2022), annual review',
      'Q3 2021/22 (October to December 2021)',
      'Q2 2021/22 (July to September 2021)'
    ]);
    expect(within(items[0]).getByText('approved').tagName).toBe('STRONG');
    // This period's update is editable until 10 March; Q2's deadline has passed.
    expect(within(items[0]).getByText(lazyStrings.HistoryEdit)).toBeTruthy();
    expect(within(items[2]).queryByText(lazyStrings.HistoryEdit)).toBeNull();
    expect(within(items[2]).getByText(lazyStrings.HistoryLocked)).toBeTruthy();
  });

  it('names the field in validation messages next to it and in the error bar, and saves nothing', async () => {
    const { repos } = renderTracker();
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    const panel = await openUpdatePanel(2);
    const [first] = within(panel).getAllByRole('region');
    typeNarrative(first, '<p><br></p>');
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));
    const message = 'Progress update is required: the text is empty.';
    expect(await within(first).findByRole('alert')).toHaveProperty('textContent', message);
    expect(within(panel).getByText(strings.ErrorValidationTitle)).toBeTruthy();
    expect(within(panel).getByText(`Develop a shared digital strategy: ${message}`)).toBeTruthy();
    expect(addMany).not.toHaveBeenCalled();
  });

  it('keeps the draft across a remount until it is saved, and after a failed save', async () => {
    const storage = memoryStorage();
    const repos = repositoriesFor(seed());
    const first = renderTracker(repos, {}, storage);
    let panel = await openUpdatePanel(2);
    typeNarrative(within(panel).getAllByRole('region')[0], '<p>Half-written thoughts</p>');
    expect(storage.getItem(draftKey('update', ME.id, 10, PERIOD))).toContain('Half-written thoughts');
    first.unmount();

    repos.objectiveUpdates.addMany = async () => {
      throw new Error('Network down');
    };
    renderTracker(repos, {}, storage);
    panel = await openUpdatePanel(2);
    const section = within(panel).getAllByRole('region')[0];
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    const editor = within(section).getByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
    await waitFor(() => expect(editor.innerHTML).toBe('<p>Half-written thoughts</p>'));
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));
    await within(panel).findByText(/Network down/);
    expect(storage.getItem(draftKey('update', ME.id, 10, PERIOD))).toContain('Half-written thoughts');
  });

  it('shows both versions on a conflict, keeps the draft, and "Keep mine" saves over their version', async () => {
    const data = seed();
    const mine = update(150, 10, PERIOD, '<p>My first go</p>', '2022-02-28T09:00:00Z');
    data.updates?.push(mine);
    const repos = repositoriesFor(data);
    const theirs: ObjectiveUpdate = { ...mine, etag: '"2"', narrative: '<p>Their correction</p>', author: { id: 9, displayName: 'Sam Colleague', email: 'sam@example.gov.uk' } };
    const calls: Array<{ etag: string }> = [];
    repos.objectiveUpdates.update = async (changes) => {
      calls.push(changes);
      if (calls.length === 1) throw new ConflictError<ObjectiveUpdate>(theirs, changes, { operation: 'update', list: 'objectiveUpdates', itemId: 150 });
      return { ...theirs, ...changes, etag: '"3"' } as ObjectiveUpdate;
    };
    const { storage } = renderTracker(repos);
    const panel = await openUpdatePanel(2);
    const section = within(panel).getAllByRole('region')[0];
    typeNarrative(section, '<p>My better version</p>');
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));

    const narrative = await conflictCells(panel, lazyStrings.ObjectiveFieldNarrative);
    expect(within(narrative.theirs).getByText('Their correction')).toBeTruthy();
    expect(within(narrative.mine).getByText('My better version')).toBeTruthy();
    expect(within(panel).getByText(/Sam Colleague/)).toBeTruthy();
    expect(storage.getItem(draftKey('update', ME.id, 10, PERIOD))).toContain('My better version');

    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.ItemConflictKeepMine));
    });
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].etag).toBe('"2"');
    await waitFor(() => expect(within(panel).queryByTestId('item-conflict')).toBeNull());
    expect(storage.getItem(draftKey('update', ME.id, 10, PERIOD))).toBeNull();
  });

  it('"Take theirs" drops my draft and shows their text', async () => {
    const data = seed();
    const mine = update(150, 10, PERIOD, '<p>My first go</p>', '2022-02-28T09:00:00Z');
    data.updates?.push(mine);
    const repos = repositoriesFor(data);
    const theirs: ObjectiveUpdate = { ...mine, etag: '"2"', narrative: '<p>Their correction</p>' };
    repos.objectiveUpdates.update = async (changes) => {
      throw new ConflictError<ObjectiveUpdate>(theirs, changes, { operation: 'update', list: 'objectiveUpdates', itemId: 150 });
    };
    const { storage } = renderTracker(repos);
    const panel = await openUpdatePanel(2);
    const section = within(panel).getAllByRole('region')[0];
    typeNarrative(section, '<p>Mine</p>');
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));
    fireEvent.click(await within(panel).findByText(lazyStrings.ItemConflictTakeTheirs));
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    const editor = within(section).getByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
    await waitFor(() => expect(editor.innerHTML).toBe('<p>Their correction</p>'));
    expect(storage.getItem(draftKey('update', ME.id, 10, PERIOD))).toBeNull();
  });
});

describe('create objectives', () => {
  it('shows a message naming each missing field, and a target date in the past for a new one', async () => {
    const { repos } = renderTracker();
    const add = jest.spyOn(repos.objectives, 'add');
    fireEvent.click(await screen.findByText(strings.ObjectiveNew));
    const panel = await screen.findByRole('dialog');
    // Typed the UK way; the picker reads it when the field loses focus.
    const target = within(panel).getByRole('combobox', { name: strings.ColumnTargetDate });
    fireEvent.change(target, { target: { value: '01/01/2021' } });
    fireEvent.blur(target);
    fireEvent.click(within(panel).getByText(lazyStrings.ObjectiveCreate));
    for (const message of [
      'Description of the objective is required.',
      'Service is required.',
      'Responsible officer is required.',
      'Target date must be a date in the future.'
    ]) {
      // Once next to the field and once in the error bar's summary.
      await waitFor(() => expect(within(panel).getAllByText(message)).toHaveLength(2));
    }
    expect(add).not.toHaveBeenCalled();
  });
});

describe('auditors', () => {
  it('see everything read-only: no update, create or edit affordances', async () => {
    renderTracker(repositoriesFor(seed(), { canEdit: false }));
    await screen.findByRole('grid');
    expect(screen.getByText(strings.ObjectivesReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(format(strings.UpdateMyObjectives, 2))).toBeNull();
    expect(screen.queryByText(strings.ObjectiveNew)).toBeNull();
    expect(screen.queryByText(strings.RemindersCommand)).toBeNull();
    fireEvent.click(screen.getByText('Develop a shared digital strategy'));
    const history = await screen.findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByText(lazyStrings.ObjectiveEdit)).toBeNull();
    expect(screen.queryByText(lazyStrings.HistoryEdit)).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
