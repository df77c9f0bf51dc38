/**
 * A plain, accessible HTML table for the first views of the web parts (a real <table> with
 * column headers, so screen readers announce cells with their headings), styled from the theme,
 * scrolling sideways in its own box when it is wider than the space given.
 */
import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import { ScrollBox } from './ScrollBox';
import { usePrinting } from './responsive';

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

/** Rows in the first render of a long table; the rest follow a step at a time. */
export const FIRST_ROWS = 50;
/** Rows added in each later step. */
const STEP_ROWS = 500;

/**
 * How many of `total` rows to render: all of a short table; of a long one (a report of thousands
 * of objectives) the first rows at once and the rest over the next few tasks, so the page shows
 * the report straight away and stays responsive while the rest is added. `all`: every row at
 * once (the page is being printed).
 */
export function useRowsShown(total: number, all = false): number {
  const [shown, setShown] = React.useState(() => Math.min(total, FIRST_ROWS));
  React.useEffect(() => {
    if (all || shown >= total) return undefined;
    const timer = window.setTimeout(() => setShown((n) => n + STEP_ROWS), 0);
    return () => window.clearTimeout(timer);
  }, [shown, total, all]);
  return all ? total : Math.min(shown, total);
}

interface IRowProps<T> {
  item: T;
  columns: ReadonlyArray<IDataTableColumn<T>>;
  cellClass: string;
}

function RowOf<T>(props: IRowProps<T>): JSX.Element {
  return (
    <tr>
      {props.columns.map((c) => (
        <td key={c.key} className={props.cellClass}>
          {c.render(props.item)}
        </td>
      ))}
    </tr>
  );
}

// Rows already shown are not rendered again when the next step adds more.
const Row = React.memo(RowOf) as typeof RowOf;

/** Renders items as a table with one header row. */
export function DataTable<T>(props: IDataTableProps<T>): JSX.Element {
  const theme = useTheme();
  // A page printed before every step has run still prints every row.
  const printing = usePrinting();
  const shown = useRowsShown(props.items.length, printing);
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
  // A table wider than its box (a Teams tab on a phone) scrolls in its own box, not the page.
  return (
    <ScrollBox label={props.caption}>
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
          {props.items.slice(0, shown).map((item) => (
            <Row key={props.getKey(item)} item={item} columns={props.columns} cellClass={classes.td} />
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
