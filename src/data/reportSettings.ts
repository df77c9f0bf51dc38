/**
 * Where the committee paper's settings come from: the site's settings list (one item the clerk
 * edits; the lowest id wins when there are several), with every blank field taken from the defaults.
 */
import { completeSettings, DEFAULT_REPORT_SETTINGS } from '../domain/report/settings';
import type { ReportSettings } from '../domain/report/settings';
import type { ReportSettingsItem } from '../domain/types';
import type { ListRepository } from './repositories';
import { ListMissingError, NotFoundError } from './errors';

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

/** Settings from an item of the settings list; blank fields and a missing item take the defaults. */
export function settingsFromItem(item: ReportSettingsItem | undefined): ReportSettings {
  if (!item) return completeSettings(undefined);
  const { committeeName, author, contact, background, climateChange, risk, financeOfficerComments, monitoringOfficerComments } = item;
  const councils = (item.councils ?? '').split(/\r?\n/).map((c) => c.trim()).filter((c) => c !== '');
  return completeSettings({ committeeName, author, contact, background, climateChange, risk, financeOfficerComments, monitoringOfficerComments, councils });
}

/** Settings from the items of the settings list: the lowest id wins; none gives the defaults. */
export function settingsFromItems(items: readonly ReportSettingsItem[]): ReportSettings {
  return settingsFromItem([...items].sort((a, b) => a.id - b.id)[0]);
}

/**
 * Settings read from the site's settings list. A site provisioned before the list existed
 * (NotFoundError) gets the defaults, so its papers still have every section.
 */
export function listReportSettings(list: Pick<ListRepository<ReportSettingsItem>, 'getAll'>): ReportSettingsRepository {
  return {
    async get(): Promise<ReportSettings> {
      let items: ReportSettingsItem[];
      try {
        items = await list.getAll();
      } catch (e) {
        if (e instanceof NotFoundError || e instanceof ListMissingError) return settingsFromItem(undefined);
        throw e;
      }
      return settingsFromItems(items);
    }
  };
}
