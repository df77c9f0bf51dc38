/**
 * A formatted committee paragraph kept faithfully through save, screen and Word: headings, a
 * table, a blockquote, SharePoint's <div> lines, underline, strikethrough, superscript and
 * subscript, and http, https and mailto links, with no words run together anywhere. The same
 * allow-list serves all three (src/components/sanitise.ts); the paper's hyperlinks carry no
 * scheme but http, https and mailto.
 */
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { Packer } from 'docx';
import type { WindowLike } from 'dompurify';
import { createRichTextSanitiser } from '../../src/components/sanitise';
import { createCellSanitiser } from '../../src/import/sanitise';
import { buildReportModel } from '../../src/domain/report';
import { buildReportDocument, createRichTextConverter, RichTextWindow } from '../../src/reports';
import { sampleData } from '../../local/sample-data';

const dom = new JSDOM('');
afterAll(() => dom.window.close());
const window = dom.window as unknown as WindowLike & RichTextWindow;
const sanitise = createRichTextSanitiser(window);
const richText = createRichTextConverter(window);

/** What a service lead pastes from the committee's Word paper, as SharePoint's editor keeps it. */
const PARAGRAPH =
  '<h2>Heading two</h2><h3>Heading three</h3>' +
  '<div>Line one</div><div>Line two</div>' +
  '<p>Savings of x<sup>2</sup> and H<sub>2</sub>O, <u>agreed</u> and <s>withdrawn</s> items.</p>' +
  '<blockquote>The committee noted the report.</blockquote>' +
  '<table><thead><tr><th>Council</th><th>Saving</th></tr></thead><tbody><tr><td>Chorley</td><td>£17,000</td></tr><tr><td>South Ribble</td><td>£8,500</td></tr></tbody></table>' +
  '<p>See <a href="http://legacy.example.gov.uk/minutes">the minutes</a>, <a href="https://www.chorley.gov.uk/report">the report</a> ' +
  'or <a href="mailto:clerk@chorley.example.gov.uk">the clerk</a>; not <a href="javascript:alert(1)">this</a> or <a href=" data:text/html,x">that</a>.</p>' +
  '<section>Pasted section</section><section>Another section</section>';

/** Text of HTML as a screen reader or a copy from the page gets it: blocks on their own lines. */
function screenText(html: string): string {
  const host = dom.window.document.createElement('div');
  host.innerHTML = html;
  const blocks = 'P, DIV, H1, H2, H3, H4, H5, H6, BLOCKQUOTE, TR, LI';
  host.querySelectorAll(blocks).forEach((el) => el.append(dom.window.document.createTextNode('\n')));
  host.querySelectorAll('TD, TH').forEach((el) => el.append(dom.window.document.createTextNode('\t')));
  return (host.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}

async function wordOf(narrative: string): Promise<{ paragraphs: string[]; xml: string; targets: string[]; doc: Document }> {
  const updates = sampleData.objectiveUpdates.map((u) => (u.objectiveId === 1 && u.periodId === '2021-22-Q4' ? { ...u, narrative } : u));
  const model = buildReportModel({ ...sampleData, updates }, { kind: 'quarterly', periodId: '2021-22-Q4', serviceId: sampleData.objectives.find((o) => o.id === 1)?.serviceId, generatedOn: '2022-03-10T09:00:00Z' });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(buildReportDocument(model, { richText })));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const doc = new dom.window.DOMParser().parseFromString(xml, 'application/xml');
  const paragraphs = Array.from(doc.getElementsByTagName('w:p')).map((p) => Array.from(p.getElementsByTagName('w:t')).map((t) => t.textContent ?? '').join(''));
  const targets = Array.from(rels.matchAll(/Target="([^"]*)"\s+TargetMode="External"/g)).map((m) => m[1].replace(/&amp;/g, '&'));
  return { paragraphs, xml, targets, doc };
}

describe('a formatted committee paragraph through save, screen and Word', () => {
  const saved = sanitise(PARAGRAPH);

  it('is saved with its headings, table, blockquote, div lines, u/s/sup/sub and http/https/mailto links', () => {
    for (const kept of ['<h2>Heading two</h2>', '<h3>Heading three</h3>', '<div>Line one</div>', '<blockquote>', '<table>', '<th>Council</th>', '<td>£8,500</td>', '<sup>2</sup>', '<sub>2</sub>', '<u>agreed</u>', '<s>withdrawn</s>']) {
      expect(saved).toContain(kept);
    }
    expect(saved).toContain('href="http://legacy.example.gov.uk/minutes"');
    expect(saved).toContain('href="https://www.chorley.gov.uk/report"');
    expect(saved).toContain('href="mailto:clerk@chorley.example.gov.uk"');
    expect(saved).not.toMatch(/javascript:|data:/i);
    // Saving again (on render) changes nothing.
    expect(sanitise(saved)).toBe(saved);
    // An import keeps exactly what the form keeps.
    expect(createCellSanitiser(window).html(PARAGRAPH)).toBe(saved);
  });

  it('shows on screen with every block on its own line and no words run together', () => {
    const text = screenText(saved);
    expect(text.split('\n')).toEqual([
      'Heading two',
      'Heading three',
      'Line one',
      'Line two',
      'Savings of x2 and H2O, agreed and withdrawn items.',
      'The committee noted the report.',
      'Council Saving',
      'Chorley £17,000',
      'South Ribble £8,500',
      'See the minutes, the report or the clerk; not this or that.',
      'Pasted section Another section'
    ]);
  });

  it('reaches the Word paper with the same paragraphs, a real table, formatting and safe hyperlinks only', async () => {
    const word = await wordOf(saved);
    for (const line of ['Heading two', 'Heading three', 'Line one', 'Line two', 'Savings of x2 and H2O, agreed and withdrawn items.', 'The committee noted the report.', 'See the minutes, the report or the clerk; not this or that.', 'Pasted section Another section']) {
      expect(word.paragraphs).toContain(line);
    }
    // No two blocks glued together.
    expect(word.paragraphs.join('\n')).not.toMatch(/twoHeading|oneLine|sectionAnother/);
    // The table is a Word table nested in the progress cell, with its header row.
    expect(word.paragraphs).toEqual(expect.arrayContaining(['Council', 'Saving', 'Chorley', '£17,000', 'South Ribble', '£8,500']));
    expect((word.xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(1);
    expect(word.xml).toMatch(/<w:vertAlign w:val="superscript"\/>/);
    expect(word.xml).toMatch(/<w:vertAlign w:val="subscript"\/>/);
    expect(word.xml).toMatch(/<w:strike\/>|<w:strike w:val="true"\/>/);
    expect(word.xml).toMatch(/<w:ind w:left="720"\/>/);
    expect(word.targets).toEqual(expect.arrayContaining(['http://legacy.example.gov.uk/minutes', 'https://www.chorley.gov.uk/report', 'mailto:clerk@chorley.example.gov.uk']));
    expect(word.targets.filter((t) => !/^(https?:\/\/|mailto:)/i.test(t))).toEqual([]);
  });

  it('keeps each row of the pasted table on one page and repeats its header row, like the paper\'s own tables', async () => {
    const { doc } = await wordOf(saved);
    const text = (el: Element): string => Array.from(el.getElementsByTagName('w:t')).map((t) => t.textContent ?? '').join('');
    // The pasted table is the innermost table holding the councils' savings.
    const pasted = Array.from(doc.getElementsByTagName('w:tbl')).filter((t) => text(t).includes('Chorley£17,000') && t.getElementsByTagName('w:tbl').length === 0);
    expect(pasted).toHaveLength(1);
    const rows = Array.from(pasted[0].getElementsByTagName('w:tr'));
    expect(rows.map(text)).toEqual(['CouncilSaving', 'Chorley£17,000', 'South Ribble£8,500']);
    // On/off properties (ISO 29500 CT_OnOff): on when present without w:val="false" or "0".
    const on = (row: Element, name: string): boolean => Array.from(row.getElementsByTagName(name)).some((e) => !/^(false|0|off)$/.test(e.getAttribute('w:val') ?? 'true'));
    expect(rows.map((r) => on(r, 'w:cantSplit'))).toEqual([true, true, true]);
    expect(rows.map((r) => on(r, 'w:tblHeader'))).toEqual([true, false, false]);
  });

  it('keeps hostile links out of the paper even when the narrative was never saved through the form', async () => {
    const word = await wordOf('<p><a href="java&#x09;script:alert(1)">a</a> <a href="DATA:text/html,x">b</a> <a href="vbscript:x">c</a> <a href="https://ok.example/">ok</a></p>');
    expect(word.targets.filter((t) => !/^(https?:\/\/|mailto:)/i.test(t))).toEqual([]);
    expect(word.targets).toContain('https://ok.example/');
  });
});
