/**
 * The lists' own permissions, set on provisioning. The snapshot list's: inheritance broken with the site's
 * assignments copied (owners keep Full Control, visitors Read), and the site's members moved to
 * "SSM Add only", which may add and read items but not edit or delete them. Against a scripted
 * SharePoint: the REST calls made, the permission mask, and a second run that writes nothing.
 */
import { getSPForUrl } from '../../src/data/sp';
import { ADD_ONLY_PERMISSIONS, ADD_ONLY_ROLE, ensureAddOnly, ensureEditorsOnly, permissionMask, ProvisioningReport } from '../../src/data/provisioning';
import { SCHEMA } from '../../src/data/schema';
import { PermissionKind } from '@pnp/sp/security';
import { fakeFetch, json, RecordedCall, spError } from './support/fakeFetch';

const WEB = 'https://contoso.sharepoint.com/sites/ssm';
const EDIT = 1073741830;
const ADD_ONLY = 1073741930;
const MEMBERS = 5;

/** A site whose snapshot list is in the given state. */
function site(state: { unique: boolean; roleExists: boolean; memberRoles: number[] }): ReturnType<typeof fakeFetch> {
  return fakeFetch((call: RecordedCall) => {
    const url = decodeURIComponent(call.url).toLowerCase();
    if (url.includes('hasuniqueroleassignments')) return json({ HasUniqueRoleAssignments: state.unique });
    if (url.includes(`roledefinitions/getbyname('${ADD_ONLY_ROLE.toLowerCase()}')`)) return state.roleExists ? json({ Id: ADD_ONLY }) : spError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
    if (call.method === 'POST' && /roledefinitions$/.test(url.split('?')[0])) return json({ Id: ADD_ONLY, Name: ADD_ONLY_ROLE });
    if (url.includes('associatedmembergroup')) return json({ Id: MEMBERS });
    if (url.includes('breakroleinheritance')) return new Response(null, { status: 200 });
    if (url.includes(`roleassignments(${MEMBERS})/roledefinitionbindings`)) return json({ value: state.memberRoles.map((Id) => ({ Id })) });
    if (url.includes('removeroleassignment') || url.includes('addroleassignment')) return new Response(null, { status: 200 });
    return spError(400, '-1', `unexpected ${call.method} ${call.url}`);
  });
}

const run = async (f: ReturnType<typeof fakeFetch>): Promise<ProvisioningReport> => {
  const sp = getSPForUrl(WEB, { digest: 'digest', retry: { fetch: f.fetch } });
  const report: ProvisioningReport = { created: [], updated: [], unchanged: [] };
  await ensureAddOnly(sp, SCHEMA.snapshots, sp.web.lists.getByTitle(SCHEMA.snapshots.title), report);
  return report;
};

const writes = (f: ReturnType<typeof fakeFetch>): string[] => f.calls.filter((c) => c.method !== 'GET').map((c) => decodeURIComponent(c.url).replace(/^.*\/_api\//, ''));

describe('add-only permissions of the snapshot list', () => {
  it('is what the schema asks of the snapshot list and the committee papers library only', () => {
    expect(SCHEMA.snapshots.permissions).toBe('addOnly');
    // What the committee received must not change silently: its Word papers are add-only too.
    expect(Object.values(SCHEMA).filter((l) => l.permissions === 'addOnly').map((l) => l.key)).toEqual(['snapshots', 'committeePapers']);
  });

  it('allows adding and reading, never editing, deleting or managing', () => {
    const mask = permissionMask(ADD_ONLY_PERMISSIONS);
    const has = (k: PermissionKind): boolean => (k - 1 < 32 ? (mask.Low & (1 << (k - 1))) !== 0 : (mask.High & (1 << (k - 33))) !== 0);
    for (const k of [PermissionKind.ViewListItems, PermissionKind.AddListItems, PermissionKind.ViewVersions, PermissionKind.UseRemoteAPIs]) expect(has(k)).toBe(true);
    for (const k of [PermissionKind.EditListItems, PermissionKind.DeleteListItems, PermissionKind.DeleteVersions, PermissionKind.ApproveItems, PermissionKind.ManageLists, PermissionKind.ManagePermissions]) expect(has(k)).toBe(false);
  });

  it('breaks inheritance, creates the level and moves members from Edit to it', async () => {
    const f = site({ unique: false, roleExists: false, memberRoles: [EDIT] });
    const report = await run(f);
    expect(report.updated).toEqual([`${SCHEMA.snapshots.title} / permissions`]);
    const w = writes(f);
    expect(w.some((u) => /roledefinitions$/i.test(u.split('?')[0]))).toBe(true);
    expect(w).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/breakroleinheritance\(copyroleassignments=true,\s*clearsubscopes=false\)/i),
        // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
        expect.stringMatching(new RegExp(`removeroleassignment\\(principalid=${MEMBERS},\\s*roledefid=${EDIT}\\)`, 'i')),
        // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
        expect.stringMatching(new RegExp(`addroleassignment\\(principalid=${MEMBERS},\\s*roledefid=${ADD_ONLY}\\)`, 'i'))
      ])
    );
    const created = f.calls.find((c) => c.method === 'POST' && /roledefinitions(\?|$)/i.test(c.url));
    const body = JSON.parse(created?.body ?? '{}') as { Name: string; BasePermissions: { Low: string; High: string } };
    expect(body.Name).toBe(ADD_ONLY_ROLE);
    expect(Number(body.BasePermissions.Low)).toBe(permissionMask(ADD_ONLY_PERMISSIONS).Low);
  });

  it('writes nothing when the list is already so', async () => {
    const f = site({ unique: true, roleExists: true, memberRoles: [ADD_ONLY] });
    const report = await run(f);
    expect(writes(f)).toEqual([]);
    expect(report.unchanged).toEqual([`${SCHEMA.snapshots.title} / permissions`]);
  });

  it('says so, without failing, on a site that implements no permissions (the local host)', async () => {
    const f = fakeFetch((call) => (/hasuniqueroleassignments/i.test(call.url) ? json({ HasUniqueRoleAssignments: false }) : spError(501, '501', 'The local host does not implement it.')));
    const report = await run(f);
    expect(report.notSupported).toEqual([`${SCHEMA.snapshots.title} / permissions`]);
    expect(writes(f)).toEqual([]);
  });
});

const READER = 1073741826;

/** A site whose editors-only list is in the given state. */
function definitionsSite(state: { unique: boolean; memberRoles: number[] }): ReturnType<typeof fakeFetch> {
  return fakeFetch((call: RecordedCall) => {
    const url = decodeURIComponent(call.url).toLowerCase();
    if (url.includes('hasuniqueroleassignments')) return json({ HasUniqueRoleAssignments: state.unique });
    if (url.includes('roledefinitions/getbytype(2)')) return json({ Id: READER });
    if (url.includes('associatedmembergroup')) return json({ Id: MEMBERS });
    if (url.includes('breakroleinheritance')) return new Response(null, { status: 200 });
    if (url.includes(`roleassignments(${MEMBERS})/roledefinitionbindings`)) return json({ value: state.memberRoles.map((Id) => ({ Id })) });
    if (url.includes('removeroleassignment') || url.includes('addroleassignment')) return new Response(null, { status: 200 });
    return spError(400, '-1', `unexpected ${call.method} ${call.url}`);
  });
}

describe('editors-only permissions of the programme\'s definitions (services, measures)', () => {
  const runOn = async (f: ReturnType<typeof fakeFetch>, key: 'services' | 'measures'): Promise<ProvisioningReport> => {
    const sp = getSPForUrl(WEB, { digest: 'digest', retry: { fetch: f.fetch } });
    const report: ProvisioningReport = { created: [], updated: [], unchanged: [] };
    await ensureEditorsOnly(sp, SCHEMA[key], sp.web.lists.getByTitle(SCHEMA[key].title), report);
    return report;
  };

  it('is asked of the services and measures, whose edit right makes someone an editor to the web parts', () => {
    expect(Object.values(SCHEMA).filter((l) => l.permissions === 'editorsOnly').map((l) => l.key)).toEqual(['services', 'measures']);
  });

  it('breaks inheritance and leaves members with Read (owners keep Full Control)', async () => {
    const f = definitionsSite({ unique: false, memberRoles: [EDIT] });
    const report = await runOn(f, 'measures');
    expect(report.updated).toEqual([`${SCHEMA.measures.title} / permissions`]);
    expect(writes(f)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/breakroleinheritance\(copyroleassignments=true,\s*clearsubscopes=false\)/i),
        // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures, never from input.
        expect.stringMatching(new RegExp(`removeroleassignment\\(principalid=${MEMBERS},\\s*roledefid=${EDIT}\\)`, 'i')),
        // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures, never from input.
        expect.stringMatching(new RegExp(`addroleassignment\\(principalid=${MEMBERS},\\s*roledefid=${READER}\\)`, 'i'))
      ])
    );
    // No permission level of its own is created: Read is SharePoint's.
    expect(writes(f).some((u) => /roledefinitions$/i.test(u.split('?')[0]))).toBe(false);
  });

  it('writes nothing when members already only read, and says so on a site without permissions', async () => {
    const done = definitionsSite({ unique: true, memberRoles: [READER] });
    expect((await runOn(done, 'services')).unchanged).toEqual([`${SCHEMA.services.title} / permissions`]);
    expect(writes(done)).toEqual([]);
    const host = fakeFetch(() => spError(501, '501', 'The local host does not implement it.'));
    expect((await runOn(host, 'services')).notSupported).toEqual([`${SCHEMA.services.title} / permissions`]);
    expect(writes(host)).toEqual([]);
  });
});
