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

/** CSS that can run script or fetch content in some mail clients: such a style is dropped whole. */
const UNSAFE_STYLE = /expression\s*\(|url\s*\(|javascript:|vbscript:|@import|behaviou?r\s*:|-moz-binding/i;

/** A sanitiser over the given window (jsdom's in Node), or the global window in a browser. */
export function createSanitiser(window?: WindowLike): (html: string) => string {
  // A private instance, so the style hook below never touches the page's other sanitisers.
  const purify = window ? DOMPurify(window) : DOMPurify(globalThis as unknown as WindowLike);
  if (!purify.isSupported) throw new Error('DOMPurify is not supported here: pass a window (jsdom in Node).');
  // The template styles its own markup; a style carrying script or remote content is removed.
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style' && UNSAFE_STYLE.test(data.attrValue)) data.keepAttr = false;
  });
  return (html: string): string => purify.sanitize(html, ALLOWED) as string;
}
