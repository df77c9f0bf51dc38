/** @jest-environment jsdom */
/**
 * Sanitisation of rich text with exactly the one allow-list (paragraphs and div lines, headings,
 * lists, tables, blockquotes, bold, italic, underline, strikethrough, super/subscript,
 * http/https/mailto links): a broad XSS payload list must come out harmless, on save and on render.
 */
import { richTextToPlain, sanitiseRichText } from '../../src/components/sanitise';

/** Payloads from the usual XSS cheat sheets: event handlers, script URLs, SVG/MathML, malformed markup. */
const PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<p onclick="alert(1)">click</p>',
  '<a href="javascript:alert(1)">link</a>',
  '<a href="JaVaScRiPt:alert(1)">link</a>',
  '<a href="  javascript:alert(1)">link</a>',
  '<a href="java&#x09;script:alert(1)">link</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
  '<a href="vbscript:msgbox(1)">link</a>',
  '<a href="http://example.com">insecure</a>',
  '<svg onload=alert(1)><circle r=10 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<p style="position:fixed;top:0">overlay</p>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="https://evil.example"><input name="x"><button>Go</button></form>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src="x" onerror="alert(1)"',
  '<p><b onmouseover=alert(1)>bold</b></p>',
  '<a href="https://ok.example" onclick="alert(1)" target="_blank">ok</a>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<base href="javascript:alert(1)//">',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '"><img src=x onerror=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<a href="https://ok.example" data-x="1" id="dom-clobber" name="cookie" class="c">ok</a>'
];

const ALLOWED_TAGS = new Set(
  ['p', 'div', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'].map((t) => t.toUpperCase())
);

function assertHarmless(html: string): void {
  const host = document.createElement('div');
  host.innerHTML = html;
  host.querySelectorAll('*').forEach((el) => {
    expect(ALLOWED_TAGS.has(el.tagName)).toBe(true);
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name).toBe('href');
      expect(attr.value).toMatch(/^(https?:\/\/|mailto:)/i);
    }
  });
  expect(html).not.toMatch(/javascript:|vbscript:|data:text|onerror|onload|onclick|<script|<svg|<iframe|<style/i);
}

describe('sanitiseRichText', () => {
  it.each(PAYLOADS)('leaves nothing harmful of %s', (payload) => {
    const clean = sanitiseRichText(payload);
    assertHarmless(clean);
    // Idempotent: sanitising on render what was sanitised on save changes nothing.
    expect(sanitiseRichText(clean)).toBe(clean);
  });

  it('keeps the allowed set intact: paragraphs, lists, bold, italic, https and mailto links', () => {
    const html =
      '<p>Intro with <strong>bold</strong>, <b>b</b>, <em>italic</em> and <i>i</i>.<br>Next line</p>' +
      '<ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>' +
      '<p><a href="https://www.chorley.gov.uk/report">report</a> <a href="mailto:officer@chorley.example.gov.uk">email</a></p>';
    expect(sanitiseRichText(html)).toBe(html);
  });

  it('drops unknown formatting but keeps its text; keeps headings, div lines and http links', () => {
    expect(sanitiseRichText('<div><span style="color:red">Kept text</span></div>')).toBe('<div>Kept text</div>');
    expect(sanitiseRichText('<h1>Heading</h1><p>Body</p>')).toBe('<h1>Heading</h1><p>Body</p>');
    expect(sanitiseRichText('<a href="http://example.com">plain web</a>')).toBe('<a href="http://example.com">plain web</a>');
    expect(sanitiseRichText('<a href="ftp://example.com">ftp</a>')).toBe('<a>ftp</a>');
  });

  it('never glues words together where a block element is removed', () => {
    expect(richTextToPlain(sanitiseRichText('<section>Heading two</section><section>Heading three</section>'))).toBe('Heading two Heading three');
    expect(richTextToPlain(sanitiseRichText('<dl><dt>Term</dt><dd>Meaning</dd></dl>'))).toBe('Term Meaning');
    // Inline markup stays inline: no space inside a word.
    expect(sanitiseRichText('Wo<span>rd</span>')).toBe('Word');
  });

  it('keeps underline, strikethrough, superscript and subscript (x² H₂O)', () => {
    const html = '<p>x<sup>2</sup> H<sub>2</sub>O <u>underlined</u> <s>struck</s></p>';
    expect(sanitiseRichText(html)).toBe(html);
  });

  it('copes with empty and missing input', () => {
    expect(sanitiseRichText('')).toBe('');
    expect(sanitiseRichText(undefined)).toBe('');
  });
});

describe('richTextToPlain', () => {
  it('gives searchable text without markup', () => {
    expect(richTextToPlain('<p>Fish &amp; chips</p><ul><li>One</li></ul>')).toBe('Fish & chips One');
  });
});
