/**
 * Typed errors of the reminder job. A run that could not finish throws ReminderRunError with
 * what it did achieve, so the timer app's failure and the CLI's summary both tell the truth.
 */

/** A reminder setting (environment variable or option) is missing or invalid. */
export class ReminderConfigError extends Error {
  /** Name of the setting at fault. */
  public readonly setting: string;

  public constructor(setting: string, message: string) {
    super(message);
    // Keeps instanceof working when compiled to ES5 by the SPFx toolchain.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ReminderConfigError';
    this.setting = setting;
  }
}

/** A run stopped early or could not record every outcome; `result` says what was done. */
export class ReminderRunError<R> extends Error {
  /** What the run achieved before it stopped. */
  public readonly result: R;
  /** The underlying errors (log writes that failed, etc.). */
  public readonly causes: readonly unknown[];

  public constructor(message: string, result: R, causes: readonly unknown[] = []) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ReminderRunError';
    this.result = result;
    this.causes = causes;
  }
}
