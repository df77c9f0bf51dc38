/**
 * DOMPurify sanitiser of imported cells. In the browser DOMPurify uses the page's window; in
 * Node the caller passes a jsdom window (src/ imports no Node packages).
 */
import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import type { CellSanitiser } from '../domain/import/values';

/** The rich text an imported cell may keep; everything else (scripts, event handlers, styles) is removed. */
export const IMPORT_HTML_POLICY = {
  ALLOWED_TAGS: ['p', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'br'],
  ALLOWED_ATTR: ['href'],
  // Links only to secure web pages and email addresses.
  ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i
};

/** A cell sanitiser over the given window (jsdom's in Node), or the global window in a browser. */
export function createCellSanitiser(window?: WindowLike): CellSanitiser {
  const purify = window ? DOMPurify(window) : DOMPurify;
  if (!purify.isSupported) throw new Error('DOMPurify is not supported here: pass a window (jsdom in Node).');
  return {
    html: (value: string): string => purify.sanitize(value, { ...IMPORT_HTML_POLICY, RETURN_TRUSTED_TYPE: false }) as string,
    text: (value: string): string => {
      // Block elements and <br> become spaces so words either side stay apart.
      const spaced = value.replace(/<(br|\/p|\/li|\/div|\/h[1-6])\b[^>]*>/gi, ' $&');
      const fragment = purify.sanitize(spaced, { ALLOWED_TAGS: [], KEEP_CONTENT: true, RETURN_DOM_FRAGMENT: true });
      return fragment.textContent ?? '';
    }
  };
}
