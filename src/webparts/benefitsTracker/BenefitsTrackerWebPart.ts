/**
 * Benefits tracker web part: financial and non-financial benefits of sharing services.
 * Only wiring here; the UI is `components/BenefitsTracker.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { lazyComponent, onDemand } from '../../components/onDemand';

// The UI is a chunk of its own, loaded when the web part renders: the bundle SharePoint loads
// first stays small, and the Fluent UI and PnPjs code the UIs share sits in chunks that a page
// with several of these web parts downloads once.
const BenefitsTracker = lazyComponent(() => import(/* webpackChunkName: 'ssm-benefits-tracker-ui' */ './components/BenefitsTracker').then((m) => m.BenefitsTracker));

/** Web part properties (none yet). */
export interface IBenefitsTrackerWebPartProps {}

/** The benefits tracker web part. */
export default class BenefitsTrackerWebPart extends SsmWebPartBase<IBenefitsTrackerWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return onDemand(BenefitsTracker, {});
  }
}
