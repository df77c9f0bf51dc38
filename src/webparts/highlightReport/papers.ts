/**
 * The Word paper of a published snapshot, stored in the committee papers library: rendered from
 * the snapshot's own model (what was stored, not the live report) with the renderer "Download for
 * committee" uses, then kept as a file of its own for that version.
 */
import type { CommitteePaper, ReportSnapshot } from '../../domain/types';
import { CommitteePapersRepository, PaperNotStoredError } from '../../data/papers';
import { renderPaper } from './download';

/** Renders and stores the Word paper of a published snapshot; a failure is a PaperNotStoredError (the snapshot stands). */
export async function storeWordPaper(papers: CommitteePapersRepository, snapshot: ReportSnapshot): Promise<CommitteePaper> {
  let rendered: { blob: Blob; fileName: string };
  try {
    rendered = await renderPaper(snapshot.model);
  } catch (e) {
    throw new PaperNotStoredError(snapshot.version, `the Word document could not be made (${e instanceof Error ? e.message : String(e)}).`, { operation: 'add', list: 'committeePapers', cause: e });
  }
  return papers.storePaper(snapshot, rendered.blob, rendered.fileName);
}
