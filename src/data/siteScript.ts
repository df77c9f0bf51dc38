/**
 * Generates the SharePoint site script that provisions every list of the product from
 * SCHEMA, for administrators who prefer a site template (Add-SPOSiteScript) to letting the
 * web part's ensureLists() create the lists. Pure: no SPFx, no I/O; the writer in
 * local/scripts/generate-site-script.ts saves the result to sharepoint/site-script/.
 *
 * Verbs and properties follow the site template JSON schema
 * (learn.microsoft.com/sharepoint/dev/declarative-customization/site-design-json-schema).
 * Site scripts cannot turn on versioning or set permissions: ensureLists() or the administrator does (README).
 */
import type { FieldDef, ListDef, ListKey } from './schema';
import { BUILT_IN } from './schema';

/** JSON schema URL of site scripts. */
export const SITE_SCRIPT_SCHEMA_URL = 'https://developer.microsoft.com/json-schemas/sp/site-design-script-actions.schema.json';

/**
 * SharePoint limits for site scripts applied asynchronously (site template UI or
 * Add-SPOSiteDesignTask): 300 actions or 100,000 characters. Invoke-SPOSiteDesign (synchronous)
 * allows only 30 actions, so it is not the way to apply this script.
 */
export const SITE_SCRIPT_LIMITS = { maxActions: 300, maxCharacters: 100000, maxSynchronousActions: 30 } as const;

/** Id of the built-in Title field of every list. */
export const TITLE_FIELD_ID = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';

/** Namespace of the name-based (version 5) GUIDs of the product's fields. Never change it: ids must stay stable. */
export const FIELD_ID_NAMESPACE = '5f3c8e52-9a4b-4d1e-8f27-3b6a1c0d9e74';

/** A list subaction. */
export type SiteScriptSubaction =
  | { verb: 'setDescription'; description: string }
  | {
      verb: 'addSPField';
      fieldType: 'Text' | 'Note' | 'Number' | 'Boolean' | 'User' | 'DateTime';
      displayName: string;
      internalName: string;
      id: string;
      isRequired: boolean;
      addToDefaultView: boolean;
    }
  | { verb: 'addSPFieldXml'; schemaXml: string; addToDefaultView?: boolean }
  | { verb: 'addSPLookupFieldXml'; schemaXml: string; targetListName: string; addToDefaultView?: boolean }
  | {
      verb: 'addSPView';
      name: string;
      viewFields: string[];
      query: string;
      rowLimit: number;
      isPaged: boolean;
      makeDefault: boolean;
    };

/** SharePoint's list template ids: a custom list (100) and a document library (101). */
export const LIST_TEMPLATE_TYPE = { list: 100, library: 101 } as const;

/** A top-level action; the product only creates lists and libraries. */
export interface CreateListAction {
  verb: 'createSPList';
  listName: string;
  templateType: (typeof LIST_TEMPLATE_TYPE)[keyof typeof LIST_TEMPLATE_TYPE];
  subactions: SiteScriptSubaction[];
}

/** A whole site script. */
export interface SiteScript {
  $schema: string;
  actions: CreateListAction[];
  bindata: Record<string, never>;
  version: 1;
}

/** The schema could not be turned into a site script (e.g. a lookup to a list created later). */
export class SiteScriptError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SiteScriptError';
    Object.setPrototypeOf(this, SiteScriptError.prototype);
  }
}

// --- Name-based GUIDs (RFC 4122 version 5, SHA-1) -------------------------------------------
// Field ids must be identical on every run so that re-applying the script updates fields
// instead of adding duplicates; no library in the SPFx bundle offers SHA-1 synchronously.

function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

function guidBytes(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new SiteScriptError(`"${guid}" is not a GUID.`);
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Name-based GUID (RFC 4122 version 5): the same namespace and name always give the same GUID. */
export function uuidV5(name: string, namespace: string): string {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(guidBytes(namespace));
  input.set(nameBytes, 16);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stable id of a field of a list: derived from the list key and the field's internal name. */
export function fieldId(list: Pick<ListDef, 'key'>, field: Pick<FieldDef, 'internalName'>): string {
  return uuidV5(`${list.key}/${field.internalName}`, FIELD_ID_NAMESPACE);
}

// --- CAML ------------------------------------------------------------------------------------

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const bool = (value: boolean | undefined): string => (value ? 'TRUE' : 'FALSE');

function attributes(attrs: ReadonlyArray<[string, string | number | undefined]>): string {
  return attrs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(String(v))}"`)
    .join(' ');
}

/** Attributes specific to each field kind (after ID, Name, DisplayName and Type). */
function typeAttributes(f: FieldDef): { type: string; attrs: Array<[string, string | number | undefined]>; children: string } {
  const range: Array<[string, string | number | undefined]> = [
    ['Min', f.min],
    ['Max', f.max]
  ];
  switch (f.type) {
    case 'Text':
      return { type: 'Text', attrs: [['MaxLength', f.maxLength ?? 255]], children: '' };
    case 'Note':
    case 'Json':
      // Plain text: the product writes JSON or text, and rich text would wrap it in HTML.
      return { type: 'Note', attrs: [['NumLines', 6], ['RichText', 'FALSE'], ['UnlimitedLengthInDocumentLibrary', 'FALSE']], children: '' };
    case 'RichText':
      return {
        type: 'Note',
        attrs: [['NumLines', 6], ['RichText', 'TRUE'], ['RichTextMode', 'FullHtml'], ['IsolateStyles', 'TRUE']],
        children: ''
      };
    case 'Number':
      return { type: 'Number', attrs: range, children: '' };
    case 'Integer':
      return { type: 'Number', attrs: [['Decimals', 0], ...range], children: '' };
    case 'Currency':
      // 2057 = English (United Kingdom): amounts are shown in pounds.
      return { type: 'Currency', attrs: [['LCID', 2057], ['Decimals', 2], ...range], children: '' };
    case 'DateTime':
      return { type: 'DateTime', attrs: [['Format', 'DateTime']], children: '' };
    case 'DateOnly':
      return { type: 'DateTime', attrs: [['Format', 'DateOnly']], children: '' };
    case 'Choice': {
      const choices = (f.choices ?? []).map((c) => `<CHOICE>${escapeXml(c)}</CHOICE>`).join('');
      return { type: 'Choice', attrs: [['Format', 'Dropdown'], ['FillInChoice', 'FALSE']], children: `<CHOICES>${choices}</CHOICES>` };
    }
    case 'Boolean':
      return { type: 'Boolean', attrs: [], children: '<Default>0</Default>' };
    case 'User':
      return {
        type: 'User',
        attrs: [['List', 'UserInfo'], ['ShowField', 'ImnName'], ['UserSelectionMode', 'PeopleOnly'], ['UserSelectionScope', 0], ['Mult', 'FALSE']],
        children: ''
      };
    case 'URL':
      return { type: 'URL', attrs: [['Format', 'Hyperlink']], children: '' };
    case 'Lookup':
      // The target list is named by targetListName of addSPLookupFieldXml, which fills in List.
      return {
        type: 'Lookup',
        attrs: [['ShowField', BUILT_IN.title], ['Mult', 'FALSE'], ['RelationshipDeleteBehavior', 'None']],
        children: ''
      };
  }
}

/** Full CAML `<Field …/>` of a field, with its stable ID. */
export function fieldSchemaXml(list: Pick<ListDef, 'key'>, f: FieldDef): string {
  const { type, attrs, children } = typeAttributes(f);
  const head = attributes([
    ['ID', `{${fieldId(list, f)}}`],
    ['Name', f.internalName],
    ['StaticName', f.internalName],
    ['DisplayName', f.displayName],
    ['Type', type],
    ['Required', bool(f.required)],
    ['Indexed', f.indexed ? 'TRUE' : undefined],
    ['EnforceUniqueValues', f.unique ? 'TRUE' : undefined],
    ['Description', f.description],
    // A copy the product keeps (an objective's status history) is not offered in SharePoint's own forms.
    ['ShowInNewForm', f.onDemand ? 'FALSE' : undefined],
    ['ShowInEditForm', f.onDemand ? 'FALSE' : undefined],
    ...attrs
  ]);
  return children ? `<Field ${head}>${children}</Field>` : `<Field ${head} />`;
}

/** CAML that renames the built-in Title field (same ID, so SharePoint updates it in place). */
function titleFieldXml(list: ListDef): string {
  return `<Field ${attributes([
    ['ID', `{${TITLE_FIELD_ID}}`],
    ['Name', BUILT_IN.title],
    ['StaticName', BUILT_IN.title],
    ['SourceID', 'http://schemas.microsoft.com/sharepoint/v3'],
    ['DisplayName', list.titleDisplayName],
    ['Type', 'Text'],
    // Lists without a title of their own get a computed label (mapping.ts), never typed by users.
    ['Required', bool(list.titleKey !== undefined)],
    ['FromBaseType', 'TRUE'],
    ['MaxLength', 255]
  ])} />`;
}

const SIMPLE_FIELD_TYPES: { readonly [T in FieldDef['type']]?: 'Text' | 'Number' | 'Boolean' | 'User' } = {
  Text: 'Text',
  Number: 'Number',
  Boolean: 'Boolean',
  User: 'User'
};

/**
 * addSPField only sets type, names, id and required. A field needing anything more (index,
 * length, range, description, date format, plain-text Note) gets addSPFieldXml instead.
 */
function simpleFieldType(f: FieldDef): 'Text' | 'Number' | 'Boolean' | 'User' | undefined {
  const extra = f.indexed || f.maxLength !== undefined || f.min !== undefined || f.max !== undefined || f.description;
  return extra ? undefined : SIMPLE_FIELD_TYPES[f.type];
}

function fieldAction(list: ListDef, f: FieldDef, created: ReadonlyMap<ListKey, string>): SiteScriptSubaction {
  if (f.type === 'Lookup') {
    const target = f.lookupList ? created.get(f.lookupList) : undefined;
    if (!target) {
      throw new SiteScriptError(
        `Field ${f.internalName} of list ${list.key} looks up list ${String(f.lookupList)}, which is not created before it.`
      );
    }
    return { verb: 'addSPLookupFieldXml', schemaXml: fieldSchemaXml(list, f), targetListName: target, addToDefaultView: false };
  }
  const simple = simpleFieldType(f);
  if (simple) {
    return {
      verb: 'addSPField',
      fieldType: simple,
      displayName: f.displayName,
      internalName: f.internalName,
      id: fieldId(list, f),
      isRequired: f.required === true,
      addToDefaultView: false
    };
  }
  return { verb: 'addSPFieldXml', schemaXml: fieldSchemaXml(list, f), addToDefaultView: false };
}

/**
 * Builds the site script for a schema: one createSPList per list, in the schema's order
 * (lookup targets first), with its description, Title display name, fields and views. Fields
 * are not added to the default view one by one; the schema's views list their columns.
 */
export function buildSiteScript(schema: { readonly [K in ListKey]?: ListDef }): SiteScript {
  const created = new Map<ListKey, string>();
  const actions: CreateListAction[] = [];
  const lists = Object.values(schema).filter((l): l is ListDef => l !== undefined);
  for (const list of lists) {
    const subactions: SiteScriptSubaction[] = [{ verb: 'setDescription', description: list.description }];
    if (list.titleDisplayName !== BUILT_IN.title) subactions.push({ verb: 'addSPFieldXml', schemaXml: titleFieldXml(list) });
    for (const f of list.fields) subactions.push(fieldAction(list, f, created));
    for (const v of list.views) {
      subactions.push({
        verb: 'addSPView',
        name: v.title,
        viewFields: [...v.fields],
        query: v.query,
        rowLimit: v.rowLimit,
        isPaged: true,
        makeDefault: v.isDefault === true
      });
    }
    actions.push({ verb: 'createSPList', listName: list.title, templateType: LIST_TEMPLATE_TYPE[list.template ?? 'list'], subactions });
    created.set(list.key, list.title);
  }
  return { $schema: SITE_SCRIPT_SCHEMA_URL, actions, bindata: {}, version: 1 };
}

/** The file content of a site script: two-space indented JSON with a final newline. */
export function serialiseSiteScript(script: SiteScript): string {
  return `${JSON.stringify(script, null, 2)}\n`;
}

/** Number of actions SharePoint counts against its limit: each list plus each of its subactions. */
export function countActions(script: SiteScript): number {
  return script.actions.reduce((n, a) => n + 1 + a.subactions.length, 0);
}
