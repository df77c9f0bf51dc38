/**
 * The local host under hostile or careless clients: a 600 MB body (streamed, never allocated
 * by the test) answers 413 and the host keeps serving; every malformed OData query answers 400,
 * a very deep `$filter` included; a bad multipart header line is echoed bounded; and the
 * `/_admin/*` endpoints refuse cross-origin requests, so a form POST from another site cannot
 * wipe the data.
 */
import { request } from 'node:http';
import { LocalHost, startLocalHost } from '../../local/host/server';
import { SCHEMA } from '../../src/data/schema';

const JSON_ACCEPT = { Accept: 'application/json' };
const enc = encodeURIComponent;

let host: LocalHost;
let api: string;

const items = (): string => `${api}/web/lists/getByTitle('${enc(SCHEMA.services.title)}')/items`;

beforeAll(async () => {
  host = await startLocalHost({ seed: true });
  api = `${host.webUrl}/_api`;
});

afterAll(async () => {
  await host?.close();
});

/**
 * POSTs `totalBytes` of zeros in 1 MB chunks (one buffer, reused) and resolves with the status
 * as soon as the host answers, stopping the upload there. `chunked` leaves out Content-Length.
 */
function streamBody(totalBytes: number, chunked: boolean): Promise<{ status: number; sent: number; body: string }> {
  const chunk = Buffer.alloc(1024 * 1024);
  return new Promise((resolve, reject) => {
    const url = new URL(`${api}/web/lists/getByTitle('${enc(SCHEMA.services.title)}')/items`);
    let sent = 0;
    let answered = false;
    const req = request(
      { method: 'POST', hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { ...JSON_ACCEPT, 'Content-Type': 'application/json', ...(chunked ? {} : { 'Content-Length': String(totalBytes) }) } },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, sent, body });
        });
      }
    );
    // The host may close the connection once it has answered; that is expected.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = (): void => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('request body limit', () => {
  it.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true]
  ])('a 600 MB body %s answers 413 and the host keeps serving', async (_name, chunked) => {
    const result = await streamBody(600 * 1024 * 1024, chunked);
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/larger than the \d+ bytes the local host accepts/);
    // It stopped long before the whole body had to be sent.
    expect(result.sent).toBeLessThan(600 * 1024 * 1024);
    const after = await fetch(items(), { headers: JSON_ACCEPT });
    expect(after.status).toBe(200);
  }, 120_000);
});

describe('malformed OData queries answer 400, never 500', () => {
  const cases: Array<[string, string]> = [
    ['a very deep $filter', `$filter=${'('.repeat(5000)}Id eq 1${')'.repeat(5000)}`],
    // Within Node's 16 KB request line: longer URLs are refused earlier, with 431.
    ['a deep chain of not', `$filter=${'not '.repeat(1000)}Id eq 1`],
    ['a very long $filter', `$filter=${Array.from({ length: 600 }, () => 'Id eq 1').join(' or ')}`],
    ['an unfinished comparison', '$filter=Title eq'],
    ['an unterminated string', "$filter=Title eq 'abc"],
    ['an unknown character', '$filter=Title eq #1'],
    ['unbalanced parentheses', '$filter=(Title eq 1'],
    ['a bad $orderby', '$orderby=Title sideways'],
    ['a bad $skiptoken', '$skiptoken=garbage'],
    ['a non-numeric $top', '$top=abc']
  ];

  it.each(cases)('%s', async (_name, query) => {
    const response = await fetch(`${items()}?${query.replace(/ /g, '%20').replace(/#/g, '%23')}`, { headers: JSON_ACCEPT });
    const text = await response.text();
    expect(response.status).toBe(400);
    // The query is echoed bounded, never whole.
    expect(text.length).toBeLessThan(2000);
  });
});

describe('multipart', () => {
  it('echoes a bad header line bounded', async () => {
    const boundary = 'batch_x';
    const huge = `X-Bad${'a'.repeat(100_000)}`;
    const body = `--${boundary}\r\nContent-Type: application/http\r\n${huge}\r\n\r\nGET ${items()} HTTP/1.1\r\n\r\n--${boundary}--\r\n`;
    const digest = ((await (await fetch(`${api}/contextinfo`, { method: 'POST', headers: JSON_ACCEPT })).json()) as { FormDigestValue: string }).FormDigestValue;
    const response = await fetch(`${api}/$batch`, { method: 'POST', headers: { ...JSON_ACCEPT, 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'X-RequestDigest': digest }, body });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toMatch(/Invalid header line/);
    expect(text.length).toBeLessThan(2000);
  });
});

describe('/_admin/* and other sites', () => {
  const own = (): string => host.url;

  it('refuses a cross-origin form POST to /_admin/reset, and the data stays', async () => {
    const before = ((await (await fetch(items(), { headers: JSON_ACCEPT })).json()) as { value: unknown[] }).value.length;
    expect(before).toBeGreaterThan(0);
    const variants: Array<Record<string, string>> = [
      { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null', 'Content-Type': 'text/plain' },
      { 'Sec-Fetch-Site': 'same-site' }
    ];
    for (const headers of variants) {
      const r = await fetch(`${own()}/_admin/reset?seed=false`, { method: 'POST', headers, body: 'x=1' });
      expect(r.status).toBe(403);
    }
    const faults = await fetch(`${own()}/_admin/faults`, { method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: '{"rate503":1}' });
    expect(faults.status).toBe(403);
    const outbox = await fetch(`${own()}/_admin/outbox`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(outbox.status).toBe(403);
    const after = ((await (await fetch(items(), { headers: JSON_ACCEPT })).json()) as { value: unknown[] }).value.length;
    expect(after).toBe(before);
  });

  it('still serves the host’s own pages and tools', async () => {
    expect((await fetch(`${own()}/_admin/faults`, { headers: { Origin: own(), 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
    expect((await fetch(`${own()}/_admin/outbox`)).status).toBe(200);
    expect((await fetch(`${own()}/_admin/faults`, { headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
  });
});
