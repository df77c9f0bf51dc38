/**
 * Objectives tracker web part: service development objectives and their progress.
 * Only wiring here (properties, "Set up lists", Microsoft Graph for reminders); the UI is
 * `components/ObjectivesTracker.tsx`.
 */
import * as React from 'react';
import { IPropertyPaneGroup, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import type { MSGraphClientV3 } from '@microsoft/sp-http';
import * as strings from 'SsmStrings';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import type { GraphApi } from '../../reminders/graphMail';
import type { IRemindersConnection } from './components/SendReminders';
import { lazyComponent, onDemand } from '../../components/onDemand';
import { trackerSettings } from './trackerSettings';
import { IEarlyTrackerLoad, startTrackerLoad } from './earlyLoad';

// The UI is a chunk of its own, loaded when the web part renders: the bundle SharePoint loads
// first stays small, and the Fluent UI and PnPjs code the UIs share sits in chunks that a page
// with several of these web parts downloads once.
const ObjectivesTracker = lazyComponent(() => import(/* webpackChunkName: 'ssm-objectives-tracker-ui' */ './components/ObjectivesTracker').then((m) => m.ObjectivesTracker));

/** Web part properties (defaults in the manifest's preconfiguredEntries). */
export interface IObjectivesTrackerWebPartProps {
  /** Default service filter text. */
  serviceFilter: string;
  /** Column toggles. */
  showAim: boolean;
  showStatus: boolean;
  showRag: boolean;
  showOfficer: boolean;
  showLatestUpdate: boolean;
  showTargetDate: boolean;
}

/** The objectives tracker web part. */
export default class ObjectivesTrackerWebPart extends SsmWebPartBase<IObjectivesTrackerWebPartProps> {
  private _reminders: IRemindersConnection | undefined;
  private _early: IEarlyTrackerLoad | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // The tracker's data starts loading now, while its UI's code downloads (the first tracker rendered takes it).
    this._early = startTrackerLoad(this.repositories);
    // Delegated Mail.Send through MSGraphClientV3 (requested in package-solution.json).
    this._reminders = {
      siteUrl: this.context.pageContext.web.absoluteUrl,
      getGraphClient: async (): Promise<GraphApi> => {
        const client: MSGraphClientV3 = await this.context.msGraphClientFactory.getClient('3');
        // MSGraphClientV3 bundles its own copy of the Graph client types; `api` is the same.
        return client as unknown as GraphApi;
      }
    };
  }

  protected renderRoot(): React.ReactElement {
    return onDemand(ObjectivesTracker, { ...trackerSettings(this.properties), reminders: this._reminders, earlyLoad: this._early });
  }

  protected propertyPaneGroups(): IPropertyPaneGroup[] {
    return [
      {
        groupName: strings.DisplayGroupName,
        groupFields: [
          PropertyPaneTextField('serviceFilter', {
            label: strings.ServiceFilterLabel,
            description: strings.ServiceFilterDescription
          }),
          PropertyPaneToggle('showAim', { label: strings.ShowAimLabel }),
          PropertyPaneToggle('showStatus', { label: strings.ShowStatusLabel }),
          PropertyPaneToggle('showRag', { label: strings.ShowRagLabel }),
          PropertyPaneToggle('showOfficer', { label: strings.ShowOfficerLabel }),
          PropertyPaneToggle('showLatestUpdate', { label: strings.ShowLatestUpdateLabel }),
          PropertyPaneToggle('showTargetDate', { label: strings.ShowTargetDateLabel })
        ]
      }
    ];
  }
}
