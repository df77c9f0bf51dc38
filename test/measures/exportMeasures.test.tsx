/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * "Export to Excel" of the measures tab: the measures of the service chosen, each quarter headed by
 * its label, the service filter named. (Node export conditions, so exceljs loads its Node build.)
 */
import * as React from 'react';
import { readWorkbook } from '../support/workbookDownload';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import type { Measure, Service } from '../../src/domain/types';
import { MeasuresTracker } from '../../src/webparts/objectivesTracker/components/MeasuresTracker';
import { fakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const TODAY = '2022-06-05';
const SERVICES: Service[] = [
  { id: 1, etag: '"1"', name: 'Customer Services', phase: 'Phase 2', partnerCouncils: ['Chorley Council'] },
  { id: 2, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council'] }
];
const measure = (id: number, serviceId: number, title: string): Measure => ({ id, etag: '"1"', title, serviceId, unit: '%', target: 80, direction: 'Higher is better', actuals: {} });

it('exports the measures of the service chosen, naming the filter and each quarter', async () => {
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      blobs.push(b);
      return 'blob:measures';
    },
    revokeObjectURL: () => undefined
  });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  try {
    const repositories = fakeRepositories({
      services: SERVICES,
      measures: [measure(1, 1, 'Calls answered within 60 seconds'), measure(2, 2, 'Availability of core systems')],
      measureActuals: [{ id: 1, etag: '"1"', measureId: 1, periodId: '2021-22-Q4', value: 72, comment: '' }]
    });
    render(
      <AppShell repositories={repositories}>
        <MeasuresTracker today={TODAY} />
      </AppShell>
    );
    await screen.findByText('Calls answered within 60 seconds');
    const label = screen.getByText(strings.FilterServiceLabel, { selector: 'label' });
    fireEvent.click(document.getElementById(label.id.replace(/-label$/, '')) as HTMLElement);
    fireEvent.click((await screen.findByText('Customer Services', { selector: '.ms-Dropdown-optionText' })).closest('button') as HTMLElement);
    await screen.findByText('Calls answered within 60 seconds');
    await act(async () => {
      fireEvent.click(screen.getByText(strings.ExportExcel));
    });
    await screen.findByText(`Downloaded Shared-Services-Measures-${TODAY}.xlsx.`, undefined, { timeout: 20000 });
    const wb = await readWorkbook(blobs[0]);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterServiceLabel}: Customer Services`);
    const headers: string[] = [];
    ws.getRow(4).eachCell((c) => headers.push(String(c.value)));
    expect(headers).toContain('Q4 2021/22');
    expect(headers.some((h) => /\d{4}-\d{2}-Q\d/.test(h))).toBe(false);
    expect(ws.getRow(5).getCell(1).value).toBe('Calls answered within 60 seconds');
    expect(ws.getRow(5).getCell(headers.indexOf('Q4 2021/22') + 1).value).toMatch(/^72 % \(/);
    expect(ws.getRow(6).getCell(1).value).toBeNull();
  } finally {
    click.mockRestore();
  }
});
