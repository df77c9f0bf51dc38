/**
 * Reads back a spreadsheet the UI "downloaded" in jsdom: the export hands a Blob to
 * URL.createObjectURL, and the test opens it with exceljs as a user would open the file.
 */
import { Workbook } from 'exceljs';

/** Opens the downloaded .xlsx blob as a workbook. */
export async function readWorkbook(blob: Blob): Promise<Workbook> {
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
  const wb = new Workbook();
  await wb.xlsx.load(data);
  return wb;
}
