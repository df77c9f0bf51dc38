/**
 * Several reminder runs at once against the local host (the timer, `npm run remind` and
 * "Send reminders now" started together), with faults on: each officer gets exactly one mail.
 * The claim that makes this hold is a reminder-log entry per officer, period and round whose
 * key column SharePoint keeps unique, so only one run can create it.
 */
import { startLocalHost } from '../../local/host/server';
import { personas } from '../../local/sample-data';
import { localReminderDeps } from '../../local/scripts/remind';
import { REMINDER_BENCH_TODAY, reminderSeed } from '../../bench/reminders';
import { ReminderRunError, ReminderRunResult, runReminders } from '../../src/reminders';
import type { FaultConfig } from '../../local/host/faults';

type Host = Awaited<ReturnType<typeof startLocalHost>>;
const OFFICERS = 1000;
// Records the waits instead of sleeping: Retry-After is honoured in count, not in wall time.
const sleep = async (): Promise<void> => undefined;

let host: Host;
afterEach(async () => {
  await host?.close();
});

/** Duplicates (mails beyond the first per officer) and skips (officers with no mail). */
function tally(h: Host, officers: number): { duplicates: number; skips: number; mails: number } {
  const perOfficer = new Map<string, number>();
  for (const m of h.outbox()) perOfficer.set(m.to[0], (perOfficer.get(m.to[0]) ?? 0) + 1);
  let duplicates = 0;
  perOfficer.forEach((n) => (duplicates += n - 1));
  let skips = 0;
  for (let i = 1; i <= officers; i++) if (!perOfficer.has(`officer${i}@example.gov.uk`)) skips++;
  return { duplicates, skips, mails: h.outbox().length };
}

/** A run's result whether it finished cleanly or threw ReminderRunError with what it did. */
async function settle(p: Promise<ReminderRunResult>): Promise<ReminderRunResult> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ReminderRunError) return e.result as ReminderRunResult;
    throw e;
  }
}

async function threeAtOnce(faults: FaultConfig, officers: number): Promise<ReminderRunResult[]> {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(officers), personas, faults: {} });
  host.setFaults(faults);
  const runs = [0, 1, 2].map(() => {
    const d = localReminderDeps(host.url, {}, sleep);
    return settle(runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, sleep }));
  });
  const results = await Promise.all(runs);
  injected = host.faultsInjected();
  host.setFaults({});
  return results;
}

let injected: { throttle: number; unavailable: number; reset: number };

/** One run over `officers` officers with these faults; its result, settled. */
async function oneRun(faults: FaultConfig, officers: number, extra: { pendingPolicy?: 'resend' | 'hold' } = {}): Promise<ReminderRunResult> {
  host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(officers), personas, faults: {} });
  host.setFaults(faults);
  const d = localReminderDeps(host.url, {}, sleep);
  const result = await settle(runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, sleep, ...extra }));
  injected = host.faultsInjected();
  host.setFaults({});
  return result;
}

const GRAPH_BATCH = '^/v1\\.0/\\$batch$';

it('three senders at once over 1,000 officers with throttling, outages and dropped connections: 0 duplicates, 0 skips', async () => {
  // Throttling and outages on every SharePoint and Graph request; one Graph $batch in ten has its connection reset.
  const results = await threeAtOnce({ rate429: 0.1, rate503: 0.05, retryAfterSeconds: 1, rateReset: 0.1, resetPathPattern: GRAPH_BATCH, seed: 19 }, OFFICERS);
  const figures = tally(host, OFFICERS);
  console.log(`three concurrent senders, ${OFFICERS} officers: ${figures.mails} mails, ${figures.duplicates} duplicates, ${figures.skips} skips`);
  expect(injected.throttle).toBeGreaterThan(0);
  expect(injected.unavailable).toBeGreaterThan(0);
  expect(injected.reset).toBeGreaterThan(0);
  expect(figures.duplicates).toBe(0);
  expect(figures.skips).toBe(0);
  // Every officer is accounted for by the runs together: sent by exactly one of them.
  const sent = results.flatMap((r) => r.sent);
  expect(sent).toHaveLength(OFFICERS);
  expect(new Set(sent).size).toBe(OFFICERS);
}, 300000);

describe('a dropped connection on the Graph send fails only its own batch', () => {
  it('dropped before Graph read it: the batch is posted again and the run goes on; everyone mailed once', async () => {
    const result = await oneRun({ rateReset: 0.3, resetPathPattern: GRAPH_BATCH, seed: 3 }, 200);
    const figures = tally(host, 200);
    expect(injected.reset).toBeGreaterThan(0);
    expect(figures).toEqual({ duplicates: 0, skips: 0, mails: 200 });
    expect(result.sent).toHaveLength(200);
    expect(result.unconfirmed).toEqual([]);
  });

  it("answer lost after Graph sent it, policy 'hold': only that batch is unconfirmed, the rest is sent, nothing twice", async () => {
    const result = await oneRun({ rateReset: 0.1, resetAfterProcessing: true, resetPathPattern: GRAPH_BATCH, seed: 8 }, 200, { pendingPolicy: 'hold' });
    const figures = tally(host, 200);
    expect(injected.reset).toBeGreaterThan(0);
    // Each lost answer puts one batch of up to 20 in doubt; every other batch went on.
    expect(result.unconfirmed.length).toBeGreaterThan(0);
    expect(result.unconfirmed.length).toBeLessThanOrEqual(20 * injected.reset);
    expect(result.sent.length + result.unconfirmed.length).toBe(200);
    expect(figures.duplicates).toBe(0);
    // Graph did send the unconfirmed ones: the log keeps them Pending for a person to check.
    expect(figures.skips).toBe(0);
    const d = localReminderDeps(host.url, {}, sleep);
    const log = await d.repositories.reminderLog.getAll();
    expect(log.filter((e) => e.status === 'Pending').map((e) => e.key).sort()).toEqual(result.unconfirmed.map((u) => u.key).sort());
    expect(log.filter((e) => e.status === 'Pending').every((e) => /^Unconfirmed: /.test(e.detail ?? ''))).toBe(true);
  });
});

describe('the claim column on the local host behaves as SharePoint’s unique column', () => {
  it('refuses a second entry with the same key (SPDuplicateValuesFoundException) and keeps one', async () => {
    host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(1), personas, faults: {} });
    const d = localReminderDeps(host.url, {}, sleep);
    const entry = { key: 'officer1@example.gov.uk|2021-22-Q4|1', officerEmail: 'officer1@example.gov.uk', periodId: '2021-22-Q4', round: 1, status: 'Pending' as const, attemptedOn: '2022-03-01T08:00:00Z' };
    await d.repositories.reminderLog.add(entry);
    // Case differs: SharePoint compares unique values case-insensitively.
    const outcomes = await d.repositories.reminderLog.saveMany([{ add: entry }, { add: { ...entry, key: entry.key.toUpperCase() } }]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : (o.error as Error).name))).toEqual(['DuplicateValueError', 'DuplicateValueError']);
    expect(await d.repositories.reminderLog.getAll()).toHaveLength(1);
    expect(await d.repositories.reminderLog.getForKeys([entry.key])).toHaveLength(1);
  });
});

describe('a local data file from before the claim column', () => {
  it('gets the new columns when the host opens it, and the claim works on it', async () => {
    const os = await import('node:os');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { Store } = await import('../../local/host/store');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-upgrade-'));
    const file = path.join(dir, 'ssm.sqlite');
    try {
      host = await startLocalHost({ port: 0, dbFile: file, seed: reminderSeed(3), personas, faults: {} });
      await host.close();
      // Make the file look older: drop the claim column from the reminder log's definition.
      const old = new Store(file);
      const log = old.listByTitle('SSM Reminder Log');
      if (!log) throw new Error('no reminder log');
      (old as unknown as { db: { prepare(sql: string): { run(...a: unknown[]): void } } }).db.prepare('DELETE FROM fields WHERE list_pk = ? AND internal_name = ?').run(log.pk, 'ClaimKey');
      old.close();

      host = await startLocalHost({ port: 0, dbFile: file, personas, faults: {} });
      const reopened = await fetch(`${host.webUrl}/_api/web/lists/getByTitle('SSM%20Reminder%20Log')/fields/getByInternalNameOrTitle('ClaimKey')`, { headers: { Accept: 'application/json;odata=nometadata' } });
      expect(await reopened.json()).toMatchObject({ EnforceUniqueValues: true, Indexed: true });
      const d = localReminderDeps(host.url, {}, sleep);
      const [a, b] = await Promise.all([0, 1].map(() => settle(runReminders({ ...d, today: REMINDER_BENCH_TODAY, links: d.settings.links, sleep }))));
      expect(a.sent.length + b.sent.length).toBe(3);
      expect(tally(host, 3)).toEqual({ duplicates: 0, skips: 0, mails: 3 });
    } finally {
      await host.close();
      host = undefined as unknown as Host;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
