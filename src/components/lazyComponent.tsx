/**
 * Forms and panels that only open on demand are loaded with a dynamic `import()`, so their
 * Fluent UI controls (date pickers, combo boxes, the rich-text editor, the Graph client) stay out
 * of the web part's first download.
 */
import * as React from 'react';
import { Loading } from './Loading';

export { lazyComponent } from './onDemand';

/** Shows the shared spinner while an on-demand component loads. */
export function OnDemand(props: { children?: React.ReactNode }): JSX.Element {
  return <React.Suspense fallback={<Loading />}>{props.children}</React.Suspense>;
}

