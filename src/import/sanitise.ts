/**
 * DOMPurify sanitiser of imported cells. In the browser DOMPurify uses the page's window; in
 * Node the caller passes a jsdom window (src/ imports no Node packages).
 */
import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import type { CellSanitiser } from '../domain/import/values';
import { createRichTextSanitiser, RICH_TEXT_POLICY } from '../components/sanitise';

/**
 * The rich text an imported cell may keep: the product's one allow-list (the same as the screen's
 * and the Word export's), so an imported narrative keeps what the page and the paper show.
 */
export const IMPORT_HTML_POLICY = RICH_TEXT_POLICY;

/** A cell sanitiser over the given window (jsdom's in Node), or the global window in a browser. */
export function createCellSanitiser(window?: WindowLike): CellSanitiser {
  const purify = window ? DOMPurify(window) : DOMPurify;
  if (!purify.isSupported) throw new Error('DOMPurify is not supported here: pass a window (jsdom in Node).');
  const rich = createRichTextSanitiser(window);
  return {
    html: (value: string): string => rich(value),
    text: (value: string): string => {
      // Block elements and <br> become spaces so words either side stay apart.
      const spaced = value.replace(/<(br|\/p|\/li|\/div|\/h[1-6])\b[^>]*>/gi, ' $&');
      const fragment = purify.sanitize(spaced, { ALLOWED_TAGS: [], KEEP_CONTENT: true, RETURN_DOM_FRAGMENT: true });
      return fragment.textContent ?? '';
    }
  };
}
