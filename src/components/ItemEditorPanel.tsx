/**
 * The side panel in which an item is added or edited (objectives, benefits, risks): title, Save
 * and Cancel, and above the fields everything `useItemEditor` reports: a restored draft (with
 * "Discard draft"), the last error, warnings to confirm before saving, a draft kept after a failed
 * save, and both versions after a 412. Closing it with unsaved edits asks "Discard changes?" first.
 */
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Stack } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../loc/lazy';
import type { Stored } from '../domain/types';
import { useDiscardPrompt } from './DiscardChangesDialog';
import { ErrorBar } from './ErrorBar';
import { ItemConflict, IConflictRow } from './ItemConflict';
import type { IItemEditor } from './useItemEditor';
import { formatDate, formatString } from './format';

/** Props of `ItemEditorPanel`. */
export interface IItemEditorPanelProps<V, T extends Stored> {
  /** The panel's heading ("Edit benefit", "New risk"). */
  title: string;
  /** The form state from `useItemEditor`. */
  editor: IItemEditor<V, T>;
  /** The rows of the side-by-side view when someone else saved first. */
  conflictRows: (theirs: T) => readonly IConflictRow[];
  /** Closes the panel. */
  onDismiss: () => void;
  /** Keeps Save off while the form waits for something of its own (e.g. resolving a person). */
  busy?: boolean;
  /** Text of the save button; "Save" by default. */
  saveText?: string;
  /** Further buttons, between Save and Cancel (e.g. "Close objective"). */
  actions?: React.ReactNode;
  /** The fields. */
  children?: React.ReactNode;
}

/** An add or edit form in a medium side panel with Save and Cancel at the bottom. */
export function ItemEditorPanel<V, T extends Stored>(props: IItemEditorPanelProps<V, T>): JSX.Element {
  const { editor } = props;
  // Esc, the close button, Cancel and a click outside all ask first when edits would be lost.
  const { requestClose, dialog } = useDiscardPrompt(editor.unsaved && !editor.saving, editor.discardChanges, props.onDismiss);
  const footer = (): JSX.Element => (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
      <PrimaryButton
        text={editor.saving ? lazyStrings.FormSaving : props.saveText ?? lazyStrings.FormSave}
        onClick={() => editor.save()}
        disabled={editor.saving || !!props.busy || !!editor.conflict}
      />
      {props.actions}
      <DefaultButton text={lazyStrings.FormCancel} onClick={() => requestClose()} disabled={editor.saving} />
    </Stack>
  );
  return (
    <Panel
      isOpen={true}
      type={PanelType.medium}
      headerText={props.title}
      closeButtonAriaLabel={strings.FormClose}
      onDismiss={requestClose}
      isFooterAtBottom={true}
      onRenderFooterContent={footer}
    >
      <Stack tokens={{ childrenGap: 12 }}>
        {editor.draftRestoredOn !== undefined && (
          <MessageBar
            messageBarType={MessageBarType.info}
            actions={<DefaultButton text={lazyStrings.FormDiscardDraft} onClick={editor.discardDraft} />}
          >
            {formatString(lazyStrings.FormDraftRestored, formatDate(editor.draftRestoredOn) ?? editor.draftRestoredOn)}
          </MessageBar>
        )}
        <ErrorBar error={editor.error} />
        {editor.warnings && editor.warnings.length > 0 && (
          <MessageBar
            messageBarType={MessageBarType.warning}
            isMultiline={true}
            actions={
              <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                <PrimaryButton text={lazyStrings.FormSaveAnyway} onClick={editor.confirmSave} disabled={editor.saving} />
                <DefaultButton text={lazyStrings.FormGoBack} onClick={editor.dismissWarnings} disabled={editor.saving} />
              </Stack>
            }
          >
            <strong>{lazyStrings.FormCheckBeforeSaving}</strong>
            {editor.warnings.map((w) => (
              <p key={`${w.field}|${w.code}`} data-warning={w.code}>
                {w.message}
              </p>
            ))}
          </MessageBar>
        )}
        {editor.draftKept && <MessageBar messageBarType={MessageBarType.info}>{lazyStrings.FormDraftKept}</MessageBar>}
        {editor.conflict && (
          <ItemConflict
            rows={props.conflictRows(editor.conflict)}
            theirsModified={editor.conflict.modified}
            changes={editor.conflictChanges}
            onKeepMine={editor.keepMine}
            onTakeTheirs={editor.takeTheirs}
            busy={editor.saving}
          />
        )}
        {props.children}
      </Stack>
      {dialog}
    </Panel>
  );
}
