/**
 * Risk register web part: shared-service risks scored before and after controls.
 * Only wiring here; the UI is `components/RiskRegister.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { lazyComponent, onDemand } from '../../components/onDemand';

// The UI is a chunk of its own, loaded when the web part renders: the bundle SharePoint loads
// first stays small, and the Fluent UI and PnPjs code the UIs share sits in chunks that a page
// with several of these web parts downloads once.
const RiskRegister = lazyComponent(() => import(/* webpackChunkName: 'ssm-risk-register-ui' */ './components/RiskRegister').then((m) => m.RiskRegister));

/** Web part properties (none yet). */
export interface IRiskRegisterWebPartProps {}

/** The risk register web part. */
export default class RiskRegisterWebPart extends SsmWebPartBase<IRiskRegisterWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return onDemand(RiskRegister, {});
  }
}
