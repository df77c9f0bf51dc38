/**
 * A Microsoft Graph client (microsoft-graph-client v3) for the backend and the local host:
 * a bearer token from an injected provider, then fetch. The library's RetryHandler is left out
 * on purpose: throttling of `$batch` requests and of their items is handled by GraphMailer,
 * which knows which items may be resent. In SPFx the web part passes MSGraphClientV3 instead.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Options of {@link createGraphClient}. */
export interface GraphClientOptions {
  /** Service root without the version, e.g. "https://graph.microsoft.com" or the local host's origin. */
  baseUrl: string;
  /** Returns an access token for Graph (app-only in the timer app; any non-empty value for the local host). */
  getToken: () => Promise<string>;
  /** fetch implementation; defaults to the global fetch at call time (tests inject a fake Graph). */
  fetch?: typeof fetch;
}

/** Adds `Authorization: Bearer` to every request (the library's AuthenticationHandler only does so for Graph's own hosts). */
class BearerMiddleware implements Middleware {
  private next?: Middleware;

  public constructor(private readonly getToken: () => Promise<string>) {}

  public async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    const options = context.options ?? {};
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...options, headers: headersToObject(headers) };
    if (!this.next) throw new Error('Graph middleware chain has no fetch handler.');
    await this.next.execute(context);
  }

  public setNext(next: Middleware): void {
    this.next = next;
  }
}

function headersToObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Last handler: performs the request with the injected (or global) fetch. */
class FetchMiddleware implements Middleware {
  public constructor(private readonly fetchImpl?: typeof fetch) {}

  public execute(context: Context): Promise<void> {
    const doFetch = this.fetchImpl ?? fetch;
    // The middleware contract is to set context.response; the context is ours alone here.
    return doFetch(context.request, context.options as RequestInit).then((response) => {
      context.response = response;
    });
  }
}

/** Builds a Graph client for a base URL and token provider. */
export function createGraphClient(options: GraphClientOptions): Client {
  const bearer = new BearerMiddleware(options.getToken);
  bearer.setNext(new FetchMiddleware(options.fetch));
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.replace(/\/+$/, '') + '/',
    defaultVersion: 'v1.0',
    middleware: bearer
  });
}
