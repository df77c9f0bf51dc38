/**
 * The benchmark's gzip proxy in front of a server: text answers come back gzipped (and
 * identical once unzipped) when the client accepts gzip, other answers and clients untouched,
 * and the Host header reaches the server as the client sent it (the local host builds its links from it).
 */
import { createServer, request, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { GzipProxy, startGzipProxy } from '../../bench/gzipProxy';

const JSON_BODY = JSON.stringify({ value: Array.from({ length: 200 }, (_, i) => ({ Id: i, Title: `Objective ${i}` })) });

let server: Server;
let proxy: GzipProxy;
let seenHost: string | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    seenHost = req.headers.host;
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/font') {
        res.writeHead(200, { 'content-type': 'font/woff' });
        res.end(Buffer.from([1, 2, 3, 4]));
      } else if (req.method === 'POST') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`echo:${body}`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json;odata=nometadata' });
        res.end(JSON_BODY);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy = await startGzipProxy(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function get(path: string, headers: Record<string, string>, body?: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${proxy.url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('gzip proxy', () => {
  it('gzips a JSON answer for a client that accepts gzip, unchanged once unzipped and smaller', async () => {
    const answer = await get('/sites/ssm/_api/web/lists', { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString('utf8')).toBe(JSON_BODY);
    expect(answer.body.length).toBeLessThan(JSON_BODY.length / 3);
  });

  it('passes the answer through for a client that does not accept gzip, and fonts always', async () => {
    const plain = await get('/x', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(JSON_BODY);
    const font = await get('/font', { 'accept-encoding': 'gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect([...font.body]).toEqual([1, 2, 3, 4]);
  });

  it('forwards request bodies and the Host header the client sent', async () => {
    const answer = await get('/sites/ssm/_api/$batch', { host: 'example.test:1234' }, '--batch_1--');
    expect(answer.body.toString('utf8')).toBe('echo:--batch_1--');
    expect(seenHost).toBe('example.test:1234');
  });
});
