/**
 * Reads an uploaded file into rows: XLSX with exceljs (first worksheet with a recognisable
 * header), CSV with the parser in csv.ts. Size, emptiness and junk are checked first, so a
 * bad file fails with a clear ImportFileError before anything else happens.
 */
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { ImportListKind, findHeader } from '../domain/import/columns';
import { formatBytes, ImportFileError, ImportLimits, IMPORT_LIMITS } from '../domain/import/errors';
import type { ImportRow, ImportTable } from '../domain/import/plan';
import { parseCsv } from './csv';
import { HtmlParserHost, readDocx } from './docx';

/** A file chosen by the user (browser File bytes, or read from disk by the CLI). */
export interface ImportFile {
  /** File name, used for the format when the content does not tell. */
  readonly name: string;
  /** Content. */
  readonly data: Uint8Array;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (data: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => data[i] === b);

/** Decodes CSV bytes: UTF-8, or Windows-1252 as Excel's "CSV (Comma delimited)" writes on UK Windows. */
function decodeText(data: Uint8Array): string {
  // NUL bytes and other control characters do not occur in CSV text: this is binary.
  let control = 0;
  const sample = Math.min(data.length, 65536);
  for (let i = 0; i < sample; i++) {
    const b = data[i];
    if (b === 0) control += 100;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > sample / 100) {
    throw new ImportFileError('unreadable', 'The file is not a CSV or Excel (.xlsx) file: its content is binary. Save the tracker as .xlsx or CSV and try again.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (e) {
    // Not valid UTF-8 (a TypeError, checked by name as it may come from another realm): the
    // only other encoding Excel writes CSV in here.
    if ((e as { name?: unknown } | null)?.name !== 'TypeError') throw e;
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Text of one exceljs cell value: rich text runs joined, dates as YYYY-MM-DD, formulas by their result. */
function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in v) return valueText(v.result as CellValue);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.hyperlink === 'string') return v.hyperlink;
    if ('error' in v) return '';
  }
  return '';
}

function cellText(cell: Cell): string {
  // exceljs repeats a merged cell's value in every cell of the range: only the first counts,
  // so a service name merged across the row still reads as a row with one value.
  if (cell.isMerged && cell.master !== cell) return '';
  return valueText(cell.value);
}

function sheetRows(sheet: Worksheet, limits: ImportLimits): ImportRow[] {
  if (sheet.actualRowCount > limits.maxRows) {
    throw new ImportFileError('tooManyRows', `Worksheet "${sheet.name}" has more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split it into smaller files and import them one at a time.`);
  }
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    rows.push({ number, cells });
  });
  return rows;
}

/**
 * The most rows of any worksheet, read from the package before exceljs parses it: a workbook
 * of 50,000 rows takes exceljs seconds to load, during which a browser tab would hang. The
 * sheet's `<dimension>` names its last row; without one its `<row` elements are counted.
 */
async function largestSheetRows(data: Uint8Array): Promise<number> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    // Not a readable zip: exceljs reports it with its own words below.
    return 0;
  }
  let most = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n))) {
    const xml = await (zip.files[name] as JSZip.JSZipObject).async('string');
    const dimension = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml.slice(0, 2000));
    const rows = dimension ? Number(dimension[1]) : (xml.match(/<row[\s>]/g) ?? []).length;
    most = Math.max(most, rows);
  }
  return most;
}

async function readXlsx(file: ImportFile, list: ImportListKind | undefined, limits: ImportLimits): Promise<ImportTable> {
  if ((await largestSheetRows(file.data)) > limits.maxRows) {
    throw new ImportFileError('tooManyRows', `"${file.name}" has a worksheet of more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split it into smaller files and import them one at a time.`);
  }
  const workbook = new Workbook();
  try {
    // exceljs types ask for a Node Buffer; it accepts any ArrayBuffer view (JSZip underneath).
    await workbook.xlsx.load(file.data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw new ImportFileError('unreadable', `"${file.name}" could not be read as an Excel workbook (${e instanceof Error ? e.message : String(e)}). Open it in Excel and save it again as .xlsx.`);
  }
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0);
  if (sheets.length === 0) throw new ImportFileError('empty', `The workbook "${file.name}" has no rows to import.`);
  if (list) {
    // The first worksheet whose header this import recognises; else the first, for its error.
    for (const sheet of sheets) {
      const rows = sheetRows(sheet, limits);
      try {
        findHeader(list, rows.map((r) => r.cells));
        return { rows, sheet: sheet.name };
      } catch (e) {
        if (!(e instanceof ImportFileError)) throw e;
      }
    }
  }
  return { rows: sheetRows(sheets[0], limits), sheet: sheets[0].name };
}

/** Whether a zip (Office Open XML) package is a Word document rather than a workbook. */
function isWordPackage(file: ImportFile): boolean {
  if (/\.docx$/i.test(file.name)) return true;
  if (/\.xlsx$/i.test(file.name)) return false;
  // The package's part names are stored in clear in the zip's headers.
  const head = new TextDecoder('latin1').decode(file.data.subarray(0, Math.min(file.data.length, 65536)));
  return head.indexOf('word/') >= 0 && head.indexOf('xl/') < 0;
}

/**
 * Reads a CSV, text, XLSX or DOCX file into rows. Throws ImportFileError when the file is
 * empty, larger than the limit, binary junk, an old .xls or .doc file or not readable. `html`
 * parses the tables of Word documents (the page's window in a browser; jsdom's in Node).
 */
export async function readImportFile(file: ImportFile, list?: ImportListKind, limits: ImportLimits = IMPORT_LIMITS, html?: HtmlParserHost): Promise<ImportTable> {
  const { data } = file;
  if (data.length === 0) throw new ImportFileError('empty', `"${file.name}" is empty.`);
  if (data.length > limits.maxBytes) {
    throw new ImportFileError('tooLarge', `"${file.name}" is ${formatBytes(data.length)}; files up to ${formatBytes(limits.maxBytes)} can be imported. Split it into smaller files.`);
  }
  if (startsWith(data, OLE_SIGNATURE)) {
    throw new ImportFileError('unsupportedFormat', `"${file.name}" is an Excel 97-2003 (.xls) workbook, a Word 97-2003 (.doc) document or another older Office file. Open it and save it as .xlsx, .docx or CSV.`);
  }
  if (startsWith(data, ZIP_SIGNATURE)) return isWordPackage(file) ? readDocx(file.name, data, list, limits, html) : readXlsx(file, list, limits);
  if (/\.xlsx$/i.test(file.name)) {
    throw new ImportFileError('unreadable', `"${file.name}" is named .xlsx but is not an Excel workbook. Open it in Excel and save it again as .xlsx.`);
  }
  if (/\.docx$/i.test(file.name)) {
    throw new ImportFileError('unreadable', `"${file.name}" is named .docx but is not a Word document. Open it in Word and save it again as .docx.`);
  }
  const text = decodeText(data);
  if (text.replace(/^\ufeff/, '').trim() === '') throw new ImportFileError('empty', `"${file.name}" has no rows to import.`);
  return { rows: parseCsv(text, limits) };
}
