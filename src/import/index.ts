/**
 * Import of existing trackers (CSV and XLSX) into objectives, benefits and risks: read the
 * file, plan (dry run) against what is stored, then apply. Used by the web part and by
 * `npm run import`.
 */
import type { ImportListKind } from '../domain/import/columns';
import { buildImportPlan, ImportOptions, ImportPlan, ImportTable } from '../domain/import/plan';
import type { InitialData, Repositories } from '../data/repositories';

export { applyImportPlan, ImportApplyError } from './apply';
export type { ApplyOptions, ApplyResult } from './apply';
export { parseCsv } from './csv';
export { readImportFile } from './read';
export type { ImportFile } from './read';
export { createCellSanitiser, IMPORT_HTML_POLICY } from './sanitise';
export * from '../domain/import';

const LOADS: { readonly [K in ImportListKind]: ReadonlyArray<keyof InitialData> } = {
  objectives: ['services', 'objectives', 'updates'],
  benefits: ['services', 'benefits'],
  risks: ['services', 'risks']
};

/** Loads what is stored (one `$batch` round trip) and builds the dry run. Writes nothing. */
export async function planImport<K extends ImportListKind>(repos: Repositories, list: K, table: ImportTable, options: ImportOptions): Promise<ImportPlan<K>> {
  const data = await repos.loadInitial(LOADS[list]);
  const existing = list === 'objectives' ? data.objectives : list === 'benefits' ? data.benefits : data.risks;
  return buildImportPlan(list, table, { services: data.services, existing, existingUpdates: data.updates }, options);
}
