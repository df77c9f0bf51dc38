/**
 * Contract tests of the PnPjs repositories over real HTTP: add/read/update/delete on every list,
 * etag conflicts, users and permissions. Against the local host by default, or a real site
 * (test/data/support/target.ts, docs/testing-on-a-tenant.md).
 */
import { sampleData } from '../../local/sample-data';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ConflictError, NotFoundError } from '../../src/data/errors';
import type { ListRepository, NewItem, Repositories } from '../../src/data/repositories';
import type { ListKey, ModelOf } from '../../src/data/lists';
import type { Stored } from '../../src/domain/types';
import { ContractTarget, hostOnly, openTarget, TARGET } from './support/target';

let target: ContractTarget;
let repos: Repositories;
// Sample users on the host; on a tenant, the real user SSM_TEST_USER_EMAIL names.
let editor = sampleData.users[0];
let lead = sampleData.users[1];
let newcomer = '';

beforeAll(async () => {
  target = await openTarget({ seed: true });
  ({ editor, lead, newcomer } = target.people);
  repos = createPnpRepositories(target.sp());
});

afterAll(async () => {
  await target?.close();
});

/**
 * A new item for each list and a change to make to it: every declared list with an updatable
 * repository (all but the immutable snapshots), so a list declared without a case here fails
 * to compile.
 */
const casesByList = (): { [K in CaseList]: { item: NewItem<ModelOf<K>>; change: Partial<NewItem<ModelOf<K>>> } } => ({
  services: {
    item: { name: 'Legal Services', serviceLead: lead, phase: 'Phase 2', partnerCouncils: ['Council A', 'Council B'], sharedSince: '2023-04-01' },
    change: { partnerCouncils: ['Council A', 'Council B', 'Council C'] }
  },
  objectives: {
    item: { title: 'Agree a shared legal case system', aim: '<p>One system.</p>', serviceId: 1, status: 'Not started', rag: 'Green', responsibleOfficer: editor, targetDate: '2027-03-31', nextUpdateDue: '2027-01-10' },
    change: { status: 'In progress', rag: 'Amber' }
  },
  objectiveUpdates: {
    // A quarter with no update yet: one update per objective and period is all SharePoint keeps.
    item: { objectiveId: 1, periodId: '2031-32-Q1', narrative: '<p>Progress made.</p>', status: 'In progress', rag: 'Green', author: editor, updatedOn: '2022-03-01T10:00:00Z' },
    change: { narrative: '<p>Progress made, and more.</p>' }
  },
  objectiveActions: {
    item: { objectiveId: 1, title: 'Procure the payroll module', timescale: 'April 2022', owner: editor, status: 'In progress' },
    change: { status: 'Complete' }
  },
  benefits: {
    item: {
      title: 'Reduced licence costs',
      serviceId: 1,
      category: 'Financial savings',
      originalPosition: '<p>Two licences.</p>',
      achievement: '<p>One licence.</p>',
      whenDelivered: 'June 2022',
      deliveryStatus: 'Planned',
      realised: '',
      savings: [{ council: 'Chorley Council', planned: 1000, realised: 0 }],
      fteBefore: 2,
      fteAfter: 1.5,
      evidenceUrl: 'https://example.org/evidence'
    },
    change: { deliveryStatus: 'Achieved' }
  },
  risks: {
    item: { title: 'Key person dependency', causeEffect: '<p>One expert.</p>', owner: lead, inherentLikelihood: 4, inherentImpact: 3, residualLikelihood: 2, residualImpact: 3, controls: '<p>Training.</p>', reviewDate: '2026-06-30', status: 'Open' },
    change: { residualLikelihood: 1 }
  },
  measures: {
    item: { title: 'Calls answered in 60 seconds', serviceId: 1, unit: '%', target: 80, direction: 'Higher is better', actuals: { '2021-22-Q3': 78.5 } },
    change: { actuals: { '2021-22-Q3': 78.5, '2021-22-Q4': 82 } }
  },
  highlights: {
    item: { serviceId: 1, meetingDate: '2022-06-21', periodId: '2022-23-Q1', keyPoints: '<p>Key points.</p>', activityOverview: '<p>Overview.</p>' },
    change: { keyPoints: '<p>Revised key points.</p>' }
  },
  reminderLog: {
    item: { key: 'officer@example.org|2021-22-Q4|1', officerEmail: 'officer@example.org', periodId: '2021-22-Q4', round: 1, status: 'Pending', attemptedOn: '2022-03-01T09:00:00Z' },
    change: { status: 'Sent', detail: 'message-id-1' }
  },
  bestPractice: {
    item: { title: 'Shared payroll checklist', fromCouncil: 'Chorley Council', toCouncil: 'South Ribble Borough Council', description: '<p>One checklist.</p>', serviceId: 1 },
    change: { description: '<p>One checklist, reviewed yearly.</p>' }
  },
  lessonsLearned: {
    item: { title: 'Agree the exit first', serviceId: 1, lesson: '<p>Agree how a partner leaves.</p>', category: 'Exit strategy' },
    change: { lesson: '<p>Agree how a partner leaves, before sharing.</p>' }
  },
  successes: {
    item: { title: 'Shared payroll live', serviceId: 1, achievement: '<p>One payroll for both councils.</p>', councils: ['Chorley Council'], category: 'Service improvement', achievedOn: '2027-01-31' },
    change: { councils: [], achievedOn: '2027-02-28' }
  },
  reportSettings: {
    item: { title: 'Committee paper settings', committeeName: 'Shared Services Joint Committee', councils: 'Chorley Council\nSouth Ribble Borough Council', author: 'Director of Change and Delivery' },
    change: { contact: 'Performance team, performance@example.gov.uk' }
  },
  committeeMeetings: {
    item: { title: 'Shared Services Joint Committee, June 2027', meetingDate: '2027-06-22', reports: ['highlight', 'quarterly'] },
    change: { reports: ['highlight'] }
  },
  measureActuals: {
    item: { measureId: 1, periodId: '2022-23-Q1', value: 81.5, comment: '<p>Up on last quarter.</p>', enteredBy: lead },
    change: { value: 82, comment: '<p>Corrected.</p>' }
  },
  staffSurveys: {
    item: { serviceId: 1, periodId: '2022-23-Q1', surveyed: 30, responses: 21, satisfiedPercent: 76.5, themes: '<p>Workload.</p>' },
    change: { responses: 22 }
  },
  budgetLines: {
    item: { serviceId: 1, financialYear: 2027, sharedBudget: 1000.5, split: [{ council: 'Chorley Council', amount: 500.25 }, { council: 'South Ribble Borough Council', amount: 500.25 }], savingsApproved: 20 },
    change: { savingsApproved: 45.5 }
  }
});
type CaseList = Exclude<ListKey, 'snapshots' | 'committeePapers'>;
const CASE_LISTS = Object.keys(casesByList()) as CaseList[];

describe.each(CASE_LISTS.map((list) => ({ list })))('$list', ({ list }) => {
  const repo = (): ListRepository<Stored> => repos[list] as unknown as ListRepository<Stored>;

  it('adds, reads, updates and deletes an item', async () => {
    const { item, change } = casesByList()[list];
    const added = await repo().add(item as NewItem<Stored>);
    expect(added.id).toBeGreaterThan(0);
    expect(added.etag).not.toBe('');
    expect(added).toMatchObject(item);

    const read = await repo().getById(added.id);
    expect(read).toMatchObject(item);
    expect(read?.etag).toBe(added.etag);

    const updated = await repo().update({ id: added.id, etag: added.etag, ...change });
    expect(updated).toMatchObject({ ...item, ...change });
    expect(updated.etag).not.toBe(added.etag);

    const all = await repo().getAll();
    expect(all.filter((x) => x.id === added.id)).toHaveLength(1);

    await repo().remove(updated.id, updated.etag);
    expect(await repo().getById(added.id)).toBeUndefined();
  });
});

describe('optimistic concurrency', () => {
  it('rejects a save made with a stale etag, carrying the server version and the attempt', async () => {
    const original = await repos.objectives.getById(1);
    if (!original) throw new Error('The seeded objective 1 is missing');
    const first = await repos.objectives.update({ id: 1, etag: original.etag, rag: 'Red' });
    const attempt = { id: 1, etag: original.etag, rag: 'Amber' as const };
    const error = await repos.objectives.update(attempt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError<typeof original>;
    expect(conflict.serverVersion?.etag).toBe(first.etag);
    expect(conflict.serverVersion?.rag).toBe('Red');
    expect(conflict.attempted).toEqual(attempt);
    expect(conflict.status).toBe(412);
    expect((await repos.objectives.getById(1))?.rag).toBe('Red');
  });

  it('rejects a delete made with a stale etag', async () => {
    const added = await repos.risks.add({ title: 'Temporary', causeEffect: '', owner: lead, inherentLikelihood: 1, inherentImpact: 1, residualLikelihood: 1, residualImpact: 1, controls: '', status: 'Open' });
    await repos.risks.update({ id: added.id, etag: added.etag, title: 'Temporary (edited)' });
    await expect(repos.risks.remove(added.id, added.etag)).rejects.toBeInstanceOf(ConflictError);
  });

  it('reports an update of a deleted item as NotFoundError', async () => {
    const added = await repos.measures.add({ title: 'Gone soon', serviceId: 1, unit: '%', target: 1, direction: 'Higher is better', actuals: {} });
    await repos.measures.remove(added.id, added.etag);
    await expect(repos.measures.update({ id: added.id, etag: added.etag, target: 2 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('objective updates', () => {
  it('adds several updates in one $batch and reads them back by objective and period', async () => {
    const updates = [1, 2, 3].map((n) => ({
      objectiveId: n + 1,
      periodId: '2030-31-Q1',
      narrative: `<p>Batched ${n}</p>`,
      status: 'Ongoing' as const,
      rag: 'Green' as const,
      author: editor,
      updatedOn: `2030-05-0${n}T10:00:00Z`
    }));
    target.host?.resetRequestLog();
    const saved = await repos.objectiveUpdates.addMany(updates);
    // The host's request log shows the one $batch; a real site has no such log.
    if (target.host) expect(target.host.requestLog().filter((r) => r.method === 'POST' && /\$batch/.test(r.path)).length).toBe(1);
    expect(saved.map((u) => u.narrative)).toEqual(updates.map((u) => u.narrative));
    expect(saved[0].author).toMatchObject({ id: editor.id, email: editor.email });

    const forPeriod = await repos.objectiveUpdates.getForPeriod('2030-31-Q1');
    expect(forPeriod.map((u) => u.id).sort()).toEqual(saved.map((u) => u.id).sort());
    const forObjective = await repos.objectiveUpdates.getForObjective(4);
    expect(forObjective[0].narrative).toBe('<p>Batched 3</p>');
  });
});

describe('users and permissions', () => {
  it('knows the current user, ensures users and checks edit rights', async () => {
    const me = await repos.currentUser();
    expect(me.id).toBeGreaterThan(0);
    if (TARGET === 'host') expect(me).toMatchObject({ id: editor.id, email: editor.email });
    const ensured = await repos.ensureUser(newcomer);
    expect(ensured.id).toBeGreaterThan(0);
    expect(ensured.email.toLowerCase()).toBe(newcomer.toLowerCase());
    expect((await repos.ensureUser(newcomer)).id).toBe(ensured.id);
    expect(await repos.canEdit('objectives')).toBe(true);
  });

  it('refuses to ensure an address nobody in the directory has', async () => {
    const nobody = `no.such.person.${Date.now()}@${(newcomer.split('@')[1] ?? 'example.gov.uk')}`;
    await expect(repos.ensureUser(nobody)).rejects.toThrow(/could not be found/i);
  });

  hostOnly('the host’s personas stand in for signed-in users; app-only access has no auditor').it('answers edit rights per user: an auditor may not edit', async () => {
    const auditor = sampleData.users[2];
    const asAuditor = createPnpRepositories(getSPForUrl(target.webUrl, { headers: { 'X-SSM-User': auditor.email } }));
    expect(await asAuditor.canEdit('objectives')).toBe(false);
  });
});
