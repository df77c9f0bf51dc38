/**
 * The objectives tracker's display settings from its web part properties, shared by the web
 * part class and the local workbench so both show the same columns for the same properties.
 */
import type { IObjectiveColumns } from './components/ObjectivesTracker';

/** Web part properties as stored on a page; instances saved by older versions may lack any of them. */
export interface IObjectivesTrackerSettingsSource {
  serviceFilter?: unknown;
  showAim?: unknown;
  showStatus?: unknown;
  showRag?: unknown;
  showOfficer?: unknown;
  showLatestUpdate?: unknown;
  showTargetDate?: unknown;
}

/** The service filter and the columns shown: a missing toggle means the column is shown. */
export function trackerSettings(p: IObjectivesTrackerSettingsSource): { serviceFilter: string; columns: IObjectiveColumns } {
  return {
    serviceFilter: typeof p.serviceFilter === 'string' ? p.serviceFilter : '',
    columns: {
      aim: p.showAim !== false,
      status: p.showStatus !== false,
      rag: p.showRag !== false,
      officer: p.showOfficer !== false,
      latestUpdate: p.showLatestUpdate !== false,
      targetDate: p.showTargetDate !== false
    }
  };
}
