/**
 * Files as councils really produce them: text pasted from Word (blank and title lines first,
 * the header repeated on each page, rows split across pages, section rows), encodings and
 * delimiters, row numbers that match the spreadsheet, SharePoint limits checked before
 * writing, ambiguous titles, formula-like cells, and services the site lacks.
 */
import { NOTE_MAX_LENGTH } from '../../src/data/schema';
import { applyImportPlan, ImportFile, ImportOptions, ImportPlan, planImport, readImportFile, rejectedRows } from '../../src/import';
import type { ImportListKind } from '../../src/domain/import';
import { phaseOneServices, sanitiser, toCsvFile, toXlsx } from './support/files';
import { memoryRepositories, MemoryRepositories } from './support/memory';

const NOW = '2022-03-01T09:00:00.000Z';
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ sanitiser, now: NOW, ...extra });
const dryRun = async <K extends ImportListKind>(repos: MemoryRepositories, list: K, file: ImportFile, extra: Partial<ImportOptions> = {}): Promise<ImportPlan<K>> =>
  planImport(repos, list, await readImportFile(file, list), options(extra));
const text = (name: string, content: string): ImportFile => ({ name, data: new TextEncoder().encode(content) });

const HEADER = ['Description of the objective', 'Status', 'Responsible officer', 'Progress Update February 2022'];

describe('text pasted from Word', () => {
  it('reads a tab-separated paste that starts with blank and title lines, repeats its header, splits a row across pages and names services on rows of their own', async () => {
    const lines = [
      '',
      '',
      'Shared Services- Service Level Performance Monitoring February 2022',
      HEADER.join('\t'),
      'Governance',
      ['Review of legal services', 'Ongoing', 'alison.brindle@chorley.example.gov.uk', 'Shared Team Leader roles have been appointed to, as part of the wider review.'].join('\t'),
      // Word broke the next row across a page: the header is repeated, then the rest of the row.
      ['Review of Shared Audit and Risk', 'Complete', 'tom.eccleston@southribble.example.gov.uk', 'The review has now been completed,'].join('\t'),
      HEADER.join('\t'),
      ['', '', '', 'with the new structure implemented.'].join('\t'),
      'Transformation and Partnerships',
      ['Deliver a shared HR operating model', 'Ongoing', 'owen.pemberton@chorley.example.gov.uk', 'Procured.'].join('\t')
    ];
    const repos = memoryRepositories(phaseOneServices());
    const plan = await dryRun(repos, 'objectives', text('pasted.txt', lines.join('\r\n')));
    expect(plan.reject).toEqual([]);
    expect(plan.unmapped).toEqual([]);
    expect(plan.preview.map((p) => [p.row, p.service, p.title])).toEqual([
      [6, 'Governance', 'Review of legal services'],
      [7, 'Governance', 'Review of Shared Audit and Risk'],
      [11, 'Transformation and Partnerships', 'Deliver a shared HR operating model']
    ]);
    const audit = plan.create.find((c) => c.row === 7);
    expect(audit?.progress[0].narrative).toBe('<p>The review has now been completed,</p><p>with the new structure implemented.</p>');
    expect(plan.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/repeated on row 8/), expect.stringMatching(/Row 9 has no Description of the objective, so it was read as the rest of row 7/)])
    );
  });

  it.each([
    ['UTF-8 with a byte order mark, commas', (s: string) => new TextEncoder().encode('\ufeff' + s), ','],
    ['UTF-8 without a byte order mark, semicolons', (s: string) => new TextEncoder().encode(s), ';'],
    ['Windows-1252, tabs', (s: string) => Uint8Array.from([...s].map((c) => (c === '£' ? 0xa3 : c === '–' ? 0x96 : c.charCodeAt(0)))), '\t']
  ])('reads %s', async (_what, encode, delimiter) => {
    const rows = [
      ['Benefit', 'Service', 'Category', 'Original position', 'When will the benefit be delivered?'],
      ['Reduction in staffing budget', 'Governance', 'Staffing savings', 'Budget of £902k', 'In progress – expected 2022']
    ];
    const repos = memoryRepositories(phaseOneServices());
    const plan = await dryRun(repos, 'benefits', { name: 'b.csv', data: encode(rows.map((r) => r.join(delimiter)).join('\r\n')) });
    expect(plan.reject).toEqual([]);
    expect(plan.create[0].item.originalPosition).toBe('<p>Budget of £902k</p>');
    expect(plan.create[0].item.whenDelivered).toBe('In progress – expected 2022');
  });
});

describe('size', () => {
  it('refuses a workbook over the row limit before parsing it, with the limit in the message', async () => {
    const rows = [['Description of the objective', 'Status'], ...Array.from({ length: 30 }, (_v, i) => [`Objective ${i}`, 'Ongoing'])];
    const error = await readImportFile(await toXlsx('big.xlsx', rows), 'objectives', { maxBytes: 5 * 1024 * 1024, maxRows: 20 }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('"big.xlsx" has a worksheet of more than 20 rows. Split it into smaller files and import them one at a time.');
  });
});

describe('row numbers are the spreadsheet’s own', () => {
  it('names the same row in CSV and XLSX when a cell spans several lines', async () => {
    const rows = [
      ['Description of the objective', 'Service', 'Status', 'Responsible officer'],
      ['First objective', 'Governance', 'Ongoing', 'a@example.gov.uk'],
      ['Second\nobjective over\nthree lines', 'Governance', 'Ongoing', 'a@example.gov.uk'],
      ['Third objective', 'Governance', 'Nearly there', 'a@example.gov.uk']
    ];
    const repos = memoryRepositories(phaseOneServices());
    const csv = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    const xlsx = await dryRun(repos, 'objectives', await toXlsx('o.xlsx', rows));
    expect(rejectedRows(csv)).toEqual([4]);
    expect(rejectedRows(xlsx)).toEqual([4]);
  });
});

describe('the dry run checks every limit the apply will meet', () => {
  it('rejects a rich-text cell over SharePoint’s column limit in the dry run, so the apply writes every other row', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const long = 'x'.repeat(NOTE_MAX_LENGTH);
    const rows = [
      ['Description of the objective', 'What does the objective aim to achieve', 'Service', 'Status', 'Responsible officer'],
      ['Short one', 'Fine.', 'Governance', 'Ongoing', 'a@example.gov.uk'],
      ['Long one', long, 'Governance', 'Ongoing', 'a@example.gov.uk']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    expect(plan.reject).toEqual([{ row: 3, column: 'What does the objective aim to achieve', reason: expect.stringContaining('SharePoint stores at most 63,999') }]);
    expect(await applyImportPlan(repos, plan, { now: NOW })).toEqual(expect.objectContaining({ created: 1 }));
  });

  it('when a write still fails part way, rerunning the import finishes the job without duplicates', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Description of the objective', 'Service', 'Status', 'Responsible officer', 'Update September 2022'],
      ...['One', 'Two', 'Three', 'Four'].map((t) => [`Objective ${t}`, 'Governance', 'Ongoing', 'a@example.gov.uk', `Progress on ${t}.`])
    ];
    const file = await toCsvFile('o.csv', rows);
    const add = repos.objectives.add;
    let calls = 0;
    repos.objectives.add = async (item) => {
      if (++calls === 3) throw new Error('The connection was reset.');
      return add(item);
    };
    const error = await applyImportPlan(repos, await dryRun(repos, 'objectives', file), { now: NOW }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Creating "Objective Three" \(row 4\) failed: The connection was reset\. .*run the import again/);
    repos.objectives.add = add;
    const rerun = await dryRun(repos, 'objectives', file);
    // The two written objectives still lack their updates (written after every item): the rerun adds them.
    expect(rerun.create.map((c) => c.row)).toEqual([4, 5]);
    expect(rerun.update.map((u) => u.row)).toEqual([2, 3]);
    await applyImportPlan(repos, rerun, { now: NOW });
    expect((await repos.objectives.getAll()).map((o) => o.title)).toEqual(['Objective One', 'Objective Two', 'Objective Three', 'Objective Four']);
    expect((await repos.objectiveUpdates.getAll()).map((u) => u.periodId)).toEqual(Array(4).fill('2022-23-Q2'));
    const last = await dryRun(repos, 'objectives', file);
    expect(last.unchanged).toHaveLength(4);
  });

  it('refuses rows whose title matches two stored items as ambiguous', async () => {
    const repos = memoryRepositories(phaseOneServices());
    for (let i = 0; i < 2; i++) {
      await repos.objectives.add({ title: 'Review scrutiny', serviceId: 3, status: 'Ongoing', rag: 'Green', aim: '', responsibleOfficer: { id: 1, displayName: 'A', email: 'a@example.gov.uk' } } as never);
    }
    const rows = [
      ['Description of the objective', 'Service', 'Status'],
      ['Review scrutiny', 'Governance', 'Complete']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    expect(plan.reject).toEqual([{ row: 2, column: 'Description of the objective', reason: expect.stringContaining('2 items titled "Review scrutiny" are stored') }]);
    expect(plan.update).toEqual([]);
  });

  it('flags cells that start like a spreadsheet formula in the preview and imports them as text', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Description of the objective', 'What does the objective aim to achieve', 'Service', 'Status', 'Responsible officer'],
      ['Plain', 'Fine.', 'Governance', 'Ongoing', 'a@example.gov.uk'],
      ['Hostile', '=HYPERLINK("http://evil.example","click")', 'Governance', 'Ongoing', 'a@example.gov.uk'],
      ['@SUM(A1)', 'Fine.', 'Governance', 'Ongoing', 'a@example.gov.uk']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    expect(plan.preview.map((p) => p.formulaColumns)).toEqual([[], ['What does the objective aim to achieve'], ['Description of the objective']]);
    expect(plan.warnings.filter((w) => /as a spreadsheet formula does/.test(w.message)).map((w) => w.row)).toEqual([3, 4]);
    expect(plan.create[1].item.aim).toBe('<p>=HYPERLINK("http://evil.example","click")</p>');
  });
});

describe('services the site lacks', () => {
  const rows = [
    ['Description of the objective', 'Status', 'Responsible officer'],
    ['Customer Services'],
    ['Merge the contact centres', 'Ongoing', 'a@example.gov.uk'],
    ['Programme-wide'],
    ['Evidence the savings', 'Ongoing', 'a@example.gov.uk']
  ];

  it('offers them for creation in the dry run, and creates them with their phase and partner councils when chosen; a rerun creates nothing twice', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('o.csv', rows);
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.newServices.map((s) => [s.name, s.rows, s.create])).toEqual([
      ['Customer Services', [2, 3], false],
      ['Programme-wide', [4, 5], false]
    ]);
    expect(rejectedRows(plan)).toEqual([3, 5]);

    const councils = ['Chorley Council', 'South Ribble Borough Council'];
    const chosen = await dryRun(repos, 'objectives', file, {
      newServices: [
        { name: 'Customer Services', phase: 'Phase 2', partnerCouncils: councils },
        { name: 'Programme-wide', phase: 'Established', partnerCouncils: councils }
      ]
    });
    expect(chosen.reject).toEqual([]);
    expect(chosen.preview.map((p) => p.service)).toEqual(['Customer Services', 'Programme-wide']);
    const result = await applyImportPlan(repos, chosen, { now: NOW });
    expect(result).toEqual(expect.objectContaining({ created: 2, servicesCreated: 2 }));
    const services = await repos.services.getAll();
    const customer = services.find((s) => s.name === 'Customer Services');
    expect(customer).toEqual(expect.objectContaining({ phase: 'Phase 2', partnerCouncils: councils }));
    const objectives = await repos.objectives.getAll();
    expect(objectives.find((o) => o.title === 'Merge the contact centres')?.serviceId).toBe(customer?.id);

    const rerun = await dryRun(repos, 'objectives', file, { newServices: [{ name: 'Customer Services', phase: 'Phase 2', partnerCouncils: councils }] });
    expect(rerun.newServices).toEqual([]);
    expect(rerun.unchanged).toHaveLength(2);
  });

  it('files programme-wide risks under no service', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const risk = [
      ['Risk', 'Service', 'Risk owner', 'Inherent likelihood', 'Inherent impact', 'Residual likelihood', 'Residual impact'],
      ['Partner withdraws', 'Programme-wide', 'a@example.gov.uk', '3', '5', '2', '4']
    ];
    const plan = await dryRun(repos, 'risks', await toCsvFile('r.csv', risk));
    expect(plan.reject).toEqual([]);
    expect(plan.create[0].item.serviceId).toBeUndefined();
    expect(plan.newServices).toEqual([]);
  });
});
