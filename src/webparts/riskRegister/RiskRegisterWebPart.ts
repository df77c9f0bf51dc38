/**
 * Risk register web part: shared-service risks scored before and after controls.
 * Only wiring here; the UI is `components/RiskRegister.tsx`.
 */
import * as React from 'react';
import { SsmWebPartBase } from '../shared/SsmWebPartBase';
import { RiskRegister } from './components/RiskRegister';

/** Web part properties (none yet). */
export interface IRiskRegisterWebPartProps {}

/** The risk register web part. */
export default class RiskRegisterWebPart extends SsmWebPartBase<IRiskRegisterWebPartProps> {
  protected renderRoot(): React.ReactElement {
    return React.createElement(RiskRegister, {});
  }
}
