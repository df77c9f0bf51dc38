/**
 * Import of the February 2022 report's objectives and benefits from CSV and XLSX (written by
 * exceljs from the fixtures), through the plan (dry run) and apply, against memory repositories.
 */
import {
  applyImportPlan,
  ImportFile,
  ImportFileError,
  ImportOptions,
  ImportPlan,
  planImport,
  readImportFile,
  rejectedRows
} from '../../src/import';
import type { ImportListKind } from '../../src/domain/import';
import type { Benefit, Objective } from '../../src/domain/types';
import {
  BENEFIT_CATEGORY_COUNTS,
  BENEFIT_ROWS,
  BENEFIT_STATUS_COUNTS,
  OBJECTIVE_COUNTS,
  OBJECTIVE_ROWS,
  OBJECTIVE_STATUS_COUNTS
} from './fixtures/feb2022';
import { FORMATS, phaseOneServices, sanitiser, toCsvFile } from './support/files';
import { memoryRepositories, MemoryRepositories } from './support/memory';

const NOW = '2022-03-01T09:00:00.000Z';
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ sanitiser, now: NOW, ...extra });

async function dryRun<K extends ImportListKind>(repos: MemoryRepositories, list: K, file: ImportFile, extra: Partial<ImportOptions> = {}): Promise<ImportPlan<K>> {
  return planImport(repos, list, await readImportFile(file, list), options(extra));
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

const serviceName = (repos: MemoryRepositories, id: number | undefined): string => phaseOneServices().find((s) => s.id === id)?.name ?? `#${id}`;

describe.each(FORMATS)('February 2022 report from %s', (_format, write) => {
  it('imports the objectives per service with their statuses and Q4 progress updates, then a rerun creates nothing', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await write('objectives', OBJECTIVE_ROWS);
    const plan = await dryRun(repos, 'objectives', file);

    expect(plan.reject).toEqual([]);
    expect(plan.create).toHaveLength(8);
    expect(plan.periodId).toBe('2021-22-Q4');
    expect(repos.writes).toEqual([]);
    // No RAG column in the report: the user is told the ratings were derived.
    expect(plan.warnings.some((w) => /no RAG column/.test(w.message))).toBe(true);

    const result = await applyImportPlan(repos, plan, { now: NOW });
    expect(result).toEqual({ created: 8, updated: 0, updatesCreated: 8, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0, historiesWritten: 8 });

    const objectives = await repos.objectives.getAll();
    expect(countBy(objectives, (o) => serviceName(repos, o.serviceId))).toEqual(OBJECTIVE_COUNTS);
    expect(countBy(objectives, (o) => o.status)).toEqual(OBJECTIVE_STATUS_COUNTS);
    const hr = objectives.find((o) => o.title === 'Deliver a shared HR operating model') as Objective;
    expect(hr.responsibleOfficer?.email).toBe('owen.pemberton@chorley.example.gov.uk');
    // Plain text with a blank line becomes two paragraphs.
    expect(hr.aim.match(/<p>/g)).toHaveLength(2);
    // Titles broken over two lines in the report are joined.
    expect(objectives.map((o) => o.title)).toContain('Develop a shared performance management system');
    expect(objectives.every((o) => o.lastUpdatePeriodId === '2021-22-Q4')).toBe(true);
    // Ongoing objectives owe the next quarter's update; complete ones owe none.
    expect(objectives.filter((o) => o.status === 'Ongoing').every((o) => o.nextUpdateDue === '2022-06-10')).toBe(true);
    expect(objectives.filter((o) => o.status === 'Complete').every((o) => o.nextUpdateDue === undefined)).toBe(true);

    const updates = await repos.objectiveUpdates.getForPeriod('2021-22-Q4');
    expect(updates).toHaveLength(8);
    const hrUpdate = updates.find((u) => u.objectiveId === hr.id);
    expect(hrUpdate?.narrative).toContain('<ul><li>Payroll go-live: April 2022</li>');
    expect(hrUpdate?.status).toBe('Ongoing');
    const allHtml = [...objectives.map((o) => o.aim), ...updates.map((u) => u.narrative)].join('\n');
    expect(allHtml).not.toMatch(/<script|onerror|javascript:|<img/i);
    // The link with a javascript: address loses its href but keeps its text.
    expect(allHtml).toContain('<a>plan</a>');

    const writes = repos.writes.length;
    const rerun = await dryRun(repos, 'objectives', file);
    expect(rerun.create).toEqual([]);
    expect(rerun.update).toEqual([]);
    expect(rerun.unchanged).toHaveLength(8);
    expect(await applyImportPlan(repos, rerun, { now: NOW })).toEqual({ created: 0, updated: 0, updatesCreated: 0, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0, historiesWritten: 0 });
    expect(repos.writes).toHaveLength(writes);
  });

  it('imports the benefits tracker per category and delivery status, then a rerun creates nothing', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await write('benefits', BENEFIT_ROWS);
    const plan = await dryRun(repos, 'benefits', file);
    expect(plan.reject).toEqual([]);
    expect(plan.create).toHaveLength(28);
    await applyImportPlan(repos, plan, { now: NOW });

    const benefits = await repos.benefits.getAll();
    expect(countBy(benefits, (b) => b.category)).toEqual(BENEFIT_CATEGORY_COUNTS);
    expect(countBy(benefits, (b) => b.deliveryStatus)).toEqual(BENEFIT_STATUS_COUNTS);
    const policies = benefits.find((b) => b.title.startsWith('A shared HR policy framework')) as Benefit;
    expect(policies.achievement).toBe('<ul><li>Shared polices which align best practice</li><li>Policies that are easier for managers to use</li></ul>');
    const civics = benefits.find((b) => b.title === 'Reduction in Civics function staffing resource') as Benefit;
    expect(civics.achievement).toBe('<p>Dependent on facilities management at South Ribble.</p><p>Increased support for mayoral team.</p>');
    expect(civics.whenDelivered).toBe('2022');
    // "£" survives both formats.
    expect(benefits.find((b) => b.title.startsWith('Reduction in Transformation'))?.originalPosition).toBe('<p>Staffing budget of £902k</p>');
    expect(benefits.find((b) => b.title.startsWith('Progression of apprentices'))?.originalPosition).toBeUndefined();

    const rerun = await dryRun(repos, 'benefits', file);
    expect([rerun.create.length, rerun.update.length, rerun.unchanged.length]).toEqual([0, 0, 28]);
  });
});

describe('matching and rejections', () => {
  it('updates an objective matched by title and service, naming the changed column', async () => {
    const repos = memoryRepositories(phaseOneServices());
    await applyImportPlan(repos, await dryRun(repos, 'objectives', await toCsvFile('o.csv', OBJECTIVE_ROWS)), { now: NOW });
    const changed = OBJECTIVE_ROWS.map((r) => (r[0].startsWith('Review of legal services') ? [r[0], r[1], r[2], 'On hold', r[4]] : r));
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', changed));
    expect(plan.create).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0].title).toBe('Review of legal services');
    expect(plan.update[0].changedColumns).toEqual(expect.arrayContaining(['Status', 'Progress Update February 2022']));
    await applyImportPlan(repos, plan, { now: NOW });
    const legal = (await repos.objectives.getAll()).find((o) => o.title === 'Review of legal services');
    expect(legal?.status).toBe('On hold');
    // On hold: no further update is due, and the period's update records the new status.
    expect(legal?.nextUpdateDue).toBeUndefined();
    const updates = await repos.objectiveUpdates.getForObjective(legal?.id ?? 0);
    expect(updates.map((u) => u.status)).toEqual(['On hold']);
  });

  it('rejects objectives without a responsible officer, naming the column, unless a default officer is chosen', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const withoutOfficer = OBJECTIVE_ROWS.map((r) => r.slice(0, 4));
    const file = await toCsvFile('o.csv', withoutOfficer);
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.create).toEqual([]);
    expect(rejectedRows(plan)).toHaveLength(8);
    expect(plan.reject.every((r) => r.column === 'Responsible officer email' && /Responsible officer is required/.test(r.reason))).toBe(true);

    const defaulted = await dryRun(repos, 'objectives', file, { defaultOfficerEmail: 'priya.hartley@chorley.example.gov.uk' });
    expect(defaulted.create).toHaveLength(8);
    expect(defaulted.warnings.some((w) => /8 new rows had no Responsible officer email/.test(w.message))).toBe(true);
  });

  it('rejects rows under an unknown service heading and bad values, each naming its column', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Description of the objective', 'Status', 'RAG', 'Responsible officer email', 'Target date'],
      ['Customer Services'],
      ['Merge the contact centres', 'Ongoing', 'Green', 'a@example.gov.uk', ''],
      ['Governance'],
      ['Adopt one constitution', 'Nearly there', 'Green', 'a@example.gov.uk', ''],
      ['Align the registers', 'Ongoing', 'Purple', 'not an email', '31/02/2023'],
      ['Review scrutiny', 'Ongoing', 'Amber', 'a@example.gov.uk', '30/06/2023'],
      ['Review scrutiny', 'Ongoing', 'Amber', 'a@example.gov.uk', '30/06/2023']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    const byRow = (row: number): Array<[string, string]> => plan.reject.filter((r) => r.row === row).map((r) => [r.column, r.reason]);
    // An unknown service heading is offered for creation; its rows wait for that choice.
    expect(byRow(2)).toEqual([]);
    expect(plan.newServices).toEqual([expect.objectContaining({ name: 'Customer Services', rows: [2, 3], create: false })]);
    expect(byRow(3)).toEqual([['Service', expect.stringContaining('"Customer Services" is not a service on this site. Choose to create it')]]);
    expect(byRow(5)).toEqual([['Status', expect.stringContaining('"Nearly there" is not a valid Status')]]);
    expect(byRow(6).map(([c]) => c).sort()).toEqual(['RAG', 'Responsible officer email', 'Target date']);
    expect(byRow(8)).toEqual([['Description of the objective', expect.stringContaining('already in row 7')]]);
    expect(plan.create.map((c) => c.row)).toEqual([7]);
    expect(plan.create[0].item.targetDate).toBe('2023-06-30');
    expect(plan.create[0].item.rag).toBe('Amber');
  });

  it('uses --period over the heading and warns when they differ', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', OBJECTIVE_ROWS), { periodId: '2021-22-Q3' });
    expect(plan.periodId).toBe('2021-22-Q3');
    expect(plan.create.every((c) => c.progress.length === 1 && c.progress[0].periodId === '2021-22-Q3')).toBe(true);
    expect(plan.warnings.some((w) => /names Q4 2021\/22.*, but Q3 2021\/22.* was chosen/.test(w.message))).toBe(true);
  });

  it('leaves a new objective without a progress update or RAG column "Not rated"', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Objective', 'Service', 'Status', 'Officer'],
      ['Adopt one constitution', 'Governance', 'Not started', 'a@example.gov.uk']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    expect(plan.reject).toEqual([]);
    expect(plan.create.map((c) => (c.item as Partial<Objective>).rag)).toEqual(['Not rated']);
  });

  it('rejects a progress update with no period, naming the progress column', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Objective', 'Service', 'Status', 'Officer', 'Progress update'],
      ['Adopt one constitution', 'Governance', 'Ongoing', 'a@example.gov.uk', 'Drafted.']
    ];
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', rows));
    expect(plan.reject).toEqual([{ row: 2, column: 'Progress update', reason: expect.stringContaining('names no period: choose the period') }]);
  });
});

describe('malformed files give clear errors and write nothing', () => {
  async function attempt(file: ImportFile, list: ImportListKind = 'objectives'): Promise<{ error: unknown; repos: MemoryRepositories }> {
    const repos = memoryRepositories(phaseOneServices());
    const error = await (async () => {
      const plan = await planImport(repos, list, await readImportFile(file, list), options());
      await applyImportPlan(repos, plan, { now: NOW });
    })().catch((e: unknown) => e);
    return { error, repos };
  }

  it.each([
    ['an empty file', { name: 'empty.csv', data: new Uint8Array(0) }, 'empty', /is empty/],
    ['a file of blank lines', { name: 'blank.csv', data: new TextEncoder().encode('\r\n,,,\r\n\r\n') }, 'empty', /no rows to import/],
    ['binary junk', { name: 'junk.csv', data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) }, 'unreadable', /not a CSV or Excel/],
    ['junk named .xlsx', { name: 'junk.xlsx', data: new TextEncoder().encode('this is not a workbook') }, 'unreadable', /not an Excel workbook/],
    ['a corrupt workbook', { name: 'bad.xlsx', data: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]) }, 'unreadable', /could not be read as an Excel workbook/],
    ['an old .xls workbook', { name: 'old.xls', data: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) }, 'unsupportedFormat', /save it as \.xlsx/],
    ['wrong columns', { name: 'wrong.csv', data: new TextEncoder().encode('Name,Address,Postcode\r\nA,B,C\r\n') }, 'noHeader', /"Description of the objective"/],
    ['an unterminated quote', { name: 'quote.csv', data: new TextEncoder().encode('Objective,Status\r\n"Never closed,Ongoing\r\n') }, 'unreadable', /closing quote/]
  ])('%s', async (_what, file, code, message) => {
    const { error, repos } = await attempt(file);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect(repos.writes).toEqual([]);
  });

  it('a file with columns but no title column names the missing column', async () => {
    const { error, repos } = await attempt(await toCsvFile('x.csv', [['Service', 'Status', 'RAG'], ['Governance', 'Ongoing', 'Green']]));
    expect((error as ImportFileError).code).toBe('missingColumns');
    expect((error as Error).message).toMatch(/no "Description of the objective" column/);
    expect(repos.writes).toEqual([]);
  });

  it('a 10 MB file of rows is refused by size before it is parsed', async () => {
    const row = 'Deliver a shared HR operating model,Ongoing,Green,owen.pemberton@chorley.example.gov.uk,' + 'x'.repeat(100) + '\r\n';
    const text = 'Description of the objective,Status,RAG,Responsible officer email,Aim\r\n' + row.repeat(Math.ceil((10 * 1024 * 1024) / row.length));
    const { error, repos } = await attempt({ name: 'huge.csv', data: new TextEncoder().encode(text) });
    expect((error as ImportFileError).code).toBe('tooLarge');
    expect((error as Error).message).toMatch(/is 10\.0 MB; files up to 5\.0 MB can be imported/);
    expect(repos.writes).toEqual([]);
  });

  it('a file under the size limit with too many rows is refused by row count', async () => {
    const text = 'Description of the objective,Status\r\n' + 'x,Ongoing\r\n'.repeat(6000);
    const { error, repos } = await attempt({ name: 'many.csv', data: new TextEncoder().encode(text) });
    expect((error as ImportFileError).code).toBe('tooManyRows');
    expect((error as Error).message).toMatch(/more than 5,000 rows/);
    expect(repos.writes).toEqual([]);
  });
});
