/**
 * Where the committee paper's settings come from. The site will keep them in a settings list
 * (one item the clerk edits); until that list is declared in the schema, the product reads them
 * through this interface and gets the defaults, so the paper and its callers do not change when
 * the list arrives.
 */
import { DEFAULT_REPORT_SETTINGS } from '../domain/report/settings';
import type { ReportSettings } from '../domain/report/settings';

/** Reads the site's paper settings. */
export interface ReportSettingsRepository {
  /** The settings; fields the site has not set take the defaults. */
  get(): Promise<ReportSettings>;
}

/** Settings fixed in code: the defaults, with any fields given replacing them (local host, tests). */
export function fixedReportSettings(overrides: Partial<ReportSettings> = {}): ReportSettingsRepository {
  const settings: ReportSettings = { ...DEFAULT_REPORT_SETTINGS, ...overrides };
  return { get: () => Promise.resolve(settings) };
}
