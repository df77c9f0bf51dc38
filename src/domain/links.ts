/**
 * The one check every link built from stored data goes through (URL columns such as a benefit's
 * Evidence, links inside rich text, deep links in reminder mail). Values reach the lists through
 * REST, SharePoint's own list form and imports, none of which run the product's validation, so
 * the check is made where the link is emitted, on the parsed address rather than the raw text:
 * the URL parser removes the tabs, newlines and leading spaces browsers also ignore
 * (`java\tscript:`), so what is checked is what a browser would follow.
 */

/** The only schemes a link built from stored data may have. */
export const SAFE_LINK_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:'];

/**
 * The address to put in an `href`, or undefined when the value must be shown as plain text:
 * anything that does not parse as an absolute URL, or whose scheme is not https, http or mailto
 * (javascript:, data:, vbscript:, file:, relative or entity-obfuscated addresses).
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    // Not an absolute URL: the constructor's TypeError is the answer, shown as text.
    return undefined;
  }
  if (SAFE_LINK_SCHEMES.indexOf(url.protocol) < 0) return undefined;
  // A web address needs a host; "https:foo" parses but leads nowhere.
  if (url.protocol !== 'mailto:' && !url.hostname) return undefined;
  return url.href;
}
