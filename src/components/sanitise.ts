/**
 * The one allow-list of the product's rich text (objective aims, progress narratives, benefit
 * and risk narratives, imported cells) and its one sanitiser, used on save, on screen and by the
 * Word export, so what the committee reads in the paper is what the page shows.
 *
 * Kept: paragraphs and SharePoint's `<div>` lines, line breaks, headings, bullet and numbered
 * lists, tables, blockquotes, bold, italic, underline, strikethrough, superscript, subscript and
 * links whose parsed address is https, http or mailto (safeHref). Anything else loses its markup
 * and keeps its text; an unknown block element (a pasted `<section>` or `<dt>`) leaves a space
 * where it was, so the words either side never run together.
 *
 * DOMPurify needs a DOM: in the browser (and in jsdom tests) it uses the global window; in Node
 * the caller passes a jsdom window (src/ imports no Node packages).
 */
import DOMPurify from 'dompurify';
import type { DOMPurify as Purifier, WindowLike } from 'dompurify';
import { safeHref } from '../domain/links';
import { registerSanitiser } from './richTextPlain';

export { isSimpleRichText, richTextToPlain } from './richTextPlain';

/** Tags rich text may contain. `br` is kept because editors write line breaks inside paragraphs. */
export const RICH_TEXT_TAGS: readonly string[] = [
  'p', 'div', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'
];

/** Attributes rich text may contain: only a link's target. */
export const RICH_TEXT_ATTRIBUTES: readonly string[] = ['href'];

/**
 * Link targets allowed, as a first filter; every href is then parsed and checked by safeHref,
 * which is what decides.
 */
export const RICH_TEXT_URI = /^(?:https?:|mailto:)/i;

/**
 * Elements removed with their markup whose text runs on with its neighbours' (inline). Every
 * other element that is removed is treated as a block and leaves a space behind.
 */
const INLINE_TAGS = new Set([
  'span', 'font', 'abbr', 'acronym', 'cite', 'code', 'kbd', 'mark', 'q', 'samp', 'small', 'big',
  'strike', 'del', 'ins', 'time', 'var', 'label', 'bdi', 'bdo', 'tt', 'o:p', 'wbr', 'dfn', 'data'
]);

/** Elements removed with their content: nothing of them stays to be kept apart. */
const DROPPED_WHOLE = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'title', 'textarea', 'select', 'xmp', 'noembed', 'noframes', 'plaintext']);

/** The document's own elements, which DOMPurify visits but never removes. */
const CONTAINERS = new Set(['body', 'html', 'head', '#document-fragment']);

/** The DOMPurify settings of the allow-list (exported for tests and the import's dry run). */
export const RICH_TEXT_POLICY = {
  ALLOWED_TAGS: RICH_TEXT_TAGS.slice(),
  ALLOWED_ATTR: RICH_TEXT_ATTRIBUTES.slice(),
  ALLOWED_URI_REGEXP: RICH_TEXT_URI,
  // Unknown tags lose their markup; their text stays (e.g. a pasted <span> or <section>).
  KEEP_CONTENT: true,
  // Forms, templates and namespaced content are never text a narrative needs.
  FORBID_TAGS: ['style', 'script', 'svg', 'math', 'template', 'iframe', 'object', 'embed', 'form', 'noscript'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false
};

/** Thrown when there is no DOM for DOMPurify to work with (never expected in a browser). */
export class SanitiserUnavailableError extends Error {
  public constructor() {
    super('Rich text cannot be checked here because DOMPurify has no window to work with.');
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'SanitiserUnavailableError';
  }
}

/** Sanitises one rich-text value with the allow-list. */
export type RichTextSanitiser = (html: string | undefined) => string;

const allowed = new Set(RICH_TEXT_TAGS);

/** A private DOMPurify instance with the allow-list's hooks, so other sanitisers are untouched. */
function configuredPurifier(window: WindowLike): Purifier {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new SanitiserUnavailableError();
  purify.addHook('uponSanitizeElement', (node, data) => {
    // A removed block element keeps its text between spaces ("Heading two Heading three").
    const tag = data.tagName;
    if (node.nodeType !== 1 || allowed.has(tag) || INLINE_TAGS.has(tag) || CONTAINERS.has(tag) || DROPPED_WHOLE.has(tag) || !node.parentNode) return;
    // Only where text is kept: an image or an emptied element leaves nothing to separate.
    if ((node.textContent ?? '').trim() === '') return;
    const doc = node.ownerDocument;
    if (!doc) return;
    node.parentNode.insertBefore(doc.createTextNode(' '), node);
    node.appendChild(doc.createTextNode(' '));
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType !== 1 || !(node as Element).hasAttribute('href')) return;
    const el = node as Element;
    // The scheme is decided on the parsed address: entities are already decoded here.
    // A safe address is kept as written (the stored text is not rewritten).
    if (!safeHref(el.getAttribute('href'))) el.removeAttribute('href');
  });
  return purify;
}

/** A sanitiser over the given window (jsdom's in Node), or the global window in a browser. */
export function createRichTextSanitiser(window?: WindowLike): RichTextSanitiser {
  const purify = configuredPurifier(window ?? (globalThis as unknown as WindowLike));
  return (html: string | undefined): string => {
    if (!html) return '';
    return purify.sanitize(html, { ...RICH_TEXT_POLICY, RETURN_TRUSTED_TYPE: false }) as string;
  };
}

let pageSanitiser: RichTextSanitiser | undefined;

/**
 * Removes everything outside the allow-list, over the page's window: on save and again on
 * render, because anyone with edit rights can put any HTML in the column through SharePoint.
 */
export function sanitiseRichText(html: string | undefined): string {
  if (!html) return '';
  if (typeof window === 'undefined') throw new SanitiserUnavailableError();
  pageSanitiser = pageSanitiser ?? createRichTextSanitiser(window as unknown as WindowLike);
  return pageSanitiser(html);
}

// The page's sanitiser, for the views that load it only when they meet HTML it is needed for.
registerSanitiser(sanitiseRichText);
