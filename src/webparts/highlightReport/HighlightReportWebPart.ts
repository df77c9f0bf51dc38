/**
 * Highlight report web part: the committee report of a service or all services for a period,
 * its published snapshots and the Word download. Only wiring here; the UI is
 * `components/HighlightReport.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { lazyComponent, onDemand } from '../../components/onDemand';
import { IEarlyReportLoad, startReportLoad } from './earlyLoad';

// The UI is a chunk of its own, loaded when the web part renders: the bundle SharePoint loads
// first stays small, and the Fluent UI and PnPjs code the UIs share sits in chunks that a page
// with several of these web parts downloads once.
const HighlightReport = lazyComponent(() => import(/* webpackChunkName: 'ssm-highlight-report-ui' */ './components/HighlightReport').then((m) => m.HighlightReport));

/** Web part properties (none yet). */
export interface IHighlightReportWebPartProps {}

/** The highlight report web part. */
export default class HighlightReportWebPart extends SsmWebPartBase<IHighlightReportWebPartProps> {
  private _early: IEarlyReportLoad | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // The report's data starts loading now, while its UI's code downloads (the first report rendered takes it).
    this._early = startReportLoad(this.repositories);
  }

  protected renderRoot(): React.ReactElement {
    // Called on every render, including the base class's re-render on a Teams theme change.
    return onDemand(HighlightReport, { inTeams: !!this.context.sdks.microsoftTeams, earlyLoad: this._early });
  }
}
