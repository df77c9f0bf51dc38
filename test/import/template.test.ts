/**
 * The documented templates: each list's template CSV reads back through the import with every
 * column recognised, the committed files match the generator, and the CSV parser and header
 * matching handle what spreadsheets produce.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IMPORT_COLUMNS, IMPORT_LISTS, buildImportPlan, matchHeaders, parseCsv, progressHeading, templateCsv } from '../../src/import';
import { phaseOneServices, sanitiser } from './support/files';

describe('templates', () => {
  it.each(IMPORT_LISTS.map((l) => [l]))('the %s template reads back with every column recognised', (list) => {
    const rows = parseCsv(templateCsv(list));
    const header = matchHeaders(list, rows[0].cells);
    expect(header.unknown).toEqual([]);
    expect([...header.columns.keys()].sort()).toEqual(IMPORT_COLUMNS[list].map((c) => c.key).sort());
    const plan = buildImportPlan(list, { rows }, { services: phaseOneServices(), existing: [] }, { sanitiser, now: '2022-03-01T00:00:00Z', periodId: '2021-22-Q4' });
    expect(plan.reject).toEqual([]);
    expect(plan.create).toHaveLength(1);
  });

  it.each(IMPORT_LISTS.map((l) => [l]))('docs/import-templates/%s.csv is the generated template', (list) => {
    const file = path.join(__dirname, '..', '..', 'docs', 'import-templates', `${list}.csv`);
    expect(fs.readFileSync(file, 'utf8')).toBe(templateCsv(list));
  });
});

describe('CSV parsing', () => {
  it('reads quoted values with commas, doubled quotes and line breaks, numbering rows as a spreadsheet does (one per record)', () => {
    const rows = parseCsv('\ufeffA,B\r\n"x, y","say ""hi"""\r\n"two\nlines",z\nlast,\n');
    expect(rows).toEqual([
      { number: 1, cells: ['A', 'B'] },
      { number: 2, cells: ['x, y', 'say "hi"'] },
      { number: 3, cells: ['two\nlines', 'z'] },
      { number: 4, cells: ['last', ''] }
    ]);
  });

  it('detects semicolon-separated files as European Excel writes them', () => {
    expect(parseCsv('Benefit;Service\r\n"a;b";Governance').map((r) => r.cells)).toEqual([['Benefit', 'Service'], ['a;b', 'Governance']]);
  });
});

describe('header matching', () => {
  it('ignores case, punctuation and spacing and accepts the reports\' long headings', () => {
    const m = matchHeaders('benefits', ['  BENEFIT ', 'original-position', 'What will the benefit achieve', 'When will the benefit be delivered?', 'Benefits Realised:', 'Notes']);
    expect([...m.columns.keys()]).toEqual(['title', 'originalPosition', 'achievement', 'whenDelivered', 'realised']);
    expect(m.unknown).toEqual([{ index: 5, heading: 'Notes' }]);
  });

  it('reads the period named in a progress heading', () => {
    expect(progressHeading('Progress Update February 2022 ')).toEqual({ hint: { kind: 'month', year: 2022, month: 2 } });
    expect(progressHeading('Progress update - Sept 2021')).toEqual({ hint: { kind: 'month', year: 2021, month: 9 } });
    expect(progressHeading('Progress update 2021-22-Q4')).toEqual({ hint: { kind: 'period', periodId: '2021-22-Q4' } });
    expect(progressHeading('Update Sept 22')).toEqual({ hint: { kind: 'month', year: 2022, month: 9 } });
    expect(progressHeading('Q2 2022/23 update')).toEqual({ hint: { kind: 'period', periodId: '2022-23-Q2' } });
    expect(progressHeading('Update 2022')).toEqual({ hint: { kind: 'ambiguous', text: '2022' } });
    expect(progressHeading('Updated by')).toBeUndefined();
    expect(progressHeading('Update date')).toBeUndefined();
    expect(progressHeading('Progress update')).toEqual({});
    expect(progressHeading('Status')).toBeUndefined();
  });
});
