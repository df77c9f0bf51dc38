import { Workbook } from 'exceljs';
import { buildXlsx, neutraliseFormula } from '../../src/reports/xlsx';

interface Row {
  title: string;
  owner: string;
  saving: number;
  review?: string;
}

const rows: Row[] = [
  { title: 'Loss of key staff', owner: 'Daniel Whitworth', saving: 4000.5, review: '2027-03-31' },
  { title: '=HYPERLINK("http://evil.example","click")', owner: '@SUM(A1)', saving: 0 },
  { title: '-2+3', owner: '+44 1772 625625', saving: 17000 }
];

async function read(data: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  return wb;
}

describe('Excel export of a list view', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Loss of key staff', '£4,000.50', '31 March 2027', '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('writes the heading, the filters applied, the headers and display values', async () => {
    const data = await buildXlsx({
      sheetName: 'Risk register',
      title: 'Risk register',
      filtersLabel: 'Filters applied',
      noFilters: 'none',
      filters: ['Status: Open', 'Service: Governance'],
      columns: [
        { header: 'Risk', value: (r: Row) => r.title },
        { header: 'Risk owner', value: (r: Row) => r.owner },
        { header: 'Saving', value: (r: Row) => r.saving, kind: 'pounds' },
        { header: 'Review date', value: (r: Row) => r.review, kind: 'date' }
      ],
      rows
    });
    const ws = (await read(data)).getWorksheet('Risk register');
    if (!ws) throw new Error('no worksheet');
    expect(ws.getCell('A1').value).toBe('Risk register');
    expect(ws.getCell('A2').value).toBe('Filters applied: Status: Open; Service: Governance');
    expect([1, 2, 3, 4].map((c) => ws.getRow(4).getCell(c).value)).toEqual(['Risk', 'Risk owner', 'Saving', 'Review date']);
    expect(ws.getCell('A5').value).toBe('Loss of key staff');
    expect(ws.getCell('C5').value).toBe(4000.5);
    expect(ws.getCell('C5').numFmt).toContain('0.00');
    expect((ws.getCell('D5').value as Date).toISOString().slice(0, 10)).toBe('2027-03-31');
    expect(ws.getCell('D6').value).toBeNull();
    // Nothing written is a formula: the dangerous texts are kept as text, visibly.
    expect(ws.getCell('A6').value).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(ws.getCell('B6').value).toBe("'@SUM(A1)");
    expect(ws.getCell('A7').value).toBe("'-2+3");
    expect(ws.getCell('B7').value).toBe("'+44 1772 625625");
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(6 /* ValueType.Formula */)));
  });

  it('says when no filter is applied', async () => {
    const data = await buildXlsx({ sheetName: 'x', title: 'T', filtersLabel: 'Filters applied', noFilters: 'none: every item is listed', filters: [], columns: [], rows: [] });
    const ws = (await read(data)).worksheets[0];
    expect(ws.getCell('A2').value).toBe('Filters applied: none: every item is listed');
  });
});
