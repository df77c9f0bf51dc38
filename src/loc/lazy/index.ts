/**
 * The on-demand strings (see en-gb.ts), in the page's language, chosen at run time as SPFx
 * chooses the SsmStrings resource. Outside a browser (the functions app, local scripts) there
 * is no page, so UK English.
 */
import enGb from './en-gb';
import enUs from './en-us';
import type { LazyStrings } from './en-gb';

export type { LazyStrings };

/** The on-demand strings for a locale such as "en-GB" or "en-us"; UK English for any other. */
export function lazyStringsFor(locale: string | undefined): LazyStrings {
  return (locale ?? '').toLowerCase() === 'en-us' ? enUs : enGb;
}

/** The on-demand strings of this page (SharePoint sets the page's language on <html lang>). */
export const lazyStrings: LazyStrings = lazyStringsFor(typeof document === 'undefined' ? undefined : document.documentElement.lang);
