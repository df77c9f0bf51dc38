/**
 * Loading components on demand without Fluent UI: used by the web part classes, whose bundles
 * should hold no more than the wiring (the UIs and their Fluent controls are chunks of their
 * own). Inside the UIs, `OnDemand` (lazyComponent.tsx) shows the shared Fluent spinner instead.
 */
import * as React from 'react';
import * as strings from 'SsmStrings';

/** A component loaded the first time it renders; render it inside a Suspense boundary. */
export function lazyComponent<P>(load: () => Promise<React.ComponentType<P>>): React.LazyExoticComponent<React.ComponentType<P>> {
  return React.lazy(async () => ({ default: await load() }));
}

/** A component loaded on demand, rendered with `props`; a plain "Loading…" status while its file loads. */
export function onDemand<P extends object>(component: React.LazyExoticComponent<React.ComponentType<P>>, props: P): React.ReactElement {
  const fallback = React.createElement('div', { role: 'status', 'aria-live': 'polite', style: { padding: 8 } }, strings.Loading);
  // A lazy component is rendered like the component it wraps; React's typings do not say so.
  return React.createElement(React.Suspense, { fallback }, React.createElement(component as unknown as React.ComponentType<P>, props));
}
