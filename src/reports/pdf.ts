/**
 * PDF of a committee paper. The paper is built as Word (docx.ts); a converter turns it into
 * PDF. On a tenant that is Microsoft Graph: the Word file is uploaded to the "Committee papers"
 * document library and read back with `?format=pdf`, so Microsoft 365's own renderer lays it
 * out. Locally and in CI it is LibreOffice (local/scripts/libreoffice.ts).
 */
import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import * as strings from 'SsmStrings';
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

/**
 * Converts through Graph: PUT the file into the library (a new version when the name exists,
 * so the library keeps every version the committee received), then GET its content as PDF.
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
        if (!item || typeof item.id !== 'string') throw new PdfConversionError(formatString(strings.PaperPdfNoItemId, fileName));
        itemId = item.id;
      } catch (e) {
        if (e instanceof PdfConversionError) throw e;
        throw new PdfConversionError(formatString(strings.PaperPdfUploadFailed, e instanceof Error ? e.message : String(e)), e);
      }
      try {
        const pdf = (await client
          .api(`/drives/${encodeURIComponent(target.driveId)}/items/${encodeURIComponent(itemId)}/content`)
          .query({ format: 'pdf' })
          .responseType(ResponseType.ARRAYBUFFER)
          .get()) as ArrayBuffer;
        return new Uint8Array(pdf);
      } catch (e) {
        throw new PdfConversionError(formatString(strings.PaperPdfConvertFailed, fileName, e instanceof Error ? e.message : String(e)), e);
      }
    }
  };
}
