/**
 * "Download for committee": renders the report model to Word in the browser and saves it. The
 * renderer is loaded with a dynamic `import()`, so webpack puts `docx` in a chunk of its own that
 * is fetched on the first download instead of with the web part.
 */
import type { ReportModel } from '../../domain/report/model';
import type { RichTextWindow } from '../../reports/richText';

/** How long the object URL is kept after the click: the browser reads it asynchronously. */
const REVOKE_AFTER_MS = 60000;

/**
 * Saves a Blob through an object URL and a temporary `<a download>`; the anchor is removed at
 * once and the URL revoked a little later.
 */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    doc.body.removeChild(anchor);
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Builds the .docx of a report model and saves it; resolves to the file name saved. */
export async function downloadReport(model: ReportModel): Promise<string> {
  const rendered = await renderPaper(model);
  saveBlob(rendered.blob, rendered.fileName);
  return rendered.fileName;
}

/**
 * Builds the .docx of a report model without saving it: the Word paper publishing stores in the
 * committee papers library (the same renderer as "Download for committee", so the stored file
 * is the paper a download gives).
 */
export async function renderPaper(model: ReportModel): Promise<{ blob: Blob; fileName: string }> {
  const { renderReport } = await import(/* webpackChunkName: 'ssm-report-export' */ './exportDocx');
  return renderReport(model, window as unknown as RichTextWindow);
}
