/**
 * Reminder benchmark: starts the local host in-process with 1,000 officers who each owe one
 * objective update, runs the reminder job (PnPjs + Graph JSON batching, over HTTP) and prints
 * the Graph `$batch` requests, all HTTP requests and the wall time. It asserts nothing.
 */
import { startLocalHost } from '../local/host/server';
import { sampleData, personas } from '../local/sample-data';
import type { SampleData } from '../local/sample-data/types';
import { localReminderDeps } from '../local/scripts/remind';
import { runReminders } from '../src/reminders';
import type { Objective, Person } from '../src/domain/types';

/** A day in round 1 of Q4 2021/22 (updates due 10 March 2022). */
export const REMINDER_BENCH_TODAY = '2022-03-01';

/**
 * Seed with `officers` officers (site users 101...), each responsible for one open objective of
 * the first sample service, on top of the sample users so the host's personas still exist.
 */
export function reminderSeed(officers: number): SampleData {
  const users: Person[] = sampleData.users.map((u) => ({ ...u }));
  const serviceId = sampleData.services[0].id;
  const objectives: Objective[] = [];
  for (let i = 0; i < officers; i++) {
    const id = 101 + i;
    const person: Person = { id, displayName: `Officer ${i + 1}`, email: `officer${i + 1}@example.gov.uk` };
    users.push(person);
    objectives.push({ id: i + 1, etag: '', title: `Objective ${i + 1}`, aim: '', serviceId, status: 'In progress', rag: 'Green', responsibleOfficer: person });
  }
  return { ...sampleData, users, services: sampleData.services.map((s) => ({ ...s })), objectives, objectiveUpdates: [], risks: [], measures: [], benefits: [], highlights: [] };
}

/** Figures of one benchmark run. */
export interface ReminderBenchResult {
  officers: number;
  sent: number;
  graphBatchRequests: number;
  httpRequests: number;
  ms: number;
}

/** Runs the benchmark for `officers` officers and prints the figures. */
export async function runRemindersBenchmark(officers = 1000): Promise<ReminderBenchResult> {
  const host = await startLocalHost({ port: 0, dbFile: ':memory:', seed: reminderSeed(officers), personas });
  try {
    const deps = localReminderDeps(host.url, {});
    host.resetRequestLog();
    const started = performance.now();
    const result = await runReminders({ ...deps, today: REMINDER_BENCH_TODAY, links: deps.settings.links, sanitise: deps.sanitise });
    const ms = performance.now() - started;
    const log = host.requestLog();
    const figures: ReminderBenchResult = {
      officers,
      sent: result.sent.length,
      graphBatchRequests: log.filter((r) => /^\/v1\.0\/\$batch/i.test(r.path)).length,
      httpRequests: log.length,
      ms
    };
    console.log(
      `reminders: ${figures.officers} officers, ${figures.sent} emails sent in ${figures.graphBatchRequests} Graph $batch requests ` +
        `(${figures.httpRequests} HTTP requests including the reminder log) in ${Math.round(figures.ms)} ms`
    );
    return figures;
  } finally {
    await host.close();
  }
}
