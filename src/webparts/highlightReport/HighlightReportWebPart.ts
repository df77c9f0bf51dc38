/**
 * Highlight report web part: each service's general update for the joint committee.
 * Only wiring here; the UI is `components/HighlightReport.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { HighlightReport } from './components/HighlightReport';

/** Web part properties (none yet). */
export interface IHighlightReportWebPartProps {}

/** The highlight report web part. */
export default class HighlightReportWebPart extends SsmWebPartBase<IHighlightReportWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(HighlightReport, {});
  }
}
