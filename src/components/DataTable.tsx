/**
 * A plain, accessible HTML table for the first views of the web parts (a real <table> with
 * column headers, so screen readers announce cells with their headings), styled from the theme.
 */
import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';

/** One column of a `DataTable`. */
export interface IDataTableColumn<T> {
  /** Stable key. */
  key: string;
  /** Column heading shown to users. */
  header: string;
  /** Cell content for an item. */
  render: (item: T) => React.ReactNode;
}

/** Props of `DataTable`. */
export interface IDataTableProps<T> {
  /** Caption read out by screen readers (visually hidden). */
  caption: string;
  /** Columns, in order. */
  columns: ReadonlyArray<IDataTableColumn<T>>;
  /** Rows. */
  items: ReadonlyArray<T>;
  /** Row key. */
  getKey: (item: T) => string | number;
}

/** Renders items as a table with one header row. */
export function DataTable<T>(props: IDataTableProps<T>): JSX.Element {
  const theme = useTheme();
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        table: { width: '100%', borderCollapse: 'collapse', color: theme.semanticColors.bodyText },
        caption: {
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap'
        },
        th: {
          textAlign: 'left',
          fontWeight: 600,
          padding: '6px 8px',
          borderBottom: `2px solid ${theme.palette.neutralTertiaryAlt}`
        },
        td: { padding: '6px 8px', verticalAlign: 'top', borderBottom: `1px solid ${theme.palette.neutralLight}` }
      }),
    [theme]
  );
  return (
    <table className={classes.table}>
      <caption className={classes.caption}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key} scope="col" className={classes.th}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={props.getKey(item)}>
            {props.columns.map((c) => (
              <td key={c.key} className={classes.td}>
                {c.render(item)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
