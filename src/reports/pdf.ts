/**
 * PDF of a committee paper. The paper is built as Word (docx.ts); a converter turns it into
 * PDF. On a tenant that is Microsoft Graph, reading the Word file publishing stored in the
 * "Committee papers" document library with `?format=pdf` (graphStoredPaperPdf), so the PDF is
 * of exactly the file the committee received and Microsoft 365's own renderer lays it out.
 * Locally and in CI it is LibreOffice (local/scripts/libreoffice.ts).
 */
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import { lazyStrings } from '../loc/lazy';
import { formatString } from '../components/format';

/** Turns a .docx into PDF bytes. */
export interface PdfConverter {
  /** Converts the Word document; `fileName` is the .docx name (the upload's name on a tenant). */
  toPdf(docx: Uint8Array, fileName: string): Promise<Uint8Array>;
}

/** The conversion failed; says at which step, with the service's answer. */
export class PdfConversionError extends Error {
  public constructor(message: string, public readonly cause?: unknown) {
    super(message);
    this.name = 'PdfConversionError';
    Object.setPrototypeOf(this, PdfConversionError.prototype);
  }
}

/** Where papers are uploaded on the tenant: a drive (the document library) and a folder in it. */
export interface GraphPdfTarget {
  /** Drive id of the "Committee papers" library (GET /sites/{site-id}/drives). */
  driveId: string;
  /** Folder path inside the library, e.g. "2021-22"; empty for its root. */
  folder?: string;
}

const segment = (s: string): string => encodeURIComponent(s).replace(/%2F/g, '/');

/** A Word paper stored in the committee papers library, as Graph addresses it. */
export interface StoredPaperRef {
  /** Graph site id ("contoso.sharepoint.com,{site-guid},{web-guid}", from GET /sites/{host}:/sites/{path}). */
  siteId: string;
  /** The library's list id (or its title, which Graph also accepts). */
  listId: string;
  /** The file's list item id (CommitteePaper.id). */
  itemId: number;
}

/** Graph path of a stored paper's content, through its list item's drive item (no drive id needed). */
export function storedPaperContentPath(ref: StoredPaperRef): string {
  return `/sites/${encodeURIComponent(ref.siteId)}/lists/${encodeURIComponent(ref.listId)}/items/${ref.itemId}/driveItem/content`;
}

/**
 * The PDF of a paper publishing already stored (CommitteePapersRepository.storePaper): Graph's
 * `GET …/driveItem/content?format=pdf` on that file, so nothing is uploaded a second time and
 * the PDF is of the very file the committee received (never of a file rendered again). Needs a
 * Graph permission that reads the site's files (Sites.Read.All or Files.Read.All, delegated).
 */
export async function graphStoredPaperPdf(client: Client, ref: StoredPaperRef): Promise<Uint8Array> {
  try {
    const pdf = (await client.api(storedPaperContentPath(ref)).query({ format: 'pdf' }).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    return new Uint8Array(pdf);
  } catch (e) {
    throw new PdfConversionError(formatString(lazyStrings.PaperPdfStoredConvertFailed, ref.itemId, e instanceof Error ? e.message : String(e)), e);
  }
}

/**
 * Converts a Word file not stored yet through Graph: PUT it into a drive folder, then GET its
 * content as PDF. Published papers are not converted this way: they are already in Committee
 * papers, one file per version, and graphStoredPaperPdf reads that file (a PUT over it would be
 * an edit the library's add-only permissions refuse members).
 * Files over 4 MB need an upload session; committee papers are far smaller, and a larger one
 * fails with Graph's own message rather than being cut.
 */
export function graphPdfConverter(client: Client, target: GraphPdfTarget): PdfConverter {
  return {
    async toPdf(docx: Uint8Array, fileName: string): Promise<Uint8Array> {
      const path = [target.folder, fileName].filter((p) => !!p).map((p) => segment(p as string)).join('/');
      let itemId: string;
      try {
        const item = (await client
          .api(`/drives/${encodeURIComponent(target.driveId)}/root:/${path}:/content`)
          .header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .put(docx)) as { id?: string };
        if (!item || typeof item.id !== 'string') throw new PdfConversionError(formatString(lazyStrings.PaperPdfNoItemId, fileName));
        itemId = item.id;
      } catch (e) {
        if (e instanceof PdfConversionError) throw e;
        throw new PdfConversionError(formatString(lazyStrings.PaperPdfUploadFailed, e instanceof Error ? e.message : String(e)), e);
      }
      try {
        const pdf = (await client
          .api(`/drives/${encodeURIComponent(target.driveId)}/items/${encodeURIComponent(itemId)}/content`)
          .query({ format: 'pdf' })
          .responseType(ResponseType.ARRAYBUFFER)
          .get()) as ArrayBuffer;
        return new Uint8Array(pdf);
      } catch (e) {
        throw new PdfConversionError(formatString(lazyStrings.PaperPdfConvertFailed, fileName, e instanceof Error ? e.message : String(e)), e);
      }
    }
  };
}
