/**
 * The committee paper passes the rules Word's accessibility checker applies (public sector
 * bodies must publish accessible documents), checked on the .docx itself since Word is not
 * available here: every kind and scope is rendered with its figures, unzipped with jszip, and
 * its XML read. The rules: pictures inline with alt text (title and description); every table
 * with a header row, a title and a description, and no merged cells or blank rows; headings in
 * the built-in Heading styles, in order without skipped levels; a document title and the
 * language (en-GB); no runs of empty paragraphs, spaces or tabs used as spacing; hyperlinks with meaningful
 * text; text on shaded cells and in coloured styles at a contrast of at least 4.5:1 (WCAG AA).
 */
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { Packer } from 'docx';
import { buildReportModel, REPORT_KINDS } from '../../src/domain/report';
import type { ReportData, ReportKind } from '../../src/domain/report';
import { buildReportDocument, createRichTextConverter, RichTextWindow } from '../../src/reports';
import { paperFigures } from '../../src/reports/figures';
import type { FigureImages } from '../../src/reports/figures';
import { sampleData } from '../../local/sample-data';

const dom = new JSDOM('');
afterAll(() => dom.window.close());
const richText = createRichTextConverter(dom.window as unknown as RichTextWindow);

/** Smallest valid PNG (1×1): the XML of a picture does not depend on its pixels. */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
);

/**
 * The sample data, with an officer's update that holds what people paste into rich text: a
 * table without header cells, a link, and empty paragraphs typed as spacing.
 */
function data(): ReportData {
  const updates = sampleData.objectiveUpdates.map((u) =>
    u.objectiveId === 1 && u.periodId === '2021-22-Q4'
      ? {
          ...u,
          narrative:
            `${u.narrative}<p></p><p>&nbsp;</p><p></p>` +
            '<table><tbody><tr><td>Milestone</td><td>Date</td></tr><tr><td>Go live</td><td>March 2022</td></tr></tbody></table>' +
            '<p>See the <a href="https://example.org/plan">project plan on the intranet</a>.</p>'
        }
      : u
  );
  return { ...sampleData, updates, actions: sampleData.objectiveActions };
}

interface Docx {
  body: Element;
  styles: Document;
  core: Document;
}

const parse = (xml: string): Document => new dom.window.DOMParser().parseFromString(xml, 'application/xml');

async function render(kind: ReportKind, periodId: string, serviceId?: number): Promise<Docx> {
  const model = buildReportModel(data(), { kind, periodId, serviceId, generatedOn: '2022-03-10T09:00:00Z' });
  const figures: FigureImages = {};
  for (const f of paperFigures(model)) figures[f.key] = PNG;
  const zip = await JSZip.loadAsync(await Packer.toBuffer(buildReportDocument(model, { richText, figures })));
  const read = async (name: string): Promise<Document> => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the .docx`);
    return parse(await file.async('string'));
  };
  const doc = await read('word/document.xml');
  const body = doc.getElementsByTagName('w:body')[0];
  return { body, styles: await read('word/styles.xml'), core: await read('docProps/core.xml') };
}

const all = (el: Element | Document, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));
const children = (el: Element, tag: string): Element[] => Array.from(el.children).filter((c) => c.tagName === tag);
const child = (el: Element | undefined, tag: string): Element | undefined => (el ? children(el, tag)[0] : undefined);
const val = (el: Element | undefined): string => el?.getAttribute('w:val') ?? '';
/** A Word on/off property: present and not switched off (w:val "false", "off" or "0"). */
const on = (el: Element | undefined): boolean => !!el && !/^(false|off|0)$/.test(el.getAttribute('w:val') ?? '');
const textOf = (el: Element): string => all(el, 'w:t').map((t) => t.textContent ?? '').join('');

/** WCAG relative luminance of an RRGGBB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two RRGGBB colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour as RRGGBB; Word's "auto" text is black on a light fill. */
const colour = (value: string | undefined, fallback: string): string => (!value || value === 'auto' ? fallback : value.toUpperCase());

const PAPERS: ReadonlyArray<{ kind: ReportKind; periodId: string; serviceId?: number; scope: string }> = [
  ...REPORT_KINDS.map((kind) => ({ kind, periodId: '2021-22-Q4', scope: 'every service' })),
  ...REPORT_KINDS.map((kind) => ({ kind, periodId: '2021-22-Q4', serviceId: 1, scope: 'one service' })),
  { kind: 'quarterly', periodId: '2021-22-Q3', scope: 'every service' }
];

describe.each(PAPERS)('the $kind paper for $periodId, $scope', ({ kind, periodId, serviceId }) => {
  let paper: Docx;
  beforeAll(async () => {
    paper = await render(kind, periodId, serviceId);
  });

  it('has alt text (a title and a description) on every picture, each placed inline with the text', () => {
    const pictures = all(paper.body, 'wp:docPr');
    // The objectives' summary is a figure in every kind; the rule is not met by having none.
    expect(pictures.length).toBeGreaterThan(0);
    for (const p of pictures) {
      expect((p.getAttribute('descr') ?? '').trim().length).toBeGreaterThan(20);
      expect((p.getAttribute('title') ?? '').trim()).not.toBe('');
      expect(p.getAttribute('descr')).not.toBe(p.getAttribute('title'));
      // Word flags floating pictures: they break the reading order.
      expect(p.parentElement?.tagName).toBe('wp:inline');
    }
    expect(all(paper.body, 'wp:anchor')).toHaveLength(0);
  });

  it('gives every table a repeated header row, a title and a description, and no merged cells or blank rows', () => {
    const tables = all(paper.body, 'w:tbl');
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) {
      const props = child(t, 'w:tblPr');
      const caption = val(child(props, 'w:tblCaption'));
      expect(caption.trim()).not.toBe('');
      expect(val(child(props, 'w:tblDescription')).length).toBeGreaterThanOrEqual(caption.length);
      const rows = children(t, 'w:tr');
      expect(rows.length).toBeGreaterThan(1);
      // The first row is a header row; header rows come first, before every other row.
      const isHeader = rows.map((r) => on(child(child(r, 'w:trPr'), 'w:tblHeader')));
      const firstData = isHeader.indexOf(false);
      expect(firstData).toBeGreaterThan(0);
      expect(isHeader.slice(firstData)).not.toContain(true);
      for (const r of rows) expect(textOf(r).trim()).not.toBe('');
      for (const tag of ['w:gridSpan', 'w:vMerge', 'w:hMerge']) expect(all(t, tag)).toHaveLength(0);
    }
    // The table the officer pasted into the update is titled after its objective.
    if (periodId === '2021-22-Q4') {
      const title = sampleData.objectives.find((o) => o.id === 1)?.title ?? '';
      expect(tables.map((t) => val(child(child(t, 'w:tblPr'), 'w:tblCaption')))).toContain(`Table in the text about ${title}`);
    }
  });

  it('uses the built-in Title and Heading styles, one title and then headings without skipped levels', () => {
    const builtIn = new Map(all(paper.styles, 'w:style').map((s) => [s.getAttribute('w:styleId'), val(child(s, 'w:name'))]));
    const headings = all(paper.body, 'w:p')
      .map((p) => ({ style: val(child(child(p, 'w:pPr'), 'w:pStyle')), text: textOf(p) }))
      .filter((h) => /^(Title|Heading\d)$/.test(h.style));
    expect(headings[0].style).toBe('Title');
    expect(headings.filter((h) => h.style === 'Title')).toHaveLength(1);
    let level = 0;
    for (const h of headings.slice(1)) {
      const next = Number(h.style.replace('Heading', ''));
      expect({ heading: h.text, level: next }).toEqual({ heading: h.text, level: Math.min(next, level + 1) });
      expect(h.text.trim()).not.toBe('');
      // Word's own style names (it compares them without case), which its navigation pane and checker recognise.
      expect(builtIn.get(h.style)?.toLowerCase()).toBe(`heading ${next}`);
      level = next;
    }
    expect(builtIn.get('Title')).toBe('Title');
    expect(headings.filter((h) => h.style === 'Heading1').length).toBeGreaterThan(5);
  });

  it('has a document title and UK English as its language', () => {
    expect((all(paper.core, 'dc:title')[0]?.textContent ?? '').trim()).toMatch(/^Shared Services /);
    const defaults = all(paper.styles, 'w:docDefaults')[0];
    expect(all(defaults, 'w:lang').map((l) => val(l))).toEqual(['en-GB']);
  });

  it('never uses a run of empty paragraphs, spaces or tabs as spacing', () => {
    // Word's "repeated blank characters": spaces or tabs lined up to place text.
    expect(all(paper.body, 'w:t').filter((t) => /\s{3,}/.test(t.textContent ?? '')).map((t) => t.textContent)).toEqual([]);
    expect(all(paper.body, 'w:tab')).toHaveLength(0);
    // Body paragraphs and those in cells: at most one empty paragraph in a row (the gap Word
    // needs after a table).
    const containers = [paper.body, ...all(paper.body, 'w:tc')];
    for (const c of containers) {
      let run = 0;
      for (const el of Array.from(c.children)) {
        const empty = el.tagName === 'w:p' && textOf(el).trim() === '' && all(el, 'w:drawing').length === 0 && all(el, 'w:br').length === 0;
        run = empty ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives every hyperlink text that says where it goes', () => {
    const links = all(paper.body, 'w:hyperlink');
    // The officer's update with the link is the fourth quarter's.
    if (periodId === '2021-22-Q4') expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const text = textOf(l).trim();
      expect(text.split(/\s+/).length).toBeGreaterThan(1);
      expect(text).not.toMatch(/^(click here|here|link|more|read more|this link)$/i);
    }
  });

  it('keeps text on shaded cells and in coloured styles at a contrast of 4.5:1 or more', () => {
    const checked: string[] = [];
    for (const tc of all(paper.body, 'w:tc')) {
      const fill = colour(child(child(tc, 'w:tcPr'), 'w:shd')?.getAttribute('w:fill') ?? undefined, 'FFFFFF');
      for (const r of all(tc, 'w:r')) {
        const text = colour(child(child(r, 'w:rPr'), 'w:color')?.getAttribute('w:val') ?? undefined, '000000');
        checked.push(`${text}/${fill}`);
        expect({ text, fill, ratio: contrast(text, fill) >= 4.5 }).toEqual({ text, fill, ratio: true });
      }
    }
    for (const s of all(paper.styles, 'w:style')) {
      const c = child(child(s, 'w:rPr'), 'w:color')?.getAttribute('w:val');
      if (!c || c === 'auto') continue;
      const text = c.toUpperCase();
      expect({ style: s.getAttribute('w:styleId'), ratio: contrast(text, 'FFFFFF') >= 4.5 }).toEqual({ style: s.getAttribute('w:styleId'), ratio: true });
    }
    // Shaded cells are there to be checked: the header rows and the RAG ratings.
    expect(new Set(checked).size).toBeGreaterThan(1);
  });
});

describe('contrast ratio', () => {
  it('is the WCAG figure', () => {
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('FFFFFF', 'FFFFFF')).toBeCloseTo(1, 5);
    // #767676 on white is the lightest grey that meets AA for body text.
    expect(contrast('767676', 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('777777', 'FFFFFF')).toBeLessThan(4.5);
  });
});

describe('the figures', () => {
  it('draw their text at a contrast of 4.5:1 or more against what it sits on', () => {
    const model = buildReportModel(data(), { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z' });
    const figures = paperFigures(model);
    expect(figures.map((f) => f.key).sort()).toEqual(['objectiveStatus', 'riskHeatMap']);
    for (const f of figures) {
      const texts = Array.from(f.svg.matchAll(/<text [^>]*fill="#([0-9A-Fa-f]{6})"/g)).map((m) => m[1].toUpperCase());
      const fills = Array.from(f.svg.matchAll(/<rect [^>]*fill="#([0-9A-Fa-f]{6})"/g)).map((m) => m[1].toUpperCase());
      expect(texts.length).toBeGreaterThan(3);
      // Text is on the white page, or (the heat map's counts) on a cell's band colour.
      const backgrounds = f.key === 'riskHeatMap' ? fills : ['FFFFFF'];
      for (const t of texts) for (const b of backgrounds) expect({ t, b, ok: contrast(t, b) >= 4.5 }).toEqual({ t, b, ok: true });
    }
  });
});
