/**
 * Deterministic bulk data for benchmarks and paging tests: many objectives and updates
 * spread over the real sample services and officers. The same options always give the same
 * data, so benchmark runs are comparable and tests can assert exact values.
 */
import type { Objective, ObjectiveUpdate, Person } from '../../src/domain/types';
import { nextPeriod, periodById, previousPeriod } from '../../src/domain/calendar';
import { OBJECTIVE_STATUSES, type ObjectiveStatus, type Rag } from '../../src/domain/vocabularies';
import { LIST_DECLARATIONS } from '../../src/data/lists';
import { p } from './html';
import { sampleData } from './index';
import { PERIOD } from './periods';
import type { SampleData } from './types';

/** Options of generateLargeData. */
export interface LargeDataOptions {
  /** Number of objectives to generate. */
  objectives: number;
  /** Number of quarterly updates per objective (consecutive quarters). */
  updatesPerObjective: number;
  /** PRNG seed; defaults to 1. */
  seed?: number;
}

/** mulberry32: small, fast and good enough for test data and fault sequences; floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Review', 'Deliver', 'Implement', 'Embed', 'Align', 'Develop', 'Streamline', 'Procure'];
const TOPICS = [
  'the shared HR operating model',
  'digital channels',
  'the customer contact strategy',
  'records management',
  'the shared risk framework',
  'business continuity plans',
  'the events programme',
  'the asset management plan',
  'procurement processes',
  'the data quality policy',
  'the workforce development plan',
  'self-service forms'
];
const PROGRESS = [
  'Scoping has been agreed with the service lead.',
  'Consultation with staff at both councils has closed.',
  'A project plan has been approved by the programme board.',
  'Training for the teams involved has been delivered.',
  'Delivery has slipped because of vacancies in the team.',
  'Phase one has been implemented and lessons learned recorded.',
  'Partner councils have agreed the proposals.',
  'Benefits are being tracked against the business case.'
];
/** Narratives pre-rendered once: rendering 20,000 of them would dominate generation time. */
const NARRATIVES = PROGRESS.flatMap((a) => PROGRESS.filter((b) => b !== a).map((b) => p(a, b)));
const STATUSES: readonly ObjectiveStatus[] = OBJECTIVE_STATUSES;
/** Earlier updates are never Complete: an objective is not reopened in the sample. */
const OPEN_STATUSES = STATUSES.filter((s) => s !== 'Complete');

/** The latest period of the sample (2021/22 Q4); generated updates end there or one quarter earlier. */
const LATEST_PERIOD = PERIOD.q4;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A period as the generator needs it: id, and start and deadline in epoch milliseconds. */
interface GeneratedPeriod {
  id: string;
  startMs: number;
  deadlineMs: number;
}

/** `count` consecutive periods ending at `last`, oldest first, from the product's calendar. */
function periodsEndingAt(last: string, count: number): GeneratedPeriod[] {
  const result: GeneratedPeriod[] = [];
  let id = last;
  for (let i = 0; i < count; i++) {
    const period = periodById(id);
    result.unshift({
      id: period.id,
      startMs: Date.parse(`${period.start}T08:00:00Z`),
      deadlineMs: Date.parse(`${period.deadline}T17:00:00Z`)
    });
    id = previousPeriod(id).id;
  }
  return result;
}

function isoDate(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

function ragFor(status: ObjectiveStatus, r: number): Rag {
  // Nobody rates an objective that has not started.
  if (status === 'Not started') return 'Not rated';
  if (status === 'Complete') return 'Green';
  if (status === 'On hold') return r < 0.5 ? 'Amber' : 'Red';
  return r < 0.6 ? 'Green' : r < 0.9 ? 'Amber' : 'Red';
}

function nonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`generateLargeData: ${name} must be a non-negative integer, got ${value}`);
}

/**
 * Generates `objectives` objectives with `updatesPerObjective` consecutive quarterly updates
 * each, on the sample's users and services (whose other lists are copied unchanged). Each
 * objective's status, RAG and last update period match its latest update.
 */
export function generateLargeData(options: LargeDataOptions): SampleData {
  nonNegativeInteger('objectives', options.objectives);
  nonNegativeInteger('updatesPerObjective', options.updatesPerObjective);
  const random = prng(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const { users, services } = sampleData;
  // Officers exclude the auditor persona, who never writes updates.
  const officers: Person[] = users.filter((u) => u.id !== 3);
  const objectives: Objective[] = [];
  const updates: ObjectiveUpdate[] = [];

  // Calendar lookups are cached: there are only a handful of distinct periods.
  const timelines = new Map<string, GeneratedPeriod[]>();
  const timeline = (last: string): GeneratedPeriod[] => {
    let found = timelines.get(last);
    if (!found) {
      found = periodsEndingAt(last, options.updatesPerObjective);
      timelines.set(last, found);
    }
    return found;
  };
  const previous = previousPeriod(LATEST_PERIOD).id;
  const dueAfter = new Map<string, string>([
    [LATEST_PERIOD, nextPeriod(LATEST_PERIOD).deadline],
    [previous, nextPeriod(previous).deadline]
  ]);

  for (let i = 1; i <= options.objectives; i++) {
    const officer = pick(officers);
    const service = pick(services);
    const status = pick(STATUSES);
    const rag = ragFor(status, random());
    // About one objective in five has missed the latest quarter, so overdue views have rows.
    const latest = random() < 0.2 ? previous : LATEST_PERIOD;
    const periods = timeline(latest);

    periods.forEach((period, k) => {
      const isLast = k === periods.length - 1;
      const updateStatus: ObjectiveStatus = isLast ? status : pick(OPEN_STATUSES);
      // Written between the start of the period and its deadline.
      const writtenMs = period.startMs + Math.floor(random() * (period.deadlineMs - period.startMs));
      updates.push({
        id: updates.length + 1,
        etag: '',
        objectiveId: i,
        periodId: period.id,
        narrative: pick(NARRATIVES),
        status: updateStatus,
        rag: isLast ? rag : ragFor(updateStatus, random()),
        author: { ...officer },
        updatedOn: new Date(writtenMs).toISOString(),
        created: new Date(writtenMs).toISOString()
      });
    });

    // Created before its first quarter (or the latest, with no updates), so a paper for any
    // generated period lists it: items created after a period's end are left out of its paper.
    const firstStartMs = (periods[0] ?? timeline(LATEST_PERIOD)[0] ?? periodsEndingAt(LATEST_PERIOD, 1)[0]).startMs;
    objectives.push({
      id: i,
      etag: '',
      created: new Date(firstStartMs - Math.floor(random() * 60) * DAY_MS - DAY_MS).toISOString(),
      title: `${pick(VERBS)} ${pick(TOPICS)} (${service.name} ${i})`,
      aim: p(`Generated objective ${i} for ${service.name}, shared by ${service.partnerCouncils.join(', ')}.`),
      serviceId: service.id,
      status,
      rag,
      responsibleOfficer: { ...officer },
      targetDate: isoDate(2022 + Math.floor(random() * 2), Math.floor(random() * 12), 28),
      ...(periods.length > 0 ? { lastUpdatePeriodId: latest } : {}),
      // No further update is due once an objective is complete.
      ...(status === 'Complete' ? {} : { nextUpdateDue: dueAfter.get(latest) })
    });
  }

  // Every other list declared with required sample data comes as in the sample data (copied).
  const asSampled = Object.fromEntries(
    LIST_DECLARATIONS.filter((d) => d.sample === 'required').map((d) => [d.key, structuredClone((sampleData as unknown as Record<string, unknown[]>)[d.key])])
  ) as Omit<SampleData, 'users'>;
  return {
    ...asSampled,
    users: users.map((u) => ({ ...u })),
    directory: (sampleData.directory ?? []).map((p) => ({ ...p })),
    services: services.map((s) => ({ ...s, partnerCouncils: [...s.partnerCouncils] })),
    objectives,
    objectiveUpdates: updates
  };
}
