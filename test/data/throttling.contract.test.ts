/**
 * Throttling against the local host's fault injection: 429 with Retry-After is waited out
 * and retried to eventual success, and writes are never duplicated.
 */
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ThrottledError } from '../../src/data/errors';
import { sampleData } from '../../local/sample-data';
import { useFaultHost } from './support/faultHost';

const local = useFaultHost();
const { waits, sleep } = local;

function repos(retries = 20): ReturnType<typeof createPnpRepositories> {
  return createPnpRepositories(getSPForUrl(local.siteUrl, { digest: local.digest, retry: { retries, sleep } }), { batch: { retries, sleep } });
}

it('honours Retry-After: 1 and succeeds in the end, without duplicate writes', async () => {
  const r = repos();
  const before = (await r.risks.getAll()).length;
  local.host.setFaults({ rate429: 0.5, retryAfterSeconds: 1, seed: 7 }); // seeded: the first requests are throttled, so retries really happen
  local.host.resetRequestLog();
  const titles = Array.from({ length: 12 }, (_, i) => `Throttled risk ${i}`);
  for (const title of titles) {
    await r.risks.add({ title, causeEffect: '', owner: sampleData.users[1], inherentLikelihood: 2, inherentImpact: 2, residualLikelihood: 1, residualImpact: 1, controls: '', status: 'Open' });
  }
  const throttledAnswers = waits.length;
  local.host.setFaults({});
  const after = await r.risks.getAll();
  expect(throttledAnswers).toBeGreaterThan(0);
  expect(waits.every((ms) => ms === 1000)).toBe(true);
  expect(after).toHaveLength(before + titles.length);
  expect(after.filter((x) => titles.indexOf(x.title) >= 0).map((x) => x.title).sort()).toEqual([...titles].sort());
});

it('retries throttled reads in loadInitial and returns complete data', async () => {
  const r = repos();
  const expected = await r.loadInitial(['services', 'objectives', 'updates', 'risks']);
  local.host.setFaults({ rate429: 0.5, retryAfterSeconds: 1, seed: 7 }); // seeded: the first requests are throttled, so retries really happen
  const data = await r.loadInitial(['services', 'objectives', 'updates', 'risks']);
  local.host.setFaults({});
  expect(waits.length).toBeGreaterThan(0);
  expect(data.objectives.map((o) => o.id)).toEqual(expected.objectives.map((o) => o.id));
  expect(data.updates).toHaveLength(expected.updates.length);
  expect(data.risks).toHaveLength(expected.risks.length);
});

it('gives up with ThrottledError when throttling never ends', async () => {
  local.host.setFaults({ rate429: 1, retryAfterSeconds: 1 });
  const error = await repos(2).services.getAll().catch((e: unknown) => e);
  local.host.setFaults({});
  expect(error).toBeInstanceOf(ThrottledError);
  expect((error as ThrottledError).retryAfterSeconds).toBe(1);
  expect(waits).toEqual([1000, 1000]);
});
