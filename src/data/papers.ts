/**
 * The committee papers library as the product sees it: the Word file of every published report
 * version, stored when it is published so auditors open exactly what the committee received.
 *
 * One file per published version, named after its version ("…-v2.docx"), never one file
 * overwritten per series: members hold "SSM Add only" on the library, which lets them add a
 * file but not overwrite one (overwriting is an edit), so no paper the committee received can be
 * replaced silently; every snapshot's paper keeps an address of its own that always opens that
 * version (older versions of one file live under `_vti_history` and are trimmed by the version
 * limit); and a file whose own version history shows more than its upload and metadata was
 * changed after publishing.
 */
import type { CommitteePaper, ReportSnapshot, SnapshotIntegrity } from '../domain/types';
import { DataAccessError, DataAccessErrorOptions } from './errors';

/** One earlier version of a stored file (SharePoint's file version history). */
export interface PaperFileVersion {
  /** e.g. "1.0". */
  label: string;
  /** When that version was saved (ISO 8601). */
  created: string;
  /** Its size in bytes. */
  size: number;
}

/** The Word papers of published reports, in the "Committee papers" library. */
export interface CommitteePapersRepository {
  /**
   * Stores the Word paper of a published snapshot as a file of its own (the file name with the
   * version before the extension) and writes its metadata: report kind, period, scope, meeting,
   * version, snapshot id and the SHA-256 of the bytes. Files over 10 MB go up in chunks. Storing
   * the same snapshot's paper again (after an interrupted attempt) replaces that file; a file of
   * the same name belonging to another snapshot is never touched (PaperNotStoredError).
   */
  storePaper(snapshot: ReportSnapshot, docx: Blob | Uint8Array, fileName: string): Promise<CommitteePaper>;
  /** The Word papers stored, by the id of the snapshot each belongs to. */
  papersBySnapshot(): Promise<ReadonlyMap<number, CommitteePaper>>;
  /** The bytes of a stored file, by its server-relative address. */
  read(fileUrl: string): Promise<Uint8Array>;
  /** The earlier versions of a stored file, newest first (none while it is as uploaded and described). */
  versions(fileUrl: string): Promise<PaperFileVersion[]>;
  /**
   * Whether a stored file is still what was stored: its bytes hashed again against the SHA-256
   * written when it was stored (`verified`), or not (`altered`: someone changed the file, whose
   * version history says who); `unverified` when it has no fingerprint.
   */
  integrity(paper: Pick<CommitteePaper, 'fileUrl' | 'fileHash'>): Promise<SnapshotIntegrity>;
}

/**
 * What a snapshot records of its Word paper, rendered before publishing: the file name without
 * the version (numbered on publishing) and the SHA-256 of the bytes.
 */
export interface PaperRecord {
  fileName: string;
  fileHash: string;
}

/** Files above this size are uploaded in chunks (PnPjs's own chunk size; SharePoint's simple upload is meant for small files). */
export const CHUNKED_UPLOAD_BYTES = 10 * 1024 * 1024;

/** "Paper.docx" and version 2 → "Paper-v2.docx": one file per published version. */
export function versionedFileName(fileName: string, version: number): string {
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  return `${stem}-v${version}${ext}`;
}

/** SHA-256 of bytes ("sha256:" and hexadecimal), through Web Crypto as snapshot fingerprints are. */
export async function bytesHash(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return `sha256:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The snapshot was published but its Word paper could not be stored in the library (or a file of
 * that name belongs to another snapshot). The snapshot stands; storing the paper can be retried.
 */
export class PaperNotStoredError extends DataAccessError {
  /** The version published. */
  public readonly version: number;

  public constructor(version: number, reason: string, options: DataAccessErrorOptions) {
    super(`Version ${version} was published, but its Word paper could not be stored in Committee papers: ${reason}`, options);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'PaperNotStoredError';
    this.version = version;
  }
}
