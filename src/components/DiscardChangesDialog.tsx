/**
 * "Discard changes?": asked when a form with unsaved edits is closed (Esc, the close button,
 * Cancel, a click outside), so nothing typed is lost by accident. Every edit panel uses it
 * through `useDiscardPrompt`.
 */
import * as React from 'react';
import { lazyComponent, OnDemand } from './lazyComponent';

// The dialog loads the first time the question is asked: most panels close with nothing to lose.
const DiscardChangesDialog = lazyComponent(() =>
  import(/* webpackChunkName: 'ssm-discard-changes' */ './DiscardChangesQuestion').then((m) => m.DiscardChangesDialog)
);

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
  // Once asked, the dialog stays mounted (hidden) so it closes like any Fluent dialog.
  const [asked, setAsked] = React.useState(false);
  // Read at call time: a panel may hold on to an older render's handler (its footer, Esc).
  const latest = React.useRef({ unsaved, close });
  latest.current = { unsaved, close };
  const requestClose = React.useCallback((ev?: { preventDefault(): void }) => {
    if (!latest.current.unsaved) {
      latest.current.close();
      return;
    }
    ev?.preventDefault();
    setAsked(true);
    setAsking(true);
  }, []);
  const dialog = asked ? (
    <OnDemand>
      <DiscardChangesDialog
        open={asking}
        onKeepEditing={() => setAsking(false)}
        onDiscard={() => {
          setAsking(false);
          discard();
          close();
        }}
      />
    </OnDemand>
  ) : (
    <></>
  );
  return { requestClose, dialog };
}
