/** @jest-environment jsdom */
/**
 * Closing the objectives tracker's panels: quarterly updates are kept as drafts as they are
 * typed, so closing loses nothing and asks nothing; when no draft can be kept (storage full)
 * closing asks "Discard changes?" first. The objective form asks as every edit form does.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
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
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
  const editor = within(section).getByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
  editor.innerHTML = html;
  fireEvent.input(editor);
  return panel;
}

describe('closing the tracker panels', () => {
  it('closes the update panel without asking when the typing is kept as a draft', async () => {
    renderTracker(memoryStorage());
    const panel = await typeFirstUpdate('<p>Kept as I type</p>');
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    await waitFor(() => expect(screen.queryByText(lazyStrings.UpdateSaveAll)).toBeNull());
    expect(screen.queryByText(lazyStrings.FormDiscardChangesTitle)).toBeNull();
  });

  it('asks "Discard changes?" before closing the update panel when no draft could be kept', async () => {
    renderTracker(fullStorage());
    const panel = await typeFirstUpdate('<p>Nowhere to keep this</p>');
    expect(await within(panel).findByText(lazyStrings.UpdateDraftNotSaved)).toBeTruthy();
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(await screen.findByText(lazyStrings.FormDiscardChangesTitle)).toBeTruthy();
    fireEvent.click(screen.getByText(lazyStrings.FormKeepEditing));
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormDiscardChangesTitle)).toBeNull());
    expect(screen.getByText(lazyStrings.UpdateSaveAll)).toBeTruthy();

    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    fireEvent.click(await screen.findByText(lazyStrings.FormDiscardChanges));
    await waitFor(() => expect(screen.queryByText(lazyStrings.UpdateSaveAll)).toBeNull());
  });

  it('asks "Discard changes?" before closing a new objective with something typed', async () => {
    renderTracker(memoryStorage());
    fireEvent.click(await screen.findByText(strings.ObjectiveNew));
    const panel = await screen.findByRole('dialog');
    fireEvent.change(within(panel).getByLabelText(strings.ColumnObjective), { target: { value: 'A new shared objective' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(await screen.findByText(lazyStrings.FormDiscardChangesTitle)).toBeTruthy();
    fireEvent.click(screen.getByText(lazyStrings.FormDiscardChanges));
    await waitFor(() => expect(screen.queryByText(lazyStrings.ObjectiveCreate)).toBeNull());
  });
});
