/** The one loading indicator of the product. */
import * as React from 'react';
import { Spinner, SpinnerSize } from '@fluentui/react';
import * as strings from 'SsmStrings';

/** A Fluent spinner with the shared "Loading…" label, announced to screen readers. */
export function Loading(): JSX.Element {
  return <Spinner size={SpinnerSize.large} label={strings.Loading} ariaLive="polite" />;
}
