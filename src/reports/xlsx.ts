/**
 * Excel export of a list view as people see it: display values (names, service names, UK dates,
 * pounds), the filters that were applied written above the table, and text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return) neutralised.
 * Pure apart from exceljs; loaded on demand by the web parts, as the Word export is.
 */
import { Workbook } from 'exceljs';
import { lazyStrings } from '../loc/lazy';
import { formatString } from '../components/format';

/** How a column's values are written. */
export type ExportKind = 'text' | 'number' | 'pounds' | 'date';

/** One column of the export. */
export interface ExportColumn<T> {
  /** Header as the web part shows it. */
  header: string;
  /** The cell's value: display text, a number, or for 'date' a YYYY-MM-DD date. */
  value: (row: T) => string | number | undefined;
  /** Default 'text'. */
  kind?: ExportKind;
  /** Column width in characters. */
  width?: number;
}

/** One list view to export. */
export interface ExportSheet<T> {
  /** Worksheet name (at most 31 characters; cut to fit). */
  sheetName: string;
  /** Heading written in the first row, e.g. "Risk register". */
  title: string;
  /** The filters applied, one line each ("Status: Open"); written under the heading. */
  filters: readonly string[];
  /** Heading of the filters line, e.g. "Filters applied". */
  filtersLabel: string;
  /** What the filters line says when none is applied, e.g. "none: every item is listed". */
  noFilters: string;
  columns: ReadonlyArray<ExportColumn<T>>;
  rows: readonly T[];
}

/** Characters that make a spreadsheet cell a formula (or DDE payload) when text starts with them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet shows as written: text starting with =, +, -, @, tab or carriage return is
 * prefixed with an apostrophe so Excel and LibreOffice never evaluate it (OWASP CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Excel's number format for pounds, with pence. */
const POUNDS_FORMAT = '"£"#,##0.00';
/** Excel's number format for UK dates in words, e.g. 31 March 2027. */
const DATE_FORMAT = 'd mmmm yyyy';

function cellValue(kind: ExportKind, value: string | number | undefined): string | number | Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (kind === 'date') {
    const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
    // A date-only value at UTC midnight: exceljs writes dates as UTC, so the day never moves.
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : neutraliseFormula(String(value));
  }
  if ((kind === 'number' || kind === 'pounds') && typeof value === 'number' && Number.isFinite(value)) return value;
  return neutraliseFormula(String(value));
}

/** Builds the .xlsx of a list view. */
export async function buildXlsx<T>(sheet: ExportSheet<T>): Promise<Uint8Array> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(sheet.sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || lazyStrings.ExportSheetFallback);
  ws.addRow([neutraliseFormula(sheet.title)]).font = { bold: true, size: 14 };
  ws.addRow([formatString(lazyStrings.ExportFiltersLine, sheet.filtersLabel, sheet.filters.length ? sheet.filters.map(neutraliseFormula).join('; ') : sheet.noFilters)]);
  ws.addRow([]);
  const header = ws.addRow(sheet.columns.map((c) => neutraliseFormula(c.header)));
  header.font = { bold: true };
  for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => cellValue(c.kind ?? 'text', c.value(row))));
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width ?? Math.min(60, Math.max(12, c.header.length + 2));
    if (c.kind === 'pounds') column.numFmt = POUNDS_FORMAT;
    if (c.kind === 'date') column.numFmt = DATE_FORMAT;
    if (c.kind === undefined || c.kind === 'text') column.alignment = { wrapText: true, vertical: 'top' };
  });
  // Headings stay in view while scrolling through a long register.
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
