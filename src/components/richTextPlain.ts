/**
 * What the first screen needs of rich text without DOMPurify: whether a value is plain or
 * attribute-free formatting (shown as it is), its plain text, and the page's sanitiser once some
 * code has loaded it (sanitise.ts registers itself). DOMPurify comes in a chunk of its own
 * (`loadSanitiser`), loaded when a view meets HTML that needs it.
 */

/** Sanitises rich text to the product's allow-list (sanitise.ts). */
export type Sanitiser = (html: string | undefined) => string;

// Text without angle brackets, and those tags with no attributes at all (one character or one
// tag per step, so a long value is checked in linear time). Formatting tags are harmless without
// attributes wherever the browser puts them; links (their address is checked) and tables (which
// the parser can rearrange) are left to DOMPurify.
const SIMPLE_RICH_TEXT = /^(?:[^<>]|<\/?(?:p|div|br|ul|ol|li|strong|b|em|i|u|s|sup|sub|h[1-6]|blockquote)\s*\/?>)*$/i;

/**
 * Whether rich text is plain text or has only attribute-free tags of the allow-list, so nothing
 * in it can run script or load anything: shown as it is, it renders what the sanitiser would keep.
 */
export function isSimpleRichText(html: string | undefined): boolean {
  return !html || SIMPLE_RICH_TEXT.test(html);
}

/** Plain text of rich text (for search): tags removed, entities decoded, whitespace collapsed. */
export function richTextToPlain(html: string | undefined): string {
  if (!html) return '';
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/gi, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

let registered: Sanitiser | undefined;

/** Called by sanitise.ts when it loads. */
export function registerSanitiser(sanitiser: Sanitiser): void {
  registered = sanitiser;
}

/** The page's sanitiser when its code has been loaded (by a form, an editor or `loadSanitiser`); otherwise undefined. */
export function loadedSanitiser(): Sanitiser | undefined {
  return registered;
}

/** Loads the sanitiser's code (DOMPurify), once. */
export function loadSanitiser(): Promise<Sanitiser> {
  return import(/* webpackChunkName: 'ssm-sanitiser' */ './sanitise').then((m) => m.sanitiseRichText);
}

/** Rich text as its plain text, escaped for HTML: what may stand for rich text while the sanitiser loads. */
export function plainAsHtml(html: string | undefined): string {
  return richTextToPlain(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
