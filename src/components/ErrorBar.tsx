/**
 * The one error path of the UI: every failure a component catches is shown here, in a Fluent
 * MessageBar, in UK English. Typed data errors already carry a message fit for users; conflicts
 * and validation failures get their own wording because the user has to act on them.
 */
import * as React from 'react';
import { MessageBar, MessageBarButton, MessageBarType } from '@fluentui/react';
import * as strings from 'SsmStrings';
import {
  ConflictError,
  DataAccessError,
  ListMissingError,
  NotFoundError,
  SnapshotTooLargeError,
  ThrottledError
} from '../data/errors';
import { PaperNotStoredError } from '../data/papers';
import { ValidationFailedError } from '../domain/validationError';
import { ImportFileError } from '../domain/import/errors';
import { ImportApplyError } from '../import/applyError';
import { formatString } from './format';

/** Which kind of failure an error is, as far as the user is concerned. */
export type ErrorKind =
  | 'conflict'
  | 'validation'
  | 'listMissing'
  | 'snapshotTooLarge'
  | 'throttled'
  | 'notFound'
  | 'dataAccess'
  | 'importFile'
  | 'importApply'
  | 'unexpected';

/** What the ErrorBar shows for an error. */
export interface IErrorDescription {
  /** Kind of failure. */
  kind: ErrorKind;
  /** First sentence, in bold. */
  title: string;
  /** Further sentences (one per validation problem). */
  details: string[];
  /** MessageBar severity. */
  type: MessageBarType;
}

/** Maps any thrown value to the wording and severity the ErrorBar shows. */
export function describeError(error: unknown): IErrorDescription {
  // Subclasses first: they all extend DataAccessError.
  if (error instanceof ConflictError) {
    return { kind: 'conflict', title: strings.ErrorConflictTitle, details: [strings.ErrorConflictDetail], type: MessageBarType.warning };
  }
  if (error instanceof ValidationFailedError) {
    return {
      kind: 'validation',
      title: strings.ErrorValidationTitle,
      details: error.errors.map((e) => e.message),
      type: MessageBarType.warning
    };
  }
  if (error instanceof PaperNotStoredError) {
    // The snapshot stands; only its Word file is missing, and storing it can be retried.
    return { kind: 'dataAccess', title: strings.ErrorPaperNotStoredTitle, details: [error.message, strings.ErrorPaperNotStoredDetail], type: MessageBarType.warning };
  }
  if (error instanceof ListMissingError) {
    return { kind: 'listMissing', title: strings.ErrorListMissingTitle, details: [error.message], type: MessageBarType.warning };
  }
  if (error instanceof SnapshotTooLargeError) {
    return {
      kind: 'snapshotTooLarge',
      title: strings.ErrorSnapshotTooLargeTitle,
      details: [formatString(strings.ErrorSnapshotTooLargeDetail, error.storedLength.toLocaleString('en-GB'), error.limit.toLocaleString('en-GB'))],
      type: MessageBarType.warning
    };
  }
  if (error instanceof ThrottledError) {
    return { kind: 'throttled', title: strings.ErrorThrottledTitle, details: [error.message], type: MessageBarType.warning };
  }
  if (error instanceof NotFoundError) {
    return { kind: 'notFound', title: strings.ErrorNotFoundTitle, details: [error.message], type: MessageBarType.error };
  }
  // Import errors carry a sentence written for the user (what is wrong with the file, or what was written before a failure).
  if (error instanceof ImportFileError) {
    return { kind: 'importFile', title: strings.ErrorImportFileTitle, details: [error.message], type: MessageBarType.warning };
  }
  if (error instanceof ImportApplyError) {
    return { kind: 'importApply', title: strings.ErrorImportApplyTitle, details: [error.message], type: MessageBarType.error };
  }
  if (error instanceof DataAccessError) {
    return { kind: 'dataAccess', title: strings.ErrorGenericTitle, details: [error.message], type: MessageBarType.error };
  }
  // Anything else is a bug: show the raw message so users can quote it to the service desk.
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind: 'unexpected',
    title: strings.ErrorGenericTitle,
    details: [formatString(strings.ErrorUnexpected, reason)],
    type: MessageBarType.error
  };
}

/** Props of `ErrorBar`. */
export interface IErrorBarProps {
  /** What was thrown; nothing is rendered when undefined. */
  error: unknown;
  /** Offers a "Try again" button when given. */
  onRetry?: () => void;
  /** Offers a close button when given. */
  onDismiss?: () => void;
}

/** Shows a thrown value as a MessageBar (nothing when `error` is undefined). */
export function ErrorBar(props: IErrorBarProps): JSX.Element {
  const { error, onRetry, onDismiss } = props;
  // An empty fragment rather than null: the rushstack lint rules ban null in signatures.
  if (error === undefined) return <></>;
  const description = describeError(error);
  return (
    <MessageBar
      messageBarType={description.type}
      isMultiline={true}
      onDismiss={onDismiss}
      dismissButtonAriaLabel={strings.Dismiss}
      actions={onRetry ? <MessageBarButton onClick={onRetry}>{strings.TryAgain}</MessageBarButton> : undefined}
      data-error-kind={description.kind}
    >
      <strong>{description.title}</strong>
      {description.details.length === 1 ? (
        <span> {description.details[0]}</span>
      ) : (
        <ul>
          {description.details.map((detail, i) => (
            <li key={i}>{detail}</li>
          ))}
        </ul>
      )}
    </MessageBar>
  );
}
