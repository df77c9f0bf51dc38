/**
 * Pieces shared by the registers whose items are edited in a side panel (benefits, risks): the
 * "Edit" column for users who may edit, and putting a saved item back into the list shown.
 */
import * as React from 'react';
import { ActionButton, IColumn } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatString } from './format';

/** The "Edit" column: one button per row, named after the item for screen readers. */
export function editColumn<T extends { title: string }>(onEdit: (item: T) => void): IColumn {
  return {
    key: 'actions',
    name: strings.ColumnActions,
    minWidth: 70,
    maxWidth: 80,
    onRender: (item: T) => (
      <ActionButton iconProps={{ iconName: 'Edit' }} text={strings.EditItem} ariaLabel={formatString(strings.EditItemLabel, item.title)} onClick={() => onEdit(item)} />
    )
  };
}

/** The list with a saved item in place of its old version, or added at the end when new. */
export function withSaved<T extends { id: number }>(list: readonly T[], saved: T): T[] {
  return list.some((item) => item.id === saved.id) ? list.map((item) => (item.id === saved.id ? saved : item)) : list.concat(saved);
}
