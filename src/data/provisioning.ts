/**
 * Creates the product's lists, fields and views on the current site from SCHEMA ("Set up
 * lists" in the web part). Idempotent: it reads first and writes only what is missing or
 * different, so a second run sends no write request at all.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import type { IList } from '@pnp/sp/lists';
import { IBasePermissions, PermissionKind } from '@pnp/sp/security';
import { BUILT_IN, FieldDef, LISTS, ListDef, ListKey, SCHEMA, ViewDef } from './schema';
import { rebuildStatusHistories } from './statusHistories';
import { fieldSchemaXml, LIST_TEMPLATE_TYPE } from './siteScript';
import { BatchPart, runBatch, RunBatchOptions } from './batch';
import { DataAccessError, ListMissingError, toDataAccessError } from './errors';

/** What ensureLists did: every list, field and view, by label such as `SSM Objectives / field Aim`. */
export interface ProvisioningReport {
  /** Created in this run. */
  created: string[];
  /** Existed but had settings changed (versioning, Title column name). */
  updated: string[];
  /** Already as the schema wants. */
  unchanged: string[];
  /**
   * Steps the site did not support and that were left undone, said so rather than hidden: the
   * local host implements no permissions, so there a published snapshot stays editable.
   */
  notSupported?: string[];
  /**
   * Choice columns of a site set up with an older vocabulary whose missing choices were added
   * (also listed under `updated`). Choices the schema no longer names are kept: items may use them.
   */
  choicesAdded?: ChoicesAdded[];
}

/** The choices added to one Choice column, and those kept that the schema no longer names. */
export interface ChoicesAdded {
  /** List title. */
  list: string;
  /** The column's internal name. */
  field: string;
  /** The column's display name. */
  fieldTitle: string;
  added: string[];
  /** Choices on the site the schema does not name, left in place. */
  kept: string[];
}

/** Progress of ensureLists, for a progress indicator. */
export interface ProvisioningProgress {
  /** List being worked on. */
  list: ListKey;
  /** 1-based position of the list. */
  index: number;
  /** Number of lists. */
  total: number;
  /** UK English description of the step, e.g. "Checking SSM Objectives (2 of 8)". */
  message: string;
}

/** Options of {@link ensureLists}. */
export interface EnsureListsOptions {
  /** Retry settings for throttled `$batch` parts. */
  batch?: Omit<RunBatchOptions, 'operation' | 'list'>;
}


/**
 * AddFieldOptions: AddFieldInternalNameHint (8) makes SharePoint take the internal name from
 * the XML's Name instead of deriving it from DisplayName; AddToAllContentTypes (4).
 */
const ADD_FIELD_OPTIONS = 8 | 4;

/** Raw list properties read for the idempotency check. */
interface RawList {
  Id: string;
  Title: string;
  EnableVersioning?: boolean;
  MajorVersionLimit?: number;
}

/** Raw field properties read for the idempotency check. */
interface RawField {
  InternalName: string;
  Title?: string;
  Required?: boolean;
  TypeAsString?: string;
  /** A Choice column's choices: an array (minimal metadata) or `{ results }` (verbose). */
  Choices?: string[] | { results?: string[] };
}

/** A Choice column's choices as SharePoint returned them, in either JSON flavour. */
function choicesOf(f: RawField): string[] {
  const c = f.Choices;
  if (Array.isArray(c)) return c.map(String);
  if (c && Array.isArray(c.results)) return c.results.map(String);
  return [];
}

/** Raw view properties read for the idempotency check. */
interface RawView {
  Id: string;
  Title: string;
  DefaultView?: boolean;
}

const LIST_SELECT = ['Id', 'Title', 'EnableVersioning', 'MajorVersionLimit'];

/** Last segment of the schema URL ("Lists/SSMObjectives" gives "SSMObjectives"): the list is created under it so its URL has no spaces. */
function urlName(def: ListDef): string {
  const parts = def.url.split('/');
  return parts[parts.length - 1];
}

/** CAML of a field, with the lookup's target list id filled in (site scripts name the list instead). */
export function provisioningFieldXml(list: ListDef, f: FieldDef, listIds: ReadonlyMap<ListKey, string>): string {
  const xml = fieldSchemaXml(list, f);
  if (f.type !== 'Lookup') return xml;
  const targetId = f.lookupList ? listIds.get(f.lookupList) : undefined;
  if (!targetId) {
    throw new Error(`Schema: ${list.key}.${f.key} looks up ${String(f.lookupList)}, which is not provisioned before it.`);
  }
  const guid = targetId.replace(/[{}]/g, '');
  return xml.replace(' Type="Lookup"', ` Type="Lookup" List="{${guid}}"`);
}

/** Reads a list by title, or undefined when SharePoint says it does not exist. */
async function readList(sp: SPFI, title: string): Promise<RawList | undefined> {
  try {
    return (await sp.web.lists.getByTitle(title).select(...LIST_SELECT)()) as RawList;
  } catch (e) {
    const err = await toDataAccessError(e, { operation: 'provision', list: title });
    if (err instanceof ListMissingError) return undefined;
    throw err;
  }
}

/** Turns the outcomes of a provisioning batch into an error if any part failed. */
async function throwFirstFailure(results: ReadonlyArray<{ ok: boolean; error?: unknown }>, list: string): Promise<void> {
  for (const r of results) {
    if (!r.ok) throw await toDataAccessError(r.error, { operation: 'provision', list });
  }
}

/** Provisions lists, fields and views one list at a time. */
class Provisioner {
  public readonly report: ProvisioningReport = { created: [], updated: [], unchanged: [] };
  private readonly listIds = new Map<ListKey, string>();

  public constructor(
    private readonly sp: SPFI,
    private readonly options: EnsureListsOptions
  ) {}

  private batch<T>(parts: ReadonlyArray<BatchPart<T>>, list: string): Promise<Array<{ ok: true; value: T } | { ok: false; error: unknown }>> {
    return runBatch(this.sp, parts, { ...this.options.batch, operation: 'provision', list });
  }

  /** Ensures the list exists with versioning as the schema says; returns its id and whether it was created now. */
  public async ensureList(def: ListDef): Promise<{ id: string; created: boolean }> {
    const label = def.title;
    let existing = await readList(this.sp, def.title);
    let created = false;
    if (!existing) {
      // A run interrupted between creating and renaming leaves the list under its URL name.
      existing = await readList(this.sp, urlName(def));
      if (!existing) {
        existing = (await this.sp.web.lists.add(urlName(def), def.description, LIST_TEMPLATE_TYPE[def.template ?? 'list'], false)) as RawList;
        created = true;
      }
    }
    const wanted: Record<string, unknown> = {};
    if (existing.Title !== def.title) wanted.Title = def.title;
    if (existing.EnableVersioning !== true) wanted.EnableVersioning = true;
    if (existing.MajorVersionLimit !== def.majorVersionLimit) wanted.MajorVersionLimit = def.majorVersionLimit;
    if (Object.keys(wanted).length > 0) {
      await this.sp.web.lists.getById(existing.Id).update(wanted);
    }
    this.record(label, created, Object.keys(wanted).length > 0);
    this.listIds.set(def.key, existing.Id);
    return { id: existing.Id, created };
  }

  /** Adds the fields the list lacks and names the Title column as the schema says. */
  public async ensureFields(def: ListDef, list: IList): Promise<void> {
    const fields = (await list.fields.select('InternalName', 'Title', 'Required', 'TypeAsString')()) as RawField[];
    const byName = new Map(fields.map((f) => [f.InternalName, f] as [string, RawField]));

    const title = byName.get(BUILT_IN.title);
    const titleRequired = def.titleKey !== undefined;
    const titleLabel = `${def.title} / field ${BUILT_IN.title}`;
    if (title && (title.Title !== def.titleDisplayName || title.Required !== titleRequired)) {
      await list.fields.getByInternalNameOrTitle(BUILT_IN.title).update({ Title: def.titleDisplayName, Required: titleRequired }, 'SP.FieldText');
      this.report.updated.push(titleLabel);
    } else {
      this.report.unchanged.push(titleLabel);
    }

    const missing = def.fields.filter((f) => !byName.has(f.internalName));
    const changed = await this.ensureChoices(def, list, def.fields.filter((f) => f.type === 'Choice' && byName.get(f.internalName)?.TypeAsString === 'Choice'));
    for (const f of def.fields) {
      if (byName.has(f.internalName) && !changed.has(f.internalName)) this.report.unchanged.push(`${def.title} / field ${f.internalName}`);
    }
    if (missing.length === 0) return;
    const listId = this.listIds.get(def.key) as string;
    const parts: BatchPart<unknown>[] = missing.map((f) => {
      const xml = provisioningFieldXml(def, f, this.listIds);
      return (batched) => batched.web.lists.getById(listId).fields.createFieldAsXml({ SchemaXml: xml, Options: ADD_FIELD_OPTIONS });
    });
    await throwFirstFailure(await this.batch(parts, def.title), def.title);
    for (const f of missing) this.report.created.push(`${def.title} / field ${f.internalName}`);
  }

  /**
   * Adds the choices the schema names to a Choice column provisioned with an older vocabulary,
   * after the ones it has (so their order on the site is kept). Never removes a choice: items may
   * still use one the schema has dropped. Returns the internal names of the columns changed.
   */
  private async ensureChoices(def: ListDef, list: IList, choiceFields: readonly FieldDef[]): Promise<Set<string>> {
    const changed = new Set<string>();
    if (choiceFields.length === 0) return changed;
    // Choices belong to SP.FieldChoice, not SP.Field: read each column itself, as the fields
    // collection cannot select them (plain GETs, so a run with nothing to change writes nothing).
    const reads = (await Promise.all(
      choiceFields.map((f) => list.fields.getByInternalNameOrTitle(f.internalName).select('Choices')())
    )) as RawField[];
    for (let i = 0; i < choiceFields.length; i++) {
      const f = choiceFields[i];
      const onSite = choicesOf(reads[i]);
      const wanted = f.choices ?? [];
      const added = wanted.filter((c) => onSite.indexOf(c) < 0);
      if (added.length === 0) continue;
      await list.fields.getByInternalNameOrTitle(f.internalName).update({ Choices: [...onSite, ...added] }, 'SP.FieldChoice');
      const kept = onSite.filter((c) => wanted.indexOf(c) < 0);
      changed.add(f.internalName);
      this.report.updated.push(`${def.title} / field ${f.internalName}`);
      this.report.choicesAdded = [...(this.report.choicesAdded ?? []), { list: def.title, field: f.internalName, fieldTitle: f.displayName, added, kept }];
    }
    return changed;
  }

  /**
   * Adds the views the list lacks. Existing views are left as they are (site owners may have
   * tailored them), except SharePoint's own default view of a list created in this run, which
   * becomes the schema's default view.
   */
  public async ensureViews(def: ListDef, list: IList, listCreated: boolean): Promise<void> {
    const views = (await list.views.select('Id', 'Title', 'DefaultView')()) as RawView[];
    const find = (title: string): RawView | undefined => views.filter((v) => v.Title.toLowerCase() === title.toLowerCase())[0];
    const toFill: Array<{ id: string; view: ViewDef }> = [];
    for (const view of def.views) {
      const label = `${def.title} / view ${view.title}`;
      const existing = find(view.title);
      const builtInDefault = listCreated && view.isDefault ? views.filter((v) => v.DefaultView)[0] : undefined;
      const settings = { ViewQuery: view.query, RowLimit: view.rowLimit, Paged: true, DefaultView: view.isDefault === true };
      if (existing && !(listCreated && existing === builtInDefault)) {
        this.report.unchanged.push(label);
      } else if (existing || builtInDefault) {
        const target = (existing ?? builtInDefault) as RawView;
        await list.views.getById(target.Id).update({ ...settings, Title: view.title });
        toFill.push({ id: target.Id, view });
        this.report.created.push(label);
      } else {
        const added = (await list.views.add(view.title, false, settings)) as RawView;
        toFill.push({ id: added.Id, view });
        this.report.created.push(label);
      }
    }
    if (toFill.length === 0) return;
    // One batch per list for all column changes; SharePoint runs a changeset's parts in order.
    const listId = this.listIds.get(def.key) as string;
    const parts: BatchPart<unknown>[] = [];
    for (const { id, view } of toFill) {
      parts.push((b) => b.web.lists.getById(listId).views.getById(id).fields.removeAll());
      for (const field of view.fields) parts.push((b) => b.web.lists.getById(listId).views.getById(id).fields.add(field));
    }
    await throwFirstFailure(await this.batch(parts, def.title), def.title);
  }

  private record(label: string, created: boolean, updated: boolean): void {
    if (created) this.report.created.push(label);
    else if (updated) this.report.updated.push(label);
    else this.report.unchanged.push(label);
  }
}

/** Name of the permission level members get on add-only lists (created on the site once). */
export const ADD_ONLY_ROLE = 'SSM Add only';

/**
 * What the add-only level allows: open the site, read and add items, see versions. Not edit,
 * delete, approve or manage: what a member adds stays as it was added.
 */
export const ADD_ONLY_PERMISSIONS: readonly PermissionKind[] = [
  PermissionKind.ViewListItems,
  PermissionKind.AddListItems,
  PermissionKind.OpenItems,
  PermissionKind.ViewVersions,
  PermissionKind.ViewFormPages,
  PermissionKind.Open,
  PermissionKind.ViewPages,
  PermissionKind.BrowseUserInfo,
  PermissionKind.UseClientIntegration,
  PermissionKind.UseRemoteAPIs
];

/** The High/Low mask SharePoint stores for a set of permissions (bit k-1 for PermissionKind k). */
export function permissionMask(kinds: readonly PermissionKind[]): IBasePermissions {
  let low = 0;
  let high = 0;
  for (const k of kinds) {
    const bit = k - 1;
    if (bit < 32) low = (low | (1 << bit)) >>> 0;
    else high = (high | (1 << (bit - 32))) >>> 0;
  }
  return { Low: low, High: high };
}

/** Whether an error means the site does not implement the request (the local host), not that it failed. */
async function notImplemented(e: unknown): Promise<boolean> {
  const err = await toDataAccessError(e, { operation: 'provision' });
  return err.status === 501;
}

/**
 * Gives an add-only list its own permissions: inheritance broken (owners and visitors keep what
 * they had), and the site's members moved from their inherited level (Edit) to "SSM Add only".
 * Site scripts cannot do this (no site script action sets permissions), so provisioning does;
 * it needs a site owner. Idempotent: nothing is written when the list is already so.
 */
export async function ensureAddOnly(sp: SPFI, def: ListDef, list: IList, report: ProvisioningReport): Promise<void> {
  const label = `${def.title} / permissions`;
  try {
    await narrowToAddOnly(sp, def, list, label, report);
  } catch (e) {
    // Only a site that does not implement permissions at all answers 501 (the local host).
    if (!(await notImplemented(e))) throw e;
    report.notSupported = [...(report.notSupported ?? []), label];
  }
}

async function narrowToAddOnly(sp: SPFI, def: ListDef, list: IList, label: string, report: ProvisioningReport): Promise<void> {
  let created = false;
  let roleId: number;
  try {
    roleId = ((await sp.web.roleDefinitions.getByName(ADD_ONLY_ROLE).select('Id')()) as { Id: number }).Id;
  } catch (e) {
    const err = await toDataAccessError(e, { operation: 'provision', list: def.title });
    if (err.status !== 404) throw err;
    const added = await sp.web.roleDefinitions.add(ADD_ONLY_ROLE, 'Add and read items, but not edit or delete them (Shared Services Monitoring).', 100, permissionMask(ADD_ONLY_PERMISSIONS));
    roleId = (added.data as { Id: number }).Id;
    created = true;
  }
  await narrowMembers(sp, def, list, roleId, created, label, report);
}

/** SharePoint's built-in Read permission level (RoleTypeKind.Reader). */
const READER_ROLE_TYPE = 2;

/**
 * Gives an editors-only list its own permissions: inheritance broken (owners keep Full Control,
 * visitors Read) and the site's members moved from their inherited level (Edit) to Read. Like
 * the add-only lists, it needs a site owner, and writes nothing when the list is already so.
 */
export async function ensureEditorsOnly(sp: SPFI, def: ListDef, list: IList, report: ProvisioningReport): Promise<void> {
  const label = `${def.title} / permissions`;
  try {
    const roleId = ((await sp.web.roleDefinitions.getByType(READER_ROLE_TYPE).select('Id')()) as { Id: number }).Id;
    await narrowMembers(sp, def, list, roleId, false, label, report);
  } catch (e) {
    // Only a site that does not implement permissions at all answers 501 (the local host).
    if (!(await notImplemented(e))) throw e;
    report.notSupported = [...(report.notSupported ?? []), label];
  }
}

/** Breaks the list's inheritance (copying the site's assignments) and leaves the site's members with `roleId` alone. */
async function narrowMembers(sp: SPFI, def: ListDef, list: IList, roleId: number, roleCreated: boolean, label: string, report: ProvisioningReport): Promise<void> {
  const unique = ((await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments?: boolean }).HasUniqueRoleAssignments === true;
  let changed = roleCreated;
  const members = ((await sp.web.associatedMemberGroup.select('Id')()) as { Id: number }).Id;
  if (!unique) {
    // Copy the site's assignments (owners keep Full Control, visitors Read), then narrow members.
    await list.breakRoleInheritance(true, false);
    changed = true;
  }
  const bindings = (await list.roleAssignments.getById(members).bindings.select('Id')().catch(async (e: unknown) => {
    const err = await toDataAccessError(e, { operation: 'provision', list: def.title });
    if (err.status === 404) return [];
    throw err;
  })) as Array<{ Id: number }>;
  for (const b of bindings) {
    if (b.Id === roleId) continue;
    await list.roleAssignments.remove(members, b.Id);
    changed = true;
  }
  if (!bindings.some((b) => b.Id === roleId)) {
    await list.roleAssignments.add(members, roleId);
    changed = true;
  }
  if (changed) report.updated.push(label);
  else report.unchanged.push(label);
}

/**
 * Ensures every list of SCHEMA exists with its versioning, fields and views, in schema order
 * (lookup targets first). Needs a site owner (Manage Lists). Safe to run again at any time.
 */
export async function ensureLists(
  sp: SPFI,
  onProgress?: (progress: ProvisioningProgress) => void,
  options: EnsureListsOptions = {}
): Promise<ProvisioningReport> {
  const p = new Provisioner(sp, options);
  for (let i = 0; i < LISTS.length; i++) {
    const def = LISTS[i];
    onProgress?.({ list: def.key, index: i + 1, total: LISTS.length, message: `Setting up ${def.title} (${i + 1} of ${LISTS.length})` });
    try {
      const { id, created } = await p.ensureList(def);
      const list = sp.web.lists.getById(id);
      await p.ensureFields(def, list);
      await p.ensureViews(def, list, created);
      if (def.permissions === 'addOnly') await ensureAddOnly(sp, def, list, p.report);
      else if (def.permissions === 'editorsOnly') await ensureEditorsOnly(sp, def, list, p.report);
    } catch (e) {
      if (e instanceof DataAccessError) throw e;
      throw await toDataAccessError(e, { operation: 'provision', list: def.title });
    }
  }
  // A site set up before the objectives carried status histories gets them now (and stale ones are put right).
  onProgress?.({ list: 'objectives', index: LISTS.length, total: LISTS.length, message: "Bringing the objectives' status histories up to date" });
  const written = await rebuildStatusHistories(sp, options.batch);
  if (written > 0) p.report.updated.push(`${SCHEMA.objectives.title} / status history of ${written} ${written === 1 ? 'objective' : 'objectives'}`);
  return p.report;
}
