/**
 * The change history of one benefit or risk, for auditors: every version SharePoint keeps,
 * newest first, with who saved it, when (UK date and time), and each field that changed as
 * "field: old → new" in display values. Read when the panel opens, never with the register.
 */
import * as React from 'react';
import { DefaultButton, Panel, PanelType, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../loc/lazy';
import type { StoredVersion } from '../data/itemHistory';
import { HistoryEntry, HistoryField, historyEntries } from './changeHistory';
import { ErrorBar } from './ErrorBar';
import { Loading } from './Loading';
import { formatDateTime, formatString } from './format';
import { useAsync } from './useAsync';

/** Props of `ChangeHistoryPanel`. */
export interface IChangeHistoryPanelProps<T> {
  /** The item's title, named in the panel's heading. */
  itemTitle: string;
  /** Reads the item's versions, oldest first (called when the panel opens, and on "Try again"). */
  load: () => Promise<ReadonlyArray<StoredVersion<T>>>;
  /** The fields compared, with their display values; or a function of the versions read (to name people only they name). */
  fields: ReadonlyArray<HistoryField<T>> | ((versions: ReadonlyArray<StoredVersion<T>>) => ReadonlyArray<HistoryField<T>>);
  onDismiss: () => void;
}

/** The panel. */
export function ChangeHistoryPanel<T>(props: IChangeHistoryPanelProps<T>): JSX.Element {
  const { itemTitle, fields, onDismiss } = props;
  const theme = useTheme();
  const loadRef = React.useRef(props.load);
  loadRef.current = props.load;
  const loaded = useAsync(() => loadRef.current(), []);
  const entries = React.useMemo(() => {
    const versions = loaded.value;
    if (!versions) return undefined;
    return historyEntries(versions, typeof fields === 'function' ? fields(versions) : fields);
  }, [loaded.value, fields]);
  const classes = mergeStyleSets({
    list: { listStyle: 'none', padding: 0, margin: 0 },
    entry: { padding: '10px 0', borderTop: `1px solid ${theme.palette.neutralLight}`, overflowWrap: 'anywhere' },
    meta: { color: theme.semanticColors.bodySubtext },
    changes: { margin: '6px 0 0', paddingLeft: 18 },
    change: { margin: '2px 0' },
    field: { fontWeight: 600 },
    long: { display: 'block' }
  });
  const footer = (): JSX.Element => (
    <Stack horizontal>
      <DefaultButton text={strings.FormClose} onClick={onDismiss} />
    </Stack>
  );
  return (
    <Panel
      isOpen={true}
      type={PanelType.medium}
      headerText={formatString(lazyStrings.ChangeHistoryTitle, itemTitle)}
      closeButtonAriaLabel={strings.FormClose}
      onDismiss={onDismiss}
      isFooterAtBottom={true}
      onRenderFooterContent={footer}
      isLightDismiss={true}
    >
      <Stack tokens={{ childrenGap: 12 }} data-testid="change-history">
        <Text as="p">{lazyStrings.ChangeHistoryIntro}</Text>
        <ErrorBar error={loaded.error} onRetry={loaded.reload} />
        {loaded.loading && <Loading />}
        {entries && entries.length === 0 && <Text as="p">{lazyStrings.ChangeHistoryNone}</Text>}
        {entries && entries.length > 0 && (
          <ol className={classes.list} aria-label={formatString(lazyStrings.ChangeHistoryListLabel, itemTitle)}>
            {entries.map((e) => (
              <li key={`${e.label}|${e.on}`} className={classes.entry} data-version={e.label}>
                <Entry entry={e} classes={classes} />
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Panel>
  );
}

/** Above this many characters (old and new together) a change is shown as "Before:" and "After:" lines. */
const LONG_CHANGE = 80;

function Entry(props: { entry: HistoryEntry; classes: Record<'meta' | 'changes' | 'change' | 'field' | 'long', string> }): JSX.Element {
  const { entry: e, classes } = props;
  const when = formatDateTime(e.on, lazyStrings.ChangeHistoryAt) ?? e.on;
  const heading = e.kind === 'created' ? lazyStrings.ChangeHistoryCreated : e.kind === 'earliest' ? lazyStrings.ChangeHistoryEarliest : lazyStrings.ChangeHistoryChanged;
  return (
    <Stack tokens={{ childrenGap: 2 }}>
      <Text as="h3" variant="mediumPlus" styles={{ root: { margin: 0 } }}>
        {formatString(heading, e.label)}
      </Text>
      <Text className={classes.meta}>{formatString(lazyStrings.ChangeHistoryMeta, when, e.by || lazyStrings.ChangeHistoryUnknownUser)}</Text>
      {e.changes.length === 0 ? (
        <Text>{lazyStrings.ChangeHistoryNoChange}</Text>
      ) : (
        <ul className={classes.changes}>
          {e.changes.map((c) => (
            <li key={c.label} className={classes.change}>
              <span className={classes.field}>{/[?:]$/.test(c.label) ? c.label : formatString(lazyStrings.ChangeHistoryField, c.label)}</span>{' '}
              {c.before === undefined ? (
                c.after || strings.NotSet
              ) : c.before.length + c.after.length > LONG_CHANGE ? (
                // Long texts (controls, narratives) read better one above the other than joined by an arrow.
                <>
                  <span className={classes.long}>{formatString(lazyStrings.ChangeHistoryBefore, c.before || strings.NotSet)}</span>
                  <span className={classes.long}>{formatString(lazyStrings.ChangeHistoryAfter, c.after || strings.NotSet)}</span>
                </>
              ) : (
                formatString(lazyStrings.ChangeHistoryChange, c.before || strings.NotSet, c.after || strings.NotSet)
              )}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
