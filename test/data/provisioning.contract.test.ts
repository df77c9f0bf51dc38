/**
 * ensureLists on a site without the product's lists: creates every list, field and view, then a
 * second run changes nothing (and, on the local host, whose request log shows it, sends no write
 * request). Against a real site (docs/testing-on-a-tenant.md) the lists are this run's scratch
 * lists, removed afterwards.
 */
import { ensureLists, ProvisioningProgress } from '../../src/data/provisioning';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ListMissingError } from '../../src/data/errors';
import { LISTS, SCHEMA } from '../../src/data/schema';
import { ContractTarget, openTarget } from './support/target';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';

let target: ContractTarget;

beforeAll(async () => {
  target = await openTarget({ seed: false });
});

afterAll(async () => {
  await target?.close();
});

it('tells a site owner to set up lists before they exist', async () => {
  const repos = createPnpRepositories(target.sp());
  await expect(repos.objectives.getAll()).rejects.toBeInstanceOf(ListMissingError);
});

it('creates every list, field and view, then a second run writes nothing', async () => {
  const sp = target.sp();
  const progress: ProvisioningProgress[] = [];
  const first = await ensureLists(sp, (p) => progress.push(p));
  // Every list in turn, then the objectives' status histories.
  expect(progress.map((p) => p.list)).toEqual([...LISTS.map((l) => l.key), 'objectives']);
  // The host implements no permissions: the lists' own permissions (editors-only services and
  // measures, add-only snapshots and committee papers) are reported undone; a real site sets them.
  expect(first.notSupported).toEqual(target.host ? LISTS.filter((l) => l.permissions !== undefined).map((l) => `${l.title} / permissions`) : []);
  for (const list of LISTS) {
    expect(first.created).toContain(list.title);
    for (const f of list.fields) expect(first.created).toContain(`${list.title} / field ${f.internalName}`);
    for (const v of list.views) expect(first.created).toContain(`${list.title} / view ${v.title}`);
  }

  const objectives = sp.web.lists.getByTitle(SCHEMA.objectives.title);
  const info = await objectives.select('EnableVersioning', 'MajorVersionLimit')();
  expect(info).toMatchObject({ EnableVersioning: true, MajorVersionLimit: SCHEMA.objectives.majorVersionLimit });
  const service = await objectives.fields.getByInternalNameOrTitle('Service').select('TypeAsString', 'Indexed', 'LookupList', 'Required')();
  const services = await sp.web.lists.getByTitle(SCHEMA.services.title).select('Id')();
  expect(service).toMatchObject({ TypeAsString: 'Lookup', Indexed: true, Required: true });
  expect(String((service as unknown as { LookupList: string }).LookupList).replace(/[{}]/g, '').toLowerCase()).toBe(String(services.Id).toLowerCase());
  const overdue = await objectives.views.getByTitle('Overdue updates').select('ViewQuery', 'RowLimit')();
  expect(overdue.RowLimit).toBe(100);
  expect(overdue.ViewQuery).toContain('NextUpdateDue');
  const columns = await objectives.views.getByTitle('Overdue updates').fields.select('Items')();
  expect(columns.Items).toEqual(SCHEMA.objectives.views.filter((v) => v.title === 'Overdue updates')[0].fields);

  // The claim and one-update-per-quarter columns are created unique (and indexed), so the host refuses duplicates as SharePoint does.
  for (const [list, name] of [[SCHEMA.reminderLog.title, 'ClaimKey'], [SCHEMA.objectiveUpdates.title, 'ObjectivePeriod']] as const) {
    const unique = await sp.web.lists.getByTitle(list).fields.getByInternalNameOrTitle(name).select('EnforceUniqueValues', 'Indexed')();
    expect(unique).toMatchObject({ EnforceUniqueValues: true, Indexed: true });
  }

  const title = await objectives.fields.getByInternalNameOrTitle('Title').select('Title', 'Required')();
  expect(title).toMatchObject({ Title: SCHEMA.objectives.titleDisplayName, Required: true });
  const defaults = (await objectives.views.select('Title', 'DefaultView')()).filter((v: { DefaultView: boolean }) => v.DefaultView);
  expect(defaults.map((v: { Title: string }) => v.Title.toLowerCase())).toEqual(['all items']);
  const listInfo = await objectives.select('EntityTypeName')();
  // Created under the schema's URL name, then renamed: the URL has no spaces.
  expect(listInfo.EntityTypeName).toBe(`${SCHEMA.objectives.url.replace(/^.*\//, '')}List`);
  expect(listInfo.EntityTypeName).not.toMatch(/\s/);

  target.host?.resetRequestLog();
  const second = await ensureLists(sp);
  expect(second.created).toEqual([]);
  expect(second.updated).toEqual([]);
  expect(second.unchanged).toEqual(expect.arrayContaining(first.created));
  if (target.host) expect(target.host.requestLog().filter((r) => r.method !== 'GET')).toEqual([]);

  // The lists work for the repositories straight away.
  const repos = createPnpRepositories(sp);
  const added = await repos.services.add({ name: 'Audit', phase: 'Phase 1', partnerCouncils: ['A', 'B'] });
  expect((await repos.services.getAll()).map((s) => s.id)).toEqual([added.id]);
});
