/**
 * The rejected rows of an import as a workbook to fix and import again: the file's own header,
 * each rejected row's cells as read (a row Word split across pages joined again), and a last
 * column saying what to correct. Written with exceljs, as the import already reads XLSX with it.
 */
import { Workbook } from 'exceljs';
import { cleanHeading, REJECTION_COLUMN } from '../domain/import/columns';
import type { ImportPlan } from '../domain/import/plan';

/** A cell as a person reads it: Word's markup becomes line breaks, so nothing typed is lost. */
function plain(cell: string): string {
  if (!/<[a-z/][^>]*>/i.test(cell)) return cell;
  return cell
    .split(/<\/(?:p|li|h[1-6]|div)>|<br\s*\/?>/i)
    .map((part) => cleanHeading(part))
    .filter((part) => part !== '')
    .join('\n');
}

/** The rejected rows as XLSX bytes; empty when nothing was rejected. */
export async function rejectedRowsWorkbook(plan: Pick<ImportPlan, 'headerCells' | 'rejectedCells' | 'reject'>): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Rejected rows');
  const width = Math.max(plan.headerCells.length, ...plan.rejectedCells.map((r) => r.cells.length));
  const header = Array.from({ length: width }, (_v, i) => cleanHeading(plan.headerCells[i] ?? ''));
  sheet.addRow([...header, REJECTION_COLUMN]).font = { bold: true };
  for (const r of plan.rejectedCells) {
    const reasons = plan.reject.filter((x) => x.row === r.row).map((x) => `Row ${r.row}, ${x.column}: ${x.reason}`);
    const cells = Array.from({ length: width }, (_v, i) => plain(r.cells[i] ?? ''));
    sheet.addRow([...cells, reasons.join('\n')]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
