/**
 * Import of existing trackers (CSV and XLSX) into objectives, benefits and risks: read the
 * file, plan (dry run) against what is stored, then apply. Used by the web part and by
 * `npm run import`.
 */
import type { ImportListKind } from '../domain/import/columns';
import { buildImportPlan, ImportFieldLimit, ImportFieldLimits, ImportOptions, ImportPlan, ImportTable } from '../domain/import/plan';
import type { InitialData, Repositories } from '../data/repositories';
import { ListKey, NOTE_MAX_LENGTH, SCHEMA } from '../data/schema';

export { applyImportPlan, ImportApplyError } from './apply';
export type { ApplyOptions, ApplyResult } from './apply';
export { parseCsv } from './csv';
export { rejectedRowsWorkbook } from './rejected';
export { readImportFile } from './read';
export type { ImportFile } from './read';
export type { HtmlParserHost } from './docx';
export { createCellSanitiser, IMPORT_HTML_POLICY } from './sanitise';
export * from '../domain/import';

const LOADS: { readonly [K in ImportListKind]: ReadonlyArray<keyof InitialData> } = {
  objectives: ['services', 'objectives', 'updates'],
  benefits: ['services', 'benefits'],
  risks: ['services', 'risks']
};

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
  objectives: limitsOf('objectives'),
  objectiveUpdates: limitsOf('objectiveUpdates'),
  benefits: limitsOf('benefits'),
  risks: limitsOf('risks'),
  services: limitsOf('services')
};

/** Loads what is stored (one `$batch` round trip) and builds the dry run. Writes nothing. */
export async function planImport<K extends ImportListKind>(repos: Repositories, list: K, table: ImportTable, options: ImportOptions): Promise<ImportPlan<K>> {
  const data = await repos.loadInitial(LOADS[list]);
  const existing = list === 'objectives' ? data.objectives : list === 'benefits' ? data.benefits : data.risks;
  return buildImportPlan(list, table, { services: data.services, existing, existingUpdates: data.updates }, { fieldLimits: IMPORT_FIELD_LIMITS, ...options });
}
