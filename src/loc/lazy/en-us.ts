/**
 * The on-demand strings for a US English page. The product writes UK English everywhere (its
 * users are UK councils), so a US page gets the same text: one copy of the wording, not two.
 * A key that ever needs a US wording is overridden here, typed against LazyStrings.
 */
import enGb from './en-gb';
import type { LazyStrings } from './en-gb';

const strings: LazyStrings = { ...enGb };
export default strings;
