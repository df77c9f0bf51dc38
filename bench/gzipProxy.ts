/**
 * A compressing front for the local host, used by the emulated-network runs: SharePoint Online
 * and its CDN answer REST calls and scripts with gzip, the local host does not, so without this
 * a 20 Mbit/s link would carry several times the bytes a council's browser really downloads.
 * It forwards every request unchanged (the Host header too, so the host's links point back
 * here) and gzips text answers when the browser accepts gzip.
 */
import { createServer, request as httpRequest, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

/** A running proxy. */
export interface GzipProxy {
  /** Origin of the proxy, e.g. http://127.0.0.1:40123. */
  url: string;
  close(): Promise<void>;
}

/** Whether an answer of this type is compressed (text: JSON, multipart $batch answers, scripts, HTML, CSS). */
export function compressible(contentType: string | undefined): boolean {
  return /^(application\/(json|javascript)|text\/|multipart\/mixed)/i.test(contentType ?? '');
}

/** Starts the proxy in front of `target` (an origin such as http://127.0.0.1:4321). */
export async function startGzipProxy(target: string): Promise<GzipProxy> {
  const to = new URL(target);
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, 'accept-encoding': 'identity' } },
      (answer) => {
        const headers = { ...answer.headers };
        const gzip = /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? '')) && compressible(answer.headers['content-type']) && answer.statusCode !== 204;
        if (!gzip) {
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          return;
        }
        delete headers['content-length'];
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(createGzip({ level: 6 })).pipe(res);
      }
    );
    upstream.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The benchmark's gzip proxy could not reach the local host: ${e.message}`);
    });
    req.pipe(upstream);
  };
  const server: Server = createServer(forward);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      })
  };
}
