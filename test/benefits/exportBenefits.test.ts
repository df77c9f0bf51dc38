import { Workbook } from 'exceljs';
import * as strings from 'SsmStrings';
import { lazyStrings } from '../../src/loc/lazy';
import type { Benefit, Service } from '../../src/domain/types';
import { buildXlsx } from '../../src/reports/xlsx';
import { benefitExportSheet } from '../../src/webparts/benefitsTracker/exportBenefits';

const services: Service[] = [{ id: 1, etag: '', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }];
const benefit: Benefit = {
  id: 1,
  etag: '',
  title: '+Corporate support restructure',
  serviceId: 1,
  category: 'Financial savings',
  originalPosition: '<p>Two teams.</p>',
  achievement: '<p>One team.</p>',
  whenDelivered: 'Already achieved',
  deliveryStatus: 'Achieved',
  realised: '<p>Savings made.</p>',
  savings: [
    { council: 'Chorley Council', planned: 4000.5, realised: 4000.5 },
    { council: 'South Ribble Borough Council', planned: 17000, realised: 0 }
  ],
  fteBefore: 7.2,
  fteAfter: 11.4,
  evidenceUrl: 'https://intranet.example.gov.uk/report.pdf'
};

describe('Excel export of the benefits tracker', () => {
  it('writes the benefits shown with service names, pounds and pence per council, and the filters applied', async () => {
    const data = await buildXlsx(benefitExportSheet([benefit], services, { category: 'Financial savings', serviceId: 1 }));
    const wb = new Workbook();
    await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(`${lazyStrings.ExportFiltersLabel}: ${strings.FilterServiceLabel}: Governance; ${strings.FilterCategoryLabel}: Financial savings`);
    const header = ws.getRow(4).values as unknown[];
    const col = (name: string): number => header.indexOf(name);
    const row = ws.getRow(5);
    expect(row.getCell(col(strings.ColumnBenefit)).value).toBe("'+Corporate support restructure");
    expect(row.getCell(col(strings.ColumnService)).value).toBe('Governance');
    expect(row.getCell(col(strings.ColumnOriginalPosition)).value).toBe('Two teams.');
    expect(row.getCell(col(lazyStrings.ColumnSavingsPlanned)).value).toBe(21000.5);
    expect(row.getCell(col(lazyStrings.ColumnSavingsByCouncil)).value).toBe(
      'Chorley Council: £4,000.50 planned, £4,000.50 realised\nSouth Ribble Borough Council: £17,000 planned, £0 realised'
    );
    expect(row.getCell(col(lazyStrings.FieldFteAfter)).value).toBe(11.4);
  });
});
