/**
 * Shown when a save fails with 412 (someone else saved the item after the user opened it):
 * both versions side by side, field by field, so the user can decide with the facts in front
 * of them, then "Keep mine" or "Take theirs". "Keep mine" merges by field: only the fields the
 * user changed are written, and each row says what keeping theirs or mine does to it; a field
 * both changed is marked and listed first.
 */
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import { lazyStrings } from '../loc/lazy';
import { formatDate, formatString } from './format';
import { changeOf, FieldChange, IFieldChanges } from './fieldMerge';

/** One compared field. */
export interface IConflictRow {
  /** Stable key. */
  key: string;
  /** Field label as the form shows it. */
  label: string;
  /** The user's value, as text. */
  mine: React.ReactNode;
  /** The other person's value, as text. */
  theirs: React.ReactNode;
  /** Whether the two differ (differing rows are marked and listed first). */
  differs: boolean;
  /** Model fields the row shows (default: `key`), matched against the changes of each side. */
  fields?: readonly string[];
}

/** Props of `ItemConflict`. */
export interface IItemConflictProps {
  /** The fields compared. */
  rows: readonly IConflictRow[];
  /** When the other version was saved (ISO), if known. */
  theirsModified?: string;
  /** The fields each side changed since the user opened the item; without it rows show no outcome. */
  changes?: IFieldChanges;
  /** Saves the user's version over theirs. */
  onKeepMine: () => void;
  /** Replaces the form with their version. */
  onTakeTheirs: () => void;
  /** Disables the buttons while a save runs. */
  busy?: boolean;
  /** False when there is no other version to take (it was deleted): "Take theirs" is then off. */
  canTakeTheirs?: boolean;
}

/** The two versions and the two ways out. */
export function ItemConflict(props: IItemConflictProps): JSX.Element {
  const { rows, theirsModified, changes, onKeepMine, onTakeTheirs, busy, canTakeTheirs = true } = props;
  const theme = useTheme();
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        table: { width: '100%', borderCollapse: 'collapse', color: theme.semanticColors.bodyText, tableLayout: 'fixed' },
        th: { textAlign: 'left', padding: '4px 6px', borderBottom: `2px solid ${theme.palette.neutralTertiaryAlt}`, fontWeight: 600 },
        td: { padding: '4px 6px', verticalAlign: 'top', borderBottom: `1px solid ${theme.palette.neutralLight}`, overflowWrap: 'anywhere' },
        differs: { background: theme.palette.neutralLighter, fontWeight: 600 },
        both: { background: theme.palette.yellowLight ?? theme.palette.neutralLight, fontWeight: 600 }
      }),
    [theme]
  );
  const when = formatDate(theirsModified);
  const change = (r: IConflictRow): FieldChange => (changes ? changeOf(r.fields ?? [r.key], changes) : 'none');
  const rank = (r: IConflictRow): number => (change(r) === 'both' ? 0 : r.differs ? 1 : 2);
  const ordered = rows.slice().sort((a, b) => rank(a) - rank(b));
  const outcome: { readonly [C in FieldChange]: string } = {
    both: lazyStrings.ItemConflictOutcomeBoth,
    mine: lazyStrings.ItemConflictOutcomeMine,
    theirs: lazyStrings.ItemConflictOutcomeTheirs,
    none: lazyStrings.ItemConflictOutcomeNone
  };
  return (
    <Stack tokens={{ childrenGap: 8 }} data-testid="item-conflict">
      <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
        <strong>{lazyStrings.ItemConflictHeading}</strong> {lazyStrings.ItemConflictIntro}
      </MessageBar>
      <table className={classes.table}>
        <caption style={{ textAlign: 'left' }}>
          <Text variant="mediumPlus">{lazyStrings.ItemConflictHeading}</Text>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={classes.th}>
              {lazyStrings.ItemConflictField}
            </th>
            <th scope="col" className={classes.th}>
              {lazyStrings.ItemConflictYours}
            </th>
            <th scope="col" className={classes.th}>
              {when ? formatString(lazyStrings.ItemConflictTheirsSaved, when) : lazyStrings.ItemConflictTheirs}
            </th>
            {changes && (
              <th scope="col" className={classes.th}>
                {lazyStrings.ItemConflictOutcome}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {ordered.map((r) => {
            const c = change(r);
            return (
              <tr key={r.key} className={c === 'both' ? classes.both : r.differs ? classes.differs : undefined} data-differs={r.differs} data-change={changes ? c : undefined}>
                <th scope="row" className={classes.td}>
                  {r.label}
                </th>
                <td className={classes.td}>{r.mine}</td>
                <td className={classes.td}>{r.theirs}</td>
                {changes && <td className={classes.td}>{outcome[c]}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={lazyStrings.ItemConflictKeepMine} onClick={onKeepMine} disabled={busy} />
        <DefaultButton text={lazyStrings.ItemConflictTakeTheirs} onClick={onTakeTheirs} disabled={busy || !canTakeTheirs} />
      </Stack>
    </Stack>
  );
}
