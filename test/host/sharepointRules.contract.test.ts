/**
 * The local host keeps SharePoint Online's rules where the product meets them: ensureuser adds
 * only people the tenant's directory knows (so the import's "unknown officer" path is real),
 * a list can be deleted (DELETE, or POST with X-HTTP-Method: DELETE, as PnPjs sends it), and a
 * list title over 255 characters is refused.
 */
import { JSDOM } from 'jsdom';
import { startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { ensureLists } from '../../src/data/provisioning';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ListMissingError } from '../../src/data/errors';
import { SCHEMA } from '../../src/data/schema';
import { applyImportPlan, createCellSanitiser, ImportApplyError, planImport, readImportFile } from '../../src/import';
import { OBJECTIVE_ROWS } from '../import/fixtures/feb2022';
import { phaseOneServices, toXlsx } from '../import/support/files';
import '@pnp/sp/webs';
import '@pnp/sp/lists';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
const JSON_ACCEPT = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata' };
const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);
const NOW = '2022-03-01T09:00:00.000Z';
const UNKNOWN = 'no.such.officer@chorley.example.gov.uk';

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: false });
});

afterAll(async () => {
  await host?.close();
});

const sp = () => getSPForUrl(`${host.url}/sites/ssm`);

describe('ensureuser', () => {
  it('adds someone the directory knows who is not yet a site user, once', async () => {
    const newcomer = sampleData.directory?.[0];
    if (!newcomer) throw new Error('The sample data has no directory-only person');
    const repos = createPnpRepositories(sp());
    const before = (await fetch(`${host.webUrl}/_api/web/siteusers`, { headers: JSON_ACCEPT }).then((r) => r.json())) as { value: Array<{ Email: string }> };
    expect(before.value.map((u) => u.Email.toLowerCase())).not.toContain(newcomer.email.toLowerCase());

    const added = await repos.ensureUser(newcomer.email);
    expect(added).toMatchObject({ displayName: newcomer.displayName, email: newcomer.email });
    expect((await repos.ensureUser(`i:0#.f|membership|${newcomer.email.toUpperCase()}`)).id).toBe(added.id);
    // A site user is returned as they are.
    expect((await repos.ensureUser(sampleData.users[3].email)).id).toBe(sampleData.users[3].id);
  });

  it('refuses an address no directory knows, with SharePoint’s message, and adds nobody', async () => {
    const r = await fetch(`${host.webUrl}/_api/web/ensureuser`, { method: 'POST', headers: { ...JSON_ACCEPT, Authorization: 'Bearer local' }, body: JSON.stringify({ logonName: UNKNOWN }) });
    expect(r.status).toBe(500);
    const body = (await r.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(body['odata.error'].message.value).toBe(`The specified user ${UNKNOWN} could not be found.`);
    expect(body['odata.error'].code).toMatch(/SPException/);

    await expect(createPnpRepositories(sp()).ensureUser(UNKNOWN)).rejects.toThrow(/could not be found/);
    const users = (await fetch(`${host.webUrl}/_api/web/siteusers`, { headers: JSON_ACCEPT }).then((x) => x.json())) as { value: Array<{ Email: string }> };
    expect(users.value.map((u) => u.Email.toLowerCase())).not.toContain(UNKNOWN);
  });
});

describe('the import with an officer nobody knows', () => {
  const withOfficer = (email: string): string[][] => {
    let replaced = false;
    return OBJECTIVE_ROWS.map((row) => {
      if (!replaced && row.length === 5 && /@/.test(row[4])) {
        replaced = true;
        return [...row.slice(0, 4), email];
      }
      return row;
    });
  };

  beforeAll(async () => {
    await ensureLists(sp());
    const repos = createPnpRepositories(sp());
    for (const s of phaseOneServices()) await repos.services.add({ name: s.name, phase: s.phase, partnerCouncils: s.partnerCouncils });
  });

  it('stops before writing anything, naming the address and SharePoint’s reason', async () => {
    const repos = createPnpRepositories(sp());
    const plan = await planImport(repos, 'objectives', await readImportFile(await toXlsx('objectives.xlsx', withOfficer(UNKNOWN)), 'objectives'), { sanitiser, now: NOW });
    expect(plan.reject).toEqual([]);
    const error = await applyImportPlan(repos, plan, { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportApplyError);
    expect((error as ImportApplyError).message).toContain(UNKNOWN);
    expect((error as ImportApplyError).message).toMatch(/could not be found/);
    // Nothing of any kind was written.
    const written = (error as ImportApplyError).written as unknown as Record<string, number>;
    expect(written.created).toBe(0);
    expect(Object.entries(written).filter(([, n]) => n !== 0)).toEqual([]);
    expect(await repos.objectives.getAll()).toEqual([]);
  });

  it('imports an officer the directory knows, adding them to the site', async () => {
    const newcomer = sampleData.directory?.[1];
    if (!newcomer) throw new Error('The sample data has too few directory-only people');
    const repos = createPnpRepositories(sp());
    const plan = await planImport(repos, 'objectives', await readImportFile(await toXlsx('objectives.xlsx', withOfficer(newcomer.email)), 'objectives'), { sanitiser, now: NOW });
    await applyImportPlan(repos, plan, { now: NOW });
    const officers = (await repos.objectives.getAll()).map((o) => o.responsibleOfficer?.email);
    expect(officers).toContain(newcomer.email);
  });
});

describe('lists', () => {
  const scratch = (title: string) => fetch(`${host.webUrl}/_api/web/lists`, { method: 'POST', headers: { ...JSON_ACCEPT, Authorization: 'Bearer local' }, body: JSON.stringify({ Title: title, BaseTemplate: 100 }) });

  it('deletes a list with PnPjs (POST, X-HTTP-Method: DELETE) and with DELETE; it is gone, and the title can be used again', async () => {
    const web = sp().web;
    expect((await scratch('Scratch one')).status).toBe(201);
    await web.lists.getByTitle('Scratch one').items.add({ Title: 'An item' });
    await web.lists.getByTitle('Scratch one').delete();
    const gone = await fetch(`${host.webUrl}/_api/web/lists/getByTitle('Scratch%20one')`, { headers: JSON_ACCEPT });
    expect(gone.status).toBe(404);

    expect((await scratch('Scratch one')).status).toBe(201);
    expect(await web.lists.getByTitle('Scratch one').items()).toEqual([]);
    const deleted = await fetch(`${host.webUrl}/_api/web/lists/getByTitle('Scratch%20one')`, { method: 'DELETE', headers: { ...JSON_ACCEPT, Authorization: 'Bearer local', 'If-Match': '*' } });
    expect(deleted.status).toBe(200);
    expect((await fetch(`${host.webUrl}/_api/web/lists/getByTitle('Scratch%20one')`, { headers: JSON_ACCEPT })).status).toBe(404);
  });

  it('deletes a product list with its indexed columns; the repositories then say so, and setting up lists brings it back', async () => {
    await sp().web.lists.getByTitle(SCHEMA.reminderLog.title).delete();
    await expect(createPnpRepositories(sp()).reminderLog.getAll()).rejects.toBeInstanceOf(ListMissingError);
    const report = await ensureLists(sp());
    expect(report.created).toContain(SCHEMA.reminderLog.title);
    const key = 'a@example.gov.uk|2021-22-Q4|1';
    await createPnpRepositories(sp()).reminderLog.add({ key, officerEmail: 'a@example.gov.uk', periodId: '2021-22-Q4', round: 1, status: 'Pending', attemptedOn: NOW });
    expect((await createPnpRepositories(sp()).reminderLog.getForKeys([key])).map((e) => e.key)).toEqual([key]);
  });

  it('refuses a title over 255 characters, on creation and on rename, and keeps one of 255', async () => {
    const long = 'T'.repeat(256);
    const refused = await scratch(long);
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { 'odata.error': { message: { value: string } } };
    expect(error['odata.error'].message.value).toMatch(/255 characters/);
    expect((await fetch(`${host.webUrl}/_api/web/lists/getByTitle('${long}')`, { headers: JSON_ACCEPT })).status).toBe(404);

    expect((await scratch('T'.repeat(255))).status).toBe(201);
    await expect(sp().web.lists.getByTitle('T'.repeat(255)).update({ Title: long })).rejects.toThrow(/255 characters/);
    expect((await sp().web.lists.getByTitle('T'.repeat(255)).select('Title')()).Title).toBe('T'.repeat(255));
  });
});

describe('a local data file from before the directory', () => {
  it('gets its site users and the sample directory when the host opens it', async () => {
    const os = await import('node:os');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { Store } = await import('../../local/host/store');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-directory-'));
    const file = path.join(dir, 'ssm.sqlite');
    let old: Host | undefined;
    try {
      old = await startLocalHost({ port: 0, dbFile: file, seed: true });
      await old.close();
      old = undefined;
      const store = new Store(file);
      (store as unknown as { db: { exec(sql: string): void } }).db.exec('DELETE FROM directory');
      expect(store.hasDirectory()).toBe(false);
      store.close();

      old = await startLocalHost({ port: 0, dbFile: file });
      const repos = createPnpRepositories(getSPForUrl(`${old.url}/sites/ssm`));
      const newcomer = sampleData.directory?.[0];
      if (!newcomer) throw new Error('The sample data has no directory-only person');
      expect((await repos.ensureUser(newcomer.email)).email).toBe(newcomer.email);
      await expect(repos.ensureUser(UNKNOWN)).rejects.toThrow(/could not be found/);
    } finally {
      await old?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
