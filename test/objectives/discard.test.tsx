/** @jest-environment jsdom */
/**
 * Closing the objectives tracker's panels: quarterly updates are kept as drafts as they are
 * typed, so closing loses nothing and asks nothing; when no draft can be kept (storage full)
 * closing asks "Discard changes?" first. The objective form asks as every edit form does.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { ObjectivesTracker, IObjectivesTrackerProps } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { TODAY, memoryStorage, repositoriesFor, seed } from './fixtures';

setIconOptions({ disableWarnings: true });

const COLUMNS = { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true };
const format = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

function renderTracker(storage: Storage): void {
  const props: IObjectivesTrackerProps = { serviceFilter: '', columns: COLUMNS, today: TODAY, storage };
  render(
    <AppShell repositories={repositoriesFor(seed())}>
      <ObjectivesTracker {...props} />
    </AppShell>
  );
}

/** Storage that refuses every write, as a full localStorage does. */
function fullStorage(): Storage {
  const storage = memoryStorage();
  storage.setItem = () => {
    throw new Error('QuotaExceededError');
  };
  return storage;
}

async function typeFirstUpdate(html: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByText(format(strings.UpdateMyObjectives, 2)));
  const panel = await screen.findByRole('dialog');
  const section = within(panel).getAllByRole('region')[0];
  const editor = within(section).getByRole('textbox', { name: new RegExp(strings.ObjectiveFieldNarrative) });
  editor.innerHTML = html;
  fireEvent.input(editor);
  return panel;
}

describe('closing the tracker panels', () => {
  it('closes the update panel without asking when the typing is kept as a draft', async () => {
    renderTracker(memoryStorage());
    const panel = await typeFirstUpdate('<p>Kept as I type</p>');
    fireEvent.click(within(panel).getByText(strings.FormCancel));
    await waitFor(() => expect(screen.queryByText(strings.UpdateSaveAll)).toBeNull());
    expect(screen.queryByText(strings.FormDiscardChangesTitle)).toBeNull();
  });

  it('asks "Discard changes?" before closing the update panel when no draft could be kept', async () => {
    renderTracker(fullStorage());
    const panel = await typeFirstUpdate('<p>Nowhere to keep this</p>');
    expect(await within(panel).findByText(strings.UpdateDraftNotSaved)).toBeTruthy();
    fireEvent.click(within(panel).getByText(strings.FormCancel));
    expect(await screen.findByText(strings.FormDiscardChangesTitle)).toBeTruthy();
    fireEvent.click(screen.getByText(strings.FormKeepEditing));
    await waitFor(() => expect(screen.queryByText(strings.FormDiscardChangesTitle)).toBeNull());
    expect(screen.getByText(strings.UpdateSaveAll)).toBeTruthy();

    fireEvent.click(within(panel).getByText(strings.FormCancel));
    fireEvent.click(await screen.findByText(strings.FormDiscardChanges));
    await waitFor(() => expect(screen.queryByText(strings.UpdateSaveAll)).toBeNull());
  });

  it('asks "Discard changes?" before closing a new objective with something typed', async () => {
    renderTracker(memoryStorage());
    fireEvent.click(await screen.findByText(strings.ObjectiveNew));
    const panel = await screen.findByRole('dialog');
    fireEvent.change(within(panel).getByLabelText(strings.ColumnObjective), { target: { value: 'A new shared objective' } });
    fireEvent.click(within(panel).getByText(strings.FormCancel));
    expect(await screen.findByText(strings.FormDiscardChangesTitle)).toBeTruthy();
    fireEvent.click(screen.getByText(strings.FormDiscardChanges));
    await waitFor(() => expect(screen.queryByText(strings.ObjectiveCreate)).toBeNull());
  });
});
