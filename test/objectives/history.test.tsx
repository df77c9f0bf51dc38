/** @jest-environment jsdom */
/**
 * The tracker's first load reads only the current and previous period's updates, with the user
 * and permission in the same call; older updates and each objective's history are read on
 * demand (with a spinner and the shared error bar), and the history is read again after a save.
 */
import * as React from 'react';
import { fireEvent, render, RenderResult, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ThrottledError } from '../../src/data/errors';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { ME, PERIOD, TODAY, memoryStorage, objective, repositoriesFor, seed, update } from './fixtures';

setIconOptions({ disableWarnings: true });

const COLUMNS = { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true };
const format = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

/** The seed plus an objective last updated in Q2, a period the first load does not read. */
function seedWithOlderUpdate(): ReturnType<typeof seed> {
  const data = seed();
  data.objectives?.push(objective(14, 1, 'Objective last reported in Q2', { responsibleOfficer: ME, lastUpdatePeriodId: '2021-22-Q2' }));
  data.updates?.push(update(110, 14, '2021-22-Q2', '<p>Summer progress on the archive</p>', '2021-09-01T10:00:00Z'));
  return data;
}

function renderTracker(repos: ReturnType<typeof repositoriesFor>): RenderResult {
  return render(
    <AppShell repositories={repos}>
      <ObjectivesTracker serviceFilter="" columns={COLUMNS} today={TODAY} storage={memoryStorage()} />
    </AppShell>
  );
}

/** A promise to resolve or reject by hand, to see what shows while a read is pending. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((_resolve, _reject) => {
    resolve = _resolve;
    reject = _reject;
  });
  return { promise, resolve, reject };
}

const rowOf = (title: string): HTMLElement => screen.getByText(title).closest('[role="row"]') as HTMLElement;

describe('first load', () => {
  it('asks for this period’s and the previous period’s updates, the user and the permission in one call', async () => {
    const repos = repositoriesFor(seedWithOlderUpdate());
    const currentUser = jest.spyOn(repos, 'currentUser');
    const canEdit = jest.spyOn(repos, 'canEdit');
    const getForObjective = jest.spyOn(repos.objectiveUpdates, 'getForObjective');
    renderTracker(repos);
    await screen.findByRole('grid');

    expect(repos.loadInitialCalls).toEqual([['services', 'objectives', 'updates', 'actions']]);
    expect(repos.loadInitialOptions).toEqual([
      { updatesForPeriods: [PERIOD, '2021-22-Q3'], include: { currentUser: true, canEdit: ['objectives'] } }
    ]);
    // The user and permission came with the data (the fake answers them through these, once each).
    expect(currentUser).toHaveBeenCalledTimes(1);
    expect(canEdit).toHaveBeenCalledTimes(1);
    expect(getForObjective).not.toHaveBeenCalled();
    // Still an editor: the commands that need the permission and the user are there.
    expect(screen.getByText(format(strings.UpdateMyObjectives, 3))).toBeTruthy();
  });

  it('asks separately for the user and permission when the repository does not return them', async () => {
    const repos = repositoriesFor(seed(), { canEdit: false });
    const load = repos.loadInitial;
    // An implementation that ignores `include`.
    repos.loadInitial = async (lists) => load(lists);
    renderTracker(repos);
    await screen.findByRole('grid');
    expect(screen.getByText(strings.ObjectivesReadOnlyNotice)).toBeTruthy();
    expect(screen.queryByText(strings.ObjectiveNew)).toBeNull();
  });
});

describe('latest update of a period not loaded', () => {
  it('shows the period and reads the text when asked', async () => {
    const repos = repositoriesFor(seedWithOlderUpdate());
    const pending = deferred<ObjectiveUpdate[]>();
    const getForObjective = jest.spyOn(repos.objectiveUpdates, 'getForObjective').mockImplementation(() => pending.promise);
    renderTracker(repos);
    await screen.findByRole('grid');

    const row = rowOf('Objective last reported in Q2');
    expect(within(row).getByText('Q2 2021/22')).toBeTruthy();
    expect(within(row).queryByText('Summer progress on the archive')).toBeNull();
    // Objectives whose latest update was loaded show its text straight away.
    expect(within(rowOf('Develop a shared digital strategy')).getByText('Third quarter progress')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: format(strings.ObjectivesShowUpdateLabel, 'Q2 2021/22', 'Objective last reported in Q2') }));
    expect(getForObjective).toHaveBeenCalledWith(14);
    expect(within(rowOf('Objective last reported in Q2')).getByText(strings.Loading)).toBeTruthy();
    pending.resolve([update(110, 14, '2021-22-Q2', '<p>Summer progress on the archive</p>', '2021-09-01T10:00:00Z')]);
    await waitFor(() => expect(within(rowOf('Objective last reported in Q2')).getByText('Summer progress on the archive')).toBeTruthy());
    expect(within(rowOf('Objective last reported in Q2')).queryByText(strings.ObjectivesShowUpdate)).toBeNull();
  });

  it('shows a failed read in the shared error bar and keeps the link to try again', async () => {
    const repos = repositoriesFor(seedWithOlderUpdate());
    jest.spyOn(repos.objectiveUpdates, 'getForObjective').mockRejectedValueOnce(new ThrottledError(6, 30, { operation: 'read', list: 'objectiveUpdates' }));
    renderTracker(repos);
    await screen.findByRole('grid');
    fireEvent.click(within(rowOf('Objective last reported in Q2')).getByText(strings.ObjectivesShowUpdate));
    await screen.findByText(strings.ErrorThrottledTitle);
    fireEvent.click(within(rowOf('Objective last reported in Q2')).getByText(strings.ObjectivesShowUpdate));
    await waitFor(() => expect(within(rowOf('Objective last reported in Q2')).getByText('Summer progress on the archive')).toBeTruthy());
  });
});

describe('history on demand', () => {
  it('reads the history when the details open, with a spinner meanwhile, newest first', async () => {
    const repos = repositoriesFor(seed());
    const pending = deferred<ObjectiveUpdate[]>();
    const original = repos.objectiveUpdates.getForObjective;
    const getForObjective = jest.spyOn(repos.objectiveUpdates, 'getForObjective').mockImplementationOnce(() => pending.promise);
    renderTracker(repos);
    await screen.findByRole('grid');
    expect(getForObjective).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('Develop a shared digital strategy'));
    const panel = await screen.findByRole('dialog');
    expect(getForObjective).toHaveBeenCalledWith(10);
    expect(within(panel).getByText(strings.Loading)).toBeTruthy();
    expect(within(panel).queryByText(lazyStrings.HistoryNone)).toBeNull();

    pending.resolve(await original(10));
    const list = await within(panel).findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    await waitFor(() => expect(within(panel).queryByText(strings.Loading)).toBeNull());
    // Q2 was not part of the first load: it came with the history.
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Q3 2021/22 (October to December 2021)', 'Q2 2021/22 (July to September 2021)']);
  });

  it('shows the objective’s action plan under it, with timescale, owner and status', async () => {
    const data = seed();
    const actions = [
      { id: 1, etag: '"1"', objectiveId: 10, title: 'Agree the digital principles', timescale: 'April 2022', owner: ME, status: 'Complete' as const },
      { id: 2, etag: '"1"', objectiveId: 11, title: 'Another objective’s action', status: 'Not started' as const }
    ];
    const repos = repositoriesFor({ ...data, actions });
    renderTracker(repos);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('Develop a shared digital strategy'));
    const panel = await screen.findByRole('dialog');
    const list = within(panel).getByRole('list', { name: format(lazyStrings.ActionPlanListLabel, 'Develop a shared digital strategy') });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      `Agree the digital principles${format(lazyStrings.ActionPlanMeta, 'April 2022', ME.displayName, 'Complete')}`
    ]);
  });

  it('shows a failed history read in the shared error bar, and "Try again" reads it again', async () => {
    const repos = repositoriesFor(seed());
    jest.spyOn(repos.objectiveUpdates, 'getForObjective').mockRejectedValueOnce(new ThrottledError(6, 30, { operation: 'read', list: 'objectiveUpdates' }));
    renderTracker(repos);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('Develop a shared digital strategy'));
    const panel = await screen.findByRole('dialog');
    await within(panel).findByText(strings.ErrorThrottledTitle);
    fireEvent.click(within(panel).getByText(strings.TryAgain));
    const list = await within(panel).findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(within(panel).queryByText(strings.ErrorThrottledTitle)).toBeNull();
  });

  it('reads the history again after an update is corrected from it', async () => {
    const data = seed();
    data.updates?.push(update(150, 10, PERIOD, '<p>First draft of Q4</p>', '2022-02-28T09:00:00Z'));
    const repos = repositoriesFor(data);
    const getForObjective = jest.spyOn(repos.objectiveUpdates, 'getForObjective');
    renderTracker(repos);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByText('Develop a shared digital strategy'));
    const panel = await screen.findByRole('dialog');
    const list = await within(panel).findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(getForObjective).toHaveBeenCalledTimes(1);

    fireEvent.click(within(list).getAllByText(lazyStrings.HistoryEdit)[0]);
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    const editor = await within(panel).findByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
    // The correction edits the stored Q4 update (found in what the history read), not a new one.
    expect(editor.innerHTML).toBe('<p>First draft of Q4</p>');
    editor.innerHTML = '<p>Corrected Q4 text</p>';
    fireEvent.input(editor);
    const updateSpy = jest.spyOn(repos.objectiveUpdates, 'update');
    const addMany = jest.spyOn(repos.objectiveUpdates, 'addMany');
    fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));

    await waitFor(() => expect(getForObjective).toHaveBeenCalledTimes(2));
    expect(updateSpy).toHaveBeenCalledWith(expect.objectContaining({ id: 150 }));
    expect(addMany).not.toHaveBeenCalled();
    const refreshed = await within(panel).findByRole('list', { name: format(lazyStrings.HistoryListLabel, 'Develop a shared digital strategy') });
    await within(refreshed).findByText('Corrected Q4 text');
  });
});
