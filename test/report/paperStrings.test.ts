/**
 * Every word the committee paper and the reminder email write themselves comes from the string
 * resource (src/loc), so it exists once and in UK English. The resource is replaced here by one
 * whose every string is wrapped in ⟦ ⟧; what is left of the text once the wrapped parts are taken
 * out must be data from the lists (titles, names, narratives, figures, dates), never a sentence
 * written in the code.
 */
// Before the imports (jest hoists it anyway), so the renderers read the wrapped strings.
// The words only the on-demand paper and email use live in src/loc/lazy: they are wrapped too.
jest.mock('SsmStrings', () => {
  const real = jest.requireActual('SsmStrings') as Record<string, unknown>;
  const wrap = (value: unknown): unknown =>
    typeof value === 'string'
      ? `⟦${value}⟧`
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, wrap(v)]))
        : value;
  return wrap(real);
});
jest.mock('../../src/loc/lazy', () => {
  const real = jest.requireActual('../../src/loc/lazy') as typeof import('../../src/loc/lazy');
  const wrapped = Object.fromEntries(Object.entries(real.lazyStrings).map(([k, v]) => [k, `⟦${v}⟧`]));
  return { ...real, lazyStrings: wrapped, lazyStringsFor: () => wrapped };
});

import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { Packer } from 'docx';
import { buildReportModel, REPORT_KINDS } from '../../src/domain/report';
import type { ReportData, ReportKind, ReportModel } from '../../src/domain/report';
import { buildReportDocument, createRichTextConverter, reportFileName, RichTextWindow } from '../../src/reports';
import { paperFigures } from '../../src/reports/figures';
import type { FigureImages } from '../../src/reports/figures';
import { renderReminderEmail } from '../../src/reminders';
import type { OfficerReminder } from '../../src/domain/reminders';
import { periodById } from '../../src/domain/calendar';
import { sampleData } from '../../local/sample-data';
import { fixture } from './fixtures';

const dom = new JSDOM('');
afterAll(() => dom.window.close());
const richText = createRichTextConverter(dom.window as unknown as RichTextWindow);

const LONG_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/gi;
const MONTH_YEAR = /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/gi;

/** Plain text of HTML, entities decoded. */
function plain(html: string): string {
  const t = dom.window.document.createElement('textarea');
  t.innerHTML = html.replace(/<[^>]*>/g, ' ');
  return t.value;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Every string value of the model, as plain text: what the paper may show without a loc string. */
function dataOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(norm(plain(value)));
  else if (Array.isArray(value)) for (const v of value) dataOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dataOf(v, out);
  return out;
}

/** Text without numbers, money and dates (the paper writes them its own way), trimmed of punctuation. */
function words(text: string): string {
  const s = text
    .replace(LONG_DATE, ' ')
    .replace(MONTH_YEAR, ' ')
    .replace(/£?-?\d[\d,.]*%?/g, ' ');
  return norm(s).replace(/^[\s,.;:()–-]+|[\s,.;:()–-]+$/g, '');
}

/** What is left of `text` once the wrapped (loc) parts are taken out. */
function unwrapped(text: string): string[] {
  let s = text;
  // Innermost first: a loc string can carry another in its placeholders.
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(/⟦[^⟦⟧]*⟧/g, '\u0000');
  }
  // A loc string of two lines is two paragraphs of a cell: each holds one end of it.
  s = s.replace(/⟦[^⟦⟧]*$/, '\u0000').replace(/^[^⟦⟧]*⟧/, '\u0000');
  return s
    .split('\u0000')
    .map(words)
    .filter((part) => part !== '');
}

/** Parts of `texts` that are neither loc strings nor data of the model. */
function written(texts: readonly string[], data: readonly string[]): string[] {
  const haystack = data.map(words).join('\n');
  return texts.flatMap(unwrapped).filter((part) => haystack.indexOf(part) < 0);
}

async function paperTexts(model: ReportModel): Promise<string[]> {
  const figures: FigureImages = {};
  for (const f of paperFigures(model)) figures[f.key] = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const zip = await JSZip.loadAsync(await Packer.toBuffer(buildReportDocument(model, { richText, figures })));
  const texts: string[] = [];
  for (const name of Object.keys(zip.files).filter((f) => /^(word\/(document|footer\d+)|docProps\/core)\.xml$/.test(f))) {
    const xml = new dom.window.DOMParser().parseFromString(await zip.file(name)!.async('string'), 'application/xml');
    for (const p of Array.from(xml.getElementsByTagName('w:p'))) texts.push(Array.from(p.getElementsByTagName('w:t')).map((t) => t.textContent ?? '').join(''));
    // Alt text of pictures and tables, and the document's properties.
    for (const d of Array.from(xml.getElementsByTagName('wp:docPr'))) texts.push(d.getAttribute('descr') ?? '', d.getAttribute('title') ?? '');
    for (const tag of ['w:tblCaption', 'w:tblDescription']) for (const c of Array.from(xml.getElementsByTagName(tag))) texts.push(c.getAttribute('w:val') ?? '');
    for (const tag of ['dc:description']) for (const c of Array.from(xml.getElementsByTagName(tag))) texts.push(c.textContent ?? '');
  }
  return texts;
}

const sample = (): ReportData => ({ ...sampleData, updates: sampleData.objectiveUpdates, actions: sampleData.objectiveActions });
const empty = (): ReportData => ({ services: [], objectives: [], updates: [], benefits: [], risks: [], measures: [], highlights: [] });

const CASES: ReadonlyArray<{ name: string; data: () => ReportData; kind: ReportKind; periodId: string; serviceId?: number }> = REPORT_KINDS.flatMap((kind) => [
  { name: `${kind}, sample data`, data: sample, kind, periodId: '2021-22-Q4' },
  { name: `${kind}, sample data, one service`, data: sample, kind, periodId: '2021-22-Q3', serviceId: 1 },
  { name: `${kind}, two services`, data: fixture, kind, periodId: '2021-22-Q4' },
  { name: `${kind}, nothing recorded`, data: empty, kind, periodId: '2021-22-Q4' }
]);

describe('the committee paper', () => {
  it('has its wrapped strings in view, so the check below is not empty', async () => {
    const model = buildReportModel(sample(), { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z' });
    const texts = await paperTexts(model);
    expect(texts.filter((t) => t.indexOf('⟦') >= 0).length).toBeGreaterThan(100);
    expect(reportFileName(model)).toMatch(/^⟦Shared-Services-Quarterly-Performance-Report⟧-Q4-2021-22\.docx$/);
  });

  it.each(CASES)('writes only loc strings and data: $name', async ({ data, kind, periodId, serviceId }) => {
    const model = buildReportModel(data(), { kind, periodId, serviceId, generatedOn: '2022-03-10T09:00:00Z' });
    expect(written(await paperTexts(model), dataOf(model))).toEqual([]);
  });
});

describe('the reminder email', () => {
  it('writes only loc strings and data', () => {
    const period = periodById('2021-22-Q4');
    const officer: OfficerReminder = {
      email: 'officer@example.gov.uk',
      displayName: 'Ruth Calloway',
      objectives: [{ id: 7, title: 'Shared debt recovery policy', serviceId: 1 }],
      risks: [{ id: 8, title: '', reviewDate: '2022-03-01', serviceId: 1 }],
      measures: [{ id: 9, title: 'Days to process new claims', serviceId: 2 }],
      surveys: [{ serviceId: 1, title: 'Revenues and Benefits' }],
      cc: []
    };
    const data = [officer.displayName, officer.email, 'Revenues and Benefits', 'Legal', ...officer.objectives.map((o) => o.title), ...officer.measures.map((m) => m.title), period.label].map(norm);
    for (const round of [{ round: 1, startsOn: '2022-02-24', escalation: false }, { round: 4, startsOn: '2022-03-17', escalation: true }]) {
      const mail = renderReminderEmail(officer, { period, round }, { siteUrl: 'https://contoso.sharepoint.com/sites/ssm' }, (id) =>
        id === 1 ? 'Revenues and Benefits' : id === 2 ? 'Legal' : undefined
      );
      const paragraphs = mail.html.split(/<\/(?:p|h3|li)>/).map(plain);
      expect(paragraphs.join(' ')).toContain('⟦');
      expect(written([mail.subject, ...paragraphs], data)).toEqual([]);
    }
  });
});
