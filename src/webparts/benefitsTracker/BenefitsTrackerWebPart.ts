/**
 * Benefits tracker web part: financial and non-financial benefits of sharing services.
 * Only wiring here; the UI is `components/BenefitsTracker.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { BenefitsTracker } from './components/BenefitsTracker';

/** Web part properties (none yet). */
export interface IBenefitsTrackerWebPartProps {}

/** The benefits tracker web part. */
export default class BenefitsTrackerWebPart extends SsmWebPartBase<IBenefitsTrackerWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(BenefitsTracker, {});
  }
}
