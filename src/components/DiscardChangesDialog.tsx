/**
 * "Discard changes?": asked when a form with unsaved edits is closed (Esc, the close button,
 * Cancel, a click outside), so nothing typed is lost by accident. Every edit panel uses it
 * through `useDiscardPrompt`.
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton } from '@fluentui/react';
import * as strings from 'SsmStrings';

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
      dialogContentProps={{ type: DialogType.normal, title: strings.FormDiscardChangesTitle, subText: strings.FormDiscardChangesText }}
      modalProps={{ isBlocking: true }}
    >
      <DialogFooter>
        <PrimaryButton text={strings.FormKeepEditing} onClick={props.onKeepEditing} />
        <DefaultButton text={strings.FormDiscardChanges} onClick={props.onDiscard} />
      </DialogFooter>
    </Dialog>
  );
}

/** What `useDiscardPrompt` gives a panel. */
export interface IDiscardPrompt {
  /**
   * Call instead of closing: closes at once when nothing would be lost, else asks first. Given
   * the Panel's dismiss event, it stops the Panel closing itself while the question is open.
   */
  requestClose: (ev?: { preventDefault(): void }) => void;
  /** The dialog to render (closed until asked). */
  dialog: JSX.Element;
}

/**
 * Guards a panel's close. `unsaved` says whether closing now would lose edits; `discard` drops
 * them (and their draft) when the user confirms; `close` closes the panel.
 */
export function useDiscardPrompt(unsaved: boolean, discard: () => void, close: () => void): IDiscardPrompt {
  const [asking, setAsking] = React.useState(false);
  // Read at call time: a panel may hold on to an older render's handler (its footer, Esc).
  const latest = React.useRef({ unsaved, close });
  latest.current = { unsaved, close };
  const requestClose = React.useCallback((ev?: { preventDefault(): void }) => {
    if (!latest.current.unsaved) {
      latest.current.close();
      return;
    }
    ev?.preventDefault();
    setAsking(true);
  }, []);
  const dialog = (
    <DiscardChangesDialog
      open={asking}
      onKeepEditing={() => setAsking(false)}
      onDiscard={() => {
        setAsking(false);
        discard();
        close();
      }}
    />
  );
  return { requestClose, dialog };
}
