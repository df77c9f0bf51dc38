/**
 * The one PnPjs setup file: every SPFI the product uses is built here, with the same
 * throttling behaviour, so SharePoint's 429/503 handling lives in one place.
 */
import { spfi, SPFI, SPFx, DefaultHeaders, DefaultInit, RequestDigest, ISPFXContext } from '@pnp/sp';
import { DefaultParse, InjectHeaders, IQueryableInternal, Queryable } from '@pnp/queryable';
import { TimelinePipe } from '@pnp/core';
import { DataOperation, ThrottledError, parseRetryAfter } from './errors';

/** Options of {@link ThrottlingRetry}. */
export interface ThrottlingRetryOptions {
  /** Retries after the first attempt (default 5). */
  retries?: number;
  /**
   * Longest single wait in seconds (default 120). A Retry-After longer than this is not
   * shortened (that would only earn more throttling): the request fails with ThrottledError.
   */
  maxWaitSeconds?: number;
  /** First back-off delay in milliseconds when the server gives no Retry-After (default 500; doubles each retry). */
  baseDelayMs?: number;
  /** Waits; replaceable so unit tests need no real time. */
  sleep?: (ms: number) => Promise<void>;
  /** Clock for HTTP-date Retry-After values; replaceable in tests. */
  now?: () => number;
  /** fetch implementation; defaults to the global fetch at call time. */
  fetch?: typeof fetch;
}

/** HTTP statuses SharePoint uses for throttling and "server too busy". */
export const RETRYABLE_STATUSES: readonly number[] = [429, 503];

/** The product's version in the traffic tag (kept equal to package.json's version; a test checks). */
export const PRODUCT_VERSION = '0.4.0';

/** Company named in the traffic tag unless the caller names its own. */
export const DEFAULT_COMPANY = 'SharedServices';

/**
 * The tag Microsoft asks non-ISV apps to send so SharePoint Online can tell their traffic apart
 * ("Avoid getting throttled or blocked in SharePoint Online": `NONISV|CompanyName|AppName/Version`,
 * https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 */
export function clientTag(company = DEFAULT_COMPANY, version = PRODUCT_VERSION): string {
  return `NONISV|${company.replace(/[|\s]/g, '')}|SharedServicesMonitoring/${version}`;
}

/**
 * Headers carrying the traffic tag. A browser forbids scripts to set User-Agent (fetch drops it
 * silently), so in a web part the tag goes in X-ClientService-ClientTag, the header the same
 * Microsoft guidance names for that case; Node scripts send the User-Agent itself.
 */
export function clientTagHeaders(inBrowser: boolean, company?: string): Record<string, string> {
  const tag = clientTag(company);
  return inBrowser ? { 'X-ClientService-ClientTag': tag } : { 'User-Agent': tag, 'X-ClientService-ClientTag': tag };
}

/** Statuses retried with back-off and then handed on: 409 Save Conflict means the write was not applied. */
export const SAVE_CONFLICT_STATUS = 409;

/** Retries of a 409 Save Conflict before the 409 is handed on (and surfaced as ConflictError). */
export const SAVE_CONFLICT_RETRIES = 3;

/**
 * The pause before the next request that the draft-03 RateLimit headers ask for: SharePoint Online
 * sends RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (seconds) once an app has used 80%
 * of its budget ("Avoid getting throttled...", section on RateLimit headers). With less than a
 * tenth of the budget left the remaining requests are spread over the reset window, so the client
 * slows down before SharePoint answers 429. Undefined when no pause is needed.
 */
export function rateLimitPauseMs(headers: Pick<Headers, 'get'>): number | undefined {
  const limit = Number(headers.get('RateLimit-Limit'));
  const remaining = Number(headers.get('RateLimit-Remaining'));
  const reset = Number(headers.get('RateLimit-Reset'));
  if (!Number.isFinite(limit) || limit <= 0 || !Number.isFinite(remaining) || !Number.isFinite(reset) || reset <= 0) return undefined;
  if (headers.get('RateLimit-Remaining') === null || remaining >= limit * 0.1) return undefined;
  return Math.ceil((reset * 1000) / Math.max(remaining, 1));
}

/** What a raw request was doing, for the ThrottledError raised on it. */
function operationOf(url: string, init: RequestInit): DataOperation {
  if (/\/_api\/\$batch/i.test(url)) return 'batch';
  const headers = new Headers(init.headers);
  const method = (headers.get('X-HTTP-Method') ?? init.method ?? 'GET').toUpperCase();
  if (method === 'GET') return 'read';
  if (method === 'MERGE' || method === 'PATCH' || method === 'PUT') return 'update';
  if (method === 'DELETE') return 'remove';
  return 'add';
}

const defaultSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Computes how long to wait before retry number `retry` (1-based): the server's Retry-After when
 * given, otherwise exponential back-off. Returns undefined when Retry-After exceeds the limit.
 */
export function retryDelayMs(
  retryAfterHeader: string | undefined,
  retry: number,
  options: Pick<ThrottlingRetryOptions, 'baseDelayMs' | 'maxWaitSeconds' | 'now'> = {}
): { ms: number; retryAfterSeconds?: number } | undefined {
  const maxMs = (options.maxWaitSeconds ?? 120) * 1000;
  const retryAfterSeconds = parseRetryAfter(retryAfterHeader, (options.now ?? Date.now)());
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms > maxMs ? undefined : { ms, retryAfterSeconds };
  }
  const backoff = (options.baseDelayMs ?? 500) * Math.pow(2, retry - 1);
  return { ms: Math.min(backoff, maxMs) };
}

/**
 * Send behaviour that retries 429 and 503 answers, honouring Retry-After in seconds or as an
 * HTTP date, with exponential back-off otherwise; after the last retry it throws ThrottledError.
 *
 * PnPjs v4's BrowserFetchWithRetry is not used because it reads Retry-After with parseInt only
 * (an HTTP date becomes NaN, i.e. no wait at all), has no ceiling on the wait, and also retries
 * network errors, which could repeat a write that did reach the server. A 429/503 answer means
 * SharePoint did not process the request, so retrying it (including a whole `$batch`) cannot
 * duplicate a write.
 */
export function ThrottlingRetry(options: ThrottlingRetryOptions = {}): TimelinePipe<Queryable> {
  const retries = options.retries ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  // Shared by every request through this behaviour: the time before which RateLimit headers asked us to wait.
  let calmUntil = 0;
  return (instance: Queryable) => {
    instance.on.send.replace(async function (this: IQueryableInternal, url: URL, init: RequestInit): Promise<Response> {
      const doFetch = options.fetch ?? fetch;
      const target = url.toString();
      let conflicts = 0;
      for (let attempt = 1; ; attempt++) {
        const pause = calmUntil - now();
        if (pause > 0) {
          this.log(`RateLimit: waiting ${pause} ms before ${target}`, 1);
          await sleep(pause);
        }
        this.log(`Fetch: ${init.method ?? 'GET'} ${target} (attempt ${attempt})`, 0);
        const response = await doFetch(target, init);
        const calm = rateLimitPauseMs(response.headers);
        if (calm !== undefined) calmUntil = Math.max(calmUntil, now() + calm);
        if (response.status === SAVE_CONFLICT_STATUS && conflicts < SAVE_CONFLICT_RETRIES) {
          // Not applied: safe to send again after a back-off; after the last retry the 409 is handed on.
          conflicts++;
          const wait = retryDelayMs(undefined, conflicts, options);
          await sleep(wait ? wait.ms : 0);
          continue;
        }
        if (RETRYABLE_STATUSES.indexOf(response.status) < 0) return response;
        const retryAfter = response.headers.get('Retry-After') ?? undefined;
        const wait = attempt <= retries ? retryDelayMs(retryAfter, attempt, options) : undefined;
        if (!wait) {
          throw new ThrottledError(attempt, parseRetryAfter(retryAfter, (options.now ?? Date.now)()), {
            operation: operationOf(target, init),
            status: response.status,
            cause: new Error(`${init.method ?? 'GET'} ${target} answered ${response.status} ${response.statusText}`)
          });
        }
        this.log(`Throttled (${response.status}); retrying in ${wait.ms} ms`, 1);
        await sleep(wait.ms);
      }
    });
    return instance;
  };
}

/** Options of {@link getSPForUrl}. */
export interface SPForUrlOptions {
  /** A form digest the page already has, so the first write needs no `_api/contextinfo` call. */
  digest?: string;
  /** Seconds the handed-in digest stays valid (SharePoint's default is 1800; we keep a margin). */
  digestTimeoutSeconds?: number;
  /** Extra headers on every request (e.g. the local host's `X-SSM-User` persona header). */
  headers?: Record<string, string>;
  /** Throttling behaviour settings. */
  retry?: ThrottlingRetryOptions;
  /** Company named in the traffic tag (default {@link DEFAULT_COMPANY}). */
  company?: string;
}

/** Builds the SPFI for a web part: SPFx context (URL, digest) plus our throttling behaviour. */
export function getSP(context: ISPFXContext, retry?: ThrottlingRetryOptions, company?: string): SPFI {
  // SPFx() installs BrowserFetchWithRetry; ThrottlingRetry replaces that send handler.
  return spfi().using(SPFx(context), ThrottlingRetry(retry), InjectHeaders(clientTagHeaders(true, company)));
}

/**
 * Builds an SPFI for an absolute web URL, for Node scripts, the local host and the workbench.
 * A digest handed in is used until it expires, then RequestDigest fetches a fresh one.
 */
export function getSPForUrl(webUrl: string, options: SPForUrlOptions = {}): SPFI {
  const handedIn = options.digest;
  const expiration = new Date(Date.now() + ((options.digestTimeoutSeconds ?? 1800) - 60) * 1000);
  const behaviours: TimelinePipe[] = [
    DefaultHeaders(),
    DefaultInit(),
    ThrottlingRetry(options.retry),
    DefaultParse(),
    RequestDigest(() => (handedIn ? { value: handedIn, expiration } : undefined)),
    InjectHeaders(clientTagHeaders(typeof window !== 'undefined', options.company))
  ];
  if (options.headers) behaviours.push(InjectHeaders(options.headers));
  return spfi(webUrl).using(...behaviours);
}
