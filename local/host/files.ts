/**
 * Document libraries of the local host: files added, read and versioned as SharePoint Online's
 * REST API does it for PnPjs v4 (`@pnp/sp/files`, `@pnp/sp/folders`):
 *
 * - `web/getFolderByServerRelativePath(decodedUrl='…')` with `/files`,
 *   `/files/AddUsingPath(decodedurl='…',Overwrite=true)` (the body is the file's bytes);
 * - `web/getFileByServerRelativePath(decodedUrl='…')` with `/$value` (GET the bytes, PUT new
 *   ones), `/ListItemAllFields` (GET, MERGE), `/versions`, `/versions(512)/$value`, and the
 *   chunked upload (`startUpload`, `continueUpload`, `finishUpload`, `cancelUpload`).
 *
 * A file is an item of its library (FileLeafRef, FileRef, FileDirRef and the columns of the
 * library), so list views, `items` queries and item versions see it as SharePoint shows them.
 * Its bytes are kept in SQLite; each item version names the bytes it had, so a metadata change
 * is a new version with the same content and an overwrite a new version with new content.
 * Only a library's root folder holds files (the product creates no folders).
 */
import { randomUUID } from 'node:crypto';
import { SpError, accessDenied, invalidQuery, notImplemented } from './errors';
import { DOCUMENT_LIBRARY, HostList, ItemRow } from './store';
import {
  Entity,
  HostRequest,
  HostResponse,
  Mode,
  Segment,
  SpContext,
  applySelect,
  collectionResponse,
  effectiveMethod,
  entityResponse,
  itemEntity,
  itemSet,
  json,
  parseBody,
  parseQueryOptions,
  requireEdit
} from './sharepoint';

/** Item data keys the host keeps for a file (not columns: never in a response). */
const BLOB = '_blob';
const LENGTH = '_length';
const UNIQUE_ID = '_uniqueId';

/** SharePoint's "File Not Found." for a file or folder address that does not exist. */
const fileNotFound = (): SpError => new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');

/** SharePoint's refusal to add a file whose name is taken when Overwrite is not set. */
const fileExists = (siteRelative: string, by: string, on: string): SpError =>
  new SpError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name '${siteRelative}' already exists. It was last modified by ${by} on ${on}.`);

/** Characters SharePoint Online refuses in a file name. */
const BAD_NAME = /["*:<>?/\\|]/;

/** Named arguments of a function segment: `decodedurl='a''b',Overwrite=true` → { decodedurl: "a'b", overwrite: "true" }. */
export function parseArgs(args: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!args) return out;
  let i = 0;
  while (i < args.length) {
    const eq = args.indexOf('=', i);
    if (eq < 0) throw invalidQuery(`The parameters '${args}' are not valid.`);
    const key = args.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let value = '';
    const quoted = /^(guid)?'/i.exec(args.slice(i));
    if (quoted) {
      i += quoted[0].length;
      for (;;) {
        if (i >= args.length) throw invalidQuery(`The parameter '${key}' has no closing quote.`);
        if (args[i] === "'") {
          if (args[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += args[i++];
      }
    } else {
      const comma = args.indexOf(',', i);
      value = (comma < 0 ? args.slice(i) : args.slice(i, comma)).trim();
      i = comma < 0 ? args.length : comma;
    }
    out[key] = value;
    while (i < args.length && (args[i] === ',' || args[i] === ' ')) i++;
  }
  return out;
}

/** The site-relative form of an address given server-relative ("/sites/ssm/X/y") or site-relative ("X/y"). */
function siteRelative(ctx: SpContext, address: string): string {
  const trimmed = address.replace(/\/+$/, '');
  if (!trimmed.startsWith('/')) return trimmed;
  const web = `${ctx.webPath.toLowerCase()}/`;
  if (!trimmed.toLowerCase().startsWith(web)) throw fileNotFound();
  return trimmed.slice(web.length);
}

/** The library whose root folder is at a site-relative address. */
function libraryAt(ctx: SpContext, rel: string): HostList | undefined {
  return ctx.store.lists().find((l) => l.baseTemplate === DOCUMENT_LIBRARY && l.url.toLowerCase() === rel.toLowerCase());
}

/** A file by its address: its library and item. */
function resolveFile(ctx: SpContext, address: string): { list: HostList; row: ItemRow } {
  const rel = siteRelative(ctx, address);
  const slash = rel.lastIndexOf('/');
  const list = slash > 0 ? libraryAt(ctx, rel.slice(0, slash)) : undefined;
  if (!list) throw fileNotFound();
  const row = ctx.store.itemByText(list, 'FileRef', `${ctx.webPath}/${rel}`);
  if (!row) throw fileNotFound();
  return { list, row };
}

const etagOf = (row: ItemRow): string => `"{${String(row.data[UNIQUE_ID]).toUpperCase()}},${row.version}"`;

function fileEntity(ctx: SpContext, row: ItemRow): Entity {
  const url = String(row.data.FileRef);
  const path = `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  const editor = ctx.store.userById(row.editorId);
  return {
    type: 'SP.File',
    id: `${ctx.webUrl}/_api/${path}`,
    editLink: path,
    props: {
      CheckInComment: '',
      CheckOutType: 2,
      ContentTag: `{${String(row.data[UNIQUE_ID]).toUpperCase()}},${row.version},${row.version}`,
      CustomizedPageStatus: 0,
      ETag: etagOf(row),
      Exists: true,
      IrmEnabled: false,
      Length: String(row.data[LENGTH] ?? 0),
      Level: 1,
      LinkingUri: null,
      LinkingUrl: '',
      MajorVersion: row.version,
      MinorVersion: 0,
      ModifiedBy: editor?.title ?? '',
      Name: String(row.data.FileLeafRef),
      ServerRelativeUrl: url,
      TimeCreated: row.created,
      TimeLastModified: row.modified,
      Title: row.data.Title ?? null,
      UIVersion: row.version * 512,
      UIVersionLabel: `${row.version}.0`,
      UniqueId: String(row.data[UNIQUE_ID])
    }
  };
}

function folderEntity(ctx: SpContext, list: HostList): Entity {
  const url = `${ctx.webPath}/${list.url}`;
  const path = `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    type: 'SP.Folder',
    id: `${ctx.webUrl}/_api/${path}`,
    editLink: path,
    props: { Exists: true, IsWOPIEnabled: false, ItemCount: ctx.store.itemCount(list), Name: list.url, ProgID: null, ServerRelativeUrl: url, TimeCreated: list.created, TimeLastModified: ctx.store.lastModified(list), UniqueId: list.id, WelcomePage: '' }
  };
}

/** The bytes of an upload (the raw body; a `$batch` part cannot carry a file, as in SharePoint). */
function uploaded(req: HostRequest): Uint8Array {
  if (req.bytes) return req.bytes;
  throw notImplemented(req.method, `${req.url.pathname} inside a $batch (SharePoint does not batch file uploads)`);
}

/** Adds a file to a library's root folder, or a new version of it when the name exists and `overwrite` is set. */
function addFile(ctx: SpContext, list: HostList, name: string, overwrite: boolean, bytes: Uint8Array): ItemRow {
  requireEdit(ctx);
  if (name.trim() === '' || BAD_NAME.test(name) || /^[\s.]|[\s.]$/.test(name)) {
    throw new SpError(400, '-2147024809, System.ArgumentException', `The file name '${name}' is not valid. A file name cannot contain " * : < > ? / \\ | or begin or end with a space or period.`);
  }
  const fileRef = `${ctx.webPath}/${list.url}/${name}`;
  const existing = ctx.store.itemByText(list, 'FileRef', fileRef);
  const blob = ctx.store.putBlob(bytes);
  if (existing) {
    if (!overwrite) throw fileExists(`${list.url}/${name}`, ctx.store.userById(existing.editorId)?.title ?? '', existing.modified);
    // Overwriting needs Edit Items, which an add-only permission level leaves out.
    return ctx.store.updateItem(list, existing.id, { [BLOB]: blob, [LENGTH]: bytes.byteLength }, ctx.user.id, undefined);
  }
  const dot = name.lastIndexOf('.');
  return ctx.store.addItem(
    list,
    {
      FileLeafRef: name,
      FileRef: fileRef,
      FileDirRef: `${ctx.webPath}/${list.url}`,
      DocIcon: dot > 0 ? name.slice(dot + 1).toLowerCase() : null,
      LinkFilename: name,
      [BLOB]: blob,
      [LENGTH]: bytes.byteLength,
      [UNIQUE_ID]: randomUUID()
    },
    ctx.user.id
  );
}

function bytesResponse(ctx: SpContext, blobId: unknown): HostResponse {
  const bytes = typeof blobId === 'number' ? ctx.store.getBlob(blobId) : undefined;
  if (!bytes) throw fileNotFound();
  return { status: 200, headers: { 'content-type': 'application/octet-stream' }, bytes };
}

/** A number answer (an upload offset) in the JSON flavour asked for. */
function int64(mode: Mode, name: string, value: number): HostResponse {
  if (mode === 'verbose') return json(200, { d: { [name]: String(value) } }, mode);
  return json(200, mode === 'minimal' ? { 'odata.metadata': '$metadata#Edm.Int64', value: String(value) } : { value: String(value) }, mode);
}

/** Chunked uploads in progress, by upload id (the bytes received so far). */
const sessions = new Map<string, { file: string; chunks: Uint8Array[]; offset: number }>();

function folderRoute(ctx: SpContext, address: string, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  const rel = siteRelative(ctx, address);
  const list = libraryAt(ctx, rel);
  if (!list) throw fileNotFound();
  if (rest.length === 0 && method === 'GET') return entityResponse(ctx, mode, applySelect(folderEntity(ctx, list), parseQueryOptions(req.url).select), 'SP.ApiData.Folders');
  const [seg, op, ...tail] = rest;
  if (seg.name === 'files' && seg.args === undefined) {
    if (!op && method === 'GET') {
      const rows = ctx.store.queryItems(list, { orderBy: [], top: 5000 }).rows;
      return collectionResponse(ctx, mode, rows.map((r) => fileEntity(ctx, r)), 'SP.ApiData.Files12');
    }
    if (op?.name === 'addusingpath' && tail.length === 0 && method === 'POST') {
      const args = parseArgs(op.args);
      const name = args.decodedurl;
      if (name === undefined) throw invalidQuery('AddUsingPath needs decodedurl.');
      const row = addFile(ctx, list, name.replace(/^.*\//, ''), args.overwrite?.toLowerCase() === 'true', uploaded(req));
      return entityResponse(ctx, mode, fileEntity(ctx, row), 'SP.ApiData.Files12/@Element');
    }
    if (op?.name === 'getbyurl' && op.args !== undefined) {
      const name = parseArgs(`u=${op.args}`).u;
      return fileRoute(ctx, `${ctx.webPath}/${list.url}/${name}`, tail, req, mode);
    }
  }
  throw notImplemented(req.method, req.url.pathname);
}

function fileRoute(ctx: SpContext, address: string, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const method = effectiveMethod(req);
  const { list, row } = resolveFile(ctx, address);
  const [seg, ...tail] = rest;
  if (!seg) {
    if (method === 'GET') return entityResponse(ctx, mode, applySelect(fileEntity(ctx, row), parseQueryOptions(req.url).select), 'SP.ApiData.Files12/@Element', 200, { etag: etagOf(row) });
    if (method === 'DELETE') {
      requireEdit(ctx);
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(row)) {
        throw new SpError(412, '-2130575306, Microsoft.SharePoint.SPException', 'The file has been modified since you last read it.');
      }
      ctx.store.deleteItem(list, row.id, undefined);
      return { status: 200, headers: {}, body: '' };
    }
  } else if (seg.name === '$value' && tail.length === 0) {
    if (method === 'GET') return bytesResponse(ctx, row.data[BLOB]);
    if (method === 'PUT') {
      requireEdit(ctx);
      const bytes = uploaded(req);
      ctx.store.updateItem(list, row.id, { [BLOB]: ctx.store.putBlob(bytes), [LENGTH]: bytes.byteLength }, ctx.user.id, undefined);
      return { status: 204, headers: {} };
    }
  } else if (seg.name === 'listitemallfields' && tail.length === 0) {
    if (method === 'GET') {
      const { select, expand } = parseQueryOptions(req.url);
      return entityResponse(ctx, mode, itemEntity(ctx, list, row, select, expand), itemSet(list), 200, { etag: `"${row.version}"` });
    }
    if (method === 'MERGE' || method === 'PATCH') {
      requireEdit(ctx);
      const values = ctx.store.normaliseValues(list, parseBody(req));
      const updated = ctx.store.updateItem(list, row.id, values, ctx.user.id, req.headers['if-match']);
      return { status: 204, headers: { etag: `"${updated.version}"` } };
    }
  } else if (seg.name === 'versions' && method === 'GET') {
    // A file's versions are the earlier ones; the current version is the file itself.
    const earlier = ctx.store.versions(list, row.id).filter((v) => !v.isCurrent);
    const entity = (v: ItemRow): Entity => {
      const creator = ctx.store.userById(v.editorId);
      return {
        type: 'SP.FileVersion',
        id: `${ctx.webUrl}/_api/Web/GetFileByServerRelativePath(decodedurl='${String(row.data.FileRef)}')/Versions(${v.version * 512})`,
        props: {
          CheckInComment: '',
          Created: v.modified,
          CreatedBy: creator ? { Id: creator.id, Title: creator.title, Email: creator.email } : null,
          ID: v.version * 512,
          IsCurrentVersion: false,
          Length: String(v.data[LENGTH] ?? 0),
          Size: Number(v.data[LENGTH] ?? 0),
          Url: `_vti_history/${v.version * 512}/${list.url}/${String(row.data.FileLeafRef)}`,
          VersionLabel: `${v.version}.0`
        }
      };
    };
    if (seg.args === undefined && tail.length === 0) {
      const select = parseQueryOptions(req.url).select.filter((s) => s !== 'CreatedBy');
      return collectionResponse(ctx, mode, earlier.map((v) => applySelect(entity(v), select)), 'SP.ApiData.FileVersions');
    }
    const found = earlier.find((v) => v.version * 512 === Number(seg.args));
    if (!found) throw new SpError(404, '-2147024809, System.ArgumentException', 'Version does not exist.');
    if (tail.length === 0) return entityResponse(ctx, mode, entity(found), 'SP.ApiData.FileVersions/@Element');
    if (tail.length === 1 && tail[0].name === '$value') return bytesResponse(ctx, found.data[BLOB]);
  } else if (tail.length === 0 && method === 'POST' && ['startupload', 'continueupload', 'finishupload', 'cancelupload'].includes(seg.name)) {
    requireEdit(ctx);
    const args = parseArgs(seg.args);
    const id = args.uploadid;
    if (!id) throw invalidQuery(`${seg.name} needs uploadId.`);
    const file = String(row.data.FileRef);
    if (seg.name === 'startupload') {
      const first = uploaded(req);
      sessions.set(id, { file, chunks: [first], offset: first.byteLength });
      return int64(mode, 'StartUpload', first.byteLength);
    }
    const session = sessions.get(id);
    if (!session || session.file !== file) throw new SpError(400, '-2147024809, System.ArgumentException', 'The upload session was not found.');
    if (seg.name === 'cancelupload') {
      sessions.delete(id);
      return { status: 204, headers: {} };
    }
    if (Number(args.fileoffset) !== session.offset) {
      throw new SpError(400, '-2147024809, System.ArgumentException', `The file offset ${args.fileoffset} does not match the ${session.offset} bytes received.`);
    }
    const chunk = uploaded(req);
    session.chunks.push(chunk);
    session.offset += chunk.byteLength;
    if (seg.name === 'continueupload') return int64(mode, 'ContinueUpload', session.offset);
    sessions.delete(id);
    const whole = Buffer.concat(session.chunks);
    const updated = ctx.store.updateItem(list, row.id, { [BLOB]: ctx.store.putBlob(whole), [LENGTH]: whole.byteLength }, ctx.user.id, undefined);
    return entityResponse(ctx, mode, fileEntity(ctx, updated), 'SP.ApiData.Files12/@Element');
  }
  throw notImplemented(req.method, req.url.pathname);
}

/**
 * Handles `web/getFolderByServerRelativePath(…)` and `web/getFileByServerRelativePath(…)` (and
 * their older `…ByServerRelativeUrl('…')` forms); `seg` is that segment, `rest` what follows it.
 */
export function filesRoute(ctx: SpContext, seg: Segment, rest: Segment[], req: HostRequest, mode: Mode): HostResponse {
  const byPath = seg.name.endsWith('path');
  const address = byPath ? parseArgs(seg.args).decodedurl : parseArgs(`u=${seg.args ?? ''}`).u;
  if (address === undefined) throw invalidQuery(`${seg.name} needs decodedurl.`);
  if (!ctx.user.canEdit && !ctx.user.isSiteAdmin && effectiveMethod(req) !== 'GET') throw accessDenied();
  return seg.name.startsWith('getfolder') ? folderRoute(ctx, address, rest, req, mode) : fileRoute(ctx, address, rest, req, mode);
}

/** Whether a segment of `web/…` addresses a folder or file by its path. */
export function isFileSegment(seg: Segment): boolean {
  return /^get(folder|file)byserverrelative(path|url)$/.test(seg.name);
}

/** SharePoint refuses list items added to a library other than through its files. */
export function refuseLibraryItem(list: HostList): void {
  if (list.baseTemplate === DOCUMENT_LIBRARY) {
    throw new SpError(400, '-2147024809, System.ArgumentException', 'To add an item to a document library, use SPFileCollection.Add().');
  }
}

/**
 * A GET of a file's own address ("/sites/ssm/SSMCommitteePapers/Paper-v1.docx"), as a link in a
 * page opens it: the bytes, with the Word content type and the file name to save under.
 * Undefined when the address is no file of a library (the caller answers it otherwise).
 */
export function serveFile(ctx: SpContext, pathname: string): HostResponse | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.toLowerCase().startsWith(`${ctx.webPath.toLowerCase()}/`)) return undefined;
  let found: { list: HostList; row: ItemRow };
  try {
    found = resolveFile(ctx, decoded);
  } catch (e) {
    if (e instanceof SpError && e.status === 404) return undefined;
    throw e;
  }
  const name = String(found.row.data.FileLeafRef);
  const type = /\.docx$/i.test(name) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : /\.json$/i.test(name) ? 'application/json' : 'application/octet-stream';
  const response = bytesResponse(ctx, found.row.data[BLOB]);
  return { ...response, headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"` } };
}
