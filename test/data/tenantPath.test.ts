/**
 * The contract suites' tenant path, with the local host standing in for SharePoint Online: the
 * site address is a sharepoint.com one, fetch is routed to the host, and @azure/identity's
 * credential is replaced by one that hands out a token for the scope asked. Checks what a real
 * run relies on: a token for the site's origin on every request, scratch lists with the run's
 * prefix set up and seeded beside the product's lists, and only those removed at the end.
 */
import { startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { LISTS } from '../../src/data/schema';

const scopes: string[] = [];
jest.mock('@azure/identity', () => ({
  ClientCertificateCredential: class {
    public readonly args: unknown[];
    public constructor(...args: unknown[]) {
      this.args = args;
    }
    public async getToken(scope: string): Promise<{ token: string; expiresOnTimestamp: number }> {
      scopes.push(scope);
      return { token: 'app-only-token', expiresOnTimestamp: Date.now() + 3600000 };
    }
  }
}));

type Host = Awaited<ReturnType<typeof startLocalHost>>;
const SITE = 'https://contoso.sharepoint.com/sites/ssm';
let host: Host;
const realFetch = global.fetch;
const authorisations: string[] = [];

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
  global.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input.toString();
    authorisations.push(new Headers(init?.headers).get('authorization') ?? '');
    return realFetch(url.replace('https://contoso.sharepoint.com', host.url), init);
  }) as typeof fetch;
});

afterAll(async () => {
  global.fetch = realFetch;
  await host?.close();
});

it('sets up prefixed scratch lists with the seed, works on them, and removes only them', async () => {
  const productTitles = LISTS.map((l) => l.title);
  Object.assign(process.env, {
    SSM_TEST_SITE_URL: SITE,
    SSM_TEST_TENANT_ID: 'tenant',
    SSM_TEST_CLIENT_ID: 'client',
    SSM_TEST_CERT_PATH: '/nowhere.pem',
    SSM_TEST_USER_EMAIL: sampleData.users[1].email,
    SSM_TEST_RUN_ID: 'path1'
  });
  try {
    // A fresh module registry, so target support reads the environment set above.
    let support: typeof import('./support/target') | undefined;
    let pnp: typeof import('../../src/data/pnpRepositories') | undefined;
    let schema: typeof import('../../src/data/schema') | undefined;
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-var-requires */
      support = require('./support/target');
      pnp = require('../../src/data/pnpRepositories');
      schema = require('../../src/data/schema');
      /* eslint-enable @typescript-eslint/no-var-requires */
    });
    if (!support || !pnp || !schema) throw new Error('The target support did not load');
    expect(support.TARGET).toBe('tenant');
    const scratchTitles = schema.LISTS.map((l) => l.title);
    expect(scratchTitles).toEqual(productTitles.map((title) => `SSM test path1 ${title}`));
    const createRepos = pnp.createPnpRepositories;

    const target = await support.openTarget({ seed: true });
    expect(target.kind).toBe('tenant');
    expect(target.people.editor.email).toBe(sampleData.users[1].email);

    const titles = async (): Promise<string[]> =>
      ((await (await realFetch(`${host.webUrl}/_api/web/lists?$select=Title`, { headers: { Accept: 'application/json;odata=nometadata' } })).json()) as { value: Array<{ Title: string }> }).value.map((l) => l.Title);
    expect(await titles()).toEqual(expect.arrayContaining([...productTitles, ...scratchTitles]));

    const repos = createRepos(target.sp());
    const services = await repos.services.getAll();
    expect(services.map((s) => s.id)).toEqual(sampleData.services.map((s) => s.id));
    expect(services.every((s) => !s.serviceLead || s.serviceLead.email === sampleData.users[1].email)).toBe(true);
    expect((await repos.objectives.getAll()).map((o) => o.id)).toEqual([1, 2, 3, 4]);

    await target.close();
    const after = await titles();
    expect(after.filter((t) => t.startsWith('SSM test '))).toEqual([]);
    expect(after).toEqual(expect.arrayContaining(productTitles));
    // The product's own lists kept their items.
    const objectives = await realFetch(`${host.webUrl}/_api/web/lists/getByTitle('${encodeURIComponent(productTitles[1])}')?$select=ItemCount`, { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(((await objectives.json()) as { ItemCount: number }).ItemCount).toBe(sampleData.objectives.length);

    expect(new Set(scopes)).toEqual(new Set(['https://contoso.sharepoint.com/.default']));
    expect(authorisations.length).toBeGreaterThan(0);
    expect(authorisations.every((a) => a === 'Bearer app-only-token')).toBe(true);
  } finally {
    for (const k of ['SSM_TEST_SITE_URL', 'SSM_TEST_TENANT_ID', 'SSM_TEST_CLIENT_ID', 'SSM_TEST_CERT_PATH', 'SSM_TEST_USER_EMAIL', 'SSM_TEST_RUN_ID']) delete process.env[k];
  }
});
