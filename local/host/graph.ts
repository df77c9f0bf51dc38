/**
 * The Microsoft Graph subset of the local host: sendMail (for a user or /me) into the
 * outbox, /me, and JSON `$batch` (at most 20 requests, faults decided per request so single
 * items can be throttled with their own Retry-After).
 */
import { randomUUID } from 'node:crypto';
import type { FaultInjector } from './faults';
import type { HostRequest, HostResponse } from './sharepoint';
import { HostUser, Store, spNow } from './store';

/** What Graph requests need. */
export interface GraphContext {
  store: Store;
  /** The signed-in user for /me. */
  user: HostUser;
  faults: FaultInjector;
}

/** Graph's maximum number of requests in one JSON batch. */
export const GRAPH_BATCH_LIMIT = 20;

class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

function graphJson(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): HostResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'request-id': requestId, 'client-request-id': requestId, ...extra },
    body: JSON.stringify(body)
  };
}

function graphError(e: GraphError, requestId: string): HostResponse {
  return graphJson(
    e.status,
    { error: { code: e.code, message: e.message, innerError: { date: spNow(), 'request-id': requestId, 'client-request-id': requestId } } },
    requestId,
    e.headers
  );
}

/** The Graph error a fault decision produces (429 or 503 with Retry-After). */
export function graphFault(kind: 'throttle' | 'unavailable', retryAfterSeconds: number, requestId: string): HostResponse {
  const e =
    kind === 'throttle'
      ? new GraphError(429, 'TooManyRequests', 'Too many requests. Retry after the interval in the Retry-After header.', { 'retry-after': String(retryAfterSeconds) })
      : new GraphError(503, 'ServiceNotAvailable', 'The service is temporarily unavailable. Retry after the interval in the Retry-After header.', { 'retry-after': String(retryAfterSeconds) });
  return graphError(e, requestId);
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function recipients(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new GraphError(400, 'ErrorInvalidRecipients', `${field} must be an array of recipients.`);
  return v.map((r) => {
    const address = (r as { emailAddress?: { address?: unknown } })?.emailAddress?.address;
    if (typeof address !== 'string' || !EMAIL.test(address)) throw new GraphError(400, 'ErrorInvalidRecipients', `At least one recipient is not valid: ${JSON.stringify(r)}.`);
    return address;
  });
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sendMail(ctx: GraphContext, from: string, body: unknown, requestId: string): HostResponse {
  const message = (body as { message?: Record<string, unknown> } | null)?.message;
  if (!message || typeof message !== 'object') throw new GraphError(400, 'ErrorInvalidRequest', 'The request body must contain a message.');
  const to = recipients(message.toRecipients, 'toRecipients');
  const cc = recipients(message.ccRecipients, 'ccRecipients');
  if (to.length + cc.length + recipients(message.bccRecipients, 'bccRecipients').length === 0) {
    throw new GraphError(400, 'ErrorInvalidRecipients', 'At least one recipient is required.');
  }
  const content = (message.body as { content?: unknown; contentType?: unknown } | undefined) ?? {};
  const text = typeof content.content === 'string' ? content.content : '';
  const html = String(content.contentType ?? 'Text').toLowerCase() === 'html' ? text : escapeHtml(text);
  ctx.store.addMail({ requestId, from, to, cc, subject: typeof message.subject === 'string' ? message.subject : '', html, sentAt: spNow() });
  return { status: 202, headers: { 'request-id': requestId, 'client-request-id': requestId } };
}

function resolveSender(ctx: GraphContext, idOrEmail: string): string {
  const decoded = decodeURIComponent(idOrEmail);
  if (/^\d+$/.test(decoded)) {
    const u = ctx.store.userById(Number(decoded));
    if (u) return u.email;
  } else if (EMAIL.test(decoded)) {
    // A shared mailbox need not be a site user; Graph accepts any mailbox the app may send as.
    return ctx.store.userByLogin(decoded)?.email ?? decoded;
  }
  throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${decoded}' is invalid.`);
}

function dispatch(ctx: GraphContext, method: string, path: string, body: unknown, requestId: string): HostResponse {
  const clean = path.replace(/\?.*$/, '').replace(/\/+$/, '');
  const me = /^\/me$/i.test(clean);
  if (me && method === 'GET') {
    const u = ctx.user;
    return graphJson(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity', id: String(u.id), displayName: u.title, mail: u.email, userPrincipalName: u.email }, requestId);
  }
  const send = /^\/(?:me|users\/([^/]+))\/sendMail$/i.exec(clean);
  if (send && method === 'POST') return sendMail(ctx, send[1] ? resolveSender(ctx, send[1]) : ctx.user.email, body, requestId);
  throw new GraphError(501, 'NotImplemented', `The local host does not implement ${method} /v1.0${clean}.`);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new GraphError(400, 'BadRequest', `Unable to read JSON request payload: ${(e as Error).message}`);
  }
}

function batch(ctx: GraphContext, body: unknown, requestId: string): HostResponse {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: requests must be an array.');
  if (requests.length > GRAPH_BATCH_LIMIT) throw new GraphError(400, 'BadRequest', `Invalid batch payload format: a batch can contain at most ${GRAPH_BATCH_LIMIT} requests.`);
  const ids = new Set<string>();
  const statuses = new Map<string, number>();
  const responses = requests.map((raw) => {
    const r = raw as { id?: unknown; method?: unknown; url?: unknown; body?: unknown; headers?: Record<string, string>; dependsOn?: unknown };
    if (typeof r.id !== 'string' || typeof r.method !== 'string' || typeof r.url !== 'string') {
      throw new GraphError(400, 'BadRequest', 'Invalid batch payload format: each request needs id, method and url.');
    }
    if (ids.has(r.id)) throw new GraphError(400, 'BadRequest', `Invalid batch payload format: duplicate request id '${r.id}'.`);
    ids.add(r.id);
    const itemId = randomUUID();
    const done = (res: HostResponse): { id: string; status: number; headers: Record<string, string>; body?: unknown } => {
      statuses.set(r.id as string, res.status);
      const out: { id: string; status: number; headers: Record<string, string>; body?: unknown } = { id: r.id as string, status: res.status, headers: res.headers };
      if (res.body) out.body = JSON.parse(res.body);
      return out;
    };
    const deps = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    if (deps.some((d) => (statuses.get(d) ?? 0) >= 400 || !statuses.has(d))) {
      return done(graphError(new GraphError(424, 'FailedDependency', 'A request this request depends on failed.'), itemId));
    }
    const path = r.url.startsWith('/') ? r.url : `/${r.url}`;
    const decision = ctx.faults.decide(`/v1.0${path}`);
    if (decision.kind !== 'none') return done(graphFault(decision.kind, decision.retryAfterSeconds, itemId));
    if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      return done(graphError(new GraphError(400, 'BadRequest', 'Content-Type header must be specified for a request with a body.'), itemId));
    }
    try {
      return done(dispatch(ctx, r.method.toUpperCase(), path, r.body, itemId));
    } catch (e) {
      if (e instanceof GraphError) return done(graphError(e, itemId));
      throw e;
    }
  });
  return graphJson(200, { responses }, requestId);
}

/** Handles a request below /v1.0 (faults for the whole request are applied by the caller). */
export function handleGraph(ctx: GraphContext, req: HostRequest): HostResponse {
  const requestId = req.headers['client-request-id'] ?? randomUUID();
  try {
    if (!/^bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const path = req.url.pathname.replace(/^\/v1\.0/i, '');
    const body = parseJson(req.body);
    if (/^\/\$batch$/i.test(path) && req.method === 'POST') return batch(ctx, body, requestId);
    return dispatch(ctx, req.method, path, body, requestId);
  } catch (e) {
    if (e instanceof GraphError) return graphError(e, requestId);
    throw e;
  }
}
