/**
 * Import of existing trackers (CSV and XLSX) into objectives, benefits, risks and the annual
 * review's registers (best practice, lessons learned, successes): read the
 * file, plan (dry run) against what is stored, then apply. Used by the web part and by
 * `npm run import`.
 */
import { IMPORT_LISTS, ImportListKind } from '../domain/import/columns';
import { buildImportPlan, ImportFieldLimit, ImportFieldLimits, ImportModels, ImportOptions, ImportPlan, ImportTable } from '../domain/import/plan';
import { INITIAL_KEYS, LIST_KEYS, LIST_REGISTRY, ListKey } from '../data/lists';
import type { InitialData, Repositories } from '../data/repositories';
import { NOTE_MAX_LENGTH, SCHEMA } from '../data/schema';

export { applyImportPlan, ImportApplyError } from './apply';
export type { ApplyOptions, ApplyResult } from './apply';
export { parseCsv } from './csv';
export { rejectedRowsWorkbook } from './rejected';
export { readImportFile } from './read';
export type { ImportFile } from './read';
export type { HtmlParserHost } from './docx';
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

/** SharePoint's most characters in a single line of text or a hyperlink column. */
const TEXT_MAX_LENGTH = 255;

/** The limits of one list's columns as SharePoint enforces them, read from the schema. */
function limitsOf(list: ListKey): Record<string, ImportFieldLimit> {
  const def = SCHEMA[list];
  const out: Record<string, ImportFieldLimit> = {};
  if (def.titleKey) out[def.titleKey] = { maxLength: TEXT_MAX_LENGTH };
  for (const f of def.fields) {
    if (f.type === 'Text' || f.type === 'URL') out[f.key] = { maxLength: f.maxLength ?? TEXT_MAX_LENGTH };
    else if (f.type === 'Note' || f.type === 'RichText' || f.type === 'Json') out[f.key] = { maxLength: NOTE_MAX_LENGTH };
    else if (f.type === 'Choice' && f.choices) out[f.key] = { choices: f.choices };
  }
  return out;
}

/** Every limit an import meets, so the dry run rejects what the apply would fail on. */
export const IMPORT_FIELD_LIMITS: ImportFieldLimits = {
  // Every import kind's own list, so a new kind is checked without another edit here.
  ...(Object.fromEntries(IMPORT_LISTS.map((list) => [list, limitsOf(list)])) as Record<ImportListKind, Record<string, ImportFieldLimit>>),
  objectiveUpdates: limitsOf('objectiveUpdates'),
  objectiveActions: limitsOf('objectiveActions'),
  services: limitsOf('services')
};

/** Loads what is stored (one `$batch` round trip) and builds the dry run. Writes nothing. */
export async function planImport<K extends ImportListKind>(repos: Repositories, list: K, table: ImportTable, options: ImportOptions): Promise<ImportPlan<K>> {
  const data = await repos.loadInitial(loadsOf(list));
  // The list's own items, under its initial key (each import kind is a list loaded by loadInitial).
  const existing = data[INITIAL_KEYS[list]] as unknown as Array<ImportModels[K]>;
  return buildImportPlan(list, table, { services: data.services, existing, existingUpdates: data.updates, existingActions: data.actions }, { fieldLimits: IMPORT_FIELD_LIMITS, ...options });
}
