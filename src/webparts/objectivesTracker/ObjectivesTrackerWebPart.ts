/**
 * Objectives tracker web part: service development objectives and their progress.
 * Only wiring here; the UI is `components/ObjectivesTracker.tsx`.
 */
import * as React from 'react';
import { IPropertyPaneGroup, PropertyPaneTextField, PropertyPaneToggle } from '@microsoft/sp-property-pane';
import * as strings from 'SsmStrings';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { ObjectivesTracker } from './components/ObjectivesTracker';

/** Web part properties (defaults in the manifest's preconfiguredEntries). */
export interface IObjectivesTrackerWebPartProps {
  /** Default service filter text. */
  serviceFilter: string;
  /** Column toggles. */
  showStatus: boolean;
  showRag: boolean;
  showOfficer: boolean;
  showTargetDate: boolean;
}

/** The objectives tracker web part. */
export default class ObjectivesTrackerWebPart extends SsmWebPartBase<IObjectivesTrackerWebPartProps> {
  protected renderRoot(): React.ReactElement {
    const p = this.properties;
    return React.createElement(ObjectivesTracker, {
      serviceFilter: p.serviceFilter ?? '',
      // Older instances may lack a toggle: missing means shown.
      columns: {
        status: p.showStatus !== false,
        rag: p.showRag !== false,
        officer: p.showOfficer !== false,
        targetDate: p.showTargetDate !== false
      }
    });
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
          PropertyPaneToggle('showStatus', { label: strings.ShowStatusLabel }),
          PropertyPaneToggle('showRag', { label: strings.ShowRagLabel }),
          PropertyPaneToggle('showOfficer', { label: strings.ShowOfficerLabel }),
          PropertyPaneToggle('showTargetDate', { label: strings.ShowTargetDateLabel })
        ]
      }
    ];
  }
}
