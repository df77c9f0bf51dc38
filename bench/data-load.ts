/**
 * Data-layer benchmark: starts the local host in-process with 5,000 and then 20,000
 * objectives (4 updates each), runs loadInitial(['services', 'objectives', 'updates']) through
 * the real PnPjs stack over HTTP, computes each objective's latest update, and prints the
 * number of HTTP requests and the wall time per size. It prints figures and asserts nothing.
 */
import { startLocalHost } from '../local/host/server';
import { generateLargeData } from '../local/sample-data/generate';
import { getSPForUrl } from '../src/data/sp';
import { createPnpRepositories } from '../src/data/pnpRepositories';
import { latestUpdateByObjective } from '../src/domain/progress';

/** One measured size. */
export interface DataLoadResult {
  objectives: number;
  updates: number;
  requests: number;
  batchRequests: number;
  loadMs: number;
  latestMs: number;
}

/** A real form digest from the host, as an SPFx page has one in its context. */
async function formDigest(webUrl: string): Promise<string> {
  const response = await fetch(`${webUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
  const body = (await response.json()) as { FormDigestValue?: string };
  if (!response.ok || !body.FormDigestValue) throw new Error(`contextinfo answered ${response.status} without a digest`);
  return body.FormDigestValue;
}

async function measure(objectives: number, updatesPerObjective: number): Promise<DataLoadResult> {
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: generateLargeData({ objectives, updatesPerObjective }) });
  try {
    // A digest handed in, as the workbench page does, so only the data requests are counted.
    const webUrl = `${host.url}/sites/ssm`;
    const sp = getSPForUrl(webUrl, { digest: await formDigest(webUrl) });
    const repos = createPnpRepositories(sp);
    host.resetRequestLog();
    const started = performance.now();
    const data = await repos.loadInitial(['services', 'objectives', 'updates']);
    const loaded = performance.now();
    const latest = latestUpdateByObjective(data.updates);
    const done = performance.now();
    const log = host.requestLog();
    if (data.objectives.length !== objectives || latest.size === 0) {
      throw new Error(`Loaded ${data.objectives.length} objectives (expected ${objectives}) and ${latest.size} latest updates.`);
    }
    return {
      objectives: data.objectives.length,
      updates: data.updates.length,
      requests: log.length,
      batchRequests: log.filter((r) => /\/_api\/\$batch/i.test(r.path)).length,
      loadMs: Math.round(loaded - started),
      latestMs: Math.round(done - loaded)
    };
  } finally {
    await host.close();
  }
}

/** Runs the data-load benchmark at each size and prints one line per size. */
export async function runDataLoadBenchmark(sizes: readonly number[] = [5000, 20000]): Promise<DataLoadResult[]> {
  const results: DataLoadResult[] = [];
  console.log('data-load: loadInitial([services, objectives, updates]) over HTTP against the local host');
  for (const size of sizes) {
    const r = await measure(size, 4);
    results.push(r);
    console.log(
      `  ${String(r.objectives).padStart(6)} objectives, ${String(r.updates).padStart(6)} updates: ` +
        `${r.requests} HTTP requests (${r.batchRequests} $batch), load ${r.loadMs} ms, latest update per objective ${r.latestMs} ms`
    );
  }
  return results;
}
