/** Word export of committee reports (browser and Node). */
export { buildReportDocument, reportFileName, reportMonth } from './docx';
export type { RenderOptions } from './docx';
export { createRichTextConverter, RICH_TEXT_NUMBERING } from './richText';
export type { RichTextBlock, RichTextConverter, RichTextOptions, RichTextWindow } from './richText';
export { andList, longDate, measureValue, monthYear, pounds } from './format';
