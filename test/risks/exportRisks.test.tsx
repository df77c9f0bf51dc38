/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * "Export to Excel" of the risk register: the risks listed, in order, with the words shown on
 * screen and the filters applied, read back with exceljs. (Node export conditions, so exceljs
 * loads its Node build under jsdom.)
 */
import * as React from 'react';
import { readWorkbook } from '../support/workbookDownload';
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import { setIconOptions } from '@fluentui/react';
import { AppShell } from '../../src/components/AppShell';
import { formatString } from '../../src/components/format';
import type { Risk, Service } from '../../src/domain/types';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { fakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

const TODAY = '2022-03-31';
const SERVICES: Service[] = [{ id: 4, etag: '"1"', name: 'ICT', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }];
const OWNER = { id: 13, displayName: 'Craig Holden', email: 'craig.holden@chorley.example.gov.uk' };

function risk(id: number, title: string, inherent: [number, number], residual: [number, number], extra: Partial<Risk> = {}): Risk {
  return { id, etag: `"${id}"`, title, causeEffect: '<p>Cause</p>', owner: OWNER, inherentLikelihood: inherent[0], inherentImpact: inherent[1], residualLikelihood: residual[0], residualImpact: residual[1], controls: '<ul><li>Monthly board</li></ul>', status: 'Open', ...extra };
}

function renderRegister(): void {
  const repositories = fakeRepositories({
    services: SERVICES,
    risks: [
      risk(1, 'Delays to ICT system migration', [4, 4], [4, 3], { serviceId: 4, reviewDate: '2022-03-18' }),
      risk(2, '=HYPERLINK("http://evil.example","Loss of key staff")', [4, 4], [3, 3], { reviewDate: '2022-06-30' }),
      risk(3, 'Old closed risk', [5, 5], [1, 1], { status: 'Closed' })
    ]
  });
  render(
    <AppShell repositories={repositories}>
      <RiskRegister today={TODAY} />
    </AppShell>
  );
}

const listed = (): string[] => Array.from(document.querySelectorAll('[role="row"] strong')).map((e) => e.textContent ?? '');

it('exports the risks listed to Excel with display values and the filters applied', async () => {
  const blobs: Blob[] = [];
  const clicked: HTMLAnchorElement[] = [];
  Object.assign(URL, { createObjectURL: (b: Blob) => {
      blobs.push(b);
      return 'blob:risks';
    }, revokeObjectURL: () => undefined });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  try {
    renderRegister();
    await screen.findByText('Delays to ICT system migration');
    await act(async () => {
      fireEvent.click(screen.getByText(strings.ExportExcel));
    });
    await screen.findByText(`Downloaded Shared-Services-Risk-Register-${TODAY}.xlsx.`, undefined, { timeout: 20000 });
    expect(clicked.map((a) => a.download)).toEqual([`Shared-Services-Risk-Register-${TODAY}.xlsx`]);
    const wb = await readWorkbook(blobs[0]);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterRiskStatusLabel}: Open`);
    // The rows in the order listed, with the words shown on screen.
    const titles = [5, 6].map((r) => ws.getRow(r).getCell(1).value);
    // A title that would run as a formula stays text.
    expect(titles).toEqual(listed().map((t) => (t.startsWith('=') ? `'${t}` : t)));
    expect(ws.getRow(7).getCell(1).value).toBeNull();
    const ict = ws.getRow(5);
    expect(ict.getCell(2).value).toBe('ICT');
    expect(ict.getCell(4).value).toBe('4 Likely');
    expect(ict.getCell(9).value).toBe(formatString(strings.ScoreWithBand, 12, strings.BandHigh));
  } finally {
    click.mockRestore();
  }
});
