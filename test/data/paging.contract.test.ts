/**
 * Large lists against the local host: 20,000 objectives read in full (never a silent
 * 100-item cap) and loadInitial's request count from the host's request log.
 */
import { startLocalHost } from '../../local/host/server';
import { generateLargeData } from '../../local/sample-data/generate';
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import type { Repositories } from '../../src/data/repositories';
import { formDigest } from './support/digest';

type Host = Awaited<ReturnType<typeof startLocalHost>>;

const OBJECTIVES = 20000;
let host: Host;
let repos: Repositories;

const batchRequests = (h: Host): number => h.requestLog().filter((r) => /\/_api\/\$batch/i.test(r.path)).length;

beforeAll(async () => {
  // Seeded in-process rather than by 20,000 POSTs.
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives: OBJECTIVES, updatesPerObjective: 1 }) });
  const webUrl = `${host.url}/sites/ssm`;
  repos = createPnpRepositories(getSPForUrl(webUrl, { digest: await formDigest(webUrl) }));
});

afterAll(async () => {
  await host?.close();
});

it('reads all 20,000 objectives, 5,000 a page', async () => {
  host.resetRequestLog();
  const all = await repos.objectives.getAll();
  expect(all).toHaveLength(OBJECTIVES);
  expect(new Set(all.map((o) => o.id)).size).toBe(OBJECTIVES);
  expect(host.requestLog().filter((r) => r.method === 'GET')).toHaveLength(Math.ceil(OBJECTIVES / 5000));
});

it('loads lists of up to 5,000 items with exactly one $batch request', async () => {
  host.resetRequestLog();
  const data = await repos.loadInitial(['services', 'benefits', 'risks', 'measures', 'highlights']);
  expect(batchRequests(host)).toBe(1);
  // Only the batch: the digest was handed in, so no contextinfo call either.
  expect(host.requestLog().filter((r) => !/\$batch/.test(r.path) || r.method !== 'POST')).toEqual([]);
  expect(data.services.length).toBeGreaterThan(0);
  expect(data.risks.length).toBeGreaterThan(0);
  expect(data.objectives).toEqual([]);
});

it('loads 20,000 objectives and 20,000 updates in two $batch requests: first pages, then the rest by id range', async () => {
  host.resetRequestLog();
  const data = await repos.loadInitial(['services', 'objectives', 'updates']);
  expect(data.objectives).toHaveLength(OBJECTIVES);
  expect(data.updates).toHaveLength(OBJECTIVES);
  const ids = data.objectives.map((o) => o.id);
  expect(new Set(ids).size).toBe(OBJECTIVES);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(batchRequests(host)).toBe(2);
});

it('reads every item when ids have gaps and items are added after the highest id was read', async () => {
  // Deleting a run of ids leaves ranges with fewer items; nothing is skipped or read twice.
  const before = await repos.objectives.getAll();
  for (const o of before.filter((x) => x.id > 6000 && x.id <= 6010)) await repos.objectives.remove(o.id, o.etag);
  const data = await repos.loadInitial(['objectives']);
  expect(data.objectives).toHaveLength(OBJECTIVES - 10);
  expect(data.objectives.some((o) => o.id > 6000 && o.id <= 6010)).toBe(false);
  expect(new Set(data.objectives.map((o) => o.id)).size).toBe(OBJECTIVES - 10);
});

it('adds the one contextinfo call when no digest is handed in', async () => {
  // Another host (another URL): PnPjs caches digests per web URL for the whole module.
  const other = await startLocalHost({ port: 0, dbFile: ':memory:', seed: true });
  try {
    const fresh = createPnpRepositories(getSPForUrl(`${other.url}/sites/ssm`));
    other.resetRequestLog();
    await fresh.loadInitial(['services', 'objectives']);
    const log = other.requestLog();
    expect(log.filter((r) => /contextinfo/i.test(r.path))).toHaveLength(1);
    expect(batchRequests(other)).toBe(1);
    expect(log).toHaveLength(2);
  } finally {
    await other.close();
  }
});

it('reads a list remembered as long in one $batch, by id range from the start, and still reads every item whatever the hint', async () => {
  const first = await repos.loadInitial(['objectives', 'updates']);
  expect(first.lastIds?.objectives).toBe(Math.max(...first.objectives.map((o) => o.id)));
  const expected = first.objectives.map((o) => o.id);

  host.resetRequestLog();
  const again = await repos.loadInitial(['objectives', 'updates'], { idHints: first.lastIds });
  expect(batchRequests(host)).toBe(1);
  expect(again.objectives.map((o) => o.id)).toEqual(expected);
  expect(again.updates).toHaveLength(first.updates.length);

  // A hint far too low or too high costs a round at most; nothing is missed or read twice.
  for (const hint of [6000, 10 * OBJECTIVES]) {
    const hinted = await repos.loadInitial(['objectives'], { idHints: { objectives: hint } });
    expect(hinted.objectives.map((o) => o.id)).toEqual(expected);
  }
});
