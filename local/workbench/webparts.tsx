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

/** Creates a web part's root element from its (manifest default) properties. */
export type RootFactory = (properties: Record<string, unknown>) => React.ReactElement;

/** Root components by web part folder name. */
export const ROOTS: Readonly<Record<string, RootFactory>> = {
  // As ObjectivesTrackerWebPart.renderRoot: a missing toggle means the column is shown.
  objectivesTracker: (p) =>
    React.createElement(ObjectivesTracker, {
      serviceFilter: typeof p.serviceFilter === 'string' ? p.serviceFilter : '',
      columns: {
        status: p.showStatus !== false,
        rag: p.showRag !== false,
        officer: p.showOfficer !== false,
        targetDate: p.showTargetDate !== false
      }
    }),
  benefitsTracker: () => React.createElement(BenefitsTracker, {}),
  riskRegister: () => React.createElement(RiskRegister, {}),
  highlightReport: () => React.createElement(HighlightReport, {})
};
