/** @jest-environment jsdom */
/**
 * The product's HTML sanitisers against a broad XSS payload set (test/security/payloads.ts),
 * in jsdom: nothing executable may survive any of them, and the allowed set of rich text
 * (p, ul, ol, li, strong/b, em/i, br, a href https/mailto) must survive those that render
 * rich text. Output is re-parsed as the page would parse it, so mutation XSS shows up too.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { act } from 'react-dom/test-utils';
import { RichText } from '../../src/components/RichText';
import { RICH_TEXT_TAGS, sanitiseRichText } from '../../src/components/sanitise';
import { createCellSanitiser } from '../../src/import/sanitise';
import { createSanitiser } from '../../src/reminders/sanitise';
import { ALLOWED_HTML, XSS_PAYLOADS } from './payloads';
import { attributesOf, executableParts, tagsOf } from './inert';

/** Renders a component into a detached container and returns the HTML it put in the DOM. */
function rendered(element: React.ReactElement): string {
  const container = document.createElement('div');
  act(() => {
    ReactDom.render(element, container);
  });
  const html = (container.firstElementChild as HTMLElement).innerHTML;
  ReactDom.unmountComponentAtNode(container);
  return html;
}

/** The sanitisers of the product, by where they are used. */
const SANITISERS: Array<[string, (html: string) => string]> = [
  ['sanitiseRichText (objectives, benefits: on save and render)', sanitiseRichText],
  ['RichText component (objectives tracker, highlight report and other read views)', (html) => rendered(React.createElement(RichText, { html }))],
  ['import cell sanitiser (Excel/Word import)', (html) => createCellSanitiser(window).html(html)],
  ['reminder email sanitiser', (html) => createSanitiser(window)(html)]
];

/** Sanitisers whose output is rich text shown in the product, so the allowed set must survive. */
const RICH_TEXT_SANITISERS = SANITISERS.filter(([name]) => !name.startsWith('reminder'));

describe('XSS payloads through every sanitiser', () => {
  it('covers at least 40 distinct vectors', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_PAYLOADS.map((p) => p.html)).size).toBe(XSS_PAYLOADS.length);
  });

  it('detects executable markup when it is there (guards the check itself)', () => {
    const unsafe = XSS_PAYLOADS.filter((p) => executableParts(p.html, document).length > 0).map((p) => p.name);
    // Nearly every raw payload is flagged; the rest only become dangerous after a parser mutation.
    expect(unsafe.length).toBeGreaterThanOrEqual(XSS_PAYLOADS.length - 8);
    expect(executableParts('<p>plain <a href="https://example.org/">link</a></p>', document)).toEqual([]);
  });

  describe.each(SANITISERS)('%s', (_name, sanitise) => {
    it('leaves nothing executable in any payload', () => {
      const survivors = XSS_PAYLOADS.map((p) => {
        const out = sanitise(p.html);
        // Sanitising twice must be stable too: the editor re-sanitises what it saved.
        const twice = sanitise(out);
        const parts = [...executableParts(out, document), ...executableParts(twice, document)];
        return parts.length ? `${p.name}: ${Array.from(new Set(parts)).join(', ')}  <- ${out}` : undefined;
      }).filter((s): s is string => s !== undefined);
      expect(survivors).toEqual([]);
    });
  });

  describe.each(RICH_TEXT_SANITISERS)('%s keeps the allowed set', (_name, sanitise) => {
    it('keeps paragraphs, lists, bold, italic, line breaks and https/mailto links', () => {
      const out = sanitise(ALLOWED_HTML);
      expect(tagsOf(out, document)).toEqual(tagsOf(ALLOWED_HTML, document));
      expect(attributesOf(out, document)).toEqual(attributesOf(ALLOWED_HTML, document));
      const text = (html: string): string => {
        const d = document.implementation.createHTMLDocument('');
        d.body.innerHTML = html;
        return d.body.textContent ?? '';
      };
      expect(text(out)).toBe(text(ALLOWED_HTML));
    });

    it('keeps the text of a payload’s harmless parts', () => {
      const out = sanitise('<p onclick="window.__xss=1">Budget <strong>agreed</strong></p>');
      expect(out).toContain('Budget');
      expect(tagsOf(out, document)).toEqual(['p', 'strong']);
    });
  });
});

describe('sanitiseRichText: exactly the one allow-list', () => {
  it('keeps no element and no attribute outside the allowed set for any payload', () => {
    const allowedTags = new Set(RICH_TEXT_TAGS);
    const outside = XSS_PAYLOADS.flatMap((p) => {
      const out = sanitiseRichText(p.html);
      const tags = tagsOf(out, document).filter((t) => !allowedTags.has(t));
      const attrs = attributesOf(out, document).filter((a) => !/^a\[href=(https?:\/\/|mailto:)/i.test(a));
      return [...tags, ...attrs].map((x) => `${p.name}: ${x}`);
    });
    expect(outside).toEqual([]);
  });

  it('drops links that are not http, https or mailto, keeping their text', () => {
    for (const href of ['ftp://example.org/', 'javascript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox(1)', '/relative/page', '//example.org/', 'tel:01257515151']) {
      const out = sanitiseRichText(`<p><a href="${href}">the link</a></p>`);
      expect(attributesOf(out, document)).toEqual([]);
      expect(out).toContain('the link');
    }
  });

  it('returns an empty string for missing text', () => {
    expect(sanitiseRichText(undefined)).toBe('');
    expect(sanitiseRichText('')).toBe('');
  });
});
