/**
 * HTTP-level behaviour of the local host with plain fetch, asserting SharePoint's and
 * Graph's documented response shapes and failure modes.
 */
import { LocalHost, startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import type { SampleData } from '../../local/sample-data/types';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { NOTE_MAX_LENGTH, SCHEMA } from '../../src/data/schema';

const JSON_ACCEPT = { Accept: 'application/json' };
const enc = encodeURIComponent;

let host: LocalHost;
let api: string;
let digest: string;

const list = (title: string): string => `${api}/web/lists/getByTitle('${enc(title)}')`;
const services = (): string => list(SCHEMA.services.title);

async function getDigest(): Promise<string> {
  const r = await fetch(`${api}/contextinfo`, { method: 'POST', headers: JSON_ACCEPT });
  const body = (await r.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
  expect(body.FormDigestTimeoutSeconds).toBeGreaterThan(0);
  return body.FormDigestValue;
}

const write = (method: string, extra: Record<string, string> = {}): Record<string, string> => ({
  ...JSON_ACCEPT,
  'Content-Type': 'application/json;charset=utf-8',
  'X-RequestDigest': digest,
  ...(method === 'POST' ? {} : { 'X-HTTP-Method': method }),
  ...extra
});

beforeAll(async () => {
  host = await startLocalHost({ seed: true });
  api = `${host.webUrl}/_api`;
  digest = await getDigest();
});
afterAll(async () => {
  await host.close();
});

describe('SharePoint REST shapes', () => {
  it('answers minimal metadata JSON with odata.* annotations', async () => {
    const r = await fetch(`${services()}/items?$select=Id,Title&$top=1`, { headers: JSON_ACCEPT });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/odata=minimalmetadata/);
    const body = (await r.json()) as Record<string, unknown> & { value: Array<Record<string, unknown>> };
    expect(String(body['odata.metadata'])).toContain('/_api/$metadata#SP.ListData.');
    const item = body.value[0];
    expect(item['odata.type']).toMatch(/^SP\.Data\..+ListItem$/);
    expect(String(item['odata.id'])).toMatch(/\/_api\/Web\/Lists\(guid'[0-9a-f-]+'\)\/Items\(1\)$/);
    expect(item['odata.etag']).toBe('"1"');
    expect(item['odata.editLink']).toMatch(/^Web\/Lists\(guid'.+'\)\/Items\(1\)$/);
    expect(Object.keys(item).filter((k) => !k.startsWith('odata.')).sort()).toEqual(['Id', 'Title']);
  });

  it('answers verbose JSON with d.results and __metadata', async () => {
    const r = await fetch(`${services()}/items?$select=Id&$top=1`, { headers: { Accept: 'application/json;odata=verbose' } });
    const body = (await r.json()) as { d: { results: Array<{ __metadata: { type: string; etag: string } }>; __next?: string } };
    expect(body.d.results[0].__metadata.etag).toBe('"1"');
    expect(typeof body.d.__next).toBe('string');
  });

  it('expands user fields to Id, Title and EMail and requires $expand for them', async () => {
    const objectives = list(SCHEMA.objectives.title);
    const ok = await fetch(`${objectives}/items(1)?$select=Id,ResponsibleOfficer/Id,ResponsibleOfficer/Title,ResponsibleOfficer/EMail&$expand=ResponsibleOfficer`, {
      headers: JSON_ACCEPT
    });
    const item = (await ok.json()) as { ResponsibleOfficer: Record<string, unknown> };
    const expected = sampleData.objectives[0].responsibleOfficer;
    expect(item.ResponsibleOfficer).toMatchObject({ Id: expected?.id, Title: expected?.displayName, EMail: expected?.email });
    const bad = await fetch(`${objectives}/items(1)?$select=ResponsibleOfficer/Title`, { headers: JSON_ACCEPT });
    expect(bad.status).toBe(400);
  });

  it('caps an unqualified read at 100 items and pages with odata.nextLink until the last page', async () => {
    const updates = list(SCHEMA.objectiveUpdates.title);
    const total = sampleData.objectiveUpdates.length;
    const first = (await (await fetch(`${updates}/items?$select=Id`, { headers: JSON_ACCEPT })).json()) as { value: unknown[]; 'odata.nextLink'?: string };
    expect(first.value.length).toBe(Math.min(100, total));
    let url: string | undefined = `${updates}/items?$select=Id&$top=7&$orderby=Period desc`;
    const seen: number[] = [];
    let pages = 0;
    while (url) {
      const page = (await (await fetch(url, { headers: JSON_ACCEPT })).json()) as { value: Array<{ Id: number }>; 'odata.nextLink'?: string };
      seen.push(...page.value.map((v) => v.Id));
      pages++;
      url = page['odata.nextLink'];
      if (url) expect(url.startsWith('http://')).toBe(true);
    }
    expect(pages).toBe(Math.ceil(total / 7));
    expect(new Set(seen).size).toBe(total);
    // Ordered by period descending across pages.
    const periodOf = new Map(sampleData.objectiveUpdates.map((u) => [u.id, u.periodId]));
    const periods = seen.map((id) => periodOf.get(id) as string);
    expect([...periods].sort().reverse()).toEqual(periods);
  });

  it('filters with and/or, parentheses and lookup ids', async () => {
    const objectives = list(SCHEMA.objectives.title);
    const filter = `(ServiceId eq 1 or ServiceId eq 2) and ObjectiveStatus ne 'Complete'`;
    const r = (await (await fetch(`${objectives}/items?$select=Id&$top=5000&$filter=${enc(filter)}`, { headers: JSON_ACCEPT })).json()) as { value: Array<{ Id: number }> };
    const expected = sampleData.objectives.filter((o) => (o.serviceId === 1 || o.serviceId === 2) && o.status !== 'Complete').map((o) => o.id);
    expect(r.value.map((v) => v.Id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it('bumps odata.etag on update and answers 412 for a stale etag', async () => {
    const added = await fetch(`${services()}/items`, { method: 'POST', headers: write('POST'), body: JSON.stringify({ Title: 'Etag test', Phase: 'Phase 1', PartnerCouncils: '[]' }) });
    expect(added.status).toBe(201);
    const item = (await added.json()) as { Id: number; 'odata.etag': string };
    expect(item['odata.etag']).toBe('"1"');
    const merge = await fetch(`${services()}/items(${item.Id})`, { method: 'POST', headers: write('MERGE', { 'IF-Match': '"1"' }), body: JSON.stringify({ Title: 'Etag test 2' }) });
    expect(merge.status).toBe(204);
    expect(merge.headers.get('etag')).toBe('"2"');
    const reread = (await (await fetch(`${services()}/items(${item.Id})`, { headers: JSON_ACCEPT })).json()) as { 'odata.etag': string; Title: string; EditorId: number };
    expect(reread['odata.etag']).toBe('"2"');
    expect(reread.Title).toBe('Etag test 2');
    const stale = await fetch(`${services()}/items(${item.Id})`, { method: 'POST', headers: write('MERGE', { 'IF-Match': '"1"' }), body: JSON.stringify({ Title: 'Lost update' }) });
    expect(stale.status).toBe(412);
    const err = (await stale.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(err['odata.error'].code).toContain('ClientServiceException');
    expect(err['odata.error'].message.value).toContain('does not match');
    const versions = (await (await fetch(`${services()}/items(${item.Id})/versions`, { headers: JSON_ACCEPT })).json()) as { value: Array<{ VersionLabel: string; Title: string }> };
    expect(versions.value.map((v) => [v.VersionLabel, v.Title])).toEqual([
      ['2.0', 'Etag test 2'],
      ['1.0', 'Etag test']
    ]);
    const del = await fetch(`${services()}/items(${item.Id})`, { method: 'POST', headers: write('DELETE', { 'IF-Match': '"2"' }) });
    expect(del.status).toBe(200);
    expect((await fetch(`${services()}/items(${item.Id})`, { headers: JSON_ACCEPT })).status).toBe(404);
  });

  it('refuses writes without a form digest (403)', async () => {
    const r = await fetch(`${services()}/items`, { method: 'POST', headers: { ...JSON_ACCEPT, 'Content-Type': 'application/json' }, body: JSON.stringify({ Title: 'x' }) });
    expect(r.status).toBe(403);
    const err = (await r.json()) as { 'odata.error': { message: { value: string } } };
    expect(err['odata.error'].message.value).toContain('security validation');
  });

  it('answers 404 with SharePoint error JSON for a missing list', async () => {
    const r = await fetch(`${list('No Such List')}/items`, { headers: JSON_ACCEPT });
    expect(r.status).toBe(404);
    const err = (await r.json()) as { 'odata.error': { code: string; message: { lang: string; value: string } } };
    expect(err['odata.error'].code).toBe('-1, System.ArgumentException');
    expect(err['odata.error'].message.value).toMatch(/^List 'No Such List' does not exist at site with URL/);
  });

  it('answers 501 naming the method and path for anything it does not implement', async () => {
    const r = await fetch(`${api}/web/folders`, { headers: JSON_ACCEPT });
    expect(r.status).toBe(501);
    expect(JSON.stringify(await r.json())).toContain('The local host does not implement GET /sites/ssm/_api/web/folders');
    expect((await fetch(`${host.url}/somewhere-else`, { method: 'PUT' })).status).toBe(501);
  });

  it('rejects unknown properties on write like SharePoint', async () => {
    const r = await fetch(`${services()}/items`, { method: 'POST', headers: write('POST'), body: JSON.stringify({ Title: 'x', NoSuchField: 1 }) });
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain("The property 'NoSuchField' does not exist");
  });

  it('refuses a multiple-lines-of-text value longer than SharePoint holds (63,999 characters)', async () => {
    const body = (n: number): string => JSON.stringify({ Title: 'Long note', Phase: 'Phase 1', PartnerCouncils: JSON.stringify(['x'.repeat(n - 4)]) });
    const tooLong = await fetch(`${services()}/items`, { method: 'POST', headers: write('POST'), body: body(NOTE_MAX_LENGTH + 1) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain(`exceeds ${NOTE_MAX_LENGTH} characters`);
    const atLimit = await fetch(`${services()}/items`, { method: 'POST', headers: write('POST'), body: body(NOTE_MAX_LENGTH) });
    expect(atLimit.status).toBe(201);
  });

  it('reports EditListItems only for personas allowed to edit', async () => {
    const perms = async (user: string): Promise<{ High: string; Low: string }> =>
      (await (await fetch(`${services()}/EffectiveBasePermissions`, { headers: { ...JSON_ACCEPT, 'X-SSM-User': user } })).json()) as { High: string; Low: string };
    const editListItems = (p: { Low: string }): boolean => (Number(p.Low) & 4) === 4;
    expect(editListItems(await perms('1'))).toBe(true);
    expect(editListItems(await perms(sampleData.users[1].email))).toBe(true);
    expect(editListItems(await perms('3'))).toBe(false);
    const denied = await fetch(`${services()}/items`, { method: 'POST', headers: { ...write('POST'), 'X-SSM-User': '3' }, body: JSON.stringify({ Title: 'x' }) });
    expect(denied.status).toBe(403);
  });

  it('knows the current user and adds a directory person who is not yet a site user on ensureuser', async () => {
    const me = (await (await fetch(`${api}/web/currentuser`, { headers: JSON_ACCEPT })).json()) as { Id: number; Email: string };
    expect(me.Id).toBe(sampleData.users[0].id);
    const newcomer = sampleData.directory?.[2];
    if (!newcomer) throw new Error('The sample data has too few directory-only people');
    const r = await fetch(`${api}/web/ensureuser`, { method: 'POST', headers: write('POST'), body: JSON.stringify({ logonName: `i:0#.f|membership|${newcomer.email}` }) });
    const added = (await r.json()) as { Id: number; Title: string; Email: string };
    expect(added.Email).toBe(newcomer.email);
    expect(added.Title).toBe(newcomer.displayName);
    expect(added.Id).toBeGreaterThan(sampleData.users.length);
    const again = (await (await fetch(`${api}/web/getuserbyid(${added.Id})`, { headers: JSON_ACCEPT })).json()) as { Title: string };
    expect(again.Title).toBe(added.Title);
  });
});

describe('fault injection', () => {
  afterEach(() => host.setFaults({}));

  it('throttles with 429 and Retry-After, reproducibly with a seed', async () => {
    const run = async (): Promise<number[]> => {
      host.setFaults({ rate429: 0.5, retryAfterSeconds: 7, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await fetch(`${services()}/items?$select=Id&$top=1`, { headers: JSON_ACCEPT });
        statuses.push(r.status);
        if (r.status === 429) expect(r.headers.get('retry-after')).toBe('7');
        await r.arrayBuffer();
      }
      return statuses;
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('is configurable over /_admin/faults and limited by pathPattern', async () => {
    const set = await fetch(`${host.url}/_admin/faults`, { method: 'POST', body: JSON.stringify({ rate503: 1, pathPattern: '/v1\\.0/' }) });
    expect(((await set.json()) as { rate503: number }).rate503).toBe(1);
    expect((await fetch(`${api}/web/currentuser`, { headers: JSON_ACCEPT })).status).toBe(200);
    const bad = await fetch(`${host.url}/_admin/faults`, { method: 'POST', body: JSON.stringify({ rate429: 2 }) });
    expect(bad.status).toBe(400);
  });
});

describe('Graph', () => {
  const graph = (p: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${host.url}/v1.0${p}`, { method: 'POST', headers: { Authorization: 'Bearer local', 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const mail = (to: string): unknown => ({
    message: { subject: `Reminder for ${to}`, body: { contentType: 'HTML', content: '<p>Please update</p>' }, toRecipients: [{ emailAddress: { address: to } }] }
  });

  beforeEach(async () => {
    expect((await fetch(`${host.url}/_admin/outbox`, { method: 'DELETE' })).status).toBe(204);
  });

  it('accepts sendMail with 202 and lists it in the outbox', async () => {
    const r = await graph('/users/reminders@example.gov.uk/sendMail', mail('a@example.gov.uk'));
    expect(r.status).toBe(202);
    expect(r.headers.get('request-id')).toBeTruthy();
    const me = await graph('/me/sendMail', mail('b@example.gov.uk'));
    expect(me.status).toBe(202);
    const outbox = (await (await fetch(`${host.url}/_admin/outbox`)).json()) as Array<{ from: string; to: string[]; subject: string; html: string }>;
    expect(outbox.map((m) => [m.from, m.to])).toEqual([
      ['reminders@example.gov.uk', ['a@example.gov.uk']],
      [sampleData.users[0].email, ['b@example.gov.uk']]
    ]);
    expect(outbox[0].html).toBe('<p>Please update</p>');
    expect(host.outbox()).toHaveLength(2);
  });

  it('rejects a JSON batch of more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: '/me/sendMail', headers: { 'Content-Type': 'application/json' }, body: mail('c@example.gov.uk') }));
    const r = await graph('/$batch', { requests });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
    expect(host.outbox()).toHaveLength(0);
  });

  it('throttles single batch items with their own Retry-After', async () => {
    host.setFaults({ rate429: 0.5, retryAfterSeconds: 3, seed: 7 });
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'POST', url: '/me/sendMail', headers: { 'Content-Type': 'application/json' }, body: mail(`d${i}@example.gov.uk`) }));
    const r = await graph('/$batch', { requests });
    expect(r.status).toBe(200);
    const { responses } = (await r.json()) as { responses: Array<{ id: string; status: number; headers: Record<string, string> }> };
    host.setFaults({});
    const throttled = responses.filter((x) => x.status === 429);
    const sent = responses.filter((x) => x.status === 202);
    expect(throttled.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(throttled.length + sent.length).toBe(20);
    for (const t of throttled) expect(t.headers['retry-after']).toBe('3');
    expect(host.outbox()).toHaveLength(sent.length);
  });

  it('requires a bearer token like Graph', async () => {
    const r = await fetch(`${host.url}/v1.0/me/sendMail`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(mail('e@example.gov.uk')) });
    expect(r.status).toBe(401);
  });
});

describe('list view threshold', () => {
  let big: LocalHost;
  beforeAll(async () => {
    const updates: ObjectiveUpdate[] = Array.from({ length: 5001 }, (_, i) => ({
      id: i + 1,
      etag: '',
      // One update per objective and period (a unique column): a different objective each.
      objectiveId: i + 1,
      periodId: i % 2 === 0 ? '2021-22-Q3' : '2021-22-Q4',
      narrative: '<p>Update</p>',
      status: 'In progress',
      rag: i % 3 === 0 ? 'Red' : 'Green',
      updatedOn: '2022-01-10T09:00:00Z'
    }));
    const data: SampleData = { ...sampleData, objectiveUpdates: updates };
    big = await startLocalHost({ seed: data });
  });
  afterAll(async () => {
    await big.close();
  });

  it('fails a filter on a non-indexed column of a 5,001-item list with SPQueryThrottledException', async () => {
    const url = `${big.webUrl}/_api/web/lists/getByTitle('${enc(SCHEMA.objectiveUpdates.title)}')/items`;
    const r = await fetch(`${url}?$select=Id&$filter=${enc("RagAtUpdate eq 'Red'")}`, { headers: JSON_ACCEPT });
    expect(r.status).toBe(500);
    const err = (await r.json()) as { 'odata.error': { code: string } };
    expect(err['odata.error'].code).toContain('Microsoft.SharePoint.SPQueryThrottledException');
    const sorted = await fetch(`${url}?$select=Id&$orderby=Modified desc`, { headers: JSON_ACCEPT });
    expect(sorted.status).toBe(500);
    const indexed = await fetch(`${url}?$select=Id&$top=5000&$filter=${enc("Period eq '2021-22-Q4'")}`, { headers: JSON_ACCEPT });
    expect(indexed.status).toBe(200);
    expect(((await indexed.json()) as { value: unknown[] }).value).toHaveLength(2500);
    const capped = (await (await fetch(`${url}?$select=Id&$top=6000`, { headers: JSON_ACCEPT })).json()) as { value: unknown[]; 'odata.nextLink'?: string };
    expect(capped.value).toHaveLength(5000);
    expect(capped['odata.nextLink']).toBeDefined();
  });

  it('refuses an indexed filter whose first column matches more than 5,000 items, and serves id windows and paging', async () => {
    const url = `${big.webUrl}/_api/web/lists/getByTitle('${enc(SCHEMA.objectiveUpdates.title)}')/items`;
    const status = async (query: string): Promise<number> => (await fetch(`${url}?$select=Id&$top=5000&${query}`, { headers: JSON_ACCEPT })).status;
    // `ID gt 0` is indexed but selects all 5,001 items; the period filter after it does not help.
    expect(await status(`$filter=${enc("ID gt 0 and Period eq '2021-22-Q4'")}`)).toBe(500);
    expect(await status(`$filter=${enc("Period ne 'none'")}`)).toBe(500);
    expect(await status(`$filter=${enc("ID gt 0 and ID le 5000 and Period eq '2021-22-Q4'")}`)).toBe(200);
    const paged = await fetch(`${url}?$select=Id&$top=5000&$orderby=ID&$skiptoken=${enc('Paged=TRUE&p_ID=5000')}`, { headers: JSON_ACCEPT });
    expect(paged.status).toBe(200);
    expect(((await paged.json()) as { value: Array<{ Id: number }> }).value.map((v) => v.Id)).toEqual([5001]);
  });
});

describe('fault switches', () => {
  let h: LocalHost;
  beforeAll(async () => {
    h = await startLocalHost({ seed: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends draft-03 RateLimit headers when asked', async () => {
    h.setFaults({ rateLimitRemaining: 7, retryAfterSeconds: 30 });
    const r = await fetch(`${h.webUrl}/_api/web`, { headers: JSON_ACCEPT });
    h.setFaults({});
    expect(r.status).toBe(200);
    expect([r.headers.get('ratelimit-limit'), r.headers.get('ratelimit-remaining'), r.headers.get('ratelimit-reset')]).toEqual(['100', '7', '30']);
  });

  it('refuses unknown fault settings and out-of-range rates', () => {
    expect(() => h.setFaults({ rate409: 2 })).toThrow(/rate409/);
    expect(() => h.setFaults({ rateBatchCascade: -1 })).toThrow(/rateBatchCascade/);
  });
});
