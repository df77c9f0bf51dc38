/**
 * The one sanitiser of the product's rich text (objective aims, progress narratives): DOMPurify
 * with exactly the allowed set of issue 4 (paragraphs, bullet and numbered lists, bold, italic,
 * links to https and mailto addresses), applied on save and again on render.
 *
 * DOMPurify needs a DOM: in the browser (and in jsdom tests) it uses the global window.
 */
import DOMPurify from 'dompurify';

/** Tags rich text may contain. `br` is kept because editors write line breaks inside paragraphs. */
export const RICH_TEXT_TAGS: readonly string[] = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a'];

/** Attributes rich text may contain: only a link's target. */
export const RICH_TEXT_ATTRIBUTES: readonly string[] = ['href'];

/** Link targets allowed: https and mailto only (no http, javascript:, data: or relative links). */
export const RICH_TEXT_URI = /^(?:https:\/\/|mailto:)/i;

/** Thrown when there is no DOM for DOMPurify to work with (never expected in a browser). */
export class SanitiserUnavailableError extends Error {
  public constructor() {
    super('Rich text cannot be checked here because DOMPurify has no window to work with.');
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'SanitiserUnavailableError';
  }
}

/**
 * Removes everything outside the allowed set: unknown tags are dropped with their content kept
 * as text only where harmless (DOMPurify removes script, style, svg and similar with their content).
 */
export function sanitiseRichText(html: string | undefined): string {
  if (!html) return '';
  if (!DOMPurify.isSupported) throw new SanitiserUnavailableError();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: RICH_TEXT_TAGS.slice(),
    ALLOWED_ATTR: RICH_TEXT_ATTRIBUTES.slice(),
    ALLOWED_URI_REGEXP: RICH_TEXT_URI,
    // Unknown tags lose their markup; their text stays (e.g. a pasted <span> or <div>).
    KEEP_CONTENT: true,
    // Forms, templates and namespaced content are never text a narrative needs.
    FORBID_TAGS: ['style', 'script', 'svg', 'math', 'template', 'iframe', 'object', 'embed', 'form', 'noscript'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false
  }) as string;
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
