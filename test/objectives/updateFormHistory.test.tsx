/** @jest-environment jsdom */
/**
 * "Update my objectives" when the objective changed after the tracker read it: the conflict view
 * shows status, RAG and period as before (nothing of the status history), the history is already
 * right, "Keep mine" writes mine with it, and the next save goes on from the objective as stored
 * (its new etag) without meeting our own write.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { historyOf } from '../../src/domain/statusHistory';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { TODAY, memoryStorage, repositoriesFor, seed } from './fixtures';
import { withEtags } from './etagged';

setIconOptions({ disableWarnings: true });

const COLUMNS = { aim: true, status: true, rag: true, officer: true, latestUpdate: true, targetDate: true };
const format = (template: string, ...args: Array<string | number>): string => template.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)]));

function typeNarrative(section: HTMLElement, html: string): void {
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the loc strings, never from input.
  const editor = within(section).getByRole('textbox', { name: new RegExp(lazyStrings.ObjectiveFieldNarrative) });
  editor.innerHTML = html;
  fireEvent.input(editor);
}

it('keeps the conflict view of an objective changed meanwhile as it was, and "Keep mine" writes the history too', async () => {
  const repos = withEtags(repositoriesFor(seed()));
  render(
    <AppShell repositories={repos}>
      <ObjectivesTracker serviceFilter="" columns={COLUMNS} today={TODAY} storage={memoryStorage()} />
    </AppShell>
  );
  fireEvent.click(await screen.findByText(format(strings.UpdateMyObjectives, 2)));
  const panel = await screen.findByRole('dialog');
  // Someone else rates the objective Red after the tracker read it.
  const opened = await repos.objectives.getById(10);
  await repos.objectives.update({ id: 10, etag: opened?.etag ?? '', rag: 'Red' });

  const section = panel.querySelector('[data-objective-id="10"]') as HTMLElement;
  typeNarrative(section, '<p>Strategy agreed by both councils</p>');
  fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));

  const conflict = await within(panel).findByTestId('item-conflict');
  const labels = within(conflict)
    .getAllByRole('rowheader')
    .map((h) => h.textContent);
  expect(labels.sort()).toEqual([strings.ColumnRag, strings.ColumnStatus, lazyStrings.ObjectiveFieldLastUpdatePeriod].sort());
  const ragRow = within(conflict).getByRole('rowheader', { name: strings.ColumnRag }).closest('tr') as HTMLElement;
  const [mine, theirs] = within(ragRow).getAllByRole('cell');
  expect(mine.textContent).toContain('Amber');
  expect(theirs.textContent).toContain('Red');
  // Nothing of the history (its entries are "id|period|status|…") reaches the view.
  expect(conflict.textContent).not.toContain('|');

  // The update stands, and the history with it, before anyone chooses.
  const history = historyOf(10, await repos.objectiveUpdates.getForObjective(10));
  expect((await repos.objectives.getById(10))?.statusHistory).toBe(history);

  await act(async () => {
    fireEvent.click(within(panel).getByText(lazyStrings.ItemConflictKeepMine));
  });
  await waitFor(() => expect(within(panel).queryByTestId('item-conflict')).toBeNull());
  const kept = await repos.objectives.getById(10);
  expect([kept?.rag, kept?.lastUpdatePeriodId, kept?.statusHistory]).toEqual(['Amber', '2021-22-Q4', history]);

  // A second go at the same quarter: from the objective as stored (its etag), history rewritten.
  const writes = jest.spyOn(repos.objectives, 'update');
  typeNarrative(section, '<p>Strategy agreed and published</p>');
  fireEvent.click(within(panel).getByText(lazyStrings.UpdateSaveAll));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  const after = await repos.objectives.getById(10);
  const updates = await repos.objectiveUpdates.getForObjective(10);
  expect(updates.find((u) => u.periodId === '2021-22-Q4')?.narrative).toBe('<p>Strategy agreed and published</p>');
  expect(after?.statusHistory).toBe(historyOf(10, updates));
  expect(writes.mock.calls.map((c) => c[0].etag)).toEqual([kept?.etag]);
  expect(after?.etag).not.toBe(kept?.etag);
});
