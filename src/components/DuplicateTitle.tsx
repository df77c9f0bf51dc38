/**
 * A warning under a form's title field when another item of the list already has that title
 * (ignoring case, spacing and invisible characters): reports and imports could not tell the two
 * apart. A warning, not an error: the title may be right and the other item the one to rename.
 */
import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';
import { sameTitleAs } from '../domain/validation';
import { formatString } from './format';

/** Props of `DuplicateTitle`. */
export interface IDuplicateTitleProps {
  /** The title as typed. */
  title: string;
  /** The list's items (the one edited included or not: `ownId` is skipped). */
  items: ReadonlyArray<{ id: number; title: string }> | undefined;
  /** Id of the item edited; undefined for a new one. */
  ownId?: number;
  /** The warning, with `{0}` for the other item's title. */
  template: string;
}

/** The warning, or nothing when the title is free. */
export function DuplicateTitle(props: IDuplicateTitleProps): JSX.Element {
  const other = props.items ? sameTitleAs(props.title, props.items, props.ownId) : undefined;
  if (!other) return <></>;
  return (
    <div role="status" data-testid="duplicate-title">
      <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
        {formatString(props.template, other.title)}
      </MessageBar>
    </div>
  );
}
