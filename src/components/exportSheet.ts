/**
 * Saving a list view's Excel export: the filters applied as sentences, and the workbook built
 * (exceljs, loaded on the first export only) and saved under a name with today's date.
 */
import { lazyStrings } from '../loc/lazy';
import type { ExportSheet } from '../reports/xlsx';
import { formatString } from './format';
import { saveBlob } from '../webparts/highlightReport/download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A filter as a sentence for the sheet, e.g. "Status: In progress"; a bare label for a switch that is on. */
export type FilterLine = readonly [string, string] | readonly [string];

/** The filters applied, as the sheet writes them. */
export function filterSentences(filters: readonly FilterLine[]): string[] {
  return filters.map((f) => (f.length === 2 ? formatString(lazyStrings.ExportFiltersLine, f[0], f[1]) : f[0]));
}

/** Builds the workbook of a sheet and saves it as `Shared-Services-<name>-<today>.xlsx`; resolves to the file name. */
export async function downloadSheet<T>(sheet: ExportSheet<T>, name: string, today: string): Promise<string> {
  const { buildXlsx } = await import(/* webpackChunkName: 'ssm-xlsx-export' */ '../reports/xlsx');
  const data = await buildXlsx(sheet);
  const fileName = `Shared-Services-${name}-${today}.xlsx`;
  saveBlob(new Blob([data], { type: XLSX_TYPE }), fileName);
  return fileName;
}
