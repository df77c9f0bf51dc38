/**
 * SQLite persistence of the local host (node:sqlite DatabaseSync): site users, lists with
 * their field and view definitions, items (one JSON document per item, queried with
 * json_extract and expression indexes on indexed fields), item versions and the mail outbox.
 * It knows SharePoint semantics (etag versions, the list view threshold, value types) but
 * nothing about HTTP or JSON response shapes.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { CmpOp, FilterExpr, Literal, OrderKey, SkipToken, filterFields, tokenDateToIso, tokenValue } from './odata';
import { NOTE_MAX_LENGTH } from '../../src/data/schema';
import {
  SpError,
  columnMissing,
  duplicateValues,
  etagMismatch,
  invalidQuery,
  itemNotFound,
  propertyMissing,
  throttled
} from './errors';

/** Field kinds as SharePoint names them in TypeAsString. */
export type HostFieldType =
  | 'Counter'
  | 'Text'
  | 'Note'
  | 'Number'
  | 'Currency'
  | 'Integer'
  | 'DateTime'
  | 'Choice'
  | 'Boolean'
  | 'User'
  | 'Lookup'
  | 'URL'
  | 'Attachments';

/** A list field as the host keeps it. */
export interface HostField {
  id: string;
  internalName: string;
  staticName: string;
  title: string;
  type: HostFieldType;
  required: boolean;
  indexed: boolean;
  /** EnforceUniqueValues: no two items may hold the same value (compared case-insensitively, as SharePoint's collation does). */
  unique?: boolean;
  hidden: boolean;
  readOnly: boolean;
  builtIn: boolean;
  choices?: string[];
  lookupListId?: string;
  showField?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  richText?: boolean;
  dateOnly?: boolean;
  description?: string;
  schemaXml: string;
}

/** A list view. */
export interface HostView {
  id: string;
  title: string;
  viewQuery: string;
  rowLimit: number;
  isDefault: boolean;
  personal: boolean;
  fields: string[];
}

/** A list. */
export interface HostList {
  pk: number;
  id: string;
  title: string;
  url: string;
  description: string;
  baseTemplate: number;
  enableVersioning: boolean;
  majorVersionLimit: number;
  created: string;
  /** e.g. SP.Data.SSM_x0020_ServicesListItem */
  entityType: string;
}

/** A site user. */
export interface HostUser {
  id: number;
  title: string;
  email: string;
  loginName: string;
  isSiteAdmin: boolean;
  canEdit: boolean;
}

/** An item row. `data` holds values keyed by REST property name (Title, ServiceId, ...). */
export interface ItemRow {
  id: number;
  version: number;
  data: Record<string, unknown>;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
}

/** One stored version of an item. */
export interface VersionRow extends ItemRow {
  isCurrent: boolean;
}

/** A mail accepted by Graph sendMail. */
export interface SentMail {
  id: number;
  requestId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  sentAt: string;
}

/** Items above which SharePoint refuses queries on non-indexed columns. */
export const LIST_VIEW_THRESHOLD = 5000;

/** Current time as SharePoint writes it: ISO 8601 UTC without milliseconds. */
export function spNow(): string {
  return toSpDate(new Date());
}

/** ISO 8601 UTC without milliseconds. */
/** The site's time zone (Settings > Regional settings); the councils are in the UK. */
export const SITE_TIME_ZONE = 'Europe/London';

const siteDateParts = new Intl.DateTimeFormat('en-GB', { timeZone: SITE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Wall-clock year, month, day, hour and minute of an instant in the site's time zone. */
function siteWallClock(d: Date): { y: number; m: number; day: number; h: number; min: number } {
  const parts: Record<string, number> = {};
  for (const p of siteDateParts.formatToParts(d)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year, m: parts.month, day: parts.day, h: parts.hour, min: parts.minute };
}

/** Midnight, in the site's time zone, of the site-local date of an instant (as a UTC instant). */
export function siteMidnight(d: Date): Date {
  const { y, m, day } = siteWallClock(d);
  const utcMidnight = Date.UTC(y, m - 1, day);
  // The zone's offset at that moment: local wall time minus UTC (0 or one hour in the UK).
  const wall = siteWallClock(new Date(utcMidnight));
  const offsetMs = Date.UTC(wall.y, wall.m - 1, wall.day, wall.h, wall.min) - utcMidnight;
  return new Date(utcMidnight - offsetMs);
}

export function toSpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** SharePoint's encoding of a title into a name: spaces and symbols as _xHHHH_. */
export function encodeSpName(s: string): string {
  return s.replace(/[^A-Za-z0-9_]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);
}

/** REST property name of a field (`XId` for user and lookup fields). */
export function fieldRestName(f: HostField): string {
  return f.type === 'User' || f.type === 'Lookup' ? `${f.internalName}Id` : f.internalName;
}

const BUILT_IN_COLUMNS: Record<string, string> = {
  ID: 'i.id',
  Created: 'i.created',
  Modified: 'i.modified',
  Author: 'i.author_id',
  Editor: 'i.editor_id'
};

type ValueKind = 'number' | 'text' | 'date' | 'boolean';

interface Resolved {
  sql: string;
  kind: ValueKind;
  /** The list field whose Indexed flag governs the threshold. */
  field: HostField;
}

const SQL_OPS: Record<CmpOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

function guid(): string {
  return randomUUID();
}

/** Builds the built-in fields every new generic list has. */
function builtInFields(): HostField[] {
  const f = (internalName: string, title: string, type: HostFieldType, extra: Partial<HostField> = {}): HostField => ({
    id: guid(),
    internalName,
    staticName: internalName,
    title,
    type,
    required: false,
    indexed: false,
    hidden: false,
    readOnly: true,
    builtIn: true,
    schemaXml: `<Field Type="${type}" Name="${internalName}" DisplayName="${title}" />`,
    ...extra
  });
  return [
    f('ID', 'ID', 'Counter', { indexed: true }),
    f('Title', 'Title', 'Text', { readOnly: false, required: true, maxLength: 255 }),
    f('Created', 'Created', 'DateTime'),
    f('Modified', 'Modified', 'DateTime'),
    f('Author', 'Created By', 'User'),
    f('Editor', 'Modified By', 'User'),
    f('Attachments', 'Attachments', 'Attachments')
  ];
}

/** SharePoint's template id of a document library. */
export const DOCUMENT_LIBRARY = 101;

/** The fields a document library has besides a list's: the file's name and address, and two view columns. */
function libraryFields(): HostField[] {
  const f = (internalName: string, title: string): HostField => ({
    id: guid(),
    internalName,
    staticName: internalName,
    title,
    type: 'Text',
    required: false,
    indexed: false,
    hidden: false,
    readOnly: true,
    builtIn: true,
    maxLength: 400,
    schemaXml: `<Field Type="Text" Name="${internalName}" DisplayName="${title}" ReadOnly="TRUE" />`
  });
  return [f('FileLeafRef', 'Name'), f('FileRef', 'URL Path'), f('FileDirRef', 'Path'), f('DocIcon', 'Type'), f('LinkFilename', 'Name (linked to document)')];
}

/** The SQLite store. */
export class Store {
  private readonly db: DatabaseSync;
  private fieldCache = new Map<number, HostField[]>();
  private userCache: Map<number, HostUser> | undefined;

  constructor(file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY, title TEXT NOT NULL, email TEXT NOT NULL, login TEXT NOT NULL,
        is_admin INTEGER NOT NULL, can_edit INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS directory (email TEXT PRIMARY KEY COLLATE NOCASE, title TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS lists (
        pk INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL UNIQUE COLLATE NOCASE,
        url TEXT NOT NULL, description TEXT NOT NULL, base_template INTEGER NOT NULL,
        enable_versioning INTEGER NOT NULL, major_version_limit INTEGER NOT NULL,
        next_id INTEGER NOT NULL, created TEXT NOT NULL, entity_type TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS fields (
        list_pk INTEGER NOT NULL, internal_name TEXT NOT NULL, ord INTEGER NOT NULL, def TEXT NOT NULL,
        PRIMARY KEY (list_pk, internal_name));
      CREATE TABLE IF NOT EXISTS views (
        list_pk INTEGER NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, def TEXT NOT NULL,
        PRIMARY KEY (list_pk, id));
      CREATE TABLE IF NOT EXISTS items (
        list_pk INTEGER NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
        PRIMARY KEY (list_pk, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS item_versions (
        list_pk INTEGER NOT NULL, item_id INTEGER NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL,
        created TEXT NOT NULL, modified TEXT NOT NULL, author_id INTEGER NOT NULL, editor_id INTEGER NOT NULL,
        PRIMARY KEY (list_pk, item_id, version)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS file_blobs (id INTEGER PRIMARY KEY AUTOINCREMENT, bytes BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, from_address TEXT NOT NULL,
        to_json TEXT NOT NULL, cc_json TEXT NOT NULL, subject TEXT NOT NULL, body_html TEXT NOT NULL, sent_at TEXT NOT NULL);
    `);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  /** Runs `fn` in one transaction (seeding thousands of items stays fast). */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /** Deletes everything (admin reset). */
  wipe(): void {
    const indexes = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_items_%'").all();
    for (const row of indexes) this.db.exec(`DROP INDEX IF EXISTS "${String(row.name)}"`);
    this.db.exec('DELETE FROM meta; DELETE FROM users; DELETE FROM directory; DELETE FROM lists; DELETE FROM fields; DELETE FROM views; DELETE FROM items; DELETE FROM item_versions; DELETE FROM file_blobs; DELETE FROM outbox;');
    this.fieldCache.clear();
    this.userCache = undefined;
  }

  /** A value of the meta table. */
  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key);
    return row ? String(row.value) : undefined;
  }

  /** Sets a value of the meta table. */
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- users -------------------------------------------------------------------------

  private static toUser(row: Record<string, SQLInputValue>): HostUser {
    return {
      id: Number(row.id),
      title: String(row.title),
      email: String(row.email),
      loginName: String(row.login),
      isSiteAdmin: Number(row.is_admin) === 1,
      canEdit: Number(row.can_edit) === 1
    };
  }

  /** Every site user by id. */
  users(): HostUser[] {
    return this.db.prepare('SELECT * FROM users ORDER BY id').all().map((r) => Store.toUser(r as Record<string, SQLInputValue>));
  }

  /** A user by id (cached: item reads expand users row by row). */
  userById(id: number): HostUser | undefined {
    if (!this.userCache) this.userCache = new Map(this.users().map((u) => [u.id, u]));
    return this.userCache.get(id);
  }

  /** A user by email or claims login name, case-insensitively. */
  userByLogin(login: string): HostUser | undefined {
    const email = login.includes('|') ? login.slice(login.lastIndexOf('|') + 1) : login;
    const row = this.db.prepare('SELECT * FROM users WHERE lower(email) = lower(?) OR lower(login) = lower(?)').get(email, login);
    return row ? Store.toUser(row as Record<string, SQLInputValue>) : undefined;
  }

  /** Adds a user with an explicit or next id. */
  addUser(u: { id?: number; title: string; email: string; isSiteAdmin?: boolean; canEdit: boolean }): HostUser {
    const id = u.id ?? Number(this.db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM users').get()?.n);
    const login = `i:0#.f|membership|${u.email.toLowerCase()}`;
    this.db
      .prepare('INSERT INTO users (id, title, email, login, is_admin, can_edit) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, u.title, u.email, login, u.isSiteAdmin ? 1 : 0, u.canEdit ? 1 : 0);
    this.userCache = undefined;
    return { id, title: u.title, email: u.email, loginName: login, isSiteAdmin: !!u.isSiteAdmin, canEdit: u.canEdit };
  }

  /**
   * Adds a person to the tenant's directory: the people ensureuser may add to the site (on
   * SharePoint Online, anyone Entra ID knows). Adding someone already there keeps them.
   */
  addDirectoryPerson(p: { title: string; email: string }): void {
    this.db.prepare('INSERT OR IGNORE INTO directory (email, title) VALUES (?, ?)').run(p.email, p.title);
  }

  /** Whether the directory has anyone (a data file from an older version has none). */
  hasDirectory(): boolean {
    return this.db.prepare('SELECT 1 AS one FROM directory LIMIT 1').get() !== undefined;
  }

  /** A person of the tenant's directory by email or claims login name, case-insensitively. */
  directoryPerson(login: string): { title: string; email: string } | undefined {
    const email = login.includes('|') ? login.slice(login.lastIndexOf('|') + 1) : login;
    const row = this.db.prepare('SELECT email, title FROM directory WHERE email = ?').get(email);
    return row ? { email: String(row.email), title: String(row.title) } : undefined;
  }

  // ---- lists -------------------------------------------------------------------------

  private static toList(row: Record<string, SQLInputValue>): HostList {
    return {
      pk: Number(row.pk),
      id: String(row.id),
      title: String(row.title),
      url: String(row.url),
      description: String(row.description),
      baseTemplate: Number(row.base_template),
      enableVersioning: Number(row.enable_versioning) === 1,
      majorVersionLimit: Number(row.major_version_limit),
      created: String(row.created),
      entityType: String(row.entity_type)
    };
  }

  /** Every list. */
  lists(): HostList[] {
    return this.db.prepare('SELECT * FROM lists ORDER BY pk').all().map((r) => Store.toList(r as Record<string, SQLInputValue>));
  }

  /** A list by title (case-insensitive, like SharePoint). */
  listByTitle(title: string): HostList | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE title = ?').get(title);
    return row ? Store.toList(row as Record<string, SQLInputValue>) : undefined;
  }

  /** A list by GUID (braces optional). */
  listById(id: string): HostList | undefined {
    const clean = id.replace(/[{}]/g, '').toLowerCase();
    const row = this.db.prepare('SELECT * FROM lists WHERE lower(id) = ?').get(clean);
    return row ? Store.toList(row as Record<string, SQLInputValue>) : undefined;
  }

  /** A list by GUID, site-relative URL ("Lists/X") or title: the forms a lookup's List attribute takes. */
  listByReference(ref: string): HostList | undefined {
    const byId = this.listById(ref);
    if (byId) return byId;
    const path = ref.replace(/^\/+/, '').toLowerCase();
    return this.lists().find((l) => l.url.toLowerCase() === path || l.url.toLowerCase().endsWith(`/${path}`)) ?? this.listByTitle(ref);
  }

  /**
   * Creates a list with SharePoint's built-in fields and an "All Items" view. The URL is
   * `Lists/<title>` unless given, and the entity type follows the URL name.
   */
  createList(p: { title: string; description?: string; baseTemplate?: number; url?: string; id?: string }): HostList {
    if (this.listByTitle(p.title)) {
      throw new SpError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'
      );
    }
    // SharePoint keeps spaces in a REST-created list's URL and drops characters URLs cannot hold.
    const urlName = p.url ? p.url.replace(/^.*\//, '') : p.title.replace(/[#%&*:<>?\\/{|}~"]/g, '');
    const library = p.baseTemplate === DOCUMENT_LIBRARY;
    // A document library sits at the web's root ("CommitteePapers"), a list under "Lists/"; their
    // items' entity types are SP.Data.<Name>Item and SP.Data.<Name>ListItem, as in SharePoint.
    const url = p.url ?? (library ? urlName : `Lists/${urlName}`);
    const entityType = `SP.Data.${encodeSpName(urlName.charAt(0).toUpperCase() + urlName.slice(1))}${library ? 'Item' : 'ListItem'}`;
    const id = p.id ?? guid();
    const res = this.db
      .prepare(
        'INSERT INTO lists (id, title, url, description, base_template, enable_versioning, major_version_limit, next_id, created, entity_type) VALUES (?, ?, ?, ?, ?, 0, 50, 1, ?, ?)'
      )
      .run(id, p.title, url, p.description ?? '', p.baseTemplate ?? 100, spNow(), entityType);
    const pk = Number(res.lastInsertRowid);
    (library ? [...builtInFields().map((f) => (f.internalName === 'Title' ? { ...f, required: false } : f)), ...libraryFields()] : builtInFields()).forEach((f, i) => this.db.prepare('INSERT INTO fields (list_pk, internal_name, ord, def) VALUES (?, ?, ?, ?)').run(pk, f.internalName, i, JSON.stringify(f)));
    this.addView(pk, { title: 'All Items', viewQuery: '', rowLimit: 30, isDefault: true, personal: false, fields: ['LinkTitle'] });
    this.fieldCache.delete(pk);
    const created = this.listById(id);
    if (!created) throw new Error(`List ${p.title} vanished after insert`);
    return created;
  }

  /** Deletes a list with its items, versions, fields, views and indexes (DELETE on the list). */
  deleteList(list: HostList): void {
    // Index names are ix_items_<pk>_<field>: compared by prefix, since LIKE reads '_' as a wildcard.
    const prefix = `ix_items_${list.pk}_`;
    const indexes = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all().map((r) => String(r.name)).filter((n) => n.startsWith(prefix));
    for (const name of indexes) this.db.exec(`DROP INDEX IF EXISTS "${name}"`);
    for (const table of ['items', 'item_versions', 'fields', 'views']) this.db.prepare(`DELETE FROM ${table} WHERE list_pk = ?`).run(list.pk);
    this.db.prepare('DELETE FROM lists WHERE pk = ?').run(list.pk);
    this.fieldCache.delete(list.pk);
  }

  /** Updates list properties (MERGE on the list). */
  updateList(list: HostList, p: { title?: string; description?: string; enableVersioning?: boolean; majorVersionLimit?: number }): void {
    this.db
      .prepare('UPDATE lists SET title = ?, description = ?, enable_versioning = ?, major_version_limit = ? WHERE pk = ?')
      .run(
        p.title ?? list.title,
        p.description ?? list.description,
        (p.enableVersioning ?? list.enableVersioning) ? 1 : 0,
        p.majorVersionLimit ?? list.majorVersionLimit,
        list.pk
      );
  }

  /** Number of items of a list. */
  itemCount(list: HostList): number {
    return Number(this.db.prepare('SELECT count(*) AS n FROM items WHERE list_pk = ?').get(list.pk)?.n ?? 0);
  }

  /** Most recent item change of a list, or the list's creation time. */
  lastModified(list: HostList): string {
    const row = this.db.prepare('SELECT max(modified) AS m FROM items WHERE list_pk = ?').get(list.pk);
    return row && row.m ? String(row.m) : list.created;
  }

  // ---- fields ------------------------------------------------------------------------

  /** Fields of a list in creation order. */
  fields(list: HostList): HostField[] {
    const cached = this.fieldCache.get(list.pk);
    if (cached) return cached;
    const rows = this.db.prepare('SELECT def FROM fields WHERE list_pk = ? ORDER BY ord').all(list.pk);
    const fields = rows.map((r) => JSON.parse(String(r.def)) as HostField);
    this.fieldCache.set(list.pk, fields);
    return fields;
  }

  /** A field by internal name or title (case-sensitive internal name first, then title). */
  fieldByNameOrTitle(list: HostList, name: string): HostField | undefined {
    const fields = this.fields(list);
    return fields.find((f) => f.internalName === name) ?? fields.find((f) => f.title === name);
  }

  /** Adds a field; fails like SharePoint on a duplicate internal name. */
  addField(list: HostList, field: Omit<HostField, 'id'> & { id?: string }): HostField {
    const existing = this.fields(list);
    if (existing.some((f) => f.internalName.toLowerCase() === field.internalName.toLowerCase())) {
      throw new SpError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${field.internalName}" was found.`);
    }
    const full: HostField = { ...field, id: field.id ?? guid() };
    this.db
      .prepare('INSERT INTO fields (list_pk, internal_name, ord, def) VALUES (?, ?, ?, ?)')
      .run(list.pk, full.internalName, existing.length, JSON.stringify(full));
    this.fieldCache.delete(list.pk);
    if (full.indexed) this.ensureIndex(list, full);
    return full;
  }

  /** Updates a field's definition (MERGE on a field). */
  updateField(list: HostList, field: HostField): void {
    if (field.unique && !this.fields(list).find((f) => f.internalName === field.internalName)?.unique) this.refuseExistingDuplicates(list, field);
    this.db.prepare('UPDATE fields SET def = ? WHERE list_pk = ? AND internal_name = ?').run(JSON.stringify(field), list.pk, field.internalName);
    this.fieldCache.delete(list.pk);
    if (field.indexed) this.ensureIndex(list, field);
  }

  /** SharePoint will not start enforcing unique values on a column that already holds duplicates. */
  private refuseExistingDuplicates(list: HostList, f: HostField): void {
    const column = this.columnSql(f);
    const dup = this.db
      .prepare(`SELECT lower(${column}) AS v FROM items i WHERE i.list_pk = ? AND ${column} IS NOT NULL AND ${column} != '' GROUP BY v HAVING count(*) > 1 LIMIT 1`)
      .get(list.pk);
    if (dup) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This field contains duplicate values. Remove all duplicate values and try the operation again.');
  }

  /** An internal name not yet used in the list, derived the way SharePoint does from a display name. */
  uniqueInternalName(list: HostList, displayName: string): string {
    const base = encodeSpName(displayName).slice(0, 32);
    const taken = new Set(this.fields(list).map((f) => f.internalName.toLowerCase()));
    if (!taken.has(base.toLowerCase())) return base;
    for (let n = 0; ; n++) {
      const candidate = `${base.slice(0, 31)}${n}`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  private ensureIndex(list: HostList, f: HostField): void {
    // An expression index per indexed column keeps filtered reads of big lists fast.
    const expr = this.columnSql(f);
    if (expr.startsWith('i.')) return;
    const name = `ix_items_${list.pk}_${f.internalName}`.replace(/[^A-Za-z0-9_]/g, '_');
    // Text is compared and sorted case-insensitively (COLLATE NOCASE in compileFilter and queryItems),
    // which only an index of that collation serves: without it a filter on an indexed text column (a
    // period, a key) scans the list.
    if (Store.kindOf(f) === 'text') this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}_nc" ON items (list_pk, ${expr.replace(/\bi\./g, '')} COLLATE NOCASE)`);
    else this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}" ON items (list_pk, ${expr.replace(/\bi\./g, '')})`);
    // Unique values are compared case-insensitively (checkUnique): that comparison gets its own index.
    if (f.unique) this.db.exec(`CREATE INDEX IF NOT EXISTS "${name}_ci" ON items (list_pk, lower(${expr.replace(/\bi\./g, '')}))`);
  }

  // ---- views -------------------------------------------------------------------------

  /** Views of a list. */
  views(list: HostList): HostView[] {
    return this.db
      .prepare('SELECT def FROM views WHERE list_pk = ? ORDER BY ord')
      .all(list.pk)
      .map((r) => JSON.parse(String(r.def)) as HostView);
  }

  /** Adds a view. */
  addView(listPk: number, v: Omit<HostView, 'id'>): HostView {
    const view: HostView = { ...v, id: guid() };
    const ord = Number(this.db.prepare('SELECT count(*) AS n FROM views WHERE list_pk = ?').get(listPk)?.n ?? 0);
    if (view.isDefault) this.clearDefaultView(listPk);
    this.db.prepare('INSERT INTO views (list_pk, id, ord, def) VALUES (?, ?, ?, ?)').run(listPk, view.id, ord, JSON.stringify(view));
    return view;
  }

  /** Saves a changed view. */
  updateView(list: HostList, view: HostView): void {
    if (view.isDefault) this.clearDefaultView(list.pk, view.id);
    this.db.prepare('UPDATE views SET def = ? WHERE list_pk = ? AND id = ?').run(JSON.stringify(view), list.pk, view.id);
  }

  private clearDefaultView(listPk: number, except?: string): void {
    const rows = this.db.prepare('SELECT id, def FROM views WHERE list_pk = ?').all(listPk);
    for (const r of rows) {
      const v = JSON.parse(String(r.def)) as HostView;
      if (v.isDefault && v.id !== except) {
        v.isDefault = false;
        this.db.prepare('UPDATE views SET def = ? WHERE list_pk = ? AND id = ?').run(JSON.stringify(v), listPk, v.id);
      }
    }
  }

  // ---- item queries ------------------------------------------------------------------

  private columnSql(f: HostField): string {
    return BUILT_IN_COLUMNS[f.internalName] ?? `json_extract(i.data, '$."${fieldRestName(f).replace(/"/g, '')}"')`;
  }

  private static kindOf(f: HostField): ValueKind {
    switch (f.type) {
      case 'Counter':
      case 'Number':
      case 'Currency':
      case 'Integer':
      case 'User':
      case 'Lookup':
        return 'number';
      case 'DateTime':
        return 'date';
      case 'Boolean':
      case 'Attachments':
        return 'boolean';
      default:
        return 'text';
    }
  }

  /** Resolves a REST property name used in $filter/$orderby to SQL. */
  resolveProperty(list: HostList, name: string): Resolved {
    const fields = this.fields(list);
    if (name === 'Id' || name === 'ID') {
      const idField = fields.find((f) => f.internalName === 'ID');
      if (idField) return { sql: 'i.id', kind: 'number', field: idField };
    }
    const slash = name.indexOf('/');
    if (slash < 0) {
      const direct = fields.find((f) => f.internalName === name && f.type !== 'User' && f.type !== 'Lookup');
      if (direct) return { sql: this.columnSql(direct), kind: Store.kindOf(direct), field: direct };
      const byId = name.endsWith('Id') ? fields.find((f) => (f.type === 'User' || f.type === 'Lookup') && f.internalName === name.slice(0, -2)) : undefined;
      if (byId) return { sql: this.columnSql(byId), kind: 'number', field: byId };
      throw columnMissing(name);
    }
    const base = fields.find((f) => f.internalName === name.slice(0, slash));
    const sub = name.slice(slash + 1);
    if (!base || (base.type !== 'User' && base.type !== 'Lookup')) throw columnMissing(name);
    const idSql = this.columnSql(base);
    if (sub === 'Id' || sub === 'ID') return { sql: idSql, kind: 'number', field: base };
    if (base.type === 'User') {
      const col = sub === 'Title' ? 'title' : sub === 'EMail' ? 'email' : sub === 'Name' ? 'login' : undefined;
      if (!col) throw columnMissing(name);
      return { sql: `(SELECT u.${col} FROM users u WHERE u.id = ${idSql})`, kind: 'text', field: base };
    }
    const target = base.lookupListId ? this.listById(base.lookupListId) : undefined;
    if (!target) throw columnMissing(name);
    const targetField = this.fieldByNameOrTitle(target, sub);
    if (!targetField) throw columnMissing(name);
    const inner = this.columnSql(targetField).replace(/\bi\./g, 't.');
    return {
      sql: `(SELECT ${inner} FROM items t WHERE t.list_pk = ${target.pk} AND t.id = ${idSql})`,
      kind: Store.kindOf(targetField),
      field: base
    };
  }

  private static literalParam(lit: Literal, kind: ValueKind, property: string): SQLInputValue {
    switch (lit.type) {
      case 'null':
        return null;
      case 'boolean':
        return lit.value ? 1 : 0;
      case 'number':
        if (kind === 'boolean') return lit.value !== 0 ? 1 : 0;
        if (kind === 'text') return String(lit.value);
        return lit.value;
      case 'datetime':
      case 'string': {
        if (kind === 'date') {
          const d = new Date(lit.value);
          if (Number.isNaN(d.getTime())) throw invalidQuery(`The value '${lit.value}' is not a valid date for '${property}'.`);
          return toSpDate(d);
        }
        if (kind === 'number') {
          const n = Number(lit.value);
          if (lit.value.trim() === '' || !Number.isFinite(n)) throw invalidQuery(`The value '${lit.value}' is not a valid number for '${property}'.`);
          return n;
        }
        return lit.value;
      }
    }
  }

  private compileFilter(list: HostList, expr: FilterExpr, params: SQLInputValue[]): string {
    switch (expr.kind) {
      case 'and':
      case 'or': {
        // `f eq a or f eq b …` as `f IN (a, b, …)`: the same rows, and SQLite serves an IN from the
        // column's index where it scans the list for the ORs.
        const equal = expr.kind === 'or' ? Store.equalities(expr) : undefined;
        if (equal) {
          const r = this.resolveProperty(list, equal[0].field);
          const values = equal.map((c) => Store.literalParam(c.value, r.kind, c.field));
          if (values.every((v) => v !== null)) {
            params.push(...(values as SQLInputValue[]));
            return `(${r.sql}${r.kind === 'text' ? ' COLLATE NOCASE' : ''} IN (${values.map(() => '?').join(', ')}))`;
          }
        }
        return `(${this.compileFilter(list, expr.left, params)} ${expr.kind.toUpperCase()} ${this.compileFilter(list, expr.right, params)})`;
      }
      case 'not':
        return `(NOT ${this.compileFilter(list, expr.expr, params)})`;
      case 'func': {
        const r = this.resolveProperty(list, expr.field);
        const escaped = expr.value.replace(/[\\%_]/g, (c) => `\\${c}`);
        params.push(expr.name === 'startswith' ? `${escaped}%` : `%${escaped}%`);
        return `(${r.sql} LIKE ? ESCAPE '\\')`;
      }
      case 'cmp': {
        const r = this.resolveProperty(list, expr.field);
        const value = Store.literalParam(expr.value, r.kind, expr.field);
        if (value === null) {
          if (expr.op === 'eq') return `(${r.sql} IS NULL)`;
          if (expr.op === 'ne') return `(${r.sql} IS NOT NULL)`;
          throw invalidQuery(`The operator '${expr.op}' cannot be used with null.`);
        }
        params.push(value);
        // SharePoint compares text case-insensitively.
        const collate = r.kind === 'text' ? ' COLLATE NOCASE' : '';
        return `(${r.sql} ${SQL_OPS[expr.op]} ?${collate})`;
      }
    }
  }

  /** The comparisons of an `or` of `eq` on one field (case aside), or undefined. */
  private static equalities(expr: FilterExpr): Array<Extract<FilterExpr, { kind: 'cmp' }>> | undefined {
    const out: Array<Extract<FilterExpr, { kind: 'cmp' }>> = [];
    const walk = (e: FilterExpr): boolean => {
      if (e.kind === 'or') return walk(e.left) && walk(e.right);
      if (e.kind !== 'cmp' || e.op !== 'eq') return false;
      out.push(e);
      return true;
    };
    if (!walk(expr)) return undefined;
    const field = out[0]?.field.toLowerCase();
    return out.length > 1 && out.every((c) => c.field.toLowerCase() === field) ? out : undefined;
  }

  /**
   * One page of items: filter, order (ID ascending as the final key, like SharePoint), and
   * keyset paging from a skiptoken. Applies the list view threshold to non-indexed columns.
   */
  queryItems(
    list: HostList,
    q: { filter?: FilterExpr; orderBy: OrderKey[]; top: number; skipToken?: SkipToken }
  ): { rows: ItemRow[]; next?: SkipToken } {
    const referenced = [...(q.filter ? filterFields(q.filter) : []), ...q.orderBy.map((o) => o.field)];
    const resolvedRefs = referenced.map((name) => this.resolveProperty(list, name));
    if (this.itemCount(list) > LIST_VIEW_THRESHOLD) {
      // Beyond the list view threshold SharePoint serves a query only when every filtered or sorted
      // column is indexed and the first indexed column filtered on narrows the list to at most the
      // threshold ("Manage large lists and libraries", https://support.microsoft.com/office/b8588dae-9387-48c2-9248-c24122f07c59:
      // the first column in a filter must be indexed and return fewer items than the threshold;
      // "Add an index to a list or library column", https://support.microsoft.com/office/f3f00554-b7dc-44d1-a2ed-d477eac463b0).
      // Unfiltered paging in ID order ($top up to 5,000 with $skiptoken=Paged=TRUE&p_ID=N) is always served.
      if (resolvedRefs.some((r) => !r.field.indexed)) throw throttled();
      if (q.filter && this.firstClauseCount(list, q.filter) > LIST_VIEW_THRESHOLD) throw throttled();
    }

    const params: SQLInputValue[] = [list.pk];
    const where: string[] = ['i.list_pk = ?'];
    if (q.filter) where.push(this.compileFilter(list, q.filter, params));

    const keys = q.orderBy
      .filter((o) => o.field !== 'ID' && o.field !== 'Id')
      .map((o) => ({ name: o.field, desc: o.desc, r: this.resolveProperty(list, o.field) }));
    const idKey = q.orderBy.find((o) => o.field === 'ID' || o.field === 'Id');
    const idDesc = idKey ? idKey.desc : false;
    const coll = (k: { r: Resolved }): string => (k.r.kind === 'text' ? ' COLLATE NOCASE' : '');

    if (q.skipToken) {
      const token = q.skipToken;
      const ors: string[] = [];
      const eqs: string[] = [];
      const eqParams: SQLInputValue[] = [];
      for (const k of keys) {
        const raw = token.values[k.name] ?? null;
        const v = raw === null ? null : Store.tokenParam(raw, k.r.kind);
        const after =
          v === null
            ? k.desc
              ? '0'
              : `${k.r.sql} IS NOT NULL`
            : k.desc
              ? `(${k.r.sql} < ?${coll(k)} OR ${k.r.sql} IS NULL)`
              : `${k.r.sql} > ?${coll(k)}`;
        ors.push(`(${[...eqs, after].join(' AND ')})`);
        params.push(...eqParams);
        if (v !== null) params.push(v);
        eqs.push(`${k.r.sql} IS ?${coll(k)}`);
        eqParams.push(v);
      }
      ors.push(`(${[...eqs, idDesc ? 'i.id < ?' : 'i.id > ?'].join(' AND ')})`);
      params.push(...eqParams, token.id);
      where.push(`(${ors.join(' OR ')})`);
    }

    const select = keys.map((k, n) => `${k.r.sql} AS k${n}`);
    const order = [...keys.map((k) => `${k.r.sql}${coll(k)} ${k.desc ? 'DESC' : 'ASC'}`), `i.id ${idDesc ? 'DESC' : 'ASC'}`];
    const sql = `SELECT i.*${select.length ? `, ${select.join(', ')}` : ''} FROM items i WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ?`;
    params.push(q.top + 1);
    const raw = this.db.prepare(sql).all(...params);
    const more = raw.length > q.top;
    const page = more ? raw.slice(0, q.top) : raw;
    const rows = page.map((r) => Store.toRow(r as Record<string, SQLInputValue>));
    if (!more || page.length === 0) return { rows };
    const last = page[page.length - 1];
    const values: Record<string, string | null> = {};
    keys.forEach((k, n) => {
      const v = last[`k${n}`];
      values[k.name] = v === null || v === undefined ? null : tokenValue(v);
    });
    return { rows, next: { id: Number(last.id), values } };
  }

  /**
   * How many items the first column of a filter selects on its own (up to one more than the
   * threshold): the leading `and` clauses on that column, or the whole filter when it is an `or`.
   */
  private firstClauseCount(list: HostList, filter: FilterExpr): number {
    const conjuncts = (e: FilterExpr): FilterExpr[] => (e.kind === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e]);
    const all = conjuncts(filter);
    const column = (e: FilterExpr): string => [...new Set(filterFields(e).map((f) => f.toLowerCase()))].sort().join(',');
    const first = column(all[0]);
    const leading: FilterExpr[] = [];
    for (const c of all) {
      if (column(c) !== first) break;
      leading.push(c);
    }
    const expr = leading.reduce((left, right) => ({ kind: 'and', left, right }) as FilterExpr);
    const params: SQLInputValue[] = [list.pk];
    const where = this.compileFilter(list, expr, params);
    params.push(LIST_VIEW_THRESHOLD + 1);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM items i WHERE i.list_pk = ? AND ${where} LIMIT ?)`).get(...params) as { n: number };
    return Number(row.n);
  }

  private static tokenParam(raw: string, kind: ValueKind): SQLInputValue {
    if (kind === 'number') return Number(raw);
    if (kind === 'boolean') return raw === '1' || raw.toLowerCase() === 'true' ? 1 : 0;
    if (kind === 'date') return tokenDateToIso(raw) ?? raw;
    return raw;
  }

  private static toRow(r: Record<string, SQLInputValue>): ItemRow {
    return {
      id: Number(r.id),
      version: Number(r.version),
      data: JSON.parse(String(r.data)) as Record<string, unknown>,
      created: String(r.created),
      modified: String(r.modified),
      authorId: Number(r.author_id),
      editorId: Number(r.editor_id)
    };
  }

  /** One item, or undefined. */
  getItem(list: HostList, id: number): ItemRow | undefined {
    const row = this.db.prepare('SELECT * FROM items i WHERE list_pk = ? AND id = ?').get(list.pk, id);
    return row ? Store.toRow(row as Record<string, SQLInputValue>) : undefined;
  }

  // ---- item writes -------------------------------------------------------------------

  /** Validates and converts a REST body to stored values, as SharePoint's type checks do. */
  normaliseValues(list: HostList, body: Record<string, unknown>): Record<string, unknown> {
    const writable = new Map<string, HostField>();
    for (const f of this.fields(list)) if (!f.readOnly) writable.set(fieldRestName(f), f);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === '__metadata' || key.startsWith('odata.')) continue;
      const f = writable.get(key);
      if (!f) throw propertyMissing(key, list.entityType);
      out[key] = this.convertValue(f, key, value);
    }
    return out;
  }

  private convertValue(f: HostField, key: string, value: unknown): unknown {
    const wrongType = (edm: string): SpError =>
      invalidQuery(`Cannot convert a primitive value to the expected type '${edm}' for property '${key}'.`);
    if (value === null || value === undefined) return null;
    switch (f.type) {
      case 'Text':
      case 'Note':
      case 'Choice':
        if (typeof value !== 'string') throw wrongType('Edm.String');
        if (f.type === 'Text' && value.length > (f.maxLength ?? 255)) {
          throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of field '${f.title}' exceeds ${f.maxLength ?? 255} characters.`);
        }
        if (f.type === 'Note' && value.length > NOTE_MAX_LENGTH) {
          throw new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of field '${f.title}' exceeds ${NOTE_MAX_LENGTH} characters.`);
        }
        return value === '' ? null : value;
      case 'Number':
      case 'Currency':
      case 'Integer':
      case 'User':
      case 'Lookup': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        if (!Number.isFinite(n)) throw wrongType(f.type === 'Number' || f.type === 'Currency' ? 'Edm.Double' : 'Edm.Int32');
        if ((f.type === 'User' || f.type === 'Lookup' || f.type === 'Integer') && !Number.isInteger(n)) throw wrongType('Edm.Int32');
        if (f.type === 'User' && !this.userById(n)) {
          throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The user with id ${n} does not exist in the site.`);
        }
        return n;
      }
      case 'DateTime': {
        if (typeof value !== 'string') throw wrongType('Edm.DateTime');
        if (value === '') return null;
        const d = new Date(value);
        if (Number.isNaN(d.getTime())) throw wrongType('Edm.DateTime');
        // As for a date entered in SharePoint's own forms, a date-only column keeps the date as
        // midnight in the site's time zone: during British Summer Time, the evening before in UTC.
        // Readers must cope with this (mapping.ts, dateOfDateOnly), so the host does it to every date.
        return toSpDate(f.dateOnly ? siteMidnight(d) : d);
      }
      case 'Boolean':
        if (typeof value !== 'boolean') throw wrongType('Edm.Boolean');
        return value;
      case 'URL': {
        if (typeof value !== 'object') throw wrongType('SP.FieldUrlValue');
        const v = value as Record<string, unknown>;
        if (typeof v.Url !== 'string') throw wrongType('SP.FieldUrlValue');
        return { Url: v.Url, Description: typeof v.Description === 'string' ? v.Description : v.Url };
      }
      default:
        throw invalidQuery(`The field '${f.internalName}' cannot be written.`);
    }
  }

  private saveVersion(list: HostList, row: ItemRow): void {
    this.db
      .prepare('INSERT INTO item_versions (list_pk, item_id, version, data, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(list.pk, row.id, row.version, JSON.stringify(row.data), row.created, row.modified, row.authorId, row.editorId);
    const keep = list.enableVersioning ? list.majorVersionLimit : 1;
    if (row.version <= keep) return;
    this.db.prepare('DELETE FROM item_versions WHERE list_pk = ? AND item_id = ? AND version <= ?').run(list.pk, row.id, row.version - keep);
  }

  /** Adds an item (values already normalised); `opts.id` keeps a seed's explicit id. */
  addItem(list: HostList, values: Record<string, unknown>, userId: number, opts: { id?: number; created?: string; modified?: string } = {}): ItemRow {
    const next = Number(this.db.prepare('SELECT next_id FROM lists WHERE pk = ?').get(list.pk)?.next_id ?? 1);
    const id = opts.id ?? next;
    if (this.getItem(list, id)) throw new SpError(500, '-2147024809, System.ArgumentException', `An item with id ${id} already exists.`);
    this.checkUnique(list, values, undefined);
    const now = spNow();
    const row: ItemRow = {
      id,
      version: 1,
      data: { Title: null, ...values },
      created: opts.created ?? now,
      modified: opts.modified ?? opts.created ?? now,
      authorId: userId,
      editorId: userId
    };
    this.db
      .prepare('INSERT INTO items (list_pk, id, version, data, created, modified, author_id, editor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(list.pk, id, 1, JSON.stringify(row.data), row.created, row.modified, userId, userId);
    this.db.prepare('UPDATE lists SET next_id = max(next_id, ?) WHERE pk = ?').run(id + 1, list.pk);
    this.saveVersion(list, row);
    return row;
  }

  /**
   * Refuses a value a unique column already holds in another item, with SharePoint's error.
   * Empty values are not compared. Requests are handled one at a time, so check and write
   * cannot interleave: two writers racing for one value cannot both succeed, as in SharePoint.
   */
  private checkUnique(list: HostList, data: Record<string, unknown>, exceptId: number | undefined): void {
    for (const f of this.fields(list)) {
      if (!f.unique) continue;
      const value = data[fieldRestName(f)];
      if (value === null || value === undefined || value === '') continue;
      const text = typeof value === 'string';
      const column = this.columnSql(f);
      const clash = this.db
        .prepare(`SELECT i.id AS id FROM items i WHERE i.list_pk = ? AND ${text ? `lower(${column}) = lower(?)` : `${column} = ?`} AND i.id != ? LIMIT 1`)
        .get(list.pk, value as SQLInputValue, exceptId ?? -1);
      if (clash) throw duplicateValues();
    }
  }

  private checkEtag(row: ItemRow, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') return;
    const sent = ifMatch.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    if (sent !== String(row.version)) throw etagMismatch(ifMatch.trim(), `"${row.version}"`);
  }

  /** Updates an item honouring IF-Match; bumps the version and records it. */
  updateItem(list: HostList, id: number, values: Record<string, unknown>, userId: number, ifMatch: string | undefined): ItemRow {
    const current = this.getItem(list, id);
    if (!current) throw itemNotFound();
    this.checkEtag(current, ifMatch);
    const row: ItemRow = { ...current, version: current.version + 1, data: { ...current.data, ...values }, modified: spNow(), editorId: userId };
    this.checkUnique(list, row.data, id);
    this.db
      .prepare('UPDATE items SET version = ?, data = ?, modified = ?, editor_id = ? WHERE list_pk = ? AND id = ?')
      .run(row.version, JSON.stringify(row.data), row.modified, userId, list.pk, id);
    this.saveVersion(list, row);
    return row;
  }

  /** Deletes an item honouring IF-Match. */
  deleteItem(list: HostList, id: number, ifMatch: string | undefined): void {
    const current = this.getItem(list, id);
    if (!current) throw itemNotFound();
    this.checkEtag(current, ifMatch);
    this.db.prepare('DELETE FROM items WHERE list_pk = ? AND id = ?').run(list.pk, id);
    this.db.prepare('DELETE FROM item_versions WHERE list_pk = ? AND item_id = ?').run(list.pk, id);
  }

  /** Stored versions of an item, newest first. */
  versions(list: HostList, id: number): VersionRow[] {
    const current = this.getItem(list, id);
    if (!current) throw itemNotFound();
    return this.db
      .prepare('SELECT * FROM item_versions i WHERE list_pk = ? AND item_id = ? ORDER BY version DESC')
      .all(list.pk, id)
      .map((r) => ({ ...Store.toRow({ ...(r as Record<string, SQLInputValue>), id: r.item_id }), isCurrent: Number(r.version) === current.version }));
  }

  // ---- file contents ------------------------------------------------------------------

  /** Keeps a file's bytes; returns their id (a file's item versions each name the bytes they had). */
  putBlob(bytes: Uint8Array): number {
    return Number(this.db.prepare('INSERT INTO file_blobs (bytes) VALUES (?)').run(bytes).lastInsertRowid);
  }

  /** The bytes kept under an id, or undefined. */
  getBlob(id: number): Uint8Array | undefined {
    const row = this.db.prepare('SELECT bytes FROM file_blobs WHERE id = ?').get(id);
    return row ? new Uint8Array(row.bytes as Uint8Array) : undefined;
  }

  /** An item of a list by the value of a text column, compared case-insensitively (a library's FileRef). */
  itemByText(list: HostList, column: string, value: string): ItemRow | undefined {
    const row = this.db.prepare(`SELECT * FROM items i WHERE list_pk = ? AND lower(json_extract(data, ?)) = lower(?)`).get(list.pk, `$."${column}"`, value);
    return row ? Store.toRow(row as Record<string, SQLInputValue>) : undefined;
  }

  // ---- outbox ------------------------------------------------------------------------

  /** Stores a sent mail. */
  addMail(m: Omit<SentMail, 'id'>): SentMail {
    const res = this.db
      .prepare('INSERT INTO outbox (request_id, from_address, to_json, cc_json, subject, body_html, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.requestId, m.from, JSON.stringify(m.to), JSON.stringify(m.cc), m.subject, m.html, m.sentAt);
    return { ...m, id: Number(res.lastInsertRowid) };
  }

  /** Every sent mail, oldest first. */
  outbox(): SentMail[] {
    return this.db
      .prepare('SELECT * FROM outbox ORDER BY id')
      .all()
      .map((r) => ({
        id: Number(r.id),
        requestId: String(r.request_id),
        from: String(r.from_address),
        to: JSON.parse(String(r.to_json)) as string[],
        cc: JSON.parse(String(r.cc_json)) as string[],
        subject: String(r.subject),
        html: String(r.body_html),
        sentAt: String(r.sent_at)
      }));
  }

  /** Empties the outbox. */
  clearOutbox(): void {
    this.db.exec('DELETE FROM outbox');
  }
}
