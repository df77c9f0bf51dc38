/**
 * `canEdit` on an add-only list (snapshots, committee papers) asks AddListItems: the site's
 * members hold "SSM Add only" there, which never grants EditListItems, yet publishing (adding a
 * snapshot and its paper) is theirs. Every other list is asked EditListItems.
 */
import { PermissionKind } from '@pnp/sp/security';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories, editPermissionOf } from '../../src/data/pnpRepositories';
import { ADD_ONLY_PERMISSIONS, permissionMask } from '../../src/data/provisioning';
import { SCHEMA } from '../../src/data/schema';
import type { EditableListKey } from '../../src/data/repositories';
import { fakeFetch, json, RecordedCall, spError } from './support/fakeFetch';

const WEB = 'https://contoso.sharepoint.com/sites/ssm';

/** A site on which the user holds these permissions on every list. */
function siteWith(kinds: readonly PermissionKind[]): ReturnType<typeof createPnpRepositories> {
  const mask = permissionMask(kinds);
  const f = fakeFetch((call: RecordedCall) =>
    /effectivebasepermissions/i.test(call.url) ? json({ High: String(mask.High), Low: String(mask.Low) }) : spError(400, '-1', `unexpected ${call.method} ${call.url}`)
  );
  return createPnpRepositories(getSPForUrl(WEB, { digest: 'digest', retry: { fetch: f.fetch } }));
}

describe('the permission canEdit asks', () => {
  it('is AddListItems on the add-only lists and EditListItems on the others', () => {
    const repositories = createPnpRepositories(getSPForUrl(WEB));
    const lists = Object.values(SCHEMA).map((l) => l.key).filter((k): k is EditableListKey => k in repositories);
    expect(lists.length).toBeGreaterThan(2);
    for (const list of lists) expect(editPermissionOf(list)).toBe(SCHEMA[list].permissions === 'addOnly' ? PermissionKind.AddListItems : PermissionKind.EditListItems);
    expect(editPermissionOf('snapshots')).toBe(PermissionKind.AddListItems);
    expect(editPermissionOf('committeePapers')).toBe(PermissionKind.AddListItems);
    expect(editPermissionOf('objectives')).toBe(PermissionKind.EditListItems);
  });

  it('lets a member holding "SSM Add only" publish, but not edit an ordinary list', async () => {
    const member = siteWith(ADD_ONLY_PERMISSIONS);
    expect(await member.canEdit('snapshots')).toBe(true);
    expect(await member.canEdit('committeePapers')).toBe(true);
    expect(await member.canEdit('objectives')).toBe(false);
  });

  it('refuses a reader (View Items only) everywhere', async () => {
    const reader = siteWith([PermissionKind.ViewListItems, PermissionKind.ViewVersions]);
    expect(await reader.canEdit('snapshots')).toBe(false);
    expect(await reader.canEdit('objectives')).toBe(false);
  });
});
