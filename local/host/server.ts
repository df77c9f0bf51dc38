/**
 * The local Microsoft 365 host: one node:http server answering the SharePoint REST subset
 * at `/sites/ssm/_api`, the Graph subset at `/v1.0`, admin endpoints at `/_admin`, and
 * optionally static files (the workbench) at `/`. Anything else answers 501, never a fake
 * success.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { isoDateOf } from '../../src/domain/calendar';
import { datedSampleData, personas as samplePersonas, sampleData } from '../sample-data';
import type { Persona, SampleData } from '../sample-data/types';
import { FaultConfig, FaultConfigError, FaultInjector, faultsFromEnv, validateFaults } from './faults';
import { graphFault, handleGraph } from './graph';
import { addMissingSchemaFields, seedStore } from './seed';
import { DIGEST_TIMEOUT_SECONDS, HostRequest, HostResponse, SpContext, errorResponse, handleSharePoint, issueDigest } from './sharepoint';
import { SpError } from './errors';
import { serveFile } from './files';
import { HostUser, SentMail, Store } from './store';

export type { FaultConfig } from './faults';
export type { SentMail } from './store';

/** Server-relative URL of the site. */
export const SITE_PATH = '/sites/ssm';

/** Options of {@link startLocalHost}. */
export interface LocalHostOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** SQLite file, or ':memory:' (default). */
  dbFile?: string;
  /**
   * Seed a new database: true for the sample data, or the data to use. The site users are
   * always created so an unseeded site still has its personas. Ignored for an existing file.
   */
  seed?: boolean | SampleData;
  /**
   * The day the sample data (`seed: true`) is dated for, YYYY-MM-DD; default the host's today.
   * Tests that read the reference year pin it to REFERENCE_TODAY; data passed as `seed` is used as given.
   */
  today?: string;
  /** Personas (permissions) of the seeded users; default the sample personas. */
  personas?: readonly Persona[];
  /** Initial faults; default from SSM_FAULT_* environment variables. */
  faults?: FaultConfig;
  /** Folder served at / (the workbench page). */
  staticDir?: string;
  /** Largest request body accepted, in bytes; larger ones answer 413. Default {@link DEFAULT_MAX_BODY_BYTES}. */
  maxBodyBytes?: number;
}

/** A running host. */
export interface LocalHost {
  /** Origin, e.g. http://127.0.0.1:4321; the site is at `${url}/sites/ssm`. */
  url: string;
  /** Absolute web URL of the site. */
  webUrl: string;
  close(): Promise<void>;
  setFaults(f: FaultConfig): void;
  /** Faults injected since the last setFaults, by kind. */
  faultsInjected(): { throttle: number; unavailable: number; reset: number; cascade: number; timeout: number; conflict: number };
  outbox(): SentMail[];
  requestLog(): { method: string; path: string }[];
  resetRequestLog(): void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

/**
 * Largest request body the host accepts by default: 100 MB. SharePoint refuses oversized
 * requests too; before this limit a body over about 512 MB crashed the host (a string that long
 * cannot be made). Larger bodies answer 413 and are never held in memory.
 */
export const DEFAULT_MAX_BODY_BYTES = 100 * 1024 * 1024;

/** What is read of an oversized body after answering 413, before the connection is cut. */
const DRAIN_AFTER_LIMIT_BYTES = 64 * 1024 * 1024;

/** The body, or `undefined` when it is over the limit (its bytes were counted, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      // Known to be too large before a byte arrives: nothing is read into memory.
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (over) return;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** After a 413: let the rest of the body drain (discarded) for a while, then close the connection. */
function discardRest(req: IncomingMessage): void {
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > DRAIN_AFTER_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Whether a request to `/_admin/*` comes from another site: its Origin is not the host's own, or
 * the browser says (Sec-Fetch-Site) it was made cross-site. A page elsewhere could otherwise
 * wipe the local data with a plain form POST to `/_admin/reset`. Tools (curl, tests) send
 * neither header and are let through.
 */
export function isCrossOrigin(headers: Record<string, string>, ownOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = headers.origin;
  return origin !== undefined && origin !== ownOrigin;
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function send(res: ServerResponse, r: HostResponse): void {
  if (r.bytes) {
    // A file's content ($value): sent as the bytes stored, never through a string.
    res.writeHead(r.status, { ...r.headers, 'content-length': r.bytes.byteLength });
    res.end(r.bytes);
    return;
  }
  const body = r.body ?? '';
  res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const adminJson = (status: number, body: unknown): HostResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body, null, 2)
});

const plainError = (status: number, message: string): HostResponse => adminJson(status, { error: { code: String(status), message } });

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the host; resolves once it listens. */
export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const store = new Store(options.dbFile ?? ':memory:');
  const personas = options.personas ?? samplePersonas;
  // The sample data is dated when it is seeded, so a site reset tomorrow is dated for tomorrow.
  const dated = (): SampleData => datedSampleData(sampleData, options.today ?? isoDateOf(new Date()));
  const seedData = (): SampleData | undefined => (options.seed === true ? dated() : options.seed ? options.seed : undefined);
  const faults = new FaultInjector(options.faults ?? faultsFromEnv(process.env));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let log: { method: string; path: string }[] = [];

  const initialise = (data: SampleData | undefined): void => {
    if (data) {
      seedStore(store, data, personas);
    } else {
      // An unseeded site still has its users, so provisioning can run as the editor.
      store.transaction(() => {
        for (const u of sampleData.users) {
          const persona = personas.find((p) => p.userId === u.id);
          store.addUser({ id: u.id, title: u.displayName, email: u.email, isSiteAdmin: persona?.role === 'editor', canEdit: persona ? persona.canEdit : true });
          store.addDirectoryPerson({ title: u.displayName, email: u.email });
        }
        for (const p of sampleData.directory ?? []) store.addDirectoryPerson({ title: p.displayName, email: p.email });
      });
    }
    store.setMeta('digestSecret', randomBytes(32).toString('hex'));
    store.setMeta('initialisedAt', new Date().toISOString());
  };
  if (store.getMeta('initialisedAt') === undefined) initialise(seedData());
  // A data file from an older version lacks the newer columns: add them, as provisioning would.
  else {
    addMissingSchemaFields(store);
    // A data file from before the directory: its site users and the sample's directory people.
    if (!store.hasDirectory()) {
      for (const u of store.users()) store.addDirectoryPerson({ title: u.title, email: u.email });
      for (const p of sampleData.directory ?? []) store.addDirectoryPerson({ title: p.displayName, email: p.email });
    }
  }

  const currentUser = (headers: Record<string, string>): HostUser => {
    const cookie = /(?:^|;\s*)ssm-user=([^;]*)/.exec(headers.cookie ?? '');
    const who = headers['x-ssm-user'] ?? (cookie ? decodeURIComponent(cookie[1]) : undefined);
    if (who === undefined || who.trim() === '') {
      const first = store.users()[0];
      if (!first) throw new SpError(401, '-2147024891, System.UnauthorizedAccessException', 'The local site has no users.');
      return first;
    }
    const user = /^\d+$/.test(who.trim()) ? store.userById(Number(who.trim())) : store.userByLogin(who.trim());
    if (!user) throw new SpError(401, '-2147024891, System.UnauthorizedAccessException', `The local host does not know the user '${who}'.`);
    return user;
  };

  /**
   * A SharePoint page hands its scripts `_spPageContextInfo` with the web URL and a fresh form
   * digest; doing the same for HTML pages lets the workbench skip the contextinfo round trip.
   */
  const withPageContext = (html: string, webUrl: string): string => {
    const info = {
      webAbsoluteUrl: webUrl,
      formDigestValue: issueDigest(store.getMeta('digestSecret') ?? ''),
      formDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS
    };
    const script = `<script>window._spPageContextInfo=${JSON.stringify(info).replace(/</g, '\\u003c')};</script>`;
    return html.includes('</head>') ? html.replace('</head>', `${script}</head>`) : script + html;
  };

  const serveStatic = async (pathname: string, webUrl: string): Promise<HostResponse | undefined> => {
    if (!options.staticDir) return undefined;
    const root = path.resolve(options.staticDir);
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) return plainError(403, 'Outside the static folder.');
    try {
      const stat = await fs.stat(file);
      const target = stat.isDirectory() ? path.join(file, 'index.html') : file;
      const content = await fs.readFile(target);
      const isHtml = path.extname(target).toLowerCase() === '.html';
      return {
        status: 200,
        headers: { 'content-type': CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' },
        body: isHtml ? Buffer.from(withPageContext(content.toString('utf8'), webUrl), 'utf8').toString('binary') : content.toString('binary')
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };

  const admin = async (method: string, url: URL, body: string): Promise<HostResponse> => {
    const p = url.pathname.replace(/\/+$/, '');
    if (p === '/_admin/outbox' && method === 'GET') return adminJson(200, store.outbox());
    if (p === '/_admin/outbox' && method === 'DELETE') {
      store.clearOutbox();
      return { status: 204, headers: {} };
    }
    if (p === '/_admin/faults' && method === 'GET') return adminJson(200, faults.get());
    if (p === '/_admin/faults' && method === 'POST') {
      try {
        faults.set(validateFaults(body.trim() === '' ? {} : JSON.parse(body)));
      } catch (e) {
        if (e instanceof FaultConfigError || e instanceof SyntaxError) return plainError(400, e.message);
        throw e;
      }
      return adminJson(200, faults.get());
    }
    if (p === '/_admin/reset' && method === 'POST') {
      const reseed = url.searchParams.get('seed');
      store.wipe();
      const data = reseed === 'false' ? undefined : seedData() ?? (reseed === 'true' ? dated() : undefined);
      initialise(data);
      return adminJson(200, { reset: true, seeded: data !== undefined });
    }
    if (p === '/_admin/requests' && method === 'GET') return adminJson(200, log);
    if (p === '/_admin/requests' && method === 'DELETE') {
      log = [];
      return { status: 204, headers: {} };
    }
    return plainError(501, `The local host does not implement ${method} ${url.pathname}.`);
  };

  let origin = '';
  /** Drops the connection as a reset does (the client sees ECONNRESET / "other side closed"). */
  const dropConnection = (res: ServerResponse): void => {
    res.socket?.resetAndDestroy();
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers = lowerHeaders(req);
    // Links (odata.nextLink, odata.id) use the origin the client addressed, as SharePoint does.
    const reqOrigin = headers.host && /^[\w.:[\]-]+$/.test(headers.host) ? `http://${headers.host}` : origin;
    const url = new URL(req.url ?? '/', reqOrigin);
    const isAdmin = url.pathname.startsWith('/_admin');
    if (isAdmin && isCrossOrigin(headers, reqOrigin)) {
      // Refused before the body is read: nothing a cross-site page sends is acted on.
      discardRest(req);
      return send(res, { ...plainError(403, 'The local host’s /_admin endpoints accept requests from its own pages and from tools only, not from other sites.'), headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } });
    }
    const raw = await readBody(req, maxBody);
    if (raw === undefined) {
      discardRest(req);
      const tooLarge = new SpError(413, '-2147024809, System.ArgumentException', `The request is larger than the ${maxBody} bytes the local host accepts.`);
      const r = errorResponse(tooLarge, headers);
      return send(res, { ...r, headers: { ...r.headers, connection: 'close' } });
    }
    const body = raw.toString('utf8');
    if (!isAdmin) log.push({ method, path: req.url ?? '/' });
    if (isAdmin) return send(res, await admin(method, url, body));

    const isSp = url.pathname.toLowerCase().startsWith(`${SITE_PATH}/_api/`);
    const isGraph = /^\/v1\.0(\/|$)/i.test(url.pathname);
    if (isSp || isGraph) {
      const latency = faults.latency(url.pathname);
      if (latency > 0) await delay(latency);
      const reset = faults.reset(url.pathname);
      if (reset === 'before') return dropConnection(res);
      // Graph $batch is throttled per inner request, so the outer request is never faulted.
      const graphBatch = isGraph && /^\/v1\.0\/\$batch$/i.test(url.pathname);
      const decision = graphBatch ? { kind: 'none' as const } : faults.decide(url.pathname);
      if (decision.kind !== 'none') {
        if (isGraph) return send(res, graphFault(decision.kind, decision.retryAfterSeconds, headers['client-request-id'] ?? 'fault'));
        const status = decision.kind === 'throttle' ? 429 : 503;
        const message =
          decision.kind === 'throttle'
            ? 'The request has been throttled. Retry after the interval in the Retry-After header.'
            : 'The service is temporarily unavailable. Retry after the interval in the Retry-After header.';
        return send(res, errorResponse(new SpError(status, `${status}, Microsoft.SharePoint.SPRequestThrottledException`, message, { 'retry-after': String(decision.retryAfterSeconds) }), headers));
      }
      let user: HostUser;
      try {
        user = currentUser(headers);
      } catch (e) {
        if (e instanceof SpError) return send(res, errorResponse(e, headers));
        throw e;
      }
      const hostReq: HostRequest = { method, url, headers, body, bytes: raw };
      if (isGraph) {
        const answer = handleGraph({ store, user, faults }, hostReq);
        return reset === 'after' ? dropConnection(res) : send(res, answer);
      }
      const ctx: SpContext = {
        store,
        webUrl: `${reqOrigin}${SITE_PATH}`,
        webPath: SITE_PATH,
        user,
        digestSecret: store.getMeta('digestSecret') ?? '',
        partFault: (path, write, inBatch) => faults.part(path, write, inBatch)
      };
      const handled = handleSharePoint(ctx, hostReq);
      const answer = { ...handled, headers: { ...handled.headers, ...faults.rateLimitHeaders(url.pathname) } };
      return reset === 'after' ? dropConnection(res) : send(res, answer);
    }
    if ((method === 'GET' || method === 'HEAD') && url.pathname.toLowerCase().startsWith(`${SITE_PATH.toLowerCase()}/`)) {
      // A library file's own address (the "Open the Word paper" link), for whoever may read the site.
      let user: HostUser | undefined;
      try {
        user = currentUser(headers);
      } catch (e) {
        if (!(e instanceof SpError)) throw e;
      }
      const stored = user ? serveFile({ store, webUrl: `${reqOrigin}${SITE_PATH}`, webPath: SITE_PATH, user, digestSecret: '' }, url.pathname) : undefined;
      if (stored) {
        if (method === 'HEAD') {
          res.writeHead(stored.status, { ...stored.headers, 'content-length': stored.bytes?.byteLength ?? 0 });
          res.end();
          return;
        }
        return send(res, stored);
      }
    }
    if (method === 'GET' || method === 'HEAD') {
      const file = await serveStatic(url.pathname, `${reqOrigin}${SITE_PATH}`);
      if (file) {
        res.writeHead(file.status, file.headers);
        res.end(method === 'HEAD' ? undefined : Buffer.from(file.body ?? '', 'binary'));
        return;
      }
    }
    send(res, plainError(501, `The local host does not implement ${method} ${url.pathname}.`));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // A bug in the host: answer 500 with the message so the client sees it, and log it.
      console.error('local host error', e);
      if (!res.headersSent) send(res, plainError(500, e instanceof Error ? e.message : String(e)));
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    webUrl: `${origin}${SITE_PATH}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => {
          store.close();
          if (err) reject(err);
          else resolve();
        });
      }),
    setFaults: (f: FaultConfig) => faults.set(f),
    faultsInjected: () => ({ ...faults.injected }),
    outbox: () => store.outbox(),
    requestLog: () => [...log],
    resetRequestLog: () => {
      log = [];
    }
  };
}
