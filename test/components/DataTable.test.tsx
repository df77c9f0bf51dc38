/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { DataTable, FIRST_ROWS } from '../../src/components/DataTable';

interface Item {
  id: number;
  name: string;
}

const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `Item ${i + 1}` }));
const columns = [{ key: 'name', header: 'Name', render: (i: Item) => i.name }];

// A selector rather than role queries: role queries over a thousand rows are slow in jsdom.
function bodyRows(): HTMLTableRowElement[] {
  return Array.from(document.querySelectorAll('tbody tr'));
}

describe('DataTable', () => {
  it('renders a short table whole, with its caption and column headers', () => {
    render(<DataTable caption="Objectives" columns={columns} items={items(3)} getKey={(i) => i.id} />);
    expect(screen.getByRole('table', { name: 'Objectives' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Name' })).toBeTruthy();
    expect(bodyRows().map((r) => r.textContent)).toEqual(['Item 1', 'Item 2', 'Item 3']);
  });

  it('shows the first rows of a long table at once and the rest soon after, in order', async () => {
    const many = items(1234);
    render(<DataTable caption="Objectives" columns={columns} items={many} getKey={(i) => i.id} />);
    expect(bodyRows()).toHaveLength(FIRST_ROWS);
    await waitFor(() => expect(bodyRows()).toHaveLength(many.length), { timeout: 15_000 });
    const texts = bodyRows().map((r) => r.textContent);
    expect(texts[0]).toBe('Item 1');
    expect(texts[many.length - 1]).toBe(`Item ${many.length}`);
  });

  it('follows a change of items, shorter or longer', async () => {
    const { rerender } = render(<DataTable caption="Objectives" columns={columns} items={items(2)} getKey={(i) => i.id} />);
    rerender(<DataTable caption="Objectives" columns={columns} items={items(700)} getKey={(i) => i.id} />);
    await waitFor(() => expect(bodyRows()).toHaveLength(700), { timeout: 15_000 });
    rerender(<DataTable caption="Objectives" columns={columns} items={items(1)} getKey={(i) => i.id} />);
    expect(bodyRows().map((r) => r.textContent)).toEqual(['Item 1']);
  });
});
