/**
 * PnPjs v4 implementation of the committee papers library (papers.ts), against SharePoint
 * Online or the local host: files added with `folder.files.addUsingPath` (or `addChunked` over
 * 10 MB), described through the file's `listItemAllFields`, read through `$value`. Also keeps the
 * data of a report too large for its snapshot's column (snapshotFiles).
 */
import type { SPFI } from '@pnp/sp';
import { spPostMerge } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { body, headers } from '@pnp/queryable';
import type { CommitteePaper, ReportSnapshot, SnapshotIntegrity } from '../domain/types';
import type { PaperContent } from '../domain/vocabularies';
import { BUILT_IN, SCHEMA } from './schema';
import { fromItem, RawItem, selectFields, selectFor, toItem } from './mapping';
import { DataAccessError, toDataAccessError } from './errors';
import { bytesHash, CHUNKED_UPLOAD_BYTES, CommitteePapersRepository, PaperFileVersion, PaperNotStoredError, versionedFileName } from './papers';

const KEY = 'committeePapers' as const;

/** SharePoint's error code for a file name already taken (AddUsingPath without Overwrite). */
const FILE_EXISTS_CODE = '-2130575257';

/** What the product writes about a stored file (its library columns). */
export type PaperFields = Omit<CommitteePaper, 'id' | 'etag' | 'created' | 'modified' | 'fileName' | 'fileUrl' | 'problems'>;

/** Whether an error is SharePoint's "a file with the name … already exists" (400 today; 409 is treated alike). */
async function isFileExists(e: unknown): Promise<boolean> {
  const err = await toDataAccessError(e, { operation: 'add', list: KEY });
  if (err.status !== 400 && err.status !== 409) return false;
  const cause = err.cause as { message?: string } | undefined;
  const text = `${err.serverMessage ?? ''} ${cause?.message ?? ''}`;
  return text.includes(FILE_EXISTS_CODE) || /already exists/i.test(text);
}

/** The files of the committee papers library, over one SPFI. */
export class PnpPaperFiles {
  private root: Promise<string> | undefined;

  public constructor(private readonly sp: SPFI) {}

  /** Server-relative address of the library's root folder, e.g. "/sites/ssm/SSMCommitteePapers". */
  public libraryUrl(): Promise<string> {
    if (!this.root) {
      const pending = (async () => {
        const web = (await this.sp.web.select('ServerRelativeUrl')()) as { ServerRelativeUrl: string };
        return `${web.ServerRelativeUrl.replace(/\/$/, '')}/${SCHEMA[KEY].url}`;
      })();
      // A failed read is not remembered, so the next call asks again.
      pending.catch(() => (this.root = undefined));
      this.root = pending;
    }
    return this.root;
  }

  /** Uploads bytes as a file of the library's root folder; returns its server-relative address. */
  public async upload(name: string, bytes: Uint8Array, overwrite: boolean): Promise<string> {
    const files = this.sp.web.getFolderByServerRelativePath(await this.libraryUrl()).files;
    const info =
      bytes.byteLength > CHUNKED_UPLOAD_BYTES
        ? await files.addChunked(name, new Blob([bytes]), { Overwrite: overwrite })
        : await files.addUsingPath(name, new Blob([bytes]), { Overwrite: overwrite });
    return info.ServerRelativeUrl;
  }

  /** Writes a file's columns (its list item, through ListItemAllFields). */
  public async describe(fileUrl: string, fields: Partial<PaperFields>): Promise<void> {
    const item = this.sp.web.getFileByServerRelativePath(fileUrl).listItemAllFields;
    await spPostMerge(item, body(toItem(KEY, fields as Record<string, unknown>), headers({ 'IF-Match': '*' })));
  }

  /**
   * Writes a stored file's columns; false when SharePoint refuses (403): members hold "SSM Add
   * only" on the library, and writing a file's columns after its upload is an edit (EditListItems).
   */
  public async describeIfAllowed(fileUrl: string, fields: Partial<PaperFields>): Promise<boolean> {
    try {
      await this.describe(fileUrl, fields);
      return true;
    } catch (e) {
      const err = await toDataAccessError(e, { operation: 'add', list: KEY });
      if (err.status === 403) return false;
      throw err;
    }
  }

  /** A file's columns as stored. */
  public async read(fileUrl: string): Promise<CommitteePaper> {
    const { select, expand } = selectFor(KEY);
    let query = this.sp.web.getFileByServerRelativePath(fileUrl).listItemAllFields.select(...select, BUILT_IN.fileRef, BUILT_IN.fileLeafRef);
    if (expand.length > 0) query = query.expand(...expand);
    return paperOf((await query()) as RawItem);
  }

  /** A file's bytes. */
  public async bytes(fileUrl: string): Promise<Uint8Array> {
    return new Uint8Array(await this.sp.web.getFileByServerRelativePath(fileUrl).getBuffer());
  }

  /** A file's content as text (UTF-8). */
  public async text(fileUrl: string): Promise<string> {
    return new TextDecoder().decode(await this.bytes(fileUrl));
  }
}

/** A library item as a CommitteePaper (its file name and address included). */
function paperOf(raw: RawItem): CommitteePaper {
  const paper = fromItem<CommitteePaper>(KEY, raw);
  return {
    ...paper,
    reportTitle: typeof raw[BUILT_IN.title] === 'string' ? (raw[BUILT_IN.title] as string) : undefined,
    fileName: String(raw[BUILT_IN.fileLeafRef] ?? ''),
    fileUrl: String(raw[BUILT_IN.fileRef] ?? '')
  };
}

/** An undescribed file as the paper its snapshot recorded (the fingerprint is the snapshot's). */
function recordedPaper(file: CommitteePaper, snapshot: Pick<ReportSnapshot, 'id' | 'periodId' | 'serviceId' | 'version' | 'paperHash'>): CommitteePaper {
  return { ...file, content: 'Word paper', snapshotId: snapshot.id, periodId: snapshot.periodId, serviceId: snapshot.serviceId, version: snapshot.version, fileHash: snapshot.paperHash };
}

/** The library columns of a snapshot's file. */
export function paperFields(snapshot: Pick<ReportSnapshot, 'model' | 'periodId' | 'serviceId' | 'version'>, content: PaperContent, fileHash: string, snapshotId?: number): PaperFields {
  const meeting = snapshot.model.meeting?.date ?? latestMeeting(snapshot.model.services);
  return {
    content,
    reportTitle: snapshot.model.title,
    reportKind: snapshot.model.kind,
    periodId: snapshot.periodId,
    serviceId: snapshot.serviceId,
    meetingDate: meeting,
    version: snapshot.version,
    snapshotId,
    fileHash
  };
}

function latestMeeting(services: ReportSnapshot['model']['services'] | undefined): string | undefined {
  const dates = (services ?? []).map((s) => s.highlight?.meetingDate).filter((d): d is string => !!d).sort();
  return dates[dates.length - 1];
}

/** The committee papers repository over PnPjs. */
export class PnpCommitteePapers implements CommitteePapersRepository {
  private readonly files: PnpPaperFiles;

  public constructor(private readonly sp: SPFI) {
    this.files = new PnpPaperFiles(sp);
  }

  public async storePaper(snapshot: ReportSnapshot, docx: Blob | Uint8Array, fileName: string): Promise<CommitteePaper> {
    const name = versionedFileName(fileName, snapshot.version);
    const context = { operation: 'add' as const, list: KEY };
    try {
      const bytes = docx instanceof Uint8Array ? docx : new Uint8Array(await docx.arrayBuffer());
      const fields = paperFields(snapshot, 'Word paper', await bytesHash(bytes), snapshot.id);
      let fileUrl: string;
      try {
        fileUrl = await this.files.upload(name, bytes, false);
      } catch (e) {
        if (!(await isFileExists(e))) throw e;
        // Taken: only an earlier attempt for this very snapshot (interrupted before or after its
        // columns were written) may be replaced; another snapshot's paper is never touched.
        const existing = await this.files.read(`${await this.files.libraryUrl()}/${name}`);
        if (existing.snapshotId !== undefined && existing.snapshotId !== snapshot.id) {
          throw new PaperNotStoredError(snapshot.version, `a file named ${name} already holds the paper of another published report.`, context);
        }
        // An earlier attempt by a member, whose columns could not be written: it is the paper
        // when its bytes are those recorded with the snapshot (overwriting would be an edit).
        if (existing.snapshotId === undefined && (await this.isRecordedPaper(snapshot, existing))) return recordedPaper(existing, snapshot);
        fileUrl = await this.files.upload(name, bytes, true);
      }
      const described = await this.files.describeIfAllowed(fileUrl, fields);
      const stored = await this.files.read(fileUrl);
      // Refused, or accepted without effect: the file is stored all the same, and is found and
      // checked through what its snapshot recorded.
      return described && stored.snapshotId === snapshot.id ? stored : { ...stored, ...fields };
    } catch (e) {
      if (e instanceof PaperNotStoredError) throw e;
      const err = e instanceof DataAccessError ? e : await toDataAccessError(e, context);
      throw new PaperNotStoredError(snapshot.version, err.serverMessage ?? err.message, { ...context, status: err.status, serverMessage: err.serverMessage, cause: e });
    }
  }

  /** Whether an undescribed file is the paper recorded with the snapshot (its name and SHA-256). */
  private async isRecordedPaper(snapshot: Pick<ReportSnapshot, 'paperFileName' | 'paperHash'>, file: CommitteePaper): Promise<boolean> {
    if (snapshot.paperHash === undefined || snapshot.paperFileName !== file.fileName) return false;
    return (await bytesHash(await this.files.bytes(file.fileUrl))) === snapshot.paperHash;
  }

  public async papersBySnapshot(): Promise<ReadonlyMap<number, CommitteePaper>> {
    const { select, expand } = selectFor(KEY);
    const out = new Map<number, CommitteePaper>();
    // Files without the product's columns (stored by a member, who may not write them), by name.
    const undescribed = new Map<string, CommitteePaper>();
    try {
      let query = this.sp.web.lists.getByTitle(SCHEMA[KEY].title).items.select(...select, BUILT_IN.fileRef, BUILT_IN.fileLeafRef).top(5000);
      if (expand.length > 0) query = query.expand(...expand);
      for await (const page of query) {
        for (const raw of page as RawItem[]) {
          const paper = paperOf(raw);
          // The newest file wins should two ever name one snapshot (a hand-made copy).
          if (paper.content === 'Word paper' && paper.snapshotId !== undefined && (out.get(paper.snapshotId)?.id ?? 0) < paper.id) out.set(paper.snapshotId, paper);
          else if (!paper.content && paper.snapshotId === undefined) undescribed.set(paper.fileName, paper);
        }
      }
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read', list: KEY });
    }
    if (undescribed.size === 0) return out;
    // Only then the snapshots' own record of their papers is read (a few short columns).
    for (const snapshot of await this.recordedPapers()) {
      const file = snapshot.paperFileName !== undefined ? undescribed.get(snapshot.paperFileName) : undefined;
      if (file && !out.has(snapshot.id)) out.set(snapshot.id, recordedPaper(file, snapshot));
    }
    return out;
  }

  /** The snapshots that recorded a Word paper: id, version, period, scope, file name and SHA-256. */
  private async recordedPapers(): Promise<ReportSnapshot[]> {
    const { select, expand } = selectFields('snapshots', ['periodId', 'serviceId', 'version', 'paperFileName', 'paperHash']);
    const found: ReportSnapshot[] = [];
    try {
      let query = this.sp.web.lists.getByTitle(SCHEMA.snapshots.title).items.select(...select).top(5000);
      if (expand.length > 0) query = query.expand(...expand);
      for await (const page of query) {
        for (const raw of page as RawItem[]) {
          const snapshot = fromItem<ReportSnapshot>('snapshots', raw);
          if (snapshot.paperFileName) found.push(snapshot);
        }
      }
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read', list: 'snapshots' });
    }
    return found;
  }

  public async read(fileUrl: string): Promise<Uint8Array> {
    try {
      return await this.files.bytes(fileUrl);
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read', list: KEY });
    }
  }

  public async integrity(paper: Pick<CommitteePaper, 'fileUrl' | 'fileHash'>): Promise<SnapshotIntegrity> {
    if (!paper.fileHash) return 'unverified';
    return (await bytesHash(await this.read(paper.fileUrl))) === paper.fileHash ? 'verified' : 'altered';
  }

  public async versions(fileUrl: string): Promise<PaperFileVersion[]> {
    try {
      const found = (await this.sp.web.getFileByServerRelativePath(fileUrl).versions.select('VersionLabel', 'Created', 'Size')()) as Array<{ VersionLabel: string; Created: string; Size: number }>;
      return found.map((v) => ({ label: v.VersionLabel, created: v.Created, size: Number(v.Size) })).sort((a, b) => parseFloat(b.label) - parseFloat(a.label));
    } catch (e) {
      throw await toDataAccessError(e, { operation: 'read', list: KEY });
    }
  }
}
