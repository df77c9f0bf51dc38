/**
 * Print styles of the web parts: printing a page prints its content, not its controls. Filters,
 * command bars, buttons and tabs carry `noPrint`; a line describing the filters applied carries
 * `printOnly`, so the paper says what it shows.
 */
import * as React from 'react';
import { mergeStyles } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatString } from './format';

/** Hidden on paper (controls: filters, command bars, buttons, tabs). */
export const noPrint: string = mergeStyles({ selectors: { '@media print': { display: 'none !important' } } });

/** Shown on paper only (e.g. "Service: ICT · Status: Open"). */
export const printOnly: string = mergeStyles({
  display: 'none',
  selectors: { '@media print': { display: 'block !important' } }
});

/**
 * For a web part's root: on paper, black on white (a dark Teams theme would waste ink and
 * browsers drop background colours when printing).
 */
export const printRoot: string = mergeStyles({
  selectors: {
    '@media print': {
      color: '#000000 !important',
      background: '#ffffff !important'
    }
  }
});

/** Props of `PrintFilters`. */
export interface IPrintFiltersProps {
  /** The filters applied, as [label, chosen value] (e.g. ["Service", "All services"]), or [label] for a switch that is on. */
  filters: ReadonlyArray<readonly [string, string] | readonly [string]>;
}

/** On paper only: the filters the list was printed with, in place of the controls that set them. */
export function PrintFilters(props: IPrintFiltersProps): JSX.Element {
  return (
    <p className={printOnly}>
      {props.filters.map(([label, value]) => (value === undefined ? label : formatString(strings.PrintFilter, label, value))).join(' \u00b7 ')}
    </p>
  );
}
