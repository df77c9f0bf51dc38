/**
 * A fake Microsoft Graph behind an injected fetch: `$batch` of sendMail requests into an
 * outbox, with a per-item decision hook (throttle an item, refuse it) and a request counter.
 */
export interface FakeMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
}

export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: { message?: { subject?: string; body?: { content?: string }; toRecipients?: Array<{ emailAddress: { address: string } }>; ccRecipients?: Array<{ emailAddress: { address: string } }> } };
}

/** Per item: undefined to accept, or a status (and Retry-After) to answer instead. */
export type ItemDecision = (item: BatchItem, to: string) => { status: number; retryAfter?: string } | undefined;

export class FakeGraph {
  public outbox: FakeMail[] = [];
  public batchPosts = 0;
  public batchSizes: number[] = [];
  public authHeaders: string[] = [];
  public decide?: ItemDecision;
  /** Answer the whole $batch with this status once, then clear. */
  public outerFailure?: { status: number; retryAfter?: string };

  public readonly fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers = new Headers(init?.headers);
    this.authHeaders.push(headers.get('authorization') ?? '');
    if (!/\/v1\.0\/\$batch$/.test(url) || (init?.method ?? 'GET') !== 'POST') return new Response('not found', { status: 404 });
    this.batchPosts++;
    if (this.outerFailure) {
      const f = this.outerFailure;
      this.outerFailure = undefined;
      return new Response(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Slow down' } }), {
        status: f.status,
        headers: { 'content-type': 'application/json', ...(f.retryAfter ? { 'retry-after': f.retryAfter } : {}) }
      });
    }
    const body = JSON.parse(String(init?.body)) as { requests: BatchItem[] };
    if (body.requests.length > 20) return new Response(JSON.stringify({ error: { code: 'BadRequest', message: 'Too many' } }), { status: 400, headers: { 'content-type': 'application/json' } });
    this.batchSizes.push(body.requests.length);
    const responses = body.requests.map((item) => {
      const to = item.body?.message?.toRecipients?.[0]?.emailAddress.address ?? '';
      const d = this.decide?.(item, to);
      if (d) {
        return { id: item.id, status: d.status, headers: { 'content-type': 'application/json', ...(d.retryAfter ? { 'Retry-After': d.retryAfter } : {}) }, body: { error: { code: 'Refused', message: `Refused with ${d.status}` } } };
      }
      const from = /^\/users\/([^/]+)\/sendMail$/.exec(item.url)?.[1] ?? (item.url === '/me/sendMail' ? 'me' : '?');
      const m = item.body?.message ?? {};
      this.outbox.push({
        from: decodeURIComponent(from),
        to: (m.toRecipients ?? []).map((r) => r.emailAddress.address),
        cc: (m.ccRecipients ?? []).map((r) => r.emailAddress.address),
        subject: m.subject ?? '',
        html: m.body?.content ?? ''
      });
      return { id: item.id, status: 202, headers: { 'request-id': `req-${this.outbox.length}` } };
    });
    return new Response(JSON.stringify({ responses }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}
