/**
 * The "Discard changes?" dialog itself, loaded the first time the question is asked (see
 * `useDiscardPrompt` in DiscardChangesDialog.tsx), so Fluent's Dialog and Modal are not part of
 * what a web part downloads before its first render.
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';
import { lazyStrings } from '../loc/lazy';

/** Props of `DiscardChangesDialog`. */
export interface IDiscardChangesDialogProps {
  /** Whether the question is shown. */
  open: boolean;
  /** The user chose to drop the changes and close. */
  onDiscard: () => void;
  /** The user chose to go back to the form. */
  onKeepEditing: () => void;
}

/** The confirmation dialog. "Keep editing" is the default (focused) choice, so Enter loses nothing. */
export function DiscardChangesDialog(props: IDiscardChangesDialogProps): JSX.Element {
  return (
    <Dialog
      hidden={!props.open}
      onDismiss={props.onKeepEditing}
      dialogContentProps={{ type: DialogType.normal, title: lazyStrings.FormDiscardChangesTitle, subText: lazyStrings.FormDiscardChangesText }}
      modalProps={{ isBlocking: true }}
    >
      <DialogFooter>
        <PrimaryButton text={lazyStrings.FormKeepEditing} onClick={props.onKeepEditing} />
        <DefaultButton text={lazyStrings.FormDiscardChanges} onClick={props.onDiscard} />
      </DialogFooter>
    </Dialog>
  );
}
