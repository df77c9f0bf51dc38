/**
 * `$batch` execution with per-part throttling retries.
 *
 * SharePoint may answer a `$batch` with 200 while individual parts inside it come back 429
 * or 503 (throttled). ThrottlingRetry only sees the outer response, so the parts are retried
 * here: the throttled parts, and only those, go into a fresh `$batch` after the longest
 * Retry-After among them. A throttled part was not processed by SharePoint, so resending it
 * cannot write twice; parts that succeeded or failed otherwise are never resent.
 *
 * PnPjs's batch parser keeps only part headers with exactly one colon, so a part's Retry-After
 * given as an HTTP date is lost; such parts fall back to exponential back-off. (Delta seconds,
 * which SharePoint sends, are kept.)
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { isHttpRequestError, ThrottledError, DataOperation, parseRetryAfter } from './errors';
import { RETRYABLE_STATUSES, retryDelayMs, ThrottlingRetryOptions } from './sp';

/** Outcome of one batch part. */
export type PartResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * One batch part: issues exactly one request on the batched SPFI it is given, synchronously
 * (PnPjs registers the request when it is invoked, and `execute` only waits for registered ones).
 */
export type BatchPart<T> = (batched: SPFI) => Promise<T>;

/** Options of {@link runBatch}. */
export interface RunBatchOptions extends Omit<ThrottlingRetryOptions, 'fetch'> {
  /** Parts per `$batch` request; PnPjs sends larger batches as several requests in turn (default 20, PnPjs's own default). */
  maxRequests?: number;
  /** Operation named in a ThrottledError. */
  operation?: DataOperation;
  /** List named in a ThrottledError. */
  list?: string;
  /**
   * Whether the part at this index may be sent twice without harm (a read, or a write guarded by an
   * ETag). Default: every part when `operation` is 'read', none otherwise.
   */
  idempotent?: (index: number) => boolean;
  /** Retries on its own of a part that timed out, was failed by another part, or met a 409 (default 3). */
  partRetries?: number;
  /** Called once per `$batch` round, for tests and diagnostics. */
  onRound?: (round: number, parts: number) => void;
}

/** Whether a part's error is SharePoint throttling it, with the part's Retry-After header. */
function throttledPart(error: unknown): { status: number; retryAfter: string | undefined } | undefined {
  if (!isHttpRequestError(error) || RETRYABLE_STATUSES.indexOf(error.status) < 0) return undefined;
  return { status: error.status, retryAfter: error.response?.headers?.get('Retry-After') ?? undefined };
}

const defaultSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sleeps as the options say (replaceable in tests). */
export function batchSleep(options: RunBatchOptions, ms: number): Promise<void> {
  return (options.sleep ?? defaultSleep)(ms);
}

/** Runs the parts in one `$batch` round (split into requests of `maxRequests`) and returns each outcome in order. */
export async function executeBatchRound<T>(sp: SPFI, parts: ReadonlyArray<BatchPart<T>>, options: RunBatchOptions = {}): Promise<PartResult<T>[]> {
  const [batched, execute] = sp.batched({ maxRequests: options.maxRequests ?? 20 });
  // Handlers are attached before execute() so no part's rejection is ever unhandled.
  const outcomes = parts.map((part) =>
    part(batched).then(
      (value): PartResult<T> => ({ ok: true, value }),
      (error: unknown): PartResult<T> => ({ ok: false, error })
    )
  );
  await execute();
  return Promise.all(outcomes);
}

/**
 * What to do with a failed part after `round` rounds: `retryInMs` when it was throttled and
 * may be retried, a ThrottledError when it was throttled once too often, or undefined when it
 * failed for another reason (the caller keeps the original error).
 */
export function throttlingDecision(
  error: unknown,
  round: number,
  options: RunBatchOptions
): { retryInMs: number } | { error: ThrottledError } | undefined {
  const throttled = throttledPart(error);
  if (!throttled) return undefined;
  const wait = round <= (options.retries ?? 5) ? retryDelayMs(throttled.retryAfter, round, options) : undefined;
  if (wait) return { retryInMs: wait.ms };
  return {
    error: new ThrottledError(round, parseRetryAfter(throttled.retryAfter, (options.now ?? Date.now)()), {
      operation: options.operation ?? 'batch',
      list: options.list,
      status: throttled.status,
      cause: error
    })
  };
}

/**
 * Why a part failed, when the failure says nothing about the part itself:
 * - `cascade`: 500 "Index was outside the bounds of the array", which SharePoint Online answers for
 *   every part after a failed one (pnp/pnpjs issues #486 and #1275);
 * - `timeout`: 500 "The operation has timed out", which real batches have returned per part;
 * - `conflict`: 409 Save Conflict, a write that collided with a concurrent one and was not applied.
 * Undefined for any other failure.
 */
export function transientPart(error: unknown): 'cascade' | 'timeout' | 'conflict' | undefined {
  if (!isHttpRequestError(error)) return undefined;
  if (error.status === 409) return 'conflict';
  if (error.status !== 500) return undefined;
  const text = error.message ?? '';
  if (/Index was outside the bounds of the array/i.test(text)) return 'cascade';
  if (/The operation has timed out/i.test(text)) return 'timeout';
  return undefined;
}

/**
 * Whether a failed part is sent again on its own (in a `$batch` of one, so no other part can make
 * it fail): a 409 always (it was not applied), a cascade or timeout only when the part is
 * idempotent (a read, or a write guarded by an ETag), since either may have been applied.
 * Returns the back-off before the retry, or undefined.
 */
export function aloneRetryMs(error: unknown, attempt: number, idempotent: boolean, options: RunBatchOptions): number | undefined {
  const kind = transientPart(error);
  if (!kind || (kind !== 'conflict' && !idempotent) || attempt > (options.partRetries ?? 3)) return undefined;
  return retryDelayMs(undefined, attempt, options)?.ms ?? 0;
}

/** One part of a round and whether it is sent in a `$batch` of its own. */
export interface RoundPart<T> {
  part: BatchPart<T>;
  alone?: boolean;
}

/** Runs a round: the shared parts in one `$batch`, each `alone` part in a `$batch` of its own, all at once. */
export async function executeMixedRound<T>(sp: SPFI, parts: ReadonlyArray<RoundPart<T>>, options: RunBatchOptions = {}): Promise<PartResult<T>[]> {
  const shared = parts.map((p, i) => ({ p, i })).filter((x) => !x.p.alone);
  const alone = parts.map((p, i) => ({ p, i })).filter((x) => x.p.alone);
  const results: PartResult<T>[] = new Array(parts.length);
  const rounds = [
    shared.length > 0
      ? executeBatchRound(sp, shared.map((x) => x.p.part), options).then((r) => r.forEach((o, k) => (results[shared[k].i] = o)))
      : Promise.resolve(),
    ...alone.map((x) => executeBatchRound(sp, [x.p.part], options).then((r) => (results[x.i] = r[0])))
  ];
  await Promise.all(rounds);
  return results;
}

/**
 * Runs the parts in one `$batch` (or as few as `maxRequests` allows) and returns each part's
 * outcome in order. Throttled parts are retried in further rounds; when retries run out they
 * fail with ThrottledError. A part failed by another part (cascade), timed out or answered 409 is
 * retried on its own where {@link aloneRetryMs} allows; otherwise its failure is returned, never
 * counted as done. A failure of the whole `$batch` request rejects.
 */
export async function runBatch<T>(sp: SPFI, parts: ReadonlyArray<BatchPart<T>>, options: RunBatchOptions = {}): Promise<PartResult<T>[]> {
  const results: PartResult<T>[] = new Array(parts.length);
  let pending = parts.map((part, index) => ({ part, index, alone: false, transient: 0 }));
  for (let round = 1; pending.length > 0; round++) {
    options.onRound?.(round, pending.length);
    const settled = await executeMixedRound(sp, pending, options);
    const again: typeof pending = [];
    let waitMs = 0;
    settled.forEach((outcome, i) => {
      const entry = pending[i];
      if (outcome.ok) {
        results[entry.index] = outcome;
        return;
      }
      const idempotent = options.idempotent ? options.idempotent(entry.index) : options.operation === 'read';
      const aloneMs = aloneRetryMs(outcome.error, entry.transient + 1, idempotent, options);
      if (aloneMs !== undefined) {
        again.push({ ...entry, alone: true, transient: entry.transient + 1 });
        waitMs = Math.max(waitMs, aloneMs);
        return;
      }
      const decision = throttlingDecision(outcome.error, round, options);
      if (decision && 'retryInMs' in decision) {
        again.push(entry);
        waitMs = Math.max(waitMs, decision.retryInMs);
      } else {
        results[entry.index] = decision ? { ok: false, error: decision.error } : outcome;
      }
    });
    pending = again;
    if (pending.length > 0) await batchSleep(options, waitMs);
  }
  return results;
}
