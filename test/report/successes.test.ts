/**
 * The annual review's "Areas of success and achievements": the successes recorded for a service
 * in the financial year up to the period (as they existed then) are in the report model and
 * listed in the Word paper under that service.
 */
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { Packer } from 'docx';
import { buildReportModel, ReportData } from '../../src/domain/report';
import { compareReports } from '../../src/domain/report/compare';
import { buildReportDocument, createRichTextConverter, RichTextWindow } from '../../src/reports';
import { sampleData } from '../../local/sample-data';
import type { Success } from '../../src/domain/types';

const dom = new JSDOM('');
afterAll(() => dom.window.close());
const richText = createRichTextConverter(dom.window as unknown as RichTextWindow);

const extra = (id: number, title: string, achievedOn: string, created: string): Success => ({
  id,
  etag: '',
  title,
  serviceId: 1,
  category: 'Recognition',
  councils: ['Chorley Council'],
  achievedOn,
  achievement: '<p>Shortlisted for an award.</p>',
  created
});

function data(): ReportData {
  return {
    ...sampleData,
    updates: sampleData.objectiveUpdates,
    actions: sampleData.objectiveActions,
    successes: [
      ...(sampleData.successes ?? []),
      // Last year's success, and one recorded after the period closed: neither is in the 2021/22 review.
      extra(90, 'Award from last year', '2021-03-01', '2021-03-02T09:00:00Z'),
      extra(91, 'Recorded after the year end', '2022-03-20', '2022-04-20T09:00:00Z')
    ]
  };
}

const model = (periodId = '2021-22-Q4'): ReturnType<typeof buildReportModel> =>
  buildReportModel(data(), { kind: 'annual', periodId, generatedOn: '2022-03-31T09:00:00Z' });

describe('areas of success and achievements', () => {
  it('holds each service’s successes of the year as they existed at the period’s end, oldest first', () => {
    const transformation = model().services.find((s) => s.id === 1);
    expect(transformation?.successes?.map((s) => [s.title, s.achievedOn])).toEqual([
      ['Streamlined corporate support team', '2021-06-30'],
      ['Shared performance management framework completed', '2021-09-30']
    ]);
    // At the end of Q1 only the first had been achieved.
    expect(model('2021-22-Q1').services.find((s) => s.id === 1)?.successes?.map((s) => s.title)).toEqual(['Streamlined corporate support team']);
    const recorded = model().services.reduce((n, s) => n + (s.successes?.length ?? 0), 0);
    expect(recorded).toBe(sampleData.successes?.length);
  });

  it('lists them in the Word paper under the service, naming the councils that benefit', async () => {
    const buffer = await Packer.toBuffer(buildReportDocument(model(), { richText }));
    const zip = await JSZip.loadAsync(buffer);
    const raw = await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string');
    const xml = new dom.window.DOMParser().parseFromString(raw, 'application/xml');
    const text = Array.from(xml.getElementsByTagName('w:t')).map((t) => t.textContent ?? '').join('');
    expect(text).toContain('Successes recorded during 2021/22:');
    expect(text).toContain('Shared performance management framework completed (for South Ribble Borough Council)');
    expect(text).toContain('Streamlined corporate support team');
    expect(text).not.toContain('Award from last year');
    expect(text).not.toContain('Recorded after the year end');
    // A service with none says so.
    expect(text).toContain('No area of success was recorded for 2021/22.');
  });

  it('shows a success added or corrected between two published versions, under its service', () => {
    const older = model();
    const input = data();
    input.successes = (input.successes ?? []).map((x) => (x.title === 'Streamlined corporate support team' ? { ...x, achievement: '<p>Savings of £18k per council.</p>' } : x));
    const newer = buildReportModel(input, { kind: 'annual', periodId: '2021-22-Q4', generatedOn: '2022-04-01T09:00:00Z' });
    const changes = compareReports(older, newer).filter((c) => c.section === 'successes');
    expect(changes).toEqual([expect.objectContaining({ serviceName: 'Transformation and Partnerships', item: 'Streamlined corporate support team', change: 'changed' })]);
    expect(changes[0].after).toContain('£18k per council');
  });
});
