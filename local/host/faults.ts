/**
 * Fault injection: added latency, throttling (429 with Retry-After), unavailability (503) and
 * dropped connections (the socket reset, as ECONNRESET reaches a client), for a share of requests whose path matches a pattern. With a `seed` the sequence of
 * faults is reproducible, so tests can assert on it.
 */
import { prng } from '../sample-data/generate';

/** Faults to inject. Rates are probabilities from 0 to 1. */
export interface FaultConfig {
  /** Delay added to every matching request, in milliseconds. */
  latencyMs?: number;
  /** Share of matching requests answered 429 Too Many Requests. */
  rate429?: number;
  /** Retry-After seconds sent with a 429 or 503 (default 1). */
  retryAfterSeconds?: number;
  /** Share of matching requests answered 503 Service Unavailable. */
  rate503?: number;
  /** Share of matching requests whose connection is reset instead of answered. */
  rateReset?: number;
  /**
   * Whether a reset request is processed first (the answer is lost: the client cannot tell
   * whether it took effect) rather than dropped unread. Default false.
   */
  resetAfterProcessing?: boolean;
  /** Regular expression the path of a reset request must match (default: `pathPattern`). */
  resetPathPattern?: string;
  /** Regular expression a request path must match (default: every SharePoint and Graph path). */
  pathPattern?: string;
  /**
   * Share of `$batch` parts that fail with 500, after which every later part of the same batch
   * answers 500 "Index was outside the bounds of the array" without being processed, as
   * SharePoint Online has been reported to do (pnp/pnpjs issues #486 and #1275).
   */
  rateBatchCascade?: number;
  /** Share of `$batch` parts answered 500 "The operation has timed out" (not processed), as real batches have returned. */
  rateBatchTimeout?: number;
  /**
   * Share of item writes (add, update, delete; alone or inside a batch) answered 409 Save Conflict
   * (not processed), as SharePoint answers concurrent writes to the same item.
   */
  rate409?: number;
  /**
   * RateLimit-Remaining sent with every SharePoint answer (with RateLimit-Limit 100 and RateLimit-Reset
   * `retryAfterSeconds`), as SharePoint Online sends draft-03 headers once an app has used 80% of its budget.
   */
  rateLimitRemaining?: number;
  /** Seed of the pseudo-random sequence; same seed, same faults. */
  seed?: number;
}

/** What happens to one `$batch` part or write. */
export type PartFault = 'none' | 'cascade' | 'timeout' | 'conflict';

/** What to do with one request. */
export type FaultDecision = { kind: 'none' } | { kind: 'throttle' | 'unavailable'; retryAfterSeconds: number };

/** Thrown for an invalid fault configuration (answered 400 by the admin endpoint). */
export class FaultConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultConfigError';
  }
}


/** Validates a fault configuration received as JSON. */
export function validateFaults(input: unknown): FaultConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultConfigError('The fault configuration must be a JSON object.');
  const raw = input as Record<string, unknown>;
  const allowed = ['latencyMs', 'rate429', 'retryAfterSeconds', 'rate503', 'rateReset', 'resetAfterProcessing', 'resetPathPattern', 'pathPattern', 'seed', 'rateBatchCascade', 'rateBatchTimeout', 'rate409', 'rateLimitRemaining'];
  for (const k of Object.keys(raw)) if (!allowed.includes(k)) throw new FaultConfigError(`Unknown fault setting "${k}".`);
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = raw[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new FaultConfigError(`${k} must be a number from ${min} to ${max}.`);
    return v;
  };
  const config: FaultConfig = {
    latencyMs: num('latencyMs', 0, 60000),
    rate429: num('rate429', 0, 1),
    retryAfterSeconds: num('retryAfterSeconds', 0, 3600),
    rate503: num('rate503', 0, 1),
    rateReset: num('rateReset', 0, 1),
    rateBatchCascade: num('rateBatchCascade', 0, 1),
    rateBatchTimeout: num('rateBatchTimeout', 0, 1),
    rate409: num('rate409', 0, 1),
    rateLimitRemaining: num('rateLimitRemaining', 0, 100),
    seed: num('seed', -2147483648, 4294967295)
  };
  if (raw.resetAfterProcessing !== undefined && raw.resetAfterProcessing !== null) {
    if (typeof raw.resetAfterProcessing !== 'boolean') throw new FaultConfigError('resetAfterProcessing must be true or false.');
    config.resetAfterProcessing = raw.resetAfterProcessing;
  }
  for (const k of ['pathPattern', 'resetPathPattern'] as const) {
    const v = raw[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw new FaultConfigError(`${k} must be a string.`);
    try {
      new RegExp(v);
    } catch (e) {
      throw new FaultConfigError(`${k} is not a valid regular expression: ${(e as Error).message}`);
    }
    config[k] = v;
  }
  for (const k of Object.keys(config) as Array<keyof FaultConfig>) if (config[k] === undefined) delete config[k];
  return config;
}

/** Reads SSM_FAULT_* environment variables; undefined when none is set. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultConfig | undefined {
  const pick: Record<string, string | undefined> = {
    latencyMs: env.SSM_FAULT_LATENCY_MS,
    rate429: env.SSM_FAULT_RATE_429,
    rate503: env.SSM_FAULT_RATE_503,
    retryAfterSeconds: env.SSM_FAULT_RETRY_AFTER,
    seed: env.SSM_FAULT_SEED
  };
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(pick)) if (v !== undefined && v !== '') raw[k] = Number(v);
  if (env.SSM_FAULT_PATH) raw.pathPattern = env.SSM_FAULT_PATH;
  return Object.keys(raw).length > 0 ? validateFaults(raw) : undefined;
}

/** Decides faults request by request. */
export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private pattern: RegExp | undefined;
  private resetPattern: RegExp | undefined;

  constructor(config?: FaultConfig) {
    this.set(config ?? {});
  }

  /** Replaces the configuration (and restarts the seeded sequence). */
  set(config: FaultConfig): void {
    this.config = validateFaults(config);
    this.random = this.config.seed !== undefined ? prng(this.config.seed) : Math.random;
    this.pattern = this.config.pathPattern ? new RegExp(this.config.pathPattern) : undefined;
    this.resetPattern = this.config.resetPathPattern ? new RegExp(this.config.resetPathPattern) : this.pattern;
    if (this.injected) this.injected.throttle = this.injected.unavailable = this.injected.reset = this.injected.cascade = this.injected.timeout = this.injected.conflict = 0;
  }

  /** The current configuration. */
  get(): FaultConfig {
    return { ...this.config };
  }

  /** Latency to add to a request on this path. */
  latency(path: string): number {
    return this.matches(path) ? this.config.latencyMs ?? 0 : 0;
  }

  private matches(path: string): boolean {
    return this.pattern ? this.pattern.test(path) : true;
  }

  /** Faults injected since the configuration was last set, by kind (tests check a fault really happened). */
  readonly injected = { throttle: 0, unavailable: 0, reset: 0, cascade: 0, timeout: 0, conflict: 0 };

  /**
   * The fault of one request on `path` (a `$batch` part when `inBatch`): a 409 for a write, or,
   * inside a batch, a cascading failure or a timeout. Each is answered without processing it.
   */
  part(path: string, write: boolean, inBatch: boolean): PartFault {
    if (!this.matches(path)) return 'none';
    if (write && this.config.rate409 && this.random() < this.config.rate409) {
      this.injected.conflict++;
      return 'conflict';
    }
    if (!inBatch) return 'none';
    if (this.config.rateBatchCascade && this.random() < this.config.rateBatchCascade) {
      this.injected.cascade++;
      return 'cascade';
    }
    if (this.config.rateBatchTimeout && this.random() < this.config.rateBatchTimeout) {
      this.injected.timeout++;
      return 'timeout';
    }
    return 'none';
  }

  /** The draft-03 RateLimit headers to send on `path`, if configured. */
  rateLimitHeaders(path: string): Record<string, string> {
    if (this.config.rateLimitRemaining === undefined || !this.matches(path)) return {};
    return { 'RateLimit-Limit': '100', 'RateLimit-Remaining': String(this.config.rateLimitRemaining), 'RateLimit-Reset': String(this.config.retryAfterSeconds ?? 1) };
  }

  /** Whether the connection of this request on `path` is reset, and when: before or after it is processed. */
  reset(path: string): 'none' | 'before' | 'after' {
    if ((this.resetPattern && !this.resetPattern.test(path)) || !this.config.rateReset || this.random() >= this.config.rateReset) return 'none';
    this.injected.reset++;
    return this.config.resetAfterProcessing ? 'after' : 'before';
  }

  /** Whether this request on `path` is throttled, unavailable or served. */
  decide(path: string): FaultDecision {
    if (!this.matches(path)) return { kind: 'none' };
    const retryAfterSeconds = this.config.retryAfterSeconds ?? 1;
    if (this.config.rate429 && this.random() < this.config.rate429) {
      this.injected.throttle++;
      return { kind: 'throttle', retryAfterSeconds };
    }
    if (this.config.rate503 && this.random() < this.config.rate503) {
      this.injected.unavailable++;
      return { kind: 'unavailable', retryAfterSeconds };
    }
    return { kind: 'none' };
  }
}
