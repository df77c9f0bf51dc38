/**
 * A grid's rows as stacked cards, for boxes too narrow for its columns (a phone, a Teams tab on
 * a phone, a one-third column): each card shows the title column and the row's action (Edit)
 * on top, then every other column as a label and its value. The columns are the grid's own
 * (`IColumn` with `onRender`), so a card never shows something the grid does not.
 */
import * as React from 'react';
import { IColumn, mergeStyleSets, useTheme } from '@fluentui/react';
import { useRowsShown } from './DataTable';

/** A group of consecutive items (a service's objectives), as Fluent's `IGroup` describes it. */
export interface ICardGroup {
  key: string;
  name: string;
  startIndex: number;
  count: number;
}

/** Props of `CardList`. */
export interface ICardListProps<T> {
  /** The rows, in order (grouped rows consecutive). */
  items: readonly T[];
  /** The grid's columns. */
  columns: readonly IColumn[];
  /** Row key. */
  getKey: (item: T) => string;
  /** What a screen reader calls the list (each group's list is named after its group). */
  ariaLabel: string;
  /** Key of the column shown as the card's title; default the first column. */
  titleKey?: string;
  /** Key of the column shown beside the title (the row's action); default `actions`. */
  actionKey?: string;
  /** Groups (headings above their cards); none for a flat list. */
  groups?: readonly ICardGroup[];
  /** Heading level of the group headings. */
  groupHeadingLevel?: 3 | 4;
}

/** A column at least this wide in the grid (text, not a status or a date) spans the whole card. */
const WIDE_COLUMN = 150;

function cellOf<T>(column: IColumn, item: T, index: number): React.ReactNode {
  if (column.onRender) return column.onRender(item, index, column) as React.ReactNode;
  const value = column.fieldName ? (item as unknown as Record<string, unknown>)[column.fieldName] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

/** Renders the rows as cards (a long list a step at a time, as `DataTable` does). */
export function CardList<T>(props: ICardListProps<T>): JSX.Element {
  const { items, columns, getKey, groups } = props;
  const theme = useTheme();
  const shown = useRowsShown(items.length);
  const titleKey = props.titleKey ?? columns[0]?.key;
  const actionKey = props.actionKey ?? 'actions';
  const title = columns.find((c) => c.key === titleKey);
  const action = columns.find((c) => c.key === actionKey);
  const fields = columns.filter((c) => c !== title && c !== action);
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 },
        card: {
          padding: '10px 12px',
          border: `1px solid ${theme.semanticColors.bodyDivider}`,
          borderRadius: 4,
          background: theme.semanticColors.bodyBackground,
          color: theme.semanticColors.bodyText,
          minWidth: 0,
          overflowWrap: 'anywhere',
          breakInside: 'avoid'
        },
        top: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 8 },
        title: { fontWeight: 600, minWidth: 0, flex: '1 1 auto' },
        action: { flex: '0 0 auto', marginTop: -6, marginRight: -8 },
        // Short values (status, RAG, dates) side by side; long ones (wide columns) full width.
        fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: '6px 12px', margin: '8px 0 0' },
        wide: { gridColumn: '1 / -1' },
        label: { fontSize: theme.fonts.small.fontSize, fontWeight: 600, color: theme.semanticColors.bodySubtext, margin: 0 },
        value: { margin: 0, minWidth: 0 },
        group: { marginTop: 12 },
        groupHeading: { fontSize: theme.fonts.mediumPlus.fontSize, fontWeight: 600, margin: '0 0 8px' },
        count: { fontWeight: 400, color: theme.semanticColors.bodySubtext }
      }),
    [theme]
  );

  const card = (item: T, index: number): JSX.Element => (
    <li key={getKey(item)} className={classes.card} data-card={getKey(item)}>
      <div className={classes.top}>
        <div className={classes.title}>{title ? cellOf(title, item, index) : null}</div>
        {action && <div className={classes.action}>{cellOf(action, item, index)}</div>}
      </div>
      {fields.length > 0 && (
        <dl className={classes.fields}>
          {fields.map((c) => (
            <div key={c.key} className={(c.minWidth ?? 0) >= WIDE_COLUMN ? classes.wide : undefined}>
              <dt className={classes.label}>{c.name}</dt>
              <dd className={classes.value}>{cellOf(c, item, index)}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );

  if (!groups) {
    return (
      <ul className={classes.list} aria-label={props.ariaLabel} data-cards="true">
        {items.slice(0, shown).map((item, i) => card(item, i))}
      </ul>
    );
  }
  const Heading = props.groupHeadingLevel === 4 ? 'h4' : 'h3';
  return (
    <div aria-label={props.ariaLabel} role="group" data-cards="true">
      {groups
        .filter((g) => g.count > 0 && g.startIndex < shown)
        .map((g) => (
          <section key={g.key} className={classes.group} aria-label={g.name}>
            <Heading className={classes.groupHeading}>
              {g.name} <span className={classes.count}>({g.count})</span>
            </Heading>
            <ul className={classes.list} aria-label={g.name}>
              {items.slice(g.startIndex, Math.min(g.startIndex + g.count, shown)).map((item, i) => card(item, g.startIndex + i))}
            </ul>
          </section>
        ))}
    </div>
  );
}
