/**
 * Decides whether sanitised HTML can still run script: parses it in a DOM (jsdom in the unit
 * tests) and lists what could execute or navigate to script. An empty list means inert.
 */

/** Elements that run, load or embed active content, or change how the page loads. */
const ACTIVE_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
  'style', 'form', 'svg', 'math', 'template', 'noscript', 'xmp', 'isindex', 'portal', 'param'
]);

/** Attributes whose value is a URL the browser may navigate to or load. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'srcset', 'codebase', 'cite', 'dynsrc', 'lowsrc'];

/** Schemes that run script or render attacker-chosen documents. */
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data|livescript|mocha):/i;

/** The scheme a browser would see: entities already decoded by the parser, whitespace and control characters dropped. */
function normalisedUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/**
 * Parses `html` as a page would (innerHTML of a div), in an inert document of its own so that
 * nothing in it loads or runs even in a real browser.
 */
function parse(html: string, doc: Document): HTMLElement {
  const inert = doc.implementation.createHTMLDocument('');
  const container = inert.createElement('div');
  container.innerHTML = html;
  return container;
}

/**
 * Everything in `html` that could run script, as readable strings; empty when inert.
 * @param html sanitised HTML
 * @param doc a document to parse it in (jsdom's or the browser's)
 */
export function executableParts(html: string, doc: Document): string[] {
  const found: string[] = [];
  const container = parse(html, doc);
  const elements = Array.from(container.querySelectorAll('*'));
  for (const el of elements) {
    const tag = el.tagName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) found.push(`<${tag}> element`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} handler on <${tag}>`);
      if (name === 'srcdoc') found.push(`srcdoc on <${tag}>`);
      if (URL_ATTRIBUTES.indexOf(name) >= 0 && DANGEROUS_SCHEME.test(normalisedUrl(attr.value))) {
        found.push(`${name}="${attr.value}" on <${tag}>`);
      }
      if (name === 'style' && /expression\s*\(|javascript:|vbscript:|url\s*\(\s*['"]?\s*(?:javascript|vbscript|data):|-moz-binding|behavior\s*:/i.test(normalisedUrl(attr.value))) {
        found.push(`style="${attr.value}" on <${tag}>`);
      }
      if (name === 'http-equiv') found.push(`http-equiv on <${tag}>`);
    }
  }
  return found;
}

/** Tag names (lower case) used in `html`, in document order, with duplicates. */
export function tagsOf(html: string, doc: Document): string[] {
  const container = parse(html, doc);
  return Array.from(container.querySelectorAll('*')).map((el) => el.tagName.toLowerCase());
}

/** Every attribute of every element as `tag[name=value]`. */
export function attributesOf(html: string, doc: Document): string[] {
  const container = parse(html, doc);
  return Array.from(container.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).map((a) => `${el.tagName.toLowerCase()}[${a.name}=${a.value}]`)
  );
}
