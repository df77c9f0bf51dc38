/**
 * Turns fixture rows into the files a council would upload: XLSX and CSV written by exceljs
 * (not by the code under test), with the report's section rows merged across the table as in
 * a Word table pasted into Excel.
 */
import { JSDOM } from 'jsdom';
import { Workbook } from 'exceljs';
import type { ImportFile } from '../../../src/import';
import { createCellSanitiser } from '../../../src/import';
import type { Service } from '../../../src/domain/types';

/** Writes rows to an XLSX workbook; rows with one value are merged across `width` columns. */
export async function toXlsx(name: string, rows: string[][]): Promise<ImportFile> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Tracker');
  const width = Math.max(...rows.map((r) => r.length));
  rows.forEach((r, i) => {
    ws.addRow(r);
    if (r.length === 1 && i > 0) ws.mergeCells(i + 1, 1, i + 1, width);
  });
  return { name, data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** Writes rows to CSV with exceljs's CSV writer. */
export async function toCsvFile(name: string, rows: string[][]): Promise<ImportFile> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('Tracker');
  rows.forEach((r) => ws.addRow(r));
  return { name, data: new Uint8Array(await wb.csv.writeBuffer()) };
}

/** Both formats. */
export const FORMATS: Array<[string, (name: string, rows: string[][]) => Promise<ImportFile>]> = [
  ['CSV', (n, r) => toCsvFile(`${n}.csv`, r)],
  ['XLSX', (n, r) => toXlsx(`${n}.xlsx`, r)]
];

/** The sanitiser over jsdom, as the CLI builds it. */
export const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);

/** The three phase 1 services of the report. */
export function phaseOneServices(): Service[] {
  const council = ['Chorley Council', 'South Ribble Borough Council'];
  return ['Transformation and Partnerships', 'Communications and Visitor Economy', 'Governance'].map((name, i) => ({
    id: i + 1,
    etag: '"1"',
    name,
    phase: 'Phase 1' as const,
    partnerCouncils: council
  }));
}
