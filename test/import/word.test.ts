/**
 * The February 2022 monitoring report read from the paper itself: its objectives table and
 * benefits tracker written as a Word document (section rows spanning the table, lists and bold
 * in cells), previewed row by row in the dry run, applied with every update under its period,
 * dated and authored from the paper, and re-imported with nothing changed.
 */
import { JSDOM } from 'jsdom';
import { applyImportPlan, canApply, ImportFile, ImportFileError, ImportOptions, ImportPlan, planImport, readImportFile } from '../../src/import';
import type { HtmlParserHost } from '../../src/import';
import type { ImportListKind } from '../../src/domain/import';
import { BENEFIT_CATEGORY_COUNTS, BENEFIT_ROWS, OBJECTIVE_COUNTS, OBJECTIVE_ROWS } from './fixtures/feb2022';
import { phaseOneServices, sanitiser, toCsvFile } from './support/files';
import { memoryRepositories, MemoryRepositories } from './support/memory';
import { toDocx } from './support/word';

const NOW = '2022-03-01T09:00:00.000Z';
const html = new JSDOM('').window as unknown as HtmlParserHost;
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ sanitiser, now: NOW, ...extra });
const dryRun = async <K extends ImportListKind>(repos: MemoryRepositories, list: K, file: ImportFile, extra: Partial<ImportOptions> = {}): Promise<ImportPlan<K>> =>
  planImport(repos, list, await readImportFile(file, list, undefined, html), options(extra));

/** The objectives with bold in one update, as a committee paper would emphasise a date. */
const OBJECTIVES_WITH_BOLD = OBJECTIVE_ROWS.map((r) =>
  r[0].startsWith('Create a shared events team') ? [r[0], r[1], '<p>The new team was implemented from <strong>1 April</strong> with recruitment to vacant posts taking place.</p>', r[3], r[4]] : r
);

describe('February 2022 report from the Word paper', () => {
  it('previews every objective row, applies each update under Q4 2021/22 dated 31 March 2022 by its officer, and a re-import changes nothing', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toDocx('monitoring-report-feb-2022.docx', OBJECTIVES_WITH_BOLD);
    const table = await readImportFile(file, 'objectives', undefined, html);
    expect(table.sheet).toBe('Table 1');
    const plan = await planImport(repos, 'objectives', table, options());

    expect(plan.reject).toEqual([]);
    expect(plan.unmapped).toEqual([]);
    expect(canApply(plan)).toBe(true);
    expect(plan.periodIds).toEqual(['2021-22-Q4']);
    // Every data row previewed with its service, status, RAG, period, officer and action.
    expect(plan.preview).toHaveLength(8);
    expect(plan.preview.map((p) => p.action)).toEqual(Array(8).fill('create'));
    expect(plan.preview[0]).toEqual({
      row: 3,
      service: 'Transformation and Partnerships',
      title: 'Deliver a shared HR operating model',
      status: 'Ongoing',
      rag: 'Not rated',
      periodIds: ['2021-22-Q4'],
      officer: 'owen.pemberton@chorley.example.gov.uk',
      action: 'create',
      formulaColumns: []
    });
    const byService: Record<string, number> = {};
    for (const p of plan.preview) byService[p.service] = (byService[p.service] ?? 0) + 1;
    expect(byService).toEqual(OBJECTIVE_COUNTS);
    expect(repos.writes).toEqual([]);

    const result = await applyImportPlan(repos, plan, { now: NOW });
    expect(result).toEqual({ created: 8, updated: 0, updatesCreated: 8, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0, historiesWritten: 8 });
    const objectives = await repos.objectives.getAll();
    // Nobody rated them in the paper: nothing is made up.
    expect(objectives.every((o) => o.rag === 'Not rated')).toBe(true);
    const updates = await repos.objectiveUpdates.getAll();
    expect(updates).toHaveLength(8);
    expect(updates.every((u) => u.periodId === '2021-22-Q4' && u.updatedOn.startsWith('2022-03-31'))).toBe(true);
    for (const o of objectives) {
      const u = updates.find((x) => x.objectiveId === o.id);
      expect(u?.author?.email).toBe(o.responsibleOfficer?.email);
    }
    const events = objectives.find((o) => o.title === 'Create a shared events team');
    expect(updates.find((u) => u.objectiveId === events?.id)?.narrative).toBe('<p>The new team was implemented from <strong>1 April</strong> with recruitment to vacant posts taking place.</p>');
    const hr = objectives.find((o) => o.title === 'Deliver a shared HR operating model');
    const hrUpdate = updates.find((u) => u.objectiveId === hr?.id)?.narrative ?? '';
    // Lists kept; markup typed into the paper stays text, never a tag.
    expect(hrUpdate).toContain('<ul><li>Payroll go-live: April 2022</li>');
    expect(hrUpdate).toContain('&lt;script&gt;');
    expect(hrUpdate).not.toMatch(/<script/);
    expect(hr?.aim.match(/<p>/g)).toHaveLength(2);

    const writes = repos.writes.length;
    const rerun = await dryRun(repos, 'objectives', file);
    expect(rerun.preview.map((p) => p.action)).toEqual(Array(8).fill('unchanged'));
    expect([rerun.create.length, rerun.update.length, rerun.unchanged.length]).toEqual([0, 0, 8]);
    await applyImportPlan(repos, rerun, { now: NOW });
    expect(repos.writes).toHaveLength(writes);
  });

  it('reads the benefits tracker table after the objectives table in the same paper, with category section rows, and a re-import changes nothing', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toDocx('paper.docx', OBJECTIVE_ROWS, [BENEFIT_ROWS.slice(1)]);
    const plan = await dryRun(repos, 'benefits', file);
    expect(plan.reject).toEqual([]);
    expect(plan.preview).toHaveLength(28);
    await applyImportPlan(repos, plan, { now: NOW });
    const benefits = await repos.benefits.getAll();
    const byCategory: Record<string, number> = {};
    for (const b of benefits) byCategory[b.category] = (byCategory[b.category] ?? 0) + 1;
    expect(byCategory).toEqual(BENEFIT_CATEGORY_COUNTS);
    expect(benefits.find((b) => b.title.startsWith('A shared HR policy framework'))?.achievement).toBe(
      '<ul><li>Shared polices which align best practice</li><li>Policies that are easier for managers to use</li></ul>'
    );
    const rerun = await dryRun(repos, 'benefits', file);
    expect([rerun.create.length, rerun.update.length, rerun.unchanged.length]).toEqual([0, 0, 28]);
  });

  it('never rewrites a locked update: a later re-import with a changed narrative reports the difference', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toDocx('paper.docx', OBJECTIVE_ROWS);
    await applyImportPlan(repos, await dryRun(repos, 'objectives', file), { now: NOW });
    const edited = OBJECTIVE_ROWS.map((r) => (r[0].startsWith('Review of legal services') ? [r[0], r[1], 'Rewritten after the committee.', r[3], r[4]] : r));
    const later = await dryRun(repos, 'objectives', await toDocx('paper.docx', edited), { now: '2022-07-01T09:00:00.000Z' });
    expect(later.locked).toEqual([expect.objectContaining({ title: 'Review of legal services', periodId: '2021-22-Q4', fields: ['narrative'] })]);
    expect(later.update).toEqual([]);
    const before = JSON.stringify(await repos.objectiveUpdates.getAll());
    await applyImportPlan(repos, later, { now: '2022-07-01T09:00:00.000Z' });
    expect(JSON.stringify(await repos.objectiveUpdates.getAll())).toBe(before);
  });
});

describe('risk tables', () => {
  it('reads a risk register table with section rows naming the service, programme-wide risks under no service', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const rows = [
      ['Risk register'],
      ['Risk', 'Cause and effect', 'Risk owner', 'Inherent likelihood', 'Inherent impact', 'Residual likelihood', 'Residual impact', 'Controls'],
      ['Programme-wide'],
      ['A partner withdraws from sharing', 'Political change at one council.\n\nServices would need to be split.', 'gareth.leyland@southribble.example.gov.uk', '2', '5', '2', '4', '<ul><li>Exit clauses agreed</li><li>Annual review</li></ul>'],
      ['Governance'],
      ['Key person dependency in legal', 'One specialist holds the land charges knowledge.', 'alison.brindle@chorley.example.gov.uk', '4', '3', '2', '3', 'Cross-training of two officers.']
    ];
    const plan = await dryRun(repos, 'risks', await toDocx('risks.docx', rows));
    expect(plan.reject).toEqual([]);
    expect(plan.preview.map((p) => [p.row, p.service, p.title])).toEqual([
      [3, '', 'A partner withdraws from sharing'],
      [5, 'Governance', 'Key person dependency in legal']
    ]);
    expect(plan.create[0].item.serviceId).toBeUndefined();
    expect(plan.create[0].item.controls).toBe('<ul><li>Exit clauses agreed</li><li>Annual review</li></ul>');
    expect(plan.create[0].item.causeEffect).toBe('<p>Political change at one council.</p><p>Services would need to be split.</p>');
  });
});

describe('action plans', () => {
  const PLAN = [
    ['Action', 'Timescale', 'Owner', 'Status'],
    ['Procure the shared HR system', 'Autumn 2021', 'owen.pemberton@chorley.example.gov.uk', 'Completed'],
    ['Go live with payroll', 'April 2022', 'owen.pemberton@chorley.example.gov.uk', 'On track']
  ];

  it('reads the action plan table nested under an objective into its actions, and a re-import changes nothing', async () => {
    const repos = memoryRepositories(phaseOneServices());
    // Table row 2 (after the header at index 0 and the section row) is the HR objective.
    const file = await toDocx('paper.docx', OBJECTIVE_ROWS, [], { 2: PLAN });
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.reject).toEqual([]);
    const hr = plan.create.find((c) => c.item.title === 'Deliver a shared HR operating model');
    expect(hr?.actions).toEqual([
      { title: 'Procure the shared HR system', timescale: 'Autumn 2021', ownerEmail: 'owen.pemberton@chorley.example.gov.uk', status: 'Complete', existing: undefined },
      { title: 'Go live with payroll', timescale: 'April 2022', ownerEmail: 'owen.pemberton@chorley.example.gov.uk', status: 'In progress', existing: undefined }
    ]);
    // The plan table is not part of the objective's title.
    expect(hr?.item.title).toBe('Deliver a shared HR operating model');
    expect(plan.preview.find((p) => p.title === 'Deliver a shared HR operating model')?.actions).toBe(2);
    expect(await applyImportPlan(repos, plan, { now: NOW })).toEqual(expect.objectContaining({ created: 8, actionsWritten: 2 }));
    const actions = await repos.objectiveActions.getAll();
    const objective = (await repos.objectives.getAll()).find((o) => o.title === 'Deliver a shared HR operating model');
    expect(actions.map((a) => [a.objectiveId, a.title, a.status, a.owner?.email])).toEqual([
      [objective?.id, 'Procure the shared HR system', 'Complete', 'owen.pemberton@chorley.example.gov.uk'],
      [objective?.id, 'Go live with payroll', 'In progress', 'owen.pemberton@chorley.example.gov.uk']
    ]);
    const rerun = await dryRun(repos, 'objectives', file);
    expect([rerun.create.length, rerun.update.length, rerun.unchanged.length]).toEqual([0, 0, 8]);

    // The plan moves on: one action changed, matched by its title.
    const later = await dryRun(repos, 'objectives', await toDocx('paper.docx', OBJECTIVE_ROWS, [], { 2: [PLAN[0], PLAN[1], [PLAN[2][0], PLAN[2][1], PLAN[2][2], 'Complete']] }));
    expect(later.update.map((u) => [u.title, u.changedColumns, u.actions?.map((a) => [a.title, a.status, !!a.existing])])).toEqual([
      ['Deliver a shared HR operating model', ['Action plan'], [['Go live with payroll', 'Complete', true]]]
    ]);
  });

  it('refuses an action plan row it cannot store whole, naming the action', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const plan = await dryRun(repos, 'objectives', await toDocx('paper.docx', OBJECTIVE_ROWS, [], { 2: [[...PLAN[0], 'Budget'], [...PLAN[1], '£10k'], [PLAN[2][0], PLAN[2][1], 'Owen', 'On track', '']] }));
    expect(plan.reject.map((r) => [r.row, r.column])).toEqual([
      [3, 'Action plan'],
      [3, 'Action plan']
    ]);
    expect(plan.reject[0].reason).toContain('"Budget" column holds data for "Procure the shared HR system"');
    expect(plan.reject[1].reason).toContain('The owner "Owen" of the action 2 of the action plan ("Go live with payroll") is not an email address');
  });
});

describe('no column is lost silently', () => {
  const rows = [
    ['Description of the objective', 'Service', 'Status', 'Responsible officer email', 'Update September 2022', 'Budget code'],
    ['Adopt one constitution', 'Governance', 'Ongoing', 'a@example.gov.uk', 'Drafted.', 'GOV-17']
  ];

  it('an unmapped column with data stops the import and the dry run lists it; ignoring or mapping it lets the import go on', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('o.csv', rows);
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.unmapped).toEqual([{ index: 5, heading: 'Budget code', choiceKey: 'budget code', filledRows: 1, firstRow: 2, reason: 'unknown' }]);
    expect(canApply(plan)).toBe(false);
    const error = await applyImportPlan(repos, plan, { now: NOW }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe('unmappedColumns');
    expect((error as Error).message).toMatch(/"Budget code"/);
    expect(repos.writes).toEqual([]);

    const ignored = await dryRun(repos, 'objectives', file, { columns: { 'budget code': 'ignore' } });
    expect(ignored.unmapped).toEqual([]);
    // "Update September 2022" is Q2 of 2022/23.
    expect(ignored.create[0].progress.map((p) => p.periodId)).toEqual(['2022-23-Q2']);
    const mapped = await dryRun(repos, 'objectives', file, { columns: { 'budget code': 'aim' } });
    expect(mapped.create[0].item.aim).toBe('<p>GOV-17</p>');
  });

  it.each([
    ['Progress Update February 2022', '2021-22-Q4'],
    ['Update September 2022', '2022-23-Q2'],
    ['Update Sept 22', '2022-23-Q2'],
    ['Q2 2022/23 update', '2022-23-Q2'],
    ['Progress update 2021-22-Q4', '2021-22-Q4']
  ])('reads the heading "%s" as its period', async (headingText, period) => {
    const repos = memoryRepositories(phaseOneServices());
    const plan = await dryRun(repos, 'objectives', await toCsvFile('o.csv', [[...rows[0].slice(0, 4), headingText], rows[1].slice(0, 5)]));
    expect(plan.reject).toEqual([]);
    expect(plan.periodIds).toEqual([period]);
  });

  it('asks for the period when a heading does not say which quarter', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('o.csv', [[...rows[0].slice(0, 4), 'Update 2022'], rows[1].slice(0, 5)]);
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.reject).toEqual([{ row: 2, column: 'Update 2022', reason: expect.stringContaining('does not say which quarter it is: choose the period') }]);
    const chosen = await dryRun(repos, 'objectives', file, { periodId: '2022-23-Q1' });
    expect(chosen.create[0].progress.map((p) => p.periodId)).toEqual(['2022-23-Q1']);
  });

  it('two update columns each create the update of their own period', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('o.csv', [
      [...rows[0].slice(0, 4), 'Update June 2022', 'Update September 2022'],
      [...rows[1].slice(0, 4), 'Started.', 'Drafted.']
    ]);
    const plan = await dryRun(repos, 'objectives', file);
    expect(plan.create[0].progress.map((p) => [p.periodId, p.narrative, p.updatedOn])).toEqual([
      ['2022-23-Q1', '<p>Started.</p>', '2022-06-30T12:00:00.000Z'],
      ['2022-23-Q2', '<p>Drafted.</p>', '2022-09-30T12:00:00.000Z']
    ]);
    expect(plan.create[0].item.lastUpdatePeriodId).toBe('2022-23-Q2');
  });
});
