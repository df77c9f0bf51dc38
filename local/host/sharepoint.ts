/**
 * The SharePoint REST subset of the local host: routing of `/sites/ssm/_api/...` requests,
 * SharePoint's JSON shapes (minimal metadata, verbose, nometadata), `$batch`, and the
 * error JSON. Everything is synchronous over the SQLite store, so a batch is dispatched
 * part by part through the same router.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { parseFieldXml, encodeXml, ParsedFieldXml } from './fieldXml';
import { boundaryOf, parseBatchRequest, serialiseBatchResponse } from './multipart';
import {
  ODataSyntaxError,
  evaluateFilter,
  formatSkipToken,
  parseFilter,
  parseList,
  parseOrderBy,
  parseSkipToken
} from './odata';
import {
  SpError,
  accessDenied,
  invalidQuery,
  indexOutOfBounds,
  itemNotFound,
  operationTimedOut,
  saveConflict,
  listNotFound,
  notImplemented,
  propertyMissing,
  securityValidation,
  uniqueNeedsIndex
} from './errors';
import type { PartFault } from './faults';
import { filesRoute, isFileSegment, refuseLibraryItem } from './files';
import { DOCUMENT_LIBRARY, HostField, HostFieldType, HostList, HostUser, HostView, ItemRow, Store, fieldRestName, toSpDate } from './store';

/** A request as the router sees it (top-level or a batch part). */
export interface HostRequest {
  method: string;
  url: URL;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The body as received, for file uploads (absent in `$batch` parts, which carry text only). */
  bytes?: Uint8Array;
}

/** A response before it is written to the socket or a batch. */
export interface HostResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /** A binary body (a file's `$value`), sent instead of `body`. */
  bytes?: Uint8Array;
}

/** What every SharePoint request needs. */
export interface SpContext {
  store: Store;
  /** Absolute web URL, e.g. http://127.0.0.1:4321/sites/ssm. */
  webUrl: string;
  /** Server-relative web URL, e.g. /sites/ssm. */
  webPath: string;
  user: HostUser;
  /** Secret used to sign form digests (kept in the database so digests survive restarts). */
  digestSecret: string;
  /** Fault switches for writes and `$batch` parts (faults.ts); none when absent. */
  partFault?: (path: string, write: boolean, inBatch: boolean) => PartFault;
}

/** Seconds a form digest stays valid, as SharePoint Online answers. */
export const DIGEST_TIMEOUT_SECONDS = 1800;

export type Mode = 'minimal' | 'verbose' | 'nometadata';

/** An OData entity before serialisation. */
export interface Entity {
  type: string;
  id: string;
  editLink?: string;
  etag?: string;
  props: Record<string, unknown>;
}

const isEntity = (v: unknown): v is { __entity: Entity } => typeof v === 'object' && v !== null && '__entity' in v;
const nested = (e: Entity): { __entity: Entity } => ({ __entity: e });

export function modeOf(headers: Record<string, string>): Mode {
  const accept = (headers.accept ?? '').toLowerCase();
  if (accept.includes('odata=verbose')) return 'verbose';
  if (accept.includes('odata=nometadata')) return 'nometadata';
  return 'minimal';
}

export const CONTENT_TYPES: Record<Mode, string> = {
  minimal: 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8',
  verbose: 'application/json;odata=verbose;charset=utf-8',
  nometadata: 'application/json;odata=nometadata;streaming=true;charset=utf-8'
};

function renderValue(v: unknown, mode: Mode): unknown {
  if (isEntity(v)) return renderEntity(v.__entity, mode);
  if (Array.isArray(v)) return mode === 'verbose' ? { results: v.map((x) => renderValue(x, mode)) } : v.map((x) => renderValue(x, mode));
  return v;
}

function renderEntity(e: Entity, mode: Mode): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.props)) props[k] = renderValue(v, mode);
  if (mode === 'nometadata') return props;
  if (mode === 'verbose') {
    const meta: Record<string, unknown> = { id: e.id, uri: e.id, type: e.type };
    if (e.etag !== undefined) meta.etag = e.etag;
    return { __metadata: meta, ...props };
  }
  const head: Record<string, unknown> = { 'odata.type': e.type, 'odata.id': e.id };
  if (e.etag !== undefined) head['odata.etag'] = e.etag;
  if (e.editLink !== undefined) head['odata.editLink'] = e.editLink;
  return { ...head, ...props };
}

export function json(status: number, body: unknown, mode: Mode, extra: Record<string, string> = {}): HostResponse {
  return { status, headers: { 'content-type': CONTENT_TYPES[mode], ...extra }, body: JSON.stringify(body) };
}

export function entityResponse(ctx: SpContext, mode: Mode, e: Entity, set: string, status = 200, extra: Record<string, string> = {}): HostResponse {
  const rendered = renderEntity(e, mode);
  if (mode === 'verbose') return json(status, { d: rendered }, mode, extra);
  if (mode === 'minimal') return json(status, { 'odata.metadata': `${ctx.webUrl}/_api/$metadata#${set}/@Element`, ...rendered }, mode, extra);
  return json(status, rendered, mode, extra);
}

export function collectionResponse(ctx: SpContext, mode: Mode, items: Entity[], set: string, nextLink?: string): HostResponse {
  const values = items.map((e) => renderEntity(e, mode));
  if (mode === 'verbose') {
    const d: Record<string, unknown> = { results: values };
    if (nextLink) d.__next = nextLink;
    return json(200, { d }, mode);
  }
  const body: Record<string, unknown> = {};
  if (mode === 'minimal') body['odata.metadata'] = `${ctx.webUrl}/_api/$metadata#${set}`;
  body.value = values;
  if (nextLink) body['odata.nextLink'] = nextLink;
  return json(200, body, mode);
}

/** SharePoint's error JSON for a thrown SpError. */
export function errorResponse(err: SpError, headers: Record<string, string>): HostResponse {
  const mode = modeOf(headers);
  const payload = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return json(err.status, mode === 'verbose' ? { error: payload } : { 'odata.error': payload }, mode === 'nometadata' ? 'minimal' : mode, err.headers);
}

/** Applies `$select` to a non-item entity's top-level properties. */
/** A collection GET with `$filter` and `$select` applied, as SharePoint answers for lists, fields, views and users. */
function queriedCollection(ctx: SpContext, req: HostRequest, mode: Mode, entities: Entity[], set: string): HostResponse {
  const filterSrc = req.url.searchParams.get('$filter');
  const filter = filterSrc ? withSyntax(() => parseFilter(filterSrc)) : undefined;
  const select = parseList(req.url.searchParams.get('$select'));
  const shown = entities.filter((e) => !filter || evaluateFilter(filter, e.props)).map((e) => applySelect(e, select));
  return collectionResponse(ctx, mode, shown, set);
}

export function applySelect(e: Entity, select: string[]): Entity {
  if (select.length === 0 || select.includes('*')) return e;
  const props: Record<string, unknown> = {};
  for (const s of select) {
    const key = Object.keys(e.props).find((k) => k.toLowerCase() === s.toLowerCase());
    if (key === undefined) throw propertyMissing(s, e.type);
    props[key] = e.props[key];
  }
  return { ...e, props };
}

// ---- digests ---------------------------------------------------------------------------

/** Issues a form digest: `0x<hmac>,<utc time>` like SharePoint's. */
export function issueDigest(secret: string, now = new Date()): string {
  const stamp = now.toUTCString();
  const mac = createHmac('sha256', secret).update(stamp).digest('hex').toUpperCase();
  return `0x${mac},${stamp}`;
}

/** Whether a digest was issued by this host and has not expired. */
export function digestValid(secret: string, digest: string | undefined, now = new Date()): boolean {
  if (!digest) return false;
  const comma = digest.indexOf(',');
  if (comma < 0) return false;
  const stamp = digest.slice(comma + 1);
  const expected = createHmac('sha256', secret).update(stamp).digest('hex').toUpperCase();
  if (digest.slice(2, comma) !== expected) return false;
  const issued = Date.parse(stamp);
  return Number.isFinite(issued) && now.getTime() - issued <= DIGEST_TIMEOUT_SECONDS * 1000;
}

// ---- paths -----------------------------------------------------------------------------

export interface Segment {
  name: string;
  /** Raw text inside the parentheses, if any. */
  args?: string;
}

function parseSegments(path: string): Segment[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((raw) => {
      const s = decodeURIComponent(raw);
      const open = s.indexOf('(');
      if (open < 0 || !s.endsWith(')')) return { name: s.toLowerCase() };
      return { name: s.slice(0, open).toLowerCase(), args: s.slice(open + 1, -1) };
    });
}

/** `'text'` → text (with '' unescaped); `guid'x'` → x; numbers as text. */
export function unquote(arg: string | undefined): string {
  if (arg === undefined) throw invalidQuery('A parameter is missing.');
  const m = /^(?:guid)?'([\s\S]*)'$/i.exec(arg.trim());
  return m ? m[1].replace(/''/g, "'") : arg.trim();
}

export function parseBody(req: HostRequest): Record<string, unknown> {
  if (req.body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch (e) {
    throw invalidQuery(`The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidQuery('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

export function effectiveMethod(req: HostRequest): string {
  const override = req.headers['x-http-method'];
  return req.method === 'POST' && override ? override.toUpperCase() : req.method;
}

// ---- permissions -----------------------------------------------------------------------

const PERMISSIONS = {
  fullControl: { High: '2147483647', Low: '4294967295' },
  edit: { High: '432', Low: '1011030767' },
  read: { High: '176', Low: '138612833' }
} as const;

function permissionsOf(user: HostUser): { High: string; Low: string } {
  return user.isSiteAdmin ? PERMISSIONS.fullControl : user.canEdit ? PERMISSIONS.edit : PERMISSIONS.read;
}

export function requireEdit(ctx: SpContext): void {
  if (!ctx.user.canEdit && !ctx.user.isSiteAdmin) throw accessDenied();
}

// ---- entities --------------------------------------------------------------------------

function userEntity(ctx: SpContext, u: HostUser): Entity {
  return {
    type: 'SP.User',
    id: `${ctx.webUrl}/_api/Web/GetUserById(${u.id})`,
    editLink: `Web/GetUserById(${u.id})`,
    props: {
      Id: u.id,
      IsHiddenInUI: false,
      LoginName: u.loginName,
      Title: u.title,
      PrincipalType: 1,
      Email: u.email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: u.isSiteAdmin,
      UserId: { NameId: u.email.toLowerCase(), NameIdIssuer: 'urn:federation:microsoftonline' },
      UserPrincipalName: u.email.toLowerCase()
    }
  };
}

const listPath = (l: HostList): string => `Web/Lists(guid'${l.id}')`;

function listEntity(ctx: SpContext, l: HostList): Entity {
  return {
    type: 'SP.List',
    id: `${ctx.webUrl}/_api/${listPath(l)}`,
    editLink: listPath(l),
    etag: '"1"',
    props: {
      AllowContentTypes: true,
      BaseTemplate: l.baseTemplate,
      BaseType: l.baseTemplate === DOCUMENT_LIBRARY ? 1 : 0,
      ContentTypesEnabled: false,
      Created: l.created,
      Description: l.description,
      EnableAttachments: true,
      EnableMinorVersions: false,
      EnableVersioning: l.enableVersioning,
      EntityTypeName: l.entityType.replace(/^SP\.Data\./, '').replace(/Item$/, ''),
      // The host implements no permissions: every list inherits the site's (see README).
      HasUniqueRoleAssignments: false,
      Hidden: false,
      Id: l.id,
      ItemCount: ctx.store.itemCount(l),
      LastItemModifiedDate: ctx.store.lastModified(l),
      ListItemEntityTypeFullName: l.entityType,
      MajorVersionLimit: l.majorVersionLimit,
      ParentWebUrl: ctx.webPath,
      Title: l.title
    }
  };
}

const FIELD_KIND: Record<HostFieldType, number> = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  URL: 11,
  Attachments: 19,
  User: 20
};
const KIND_TYPE = new Map<number, HostFieldType>(Object.entries(FIELD_KIND).map(([k, v]) => [v, k as HostFieldType]));
const FIELD_ODATA_TYPE: Record<HostFieldType, string> = {
  Integer: 'SP.FieldNumber',
  Text: 'SP.FieldText',
  Note: 'SP.FieldMultiLineText',
  DateTime: 'SP.FieldDateTime',
  Counter: 'SP.Field',
  Choice: 'SP.FieldChoice',
  Lookup: 'SP.FieldLookup',
  Boolean: 'SP.Field',
  Number: 'SP.FieldNumber',
  Currency: 'SP.FieldCurrency',
  URL: 'SP.FieldUrl',
  Attachments: 'SP.Field',
  User: 'SP.FieldUser'
};

function fieldEntity(ctx: SpContext, l: HostList, f: HostField): Entity {
  const props: Record<string, unknown> = {
    Description: f.description ?? '',
    EntityPropertyName: f.internalName,
    FieldTypeKind: FIELD_KIND[f.type],
    Hidden: f.hidden,
    Id: f.id,
    Indexed: f.indexed,
    EnforceUniqueValues: !!f.unique,
    InternalName: f.internalName,
    ReadOnlyField: f.readOnly,
    Required: f.required,
    SchemaXml: f.schemaXml,
    StaticName: f.staticName,
    Title: f.title,
    TypeAsString: f.type
  };
  if (f.type === 'Choice') props.Choices = f.choices ?? [];
  if (f.type === 'Text') props.MaxLength = f.maxLength ?? 255;
  if (f.type === 'Note') props.RichText = !!f.richText;
  if (f.type === 'Number' || f.type === 'Integer' || f.type === 'Currency') {
    props.MinimumValue = f.min ?? -1.7976931348623157e308;
    props.MaximumValue = f.max ?? 1.7976931348623157e308;
  }
  if (f.type === 'DateTime') props.DisplayFormat = f.dateOnly ? 0 : 1;
  if (f.type === 'Lookup' || f.type === 'User') {
    props.LookupList = f.type === 'User' ? '' : `{${f.lookupListId ?? ''}}`;
    props.LookupField = f.showField ?? (f.type === 'User' ? 'ImnName' : 'Title');
    props.AllowMultipleValues = false;
  }
  return {
    type: FIELD_ODATA_TYPE[f.type],
    id: `${ctx.webUrl}/_api/${listPath(l)}/Fields(guid'${f.id}')`,
    editLink: `${listPath(l)}/Fields(guid'${f.id}')`,
    props
  };
}

function viewEntity(ctx: SpContext, l: HostList, v: HostView): Entity {
  return {
    type: 'SP.View',
    id: `${ctx.webUrl}/_api/${listPath(l)}/Views(guid'${v.id}')`,
    editLink: `${listPath(l)}/Views(guid'${v.id}')`,
    props: {
      DefaultView: v.isDefault,
      Hidden: false,
      Id: v.id,
      PersonalView: v.personal,
      RowLimit: v.rowLimit,
      ServerRelativeUrl: `${ctx.webPath}/${l.url}/${v.title.replace(/\s/g, '')}.aspx`,
      Title: v.title,
      ViewQuery: v.viewQuery
    }
  };
}

function viewFieldsEntity(ctx: SpContext, l: HostList, v: HostView): Entity {
  return {
    type: 'SP.ViewFieldCollection',
    id: `${ctx.webUrl}/_api/${listPath(l)}/Views(guid'${v.id}')/ViewFields`,
    props: { SchemaXml: v.fields.map((f) => `<FieldRef Name="${encodeXml(f)}" />`).join(''), Items: [...v.fields] }
  };
}

// ---- items -----------------------------------------------------------------------------

const itemPath = (l: HostList, id: number): string => `${listPath(l)}/Items(${id})`;

function storedValue(row: ItemRow, f: HostField): unknown {
  switch (f.internalName) {
    case 'ID':
      return row.id;
    case 'Created':
      return row.created;
    case 'Modified':
      return row.modified;
    case 'Author':
      return row.authorId;
    case 'Editor':
      return row.editorId;
    case 'Attachments':
      return false;
    default:
      return row.data[fieldRestName(f)] ?? null;
  }
}

function expandedEntity(ctx: SpContext, f: HostField, id: unknown, subs: string[] | undefined): unknown {
  if (typeof id !== 'number') return null;
  if (f.type === 'User') {
    const u = ctx.store.userById(id);
    if (!u) return null;
    const all: Record<string, unknown> = { Id: u.id, Title: u.title, EMail: u.email, Name: u.loginName };
    const props: Record<string, unknown> = {};
    for (const s of subs ?? Object.keys(all)) {
      if (!(s in all)) throw propertyMissing(s, 'SP.Data.UserInfoItem');
      props[s] = all[s];
    }
    return nested({ type: 'SP.Data.UserInfoItem', id: `${ctx.webUrl}/_api/Web/SiteUserInfoList/Items(${u.id})`, props });
  }
  const target = f.lookupListId ? ctx.store.listById(f.lookupListId) : undefined;
  const row = target ? ctx.store.getItem(target, id) : undefined;
  if (!target || !row) return null;
  const props: Record<string, unknown> = {};
  for (const s of subs ?? ['Id', 'Title']) {
    if (s === 'Id' || s === 'ID') {
      props[s] = row.id;
      continue;
    }
    const tf = ctx.store.fieldByNameOrTitle(target, s);
    if (!tf) throw propertyMissing(s, target.entityType);
    props[s] = storedValue(row, tf);
  }
  return nested({ type: target.entityType, id: `${ctx.webUrl}/_api/${itemPath(target, row.id)}`, props });
}

/** Builds an item entity honouring $select/$expand like SharePoint. */
export function itemEntity(ctx: SpContext, l: HostList, row: ItemRow, select: string[], expand: string[]): Entity {
  const fields = ctx.store.fields(l);
  const lookupish = (f: HostField): boolean => f.type === 'User' || f.type === 'Lookup';
  for (const e of expand) {
    const f = fields.find((x) => x.internalName === e);
    if (!f || !lookupish(f)) throw propertyMissing(e, l.entityType);
  }
  const full = (): Record<string, unknown> => {
    const p: Record<string, unknown> = { FileSystemObjectType: 0, Id: row.id, ContentTypeId: '0x0100' };
    for (const f of fields) {
      if (f.internalName === 'ID' || f.type === 'Attachments') continue;
      if (lookupish(f)) {
        const v = storedValue(row, f);
        if (expand.includes(f.internalName)) p[f.internalName] = expandedEntity(ctx, f, v, undefined);
        p[`${f.internalName}Id`] = v;
        if (f.type === 'User') p[`${f.internalName}StringId`] = typeof v === 'number' ? String(v) : null;
      } else {
        p[f.internalName] = storedValue(row, f);
      }
    }
    p.ID = row.id;
    p.OData__UIVersionString = `${row.version}.0`;
    p.Attachments = false;
    return p;
  };
  let props: Record<string, unknown>;
  if (select.length === 0 || select.includes('*')) {
    props = full();
  } else {
    props = {};
    const subSelects = new Map<string, string[]>();
    for (const s of select) {
      const slash = s.indexOf('/');
      if (slash >= 0) {
        const base = s.slice(0, slash);
        if (!expand.includes(base)) {
          throw new SpError(
            400,
            '-1, Microsoft.SharePoint.SPException',
            `The query to field '${s}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${base}.`
          );
        }
        subSelects.set(base, [...(subSelects.get(base) ?? []), s.slice(slash + 1)]);
        continue;
      }
      if (s === 'Id' || s === 'ID') {
        props[s] = row.id;
      } else if (s === 'OData__UIVersionString') {
        props[s] = `${row.version}.0`;
      } else if (s === 'FileSystemObjectType') {
        props[s] = 0;
      } else {
        const direct = fields.find((f) => f.internalName === s && !lookupish(f));
        const idOf = s.endsWith('Id') ? fields.find((f) => lookupish(f) && f.internalName === s.slice(0, -2)) : undefined;
        const strId = s.endsWith('StringId') ? fields.find((f) => f.type === 'User' && f.internalName === s.slice(0, -8)) : undefined;
        const nav = fields.find((f) => lookupish(f) && f.internalName === s);
        if (direct) props[s] = storedValue(row, direct);
        else if (idOf) props[s] = storedValue(row, idOf);
        else if (strId) {
          const v = storedValue(row, strId);
          props[s] = typeof v === 'number' ? String(v) : null;
        } else if (nav && expand.includes(s)) subSelects.set(s, subSelects.get(s) ?? []);
        else throw propertyMissing(s, l.entityType);
      }
    }
    for (const [base, subs] of subSelects) {
      const f = fields.find((x) => x.internalName === base);
      if (f) props[base] = expandedEntity(ctx, f, storedValue(row, f), subs.length > 0 ? subs : undefined);
    }
  }
  return {
    type: l.entityType,
    id: `${ctx.webUrl}/_api/${itemPath(l, row.id)}`,
    editLink: itemPath(l, row.id),
    etag: `"${row.version}"`,
    props
  };
}

export const itemSet = (l: HostList): string => `${l.entityType.replace(/^SP\.Data\./, 'SP.ListData.')}s`;

export function parseQueryOptions(url: URL): { select: string[]; expand: string[] } {
  return { select: parseList(url.searchParams.get('$select')), expand: parseList(url.searchParams.get('$expand')) };
}

function withSyntax<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw invalidQuery(e.message);
    throw e;
  }
}

function getItems(ctx: SpContext, l: HostList, req: HostRequest, mode: Mode): HostResponse {
  const q = req.url.searchParams;
  const { select, expand } = parseQueryOptions(req.url);
  const topRaw = q.get('$top');
  let top = 100;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 0) throw invalidQuery(`The $top value '${topRaw}' is not valid.`);
    top = Math.min(top, 5000);
  }
  const filterSrc = q.get('$filter');
  const orderSrc = q.get('$orderby');
  const tokenSrc = q.get('$skiptoken');
  const { rows, next } = withSyntax(() =>
    ctx.store.queryItems(l, {
      filter: filterSrc ? parseFilter(filterSrc) : undefined,
      orderBy: orderSrc ? parseOrderBy(orderSrc) : [],
      top,
      skipToken: tokenSrc ? parseSkipToken(tokenSrc) : undefined
    })
  );
  const entities = rows.map((r) => itemEntity(ctx, l, r, select, expand));
  let nextLink: string | undefined;
  if (next) {
    const nextUrl = new URL(req.url.toString());
    nextUrl.searchParams.delete('$skiptoken');
    const params = new URLSearchParams();
    params.set('$skiptoken', formatSkipToken(next));
    nextUrl.searchParams.forEach((v, k) => params.append(k, v));
    nextUrl.search = params.toString();
    nextLink = nextUrl.toString();
  }
  return collectionResponse(ctx, mode, entities, itemSet(l), nextLink);
}

function addItem(ctx: SpContext, l: HostList, req: HostRequest, mode: Mode): HostResponse {
  requireEdit(ctx);
  refuseLibraryItem(l);
  const values = ctx.store.normaliseValues(l, parseBody(req));
  const row = ctx.store.addItem(l, values, ctx.user.id);
  return entityResponse(ctx, mode, itemEntity(ctx, l, row, [], []), itemSet(l), 201, { etag: `"${row.version}"` });
}

function itemRoute(ctx: SpContext, l: HostList, id: number, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  if (rest.length === 0) {
    if (method === 'GET') {
      const row = ctx.store.getItem(l, id);
      if (!row) throw itemNotFound();
      const { select, expand } = parseQueryOptions(req.url);
      return entityResponse(ctx, mode, itemEntity(ctx, l, row, select, expand), itemSet(l), 200, { etag: `"${row.version}"` });
    }
    if (method === 'MERGE' || method === 'PATCH') {
      requireEdit(ctx);
      const values = ctx.store.normaliseValues(l, parseBody(req));
      const row = ctx.store.updateItem(l, id, values, ctx.user.id, req.headers['if-match']);
      return { status: 204, headers: { etag: `"${row.version}"` } };
    }
    if (method === 'DELETE') {
      requireEdit(ctx);
      ctx.store.deleteItem(l, id, req.headers['if-match']);
      return { status: 200, headers: {}, body: '' };
    }
  }
  if (rest.length === 1 && rest[0].name === 'versions' && rest[0].args === undefined && method === 'GET') {
    const fields = ctx.store.fields(l);
    const entities = ctx.store.versions(l, id).map((v) => {
      const props: Record<string, unknown> = {
        Created: v.modified,
        IsCurrentVersion: v.isCurrent,
        VersionId: v.version * 512,
        VersionLabel: `${v.version}.0`
      };
      for (const f of fields) {
        if (f.type === 'Attachments' || f.internalName === 'ID') continue;
        props[fieldRestName(f)] = storedValue(v, f);
      }
      const editor = ctx.store.userById(v.editorId);
      props.Editor = { LookupId: v.editorId, LookupValue: editor?.title ?? '', Email: editor?.email ?? '' };
      return { type: 'SP.ListItemVersion', id: `${ctx.webUrl}/_api/${itemPath(l, id)}/Versions(${v.version * 512})`, props } as Entity;
    });
    return collectionResponse(ctx, mode, entities.map((e) => applySelect(e, parseList(req.url.searchParams.get('$select')))), 'SP.ListItemVersions');
  }
  throw notImplemented(req.method, req.url.pathname);
}

// ---- fields and views ------------------------------------------------------------------

function hostFieldType(type: string, format?: string): HostFieldType {
  const known: Record<string, HostFieldType> = {
    text: 'Text',
    note: 'Note',
    number: 'Number',
    currency: 'Currency',
    integer: 'Integer',
    datetime: 'DateTime',
    choice: 'Choice',
    boolean: 'Boolean',
    user: 'User',
    lookup: 'Lookup',
    url: 'URL'
  };
  const t = known[type.toLowerCase()];
  if (!t) throw notImplemented('POST', `a field of type ${type}${format ? ` (${format})` : ''}`);
  return t;
}

function fieldFromXml(ctx: SpContext, l: HostList, xml: ParsedFieldXml, options: number, schemaXml: string): Omit<HostField, 'id'> {
  const type = hostFieldType(xml.type);
  if (xml.mult) throw notImplemented('POST', `a multi-value ${xml.type} field`);
  let lookupListId: string | undefined;
  if (type === 'Lookup') {
    const target = xml.list ? ctx.store.listByReference(xml.list) : undefined;
    if (!target) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The lookup list '${xml.list ?? ''}' does not exist.`);
    lookupListId = target.id;
  }
  // SharePoint names the field after DisplayName unless AddFieldInternalNameHint (8) is set.
  const internalName = (options & 8) === 8 ? xml.internalName : ctx.store.uniqueInternalName(l, xml.displayName);
  if (xml.unique && !xml.indexed) throw uniqueNeedsIndex(internalName);
  return {
    internalName,
    staticName: (options & 8) === 8 ? xml.staticName : internalName,
    title: xml.displayName,
    type,
    required: xml.required,
    indexed: xml.indexed,
    unique: xml.unique,
    hidden: xml.hidden,
    readOnly: false,
    builtIn: false,
    choices: type === 'Choice' ? xml.choices : undefined,
    lookupListId,
    showField: type === 'Lookup' ? xml.showField ?? 'Title' : undefined,
    min: xml.min,
    max: xml.max,
    maxLength: type === 'Text' ? xml.maxLength ?? 255 : undefined,
    richText: type === 'Note' ? xml.richText : undefined,
    dateOnly: type === 'DateTime' ? (xml.format ?? '').toLowerCase() === 'dateonly' : undefined,
    description: xml.description,
    schemaXml
  };
}

const FIELD_PROPS = new Set([
  '__metadata',
  'Title',
  'FieldTypeKind',
  'Required',
  'Indexed',
  'Hidden',
  'Description',
  'Choices',
  'MaxLength',
  'MinimumValue',
  'MaximumValue',
  'LookupListId',
  'LookupFieldName',
  'LookupField',
  'LookupList',
  'RichText',
  'DisplayFormat',
  'EnforceUniqueValues',
  'SelectionMode',
  'DateTimeCalendarType',
  'FriendlyDisplayFormat',
  'CurrencyLocaleId',
  'NumberOfLines',
  'AppendOnly',
  'RestrictedMode',
  'AllowHyperlink',
  'Group',
  'StaticName',
  'SchemaXml',
  'DefaultValue',
  'FillInChoice',
  'EditFormat',
  'AllowMultipleValues',
  'UnlimitedLengthInDocumentLibrary'
]);

function choicesOf(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)) return (v as { results: unknown[] }).results.map(String);
  return undefined;
}

function applyFieldProps(ctx: SpContext, f: HostField, p: Record<string, unknown>): HostField {
  for (const k of Object.keys(p)) if (!FIELD_PROPS.has(k)) throw propertyMissing(k, 'SP.Field');
  const out: HostField = { ...f };
  if (typeof p.SchemaXml === 'string') {
    const x = parseFieldXml(p.SchemaXml);
    out.title = x.displayName;
    out.required = x.required;
    out.indexed = x.indexed;
    out.unique = x.unique;
    out.hidden = x.hidden;
    if (out.type === 'Choice') out.choices = x.choices;
    out.min = x.min ?? out.min;
    out.max = x.max ?? out.max;
    out.description = x.description ?? out.description;
    out.schemaXml = p.SchemaXml;
  }
  if (typeof p.Title === 'string') out.title = p.Title;
  if (typeof p.Required === 'boolean') out.required = p.Required;
  if (typeof p.Indexed === 'boolean') out.indexed = p.Indexed;
  if (typeof p.EnforceUniqueValues === 'boolean') out.unique = p.EnforceUniqueValues;
  if (out.unique && !out.indexed) throw uniqueNeedsIndex(out.internalName);
  if (typeof p.Hidden === 'boolean') out.hidden = p.Hidden;
  if (typeof p.Description === 'string') out.description = p.Description;
  const choices = choicesOf(p.Choices);
  if (choices) out.choices = choices;
  if (typeof p.MaxLength === 'number') out.maxLength = p.MaxLength;
  if (typeof p.MinimumValue === 'number') out.min = p.MinimumValue;
  if (typeof p.MaximumValue === 'number') out.max = p.MaximumValue;
  if (typeof p.RichText === 'boolean') out.richText = p.RichText;
  if (typeof p.DisplayFormat === 'number') out.dateOnly = p.DisplayFormat === 0;
  const lookupList = typeof p.LookupListId === 'string' ? p.LookupListId : typeof p.LookupList === 'string' ? p.LookupList : undefined;
  if (lookupList !== undefined) {
    const target = ctx.store.listByReference(lookupList);
    if (!target) throw new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `The lookup list '${lookupList}' does not exist.`);
    out.lookupListId = target.id;
  }
  const showField = typeof p.LookupFieldName === 'string' ? p.LookupFieldName : typeof p.LookupField === 'string' ? p.LookupField : undefined;
  if (showField !== undefined) out.showField = showField;
  return out;
}

function addFieldFromProps(ctx: SpContext, l: HostList, p: Record<string, unknown>): HostField {
  const title = p.Title;
  const kind = p.FieldTypeKind;
  if (typeof title !== 'string' || title === '') throw invalidQuery('A field needs a Title.');
  if (typeof kind !== 'number') throw invalidQuery('A field needs a FieldTypeKind.');
  const type = KIND_TYPE.get(kind);
  if (!type || type === 'Counter' || type === 'Attachments') throw notImplemented('POST', `a field of FieldTypeKind ${kind}`);
  const internalName = ctx.store.uniqueInternalName(l, title);
  const base: HostField = {
    id: '',
    internalName,
    staticName: internalName,
    title,
    type,
    required: false,
    indexed: false,
    hidden: false,
    readOnly: false,
    builtIn: false,
    maxLength: type === 'Text' ? 255 : undefined,
    showField: type === 'Lookup' ? 'Title' : undefined,
    schemaXml: ''
  };
  const { FieldTypeKind: _k, ...rest } = p;
  const f = applyFieldProps(ctx, base, rest);
  if (type === 'Lookup' && !f.lookupListId) throw invalidQuery('A lookup field needs LookupListId.');
  f.schemaXml = `<Field Type="${type}" DisplayName="${encodeXml(f.title)}" Name="${internalName}" StaticName="${internalName}" Required="${f.required ? 'TRUE' : 'FALSE'}" Indexed="${f.indexed ? 'TRUE' : 'FALSE'}" />`;
  const { id: _id, ...withoutId } = f;
  return ctx.store.addField(l, withoutId);
}

function findField(ctx: SpContext, l: HostList, seg: Segment): HostField {
  const fields = ctx.store.fields(l);
  const arg = unquote(seg.args);
  let f: HostField | undefined;
  if (seg.name === 'fields' || seg.name === 'getbyid') f = fields.find((x) => x.id.toLowerCase() === arg.replace(/[{}]/g, '').toLowerCase());
  else if (seg.name === 'getbyinternalnameortitle') f = ctx.store.fieldByNameOrTitle(l, arg);
  else if (seg.name === 'getbytitle') f = fields.find((x) => x.title === arg);
  if (!f) throw new SpError(400, '-2147024809, System.ArgumentException', `Column '${arg}' does not exist. It may have been deleted by another user.`);
  return f;
}

function fieldsRoute(ctx: SpContext, l: HostList, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  const select = parseList(req.url.searchParams.get('$select'));
  if (rest.length === 0) {
    if (method === 'GET') {
      const entities = ctx.store.fields(l).map((f) => fieldEntity(ctx, l, f));
      return queriedCollection(ctx, req, mode, entities, 'SP.ApiData.Fields');
    }
    if (method === 'POST') {
      requireEdit(ctx);
      const f = addFieldFromProps(ctx, l, parseBody(req));
      return entityResponse(ctx, mode, fieldEntity(ctx, l, f), 'SP.ApiData.Fields', 201);
    }
  }
  const seg = rest[0];
  if (rest.length === 1 && method === 'POST' && seg.name === 'createfieldasxml') {
    requireEdit(ctx);
    const params = parseBody(req).parameters as Record<string, unknown> | undefined;
    if (!params || typeof params.SchemaXml !== 'string') throw invalidQuery('createfieldasxml needs parameters.SchemaXml.');
    const options = typeof params.Options === 'number' ? params.Options : 0;
    const parsed = withFieldXml(() => parseFieldXml(params.SchemaXml as string));
    const f = ctx.store.addField(l, fieldFromXml(ctx, l, parsed, options, params.SchemaXml));
    return entityResponse(ctx, mode, fieldEntity(ctx, l, f), 'SP.ApiData.Fields', 200);
  }
  if (rest.length === 1 && method === 'POST' && seg.name === 'addfield') {
    requireEdit(ctx);
    const params = parseBody(req).parameters as Record<string, unknown> | undefined;
    if (!params) throw invalidQuery('addfield needs parameters.');
    const f = addFieldFromProps(ctx, l, params);
    return entityResponse(ctx, mode, fieldEntity(ctx, l, f), 'SP.ApiData.Fields', 200);
  }
  const isFieldRef = (s: Segment): boolean =>
    (s.name === 'fields' && s.args !== undefined) || ['getbyid', 'getbyinternalnameortitle', 'getbytitle'].includes(s.name);
  if (rest.length === 1 && isFieldRef(seg)) {
    const f = findField(ctx, l, seg);
    if (method === 'GET') return entityResponse(ctx, mode, applySelect(fieldEntity(ctx, l, f), select), 'SP.ApiData.Fields');
    if (method === 'MERGE' || method === 'PATCH') {
      requireEdit(ctx);
      ctx.store.updateField(l, applyFieldProps(ctx, f, parseBody(req)));
      return { status: 204, headers: {} };
    }
  }
  throw notImplemented(req.method, req.url.pathname);
}

function withFieldXml<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && e.name === 'FieldXmlError') throw invalidQuery(e.message);
    throw e;
  }
}

const VIEW_PROPS = new Set(['__metadata', 'Title', 'PersonalView', 'ViewQuery', 'RowLimit', 'DefaultView', 'SetAsDefaultView', 'Paged', 'ViewTypeKind', 'Hidden', 'ViewType']);

function applyViewProps(v: HostView, p: Record<string, unknown>): HostView {
  for (const k of Object.keys(p)) if (!VIEW_PROPS.has(k)) throw propertyMissing(k, 'SP.View');
  const out: HostView = { ...v, fields: [...v.fields] };
  if (typeof p.Title === 'string') out.title = p.Title;
  if (typeof p.PersonalView === 'boolean') out.personal = p.PersonalView;
  if (typeof p.ViewQuery === 'string') out.viewQuery = p.ViewQuery;
  if (typeof p.RowLimit === 'number') out.rowLimit = p.RowLimit;
  if (typeof p.DefaultView === 'boolean') out.isDefault = p.DefaultView;
  if (typeof p.SetAsDefaultView === 'boolean') out.isDefault = p.SetAsDefaultView;
  return out;
}

function viewsRoute(ctx: SpContext, l: HostList, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  const select = parseList(req.url.searchParams.get('$select'));
  if (rest.length === 0) {
    if (method === 'GET') {
      const entities = ctx.store.views(l).map((v) => viewEntity(ctx, l, v));
      return queriedCollection(ctx, req, mode, entities, 'SP.ApiData.Views');
    }
    if (method === 'POST') {
      requireEdit(ctx);
      const p = parseBody(req);
      if (typeof p.Title !== 'string' || p.Title === '') throw invalidQuery('A view needs a Title.');
      if (ctx.store.views(l).some((v) => v.title.toLowerCase() === String(p.Title).toLowerCase())) {
        throw new SpError(500, '-2130575342, Microsoft.SharePoint.SPException', `A view named '${p.Title}' already exists in this list.`);
      }
      const draft = applyViewProps({ id: '', title: '', viewQuery: '', rowLimit: 30, isDefault: false, personal: false, fields: ['LinkTitle'] }, p);
      const { id: _id, ...v } = draft;
      const view = ctx.store.addView(l.pk, v);
      return entityResponse(ctx, mode, viewEntity(ctx, l, view), 'SP.ApiData.Views', 201);
    }
  }
  const seg = rest[0];
  const isViewRef = (s: Segment): boolean => (s.name === 'views' && s.args !== undefined) || s.name === 'getbyid' || s.name === 'getbytitle';
  if (!seg || !isViewRef(seg)) throw notImplemented(req.method, req.url.pathname);
  const arg = unquote(seg.args);
  const view =
    seg.name === 'getbytitle'
      ? ctx.store.views(l).find((v) => v.title.toLowerCase() === arg.toLowerCase())
      : ctx.store.views(l).find((v) => v.id.toLowerCase() === arg.replace(/[{}]/g, '').toLowerCase());
  if (!view) throw new SpError(404, '-2147024809, System.ArgumentException', 'The specified view is invalid.');
  if (rest.length === 1) {
    if (method === 'GET') return entityResponse(ctx, mode, applySelect(viewEntity(ctx, l, view), select), 'SP.ApiData.Views');
    if (method === 'MERGE' || method === 'PATCH') {
      requireEdit(ctx);
      ctx.store.updateView(l, applyViewProps(view, parseBody(req)));
      return { status: 204, headers: {} };
    }
  }
  if (rest[1]?.name === 'viewfields') {
    if (rest.length === 2 && method === 'GET') return entityResponse(ctx, mode, viewFieldsEntity(ctx, l, view), 'SP.ApiData.ViewFieldCollections');
    const op = rest[2];
    if (rest.length === 3 && method === 'POST' && op) {
      requireEdit(ctx);
      const next = { ...view, fields: [...view.fields] };
      if (op.name === 'addviewfield') {
        const name = unquote(op.args);
        const known = name === 'LinkTitle' || name === 'LinkTitleNoMenu' || ctx.store.fieldByNameOrTitle(l, name);
        if (!known) throw new SpError(400, '-2147024809, System.ArgumentException', `Column '${name}' does not exist. It may have been deleted by another user.`);
        const internal = typeof known === 'object' ? known.internalName : name;
        if (!next.fields.includes(internal)) next.fields.push(internal);
      } else if (op.name === 'removeallviewfields') {
        next.fields = [];
      } else if (op.name === 'removeviewfield') {
        const name = unquote(op.args);
        next.fields = next.fields.filter((f) => f !== name);
      } else if (op.name === 'moveviewfieldto') {
        const p = parseBody(req);
        const name = String(p.field);
        const index = Number(p.index);
        next.fields = next.fields.filter((f) => f !== name);
        next.fields.splice(index, 0, name);
      } else {
        throw notImplemented(req.method, req.url.pathname);
      }
      ctx.store.updateView(l, next);
      return { status: 200, headers: { 'content-type': CONTENT_TYPES[mode] }, body: JSON.stringify(mode === 'verbose' ? { d: { [op.name]: null } } : { 'odata.null': true }) };
    }
  }
  throw notImplemented(req.method, req.url.pathname);
}

// ---- lists -----------------------------------------------------------------------------

const LIST_PROPS = new Set([
  '__metadata',
  'Title',
  'Description',
  'BaseTemplate',
  'AllowContentTypes',
  'ContentTypesEnabled',
  'EnableVersioning',
  'MajorVersionLimit',
  'EnableMinorVersions',
  'EnableAttachments',
  'EnableFolderCreation',
  'Hidden',
  'OnQuickLaunch',
  'NoCrawl',
  'ForceCheckout',
  'DraftVersionVisibility',
  'EnableModeration'
]);

function checkListProps(p: Record<string, unknown>): void {
  for (const k of Object.keys(p)) if (!LIST_PROPS.has(k)) throw propertyMissing(k, 'SP.List');
}

/**
 * SharePoint keeps list titles of up to 255 characters and refuses longer ones. The exact code
 * and wording of its refusal were not found documented; the product's titles are fixed in the
 * schema and short, so it only relies on the limit.
 */
const LIST_TITLE_MAX_LENGTH = 255;

function checkListTitleLength(title: string): void {
  if (title.length > LIST_TITLE_MAX_LENGTH) {
    throw new SpError(400, '-2130575340, Microsoft.SharePoint.SPException', `The list title is too long. Use ${LIST_TITLE_MAX_LENGTH} characters or fewer.`);
  }
}

function resolveList(ctx: SpContext, seg: Segment, next: Segment | undefined): { list: HostList; consumed: number } {
  // web/lists/getByTitle('T'), web/lists/getById('g'), web/lists(guid'g'), web/lists('g')
  if (seg.args !== undefined) {
    const id = unquote(seg.args);
    const list = ctx.store.listById(id);
    if (!list) throw listNotFound(id, ctx.webUrl);
    return { list, consumed: 1 };
  }
  if (next && (next.name === 'getbytitle' || next.name === 'getbyid')) {
    const arg = unquote(next.args);
    const list = next.name === 'getbytitle' ? ctx.store.listByTitle(arg) : ctx.store.listById(arg);
    if (!list) throw listNotFound(arg, ctx.webUrl);
    return { list, consumed: 2 };
  }
  throw notImplemented('GET', 'this list address');
}

function listRoute(ctx: SpContext, l: HostList, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  if (rest.length === 0) {
    if (method === 'GET') return entityResponse(ctx, mode, applySelect(listEntity(ctx, l), parseList(req.url.searchParams.get('$select'))), 'SP.ApiData.Lists');
    if (method === 'MERGE' || method === 'PATCH') {
      requireEdit(ctx);
      const p = parseBody(req);
      checkListProps(p);
      if (typeof p.Title === 'string') checkListTitleLength(p.Title);
      if (typeof p.Title === 'string' && p.Title.toLowerCase() !== l.title.toLowerCase() && ctx.store.listByTitle(p.Title)) {
        throw new SpError(500, '-2130575342, Microsoft.SharePoint.SPException', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
      }
      ctx.store.updateList(l, {
        title: typeof p.Title === 'string' ? p.Title : undefined,
        description: typeof p.Description === 'string' ? p.Description : undefined,
        enableVersioning: typeof p.EnableVersioning === 'boolean' ? p.EnableVersioning : undefined,
        majorVersionLimit: typeof p.MajorVersionLimit === 'number' ? p.MajorVersionLimit : undefined
      });
      return { status: 204, headers: {} };
    }
    if (method === 'DELETE') {
      // SharePoint deletes a list (to the recycle bin) whatever If-Match says; the host has no recycle bin.
      requireEdit(ctx);
      ctx.store.deleteList(l);
      return { status: 200, headers: { 'content-type': CONTENT_TYPES[mode] }, body: JSON.stringify(mode === 'verbose' ? { d: null } : { 'odata.null': true }) };
    }
  }
  const [seg, ...tail] = rest;
  if (seg.name === 'items') {
    if (seg.args !== undefined) {
      const id = Number(seg.args);
      if (!Number.isInteger(id)) throw invalidQuery(`'${seg.args}' is not a valid item id.`);
      return itemRoute(ctx, l, id, tail, req, mode);
    }
    if (tail.length === 0 && method === 'GET') return getItems(ctx, l, req, mode);
    if (tail.length === 0 && method === 'POST') return addItem(ctx, l, req, mode);
    if (tail.length === 1 && tail[0].name === 'getbyid') return itemRoute(ctx, l, Number(tail[0].args), [], req, mode);
  }
  if (seg.name === 'fields') {
    if (seg.args !== undefined) return fieldsRoute(ctx, l, rest, req, mode);
    return fieldsRoute(ctx, l, tail, req, mode);
  }
  if (seg.name === 'views') {
    if (seg.args !== undefined) return viewsRoute(ctx, l, rest, req, mode);
    return viewsRoute(ctx, l, tail, req, mode);
  }
  if (seg.name === 'effectivebasepermissions' && tail.length === 0 && method === 'GET') {
    return entityResponse(ctx, mode, { type: 'SP.BasePermissions', id: `${ctx.webUrl}/_api/${listPath(l)}/EffectiveBasePermissions`, props: { ...permissionsOf(ctx.user) } }, 'SP.ApiData.Lists/EffectiveBasePermissions');
  }
  throw notImplemented(req.method, req.url.pathname);
}

// ---- web -------------------------------------------------------------------------------

/**
 * ensureuser as SharePoint Online does it: a site user is returned as they are; someone the
 * tenant's directory knows is added to the site (read-only permissions); anyone else is refused
 * with SharePoint's "The specified user … could not be found.".
 */
export function ensureUser(store: Store, logonName: string): HostUser {
  const existing = store.userByLogin(logonName);
  if (existing) return existing;
  const known = store.directoryPerson(logonName);
  if (!known) throw new SpError(500, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${logonName} could not be found.`);
  return store.addUser({ title: known.title, email: known.email, canEdit: false });
}

function webEntity(ctx: SpContext): Entity {
  return {
    type: 'SP.Web',
    id: `${ctx.webUrl}/_api/Web`,
    editLink: 'Web',
    props: {
      Id: '5c1a3f0e-9d3b-4c7e-8f3a-0b6e2d9a4c11',
      Title: 'Shared Services Monitoring',
      Description: 'Local Microsoft 365 host',
      Language: 2057,
      ServerRelativeUrl: ctx.webPath,
      Url: ctx.webUrl,
      WebTemplate: 'STS',
      Created: '2024-01-01T00:00:00Z'
    }
  };
}

function webRoute(ctx: SpContext, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  const select = parseList(req.url.searchParams.get('$select'));
  if (rest.length === 0 && method === 'GET') return entityResponse(ctx, mode, applySelect(webEntity(ctx), select), 'SP.ApiData.Webs');
  const [seg, ...tail] = rest;
  if (!seg) throw notImplemented(req.method, req.url.pathname);
  if (seg.name === 'currentuser' && tail.length === 0 && method === 'GET') {
    return entityResponse(ctx, mode, applySelect(userEntity(ctx, ctx.user), select), 'SP.ApiData.Users');
  }
  if (seg.name === 'ensureuser' && tail.length === 0 && method === 'POST') {
    const p = parseBody(req);
    const logon = seg.args !== undefined ? unquote(seg.args) : p.logonName;
    if (typeof logon !== 'string' || logon.trim() === '') throw invalidQuery('ensureuser needs logonName.');
    return entityResponse(ctx, mode, userEntity(ctx, ensureUser(ctx.store, logon.trim())), 'SP.ApiData.Users');
  }
  if (seg.name === 'getuserbyid' && tail.length === 0 && method === 'GET') {
    const u = ctx.store.userById(Number(seg.args));
    if (!u) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
    return entityResponse(ctx, mode, applySelect(userEntity(ctx, u), select), 'SP.ApiData.Users');
  }
  if (seg.name === 'siteusers' && method === 'GET') {
    if (tail.length === 0) {
      const entities = ctx.store.users().map((u) => userEntity(ctx, u));
      return queriedCollection(ctx, req, mode, entities, 'SP.ApiData.Users');
    }
    if (tail.length === 1 && (tail[0].name === 'getbyemail' || tail[0].name === 'getbyid' || tail[0].name === 'getbyloginname')) {
      const arg = unquote(tail[0].args);
      const u = tail[0].name === 'getbyid' ? ctx.store.userById(Number(arg)) : ctx.store.userByLogin(arg);
      if (!u) throw new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
      return entityResponse(ctx, mode, applySelect(userEntity(ctx, u), select), 'SP.ApiData.Users');
    }
  }
  if (seg.name === 'effectivebasepermissions' && tail.length === 0 && method === 'GET') {
    return entityResponse(ctx, mode, { type: 'SP.BasePermissions', id: `${ctx.webUrl}/_api/Web/EffectiveBasePermissions`, props: { ...permissionsOf(ctx.user) } }, 'SP.ApiData.Webs/EffectiveBasePermissions');
  }
  if (isFileSegment(seg)) return filesRoute(ctx, seg, tail, req, mode);
  if (seg.name === 'lists') {
    if (seg.args === undefined && tail.length === 0) {
      if (method === 'GET') {
        const entities = ctx.store.lists().map((l) => listEntity(ctx, l));
        return queriedCollection(ctx, req, mode, entities, 'SP.ApiData.Lists');
      }
      if (method === 'POST') {
        requireEdit(ctx);
        const p = parseBody(req);
        checkListProps(p);
        if (typeof p.Title !== 'string' || p.Title.trim() === '') throw invalidQuery('A list needs a Title.');
        checkListTitleLength(p.Title);
        const baseTemplate = typeof p.BaseTemplate === 'number' ? p.BaseTemplate : 100;
        if (baseTemplate !== 100 && baseTemplate !== DOCUMENT_LIBRARY) {
          throw notImplemented('POST', `a list with BaseTemplate ${baseTemplate} (only generic lists, 100, and document libraries, 101)`);
        }
        const l = ctx.store.createList({ title: p.Title, description: typeof p.Description === 'string' ? p.Description : '', baseTemplate });
        ctx.store.updateList(l, {
          enableVersioning: typeof p.EnableVersioning === 'boolean' ? p.EnableVersioning : undefined,
          majorVersionLimit: typeof p.MajorVersionLimit === 'number' ? p.MajorVersionLimit : undefined
        });
        const created = ctx.store.listById(l.id) ?? l;
        return entityResponse(ctx, mode, listEntity(ctx, created), 'SP.ApiData.Lists', 201);
      }
    }
    const { list, consumed } = resolveList(ctx, seg, tail[0]);
    return listRoute(ctx, list, rest.slice(consumed), req, mode);
  }
  throw notImplemented(req.method, req.url.pathname);
}

// ---- entry points ----------------------------------------------------------------------

const WRITE_METHODS = new Set(['POST', 'MERGE', 'PATCH', 'PUT', 'DELETE']);

/**
 * Handles one SharePoint REST request below `${webPath}/_api/`. `inBatch` skips the digest
 * check (the outer `$batch` request carried it) and forbids nested batches.
 */
export function handleSharePoint(ctx: SpContext, req: HostRequest, inBatch = false): HostResponse {
  try {
    const apiPrefix = `${ctx.webPath}/_api/`;
    if (!req.url.pathname.toLowerCase().startsWith(apiPrefix.toLowerCase())) throw notImplemented(req.method, req.url.pathname);
    const accept = (req.headers.accept ?? '').toLowerCase();
    if (accept.includes('odata.metadata=') || req.headers['odata-version'] === '4.0') {
      throw notImplemented(req.method, `${req.url.pathname} in OData v4 JSON (the host answers OData v3 JSON: minimal metadata, verbose or nometadata)`);
    }
    const segments = parseSegments(req.url.pathname.slice(apiPrefix.length));
    const mode = modeOf(req.headers);
    const first = segments[0]?.name;
    if (first === 'contextinfo' && req.method === 'POST' && segments.length === 1) {
      const info = {
        FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
        FormDigestValue: issueDigest(ctx.digestSecret),
        LibraryVersion: '16.0.0.0',
        SiteFullUrl: ctx.webUrl,
        SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
        WebFullUrl: ctx.webUrl
      };
      if (mode === 'verbose') return json(200, { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info, SupportedSchemaVersions: { results: info.SupportedSchemaVersions } } } }, mode);
      return json(200, mode === 'minimal' ? { 'odata.metadata': `${ctx.webUrl}/_api/$metadata#SP.ContextWebInformation`, ...info } : info, mode);
    }
    if (!accept.includes('json')) {
      throw notImplemented(req.method, `${req.url.pathname} as Atom XML (send Accept: application/json)`);
    }
    if (!inBatch && WRITE_METHODS.has(req.method) && !digestValid(ctx.digestSecret, req.headers['x-requestdigest']) && !/^bearer\s+\S+/i.test(req.headers.authorization ?? '')) {
      throw securityValidation();
    }
    if (first === '$batch' && segments.length === 1 && req.method === 'POST') {
      if (inBatch) throw invalidQuery('A batch cannot contain another batch.');
      return handleBatch(ctx, req);
    }
    if (first === 'web') {
      if (!inBatch && isItemWrite(req) && ctx.partFault?.(req.url.pathname, true, false) === 'conflict') throw saveConflict();
      return webRoute(ctx, segments.slice(1), req, mode);
    }
    throw notImplemented(req.method, req.url.pathname);
  } catch (e) {
    if (e instanceof SpError) return errorResponse(e, req.headers);
    throw e;
  }
}

/** Whether a request adds, updates or deletes a list item (what a 409 Save Conflict can answer). */
function isItemWrite(req: HostRequest): boolean {
  return WRITE_METHODS.has(effectiveMethod(req)) && /\/items(\(\d+\))?\/?$/i.test(req.url.pathname);
}

function handleBatch(ctx: SpContext, req: HostRequest): HostResponse {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) throw invalidQuery('The $batch request has no multipart boundary.');
  let parts;
  try {
    parts = parseBatchRequest(req.body, boundary);
  } catch (e) {
    if (e instanceof Error && e.name === 'MultipartError') throw invalidQuery(e.message);
    throw e;
  }
  // Once a part has failed under the cascade switch, SharePoint Online has been seen to answer
  // every later part of the batch with this error, unprocessed (pnp/pnpjs issues #486, #1275).
  let cascading = false;
  const responses = parts.map((p) => {
    let url: URL;
    try {
      url = new URL(p.url, req.url);
    } catch (e) {
      throw invalidQuery(`Invalid URL in batch: ${p.url} (${(e as Error).message})`);
    }
    const partReq: HostRequest = { method: p.method, url, headers: { ...p.headers, authorization: req.headers.authorization ?? '' }, body: p.body };
    if (cascading) return errorResponse(indexOutOfBounds(), partReq.headers);
    const fault = ctx.partFault?.(url.pathname, isItemWrite(partReq), true) ?? 'none';
    if (fault === 'conflict') return errorResponse(saveConflict(), partReq.headers);
    if (fault === 'timeout') return errorResponse(operationTimedOut(), partReq.headers);
    if (fault === 'cascade') {
      cascading = true;
      return errorResponse(indexOutOfBounds(), partReq.headers);
    }
    return handleSharePoint(ctx, partReq, true);
  });
  const { body, contentType } = serialiseBatchResponse(responses, `batchresponse_${randomUUID()}`);
  return { status: 200, headers: { 'content-type': contentType }, body };
}

/** Formats a Date as SharePoint does (used by seeding). */
export const spDate = toSpDate;
