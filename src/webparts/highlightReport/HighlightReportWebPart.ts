/**
 * Highlight report web part: the committee report of a service or all services for a period,
 * its published snapshots and the Word download. Only wiring here; the UI is
 * `components/HighlightReport.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { HighlightReport } from './components/HighlightReport';

/** Web part properties (none yet). */
export interface IHighlightReportWebPartProps {}

/** The highlight report web part. */
export default class HighlightReportWebPart extends SsmWebPartBase<IHighlightReportWebPartProps> {
  protected renderRoot(): React.ReactElement {
    // Called on every render, including the base class's re-render on a Teams theme change.
    return React.createElement(HighlightReport, { inTeams: !!this.context.sdks.microsoftTeams });
  }
}
