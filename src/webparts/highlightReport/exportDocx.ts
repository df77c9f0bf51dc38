/**
 * The Word export's browser half, loaded only when someone presses "Download for committee"
 * (see download.ts): it pulls in `docx`, which is large, so it must stay out of the web part's
 * main bundle. Only download.ts may import this module, and only with a dynamic `import()`.
 */
import { Packer } from 'docx';
import { buildReportDocument, createRichTextConverter, reportFileName, RichTextWindow } from '../../reports';
import { renderFigures } from '../../reports/figures';
import type { Rasterise } from '../../reports/figures';
import type { ReportModel } from '../../domain/report/model';

/** Whether this DOM can draw on a canvas. */
function canvasAvailable(): boolean {
  if (typeof HTMLCanvasElement === 'undefined' || /jsdom/i.test(typeof navigator === 'undefined' ? '' : navigator.userAgent)) return false;
  return document.createElement('canvas').getContext('2d') !== null;
}

/**
 * SVG to PNG in the browser: the SVG is drawn on a canvas through an <img>, so the figure uses
 * the browser's own fonts and nothing is fetched (the SVG is self-contained).
 */
export const canvasRasterise: Rasterise = (svg, width, height, scale) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const g = canvas.getContext('2d');
      if (!g) {
        reject(new Error('The browser could not draw the report figures (no canvas).'));
        return;
      }
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (!blob) {
          reject(new Error('The browser could not draw the report figures.'));
          return;
        }
        blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
      }, 'image/png');
    };
    img.onerror = () => reject(new Error('The browser could not draw the report figures.'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });

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
  // Every browser can draw on a canvas; a DOM without one (jsdom) gets the paper without its
  // pictures, whose numbers are in the text beside them anyway.
  const figures = canvasAvailable() ? await renderFigures(model, canvasRasterise) : {};
  const blob = await Packer.toBlob(buildReportDocument(model, { richText, figures }));
  return { blob, fileName: reportFileName(model) };
}
