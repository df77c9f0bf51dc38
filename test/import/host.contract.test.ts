/**
 * Contract test of the import against the local host over real HTTP: lists provisioned with
 * ensureLists on an empty site, the report's services added, then the February 2022 objectives
 * (XLSX) and benefits (CSV) imported through the PnPjs repositories; a rerun writes nothing.
 */
import { JSDOM } from 'jsdom';
import { startLocalHost } from '../../local/host/server';
import { getSPForUrl } from '../../src/data/sp';
import { ensureLists } from '../../src/data/provisioning';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import { applyImportPlan, createCellSanitiser, planImport, readImportFile } from '../../src/import';
import { BENEFIT_CATEGORY_COUNTS, BENEFIT_ROWS, OBJECTIVE_COUNTS, OBJECTIVE_ROWS } from './fixtures/feb2022';
import { phaseOneServices, toCsvFile, toXlsx } from './support/files';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
const sanitiser = createCellSanitiser(new JSDOM('').window as unknown as Parameters<typeof createCellSanitiser>[0]);
const NOW = '2022-03-01T09:00:00.000Z';
const names = new Map<number, string>();

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: false });
  const sp = getSPForUrl(`${host.url}/sites/ssm`);
  await ensureLists(sp);
  repos = createPnpRepositories(sp);
  for (const s of phaseOneServices()) {
    const stored = await repos.services.add({ name: s.name, phase: s.phase, partnerCouncils: s.partnerCouncils });
    names.set(stored.id, stored.name);
  }
});

afterAll(async () => {
  await host?.close();
});

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

it('imports the objectives from XLSX with their progress updates, and a rerun writes nothing', async () => {
  const file = await toXlsx('objectives.xlsx', OBJECTIVE_ROWS);
  const plan = await planImport(repos, 'objectives', await readImportFile(file, 'objectives'), { sanitiser, now: NOW });
  expect(plan.reject).toEqual([]);
  expect(await applyImportPlan(repos, plan, { now: NOW, batchSize: 5 })).toEqual({ created: 8, updated: 0, updatesCreated: 8, updatesChanged: 0, servicesCreated: 0, actionsWritten: 0, historiesWritten: 8 });

  const objectives = await repos.objectives.getAll();
  expect(countBy(objectives, (o) => names.get(o.serviceId) ?? '?')).toEqual(OBJECTIVE_COUNTS);
  expect(objectives.find((o) => o.title === 'Create a shared events team')?.responsibleOfficer?.email).toBe('beth.rainford@chorley.example.gov.uk');
  const updates = await repos.objectiveUpdates.getForPeriod('2021-22-Q4');
  expect(updates).toHaveLength(8);
  expect(updates.map((u) => u.narrative).join('')).not.toMatch(/<script|onerror/i);

  host.resetRequestLog();
  const rerun = await planImport(repos, 'objectives', await readImportFile(file, 'objectives'), { sanitiser, now: NOW });
  expect([rerun.create.length, rerun.update.length, rerun.unchanged.length]).toEqual([0, 0, 8]);
  await applyImportPlan(repos, rerun, { now: NOW });
  expect(host.requestLog().length).toBeGreaterThan(0);
  expect(host.requestLog().filter((r) => r.method !== 'GET' && !/\$batch$/.test(r.path))).toEqual([]);
  expect(await repos.objectives.getAll()).toHaveLength(8);
  expect(await repos.objectiveUpdates.getAll()).toHaveLength(8);
});

it('imports the benefits tracker from CSV per category, and a rerun creates nothing', async () => {
  const file = await toCsvFile('benefits.csv', BENEFIT_ROWS);
  const plan = await planImport(repos, 'benefits', await readImportFile(file, 'benefits'), { sanitiser, now: NOW });
  expect(plan.reject).toEqual([]);
  await applyImportPlan(repos, plan, { now: NOW });
  const benefits = await repos.benefits.getAll();
  expect(countBy(benefits, (b) => b.category)).toEqual(BENEFIT_CATEGORY_COUNTS);
  const rerun = await planImport(repos, 'benefits', await readImportFile(file, 'benefits'), { sanitiser, now: NOW });
  expect([rerun.create.length, rerun.update.length]).toEqual([0, 0]);
});
