/**
 * The reminder job against the local host over HTTP (PnPjs repositories, Graph JSON batching),
 * with fault injection on: throttled items are retried without duplicates, and a run that dies
 * part-way is completed by a rerun with every officer mailed exactly once.
 */
import { startLocalHost } from '../../local/host/server';
import { personas } from '../../local/sample-data';
import { localReminderDeps } from '../../local/scripts/remind';
import { REMINDER_BENCH_TODAY, reminderSeed } from '../../bench/reminders';
import { runReminders } from '../../src/reminders';

type Host = Awaited<ReturnType<typeof startLocalHost>>;
const OFFICERS = 70;
const waits: number[] = [];
// Records the waits instead of sleeping: we assert what is honoured, not how long it took.
const sleep = async (ms: number): Promise<void> => void waits.push(ms);

let host: Host;
beforeEach(async () => {
  waits.length = 0;
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(OFFICERS), personas, faults: {} });
});
afterEach(async () => {
  await host?.close();
});

const recipients = (): string[] => host.outbox().map((m) => m.to[0]);
const officerEmails = Array.from({ length: OFFICERS }, (_, i) => `officer${i + 1}@example.gov.uk`).sort();

function deps() {
  return localReminderDeps(host.url, {}, sleep);
}

it('retries throttled Graph items and SharePoint requests; the outbox has exactly one mail per officer', async () => {
  host.setFaults({ rate429: 0.3, retryAfterSeconds: 2, seed: 11 });
  const d = deps();
  const result = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, sanitise: d.sanitise });
  host.setFaults({});
  expect(waits.length).toBeGreaterThan(0);
  expect(waits.every((ms) => ms === 2000)).toBe(true);
  expect(result.sent).toHaveLength(OFFICERS);
  expect(recipients().sort()).toEqual(officerEmails);
  expect(host.outbox().every((m) => m.from === 'performance@example.gov.uk')).toBe(true);
  const log = await d.repositories.reminderLog.getAll();
  expect(log.filter((e) => e.status === 'Sent')).toHaveLength(OFFICERS);
});

it('after the run dies part-way, a rerun mails the rest: every officer exactly once, none skipped', async () => {
  host.setFaults({ rate429: 0.2, rate503: 0.05, retryAfterSeconds: 1, seed: 5 });
  const first = deps();
  await expect(
    runReminders({
      ...first,
      today: REMINDER_BENCH_TODAY,
      links: first.settings.links,
      onBatch: (n) => {
        if (n === 2) throw new Error('process killed');
      }
    })
  ).rejects.toThrow('process killed');
  const mailedBeforeCrash = host.outbox().length;
  expect(mailedBeforeCrash).toBe(40);

  // A fresh process (new repositories and Graph client), as the next timer run would be.
  const second = deps();
  const rerun = await runReminders({ ...second, today: REMINDER_BENCH_TODAY, links: second.settings.links });
  host.setFaults({});
  expect(rerun.alreadySent).toHaveLength(40);
  expect(rerun.sent).toHaveLength(OFFICERS - 40);
  expect(recipients().sort()).toEqual(officerEmails);

  const third = await runReminders({ ...deps(), today: REMINDER_BENCH_TODAY, links: second.settings.links });
  expect(third.sent).toEqual([]);
  expect(host.outbox()).toHaveLength(OFFICERS);
});

it('dry run prints the plan and neither writes the log nor sends', async () => {
  const d = deps();
  host.resetRequestLog();
  const result = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, dryRun: true });
  expect(result.plan.officers).toHaveLength(OFFICERS);
  expect(host.outbox()).toHaveLength(0);
  expect(host.requestLog().filter((r) => r.path.startsWith('/v1.0'))).toEqual([]);
  expect(await d.repositories.reminderLog.getAll()).toEqual([]);
});

it('writes the reminder log in two $batch requests a chunk of officers (claims, then outcomes), not a request per officer', async () => {
  const d = deps();
  host.resetRequestLog();
  const result = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links });
  expect(result.sent).toHaveLength(OFFICERS);
  const chunks = Math.ceil(OFFICERS / 20);
  const sharePoint = host.requestLog().filter((r) => r.path.includes('/_api/'));
  // Reading the lists and this period's log, then per chunk a read of its keys, one claim batch and
  // one outcome batch. Each filtered read is one $batch too (its first id window and the highest id),
  // so the log is read the same way however long it grows.
  expect(sharePoint.filter((r) => /\/_api\/\$batch$/.test(r.path))).toHaveLength(2 + 3 * chunks);
  expect(sharePoint.filter((r) => !/contextinfo$/.test(r.path))).toHaveLength(2 + 3 * chunks);
  expect(sharePoint.filter((r) => /items/i.test(r.path) && r.method === 'POST')).toEqual([]);
  const log = await d.repositories.reminderLog.getAll();
  expect(log.filter((e) => e.status === 'Sent')).toHaveLength(OFFICERS);
});

it('re-claims failed entries in place through the batch (read back for their etag) and records them as sent', async () => {
  const d = deps();
  const plan = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, dryRun: true });
  const failed = await Promise.all(
    plan.decisions.slice(0, 3).map((x) =>
      d.repositories.reminderLog.add({
        key: x.key,
        officerEmail: x.officer.email,
        periodId: plan.plan.period.id,
        round: plan.plan.round?.round ?? 1,
        status: 'Failed',
        attemptedOn: '2022-01-01T09:00:00Z',
        detail: 'Mailbox unavailable'
      })
    )
  );
  const result = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links });
  expect(result.sent).toHaveLength(OFFICERS);
  const log = await d.repositories.reminderLog.getAll();
  expect(log).toHaveLength(OFFICERS);
  for (const f of failed) expect(log.find((e) => e.id === f.id)?.status).toBe('Sent');
});

it('survives SharePoint batches whose failed part fails the rest, part timeouts and Save Conflicts: every officer mailed exactly once', async () => {
  host.setFaults({ rateBatchCascade: 0.05, rateBatchTimeout: 0.05, rate409: 0.05, seed: 21, pathPattern: '^/sites/' });
  const d = deps();
  const result = await runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links });
  const injected = host.faultsInjected();
  host.setFaults({});
  // Seeded: each kind of fault really happened during the run.
  expect(injected.cascade).toBeGreaterThan(0);
  expect(injected.timeout).toBeGreaterThan(0);
  expect(injected.conflict).toBeGreaterThan(0);
  expect(result.sent).toHaveLength(OFFICERS);
  expect(recipients().sort()).toEqual(officerEmails);
  const log = await d.repositories.reminderLog.getAll();
  expect(log.filter((e) => e.status === 'Sent')).toHaveLength(OFFICERS);
});
