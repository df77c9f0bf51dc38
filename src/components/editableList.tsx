/**
 * Pieces shared by the registers whose items are edited in a side panel (benefits, risks, the
 * annual review registers, services, the forward plan, budget lines): the items shown with the
 * one being edited, the grid, the "Edit" column for users who may edit, and putting a saved item
 * back into the list shown.
 */
import * as React from 'react';
import { ActionButton, DetailsList, DetailsListLayoutMode, IColumn, SelectionMode } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatString } from './format';
import { noPrint } from './print';
import { renderWrappingHeader } from './wrappingHeaders';
import { CardList } from './CardList';
import { gridMinWidth, showsCards, useContainerWidth, usePrinting } from './responsive';

/** The actions of a register row: Edit (for users who may edit) and History (for everyone, auditors first). */
export interface IRowActions<T> {
  onEdit?: (item: T) => void;
  onHistory?: (item: T) => void;
}

/**
 * The actions column: one button per action and row, each named after the item for screen
 * readers. On a card (phones) it sits beside the title, so both stay in reach.
 */
export function actionsColumn<T extends { title: string }>(actions: IRowActions<T>): IColumn {
  const both = actions.onEdit !== undefined && actions.onHistory !== undefined;
  return {
    key: 'actions',
    name: strings.ColumnActions,
    minWidth: both ? 90 : 70,
    maxWidth: both ? 100 : 80,
    onRender: (item: T) => (
      <div className={noPrint} style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start' }}>
        {actions.onEdit && (
          <ActionButton iconProps={{ iconName: 'Edit' }} text={strings.EditItem} ariaLabel={formatString(strings.EditItemLabel, item.title)} onClick={() => actions.onEdit?.(item)} />
        )}
        {actions.onHistory && (
          <ActionButton
            iconProps={{ iconName: 'History' }}
            text={strings.HistoryAction}
            ariaLabel={formatString(strings.HistoryActionLabel, item.title)}
            onClick={() => actions.onHistory?.(item)}
          />
        )}
      </div>
    )
  };
}

/** The "Edit" column: one button per row, named after the item for screen readers. */
export function editColumn<T extends { title: string }>(onEdit: (item: T) => void): IColumn {
  return actionsColumn<T>({ onEdit });
}

/** The items a register shows, and the one being edited in its panel. */
export interface IEditedList<T> {
  /** The items as loaded, with every save since put in place. */
  items: T[];
  /** The item in the panel, `'new'` for one being added, undefined when the panel is closed. */
  editing: T | 'new' | undefined;
  /** Opens the panel on an item (or a new one), or closes it. */
  setEditing: React.Dispatch<React.SetStateAction<T | 'new' | undefined>>;
  /** Puts the stored item in place of its old version (or at the end) and closes the panel. */
  onSaved: (saved: T) => void;
}

/** A register's items, seeded from each load (`loaded`), and its edit panel's state. */
export function useEditedList<T extends { id: number }>(loaded: readonly T[] | undefined): IEditedList<T> {
  const [items, setItems] = React.useState<T[]>([]);
  React.useEffect(() => {
    if (loaded) setItems(loaded.slice());
  }, [loaded]);
  const [editing, setEditing] = React.useState<T | 'new' | undefined>(undefined);
  const onSaved = React.useCallback((saved: T) => {
    setItems((current) => withSaved(current, saved));
    setEditing(undefined);
  }, []);
  return { items, editing, setEditing, onSaved };
}

/** The list with a saved item in place of its old version, or added at the end when new. */
export function withSaved<T extends { id: number }>(list: readonly T[], saved: T): T[] {
  return list.some((item) => item.id === saved.id) ? list.map((item) => (item.id === saved.id ? saved : item)) : list.concat(saved);
}

/** Props of `RegisterList`. */
export interface IRegisterListProps<T extends { id: number }> {
  /** The rows. */
  items: T[];
  /** The columns (with wrapping headers: see wrappingHeaders.tsx). */
  columns: IColumn[];
  /** Identifies the list, so its scroll and focus reset when it changes. */
  setKey: string;
  /** What a screen reader calls the grid. */
  ariaLabel: string;
}

/**
 * A register's items as a read-only grid (no selection), columns justified, headers that wrap;
 * as stacked cards (title and Edit on top) where the columns do not fit, and on paper.
 */
export function RegisterList<T extends { id: number }>(props: IRegisterListProps<T>): JSX.Element {
  const [ref, width] = useContainerWidth();
  const printing = usePrinting();
  const cards = printing || showsCards(width, gridMinWidth(props.columns));
  return (
    <div ref={ref} data-layout={cards ? 'cards' : 'grid'}>
      {cards ? (
        <CardList items={props.items} columns={props.columns} getKey={(item: T) => String(item.id)} ariaLabel={props.ariaLabel} />
      ) : (
        <DetailsList
          items={props.items}
          columns={props.columns}
          getKey={(item: T) => String(item.id)}
          setKey={props.setKey}
          selectionMode={SelectionMode.none}
          layoutMode={DetailsListLayoutMode.justified}
          ariaLabelForGrid={props.ariaLabel}
          onRenderDetailsHeader={renderWrappingHeader}
        />
      )}
    </div>
  );
}
