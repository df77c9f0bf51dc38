/** @jest-environment jsdom */
/**
 * The one edit pattern's close guard (useItemEditor + ItemEditorPanel): closing with unsaved
 * edits asks "Discard changes?"; nothing is asked when nothing would be lost (no edits, or a
 * draft kept after a failed save); discarding drops the edits and their draft.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { lazyStrings } from '../../src/loc/lazy';
import { TextField, setIconOptions } from '@fluentui/react';
import { ItemEditorPanel } from '../../src/components/ItemEditorPanel';
import { useItemEditor } from '../../src/components/useItemEditor';
import type { FormDraftStorage } from '../../src/components/formDrafts';
import type { ListRepository } from '../../src/data/repositories';
import type { Stored } from '../../src/domain/types';

setIconOptions({ disableWarnings: true });

interface Thing extends Stored {
  title: string;
}

const STORED: Thing = { id: 7, etag: '"1"', title: 'Original title' };

function memoryStorage(): FormDraftStorage & { keys: () => string[] } {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => { items.set(k, v); },
    removeItem: (k) => { items.delete(k); },
    keys: () => Array.from(items.keys())
  };
}

function repository(failUpdates = false): ListRepository<Thing> {
  return {
    getAll: async () => [STORED],
    getById: async () => STORED,
    add: async (item) => ({ ...item, id: 8, etag: '"1"' }),
    update: async (changes) => {
      if (failUpdates) throw new Error('The network is down.');
      return { ...STORED, ...changes, etag: '"2"' };
    },
    remove: async () => undefined
  };
}

function Harness(props: { repo: ListRepository<Thing>; storage: FormDraftStorage; onDismiss: () => void }): JSX.Element {
  const editor = useItemEditor<{ title: string }, Thing>({
    list: 'things',
    repository: props.repo,
    userId: 1,
    item: STORED,
    toValues: (i) => ({ title: i?.title ?? '' }),
    convert: (v) => ({ model: { title: v.title }, errors: [] }),
    onSaved: () => undefined,
    storage: props.storage
  });
  return (
    <ItemEditorPanel title="Edit thing" editor={editor} conflictRows={() => []} onDismiss={props.onDismiss}>
      <TextField label="Title" value={editor.values.title} onChange={(_e, v) => editor.setValues({ title: v ?? '' })} />
    </ItemEditorPanel>
  );
}

function setup(failUpdates = false): { onDismiss: jest.Mock; storage: ReturnType<typeof memoryStorage>; panel: HTMLElement; title: HTMLInputElement } {
  const onDismiss = jest.fn();
  const storage = memoryStorage();
  render(<Harness repo={repository(failUpdates)} storage={storage} onDismiss={onDismiss} />);
  const panel = screen.getByRole('dialog');
  const title = within(panel).getByLabelText('Title') as HTMLInputElement;
  return { onDismiss, storage, panel, title };
}

describe('closing an edit panel', () => {
  it('closes at once when nothing was changed', () => {
    const { onDismiss, panel } = setup();
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(lazyStrings.FormDiscardChangesTitle)).toBeNull();
  });

  it('asks "Discard changes?" on Cancel and on Esc, and "Keep editing" keeps what was typed', async () => {
    const { onDismiss, panel, title } = setup();
    fireEvent.change(title, { target: { value: 'Half-typed title' } });

    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(await screen.findByText(lazyStrings.FormDiscardChangesTitle)).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText(lazyStrings.FormKeepEditing));
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormDiscardChangesTitle)).toBeNull());
    expect(title.value).toBe('Half-typed title');

    fireEvent.keyDown(title, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
    expect(await screen.findByText(lazyStrings.FormDiscardChangesTitle)).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('"Discard changes" closes and drops the edits and their draft', async () => {
    const { onDismiss, panel, title, storage } = setup();
    fireEvent.change(title, { target: { value: 'Unwanted' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    fireEvent.click(await screen.findByText(lazyStrings.FormDiscardChanges));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(storage.keys()).toEqual([]);
  });

  it('does not ask once a failed save has kept the edits as a draft, and asks again for edits made after it', async () => {
    const { onDismiss, panel, title, storage } = setup(true);
    fireEvent.change(title, { target: { value: 'Kept in a draft' } });
    await act(async () => {
      fireEvent.click(within(panel).getByText(lazyStrings.FormSave));
    });
    expect(await within(panel).findByText(lazyStrings.FormDraftKept)).toBeTruthy();
    expect(storage.keys()).toHaveLength(1);

    fireEvent.change(title, { target: { value: 'Kept in a draft, and more' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(await screen.findByText(lazyStrings.FormDiscardChangesTitle)).toBeTruthy();
    fireEvent.click(screen.getByText(lazyStrings.FormKeepEditing));
    await waitFor(() => expect(screen.queryByText(lazyStrings.FormDiscardChangesTitle)).toBeNull());
    fireEvent.change(title, { target: { value: 'Kept in a draft' } });
    fireEvent.click(within(panel).getByText(lazyStrings.FormCancel));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    expect(storage.keys()).toHaveLength(1);
  });
});
