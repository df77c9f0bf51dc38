/**
 * Sends reminder emails with Graph `sendMail`, grouped into JSON `$batch` requests of at most
 * 20 (Graph's limit). Graph answers a batch with 200 and a status per item; items answered 429
 * or 503 were not processed, so they (and only they) are sent again in a new batch after their
 * Retry-After, a bounded number of times. Items that were accepted (202) are never resent.
 */
import { BatchRequestContent, GraphError } from '@microsoft/microsoft-graph-client';
import type { BatchRequestStep, Client } from '@microsoft/microsoft-graph-client';
import { lazyStrings } from '../loc/lazy';
import { formatCount, formatString } from '../components/format';

/** Graph's maximum number of requests in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

/** Item statuses meaning "not processed, try again later". */
const RETRYABLE = [429, 503];

/** Who the mail is sent as. */
export type MailSender =
  /** App-only: the configured shared mailbox (`POST /users/{mailbox}/sendMail`). */
  | { readonly kind: 'mailbox'; readonly address: string }
  /** Delegated: the signed-in user (`POST /me/sendMail`). */
  | { readonly kind: 'me' };

/** One email to send. */
export interface OutgoingMail {
  /** Caller's identifier, echoed in the outcome (the reminder key). */
  readonly key: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly html: string;
}

/** What happened to one email. */
export type MailOutcome =
  /** Graph accepted it (202); `requestId` is Graph's request id of the item, when given. */
  | { readonly key: string; readonly status: 'sent'; readonly requestId: string }
  /** Graph refused it, or it stayed throttled after every retry: not sent. */
  | { readonly key: string; readonly status: 'failed'; readonly httpStatus: number; readonly detail: string }
  /** No answer (network failure): Graph may or may not have sent it. */
  | { readonly key: string; readonly status: 'unknown'; readonly detail: string };

/** Options of {@link GraphMailer}. */
export interface GraphMailerOptions {
  readonly sender: MailSender;
  /** Items per `$batch` (1 to 20; default 20). */
  readonly batchSize?: number;
  /** Retries of throttled items after the first attempt (default 5). */
  readonly maxRetries?: number;
  /** Longest Retry-After honoured, in seconds (default 120); a longer one fails the item instead. */
  readonly maxWaitSeconds?: number;
  /** Wait used when an item is throttled without Retry-After, in seconds (default 5). */
  readonly defaultRetryAfterSeconds?: number;
  /** Whether Graph keeps a copy in Sent Items (default true: people can check what was sent). */
  readonly saveToSentItems?: boolean;
  /** Waits; injectable so tests need no real time. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The part of the Graph client used (microsoft-graph-client's Client, or SPFx's MSGraphClientV3). */
export type GraphApi = Pick<Client, 'api'>;

/** One item of a `$batch` response. */
interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const defaultSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Header value by case-insensitive name. */
function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) return headers[k];
  return undefined;
}

/** Retry-After in whole seconds (delta-seconds or HTTP date), or undefined. */
export function retryAfterSeconds(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return parseInt(trimmed, 10);
  const when = Date.parse(trimmed);
  return isNaN(when) ? undefined : Math.max(0, Math.ceil((when - now) / 1000));
}

function errorText(body: unknown): string {
  const message = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (message && (typeof message.message === 'string' || typeof message.code === 'string')) {
    return [message.code, message.message].filter((s) => typeof s === 'string' && s).join(': ');
  }
  return typeof body === 'string' ? body : '';
}

/** Sends emails through Graph JSON batching; counts the `$batch` requests it makes. */
export class GraphMailer {
  /** `$batch` requests made so far. */
  public batchRequests: number = 0;
  private readonly batchSize: number;

  public constructor(private readonly client: GraphApi, private readonly options: GraphMailerOptions) {
    this.batchSize = options.batchSize ?? GRAPH_BATCH_LIMIT;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > GRAPH_BATCH_LIMIT) {
      throw new RangeError(formatString(lazyStrings.GraphMailBatchSize, GRAPH_BATCH_LIMIT, String(options.batchSize)));
    }
    if (options.sender.kind === 'mailbox' && !options.sender.address.trim()) {
      throw new RangeError(lazyStrings.GraphMailNoMailbox);
    }
  }

  /** Largest number of emails {@link sendBatch} accepts. */
  public get maxBatch(): number {
    return this.batchSize;
  }

  /** Sends every email, `batchSize` at a time; outcomes in input order. */
  public async sendAll(mails: readonly OutgoingMail[]): Promise<MailOutcome[]> {
    const out: MailOutcome[] = [];
    for (let i = 0; i < mails.length; i += this.batchSize) out.push(...(await this.sendBatch(mails.slice(i, i + this.batchSize))));
    return out;
  }

  /**
   * Sends up to `batchSize` emails in one `$batch`, then resends only the throttled ones (each
   * wait is the longest Retry-After among them) until none is left or retries run out.
   * Outcomes are in input order.
   */
  public async sendBatch(mails: readonly OutgoingMail[]): Promise<MailOutcome[]> {
    if (mails.length > this.batchSize) throw new RangeError(formatString(lazyStrings.GraphMailTooMany, this.batchSize, mails.length));
    const outcomes = new Map<string, MailOutcome>();
    const maxRetries = this.options.maxRetries ?? 5;
    const maxWait = this.options.maxWaitSeconds ?? 120;
    let pending = mails.slice();
    for (let attempt = 0; pending.length > 0; attempt++) {
      const throttled = await this.postOnce(pending, outcomes);
      if (throttled.length === 0) break;
      const waitSeconds = Math.max(...throttled.map((t) => t.retryAfter ?? this.options.defaultRetryAfterSeconds ?? 5));
      if (attempt >= maxRetries || waitSeconds > maxWait) {
        const why =
          attempt >= maxRetries
            ? formatCount(maxRetries, lazyStrings.GraphMailStillThrottledOne, lazyStrings.GraphMailStillThrottledMany)
            : formatCount(waitSeconds, lazyStrings.GraphMailWaitTooLongOne, lazyStrings.GraphMailWaitTooLongMany, maxWait);
        for (const t of throttled) outcomes.set(t.mail.key, { key: t.mail.key, status: 'failed', httpStatus: t.status, detail: formatString(lazyStrings.GraphMailBusy, why) });
        break;
      }
      await (this.options.sleep ?? defaultSleep)(waitSeconds * 1000);
      pending = throttled.map((t) => t.mail);
    }
    return mails.map((m) => {
      const found = outcomes.get(m.key);
      if (!found) throw new Error(`No outcome recorded for ${m.key}.`);
      return found;
    });
  }

  private url(): string {
    const s = this.options.sender;
    return s.kind === 'me' ? '/me/sendMail' : `/users/${encodeURIComponent(s.address.trim())}/sendMail`;
  }

  private payload(mail: OutgoingMail): unknown {
    const address = (a: string): { emailAddress: { address: string } } => ({ emailAddress: { address: a } });
    return {
      message: {
        subject: mail.subject,
        body: { contentType: 'HTML', content: mail.html },
        toRecipients: mail.to.map(address),
        ccRecipients: mail.cc.map(address)
      },
      saveToSentItems: this.options.saveToSentItems ?? true
    };
  }

  /** One `$batch` POST; records final outcomes and returns the throttled items. */
  private async postOnce(
    mails: readonly OutgoingMail[],
    outcomes: Map<string, MailOutcome>
  ): Promise<Array<{ mail: OutgoingMail; status: number; retryAfter?: number }>> {
    // Step urls are relative to the version root; BatchRequestContent strips scheme and host
    // from the Request's absolute URL, so the origin below is only a placeholder and is never contacted.
    const steps: BatchRequestStep[] = mails.map((mail, i) => ({
      id: String(i + 1),
      request: new Request(`https://graph.microsoft.com${this.url()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(this.payload(mail))
      })
    }));
    const content = await new BatchRequestContent(steps).getContent();
    this.batchRequests++;
    let body: { responses?: BatchItemResponse[] };
    try {
      body = (await this.client.api('/$batch').post(content)) as { responses?: BatchItemResponse[] };
    } catch (e) {
      const status = e instanceof GraphError ? e.statusCode : -1;
      if (status > 0 && RETRYABLE.indexOf(status) >= 0) {
        // The whole batch was throttled: nothing in it was processed.
        const after = retryAfterSeconds((e as GraphError).headers?.get('Retry-After') ?? undefined);
        return mails.map((mail) => ({ mail, status, retryAfter: after }));
      }
      if (status > 0) {
        const detail = formatString(lazyStrings.GraphMailBatchRefused, status, (e as Error).message);
        for (const mail of mails) outcomes.set(mail.key, { key: mail.key, status: 'failed', httpStatus: status, detail });
        return [];
      }
      // No HTTP answer: the request may or may not have reached Graph, so these are neither
      // sent nor failed; the caller must not resend them blindly.
      const detail = formatString(lazyStrings.GraphMailNoAnswer, e instanceof Error ? e.message : String(e));
      for (const mail of mails) outcomes.set(mail.key, { key: mail.key, status: 'unknown', detail });
      return [];
    }
    const byId = new Map<string, BatchItemResponse>();
    for (const r of body?.responses ?? []) byId.set(String(r.id), r);
    const throttled: Array<{ mail: OutgoingMail; status: number; retryAfter?: number }> = [];
    mails.forEach((mail, i) => {
      const r = byId.get(String(i + 1));
      if (!r) {
        // Graph answered the batch but not this item: we cannot tell whether it was sent.
        outcomes.set(mail.key, { key: mail.key, status: 'unknown', detail: lazyStrings.GraphMailNoItemAnswer });
        return;
      }
      if (r.status >= 200 && r.status < 300) {
        outcomes.set(mail.key, { key: mail.key, status: 'sent', requestId: header(r.headers, 'request-id') ?? header(r.headers, 'client-request-id') ?? '' });
      } else if (RETRYABLE.indexOf(r.status) >= 0) {
        throttled.push({ mail, status: r.status, retryAfter: retryAfterSeconds(header(r.headers, 'Retry-After')) });
      } else {
        outcomes.set(mail.key, { key: mail.key, status: 'failed', httpStatus: r.status, detail: formatString(lazyStrings.GraphMailRefused, r.status, errorText(r.body)) });
      }
    });
    return throttled;
  }
}
