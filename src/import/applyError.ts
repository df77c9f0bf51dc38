/**
 * The error of an import that stopped part way, in a file of its own: the error bar of every web
 * part recognises it, and importing it from apply.ts would put the whole import engine in the
 * code every web part downloads before its first render.
 */
import type { ApplyResult } from './apply';

/** Applying stopped part way; what was written stays, and rerunning the import completes it. */
export class ImportApplyError extends Error {
  /** What had been written before the failure. */
  public readonly written: ApplyResult;
  /** Row being written when it failed, if any. */
  public readonly row?: number;
  /** The underlying error (a DataAccessError from the repositories). */
  public readonly cause: unknown;

  public constructor(message: string, written: ApplyResult, cause: unknown, row?: number) {
    super(message);
    this.name = 'ImportApplyError';
    this.written = written;
    this.cause = cause;
    this.row = row;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, ImportApplyError.prototype);
  }
}
