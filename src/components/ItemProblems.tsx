/**
 * Items whose columns could not be read whole (hand-edited JSON, the wrong shape, entries of the
 * wrong kind), each named with the column, above a view that still shows everything else. One
 * bad item never takes a view down: the data layer reads it without the bad value and says so
 * on the item (Stored.problems); this is where people see it.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { ItemProblem, Stored } from '../domain/types';
import { formatString } from './format';

/** One kind of item a view shows, with how to name one. */
export interface IItemProblemSource<T extends Stored = Stored> {
  /** What one item is called, e.g. "Service". */
  kind: string;
  /** The items as read. */
  items: readonly T[] | undefined;
  /** The item's name as people know it. */
  nameOf: (item: T) => string;
}

/** Props of `ItemProblems`. */
export interface IItemProblemsProps {
  /** The kinds of item the view shows. */
  sources: ReadonlyArray<IItemProblemSource<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The sentence for one problem of one item. */
export function itemProblemText(kind: string, name: string, problem: ItemProblem): string {
  switch (problem.code) {
    case 'invalidJson':
      return formatString(strings.ItemProblemInvalidJson, kind, name, problem.field, problem.detail);
    case 'wrongShape':
      return formatString(strings.ItemProblemWrongShape, kind, name, problem.field);
    case 'badEntries':
      return formatString(problem.detail === '1' ? strings.ItemProblemBadEntryOne : strings.ItemProblemBadEntriesMany, kind, name, problem.field, problem.detail);
  }
}

/** Props of `RowProblems`. */
export interface IRowProblemsProps {
  /** The item shown on the row. */
  item: Stored;
  /** Class name of the note. */
  className?: string;
}

/** On an item's own row: the columns that could not be read, by name; nothing when all read. */
export function RowProblems(props: IRowProblemsProps): JSX.Element {
  const fields = (props.item.problems ?? []).map((p) => p.field);
  if (fields.length === 0) return <></>;
  return (
    <span role="note" className={props.className} data-testid="row-problems">
      {formatString(strings.ItemProblemRow, fields.join(', '))}
    </span>
  );
}

/** A warning listing every item of the view that could not be read whole; nothing when all read cleanly. */
export function ItemProblems(props: IItemProblemsProps): JSX.Element {
  const lines: string[] = [];
  for (const source of props.sources) {
    for (const item of source.items ?? []) {
      for (const problem of item.problems ?? []) lines.push(itemProblemText(source.kind, source.nameOf(item) || `#${item.id}`, problem));
    }
  }
  if (lines.length === 0) return <></>;
  return (
    <div data-testid="item-problems">
      <MessageBar messageBarType={MessageBarType.warning} isMultiline>
      <strong>{strings.ItemProblemsTitle}</strong>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
      </MessageBar>
    </div>
  );
}
