/** The spreadsheet import of the web parts (site owners); the engine itself loads on demand. */
export { ImportPanel } from './ImportPanel';
export type { IImportPanelProps } from './ImportPanel';
export { TemplateLink, templateBlob, templateFileName } from './TemplateLink';
export type { ITemplateLinkProps } from './TemplateLink';
export { loadImportEngine } from './engine';
export type { ImportEngine } from './engine';
export { readFileBytes } from './readFile';
export { financialYears, quartersOf, FIRST_FINANCIAL_YEAR } from './periods';
