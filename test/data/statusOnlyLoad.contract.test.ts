/**
 * The highlight report's first load against the local host over real HTTP: every update with its
 * status fields only, the paper settings, the latest update period, and a follow-up (the updates
 * of two periods read whole, the benefits' and risks' histories) in the second round, so the
 * whole load is two `$batch` requests even with 8,000 updates; and updates read by id.
 */
import { startLocalHost } from '../../local/host/server';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { formDigest } from './support/digest';
import { SCHEMA } from '../../src/data/schema';
import '@pnp/sp/lists';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

let host: Host;
let repos: Repositories;
let sp: ReturnType<typeof getSPForUrl>;
let allUpdates: ObjectiveUpdate[];

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: 2000, updatesPerObjective: 4 }) });
  const webUrl = `${host.url}/sites/ssm`;
  sp = getSPForUrl(webUrl, { digest: await formDigest(webUrl) });
  repos = createPnpRepositories(sp);
  allUpdates = await repos.objectiveUpdates.getAll();
});

afterAll(async () => {
  await host?.close();
});

const ids = (updates: readonly { id: number }[]): number[] => updates.map((u) => u.id).sort((a, b) => a - b);

it('reads the statuses of every update, the settings and the follow-up in two $batch requests', async () => {
  host.resetRequestLog();
  let firstRound: { updates: number; latest?: string; unfinished: string[] } | undefined;
  // Three updates of other periods, asked for by objective and period.
  const others = allUpdates.filter((u) => u.periodId !== '2021-22-Q4' && u.periodId !== '2021-22-Q3').slice(0, 3);
  expect(others).toHaveLength(3);
  const data = await repos.loadInitial(['services', 'objectives', 'updates', 'benefits', 'risks', 'highlights'], {
    readOnly: true,
    updateFields: 'status',
    include: { snapshots: true, reportSettings: true, latestUpdatePeriod: true, currentUser: true, canEdit: ['snapshots'] },
    followUp: (first, unfinished) => {
      firstRound = { updates: first.updates.length, latest: first.latestUpdatePeriod, unfinished: Array.from(unfinished) };
      return {
        updatesForPeriods: ['2021-22-Q4', '2021-22-Q3'],
        updatesOf: [...others, others[0]].map((u) => ({ objectiveId: u.objectiveId, periodId: u.periodId })),
        history: { benefits: first.benefits.map((b) => b.id), risks: first.risks.map((r) => r.id) }
      };
    }
  });
  expect(host.requestLog().map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '_api/')}`)).toEqual(['POST _api/$batch', 'POST _api/$batch']);
  // The follow-up was planned from the first round: a page of updates and their latest period.
  expect(firstRound).toEqual({ updates: 5000, latest: '2021-22-Q4', unfinished: ['updates'] });

  expect(data.updatesStatusOnly).toBe(true);
  expect(ids(data.updates)).toEqual(ids(allUpdates));
  const whole = new Map(allUpdates.map((u) => [u.id, u]));
  for (const u of data.updates) {
    const w = whole.get(u.id) as ObjectiveUpdate;
    expect({ objectiveId: u.objectiveId, periodId: u.periodId, status: u.status, rag: u.rag, updatedOn: u.updatedOn, created: u.created }).toEqual({
      objectiveId: w.objectiveId,
      periodId: w.periodId,
      status: w.status,
      rag: w.rag,
      updatedOn: w.updatedOn,
      created: w.created
    });
    expect(u.narrative).toBe('');
    expect(u.author).toBeUndefined();
  }
  // The periods' updates and those asked for by key come whole (each once), narratives and authors included.
  const expected = [...allUpdates.filter((u) => u.periodId === '2021-22-Q4' || u.periodId === '2021-22-Q3'), ...others];
  expect(ids(data.periodUpdates ?? [])).toEqual(ids(expected));
  for (const u of data.periodUpdates ?? []) {
    expect(u.narrative).toBe(whole.get(u.id)?.narrative);
    expect(u.author?.displayName).toBe(whole.get(u.id)?.author?.displayName);
  }
  expect(data.latestUpdatePeriod).toBe('2021-22-Q4');
  // A site without a settings item: none, and the paper takes the defaults.
  expect(data.reportSettings).toEqual([]);
  expect(data.history?.benefits?.size).toBe(data.benefits.length);
  expect(data.history?.risks?.size).toBe(data.risks.length);
  const history = await repos.history?.reportHistory({ benefits: data.benefits.map((b) => b.id), risks: data.risks.map((r) => r.id) });
  expect(data.history?.risks).toEqual(history?.risks);
  expect(data.history?.benefits).toEqual(history?.benefits);
});

it('reads updates by id, whole, in one $batch request, leaving out ids that do not exist', async () => {
  const wanted = allUpdates.filter((_u, i) => i % 97 === 0).map((u) => u.id);
  host.resetRequestLog();
  const read = await repos.objectiveUpdates.getByIds([...wanted, 999_999]);
  expect(host.requestLog()).toHaveLength(1);
  expect(ids(read)).toEqual([...wanted].sort((a, b) => a - b));
  const whole = new Map(allUpdates.map((u) => [u.id, u]));
  for (const u of read) expect(u).toEqual(whole.get(u.id));
});

it('reads a list of 8,000 items in two rounds, with no third for a last window that came back full', async () => {
  host.resetRequestLog();
  const data = await repos.loadInitial(['updates'], { updatesForPeriods: undefined, idHints: {} });
  const round = host.requestLog().length;
  expect(data.updates).toHaveLength(allUpdates.length);
  // 8,000 updates: a first page and one more round, no third for a last window that came back full.
  expect(round).toBe(2);
});

// Last: it deletes a list.
it('reads no settings, and fails nothing, on a site provisioned before the paper settings list existed', async () => {
  await sp.web.lists.getByTitle(SCHEMA.reportSettings.title).delete();
  await expect(repos.reportSettings.getAll()).rejects.toThrow(/does not exist/);
  const data = await repos.loadInitial(['services'], { readOnly: true, include: { reportSettings: true } });
  expect(data.reportSettings).toEqual([]);
  expect(data.services.length).toBeGreaterThan(0);
});
