/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import * as strings from 'SsmStrings';
import type { ReportModel } from '../../src/domain/report/model';
import { TextDecoder, TextEncoder } from 'util';
import { renderReport } from './fixtures';

// Browsers have TextEncoder (docx zips with it); jest's jsdom environment does not expose it.
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });

// Wrap the real renderer so the test sees it called and still gets a real document.
jest.mock('../../src/reports', () => {
  const actual = jest.requireActual('../../src/reports');
  return { ...actual, buildReportDocument: jest.fn(actual.buildReportDocument) };
});
// eslint-disable-next-line @typescript-eslint/no-var-requires
const reports = require('../../src/reports') as { buildReportDocument: jest.Mock };

describe('Download for committee', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:report');
  const revokeObjectURL = jest.fn();
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    // jsdom has no object URLs and does not navigate on click.
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    clicked = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('renders the shown report to Word and saves it under the report’s file name', async () => {
    renderReport();
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('button', { name: strings.ReportDownload }));

    await screen.findByText('Downloaded Shared-Services-Highlight-Report-Q4-2021-22.docx.', undefined, { timeout: 20000 });
    expect(reports.buildReportDocument).toHaveBeenCalledTimes(1);
    const [model, options] = reports.buildReportDocument.mock.calls[0] as [ReportModel, { richText: (html: string) => unknown[] }];
    expect(model.title).toBe('Shared Services Highlight Report, Q4 2021/22');
    expect(model.services.map((s) => s.name)).toEqual(['Governance', 'Transformation and Partnerships']);
    // The rich-text helper turns the narratives' HTML into Word paragraphs.
    expect(options.richText('<p>One</p><p>Two</p>')).toHaveLength(2);

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.size).toBeGreaterThan(1000);
    // A .docx is a zip: "PK" first.
    const head = await new Promise<Uint8Array>((resolve, reject) => {
      // jsdom's Blob has no arrayBuffer(); FileReader reads it as a browser would.
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blob.slice(0, 2));
    });
    expect(String.fromCharCode(head[0], head[1])).toBe('PK');

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('Shared-Services-Highlight-Report-Q4-2021-22.docx');
    expect(clicked[0].getAttribute('href')).toBe('blob:report');
    // The temporary link does not stay in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('names the file after the report kind and service chosen', async () => {
    renderReport();
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${strings.ReportKindLabel} `) }));
    fireEvent.click(await screen.findByRole('option', { name: strings.ReportKindAnnual }));
    fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${strings.ReportServiceLabel} `) }));
    fireEvent.click(await screen.findByRole('option', { name: 'Governance' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Transformation and Partnerships' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: strings.ReportDownload }));
    await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 20000 });
    expect(clicked[0].download).toBe('Shared-Services-Annual-Review-Q4-2021-22-Governance.docx');
  });

  it('shows a failure in the error bar', async () => {
    createObjectURL.mockImplementationOnce(() => {
      throw new Error('Saving files is blocked here');
    });
    renderReport();
    await screen.findByRole('region', { name: 'Governance' });
    fireEvent.click(screen.getByRole('button', { name: strings.ReportDownload }));
    expect(await screen.findByText(/Saving files is blocked here/, undefined, { timeout: 20000 })).toBeTruthy();
    expect(clicked).toHaveLength(0);
  });
});
