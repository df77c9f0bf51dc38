// Drives the host through real PnPjs v4 in Node (global fetch), as the repositories will.
import { spfi, SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import type { IList } from '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import { HttpRequestError } from '@pnp/queryable';
import { LocalHost, startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { SCHEMA } from '../../src/data/schema';

let host: LocalHost;
let sp: SPFI;

beforeAll(async () => {
  host = await startLocalHost({ seed: true });
  sp = spfi(host.webUrl).using(SPBrowser());
});
afterAll(async () => {
  await host.close();
});

describe('PnPjs v4 against the local host', () => {
  it('pages every item with for await over odata.nextLink', async () => {
    const items = sp.web.lists.getByTitle(SCHEMA.objectiveUpdates.title).items.select('Id', 'Period').top(10);
    const ids: number[] = [];
    let pages = 0;
    for await (const page of items) {
      pages++;
      ids.push(...(page as Array<{ Id: number }>).map((i) => i.Id));
    }
    const expected = sampleData.objectiveUpdates.map((u) => u.id).sort((a, b) => a - b);
    expect(ids).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 10));
  });

  it('answers batched reads and writes in one $batch request', async () => {
    host.resetRequestLog();
    const [batched, execute] = sp.batched();
    const services = batched.web.lists.getByTitle(SCHEMA.services.title).items.select('Id', 'Title').top(5000)();
    const me = batched.web.currentUser.select('Id', 'Email')();
    const added = batched.web.lists.getByTitle(SCHEMA.services.title).items.add({ Title: 'Batched service', Phase: 'Phase 2', PartnerCouncils: '["A","B"]' });
    const missing = batched.web.lists.getByTitle('Missing list').items();
    await execute();
    expect(((await services) as Array<{ Title: string }>).map((s) => s.Title)).toEqual(sampleData.services.map((s) => s.name));
    expect(((await me) as { Email: string }).Email).toBe(sampleData.users[0].email);
    const item = (await added) as { Id: number; Title: string; 'odata.etag': string };
    expect(item.Title).toBe('Batched service');
    expect(item['odata.etag']).toBe('"1"');
    await expect(missing).rejects.toMatchObject({ status: 404 });
    const batches = host.requestLog().filter((r) => r.method === 'POST' && r.path.endsWith('/_api/$batch'));
    expect(batches).toHaveLength(1);
  });

  it('raises a 412 conflict on a stale etag and a new etag on update', async () => {
    const list = sp.web.lists.getByTitle(SCHEMA.risks.title);
    const risk = (await list.items.getById(1).select('Id', 'Title')()) as { Title: string; 'odata.etag': string };
    const result = (await list.items.getById(1).update({ Title: `${risk.Title} (reviewed)` }, risk['odata.etag'])) as { etag: string };
    expect(result.etag).not.toBe(risk['odata.etag']);
    const err = await list.items
      .getById(1)
      .update({ Title: 'Overwrite' }, risk['odata.etag'])
      .then(
        () => undefined,
        (e: unknown) => e
      );
    expect(err).toBeInstanceOf(HttpRequestError);
    expect((err as HttpRequestError).status).toBe(412);
    const current = (await list.items.getById(1).select('Title')()) as { Title: string };
    expect(current.Title).toBe(`${risk.Title} (reviewed)`);
  });

  it('updates inside a batch return the new etag from the batch part headers', async () => {
    const list = (b: SPFI): IList => b.web.lists.getByTitle(SCHEMA.highlights.title);
    const before = (await list(sp).items.getById(1).select('Id')()) as { 'odata.etag': string };
    const [batched, execute] = sp.batched();
    const update = list(batched).items.getById(1).update({ KeyPoints: '<p>Changed in a batch</p>' }, before['odata.etag']);
    await execute();
    const { etag } = (await update) as { etag: string };
    expect(etag).toBe(`"${Number(before['odata.etag'].replace(/"/g, '')) + 1}"`);
  });
});
