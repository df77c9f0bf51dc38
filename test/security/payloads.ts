/**
 * Cross-site scripting payloads for the sanitiser tests (jsdom) and the browser test that
 * saves them into the local host and renders them. Each one, if it ran, would set the
 * `window.__xss` canary (or open a dialog), so the browser test can tell that nothing ran.
 * Drawn from the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet and
 * DOMPurify's own mutation-XSS regression cases.
 */

/** One payload and what kind of attack it is. */
export interface XssPayload {
  /** Short name, shown in failure messages. */
  name: string;
  /** The HTML as an attacker would store it. */
  html: string;
}

const RUN = 'window.__xss=1';

/** The payload set (well over 40 vectors). */
export const XSS_PAYLOADS: readonly XssPayload[] = [
  // Script elements, plain and obfuscated.
  { name: 'script element', html: `<script>${RUN}</script>` },
  { name: 'script with remote src', html: '<p>safe<script src="https://evil.example/x.js"></script></p>' },
  { name: 'nested script split', html: `<scr<script>ipt>${RUN}</scr</script>ipt>` },
  { name: 'double angle script', html: `<<script>${RUN};//<</script>` },
  { name: 'upper-case script', html: `<SCRIPT>${RUN}</SCRIPT>` },
  // Event handlers.
  { name: 'img onerror', html: `<img src=x onerror="${RUN}">` },
  { name: 'mixed-case onerror', html: `<IMG SRC=x OnErRoR=${RUN}>` },
  { name: 'img onerror without quotes or close', html: `<img src=x onerror=${RUN}` },
  { name: 'img srcset onerror', html: `<img srcset="x" onerror="${RUN}">` },
  { name: 'paragraph onclick/onmouseover', html: `<p onclick="${RUN}" onmouseover="${RUN}">text</p>` },
  { name: 'allowed link with handler', html: `<a href="https://example.org/" onmouseover="${RUN}" onfocus="${RUN}">ok</a>` },
  { name: 'strong with onanimationstart', html: `<strong style="animation-name:x" onanimationstart="${RUN}">bold</strong>` },
  { name: 'input autofocus onfocus', html: `<input autofocus onfocus="${RUN}">` },
  { name: 'details ontoggle', html: `<details open ontoggle="${RUN}"><summary>s</summary></details>` },
  { name: 'body onload', html: `<body onload="${RUN}">` },
  { name: 'video source onerror', html: `<video><source onerror="${RUN}"></video>` },
  { name: 'audio onerror', html: `<audio src=x onerror="${RUN}">` },
  { name: 'marquee onstart', html: `<marquee onstart="${RUN}">m</marquee>` },
  { name: 'custom element onclick', html: `<x-tag onclick="${RUN}" tabindex=0>x</x-tag>` },
  { name: 'attribute break-out', html: `"><img src=x onerror="${RUN}">` },
  // javascript:, data: and vbscript: URLs, encoded and mixed-case.
  { name: 'javascript: link', html: `<a href="javascript:${RUN}">link</a>` },
  { name: 'mixed-case javascript: link', html: `<a href="JaVaScRiPt:${RUN}">link</a>` },
  { name: 'decimal-entity javascript: link', html: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${RUN}">link</a>` },
  { name: 'hex-entity javascript: link', html: `<a href="&#x6A;avascript&#x3A;${RUN}">link</a>` },
  { name: 'padded-entity javascript: link', html: `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${RUN}">link</a>` },
  { name: 'tab inside javascript:', html: `<a href="java&#x09;script:${RUN}">link</a>` },
  { name: 'newline inside javascript:', html: `<a href="jav&#x0A;ascript:${RUN}">link</a>` },
  { name: 'leading space and control character', html: `<a href=" &#14; javascript:${RUN}">link</a>` },
  { name: '&colon; javascript:', html: `<a href="javascript&colon;${RUN}">link</a>` },
  { name: 'data: text/html link', html: '<a href="data:text/html,<script>alert(1)</script>">link</a>' },
  { name: 'base64 data: link', html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>' },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">link</a>' },
  { name: 'mixed-case vbscript: link', html: '<a href="VbScRiPt:msgbox(1)">link</a>' },
  { name: 'javascript: img src', html: `<img src="javascript:${RUN}">` },
  // SVG and MathML.
  { name: 'svg onload', html: `<svg onload="${RUN}">` },
  { name: 'svg script', html: `<svg><script>${RUN}</script></svg>` },
  { name: 'svg animate onbegin', html: `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"></animate></svg>` },
  { name: 'svg xlink:href javascript:', html: `<svg><a xlink:href="javascript:${RUN}"><text x="20" y="20">XSS</text></a></svg>` },
  { name: 'svg set href', html: `<svg><a><set attributeName="href" to="javascript:${RUN}"/><text y="20">x</text></a></svg>` },
  { name: 'svg style img', html: `<svg><style><img src=x onerror="${RUN}"></style></svg>` },
  { name: 'MathML href', html: `<math href="javascript:${RUN}">CLICKME</math>` },
  { name: 'MathML maction', html: `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">x</maction></math>` },
  // Frames, objects and forms.
  { name: 'iframe srcdoc', html: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>` },
  { name: 'iframe javascript: src', html: `<iframe src="javascript:${RUN}"></iframe>` },
  { name: 'object data', html: `<object data="javascript:${RUN}"></object>` },
  { name: 'embed data: src', html: '<embed src="data:text/html,<script>parent.__xss=1</script>">' },
  { name: 'form action', html: `<form action="javascript:${RUN}"><input type="submit" value="Go"></form>` },
  { name: 'button formaction', html: `<form id="f"></form><button form="f" formaction="javascript:${RUN}">Go</button>` },
  { name: 'isindex action', html: `<isindex action="javascript:${RUN}" type="image">` },
  // Page-level tricks.
  { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">` },
  { name: 'base href', html: '<base href="javascript:/">' },
  { name: 'link stylesheet', html: `<link rel="stylesheet" href="javascript:${RUN}">` },
  // CSS.
  { name: 'CSS expression', html: `<div style="width:expression(${RUN})">x</div>` },
  { name: 'CSS url(javascript:)', html: `<p style="background:url('javascript:${RUN}')">x</p>` },
  { name: 'style element import', html: `<style>@import 'javascript:${RUN}';</style>` },
  { name: 'table background', html: `<table background="javascript:${RUN}"><tr><td>x</td></tr></table>` },
  // Template, noscript and other parser-differential (mutation XSS) classics.
  { name: 'template content', html: `<template><img src=x onerror="${RUN}"></template>` },
  { name: 'noscript title break-out', html: `<noscript><p title="</noscript><img src=x onerror=${RUN}>">` },
  { name: 'xmp title break-out', html: `<xmp><p title="</xmp><img src=x onerror=${RUN}>">` },
  { name: 'comment break-out', html: `<!--<img src="--><img src=x onerror=${RUN}//">` },
  { name: 'MathML mglyph style', html: `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>` },
  { name: 'form in math', html: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${RUN}>` },
  { name: 'svg p style (namespace confusion)', html: `<svg></p><style><a id="</style><img src=1 onerror=${RUN}>">` },
  { name: 'select noembed', html: `<select><noembed></select><img src=x onerror=${RUN}></noembed>` },
  { name: 'textarea title break-out', html: `<textarea><p title="</textarea><img src=x onerror=${RUN}>">` },
  { name: 'unclosed attribute', html: `<a href="https://example.org/ onmouseover=${RUN} x="` },
  { name: 'null byte in tag', html: `<scri\u0000pt>${RUN}</scri\u0000pt>` }
];

/** Rich text using exactly the allowed set of issue 4, which must survive sanitising. */
export const ALLOWED_HTML =
  '<p>Paragraph with <strong>strong</strong>, <b>bold</b>, <em>emphasis</em> and <i>italic</i> text.<br>Second line.</p>' +
  '<ul><li>First bullet</li><li>Second bullet</li></ul>' +
  '<ol><li>First step</li><li>Second step</li></ol>' +
  '<p><a href="https://www.chorley.gov.uk/">Council website</a> and <a href="mailto:performance@southribble.gov.uk">email us</a></p>';
