/**
 * Errors of the import tools. A file-level problem (empty, unreadable, too large, no
 * recognisable header) stops the whole import before anything is written; row-level problems
 * are never thrown but listed in the plan's `reject`.
 */

/** Why a file cannot be imported at all. */
export type ImportFileErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'tooManyRows'
  | 'unreadable'
  | 'unsupportedFormat'
  | 'noHeader'
  | 'missingColumns'
  | 'unmappedColumns';

/** The file as a whole cannot be imported; nothing has been written. */
export class ImportFileError extends Error {
  /** Machine-readable reason. */
  public readonly code: ImportFileErrorCode;

  public constructor(code: ImportFileErrorCode, message: string) {
    super(message);
    this.name = 'ImportFileError';
    this.code = code;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, ImportFileError.prototype);
  }
}

/** Limits that keep an import within what a browser tab and SharePoint throttling tolerate. */
export const IMPORT_LIMITS = {
  /** Largest file accepted, in bytes (5 MB). */
  maxBytes: 5 * 1024 * 1024,
  /** Most data rows accepted in one file. */
  maxRows: 5000
} as const;

/** Limits of one import (tests and scripts may lower them). */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most rows accepted (header included). */
  readonly maxRows: number;
}

/** Formats a byte count for messages, e.g. "10.0 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Throws ImportFileError when the row count is over the limit. */
export function checkRowLimit(rows: number, limits: ImportLimits = IMPORT_LIMITS): void {
  if (rows > limits.maxRows) {
    throw new ImportFileError(
      'tooManyRows',
      `The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split it into smaller files and import them one at a time.`
    );
  }
}
