/**
 * loadInitial's options against the local host over real HTTP: the updates narrowed to some
 * reporting periods, and the current user and edit permission read in the same `$batch`, so a
 * web part's whole first load is one request (the host's request log counts it).
 */
import { startLocalHost } from '../../local/host/server';
import { sampleData } from '../../local/sample-data';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import type { ObjectiveUpdate } from '../../src/domain/types';
import { formDigest } from './support/digest';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

/** 2,000 objectives with four quarterly updates each: 8,000 updates, over 5,000 as a whole. */
const OBJECTIVES = 2000;
const PERIODS = ['2021-22-Q4', '2021-22-Q3'];

let host: Host;
let webUrl: string;
let repos: Repositories;
/** Every update, read once through the unfiltered path, to compare subsets with. */
let allUpdates: ObjectiveUpdate[];

const ids = (updates: readonly ObjectiveUpdate[]): number[] => updates.map((u) => u.id).sort((a, b) => a - b);

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: OBJECTIVES, updatesPerObjective: 4 }) });
  webUrl = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(webUrl, { digest: await formDigest(webUrl) }));
  allUpdates = await repos.objectiveUpdates.getAll();
});

afterAll(async () => {
  await host?.close();
});

/** The updates list's length as an earlier load left it (idHints), so its per-period windows are all planned in round one. */
const hints = () => ({ updates: Math.max(...allUpdates.map((u) => u.id)) });

it('reads lists, the updates of two periods, the user and the permission in exactly one $batch request', async () => {
  host.resetRequestLog();
  const data = await repos.loadInitial(['services', 'objectives', 'updates'], {
    updatesForPeriods: PERIODS,
    idHints: hints(),
    include: { currentUser: true, canEdit: ['objectives', 'objectiveUpdates'] }
  });

  // One request in all: no separate currentuser, permission or contextinfo call.
  expect(host.requestLog().map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '_api/')}`)).toEqual(['POST _api/$batch']);

  expect(data.objectives).toHaveLength(OBJECTIVES);
  expect(data.services.length).toBeGreaterThan(0);
  // Exactly the updates of those periods, none missing and none from other periods.
  const expected = allUpdates.filter((u) => PERIODS.indexOf(u.periodId) >= 0);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(allUpdates.length);
  expect(ids(data.updates)).toEqual(ids(expected));
  expect(data.updates.every((u) => PERIODS.indexOf(u.periodId) >= 0)).toBe(true);

  expect(data.currentUser).toEqual(await repos.currentUser());
  expect(data.currentUser).toMatchObject({ id: sampleData.users[0].id, email: sampleData.users[0].email });
  expect(data.canEdit).toEqual({ objectives: true, objectiveUpdates: true });
  // Lists not named stay empty, as without options.
  expect(data.risks).toEqual([]);
});

it('answers the permission per user: an auditor may not edit', async () => {
  const auditor = sampleData.users[2];
  const asAuditor = createPnpRepositories(getSPForUrl(webUrl, { digest: await formDigest(webUrl), headers: { 'X-SSM-User': auditor.email } }));
  host.resetRequestLog();
  const data = await asAuditor.loadInitial(['services'], { include: { currentUser: true, canEdit: ['objectives'] } });
  expect(host.requestLog()).toHaveLength(1);
  expect(data.currentUser).toMatchObject({ id: auditor.id, email: auditor.email });
  expect(data.canEdit).toEqual({ objectives: false });
});

it('reads no updates for an empty period list, and every update without options', async () => {
  const none = await repos.loadInitial(['objectives', 'updates'], { updatesForPeriods: [] });
  expect(none.updates).toEqual([]);
  expect(none.objectives).toHaveLength(OBJECTIVES);
  expect(none.currentUser).toBeUndefined();
  expect(none.canEdit).toBeUndefined();

  host.resetRequestLog();
  const all = await repos.loadInitial(['updates']);
  expect(ids(all.updates)).toEqual(ids(allUpdates));
  // 8,000 updates: two pages, so two $batch rounds, as before the options existed.
  expect(host.requestLog()).toHaveLength(2);
});

it('reads several periods as parts of the one $batch, their union being the whole history', async () => {
  const periods = Array.from(new Set(allUpdates.map((u) => u.periodId)));
  expect(periods.length).toBeGreaterThan(2);
  host.resetRequestLog();
  const data = await repos.loadInitial(['updates'], { updatesForPeriods: [...periods, periods[0]], idHints: hints() });
  expect(host.requestLog()).toHaveLength(1);
  // A period named twice is read once.
  expect(ids(data.updates)).toEqual(ids(allUpdates));
});

it('follows the next page of a period with more than 5,000 updates, keeping the period filter', async () => {
  // 12,000 objectives with one update each, in the latest quarter or the one before: over 5,000 in each.
  const big = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: 12000, updatesPerObjective: 1 }) });
  try {
    const url = `${big.url}/sites/ssm`;
    const r = createPnpRepositories(getSPForUrl(url, { digest: await formDigest(url) }));
    const every = await r.objectiveUpdates.getAll();
    const period = PERIODS[0];
    const expected = every.filter((u) => u.periodId === period);
    expect(expected.length).toBeGreaterThan(5000);
    expect(expected.length).toBeLessThan(every.length);
    big.resetRequestLog();
    const data = await r.loadInitial(['updates'], { updatesForPeriods: [period] });
    expect(ids(data.updates)).toEqual(ids(expected));
    expect(big.requestLog()).toHaveLength(2);
  } finally {
    await big.close();
  }
});

it('reads read-only loads without OData metadata: the same items, no etags, still two rounds for 8,000 updates', async () => {
  const full = await repos.loadInitial(['objectives', 'updates'], { include: { snapshots: true } });
  host.resetRequestLog();
  const bare = await repos.loadInitial(['objectives', 'updates'], { readOnly: true, include: { snapshots: true } });
  expect(host.requestLog().filter((r) => /\$batch/.test(r.path))).toHaveLength(2);

  const withoutEtag = <T extends { etag: string }>(items: readonly T[]): Array<Omit<T, 'etag'>> =>
    items.map((item) => {
      const { etag, ...rest } = item;
      void etag;
      return rest;
    });
  expect(bare.updates).toHaveLength(allUpdates.length);
  expect(withoutEtag(bare.updates)).toEqual(withoutEtag(full.updates));
  expect(withoutEtag(bare.objectives)).toEqual(withoutEtag(full.objectives));
  expect(full.updates.every((u) => u.etag !== '')).toBe(true);
  expect(bare.updates.every((u) => u.etag === '')).toBe(true);
  expect(bare.snapshots).toEqual(full.snapshots);
});

it('reads the periods of a list over 5,000 items without a hint in two $batch rounds, no query matching more than 5,000 items', async () => {
  host.resetRequestLog();
  const data = await repos.loadInitial(['updates'], { updatesForPeriods: PERIODS });
  // Round one: the first id window of each period and the highest id; round two: the other windows.
  expect(host.requestLog()).toHaveLength(2);
  expect(ids(data.updates)).toEqual(ids(allUpdates.filter((u) => PERIODS.includes(u.periodId))));
});
