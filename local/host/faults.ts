/**
 * Fault injection: added latency and throttling (429 with Retry-After) or unavailability
 * (503), for a share of requests whose path matches a pattern. With a `seed` the sequence of
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
  /** Regular expression a request path must match (default: every SharePoint and Graph path). */
  pathPattern?: string;
  /** Seed of the pseudo-random sequence; same seed, same faults. */
  seed?: number;
}

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
  const allowed = ['latencyMs', 'rate429', 'retryAfterSeconds', 'rate503', 'pathPattern', 'seed'];
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
    seed: num('seed', -2147483648, 4294967295)
  };
  if (raw.pathPattern !== undefined && raw.pathPattern !== null) {
    if (typeof raw.pathPattern !== 'string') throw new FaultConfigError('pathPattern must be a string.');
    try {
      new RegExp(raw.pathPattern);
    } catch (e) {
      throw new FaultConfigError(`pathPattern is not a valid regular expression: ${(e as Error).message}`);
    }
    config.pathPattern = raw.pathPattern;
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

  constructor(config?: FaultConfig) {
    this.set(config ?? {});
  }

  /** Replaces the configuration (and restarts the seeded sequence). */
  set(config: FaultConfig): void {
    this.config = validateFaults(config);
    this.random = this.config.seed !== undefined ? prng(this.config.seed) : Math.random;
    this.pattern = this.config.pathPattern ? new RegExp(this.config.pathPattern) : undefined;
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

  /** Whether this request on `path` is throttled, unavailable or served. */
  decide(path: string): FaultDecision {
    if (!this.matches(path)) return { kind: 'none' };
    const retryAfterSeconds = this.config.retryAfterSeconds ?? 1;
    if (this.config.rate429 && this.random() < this.config.rate429) return { kind: 'throttle', retryAfterSeconds };
    if (this.config.rate503 && this.random() < this.config.rate503) return { kind: 'unavailable', retryAfterSeconds };
    return { kind: 'none' };
  }
}
