/**
 * Rich text (the HTML SharePoint's editor stores) to Word paragraphs, lists and tables. The HTML
 * goes through the product's one allow-list first (src/components/sanitise.ts, the same as the
 * screen's), then is parsed by the DOM the caller passes in: the browser's window in the web
 * part, a jsdom window in Node (this file must not import Node packages). Everything the
 * allow-list keeps has a Word form: paragraphs and `<div>` lines, line breaks, headings (bold
 * paragraphs, so they do not disturb the paper's outline), bullet and numbered lists, tables,
 * blockquotes (indented), bold, italic, underline, strikethrough, superscript, subscript and
 * http, https and mailto links.
 */
import type { WindowLike } from 'dompurify';
import { AlignmentType, BorderStyle, ExternalHyperlink, Paragraph, ParagraphChild, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { lazyStrings } from '../loc/lazy';
import { createRichTextSanitiser } from '../components/sanitise';
import { formatString } from '../components/format';
import { AccessibleTable } from './accessibleTable';
import { andList } from './format';
import { safeHref } from '../domain/links';

/** Numbering reference of numbered lists from rich text; the document must define it (see docx.ts). */
export const RICH_TEXT_NUMBERING = 'ssm-rich-text-numbers';

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
  /** Title of a table in the text (its alt text, which Word's accessibility checker asks for); default "Table in the text". */
  tableTitle?: string;
}

/** What rich text becomes in Word: paragraphs, and tables where the text has a table. */
export type RichTextBlock = Paragraph | Table;

/** Converts one rich-text field to Word blocks (an empty array for empty text). */
export type RichTextConverter = (html: string, options?: RichTextOptions) => RichTextBlock[];

interface Format {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  superScript?: boolean;
  subScript?: boolean;
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
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MAX_LEVEL = 8;
/** Indent of a blockquote level, in twentieths of a point (half an inch). */
const QUOTE_INDENT = 720;
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8886' };

/**
 * A converter over the given window (the browser's `window`, or jsdom's in Node). Throws when
 * DOMPurify cannot run on it, rather than letting unsanitised HTML through.
 */
export function createRichTextConverter(window: RichTextWindow): RichTextConverter {
  const sanitise = createRichTextSanitiser(window);
  let listInstances = 0;

  const cellsOf = (tr: Element): Element[] => Array.from(tr.children).filter((c) => /^(TD|TH)$/i.test(c.tagName));

  /** A rich-text table as a Word table: each cell's content converted as rich text of its own. */
  const tableOf = (table: Element, options: RichTextOptions, cellBlocks: (cell: Element, options: RichTextOptions, base: Format) => RichTextBlock[]): Table => {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const width = Math.max(1, ...rows.map((tr) => cellsOf(tr).length));
    // Word knows header rows only, not header cells: the first row is the header row (screen
    // readers read its cells with every cell below, and Word's checker asks for one), and so
    // are the rows after it while they hold header cells only.
    const allHeaders = (tr: Element): boolean => cellsOf(tr).length > 0 && cellsOf(tr).every((c) => c.tagName.toUpperCase() === 'TH');
    let headerRows = 1;
    while (headerRows < rows.length && allHeaders(rows[headerRows - 1]) && allHeaders(rows[headerRows])) headerRows++;
    const title = options.tableTitle ?? lazyStrings.PaperRichTextTable;
    const columns = rows.length > 0 ? cellsOf(rows[0]).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((t) => t !== '') : [];
    const alt = { title, description: columns.length > 0 ? formatString(lazyStrings.PaperTableDescription, title, andList(columns)) : title };
    return new AccessibleTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
      rows: rows.map((tr, index) => {
        const cells = cellsOf(tr);
        const header = index < headerRows;
        const children = cells.map((c) => {
          // A cell's paragraphs are its own: never numbered as paragraphs of the paper.
          const blocks = cellBlocks(c, { size: options.size }, c.tagName.toUpperCase() === 'TH' ? { bold: true } : {});
          const content = blocks.length === 0 || blocks[blocks.length - 1] instanceof Table ? [...blocks, new Paragraph({ children: [] })] : blocks;
          return new TableCell({ children: content, margins: { top: 40, bottom: 40, left: 80, right: 80 } });
        });
        // A short row is padded, so the table stays rectangular.
        while (children.length < width) children.push(new TableCell({ children: [new Paragraph({ children: [], alignment: AlignmentType.LEFT })] }));
        // Like the paper's own tables: no row split across pages, the header rows repeated on each.
        return new TableRow({ tableHeader: header, cantSplit: true, children });
      })
    }, alt);
  };

  const fromBody = (body: Element, options: RichTextOptions, base: Format = {}): RichTextBlock[] => {
    const out: RichTextBlock[] = [];
    let segments: Segment[] = [];
    let quoteLevel = 0;

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
        const indent = quoteLevel > 0 ? { left: QUOTE_INDENT * quoteLevel } : undefined;
        if (!list) out.push(new Paragraph({ children, indent, numbering: options.paragraphNumbering ? { reference: options.paragraphNumbering, level: 0 } : undefined }));
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
        case 'S':
          children({ ...format, strike: true }, href, list);
          return;
        case 'SUP':
          children({ ...format, superScript: true, subScript: undefined }, href, list);
          return;
        case 'SUB':
          children({ ...format, subScript: true, superScript: undefined }, href, list);
          return;
        case 'A': {
          children(format, safeHref(el.getAttribute('href')) ?? href, list);
          return;
        }
        case 'BLOCKQUOTE':
          flush(list);
          quoteLevel++;
          children(format, href, list);
          flush(list);
          quoteLevel--;
          return;
        case 'TABLE':
          flush(list);
          out.push(tableOf(el, options, fromBody));
          // Word needs a paragraph between a table and what follows it (and at the end of a cell).
          out.push(new Paragraph({ children: [] }));
          return;
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

    body.childNodes.forEach((c) => walk(c, base, undefined, undefined));
    flush();
    return out;
  };

  const convert = (html: string, options: RichTextOptions = {}): RichTextBlock[] => {
    if (!html || !html.trim()) return [];
    const clean = sanitise(html);
    const doc = new window.DOMParser().parseFromString(`<!DOCTYPE html><html><body>${clean}</body></html>`, 'text/html');
    return fromBody(doc.body, options);
  };

  return convert;
}
