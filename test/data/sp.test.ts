/**
 * ThrottlingRetry and getSPForUrl with a scripted fetch: Retry-After in seconds and as an
 * HTTP date, exponential back-off, the retry ceiling, and digests handed in.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { clientTag, clientTagHeaders, getSP, getSPForUrl, PRODUCT_VERSION, rateLimitPauseMs, retryDelayMs } from '../../src/data/sp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ThrottledError, toDataAccessError, ListMissingError } from '../../src/data/errors';
import { fakeFetch, json, spError } from './support/fakeFetch';

const WEB = 'https://contoso.sharepoint.com/sites/ssm';

function recorder(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('ThrottlingRetry', () => {
  it('waits the seconds Retry-After gives, then succeeds', async () => {
    const f = fakeFetch(() => spError(429, '-2147024860', 'Throttled', { 'Retry-After': '2' }), () => json({ Title: 'SSM' }));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep } });
    const web = await sp.web.select('Title')();
    expect(web.Title).toBe('SSM');
    expect(waits).toEqual([2000]);
    expect(f.calls).toHaveLength(2);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    const now = Date.parse(date) - 3000;
    const f = fakeFetch(() => spError(503, '-1', 'Server too busy', { 'Retry-After': date }), () => json({ Title: 'SSM' }));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep, now: () => now } });
    await sp.web.select('Title')();
    expect(waits).toEqual([3000]);
  });

  it('backs off exponentially when there is no Retry-After', async () => {
    const busy = (): Response => spError(503, '-1', 'Server too busy');
    const f = fakeFetch(busy, busy, busy, () => json({ Title: 'SSM' }));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep, baseDelayMs: 100 } });
    await sp.web.select('Title')();
    expect(waits).toEqual([100, 200, 400]);
    expect(f.calls).toHaveLength(4);
  });

  it('throws ThrottledError after the last retry', async () => {
    const f = fakeFetch(() => spError(429, '-2147024860', 'Throttled', { 'Retry-After': '1' }));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep, retries: 2 } });
    const error = await sp.web.select('Title')().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).attempts).toBe(3);
    expect((error as ThrottledError).retryAfterSeconds).toBe(1);
    expect((error as ThrottledError).message).toMatch(/SharePoint is busy/);
    expect(f.calls).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('does not shorten a Retry-After beyond the ceiling: it fails at once', async () => {
    const f = fakeFetch(() => spError(429, '-2147024860', 'Throttled', { 'Retry-After': '600' }));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep, maxWaitSeconds: 120 } });
    const error = await sp.web.select('Title')().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterSeconds).toBe(600);
    expect(f.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry other errors, and they convert to typed errors', async () => {
    const f = fakeFetch(() =>
      spError(404, '-1, System.ArgumentException', "List 'SSM Objectives' does not exist at site with URL 'https://contoso.sharepoint.com/sites/ssm'.")
    );
    const { sleep } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep } });
    const raw = await sp.web.lists.getByTitle('SSM Objectives').items().catch((e: unknown) => e);
    const error = await toDataAccessError(raw, { operation: 'read', list: 'objectives' });
    expect(f.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ListMissingError);
    expect(error.message).toContain('Set up lists');
    expect(error.serverMessage).toMatch(/does not exist at site/);
    expect(error.cause).toBe(raw);
  });

  it('does not retry a network failure, which may have reached the server', async () => {
    const f = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const { sleep } = recorder();
    const sp = getSPForUrl(WEB, { digest: 'digest-value', retry: { fetch: f.fetch, sleep } });
    await expect(sp.web.lists.getByTitle('SSM Objectives').items.add({ Title: 'x' })).rejects.toThrow('fetch failed');
    expect(f.calls).toHaveLength(1);
  });
});

describe('getSPForUrl', () => {
  it('uses a digest handed in instead of calling contextinfo, and adds extra headers', async () => {
    const f = fakeFetch(() => json({ Id: 1, 'odata.etag': '"1"' }, 201));
    const sp = getSPForUrl(`${WEB}-digest`, { digest: '0x1234,01 Jan 2030', headers: { 'X-SSM-User': 'auditor@example.org' }, retry: { fetch: f.fetch } });
    await sp.web.lists.getByTitle('SSM Objectives').items.add({ Title: 'x' });
    expect(f.calls.map((c) => c.url)).toEqual([`${WEB}-digest/_api/web/lists/getByTitle('SSM%20Objectives')/items`]);
    expect(f.calls[0].headers.get('X-RequestDigest')).toBe('0x1234,01 Jan 2030');
    expect(f.calls[0].headers.get('X-SSM-User')).toBe('auditor@example.org');
  });

  it('fetches a digest from contextinfo when none is handed in', async () => {
    const f = fakeFetch(
      () => json({ FormDigestValue: 'fresh-digest', FormDigestTimeoutSeconds: 1800 }),
      () => json({ Id: 1, 'odata.etag': '"1"' }, 201)
    );
    const sp = getSPForUrl(`${WEB}-nodigest`, { retry: { fetch: f.fetch } });
    await sp.web.lists.getByTitle('SSM Objectives').items.add({ Title: 'x' });
    expect(f.calls[0].url).toBe(`${WEB}-nodigest/_api/contextinfo`);
    expect(f.calls[1].headers.get('X-RequestDigest')).toBe('fresh-digest');
  });
});

describe('getSP', () => {
  it('uses the SPFx page context for the web URL and digest, with our throttling behaviour', async () => {
    const f = fakeFetch(() => spError(429, '-1', 'Throttled', { 'Retry-After': '3' }), () => json({ Id: 5, 'odata.etag': '"1"' }, 201));
    const { sleep, waits } = recorder();
    const digest = `0xABC,${new Date().toUTCString()}`;
    const context = {
      pageContext: { web: { absoluteUrl: `${WEB}-spfx` }, legacyPageContext: { formDigestValue: digest, formDigestTimeoutSeconds: 1800 } }
    };
    const sp = getSP(context, { fetch: f.fetch, sleep });
    const added = await sp.web.lists.getByTitle('SSM Risks').items.add({ Title: 'x' });
    expect(added.Id).toBe(5);
    expect(f.calls.map((c) => c.url)).toEqual([1, 2].map(() => `${WEB}-spfx/_api/web/lists/getByTitle('SSM%20Risks')/items`));
    expect(f.calls[1].headers.get('X-RequestDigest')).toBe(digest);
    expect(waits).toEqual([3000]);
  });
});

describe('retryDelayMs', () => {
  it('caps back-off at the ceiling', () => {
    expect(retryDelayMs(undefined, 10, { baseDelayMs: 1000, maxWaitSeconds: 5 })).toEqual({ ms: 5000 });
  });
  it('treats a past HTTP date as no wait', () => {
    expect(retryDelayMs('Wed, 21 Oct 2015 07:28:00 GMT', 1, { now: () => Date.parse('2020-01-01T00:00:00Z') })).toEqual({ ms: 0, retryAfterSeconds: 0 });
  });
});

describe('traffic tag', () => {
  it('has the form Microsoft asks of non-ISV apps, with the package version', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(PRODUCT_VERSION).toBe(pkg.version);
    expect(clientTag('Chorley Council')).toBe(`NONISV|ChorleyCouncil|SharedServicesMonitoring/${pkg.version}`);
  });

  it('goes in X-ClientService-ClientTag in a browser, where User-Agent cannot be set, and in both headers elsewhere', () => {
    expect(Object.keys(clientTagHeaders(true))).toEqual(['X-ClientService-ClientTag']);
    expect(clientTagHeaders(false)['User-Agent']).toBe(clientTag());
  });

  it('is sent on every request, including each retry', async () => {
    const f = fakeFetch(() => spError(429, '-2147024860', 'Throttled', { 'Retry-After': '1' }), () => json({ Title: 'SSM' }));
    const { sleep } = recorder();
    await getSPForUrl(WEB, { company: 'Test Co', retry: { fetch: f.fetch, sleep } }).web.select('Title')();
    expect(f.calls).toHaveLength(2);
    for (const c of f.calls) expect(c.headers.get('X-ClientService-ClientTag')).toBe(clientTag('Test Co'));
  });
});

describe('RateLimit headers', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('asks for no pause with a tenth of the budget or more left, or without the headers', () => {
    expect(rateLimitPauseMs(headers({}))).toBeUndefined();
    expect(rateLimitPauseMs(headers({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '10', 'RateLimit-Reset': '30' }))).toBeUndefined();
  });
  it('spreads the remaining requests over the reset window when the budget is nearly spent', () => {
    expect(rateLimitPauseMs(headers({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '5', 'RateLimit-Reset': '10' }))).toBe(2000);
    expect(rateLimitPauseMs(headers({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '3' }))).toBe(3000);
  });
  it('waits before the next request, not after the last one', async () => {
    const limited = { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '1', 'RateLimit-Reset': '2' };
    const f = fakeFetch(() => json({ Title: 'SSM' }, 200, limited));
    const { sleep, waits } = recorder();
    const sp = getSPForUrl(WEB, { retry: { fetch: f.fetch, sleep, now: () => 0 } });
    await sp.web.select('Title')();
    expect(waits).toEqual([]);
    await sp.web.select('Title')();
    expect(waits).toEqual([2000]);
  });
});
