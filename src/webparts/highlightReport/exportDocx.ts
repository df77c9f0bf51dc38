/**
 * The Word export's browser half, loaded only when someone presses "Download for committee"
 * (see download.ts): it pulls in `docx`, which is large, so it must stay out of the web part's
 * main bundle. Only download.ts may import this module, and only with a dynamic `import()`.
 */
import { Packer } from 'docx';
import { buildReportDocument, createRichTextConverter, reportFileName, RichTextWindow } from '../../reports';
import type { ReportModel } from '../../domain/report/model';

/** A rendered report: the .docx bytes and the file name to save them under. */
export interface RenderedReport {
  /** The Word document. */
  blob: Blob;
  /** e.g. "Shared-Services-Highlight-Report-2021-22-Q4.docx". */
  fileName: string;
}

/**
 * Renders a report model to a .docx Blob with the same builder `npm run report` uses; rich text
 * is sanitised with DOMPurify and parsed with the DOMParser of the window given (the browser's).
 */
export async function renderReport(model: ReportModel, window: RichTextWindow): Promise<RenderedReport> {
  const richText = createRichTextConverter(window);
  const blob = await Packer.toBlob(buildReportDocument(model, { richText }));
  return { blob, fileName: reportFileName(model) };
}
