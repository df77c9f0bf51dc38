/**
 * Import first in a Node-environment test that also sanitises rich text: DOMPurify binds to the
 * global window when first loaded, and the HTTP clients need Node's fetch, which jest's jsdom
 * environment does not offer. This gives DOMPurify a jsdom window under Node.
 */
import { JSDOM } from 'jsdom';

(globalThis as { window?: unknown }).window = new JSDOM('').window;
