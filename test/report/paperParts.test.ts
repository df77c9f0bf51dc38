/** @jest-environment jsdom */
/**
 * Parts of the committee paper: settings and the clerk's narrative, the figures and their alt
 * text, column widths from content, every row kept whole, and the Graph PDF conversion.
 */
import JSZip from 'jszip';
import { Packer } from 'docx';
import { buildReportModel, cleanNarrative, completeSettings, DEFAULT_REPORT_SETTINGS, orderCouncils } from '../../src/domain/report';
import { buildReportDocument, createRichTextConverter, RichTextWindow } from '../../src/reports';
import { columnWidths } from '../../src/reports/docx';
import { paperFigures } from '../../src/reports/figures';
import { graphPdfConverter, PdfConversionError } from '../../src/reports/pdf';
import { sanitiseRichText } from '../../src/components/sanitise';
import { sampleData } from '../../local/sample-data';
import { fixture } from './fixtures';
import { listReportSettings, settingsFromItem } from '../../src/data/reportSettings';
import { ListMissingError } from '../../src/data/errors';
import type { Client } from '@microsoft/microsoft-graph-client';
import { TextDecoder, TextEncoder } from 'util';

// Browsers have TextEncoder (docx zips with it); jest's jsdom environment does not expose it.
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });
// The page's window (jsdom's here), as the web part uses the browser's.
const richText = createRichTextConverter(window as unknown as RichTextWindow);

const model = (over: Partial<Parameters<typeof buildReportModel>[1]> = {}): ReturnType<typeof buildReportModel> =>
  buildReportModel({ ...sampleData, updates: sampleData.objectiveUpdates }, { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z', ...over });

async function documentXml(m: ReturnType<typeof model>, figures = {}): Promise<{ raw: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(buildReportDocument(m, { richText, figures })));
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml');
  return { raw: await file.async('string'), zip };
}

describe('paper settings and narrative', () => {
  it('fills blank settings from the defaults and keeps the councils order given', () => {
    const s = completeSettings({ committeeName: '  ', author: 'Chief Executive', councils: ['South Ribble Borough Council', ''] });
    expect(s.committeeName).toBe(DEFAULT_REPORT_SETTINGS.committeeName);
    expect(s.author).toBe('Chief Executive');
    expect(s.councils).toEqual(['South Ribble Borough Council']);
    expect(orderCouncils(['Chorley Council', 'South Ribble Borough Council', 'Melton'], ['south ribble borough council'])).toEqual([
      'South Ribble Borough Council',
      'Chorley Council',
      'Melton'
    ]);
  });

  it('reads the settings list: the first item, councils one a line, defaults for the rest or without the list', async () => {
    const item = { id: 4, etag: '', title: 'Settings', councils: 'South Ribble Borough Council\r\n\nChorley Council', author: ' ', contact: 'Clerk, clerk@example.gov.uk' };
    const s = await listReportSettings({ getAll: async () => [{ ...item, id: 9, contact: 'Later item' }, item] }).get();
    expect(s.councils).toEqual(['South Ribble Borough Council', 'Chorley Council']);
    expect(s.contact).toBe('Clerk, clerk@example.gov.uk');
    expect(s.author).toBe(DEFAULT_REPORT_SETTINGS.author);
    const missing = await listReportSettings({
      getAll: async () => {
        throw new ListMissingError({ operation: 'read', list: 'reportSettings' });
      }
    }).get();
    expect(missing).toEqual(settingsFromItem(undefined));
    await expect(listReportSettings({ getAll: async () => Promise.reject(new Error('network down')) }).get()).rejects.toThrow('network down');
  });

  it('sanitises the clerk text and drops empty fields', () => {
    const clean = cleanNarrative({ purpose: '<p>Our purpose<script>alert(1)</script></p><img src=x onerror=alert(2)>', recommendations: '<p> </p>' }, sanitiseRichText);
    expect(clean.purpose).toBe('<p>Our purpose</p>');
    expect(clean).not.toHaveProperty('recommendations');
  });

  it('puts the settings and the clerk text in the paper, numbered with its paragraphs', async () => {
    const m = model({
      settings: { committeeName: 'Joint Shared Services Committee', financeOfficerComments: '<p>The finance officer has no further comments.</p>' },
      narrative: { purpose: '<p>The clerk wrote this purpose.</p>', recommendations: '<p>To note the report.</p><p>To approve the forward plan.</p>' }
    });
    expect(m.settings?.committeeName).toBe('Joint Shared Services Committee');
    const { raw } = await documentXml(m);
    expect(raw).toContain('Report to the Joint Shared Services Committee');
    expect(raw).toContain('The clerk wrote this purpose.');
    expect(raw).toContain('To approve the forward plan.');
    expect(raw).toContain('The finance officer has no further comments.');
    expect(raw).not.toContain('This report provides the quarterly update');
  });
});

describe('paper layout', () => {
  it('never lets a row split across pages, and repeats header rows', async () => {
    const { raw } = await documentXml(model());
    const rows = raw.match(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => !r.includes('<w:cantSplit/>'))).toEqual([]);
    expect(raw.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThan(10);
    // Services flow: the only page breaks are before the appendix that starts the detail.
    expect(raw.match(/<w:pageBreakBefore\/>/g)?.length).toBe(1);
  });

  it('gives every column room for its longest word', () => {
    const cell = (measure: string): { content: string; measure: string } => ({ content: measure, measure });
    const widths = columnWidths(['Service', 'Narrative'], [[cell('Transformation'), cell('a '.repeat(400))]], [1, 4], 9638);
    // "Transformation" at 9.5pt needs about 1,500 twips with the cell margins.
    expect(widths[0]).toBeGreaterThanOrEqual(1480);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9638);
  });
});

describe('paper figures', () => {
  it('draws the status summary and the heat map with alt text that gives the numbers', () => {
    const figures = paperFigures(model());
    expect(figures.map((f) => f.key)).toEqual(['objectiveStatus', 'riskHeatMap']);
    const [status, heat] = figures;
    expect(status.svg.startsWith('<svg')).toBe(true);
    expect(status.description).toMatch(/^Bar chart of the \d+ service development objectives: /);
    expect(heat.description).toMatch(/open risks by residual likelihood/);
    expect(heat.description).toMatch(/with likelihood \d and impact \d/);
  });

  it('places each figure as a picture with its alt text', async () => {
    const m = model();
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137]);
    const { raw, zip } = await documentXml(m, { objectiveStatus: png, riskHeatMap: png });
    const descriptions = [...raw.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((x) => x[1]);
    expect(descriptions).toHaveLength(2);
    expect(descriptions.every((d) => d.length > 40)).toBe(true);
    // The same bytes twice are stored once.
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('objectives trend', () => {
  /** Text of the rows of the table titled `caption`, one string a row, cells joined by " | ". */
  const tableRows = (raw: string, caption: string): string[] => {
    const table = raw.split('<w:tbl>').find((t) => t.indexOf(`<w:tblCaption w:val="${caption}"/>`) >= 0);
    if (!table) return [];
    return table
      .split('</w:tr>')
      .slice(0, -1)
      .map((tr) => tr.split('</w:tc>').slice(0, -1).map((tc) => [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')).join(' | '));
  };

  it('shows the RAG ratings and statuses of the last four quarters in the quarterly and annual papers', async () => {
    const m = model();
    expect(m.trend).toHaveLength(4);
    const rows = tableRows((await documentXml(m)).raw, 'Objectives by RAG rating and status over the last four quarters');
    expect(rows[0]).toBe('Quarter | RAG rating | Status | Not reported');
    expect(rows.slice(1).map((r) => r.split(' | ')[0])).toEqual(['Q1 2021/22', 'Q2 2021/22', 'Q3 2021/22', 'Q4 2021/22']);
    // The counts in words, as the model has them.
    const q4 = m.trend?.[3];
    const green = q4?.ragCounts.Green ?? 0;
    expect(green).toBeGreaterThan(0);
    expect(rows[4]).toContain(`${green} green`);
    expect(rows[4].split(' | ')[3]).toBe(String(q4?.notReported));
    const annual = await documentXml(model({ kind: 'annual' }));
    expect(tableRows(annual.raw, 'Objectives by RAG rating and status over the last four quarters')).toHaveLength(5);
  });

  it('is left out of the highlight report and of snapshots published before the trend was kept', async () => {
    const highlight = await documentXml(model({ kind: 'highlight' }));
    expect(highlight.raw).not.toContain('over the last four quarters');
    const older = await documentXml({ ...model(), trend: undefined });
    expect(older.raw).not.toContain('over the last four quarters');
    expect(older.raw).toContain('Savings realised to date total');
  });
});

describe('PDF through Microsoft Graph', () => {
  /** A fake Graph client recording the calls it gets. */
  function fakeClient(answers: { put?: unknown; get?: ArrayBuffer; fail?: 'put' | 'get' }): { client: Client; calls: Array<{ method: string; path: string; query?: Record<string, string> }> } {
    const calls: Array<{ method: string; path: string; query?: Record<string, string> }> = [];
    const client = {
      api(path: string) {
        const call: { method: string; path: string; query?: Record<string, string> } = { method: '', path };
        const req = {
          header: () => req,
          query: (q: Record<string, string>) => {
            call.query = q;
            return req;
          },
          responseType: () => req,
          put: async () => {
            calls.push({ ...call, method: 'PUT' });
            if (answers.fail === 'put') throw new Error('Access denied');
            return answers.put;
          },
          get: async () => {
            calls.push({ ...call, method: 'GET' });
            if (answers.fail === 'get') throw new Error('Conversion not supported');
            return answers.get;
          }
        };
        return req;
      }
    };
    return { client: client as unknown as Client, calls };
  }

  it('uploads the Word file to the library, then reads it back as PDF', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7').buffer as ArrayBuffer;
    const { client, calls } = fakeClient({ put: { id: 'item-1' }, get: pdf });
    const out = await graphPdfConverter(client, { driveId: 'drive-9', folder: '2021-22' }).toPdf(new Uint8Array([1, 2]), 'Paper Q4.docx');
    expect(new TextDecoder().decode(out)).toBe('%PDF-1.7');
    expect(calls).toEqual([
      { method: 'PUT', path: '/drives/drive-9/root:/2021-22/Paper%20Q4.docx:/content' },
      { method: 'GET', path: '/drives/drive-9/items/item-1/content', query: { format: 'pdf' } }
    ]);
  });

  it('says which step failed', async () => {
    await expect(graphPdfConverter(fakeClient({ fail: 'put' }).client, { driveId: 'd' }).toPdf(new Uint8Array(), 'a.docx')).rejects.toThrow(
      /could not be uploaded to the Committee papers library: Access denied/
    );
    await expect(graphPdfConverter(fakeClient({ put: { id: 'x' }, fail: 'get' }).client, { driveId: 'd' }).toPdf(new Uint8Array(), 'a.docx')).rejects.toBeInstanceOf(
      PdfConversionError
    );
  });
});

describe('paper wording', () => {
  it('says one objective and one change in the singular', async () => {
    // Legal Services has one objective, whose RAG went from amber to red in the fourth quarter.
    const m = buildReportModel(fixture(), { kind: 'quarterly', periodId: '2021-22-Q4', serviceId: 2, generatedOn: '2022-03-10T09:00:00Z' });
    const text = [...(await documentXml(m)).raw.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
    expect(text).toContain('There is 1 service development objective across 1 service: 1 ongoing.');
    expect(text).toContain('1 objective changed status or RAG rating since Q3 2021/22; the change is set out in appendix A.');
  });

  it('says several in the plural', async () => {
    const m = buildReportModel(fixture(), { kind: 'quarterly', periodId: '2021-22-Q4', generatedOn: '2022-03-10T09:00:00Z' });
    const text = [...(await documentXml(m)).raw.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
    expect(text).toMatch(/There are 4 service development objectives across 2 services: /);
    expect(text).toMatch(/\d objectives changed status or RAG rating since Q3 2021\/22; the changes are set out for each service in appendix A\./);
  });
});
