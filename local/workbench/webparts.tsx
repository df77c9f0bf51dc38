/**
 * The web parts' root components, created from their manifest properties exactly as each web
 * part class's `renderRoot()` does. The classes themselves extend SPFx's BaseClientSideWebPart
 * and cannot run outside SharePoint, so this mapping mirrors them; keep the two in step.
 */
import * as React from 'react';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { HighlightReport } from '../../src/webparts/highlightReport/components/HighlightReport';
import type { IRemindersConnection } from '../../src/webparts/objectivesTracker/components/SendReminders';
import { createGraphClient } from '../../src/reminders/graphClient';
import { IPageContextInfo, siteUrl } from './connect';

/**
 * "Send reminders now" in the workbench: the local host's Graph at `/v1.0` (the ssm-user cookie
 * travels with same-origin requests, so mail is sent as the persona), as MSGraphClientV3 is in SharePoint.
 */
function localReminders(): IRemindersConnection {
  const context = (window as unknown as { _spPageContextInfo?: IPageContextInfo })._spPageContextInfo;
  return {
    siteUrl: siteUrl(window.location.origin, context),
    getGraphClient: async () => createGraphClient({ baseUrl: window.location.origin, getToken: async () => 'local-workbench-token' })
  };
}

/** Creates a web part's root element from its (manifest default) properties. */
export type RootFactory = (properties: Record<string, unknown>) => React.ReactElement;

/** Root components by web part folder name. */
export const ROOTS: Readonly<Record<string, RootFactory>> = {
  // As ObjectivesTrackerWebPart.renderRoot: a missing toggle means the column is shown.
  objectivesTracker: (p) =>
    React.createElement(ObjectivesTracker, {
      serviceFilter: typeof p.serviceFilter === 'string' ? p.serviceFilter : '',
      columns: {
        aim: p.showAim !== false,
        status: p.showStatus !== false,
        rag: p.showRag !== false,
        officer: p.showOfficer !== false,
        latestUpdate: p.showLatestUpdate !== false,
        targetDate: p.showTargetDate !== false
      },
      reminders: localReminders()
    }),
  benefitsTracker: () => React.createElement(BenefitsTracker, {}),
  riskRegister: () => React.createElement(RiskRegister, {}),
  // As HighlightReportWebPart.renderRoot: the Teams tab view (?host=teams) gets the compact layout.
  highlightReport: () =>
    React.createElement(HighlightReport, { inTeams: new URLSearchParams(window.location.search).get('host')?.toLowerCase() === 'teams' })
};
