/**
 * The single source of truth for every SharePoint list, field and view of the product, built
 * from the list declarations (src/data/lists). Provisioning (ensureLists and the generated
 * site script), the PnPjs repositories and the local host all read from here: no list or
 * field name is written anywhere else.
 */
import { LIST_DECLARATIONS, ListKey } from './lists';
import type { FieldKeyOf, ListDeclaration, ListDef, ViewDef } from './lists/declare';
import { BUILT_IN } from './lists/builtIn';

export type { FieldDef, FieldType, JsonEntry, ListDef, ListPermissions, ListTemplate, ViewDef } from './lists/declare';
export type { ListKey } from './lists';
export { BUILT_IN };

/**
 * The most characters a multiple-lines-of-text column of a SharePoint list holds (rich text,
 * plain text and the product's JSON columns alike).
 */
export const NOTE_MAX_LENGTH = 63999;

const AUDIT_COLUMNS = [BUILT_IN.modified, BUILT_IN.editor, BUILT_IN.created, BUILT_IN.author] as const;
const BY_MODIFIED_DESC = `<OrderBy><FieldRef Name="${BUILT_IN.modified}" Ascending="FALSE" /></OrderBy>`;

/** Builds the standard views every list gets: default, auditor "all items with history columns" and "by service". */
function withViews(list: Omit<ListDef, 'views'>, extra: readonly ViewDef[] = []): ListDef {
  // A library's views lead with the file (icon and linked name), which is what auditors open.
  const lead = list.template === 'library' ? [BUILT_IN.docIcon, BUILT_IN.linkFilename, BUILT_IN.title] : [BUILT_IN.title];
  const columns = [...lead, ...list.fields.filter((f) => f.type !== 'Json' && !f.onDemand).map((f) => f.internalName)];
  const serviceField = list.fields.find((f) => f.lookupList === 'services');
  const views: ViewDef[] = [
    { title: 'All Items', fields: columns, query: '', rowLimit: 30, isDefault: true },
    { title: 'Audit - all changes', fields: [...columns, ...AUDIT_COLUMNS], query: BY_MODIFIED_DESC, rowLimit: 100 }
  ];
  if (serviceField) {
    views.push({
      title: 'By service',
      fields: columns,
      query: `<GroupBy Collapse="FALSE"><FieldRef Name="${serviceField.internalName}" /></GroupBy>`,
      rowLimit: 100
    });
  }
  return { ...list, views: [...views, ...extra] };
}

/** The provisioned definition of a declared list: its fields, the standard views and its own. */
function listDefOf(decl: ListDeclaration<ListKey>): ListDef {
  const fieldOf = (key: FieldKeyOf<unknown> | string): string => {
    const found = decl.fields.find((f) => f.key === key);
    if (!found) throw new Error(`Schema: list ${decl.key} has no field ${key}`);
    return found.internalName;
  };
  const { key, title, url, description, majorVersionLimit, titleDisplayName, titleKey } = decl;
  const fields: ListDef['fields'] = [...decl.fields, ...(decl.derivedKeys ?? [])];
  const base: Omit<ListDef, 'views'> = titleKey === undefined
    ? { key, title, url, description, majorVersionLimit, fields, titleDisplayName }
    : { key, title, url, description, majorVersionLimit, fields, titleDisplayName, titleKey };
  const withPermissions = decl.permissions ? { ...base, permissions: decl.permissions } : base;
  return withViews(decl.template ? { ...withPermissions, template: decl.template } : withPermissions, decl.views ? decl.views(fieldOf) : []);
}

/** Every list of the product, keyed by ListKey, in provisioning order (lookup targets first). */
export const SCHEMA: { readonly [K in ListKey]: ListDef } = Object.fromEntries(
  LIST_DECLARATIONS.map((d) => [d.key, listDefOf(d as ListDeclaration<ListKey>)])
) as { readonly [K in ListKey]: ListDef };

/** Lists in provisioning order: a lookup's target list always comes before the list that looks it up. */
export const LISTS: readonly ListDef[] = Object.values(SCHEMA);

/** Field definition of a list by model key; throws on a typo so mistakes fail fast in tests. */
export function fieldDef(list: ListKey, key: string): ListDef['fields'][number] {
  const found = SCHEMA[list].fields.find((f) => f.key === key);
  if (!found) throw new Error(`Schema: list ${list} has no field ${key}`);
  return found;
}

/** REST property name of a field: `${internalName}Id` for User and Lookup fields. */
export function restName(def: ListDef['fields'][number]): string {
  return def.type === 'User' || def.type === 'Lookup' ? `${def.internalName}Id` : def.internalName;
}
