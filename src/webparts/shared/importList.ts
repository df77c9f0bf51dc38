/**
 * Which list each web part imports into from a spreadsheet, by manifest alias. The highlight
 * report has no list of its own to import, so it offers no import.
 */
import type { ImportListKind } from '../../domain/import/columns';

/** Import list by web part manifest alias. */
export const IMPORT_LIST_BY_ALIAS: Readonly<Record<string, ImportListKind>> = {
  ObjectivesTrackerWebPart: 'objectives',
  BenefitsTrackerWebPart: 'benefits',
  RiskRegisterWebPart: 'risks'
};

/** The list a web part imports into, or undefined when it offers no import. */
export function importListFor(alias: string): ImportListKind | undefined {
  return Object.prototype.hasOwnProperty.call(IMPORT_LIST_BY_ALIAS, alias) ? IMPORT_LIST_BY_ALIAS[alias] : undefined;
}
