/**
 * The product against the host's SharePoint Online fault switches: a `$batch` whose failed part
 * fails every later part, per-part timeouts, 409 Save Conflict and RateLimit headers.
 */
import { getSPForUrl } from '../../src/data/sp';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { ConflictError, DataAccessError } from '../../src/data/errors';
import type { ReminderLogEntry } from '../../src/domain/types';
import type { NewItem } from '../../src/data/repositories';
import { useFaultHost } from './support/faultHost';

const local = useFaultHost();
const { waits, sleep } = local;

function repos(): ReturnType<typeof createPnpRepositories> {
  return createPnpRepositories(getSPForUrl(local.siteUrl, { digest: local.digest, retry: { retries: 5, sleep, baseDelayMs: 1 } }), {
    batch: { retries: 5, sleep, baseDelayMs: 1, partRetries: 6 }
  });
}

const LISTS = ['services', 'objectives', 'updates', 'risks', 'benefits'] as const;

function entry(n: number): NewItem<ReminderLogEntry> {
  return { key: `fault-${n}@example.org|2021-22-Q4|1`, officerEmail: `fault-${n}@example.org`, periodId: '2021-22-Q4', round: 1, status: 'Pending', attemptedOn: new Date().toISOString() };
}

it('loadInitial returns complete data when a failed part fails every later part of its batch', async () => {
  const r = repos();
  const expected = await r.loadInitial([...LISTS]);
  local.host.setFaults({ rateBatchCascade: 0.2, seed: 3 });
  const data = await r.loadInitial([...LISTS]);
  const injected = local.host.faultsInjected();
  local.host.setFaults({});
  expect(injected.cascade).toBeGreaterThan(0);
  for (const key of LISTS) expect(data[key].map((x) => x.id)).toEqual(expected[key].map((x) => x.id));
});

it('loadInitial returns complete data when batch parts time out', async () => {
  const r = repos();
  const expected = await r.loadInitial([...LISTS]);
  local.host.setFaults({ rateBatchTimeout: 0.3, seed: 11 });
  const data = await r.loadInitial([...LISTS]);
  const injected = local.host.faultsInjected();
  local.host.setFaults({});
  expect(injected.timeout).toBeGreaterThan(0);
  for (const key of LISTS) expect(data[key].map((x) => x.id)).toEqual(expected[key].map((x) => x.id));
});

it('reports batched adds failed by another part and never counts them as saved', async () => {
  const r = repos();
  const adds = Array.from({ length: 10 }, (_, i) => ({ add: entry(i) }));
  local.host.setFaults({ rateBatchCascade: 0.15, seed: 5, pathPattern: '\\$batch|/items' });
  const outcomes = await r.reminderLog.saveMany(adds);
  const injected = local.host.faultsInjected();
  local.host.setFaults({});
  expect(injected.cascade).toBeGreaterThan(0);
  const stored = (await r.reminderLog.getForPeriod('2021-22-Q4')).filter((e) => e.key.startsWith('fault-'));
  const failed = outcomes.filter((o) => !o.ok);
  expect(failed.length).toBeGreaterThan(0);
  for (const f of failed) expect(f.ok === false && f.error).toBeInstanceOf(DataAccessError);
  // Every add reported saved is stored; none reported failed is.
  expect(stored.map((e) => e.key).sort()).toEqual(outcomes.flatMap((o) => (o.ok ? [o.item.key] : [])).sort());
});

it('retries batched updates guarded by an etag on their own until they are saved', async () => {
  const r = repos();
  const saved = await r.reminderLog.saveMany(Array.from({ length: 8 }, (_, i) => ({ add: entry(100 + i) })));
  const items = saved.flatMap((o) => (o.ok ? [o.item] : []));
  expect(items).toHaveLength(8);
  local.host.setFaults({ rateBatchCascade: 0.2, rateBatchTimeout: 0.1, seed: 9 });
  const outcomes = await r.reminderLog.saveMany(items.map((it) => ({ update: { id: it.id, etag: it.etag, status: 'Sent' as const } })));
  const injected = local.host.faultsInjected();
  local.host.setFaults({});
  expect(injected.cascade + injected.timeout).toBeGreaterThan(0);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const now = await r.reminderLog.getForPeriod('2021-22-Q4');
  for (const it of items) expect(now.find((e) => e.id === it.id)?.status).toBe('Sent');
});

it('retries a 409 Save Conflict with back-off and then surfaces it as a conflict with the current version', async () => {
  const r = repos();
  const risk = (await r.risks.getAll())[0];
  local.host.setFaults({ rate409: 1 });
  const error = await r.risks.update({ id: risk.id, etag: risk.etag, title: 'Collided' }).catch((e: unknown) => e);
  const injected = local.host.faultsInjected();
  local.host.setFaults({});
  expect(injected.conflict).toBe(4); // the write and its three retries
  expect(waits).toEqual([1, 2, 4]);
  expect(error).toBeInstanceOf(ConflictError);
  expect((error as ConflictError<typeof risk>).serverVersion?.title).toBe(risk.title);
  expect((await r.risks.getById(risk.id))?.title).toBe(risk.title);
});

it('saves through a passing 409 Save Conflict', async () => {
  const r = repos();
  const risk = (await r.risks.getAll())[1];
  local.host.setFaults({ rate409: 0.5, seed: 2 });
  await r.risks.update({ id: risk.id, etag: risk.etag, title: `${risk.title} (reviewed)` });
  local.host.setFaults({});
  expect((await r.risks.getById(risk.id))?.title).toBe(`${risk.title} (reviewed)`);
});

it('slows down when RateLimit headers say the budget is nearly spent, before any 429', async () => {
  const r = repos();
  local.host.setFaults({ rateLimitRemaining: 4, retryAfterSeconds: 2 });
  await r.services.getAll();
  await r.risks.getAll();
  local.host.setFaults({});
  // Four requests left of 100 in a 2-second window: about 500 ms between requests.
  expect(waits.length).toBeGreaterThan(0);
  expect(waits.every((ms) => ms > 0 && ms <= 500)).toBe(true);
});
