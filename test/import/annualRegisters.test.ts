/**
 * Import of the annual review's registers (best practice, lessons learned, successes) from CSV
 * and XLSX, like the other registers: headings as the reports write them, a dry run naming the
 * column at fault, programme-wide rows without a service, and a rerun that changes nothing.
 */
import { applyImportPlan, ImportFile, ImportOptions, ImportPlan, planImport, readImportFile, templateCsv } from '../../src/import';
import type { ImportListKind } from '../../src/domain/import';
import { FORMATS, phaseOneServices, sanitiser } from './support/files';
import { memoryRepositories, MemoryRepositories } from './support/memory';

const NOW = '2022-03-01T09:00:00.000Z';
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ sanitiser, now: NOW, ...extra });
const CHORLEY = 'Chorley Council';
const SOUTH_RIBBLE = 'South Ribble Borough Council';

async function dryRun<K extends ImportListKind>(repos: MemoryRepositories, list: K, file: ImportFile, extra: Partial<ImportOptions> = {}): Promise<ImportPlan<K>> {
  return planImport(repos, list, await readImportFile(file, list), options(extra));
}

describe.each(FORMATS)('annual review registers from %s', (_format, write) => {
  it('imports best practice in both directions, programme-wide practice without a service, and refuses a council passing practice to itself', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await write('best-practice', [
      ['Example of best practice', 'Shared from', 'Shared with', 'Service', 'Details', 'Type of practice'],
      ['Performance and Project Leads Network', SOUTH_RIBBLE, CHORLEY, 'Transformation and Partnerships', 'A network meeting to share practice.', 'Network'],
      ['Green agenda and tree planting', SOUTH_RIBBLE, CHORLEY, 'Programme wide', 'Tree giveaway programme.', ''],
      ['Service Lead management level', CHORLEY, ' chorley council', 'Governance', 'Strategic oversight.', 'Structure and roles']
    ]);
    const plan = await dryRun(repos, 'bestPractice', file);
    expect(plan.create.map((c) => c.row)).toEqual([2, 3]);
    expect(plan.reject).toEqual([{ row: 4, column: 'Shared with', reason: 'To council must be a different council from the one the practice came from.' }]);
    expect(repos.writes).toEqual([]);

    await applyImportPlan(repos, plan, { now: NOW });
    const stored = await repos.bestPractice.getAll();
    expect(stored.map((p) => [p.title, p.fromCouncil, p.toCouncil, p.serviceId, p.description, p.category])).toEqual([
      ['Performance and Project Leads Network', SOUTH_RIBBLE, CHORLEY, 1, '<p>A network meeting to share practice.</p>', 'Networks and engagement'],
      ['Green agenda and tree planting', SOUTH_RIBBLE, CHORLEY, undefined, '<p>Tree giveaway programme.</p>', undefined]
    ]);
    // A rerun of the two good rows finds them and changes nothing.
    const again = await dryRun(repos, 'bestPractice', await write('best-practice', [
      ['Best practice', 'From council', 'To council', 'Service', 'Description'],
      ['Performance and Project Leads Network', SOUTH_RIBBLE, CHORLEY, 'Transformation and Partnerships', 'A network meeting to share practice.'],
      ['Green agenda and tree planting', SOUTH_RIBBLE, CHORLEY, '', 'Tree giveaway programme.']
    ]));
    expect(again.unchanged.map((u) => u.row)).toEqual([2, 3]);
    expect(again.create).toEqual([]);
  });

  it('imports lessons learned with loosely written categories and names a category it cannot read', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await write('lessons', [
      ['Lesson summary', 'Service', 'Category', 'Lessons learned'],
      ['Go live only when the software is ready', 'Governance', 'Information technology', 'Problems were still being resolved after launch.'],
      ['Agree an exit strategy at the start', '', 'exit', 'Consider how a partner could leave.'],
      ['Engage staff early', 'Governance', 'Morale', 'More face-to-face sessions.'],
      ['No lesson written', 'Governance', 'HR', '']
    ]);
    const plan = await dryRun(repos, 'lessonsLearned', file);
    expect(plan.create.map((c) => [c.row, c.item.category, c.item.serviceId])).toEqual([
      [2, 'IT', 3],
      [3, 'Exit strategy', undefined]
    ]);
    expect(plan.reject.map((r) => [r.row, r.column])).toEqual([
      [4, 'Category'],
      [5, 'Lessons learned']
    ]);
    expect(plan.reject[0].reason).toContain('"Morale" is not a valid Category');
    const result = await applyImportPlan(repos, plan, { now: NOW });
    expect(result.created).toBe(2);
    expect((await repos.lessonsLearned.getAll()).map((l) => l.lesson)).toEqual(['<p>Problems were still being resolved after launch.</p>', '<p>Consider how a partner could leave.</p>']);
  });

  it('imports successes with their councils and dates, requires a service and a date, and updates a changed success', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await write('successes', [
      ['Area of success', 'Service', 'Type of success', 'What was achieved', 'Councils benefiting', 'Date achieved'],
      ['Campaigns planner introduced', 'Communications and Visitor Economy', 'Service development', 'Planned on an 80/20 basis.', '', '15/11/2021'],
      ['Performance framework completed', 'Transformation and Partnerships', 'Service improvement', 'AGS action completed.', `${SOUTH_RIBBLE}; ${CHORLEY}`, '2021-09-30'],
      ['Nobody knows when', 'Governance', 'Recognition', 'An award.', '', 'sometime'],
      ['Nowhere', '', 'Savings', 'Savings.', '', '01/01/2022']
    ]);
    const plan = await dryRun(repos, 'successes', file);
    expect(plan.create.map((c) => [c.row, c.item.category, c.item.councils, c.item.achievedOn])).toEqual([
      [2, 'Service improvement', undefined, '2021-11-15'],
      [3, 'Service improvement', [SOUTH_RIBBLE, CHORLEY], '2021-09-30']
    ]);
    expect(plan.reject.map((r) => [r.row, r.column])).toEqual([
      [4, 'Date achieved'],
      [5, 'Service']
    ]);
    await applyImportPlan(repos, plan, { now: NOW });
    const stored = await repos.successes.getAll();
    expect(stored.map((s) => s.title)).toEqual(['Campaigns planner introduced', 'Performance framework completed']);

    const changed = await dryRun(repos, 'successes', await write('successes', [
      ['Success', 'Service', 'Category', 'What was achieved', 'Councils benefiting', 'Achieved on'],
      ['Performance framework completed', 'Transformation and Partnerships', 'Service improvement', 'AGS action completed.', SOUTH_RIBBLE, '30/09/2021']
    ]));
    expect(changed.update.map((u) => [u.row, u.changes, u.changedColumns])).toEqual([[2, { councils: [SOUTH_RIBBLE] }, ['Councils benefiting']]]);
    await applyImportPlan(repos, changed, { now: NOW });
    expect((await repos.successes.getAll())[1].councils).toEqual([SOUTH_RIBBLE]);
  });
});

// The template starts with a byte order mark (so Excel reads UTF-8) and ends lines with CRLF.
const headerOf = (csv: string): string => csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];

it('documents each register in its template', () => {
  expect(headerOf(templateCsv('bestPractice'))).toBe('Best practice,Service,From council,To council,Category,Description');
  expect(headerOf(templateCsv('lessonsLearned'))).toBe('Lesson summary,Service,Category,Lesson');
  expect(headerOf(templateCsv('successes'))).toBe('Success,Service,Category,What was achieved,Councils benefiting,Achieved on');
});
