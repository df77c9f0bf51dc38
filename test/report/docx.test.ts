/**
 * The Word export: generates real .docx files, unzips them with jszip and reads
 * word/document.xml to check headings, table header rows, objectives, statuses, benefit
 * categories, A4 pages, and that script from a rich-text field never reaches the document.
 */
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { Packer } from 'docx';
import { buildReportModel, ReportKind } from '../../src/domain/report';
import { buildReportDocument, createRichTextConverter, reportFileName, RichTextWindow } from '../../src/reports';
import { sampleData } from '../../local/sample-data';
import type { ReportData } from '../../src/domain/report';

const dom = new JSDOM('');
afterAll(() => dom.window.close());
const richText = createRichTextConverter(dom.window as unknown as RichTextWindow);

/** The sample data, with hostile markup in one objective's aim and update. */
function data(): ReportData {
  const objectives = sampleData.objectives.map((o) =>
    o.id === 1 ? { ...o, aim: '<p>Safe aim<script>alert("aim")</script></p><img src=x onerror="alert(1)"><ul><li>First point</li><li>Second point</li></ul>' } : o
  );
  const updates = sampleData.objectiveUpdates.map((u) =>
    u.objectiveId === 1 && u.periodId === '2021-22-Q4' ? { ...u, narrative: `${u.narrative}<script>document.title="pwned"</script><a href="javascript:alert(2)">bad link</a>` } : u
  );
  return { ...sampleData, objectives, updates, actions: sampleData.objectiveActions };
}

interface Parsed {
  xml: Document;
  text: string;
  raw: string;
}

async function render(kind: ReportKind, serviceId?: number): Promise<Parsed> {
  const model = buildReportModel(data(), { kind, periodId: '2021-22-Q4', serviceId, generatedOn: '2022-03-10T09:00:00Z' });
  const buffer = await Packer.toBuffer(buildReportDocument(model, { richText }));
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  const raw = await file.async('string');
  const xml = new dom.window.DOMParser().parseFromString(raw, 'application/xml');
  return { xml, raw, text: textOf(xml.documentElement) };
}

function textOf(el: Element): string {
  return Array.from(el.getElementsByTagName('w:t')).map((t) => t.textContent ?? '').join('');
}

function paragraphsWithStyle(doc: Document, style: string): string[] {
  return Array.from(doc.getElementsByTagName('w:p'))
    .filter((p) => Array.from(p.getElementsByTagName('w:pStyle')).some((s) => s.getAttribute('w:val') === style))
    .map(textOf);
}

/** Text of each header cell of each table whose first row is marked as a header row. */
function headerRows(doc: Document): string[][] {
  return Array.from(doc.getElementsByTagName('w:tr'))
    .filter((tr) => tr.getElementsByTagName('w:tblHeader').length > 0)
    .map((tr) => Array.from(tr.getElementsByTagName('w:tc')).map(textOf));
}

describe('action plans in the quarterly paper', () => {
  it('lists each objective’s actions after its progress update, with timescale, owner and status', async () => {
    const { text } = await render('quarterly');
    expect(text).toContain('Action plan:Procure the shared HR system (iTrent) (Autumn 2021, Owen Pemberton, Complete)Go live with payroll functionality (April 2022, Owen Pemberton, In progress)');
  });
});

describe('Word export of the quarterly performance report', () => {
  let doc: Parsed;
  beforeAll(async () => {
    doc = await render('quarterly');
  });

  it('has the title, the committee paper headings and a section per service', () => {
    expect(paragraphsWithStyle(doc.xml, 'Title')).toEqual(['Shared Services Quarterly Performance Report, Q4 2021/22']);
    const h1 = paragraphsWithStyle(doc.xml, 'Heading1');
    // The councils' own report shape, in order, then the appendices.
    expect(h1).toEqual([
      'Purpose of the report',
      'Recommendations',
      'Reasons for recommendations',
      'Background to the report',
      'Summary',
      'Risk summary',
      'Climate change and air quality',
      'Risk',
      'Comments of the Statutory Finance Officer',
      'Comments of the Monitoring Officer',
      'Appendices',
      'Appendix A – Service performance',
      'Appendix B – Benefits tracker'
    ]);
    const h2 = paragraphsWithStyle(doc.xml, 'Heading2');
    for (const s of sampleData.services) expect(h2).toContain(s.name);
    const h3 = paragraphsWithStyle(doc.xml, 'Heading3');
    expect(h3).toEqual(expect.arrayContaining(['General update', 'Service development objectives', 'Changes since Q3 2021/22', 'Performance against business plan measures', 'Risks']));
  });

  it('has real header rows with the reference report column titles', () => {
    const headers = headerRows(doc.xml);
    expect(headers).toContainEqual(['Description of the objective', 'What does the objective aim to achieve', 'Progress update Q4 2021/22', 'Status']);
    expect(headers).toContainEqual(['Benefit', 'Original position', 'What will the benefit achieve?', 'When will the benefit be delivered?', 'Benefits realised']);
    expect(headers).toContainEqual(['Council', 'Savings planned', 'Savings realised to date']);
    expect(headers.some((h) => h[0] === 'Risk' && h.includes('Residual score'))).toBe(true);
  });

  it('lists the objectives with their statuses and the benefit categories', () => {
    expect(doc.text).toContain('Deliver a shared HR operating model');
    expect(doc.text).toContain('Develop a shared performance management system');
    expect(doc.text).toMatch(/OngoingRAG: Green/);
    expect(doc.text).toMatch(/CompleteRAG: Green/);
    const h2 = paragraphsWithStyle(doc.xml, 'Heading2');
    for (const category of ['Financial savings', 'Resilience and capacity', 'Service development', 'Staff development']) expect(h2).toContain(category);
    // Savings for the three Revenues and Benefits councils appear by name.
    expect(doc.text).toContain('Hinckley and Bosworth Borough Council');
  });

  it('turns rich text into paragraphs and bullet lists, and never lets script through', () => {
    expect(doc.text).toContain('Safe aim');
    const bullets = Array.from(doc.xml.getElementsByTagName('w:p')).filter((p) => p.getElementsByTagName('w:numPr').length > 0).map(textOf);
    expect(bullets).toEqual(expect.arrayContaining(['First point', 'Second point']));
    expect(doc.raw).not.toMatch(/<script|alert\(|pwned|onerror|javascript:/i);
    // The link text is kept, without the dangerous link.
    expect(doc.text).toContain('bad link');
  });

  it('is A4 with a landscape section for the benefits tracker', () => {
    const sizes = Array.from(doc.xml.getElementsByTagName('w:pgSz')).map((s) => [s.getAttribute('w:w'), s.getAttribute('w:h'), s.getAttribute('w:orient')]);
    expect(sizes).toEqual([
      ['11906', '16838', 'portrait'],
      ['16838', '11906', 'landscape']
    ]);
  });
});

describe('Word export variants', () => {
  it('the highlight report has the general update and objectives but no benefits tracker', async () => {
    const doc = await render('highlight', 3);
    expect(paragraphsWithStyle(doc.xml, 'Title')).toEqual(['Shared Services Highlight Report, Q4 2021/22: Governance']);
    const h1 = paragraphsWithStyle(doc.xml, 'Heading1');
    expect(paragraphsWithStyle(doc.xml, 'Heading2')).toContain('Governance');
    expect(h1).not.toContain('Appendix B – Benefits tracker');
    expect(paragraphsWithStyle(doc.xml, 'Heading4')).toEqual(expect.arrayContaining(['Key points of action', 'Overview of activity']));
    expect(doc.text).toContain('Review of Shared Audit and Risk');
    expect(doc.text).not.toContain('Deliver a shared HR operating model');
  });

  it('the annual review has financial benefits by council and service and the year of measures', async () => {
    const doc = await render('annual');
    const h1 = paragraphsWithStyle(doc.xml, 'Heading1');
    expect(h1).toEqual(expect.arrayContaining(['Financial benefits', 'Appendix B – Benefits tracker', 'Risk summary', 'Appendix C – Best practice and lessons learned']));
    const headers = headerRows(doc.xml);
    expect(headers).toContainEqual(['Service', 'Savings planned', 'Savings realised to date']);
    expect(headers.some((h) => h.join('|').startsWith('Measure|Target|Q1|Q2|Q3|Q4'))).toBe(true);
    expect(paragraphsWithStyle(doc.xml, 'Heading3')).toContain('Areas of success and achievements');
  });

  it('names the file after the report', () => {
    const model = buildReportModel(data(), { kind: 'quarterly', periodId: '2021-22-Q3', serviceId: 3, generatedOn: '2022-03-10T09:00:00Z' });
    expect(reportFileName(model)).toBe('Shared-Services-Quarterly-Performance-Report-Q3-2021-22-Governance.docx');
  });
});
