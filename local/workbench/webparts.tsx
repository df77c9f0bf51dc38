/**
 * The web parts' root components, created from their manifest properties exactly as each web
 * part class's `renderRoot()` does. The classes themselves extend SPFx's BaseClientSideWebPart
 * and cannot run outside SharePoint, so this mapping mirrors them; keep the two in step.
 */
import * as React from 'react';
import { lazyComponent, OnDemand } from '../../src/components/lazyComponent';
import { trackerSettings } from '../../src/webparts/objectivesTracker/trackerSettings';
import type { IRemindersConnection } from '../../src/webparts/objectivesTracker/components/SendReminders';
import { createGraphClient } from '../../src/reminders/graphClient';
import { IPageContextInfo, siteUrl } from './connect';
import type { Repositories } from '../../src/data/repositories';
import { startReportLoad } from '../../src/webparts/highlightReport/earlyLoad';
import { startTrackerLoad } from '../../src/webparts/objectivesTracker/earlyLoad';

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

/** A root loaded on demand, with the shared spinner while its file loads. */
function onDemand(element: React.ReactElement): React.ReactElement {
  return React.createElement(OnDemand, {}, element);
}

/** What a web part class has in hand when it renders: its repositories, and the day the page's clock says it is. */
export interface IRootContext {
  repositories: Repositories;
  /** Today (YYYY-MM-DD) when the page pins a day (?today=); the browser's date otherwise. */
  today?: string;
}

/** Creates a web part's root element from its (manifest default) properties, once a mount. */
export type RootFactory = (properties: Record<string, unknown>, context: IRootContext) => React.ReactElement;

// Each web part's code is its own file, loaded when the page shows it: in SharePoint every web
// part is a separate bundle, so a page with one web part downloads only that one.
const LOADERS = {
  objectivesTracker: () => import('../../src/webparts/objectivesTracker/components/ObjectivesTracker'),
  benefitsTracker: () => import('../../src/webparts/benefitsTracker/components/BenefitsTracker'),
  riskRegister: () => import('../../src/webparts/riskRegister/components/RiskRegister'),
  highlightReport: () => import('../../src/webparts/highlightReport/components/HighlightReport')
};
const ObjectivesTracker = lazyComponent(async () => (await LOADERS.objectivesTracker()).ObjectivesTracker);
const BenefitsTracker = lazyComponent(async () => (await LOADERS.benefitsTracker()).BenefitsTracker);
const RiskRegister = lazyComponent(async () => (await LOADERS.riskRegister()).RiskRegister);
const HighlightReport = lazyComponent(async () => (await LOADERS.highlightReport()).HighlightReport);

/** Performance mark set when the page starts loading its web parts' code. */
export const WEBPARTS_START_MARK = 'ssm-webparts-start';

/**
 * Starts downloading the code of the web parts on the page while the page itself starts, as
 * SharePoint requests a page's web part bundles together. Failures surface when the web part
 * renders (its lazy import asks again), so here they are only noted.
 */
export function preloadRoots(names: readonly string[]): void {
  // Where the web parts' own time starts (`npm run bench` measures from here, as SharePoint's
  // page diagnostics time each web part from its code being requested to its render).
  performance.mark(WEBPARTS_START_MARK);
  for (const name of names) {
    const load = (LOADERS as Record<string, (() => Promise<unknown>) | undefined>)[name];
    load?.().catch((error: unknown) => console.warn(`Workbench: the code of "${name}" could not be preloaded.`, error));
  }
}

/** Root components by web part folder name. */
export const ROOTS: Readonly<Record<string, RootFactory>> = {
  // As ObjectivesTrackerWebPart (onInit and renderRoot): the first load starts before the UI's code
  // has arrived, and the same settings come from the properties.
  objectivesTracker: (p, { repositories, today }) =>
    onDemand(React.createElement(ObjectivesTracker, { ...trackerSettings(p), reminders: localReminders(), earlyLoad: startTrackerLoad(repositories, today) })),
  benefitsTracker: () => onDemand(React.createElement(BenefitsTracker, {})),
  riskRegister: () => onDemand(React.createElement(RiskRegister, {})),
  // As HighlightReportWebPart (onInit and renderRoot): the first load starts before the UI's code
  // has arrived; the Teams tab view (?host=teams) gets the compact layout.
  highlightReport: (_p, { repositories, today }) =>
    onDemand(
      React.createElement(HighlightReport, {
        inTeams: new URLSearchParams(window.location.search).get('host')?.toLowerCase() === 'teams',
        earlyLoad: startReportLoad(repositories, today)
      })
    )
};
