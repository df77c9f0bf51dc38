/**
 * Shown when someone else saved first (HTTP 412): their version beside yours, with "Keep mine"
 * (save yours again over their version) and "Take theirs" (drop yours). Nothing is lost until
 * the user chooses.
 */
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Stack, Text, mergeStyleSets, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';

/** One side of the comparison: label/value pairs (values may be React nodes, e.g. rich text). */
export interface IVersionField {
  label: string;
  value: React.ReactNode;
}

/** Props of `ConflictView`. */
export interface IConflictViewProps {
  /** What the conflict is about (e.g. the objective's title). */
  subject: string;
  theirs: IVersionField[] | undefined;
  /** Who saved their version and when, if known. */
  theirsBy?: string;
  mine: IVersionField[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Disables the buttons while a choice is being saved. */
  busy?: boolean;
}

/** Their version beside mine. */
export function ConflictView(props: IConflictViewProps): JSX.Element {
  const theme = useTheme();
  const classes = mergeStyleSets({
    column: {
      flex: '1 1 0',
      minWidth: 220,
      padding: 8,
      border: `1px solid ${theme.palette.neutralTertiaryAlt}`,
      borderRadius: 2,
      background: theme.semanticColors.bodyBackground
    },
    label: { fontWeight: 600, display: 'block', marginTop: 6 }
  });
  const column = (heading: string, fields: IVersionField[] | undefined, testId: string): JSX.Element => (
    <section className={classes.column} aria-label={heading} data-version={testId}>
      <Text as="h4" variant="mediumPlus" block>
        {heading}
      </Text>
      {fields ? (
        fields.map((f) => (
          <div key={f.label}>
            <span className={classes.label}>{f.label}</span>
            <div>{f.value}</div>
          </div>
        ))
      ) : (
        <Text>{strings.ObjectiveConflictDeleted}</Text>
      )}
    </section>
  );
  return (
    <Stack tokens={{ childrenGap: 8 }} role="group" aria-label={`${strings.ObjectiveConflictHeading}: ${props.subject}`}>
      <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
        <strong>{strings.ErrorConflictTitle}</strong> {strings.ObjectiveConflictExplain}
        {props.theirsBy ? ` ${props.theirsBy}` : ''}
      </MessageBar>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        {column(strings.ItemConflictTheirs, props.theirs, 'theirs')}
        {column(strings.ItemConflictYours, props.mine, 'mine')}
      </Stack>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <PrimaryButton text={strings.ItemConflictKeepMine} onClick={props.onKeepMine} disabled={props.busy} />
        <DefaultButton text={strings.ItemConflictTakeTheirs} onClick={props.onTakeTheirs} disabled={props.busy || !props.theirs} />
      </Stack>
    </Stack>
  );
}
