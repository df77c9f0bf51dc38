/**
 * Import of existing trackers (CSV and XLSX) into objectives, benefits and risks: read the
 * file, plan (dry run) against what is stored, then apply. Used by the web part and by
 * `npm run import`.
 */
import type { ImportListKind } from '../domain/import/columns';
import { buildImportPlan, ImportModels, ImportOptions, ImportPlan, ImportTable } from '../domain/import/plan';
import { INITIAL_KEYS, LIST_KEYS, LIST_REGISTRY, ListKey } from '../data/lists';
import type { InitialData, Repositories } from '../data/repositories';

export { applyImportPlan, ImportApplyError } from './apply';
export type { ApplyOptions, ApplyResult } from './apply';
export { parseCsv } from './csv';
export { readImportFile } from './read';
export type { ImportFile } from './read';
export { createCellSanitiser, IMPORT_HTML_POLICY } from './sanitise';
export * from '../domain/import';

/** What an import compares with: the list itself and the lists its declaration names in `import.alsoReads`. */
function loadsOf(list: ImportListKind): Array<keyof InitialData> {
  // IMPORT_KINDS_DECLARED (src/data/lists) makes every import kind declare `import`.
  const declared = LIST_REGISTRY[list].import;
  if (!declared) throw new Error(`The ${list} list declares no import.`);
  // In provisioning order, so the services come first in the batch as everywhere else.
  const reads = LIST_KEYS.filter((key) => key === list || (declared.alsoReads as readonly ListKey[]).indexOf(key) >= 0);
  return reads.map((key) => {
    const initial = (INITIAL_KEYS as Partial<Record<ListKey, keyof InitialData>>)[key];
    if (!initial) throw new Error(`The import of ${list} reads ${key}, which declares no initial key.`);
    return initial;
  });
}

/** Loads what is stored (one `$batch` round trip) and builds the dry run. Writes nothing. */
export async function planImport<K extends ImportListKind>(repos: Repositories, list: K, table: ImportTable, options: ImportOptions): Promise<ImportPlan<K>> {
  const data = await repos.loadInitial(loadsOf(list));
  // The list's own items, under its initial key (each import kind is a list loaded by loadInitial).
  const existing = data[INITIAL_KEYS[list]] as unknown as Array<ImportModels[K]>;
  return buildImportPlan(list, table, { services: data.services, existing, existingUpdates: data.updates }, options);
}
