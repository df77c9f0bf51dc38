/**
 * Rich text (the HTML SharePoint's editor stores) to Word paragraphs and lists. The HTML is
 * sanitised with DOMPurify first, then parsed by the DOM the caller passes in: the browser's
 * window in the web part, a jsdom window in Node (this file must not import Node packages).
 * Only what the councils' narratives use is kept: paragraphs, line breaks, bullet and
 * numbered lists, bold, italic, underline and links; anything else keeps its text only.
 */
import DOMPurify from 'dompurify';
import type { WindowLike } from 'dompurify';
import { ExternalHyperlink, Paragraph, ParagraphChild, TextRun } from 'docx';

/** Numbering reference of numbered lists from rich text; the document must define it (see docx.ts). */
export const RICH_TEXT_NUMBERING = 'ssm-rich-text-numbers';

/** Sanitiser settings: markup that can carry script or styling is dropped before parsing. */
const PURIFY_CONFIG = {
  ALLOWED_TAGS: [
    'p', 'div', 'br', 'span', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'a',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
  ],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i
};

/** The parts of a window the converter uses: DOMPurify's needs and DOMParser. */
export type RichTextWindow = WindowLike & { DOMParser: { new (): DOMParser } };

/** Options of {@link createRichTextConverter}. */
export interface RichTextOptions {
  /** Font size in half-points for every run (e.g. 20 for 10pt in table cells); default: the style's. */
  size?: number;
  /**
   * Numbering reference for paragraphs outside lists (level 0): a committee paper numbers its
   * paragraphs 1., 2., ... across sections, including the clerk's and the standard ones.
   */
  paragraphNumbering?: string;
}

/** Converts one rich-text field to Word paragraphs (an empty array for empty text). */
export type RichTextConverter = (html: string, options?: RichTextOptions) => Paragraph[];

interface Format {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A piece of a paragraph before it becomes docx runs, so whitespace can be trimmed at the ends. */
type Segment = { kind: 'text'; text: string; format: Format; href?: string } | { kind: 'break' };

interface ListContext {
  ordered: boolean;
  level: number;
  instance: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TD', 'TH']);
const MAX_LEVEL = 8;

/**
 * A converter over the given window (the browser's `window`, or jsdom's in Node). Throws when
 * DOMPurify cannot run on it, rather than letting unsanitised HTML through.
 */
export function createRichTextConverter(window: RichTextWindow): RichTextConverter {
  const purify = DOMPurify(window);
  if (!purify.isSupported) throw new Error('DOMPurify is not supported by the window given: pass a browser or jsdom window.');
  let listInstances = 0;

  return (html: string, options: RichTextOptions = {}): Paragraph[] => {
    if (!html || !html.trim()) return [];
    const clean = purify.sanitize(html, PURIFY_CONFIG) as string;
    const doc = new window.DOMParser().parseFromString(`<!DOCTYPE html><html><body>${clean}</body></html>`, 'text/html');
    const out: Paragraph[] = [];
    let segments: Segment[] = [];

    const runsOf = (items: Segment[]): ParagraphChild[] => {
      // Collapse whitespace as a browser does, and trim it at the paragraph's ends.
      const texts = items.map((s) => (s.kind === 'text' ? { ...s, text: s.text.replace(/\s+/g, ' ') } : s));
      for (let i = 0; i < texts.length; i++) {
        const s = texts[i];
        const prev = texts[i - 1];
        if (s.kind === 'text' && (!prev || prev.kind === 'break' || (prev.kind === 'text' && / $/.test(prev.text)))) {
          s.text = s.text.replace(/^ /, '');
        }
      }
      for (let i = texts.length - 1; i >= 0; i--) {
        const s = texts[i];
        const next = texts[i + 1];
        if (s.kind === 'text' && (!next || next.kind === 'break')) s.text = s.text.replace(/ $/, '');
      }
      const children: ParagraphChild[] = [];
      for (const s of texts) {
        if (s.kind === 'break') {
          children.push(new TextRun({ break: 1, size: options.size }));
        } else if (s.text !== '') {
          const run = new TextRun({ text: s.text, ...s.format, underline: s.format.underline || s.href ? {} : undefined, size: options.size, style: s.href ? 'Hyperlink' : undefined });
          children.push(s.href ? new ExternalHyperlink({ children: [run], link: s.href }) : run);
        }
      }
      return children;
    };

    const flush = (list?: ListContext, keepEmpty = false): void => {
      const hasText = segments.some((s) => s.kind === 'text' && s.text.trim() !== '');
      if (hasText || keepEmpty) {
        const children = runsOf(segments);
        if (!list) out.push(new Paragraph({ children, numbering: options.paragraphNumbering ? { reference: options.paragraphNumbering, level: 0 } : undefined }));
        else if (list.ordered) out.push(new Paragraph({ children, numbering: { reference: RICH_TEXT_NUMBERING, level: list.level, instance: list.instance } }));
        else out.push(new Paragraph({ children, bullet: { level: list.level } }));
      }
      segments = [];
    };

    const walk = (node: Node, format: Format, href: string | undefined, list: ListContext | undefined): void => {
      if (node.nodeType === TEXT_NODE) {
        segments.push({ kind: 'text', text: node.textContent ?? '', format, href });
        return;
      }
      if (node.nodeType !== ELEMENT_NODE) return;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      const children = (f: Format, h: string | undefined, l: ListContext | undefined): void => {
        el.childNodes.forEach((c) => walk(c, f, h, l));
      };
      switch (tag) {
        case 'BR':
          segments.push({ kind: 'break' });
          return;
        case 'STRONG':
        case 'B':
          children({ ...format, bold: true }, href, list);
          return;
        case 'EM':
        case 'I':
          children({ ...format, italics: true }, href, list);
          return;
        case 'U':
          children({ ...format, underline: true }, href, list);
          return;
        case 'A': {
          const target = el.getAttribute('href') ?? undefined;
          children(format, target && /^(?:https?:|mailto:)/i.test(target) ? target : href, list);
          return;
        }
        case 'UL':
        case 'OL': {
          flush(list);
          const nested: ListContext = {
            ordered: tag === 'OL',
            level: list ? Math.min(list.level + 1, MAX_LEVEL) : 0,
            instance: tag === 'OL' ? ++listInstances : 0
          };
          el.childNodes.forEach((c) => {
            if (c.nodeType === ELEMENT_NODE && (c as Element).tagName.toUpperCase() === 'LI') {
              walk(c, format, href, nested);
              flush(nested);
            } else {
              walk(c, format, href, nested);
            }
          });
          flush(nested);
          return;
        }
        case 'LI':
          // The item's own text; a nested list inside it flushes this item first.
          children(format, href, list);
          return;
        default:
          if (BLOCKS.has(tag)) {
            flush(list);
            // Headings inside a narrative are bold text, so they do not disturb the report's outline.
            children(/^H[1-6]$/.test(tag) ? { ...format, bold: true } : format, href, list);
            flush(list);
          } else {
            children(format, href, list);
          }
      }
    };

    doc.body.childNodes.forEach((c) => walk(c, {}, undefined, undefined));
    flush();
    return out;
  };
}
