/**
 * The Word paper of a published snapshot, stored in the committee papers library: rendered from
 * the snapshot's own model (what was stored, not the live report) with the renderer "Download for
 * committee" uses, then kept as a file of its own for that version.
 */
import type { ReportModel } from '../../domain/report/model';
import type { CommitteePaper, ReportSnapshot } from '../../domain/types';
import { bytesHash, CommitteePapersRepository, PaperNotStoredError, PaperRecord } from '../../data/papers';
import { renderPaper } from './download';

/** A Word paper rendered before publishing, and what its snapshot records of it. */
export interface PreparedPaper {
  bytes: Uint8Array;
  fileName: string;
  record: PaperRecord;
}

/**
 * Renders the paper of a model about to be published, so its snapshot can record the file's name
 * and SHA-256: members may add the file to the library but not write its columns, and the
 * snapshot's record then finds and checks it. Undefined when it cannot be rendered here; the
 * paper is then rendered again after publishing, where a failure is reported (the snapshot stands).
 */
export async function preparePaper(model: ReportModel): Promise<PreparedPaper | undefined> {
  try {
    const rendered = await renderPaper(model);
    const bytes = new Uint8Array(await rendered.blob.arrayBuffer());
    return { bytes, fileName: rendered.fileName, record: { fileName: rendered.fileName, fileHash: await bytesHash(bytes) } };
  } catch {
    return undefined;
  }
}

/**
 * Renders (unless `prepared`, rendered from the same model before publishing) and stores the
 * Word paper of a published snapshot; a failure is a PaperNotStoredError (the snapshot stands).
 */
export async function storeWordPaper(papers: CommitteePapersRepository, snapshot: ReportSnapshot, prepared?: PreparedPaper): Promise<CommitteePaper> {
  if (prepared) return papers.storePaper(snapshot, prepared.bytes, prepared.fileName);
  let rendered: { blob: Blob; fileName: string };
  try {
    rendered = await renderPaper(snapshot.model);
  } catch (e) {
    throw new PaperNotStoredError(snapshot.version, `the Word document could not be made (${e instanceof Error ? e.message : String(e)}).`, { operation: 'add', list: 'committeePapers', cause: e });
  }
  return papers.storePaper(snapshot, rendered.blob, rendered.fileName);
}
