/**
 * One bad item never takes a view down. A column the product writes as JSON can be edited by
 * hand through SharePoint (REST, the list form, a script): invalid JSON, the wrong shape or
 * entries of the wrong kind. Read over real HTTP from the local host, such an item comes back
 * with the column empty (or its good entries) and the problem named on the item; every other
 * item, and every other list, reads as before.
 */
import { startLocalHost } from '../../local/host/server';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { fromItem } from '../../src/data/mapping';
import type { Repositories } from '../../src/data/repositories';
import type { Benefit, Measure, Service } from '../../src/domain/types';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
let web: string;

/** Writes raw column values over REST, as anyone with edit rights can. */
async function writeRaw(listTitle: string, id: number, body: Record<string, unknown>): Promise<void> {
  const digest = (await (await fetch(`${web}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } }).then((r) => r.json())) as { FormDigestValue: string }).FormDigestValue;
  const response = await fetch(`${web}/_api/web/lists/getByTitle('${encodeURIComponent(listTitle)}')/items(${id})`, {
    method: 'POST',
    headers: { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'X-RequestDigest': digest },
    body: JSON.stringify(body)
  });
  if (!response.ok) throw new Error(`MERGE answered ${response.status}: ${await response.text()}`);
}

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
  web = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(web));
});

afterAll(async () => {
  await host?.close();
});

describe('a hand-edited JSON column', () => {
  it('in a service (invalid JSON in Partner councils) is named on that service and every list still loads', async () => {
    const before = await repos.services.getAll();
    const bad = before[0];
    await writeRaw('SSM Services', bad.id, { PartnerCouncils: '["Chorley Council", "South Ribble' });
    const data = await repos.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'measures', 'highlights']);
    expect(data.services).toHaveLength(before.length);
    const read = data.services.find((s) => s.id === bad.id) as Service;
    expect(read.name).toBe(bad.name);
    expect(read.partnerCouncils).toEqual([]);
    expect(read.problems).toEqual([{ field: 'Partner councils', code: 'invalidJson', detail: expect.any(String) }]);
    // The rest is untouched.
    for (const s of data.services.filter((x) => x.id !== bad.id)) expect(s.problems).toBeUndefined();
    expect(data.objectives.length).toBeGreaterThan(0);
    // The single-item and whole-list reads behave the same way.
    expect((await repos.services.getById(bad.id))?.problems?.[0].code).toBe('invalidJson');
  });

  it('of the wrong shape, or with entries of the wrong kind, keeps what can be read and says what was left out', async () => {
    const benefit = (await repos.benefits.getAll())[0];
    await writeRaw('SSM Benefits', benefit.id, { SavingsByCouncil: JSON.stringify([{ council: 'Chorley Council', planned: 100, realised: 50 }, { council: { evil: true }, planned: '1e400' }, 'x']) });
    const measure = (await repos.measures.getAll())[0];
    await writeRaw('SSM Measures', measure.id, { Actuals: JSON.stringify(['not', 'an', 'object']) });
    const read = (await repos.benefits.getById(benefit.id)) as Benefit;
    expect(read.savings).toEqual([{ council: 'Chorley Council', planned: 100, realised: 50 }]);
    expect(read.problems).toEqual([{ field: 'Savings by council (£)', code: 'badEntries', detail: '2' }]);
    const m = (await repos.measures.getById(measure.id)) as Measure;
    expect(m.actuals).toEqual({});
    expect(m.problems).toEqual([{ field: 'Quarterly actuals', code: 'wrongShape', detail: 'object' }]);
  });
});

describe('fromItem', () => {
  it('reads a clean item without a problems property', () => {
    const s = fromItem<Service>('services', { Id: 1, Title: 'Governance', Phase: 'Phase 1', PartnerCouncils: '["A","B"]' });
    expect(s.partnerCouncils).toEqual(['A', 'B']);
    expect('problems' in s).toBe(false);
  });

  it('names every bad column of one item', () => {
    const s = fromItem<Service>('services', { Id: 1, Title: 'Governance', PartnerCouncils: '{"a":1}' });
    expect(s.problems).toEqual([{ field: 'Partner councils', code: 'wrongShape', detail: 'array' }]);
    expect(fromItem<Measure>('measures', { Id: 2, Title: 'M', Actuals: '{"2021-22-Q4": 5, "2021-22-Q3": "five"}' }).problems).toEqual([
      { field: 'Quarterly actuals', code: 'badEntries', detail: '1' }
    ]);
  });
});
