/**
 * A validation problem and the error that carries them, apart from the validators: every web
 * part's error bar recognises the error, and importing it from validation.ts would put all the
 * validators in the code each web part downloads before its first render.
 */
import type { EntityName, ValidationCode } from './messages';

/** One validation problem. */
export interface ValidationError {
  /** Model property (or a path such as `savings[1].planned`) the problem is about. */
  readonly field: string;
  /** Machine-readable reason. */
  readonly code: ValidationCode;
  /** Label of the field as the user sees it. */
  readonly label: string;
  /** Full sentence for the user, e.g. "Description of the objective is required.". */
  readonly message: string;
}

/** Thrown when an entity that failed validation is saved anyway; carries every problem. */
export class ValidationFailedError extends Error {
  /** The problems found. */
  public readonly errors: readonly ValidationError[];

  public constructor(errors: readonly ValidationError[], entity?: EntityName) {
    super(
      `${entity ? `${entity}: ` : ''}${errors.length} validation problem${errors.length === 1 ? '' : 's'}: ` +
        errors.map((e) => e.message).join(' ')
    );
    this.name = 'ValidationFailedError';
    this.errors = errors;
    // Keeps `instanceof` working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, ValidationFailedError.prototype);
  }
}
