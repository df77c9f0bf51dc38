/**
 * Typed errors of the data layer. Every failure reaching a component is one of these, with a
 * message fit for a Fluent UI MessageBar (UK English) and the original error kept as `cause`.
 */
import { SCHEMA, ListKey } from './schema';

/** What the data layer was doing when it failed; used in messages and telemetry. */
export type DataOperation =
  | 'read'
  | 'add'
  | 'update'
  | 'remove'
  | 'provision'
  | 'permissions'
  | 'user'
  | 'batch';

/** Where a failure happened. */
export interface ErrorContext {
  /** Operation attempted. */
  operation: DataOperation;
  /** List involved, by schema key or title, when there is one. */
  list?: ListKey | string;
  /** Item id involved, when there is one. */
  itemId?: number;
}

/** Options shared by the error constructors. */
export interface DataAccessErrorOptions extends ErrorContext {
  /** HTTP status, when the server answered. */
  status?: number;
  /** The server's own message (`odata.error.message.value`), kept for support staff. */
  serverMessage?: string;
  /** The error this one wraps. */
  cause?: unknown;
}

/** List title for messages: schema keys become the title users see in Site contents. */
function listLabel(list: ListKey | string | undefined): string | undefined {
  if (list === undefined) return undefined;
  return list in SCHEMA ? SCHEMA[list as ListKey].title : list;
}

const OPERATION_WORDS: Record<DataOperation, string> = {
  read: 'load',
  add: 'save the new item in',
  update: 'save changes to',
  remove: 'delete the item from',
  provision: 'set up',
  permissions: 'check your permissions on',
  user: 'look up the person in',
  batch: 'save several items in'
};

/** "Could not load SSM Objectives" / "Could not look up the person" etc. */
function describe(operation: DataOperation, list: string | undefined): string {
  const words = OPERATION_WORDS[operation];
  if (list) return `Could not ${words} "${list}"`;
  // Without a list the trailing preposition would dangle ("save changes to").
  return `Could not ${words.replace(/ (in|to|from|on)$/, '')}`;
}

/** Any failure talking to SharePoint (or the local host). */
export class DataAccessError extends Error {
  /** HTTP status, when the server answered. */
  public readonly status?: number;
  /** List involved (schema key or title). */
  public readonly list?: string;
  /** Operation attempted. */
  public readonly operation: DataOperation;
  /** Item id involved. */
  public readonly itemId?: number;
  /** The server's message, if any. */
  public readonly serverMessage?: string;
  /** The original error. */
  public readonly cause?: unknown;

  public constructor(message: string, options: DataAccessErrorOptions) {
    super(message);
    // SPFx compiles to ES5, where extending Error loses the prototype chain (and instanceof).
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'DataAccessError';
    this.status = options.status;
    this.list = options.list;
    this.operation = options.operation;
    this.itemId = options.itemId;
    this.serverMessage = options.serverMessage;
    this.cause = options.cause;
  }
}

/**
 * Someone else saved the item after the user opened it (HTTP 412 on IF-Match). Carries the
 * server's current version and the user's attempted changes so the UI can offer to merge.
 */
export class ConflictError<T> extends DataAccessError {
  /** The item as it is now on the server (mapped to the model), or undefined if it was deleted. */
  public readonly serverVersion: T | undefined;
  /** The changes the user tried to save. */
  public readonly attempted: unknown;

  public constructor(serverVersion: T | undefined, attempted: unknown, options: DataAccessErrorOptions) {
    super(
      `Someone else changed this item in "${listLabel(options.list) ?? 'the list'}" after you opened it. ` +
        'Review their version, then apply your changes again.',
      { ...options, status: options.status ?? 412 }
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ConflictError';
    this.serverVersion = serverVersion;
    this.attempted = attempted;
  }
}

/**
 * SharePoint refused the write because a column that enforces unique values already holds the
 * value in another item (someone, or another run, created it first).
 */
export class DuplicateValueError extends DataAccessError {
  public constructor(options: DataAccessErrorOptions) {
    super(
      `Could not save to "${listLabel(options.list) ?? 'the list'}": another item already exists for the same thing. Refresh to see it.`,
      options
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'DuplicateValueError';
  }
}

/** The item does not exist (any more). */
export class NotFoundError extends DataAccessError {
  public constructor(options: DataAccessErrorOptions) {
    super(
      `The item${options.itemId !== undefined ? ` ${options.itemId}` : ''} no longer exists in "${listLabel(options.list) ?? 'the list'}". ` +
        'Someone may have deleted it; refresh the page.',
      { ...options, status: options.status ?? 404 }
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'NotFoundError';
  }
}

/** SharePoint kept throttling (429/503) after every retry allowed. */
export class ThrottledError extends DataAccessError {
  /** Seconds SharePoint asked us to wait last, when it said. */
  public readonly retryAfterSeconds?: number;
  /** Attempts made, including the first. */
  public readonly attempts: number;

  public constructor(attempts: number, retryAfterSeconds: number | undefined, options: DataAccessErrorOptions) {
    super(
      'SharePoint is busy and asked us to slow down. Please wait a minute and try again.',
      options
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ThrottledError';
    this.attempts = attempts;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * A report too large to publish as one snapshot: even compressed, its stored form would be
 * longer than a SharePoint list column holds. Nothing was written.
 */
export class SnapshotTooLargeError extends DataAccessError {
  /** Characters the stored report would take. */
  public readonly storedLength: number;
  /** Characters the column holds. */
  public readonly limit: number;

  public constructor(storedLength: number, limit: number, options: DataAccessErrorOptions) {
    super(
      `The report is too large to publish as one snapshot: stored, it takes ${storedLength} characters and a SharePoint column holds ${limit}. Publish it one service at a time.`,
      options
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'SnapshotTooLargeError';
    this.storedLength = storedLength;
    this.limit = limit;
  }
}

/**
 * A published snapshot whose stored report cannot be shown (its column edited by hand). Only
 * that snapshot is affected: lists of snapshots leave it out and name it on its own row.
 */
export class SnapshotUnreadableError extends DataAccessError {
  public constructor(reason: string, options: DataAccessErrorOptions) {
    super(`This published report cannot be shown: ${reason}`, options);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'SnapshotUnreadableError';
  }
}

/** The product's lists have not been created on this site yet. */
export class ListMissingError extends DataAccessError {
  public constructor(options: DataAccessErrorOptions) {
    super(
      `The list "${listLabel(options.list) ?? 'required by this web part'}" does not exist on this site yet. ` +
        'A site owner can create it with "Set up lists" in the web part.',
      { ...options, status: options.status ?? 404 }
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ListMissingError';
  }
}

/** Shape of PnPjs's HttpRequestError that we rely on (duck-typed: batches and bundles may duplicate the class). */
interface HttpRequestErrorLike {
  isHttpRequestError: true;
  status: number;
  statusText?: string;
  message: string;
  response?: { clone?: () => { text(): Promise<string> }; text?: () => Promise<string>; headers?: Headers };
}

/** Whether a value is PnPjs's `HttpRequestError`. */
export function isHttpRequestError(e: unknown): e is HttpRequestErrorLike {
  return typeof e === 'object' && e !== null && (e as { isHttpRequestError?: unknown }).isHttpRequestError === true;
}

/**
 * Extracts `odata.error.message.value` (minimal metadata) or `error.message.value` (verbose)
 * from an error body. Returns undefined when the body is not SharePoint's error JSON.
 */
export function serverMessageOf(body: string): { message?: string; code?: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON (an HTML error page from a proxy, for instance): there is no server message.
    return {};
  }
  if (typeof json !== 'object' || json === null) return {};
  const record = json as Record<string, unknown>;
  const err = (record['odata.error'] ?? record.error) as Record<string, unknown> | undefined;
  if (!err || typeof err !== 'object') return {};
  const msg = err.message as Record<string, unknown> | string | undefined;
  const message = typeof msg === 'string' ? msg : typeof msg?.value === 'string' ? msg.value : undefined;
  return { message, code: typeof err.code === 'string' ? err.code : undefined };
}

/** Reads the body of a failed response without consuming it for anyone else. */
async function bodyOf(e: HttpRequestErrorLike): Promise<string> {
  const r = e.response;
  if (!r) return '';
  try {
    if (typeof r.clone === 'function') return await r.clone().text();
    if (typeof r.text === 'function') return await r.text();
  } catch {
    // Body already consumed (PnPjs reads it for the message): fall back to the message below.
    return '';
  }
  return '';
}

/** PnPjs puts the body after "::> " in the message when it builds an HttpRequestError. */
function bodyFromMessage(message: string): string {
  const at = message.indexOf('::> ');
  return at >= 0 ? message.slice(at + 4) : '';
}

/** Parses a Retry-After header value (delta seconds or an HTTP date) into seconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return parseInt(trimmed, 10);
  const when = Date.parse(trimmed);
  if (isNaN(when)) return undefined;
  return Math.max(0, Math.ceil((when - now) / 1000));
}

/** SharePoint's error code for an expired or invalid form digest ("The security validation for this page is invalid"). */
const FORM_DIGEST_INVALID = '-2130575251, Microsoft.SharePoint.SPException';

/** SharePoint's error code for a value a unique column already holds (SPDuplicateValuesFoundException, 0x810200BF). */
const DUPLICATE_VALUES = /SPDuplicateValuesFoundException|^-2130575169\b/;

/** Whether SharePoint's error says the list itself is missing (rather than an item). */
function isListMissing(message: string | undefined): boolean {
  return !!message && /^List '.*' does not exist/i.test(message);
}

/**
 * Converts anything thrown by PnPjs or fetch into a typed data error, keeping the original as
 * `cause`. Typed errors pass through unchanged.
 */
export async function toDataAccessError(e: unknown, context: ErrorContext): Promise<DataAccessError> {
  if (e instanceof DataAccessError) return e;
  if (isHttpRequestError(e)) {
    const text = (await bodyOf(e)) || bodyFromMessage(e.message);
    const { message: serverMessage, code } = serverMessageOf(text);
    const options: DataAccessErrorOptions = { ...context, status: e.status, serverMessage, cause: e };
    const label = listLabel(context.list);
    if (code !== undefined && DUPLICATE_VALUES.test(code)) return new DuplicateValueError(options);
    switch (e.status) {
      case 404:
        if (isListMissing(serverMessage) || (context.itemId === undefined && context.list !== undefined)) {
          return new ListMissingError(options);
        }
        if (context.itemId !== undefined) return new NotFoundError(options);
        return new DataAccessError(`${describe(context.operation, label)}: it was not found.`, options);
      // 409 Save Conflict: a concurrent write to the same item; after its retries it is the same conflict for the user.
      case 409:
      case 412:
        return new ConflictError<unknown>(undefined, undefined, options);
      case 429:
      case 503:
        return new ThrottledError(1, parseRetryAfter(e.response?.headers?.get('Retry-After') ?? undefined), options);
      case 401:
      case 403:
        if (code === FORM_DIGEST_INVALID) {
          return new DataAccessError(`${describe(context.operation, label)}: the page has been open too long. Refresh the page and try again.`, options);
        }
        return new DataAccessError(
          `${describe(context.operation, label)}: you do not have permission. Ask a site owner for edit access.`,
          options
        );
      default:
        return new DataAccessError(
          `${describe(context.operation, label)}. SharePoint said: ${serverMessage ?? `${e.status} ${e.statusText ?? ''}`.trim()}`,
          options
        );
    }
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new DataAccessError(`${describe(context.operation, listLabel(context.list))}: ${reason}`, { ...context, cause: e });
}

/** One failed part of a `$batch`, by its position in the request. */
export interface BatchPartFailure {
  /** Index of the part in the caller's array. */
  index: number;
  /** The typed error of that part. */
  error: DataAccessError;
}

/**
 * Some parts of a `$batch` failed while others were saved. SharePoint does not roll back the
 * others, so the caller gets both: what was saved (to avoid adding it twice) and what failed.
 */
export class BatchPartsError<T> extends DataAccessError {
  /** Items saved, by position in the caller's array (undefined where that part failed). */
  public readonly succeeded: ReadonlyArray<T | undefined>;
  /** Parts that failed, each with its own error. */
  public readonly failures: readonly BatchPartFailure[];

  public constructor(succeeded: ReadonlyArray<T | undefined>, failures: readonly BatchPartFailure[], options: DataAccessErrorOptions) {
    const saved = succeeded.filter((s) => s !== undefined).length;
    super(
      `${failures.length} of ${succeeded.length} items could not be saved in "${listLabel(options.list) ?? 'the list'}"` +
        `${saved > 0 ? ` (${saved} were saved)` : ''}: ${failures[0]?.error.message ?? 'unknown error'}`,
      { ...options, status: options.status ?? failures[0]?.error.status, cause: options.cause ?? failures[0]?.error }
    );
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'BatchPartsError';
    this.succeeded = succeeded;
    this.failures = failures;
  }
}
