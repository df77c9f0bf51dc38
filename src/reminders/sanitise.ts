/**
 * DOMPurify for reminder bodies. In the browser DOMPurify uses the page's window; in Node the
 * caller passes a jsdom window (this file must not import Node packages itself).
 */
import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';

/** Tags and attributes a reminder body may contain; anything else is removed. */
const ALLOWED = {
  ALLOWED_TAGS: ['div', 'p', 'h3', 'ul', 'li', 'a', 'strong', 'span'],
  ALLOWED_ATTR: ['href', 'style'],
  ALLOWED_URI_REGEXP: /^https?:\/\//i
};

/** A sanitiser over the given window (jsdom's in Node), or the global window in a browser. */
export function createSanitiser(window?: WindowLike): (html: string) => string {
  const purify = window ? DOMPurify(window) : DOMPurify;
  if (!purify.isSupported) throw new Error('DOMPurify is not supported here: pass a window (jsdom in Node).');
  return (html: string): string => purify.sanitize(html, ALLOWED) as string;
}
