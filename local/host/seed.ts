/**
 * Creates the product's lists in the store straight from the schema (so a fresh local site
 * has them without running provisioning) and seeds users and items from sample data,
 * mapping each model with the same `toItem` the repositories use.
 */
import { LISTS, FieldDef, ListDef, ListKey } from '../../src/data/schema';
import { LIST_TEMPLATE_TYPE } from '../../src/data/siteScript';
import { toItem } from '../../src/data/mapping';
import { SAMPLE_LISTS } from '../../src/data/lists';
import { historiesOf } from '../../src/domain/statusHistory';
import type { Persona, SampleData } from '../sample-data/types';
import { encodeXml } from './fieldXml';
import { HostField, HostFieldType, HostList, Store, toSpDate } from './store';

function hostType(def: FieldDef): HostFieldType {
  switch (def.type) {
    case 'RichText':
    case 'Json':
      return 'Note';
    case 'DateOnly':
      return 'DateTime';
    default:
      return def.type;
  }
}

/** The SchemaXml a field definition corresponds to (what createfieldasxml would receive). */
function schemaXmlOf(def: FieldDef, type: HostFieldType, lookupListId?: string): string {
  const attrs: string[] = [
    `Type="${type}"`,
    `Name="${def.internalName}"`,
    `StaticName="${def.internalName}"`,
    `DisplayName="${encodeXml(def.displayName)}"`,
    `Required="${def.required ? 'TRUE' : 'FALSE'}"`,
    `Indexed="${def.indexed ? 'TRUE' : 'FALSE'}"`
  ];
  if (def.unique) attrs.push('EnforceUniqueValues="TRUE"');
  if (def.type === 'RichText') attrs.push('RichText="TRUE"');
  if (def.type === 'DateOnly') attrs.push('Format="DateOnly"');
  if (lookupListId) attrs.push(`List="{${lookupListId}}"`, 'ShowField="Title"');
  if (def.min !== undefined) attrs.push(`Min="${def.min}"`);
  if (def.max !== undefined) attrs.push(`Max="${def.max}"`);
  if (def.maxLength !== undefined) attrs.push(`MaxLength="${def.maxLength}"`);
  const choices = def.choices ? `<CHOICES>${def.choices.map((c) => `<CHOICE>${encodeXml(c)}</CHOICE>`).join('')}</CHOICES>` : '';
  return `<Field ${attrs.join(' ')}>${choices}</Field>`;
}

/** Host field definition for a schema field. */
export function hostFieldOf(def: FieldDef, lookupListId?: string): Omit<HostField, 'id'> {
  const type = hostType(def);
  return {
    internalName: def.internalName,
    staticName: def.internalName,
    title: def.displayName,
    type,
    required: !!def.required,
    indexed: !!def.indexed,
    unique: !!def.unique,
    hidden: false,
    readOnly: false,
    builtIn: false,
    choices: def.choices ? [...def.choices] : undefined,
    lookupListId,
    showField: type === 'Lookup' ? 'Title' : undefined,
    min: def.min,
    max: def.max,
    maxLength: type === 'Text' ? def.maxLength ?? 255 : undefined,
    richText: def.type === 'RichText' ? true : type === 'Note' ? false : undefined,
    dateOnly: type === 'DateTime' ? def.type === 'DateOnly' : undefined,
    description: def.description,
    schemaXml: schemaXmlOf(def, type, lookupListId)
  };
}

function createList(store: Store, def: ListDef, ids: Map<ListKey, HostList>): HostList {
  const list = store.createList({ title: def.title, description: def.description, url: def.url, baseTemplate: LIST_TEMPLATE_TYPE[def.template ?? 'list'] });
  store.updateList(list, { enableVersioning: true, majorVersionLimit: def.majorVersionLimit });
  const title = store.fieldByNameOrTitle(list, 'Title');
  if (title) store.updateField(list, { ...title, title: def.titleDisplayName });
  for (const f of def.fields) {
    const target = f.lookupList ? ids.get(f.lookupList) : undefined;
    if (f.lookupList && !target) throw new Error(`Schema order: list ${def.key} looks up ${f.lookupList}, which is not created yet`);
    store.addField(list, hostFieldOf(f, target?.id));
  }
  const views = store.views(list);
  for (const v of def.views) {
    const existing = views.find((x) => x.title.toLowerCase() === v.title.toLowerCase());
    const draft = { title: v.title, viewQuery: v.query, rowLimit: v.rowLimit, isDefault: !!v.isDefault, personal: false, fields: [...v.fields] };
    if (existing) store.updateView(list, { ...existing, ...draft });
    else store.addView(list.pk, draft);
  }
  const created = store.listById(list.id);
  if (!created) throw new Error(`List ${def.title} vanished after creation`);
  return created;
}

/** Creates every list of the schema (lookup targets first). */
export function createSchemaLists(store: Store): Map<ListKey, HostList> {
  const ids = new Map<ListKey, HostList>();
  for (const def of LISTS) ids.set(def.key, createList(store, def, ids));
  return ids;
}

/**
 * Adds the schema's fields that the lists of an existing database lack (a data file from an
 * older version), as provisioning does on a live site; items already stored keep them empty.
 * Lists it lacks altogether are created. Returns what was added, as "list / field" or "list".
 */
export function addMissingSchemaFields(store: Store): string[] {
  const added: string[] = [];
  store.transaction(() => {
    for (const def of LISTS) {
      const list = store.listByTitle(def.title);
      if (!list) {
        // A list (or library) newer than the data file is created whole, as provisioning would.
        const ids = new Map<ListKey, HostList>();
        for (const other of LISTS) {
          const found = store.listByTitle(other.title);
          if (found) ids.set(other.key, found);
        }
        createList(store, def, ids);
        added.push(def.title);
        continue;
      }
      const have = new Set(store.fields(list).map((f) => f.internalName.toLowerCase()));
      for (const f of def.fields) {
        if (have.has(f.internalName.toLowerCase())) continue;
        const target = f.lookupList ? LISTS.find((l) => l.key === f.lookupList) : undefined;
        const targetList = target ? store.listByTitle(target.title) : undefined;
        store.addField(list, hostFieldOf(f, targetList?.id));
        added.push(`${def.title} / ${f.internalName}`);
      }
    }
  });
  return added;
}

/**
 * The data with each objective's status history as the product's update save keeps it, built
 * from the updates as they are stored (an update without a date of its own is dated `now`).
 */
function withStatusHistories(data: SampleData, now: string): SampleData {
  const updates = data.objectiveUpdates.map((u) => (u.created ? u : { ...u, created: now, modified: u.modified ?? now }));
  const stored = updates.map((u) => ({ ...u, created: toSpDate(new Date(u.created as string)), modified: toSpDate(new Date(u.modified ?? (u.created as string))) }));
  const histories = historiesOf(stored);
  return {
    ...data,
    objectiveUpdates: updates,
    objectives: data.objectives.map((o) => ({ ...o, statusHistory: histories.get(o.id) ?? '' }))
  };
}

/** Seeds users (with persona permissions) and every list's items with their explicit ids. */
export function seedStore(store: Store, data: SampleData, personas: readonly Persona[]): void {
  store.transaction(() => {
    for (const u of data.users) {
      const persona = personas.find((p) => p.userId === u.id);
      store.addUser({
        id: u.id,
        title: u.displayName,
        email: u.email,
        // The editor persona owns the site; everyone not a read-only persona may edit.
        isSiteAdmin: persona?.role === 'editor',
        canEdit: persona ? persona.canEdit : true
      });
      store.addDirectoryPerson({ title: u.displayName, email: u.email });
    }
    for (const p of data.directory ?? []) store.addDirectoryPerson({ title: p.displayName, email: p.email });
    const lists = createSchemaLists(store);
    const editor = personas.find((p) => p.role === 'editor')?.userId ?? data.users[0]?.id ?? 1;
    const seeded = withStatusHistories(data, toSpDate(new Date()));
    // Every list declared with sample data, in provisioning order (lookup targets first).
    for (const key of SAMPLE_LISTS) {
      const list = lists.get(key);
      if (!list) throw new Error(`List ${key} was not created`);
      // Lists declared with `sample: 'optional'` may be left out of a data set.
      for (const model of (seeded[key] ?? []) as unknown as Array<Record<string, unknown>>) {
        const values = store.normaliseValues(list, toItem(key, model));
        const created = typeof model.created === 'string' && model.created ? toSpDate(new Date(model.created)) : undefined;
        const modified = typeof model.modified === 'string' && model.modified ? toSpDate(new Date(model.modified)) : undefined;
        store.addItem(list, values, editor, { id: Number(model.id), created, modified });
      }
    }
  });
}
