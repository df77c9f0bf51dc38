/** @jest-environment jsdom */
/**
 * The pieces of the responsive layouts that need no browser: when a grid gives way to cards,
 * and what a card shows (the grid's own columns: title and action on top, the rest labelled).
 */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { IColumn } from '@fluentui/react';
import { CardList } from '../../src/components/CardList';
import { CARD_BREAKPOINT, gridMinWidth, showsCards } from '../../src/components/responsive';

interface Row {
  id: number;
  title: string;
  owner: string;
}

const columns: IColumn[] = [
  { key: 'title', name: 'Risk', minWidth: 160, onRender: (r: Row) => <strong>{r.title}</strong> },
  { key: 'owner', name: 'Risk owner', minWidth: 100, onRender: (r: Row) => r.owner },
  { key: 'actions', name: 'Actions', minWidth: 70, onRender: (r: Row) => <button type="button">{`Edit ${r.title}`}</button> }
];
const rows: Row[] = [
  { id: 1, title: 'Delays to ICT migration', owner: 'Craig Holden' },
  { id: 2, title: 'Loss of key staff', owner: 'Daniel Whitworth' },
  { id: 3, title: 'Change fatigue', owner: 'Shona McAllister' }
];

describe('when a grid becomes cards', () => {
  it('adds Fluent’s cell padding to every column’s minimum width', () => {
    expect(gridMinWidth(columns)).toBe(160 + 100 + 70 + 3 * 20);
    expect(gridMinWidth(columns, 36)).toBe(160 + 100 + 70 + 3 * 20 + 36);
  });

  it('shows cards below the breakpoint or where the columns do not fit, and keeps the grid while the width is unknown', () => {
    expect(showsCards(390, 400)).toBe(true);
    expect(showsCards(CARD_BREAKPOINT - 1, 100)).toBe(true);
    expect(showsCards(1000, 1120)).toBe(true);
    expect(showsCards(1172, 1120)).toBe(false);
    expect(showsCards(undefined, 1120)).toBe(false);
    expect(showsCards(0, 1120)).toBe(false);
  });
});

describe('CardList', () => {
  it('shows each row as a card: the title and its action on top, every other column labelled', () => {
    render(<CardList items={rows} columns={columns} getKey={(r) => String(r.id)} ariaLabel="Risks" />);
    const list = screen.getByRole('list', { name: 'Risks' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(3);
    const first = within(cards[0]);
    expect(first.getByText('Delays to ICT migration').tagName).toBe('STRONG');
    expect(first.getByRole('button', { name: 'Edit Delays to ICT migration' })).toBeTruthy();
    // A label and value per other column; the action column is not repeated as a field.
    expect(Array.from(cards[0].querySelectorAll('dt')).map((d) => d.textContent)).toEqual(['Risk owner']);
    expect(cards[0].querySelector('dd')?.textContent).toBe('Craig Holden');
  });

  it('puts grouped rows under their group’s heading, with its count', () => {
    render(
      <CardList
        items={rows}
        columns={columns}
        getKey={(r) => String(r.id)}
        ariaLabel="Objectives"
        groups={[
          { key: 'a', name: 'ICT', startIndex: 0, count: 1 },
          { key: 'b', name: 'Governance', startIndex: 1, count: 2 }
        ]}
      />
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Governance (2)' })).toBeTruthy();
    const governance = screen.getByRole('list', { name: 'Governance' });
    expect(within(governance).getAllByRole('listitem').map((c) => within(c).getByRole('button').textContent)).toEqual([
      'Edit Loss of key staff',
      'Edit Change fatigue'
    ]);
    expect(within(screen.getByRole('list', { name: 'ICT' })).getAllByRole('listitem')).toHaveLength(1);
  });
});
